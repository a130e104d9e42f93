#include "mapping/record.h"

#include <QSet>

namespace ContactDesk::Mapping {

namespace {

// "TEL;TYPE=cell,voice;PREF=1" -> name "TEL", params {"TYPE=CELL", "TYPE=VOICE", "PREF=1"}:
// comma lists are split so that each value can be matched on its own.
struct VCardPath
{
    QString name;
    QSet<QString> params;
};

VCardPath splitVCardPath(const QString& path)
{
    VCardPath result;
    const QStringList parts = path.split(QLatin1Char(';'));
    result.name = parts.value(0).toUpper();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts.at(i);
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString key = (eq < 0 ? QStringLiteral("TYPE") : part.left(eq)).toUpper();
        const QString values = eq < 0 ? part : part.mid(eq + 1);
        for (const QString& value : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString v = value.trimmed();
            if (v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
                v = v.mid(1, v.size() - 2);
            result.params.insert(key + QLatin1Char('=') + v.toUpper());
        }
    }
    return result;
}

bool isVCardStyle(const QString& path)
{
    return path.contains(QLatin1Char(';'));
}

// "emails" names "emails[3]" and "emails[3].address"? Only direct elements: "emails[3]".
bool isElementOf(const QString& candidate, const QString& path)
{
    if (!candidate.startsWith(path) || candidate.size() <= path.size() + 2)
        return false;
    if (candidate.at(path.size()) != QLatin1Char('['))
        return false;
    const qsizetype close = candidate.indexOf(QLatin1Char(']'), path.size());
    if (close != candidate.size() - 1)
        return false;
    bool ok = false;
    candidate.mid(path.size() + 1, close - path.size() - 1).toInt(&ok);
    return ok;
}

} // namespace

QStringList Record::values(const QString& path) const
{
    QStringList exact;
    QStringList elements;
    // A card with "TEL" and "TEL;TYPE=cell": the bare name names both, not only the exact one.
    bool vCardSiblings = false;
    const QString withParams = path + QLatin1Char(';');
    for (const RecordField& field : fields) {
        if (field.path == path)
            exact.append(field.value);
        else if (isElementOf(field.path, path))
            elements.append(field.value);
        else if (!isVCardStyle(path) && field.path.startsWith(withParams, Qt::CaseInsensitive))
            vCardSiblings = true;
    }
    if (!exact.isEmpty() && !vCardSiblings)
        return exact;
    if (!elements.isEmpty())
        return elements;

    // vCard: a bare property name, or a name with parameters that must all be present.
    const VCardPath wanted = splitVCardPath(path);
    QStringList matched;
    for (const RecordField& field : fields) {
        if (!isVCardStyle(field.path) && field.path.compare(wanted.name, Qt::CaseInsensitive) != 0)
            continue;
        const VCardPath have = splitVCardPath(field.path);
        if (have.name != wanted.name)
            continue;
        if (have.params.contains(wanted.params))
            matched.append(field.value);
    }
    return matched;
}

QString Record::value(const QString& path) const
{
    const QStringList all = values(path);
    return all.isEmpty() ? QString() : all.first();
}

QStringList Record::paths() const
{
    QStringList result;
    QSet<QString> seen;
    for (const RecordField& field : fields) {
        if (!seen.contains(field.path)) {
            seen.insert(field.path);
            result.append(field.path);
        }
    }
    return result;
}

} // namespace ContactDesk::Mapping
