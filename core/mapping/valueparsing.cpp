#include "mapping/valueparsing.h"

#include <QHash>
#include <QStringList>

namespace ContactDesk::Mapping {

namespace {

// English month names (what exports write) and the system's C names, lower case.
int monthFromName(QString name)
{
    static const QHash<QString, int> months = [] {
        QHash<QString, int> table;
        const QLocale c = QLocale::c();
        for (int month = 1; month <= 12; ++month) {
            table.insert(c.monthName(month, QLocale::LongFormat).toLower(), month);
            table.insert(c.monthName(month, QLocale::ShortFormat).toLower(), month);
        }
        table.insert(QStringLiteral("sept"), 9);
        return table;
    }();
    if (name.endsWith(u'.'))
        name.chop(1);
    return months.value(name.toLower(), 0);
}

qsizetype runLength(const QString& text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && text.at(end) == text.at(from))
        ++end;
    return end - from;
}

bool allDigits(const QString& text)
{
    return std::all_of(text.begin(), text.end(), [](QChar ch) { return ch.isDigit(); });
}

bool isSpace(QChar ch)
{
    return ch.isSpace() || ch == QChar(0x00A0) || ch == QChar(0x202F) || ch == QChar(0x2009)
        || ch == QChar(0x2007);
}

} // namespace

std::optional<DateFormat> DateFormat::compile(const QString& format, QString* problem)
{
    DateFormat result;
    result.m_format = format;
    QString pattern = QStringLiteral("^");
    bool day = false;
    bool month = false;
    bool year = false;
    const auto once = [&](bool& seen, const char* what) {
        if (seen)
            *problem = QStringLiteral("'%1' has the %2 twice").arg(format, QLatin1String(what));
        seen = true;
    };
    for (qsizetype i = 0; i < format.size() && problem->isEmpty();) {
        const QChar ch = format.at(i);
        if (ch == u'\'') {
            const qsizetype close = format.indexOf(u'\'', i + 1);
            const QString literal
                = close < 0 ? format.mid(i + 1) : format.mid(i + 1, close - i - 1);
            pattern
                += literal.isEmpty() ? QStringLiteral("'") : QRegularExpression::escape(literal);
            i = close < 0 ? format.size() : close + 1;
            continue;
        }
        const qsizetype n = runLength(format, i);
        if (ch == u'd' && n <= 2) {
            once(day, "day");
            pattern += n == 1 ? QStringLiteral("(?<d>\\d{1,2})") : QStringLiteral("(?<d>\\d{2})");
        } else if (ch == u'd') {
            pattern += QStringLiteral("[^\\W\\d_]+\\.?"); // day name: read, not checked
        } else if (ch == u'M') {
            once(month, "month");
            pattern += n == 1 ? QStringLiteral("(?<M>\\d{1,2})")
                : n == 2      ? QStringLiteral("(?<M>\\d{2})")
                              : QStringLiteral("(?<Mn>[^\\W\\d_]{3,}\\.?)");
        } else if (ch == u'y') {
            if (n != 2 && n != 4) {
                *problem = QStringLiteral("'%1': a year is yy or yyyy").arg(format);
                break;
            }
            once(year, "year");
            result.m_twoDigitYear = n == 2;
            pattern += n == 2 ? QStringLiteral("(?<y>\\d{2})") : QStringLiteral("(?<y>\\d{4})");
        } else if (ch == u'H' || ch == u'h' || ch == u'm' || ch == u's') {
            pattern += QStringLiteral("\\d{1,2}");
        } else if (ch == u'z') {
            pattern += QStringLiteral("\\d{1,3}");
        } else if (ch == u'A' || ch == u'a') {
            pattern += QStringLiteral("[AaPp]\\.?[Mm]?\\.?");
            if (i + 1 < format.size() && (format.at(i + 1) == u'P' || format.at(i + 1) == u'p')) {
                i += 2;
                continue;
            }
        } else if (ch == u't') {
            pattern += QStringLiteral("\\S+");
        } else if (ch == u' ') {
            pattern += QStringLiteral("\\s+");
        } else {
            pattern += QRegularExpression::escape(QString(n, ch));
        }
        i += n;
    }
    if (problem->isEmpty() && !(day && month && year)) {
        *problem = QStringLiteral("'%1' needs a day (d or dd), a month (M, MM, MMM or MMMM) and a "
                                  "year (yy or yyyy)")
                       .arg(format);
    }
    if (!problem->isEmpty())
        return std::nullopt;
    result.m_regex = QRegularExpression(pattern + u'$', QRegularExpression::CaseInsensitiveOption);
    result.m_regex.optimize();
    return result;
}

DateFormat::Result DateFormat::parse(const QString& text) const
{
    Result result;
    const QRegularExpressionMatch match = m_regex.match(text);
    if (!match.hasMatch())
        return result;
    int month = match.captured(u"M").toInt();
    if (month == 0 && !match.captured(u"Mn").isEmpty()) {
        month = monthFromName(match.captured(u"Mn"));
        if (month == 0)
            return result; // not a month's name: the text does not fit
    }
    int year = match.captured(u"y").toInt();
    if (m_twoDigitYear)
        year += year < 70 ? 2000 : 1900;
    const int day = match.captured(u"d").toInt();
    result.shapeMatched = true;
    if (QDate::isValid(year, month, day))
        result.date = QDate(year, month, day);
    return result;
}

