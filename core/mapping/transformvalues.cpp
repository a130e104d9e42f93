// The value transforms: phone numbers, dates, numbers, money and yes/no words.

#include "mapping/transforms_p.h"

#include "common/phonenumbers.h"
#include "mapping/valueparsing.h"

#include <QDate>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace ContactDesk::Mapping::Detail {

namespace {

using Type = TransformOption::Type;

TransformOption option(const QString& name, Type type, const QString& title, bool required,
    const QJsonValue& defaultValue = {})
{
    return TransformOption {name, type, title, required, {}, defaultValue};
}

StepFunction phoneStep(const Options& options, QString* problem)
{
    const QString region = options.string(QStringLiteral("region")).trimmed().toUpper();
    if (!region.isEmpty() && !isPhoneRegion(region)) {
        *problem = QStringLiteral("option 'region': '%1' is not a region code (use a two-letter "
                                  "code such as US, GB or DE)")
                       .arg(region);
        return {};
    }
    return [region](Lanes& lanes, const TransformInput& input) -> QString {
        const QString used = !region.isEmpty() ? region
            : input.defaultRegion.isEmpty()    ? QStringLiteral("US")
                                               : input.defaultRegion.toUpper();
        for (QStringList& lane : lanes) {
            for (QString& value : lane) {
                if (value.trimmed().isEmpty()) {
                    value.clear();
                    continue;
                }
                const QString e164 = toValidE164(value, used);
                if (e164.isEmpty())
                    return QStringLiteral("%1 is not a valid phone number for region %2")
                        .arg(quoted(value), used);
                value = e164;
            }
        }
        return {};
    };
}

StepFunction dateStep(const Options& options, QString* problem)
{
    QList<DateFormat> formats;
    const QStringList names = options.stringList(QStringLiteral("formats"));
    if (names.isEmpty()) {
        *problem = QStringLiteral("option 'formats' needs at least one format");
        return {};
    }
    for (const QString& name : names) {
        QString why;
        const std::optional<DateFormat> format = DateFormat::compile(name, &why);
        if (!format) {
            *problem = QStringLiteral("option 'formats': %1").arg(why);
            return {};
        }
        formats.append(*format);
    }
    const QString list = names.join(QStringLiteral(", "));
    return eachValue([formats, list](const QString& value, QString* error) -> QString {
        const QString text = value.trimmed();
        if (text.isEmpty())
            return {};
        bool shapeMatched = false;
        for (const DateFormat& format : formats) {
            const DateFormat::Result result = format.parse(text);
            if (result.date.isValid())
                return result.date.toString(QStringLiteral("yyyy-MM-dd"));
            shapeMatched = shapeMatched || result.shapeMatched;
        }
        *error = shapeMatched
            ? QStringLiteral("%1 is not a real date").arg(quoted(text))
            : QStringLiteral("%1 is not a date in any of the formats %2").arg(quoted(text), list);
        return {};
    });
}

std::optional<QLocale> localeOption(const Options& options, QString* problem)
{
    const QString name = options.string(QStringLiteral("locale")).trimmed();
    const std::optional<QLocale> locale = localeNamed(name);
    if (!locale) {
        *problem = QStringLiteral("option 'locale': '%1' is not a locale (use a name such as "
                                  "en_US, de_DE or fr_FR)")
                       .arg(name);
    }
    return locale;
}

StepFunction numberStep(const Options& options, bool money, QString* problem)
{
    const std::optional<QLocale> locale = localeOption(options, problem);
    if (!locale)
        return {};
    const QString localeName = options.string(QStringLiteral("locale"));
    return eachValue(
        [locale = *locale, localeName, money](const QString& value, QString* error) -> QString {
            if (value.trimmed().isEmpty())
                return {};
            const std::optional<QString> number
                = money ? parseMoney(value, locale) : parseNumber(value, locale);
            if (!number) {
                *error = QStringLiteral("%1 is not %2 in locale %3")
                             .arg(quoted(value.trimmed()),
                                 money ? QStringLiteral("an amount") : QStringLiteral("a number"),
                                 localeName);
                return {};
            }
            return *number;
        });
}

StepFunction booleanStep(const Options& options, QString* problem)
{
    QSet<QString> trueWords;
    QSet<QString> falseWords;
    for (const QString& word : defaultTrueWords())
        trueWords.insert(word);
    for (const QString& word : defaultFalseWords())
        falseWords.insert(word);
    for (const QString& word : options.stringList(QStringLiteral("trueWords")))
        trueWords.insert(word.trimmed().toLower());
    for (const QString& word : options.stringList(QStringLiteral("falseWords")))
        falseWords.insert(word.trimmed().toLower());
    for (const QString& word : std::as_const(trueWords)) {
        if (falseWords.contains(word) || word.isEmpty()) {
            *problem = word.isEmpty()
                ? QStringLiteral("an empty word cannot be yes or no (an empty cell has no value)")
                : QStringLiteral("'%1' cannot be both a yes word and a no word").arg(word);
            return {};
        }
    }
    if (falseWords.contains(QString())) {
        *problem = QStringLiteral("an empty word cannot be yes or no (an empty cell has no value)");
        return {};
    }
    QStringList known = defaultTrueWords().mid(0, 4) + defaultFalseWords().mid(0, 4);
    return eachValue([=](const QString& value, QString* error) -> QString {
        const QString word = value.trimmed().toLower();
        if (word.isEmpty())
            return {};
        if (trueWords.contains(word))
            return QStringLiteral("true");
        if (falseWords.contains(word))
            return QStringLiteral("false");
        *error = QStringLiteral("%1 is not a yes/no word (%2, ...)")
                     .arg(quoted(value.trimmed()), known.join(QStringLiteral(", ")));
        return {};
    });
}

} // namespace

