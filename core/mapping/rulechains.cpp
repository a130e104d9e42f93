#include "mapping/rulechains.h"

#include "mapping/record.h"

#include <QDate>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace ContactDesk::Mapping::Chains {

namespace {

QJsonArray toArray(const QStringList& list)
{
    QJsonArray array;
    for (const QString& item : list)
        array.append(item);
    return array;
}

} // namespace

Transform step(const QString& op, const QJsonObject& options)
{
    return Transform {op, options};
}

QList<Transform> text()
{
    return {step(QStringLiteral("trim"))};
}

QList<Transform> email()
{
    return {step(QStringLiteral("trim")), step(QStringLiteral("lowerCase"))};
}

QList<Transform> phone()
{
    return {step(QStringLiteral("trim")), step(QStringLiteral("phoneE164"))};
}

QList<Transform> date(const QStringList& formats)
{
    return {step(QStringLiteral("trim")),
        step(QStringLiteral("date"), {{QStringLiteral("formats"), toArray(formats)}})};
}

QList<Transform> list(const QStringList& separators)
{
    return {
        step(QStringLiteral("splitList"), {{QStringLiteral("separators"), toArray(separators)}})};
}

QList<Transform> forTarget(
    const Target& target, const Api::CustomFieldDefinition* field, const QStringList& samples)
{
    auto dateChain = [&] {
        const QStringList formats = guessDateFormats(samples);
        return date(
            formats.isEmpty() ? QStringList {dateFormatCandidates().constFirst()} : formats);
    };
    switch (target.kind) {
    case Target::Kind::Ignore:
        return {};
    case Target::Kind::Tags:
        return list(guessListSeparators(samples));
    case Target::Kind::Assignee:
    case Target::Kind::ContactId:
        return text();
    case Target::Kind::ContactField:
        if (target.name == u"email")
            return email();
        if (target.name == u"phone")
            return phone();
        if (target.name == u"dateOfBirth")
            return dateChain();
        if (target.name == u"dnd")
            return {step(QStringLiteral("boolean"))};
        return text();
    case Target::Kind::CustomField:
        break;
    }
    const QString type = field ? field->dataType : QString();
    if (type == u"NUMERICAL" || type == u"FLOAT")
        return {step(QStringLiteral("trim")),
            step(QStringLiteral("number"),
                {{QStringLiteral("locale"), guessNumberLocale(samples)}})};
    if (type == u"MONETORY")
        return {step(QStringLiteral("trim")),
            step(
                QStringLiteral("money"), {{QStringLiteral("locale"), guessNumberLocale(samples)}})};
    if (type == u"DATE")
        return dateChain();
    if (type == u"PHONE")
        return phone();
    if (type == u"MULTIPLE_OPTIONS" || type == u"TEXTBOX_LIST"
        || (type == u"CHECKBOX" && !field->picklistOptions.isEmpty()))
        return list(guessListSeparators(samples));
    if (type == u"CHECKBOX")
        return {step(QStringLiteral("boolean"))};
    // SINGLE_OPTIONS and RADIO (the row mapper gives the picklist's spelling), text, time.
    return text();
}

QStringList dateFormatCandidates()
{
    return {QStringLiteral("yyyy-MM-dd"), QStringLiteral("M/d/yyyy"), QStringLiteral("d/M/yyyy"),
        QStringLiteral("d.M.yyyy"), QStringLiteral("M-d-yyyy"), QStringLiteral("d-M-yyyy"),
        QStringLiteral("yyyy/M/d"), QStringLiteral("yyyyMMdd"), QStringLiteral("M/d/yy"),
        QStringLiteral("d/M/yy"), QStringLiteral("d MMM yyyy"), QStringLiteral("MMM d, yyyy"),
        QStringLiteral("d MMMM yyyy"), QStringLiteral("MMMM d, yyyy")};
}

bool parsesAsDate(const QString& value, const QString& format)
{
    return QLocale::c().toDate(value, format).isValid();
}

QStringList guessDateFormats(const QStringList& values, bool dayFirst)
{
    QStringList candidates = dateFormatCandidates();
    if (dayFirst) {
        // Day-first formats move before their month-first twins.
        for (qsizetype i = 0; i + 1 < candidates.size(); ++i) {
            if (candidates.at(i).startsWith(u'M') && candidates.at(i + 1).startsWith(u'd')) {
                candidates.swapItemsAt(i, i + 1);
                ++i;
            }
        }
    }
    QStringList remaining;
    for (const QString& value : values) {
        if (!value.trimmed().isEmpty())
            remaining.append(value.trimmed());
    }
    if (remaining.isEmpty())
        return {};
    // Greedy cover: the format parsing most of what is left, until everything parses.
    QStringList chosen;
    while (!remaining.isEmpty()) {
        QString best;
        qsizetype bestCount = 0;
        for (const QString& format : std::as_const(candidates)) {
            if (chosen.contains(format))
                continue;
            const qsizetype count = std::count_if(remaining.cbegin(), remaining.cend(),
                [&](const QString& value) { return parsesAsDate(value, format); });
            if (count > bestCount) {
                best = format;
                bestCount = count;
            }
        }
        if (bestCount == 0)
            return {};
        chosen.append(best);
        remaining.removeIf([&](const QString& value) { return parsesAsDate(value, best); });
    }
    return chosen;
}

QStringList guessListSeparators(const QStringList& values)
{
    const QStringList separators {
        QStringLiteral(":::"), QStringLiteral(";"), QStringLiteral("|"), QStringLiteral(",")};
    QList<QPair<qsizetype, QString>> counts;
    for (const QString& separator : separators) {
        qsizetype count = 0;
        for (const QString& value : values)
            count += value.count(separator);
        if (count > 0)
            counts.append({count, separator});
    }
    if (counts.isEmpty())
        return {QStringLiteral(";"), QStringLiteral(",")};
    std::stable_sort(counts.begin(), counts.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    // Google's ":::" wins outright: its values hold commas inside the labels.
    if (counts.constFirst().second == u":::")
        return {QStringLiteral(":::")};
    QStringList result;
    for (const auto& count : std::as_const(counts))
        result.append(count.second);
    return result;
}

QString guessNumberLocale(const QStringList& values)
{
    static const QRegularExpression commaDecimal(QStringLiteral(
        "^[^0-9]*-?\\d{1,3}(\\.\\d{3})+,\\d+[^0-9]*$|^[^0-9]*-?\\d+,\\d{1,2}[^0-9]*$"));
    static const QRegularExpression dotDecimal(
        QStringLiteral("\\d\\.\\d{1,2}([^0-9]|$)|\\d,\\d{3}"));
    qsizetype comma = 0;
    qsizetype dot = 0;
    for (const QString& value : values) {
        if (commaDecimal.match(value.trimmed()).hasMatch())
            ++comma;
        else if (dotDecimal.match(value).hasMatch())
            ++dot;
    }
    return comma > dot ? QStringLiteral("de_DE") : QStringLiteral("en_US");
}

QStringList columnSamples(const QList<Record>& records, const QString& path, int limit)
{
    QStringList samples;
    for (const Record& record : records) {
        for (const QString& value : record.values(path)) {
            if (value.trimmed().isEmpty())
                continue;
            samples.append(value);
            if (samples.size() >= limit)
                return samples;
        }
    }
    return samples;
}

} // namespace ContactDesk::Mapping::Chains