DateFormat::Result parseWireDate(const QString& text)
{
    static const QRegularExpression yearFirst(QStringLiteral(
        "^(\\d{4})([-/._])(\\d{1,2})\\2(\\d{1,2})(?:T[0-9:.]+(?:Z|[+-][0-9:]+)?)?$"));
    static const QRegularExpression monthFirst(
        QStringLiteral("^(\\d{1,2})([-/._])(\\d{1,2})\\2(\\d{4})$"));
    DateFormat::Result result;
    int year = 0;
    int month = 0;
    int day = 0;
    if (const QRegularExpressionMatch m = yearFirst.match(text); m.hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(3).toInt();
        day = m.captured(4).toInt();
    } else if (const QRegularExpressionMatch m = monthFirst.match(text); m.hasMatch()) {
        month = m.captured(1).toInt();
        day = m.captured(3).toInt();
        year = m.captured(4).toInt();
    } else {
        return result;
    }
    result.shapeMatched = true;
    if (QDate::isValid(year, month, day))
        result.date = QDate(year, month, day);
    return result;
}

std::optional<QLocale> localeNamed(const QString& name)
{
    if (name.compare(u"C", Qt::CaseInsensitive) == 0)
        return QLocale::c();
    const QLocale locale(name);
    if (name.isEmpty() || locale.language() == QLocale::C)
        return std::nullopt;
    return locale;
}

std::optional<QString> parseNumber(const QString& text, const QLocale& locale)
{
    QString t;
    t.reserve(text.size());
    for (QChar ch : text) {
        if (!isSpace(ch))
            t += ch;
    }
    QString sign;
    if (t.startsWith(u'+') || t.startsWith(u'-') || t.startsWith(QChar(0x2212))) {
        sign = t.startsWith(u'+') ? QString() : QStringLiteral("-");
        t.remove(0, 1);
    }
    const QString decimal = locale.decimalPoint();
    QString group = locale.groupSeparator();
    if (group.size() == 1 && isSpace(group.at(0)))
        group.clear(); // spaces are already gone
    if (t.count(decimal) > 1)
        return std::nullopt;
    const qsizetype at = t.indexOf(decimal);
    QString whole = at < 0 ? t : t.left(at);
    QString fraction = at < 0 ? QString() : t.mid(at + decimal.size());
    if (!group.isEmpty() && whole.contains(group)) {
        const QStringList groups = whole.split(group);
        if (groups.first().isEmpty() || groups.first().size() > 3)
            return std::nullopt;
        for (qsizetype i = 1; i < groups.size(); ++i) {
            if (groups.at(i).size() != 3)
                return std::nullopt;
        }
        whole = groups.join(QString());
    }
    if ((whole.isEmpty() && fraction.isEmpty()) || !allDigits(whole) || !allDigits(fraction))
        return std::nullopt;
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    if (whole.isEmpty())
        whole = QStringLiteral("0");
    QString result = whole;
    if (!fraction.isEmpty())
        result += u'.' + fraction;
    if (result != u"0")
        result.prepend(sign);
    return result;
}

std::optional<QString> parseMoney(const QString& text, const QLocale& locale)
{
    static const QStringList symbols {QStringLiteral("kr"), QStringLiteral("Kč"),
        QStringLiteral("zł"), QStringLiteral("Ft"), QStringLiteral("Fr."), QStringLiteral("Fr"),
        QStringLiteral("Rs"), QStringLiteral("R"), QStringLiteral("lei")};
    QStringList known = symbols;
    known.prepend(locale.currencySymbol(QLocale::CurrencyIsoCode));
    known.prepend(locale.currencySymbol(QLocale::CurrencySymbol));
    static const QRegularExpression isoCode(QStringLiteral("^[A-Z]{3}|[A-Z]{3}$"));

    QString t = text.trimmed();
    bool negative = false;
    if (t.startsWith(u'(') && t.endsWith(u')')) {
        negative = true;
        t = t.mid(1, t.size() - 2);
    }
    for (bool changed = true; changed;) {
        changed = false;
        const QString before = t;
        t = t.trimmed();
        if (t.startsWith(u'-') || t.startsWith(QChar(0x2212))) {
            negative = !negative;
            t.remove(0, 1);
        }
        while (!t.isEmpty() && t.front().category() == QChar::Symbol_Currency)
            t.remove(0, 1);
        while (!t.isEmpty() && t.back().category() == QChar::Symbol_Currency)
            t.chop(1);
        t.remove(isoCode);
        for (const QString& symbol : std::as_const(known)) {
            if (symbol.isEmpty())
                continue;
            if (t.startsWith(symbol, Qt::CaseInsensitive))
                t.remove(0, symbol.size());
            if (t.endsWith(symbol, Qt::CaseInsensitive))
                t.chop(symbol.size());
        }
        changed = t != before;
    }
    std::optional<QString> number = parseNumber(t, locale);
    if (number && negative && *number != u"0")
        number = number->startsWith(u'-') ? number->mid(1) : u'-' + *number;
    return number;
}

} // namespace ContactDesk::Mapping