const QStringList& defaultTrueWords()
{
    static const QStringList words {QStringLiteral("yes"), QStringLiteral("true"),
        QStringLiteral("1"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("on"),
        QStringLiteral("checked"), QStringLiteral("t")};
    return words;
}

const QStringList& defaultFalseWords()
{
    static const QStringList words {QStringLiteral("no"), QStringLiteral("false"),
        QStringLiteral("0"), QStringLiteral("n"), QStringLiteral("off"),
        QStringLiteral("unchecked"), QStringLiteral("f")};
    return words;
}

QList<TransformInfo> valueTransforms()
{
    const QJsonArray defaultFormats {u"yyyy-MM-dd"_qs, u"yyyyMMdd"_qs, u"d MMM yyyy"_qs,
        u"d MMMM yyyy"_qs, u"MMM d, yyyy"_qs, u"MMMM d, yyyy"_qs};
    return {
        {QStringLiteral("phoneE164"), QStringLiteral("Phone number to E.164"),
            QStringLiteral("Reads a phone number as typed and writes it as +<country><number>; "
                           "a number without a country code is read in the region (default: "
                           "the profile's region)."),
            {option(QStringLiteral("region"), Type::String, QStringLiteral("Region"), false,
                QString())}},
        {QStringLiteral("date"), QStringLiteral("Date"),
            QStringLiteral("Reads a date in the first of the formats that fits (dd/MM/yyyy, "
                           "MM/dd/yyyy, d MMM yyyy, ...) and writes it as YYYY-MM-DD."),
            {option(QStringLiteral("formats"), Type::StringList, QStringLiteral("Formats to try"),
                false, defaultFormats)}},
        {QStringLiteral("number"), QStringLiteral("Number"),
            QStringLiteral("Reads a number written in a locale (de_DE \"1.234,5\") and writes it "
                           "as plain 1234.5."),
            {option(QStringLiteral("locale"), Type::String, QStringLiteral("Locale"), false,
                QStringLiteral("en_US"))}},
        {QStringLiteral("money"), QStringLiteral("Money"),
            QStringLiteral("Like number, and drops currency symbols and codes (\"$1,234.50\", "
                           "\"1.234,50 EUR\")."),
            {option(QStringLiteral("locale"), Type::String, QStringLiteral("Locale"), false,
                QStringLiteral("en_US"))}},
        {QStringLiteral("boolean"), QStringLiteral("Yes or no"),
            QStringLiteral("Reads yes/no words (yes, no, 1, 0, true, false, x, y, n, on, off, "
                           "checked) and writes true or false; other text is an error."),
            {option(QStringLiteral("trueWords"), Type::StringList, QStringLiteral("More yes words"),
                 false, QJsonArray()),
                option(QStringLiteral("falseWords"), Type::StringList,
                    QStringLiteral("More no words"), false, QJsonArray())}},
    };
}

StepFunction compileValueStep(const QString& op, const Options& options, QString* problem)
{
    if (op == u"phoneE164")
        return phoneStep(options, problem);
    if (op == u"date")
        return dateStep(options, problem);
    if (op == u"number")
        return numberStep(options, false, problem);
    if (op == u"money")
        return numberStep(options, true, problem);
    if (op == u"boolean")
        return booleanStep(options, problem);
    return {};
}

} // namespace ContactDesk::Mapping::Detail
