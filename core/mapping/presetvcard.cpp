// vCard properties to rules: what any vCard's properties mean for a HighLevel contact.

#include "mapping/presets.h"

#include "mapping/rulechains.h"

#include <QHash>

namespace ContactDesk::Mapping {

namespace {

using Kind = Target::Kind;

// The n-th component (1-based) of a structured value ("Family;Given;..." for N, "PO box;
// extended;street;locality;region;postal code;country" for ADR).
Transform component(int n)
{
    return Chains::step(QStringLiteral("regexExtract"),
        {{QStringLiteral("pattern"), QStringLiteral("^(?:[^;]*;){%1}([^;]*)").arg(n - 1)},
            {QStringLiteral("group"), 1}});
}

Rule rule(const QString& column, Kind kind, const QString& field, QList<Transform> transforms,
    double confidence, const QString& reason)
{
    Rule result;
    result.sources = {column};
    result.target = {kind, field};
    result.transforms = std::move(transforms);
    result.confidence = confidence;
    result.reason = reason;
    return result;
}

bool hasType(const QString& column, const char* type)
{
    const QString lower = column.toLower();
    const QString wanted = QString::fromLatin1(type);
    for (const QString& parameter : lower.split(u';').mid(1)) {
        if (!parameter.startsWith(QLatin1String("type=")))
            continue;
        for (const QString& value : parameter.mid(5).remove(u'"').split(u','))
            if (value == wanted)
                return true;
    }
    return false;
}

} // namespace

QList<Rule> vcardPropertyRules(const QString& column, const QStringList& samples)
{
    const QString property = column.section(u';', 0, 0).toUpper();
    const auto trimmed = [](QList<Transform> steps) {
        steps.append(Chains::step(QStringLiteral("trim")));
        return steps;
    };
    const QString about = QStringLiteral("vCard property %1").arg(column);
    if (property == u"N") {
        return {rule(column, Kind::ContactField, QStringLiteral("firstName"),
                    trimmed({component(2)}), 0.95, about + QStringLiteral(": its given name")),
            rule(column, Kind::ContactField, QStringLiteral("lastName"), trimmed({component(1)}),
                0.95, about + QStringLiteral(": its family name"))};
    }
    if (property == u"FN") {
        // The formatted name: only split when the card has no N.
        QList<Rule> rules;
        for (const auto& [part, field] : {std::pair {"first", "firstName"}, {"last", "lastName"}}) {
            rules.append(rule(column, Kind::ContactField, QString::fromLatin1(field),
                {Chains::step(QStringLiteral("trim")),
                    Chains::step(QStringLiteral("splitName"),
                        {{QStringLiteral("part"), QString::fromLatin1(part)}})},
                0.7,
                about
                    + QStringLiteral(": the %1 name of the formatted name")
                          .arg(QString::fromLatin1(part))));
        }
        return rules;
    }
    if (property == u"EMAIL") {
        const bool preferred = hasType(column, "pref") || !column.contains(u';');
        return {rule(column, Kind::ContactField, QStringLiteral("email"), Chains::email(),
            preferred ? 0.95 : 0.9, about + QStringLiteral(": an email address"))};
    }
    if (property == u"TEL") {
        if (hasType(column, "fax") || hasType(column, "pager"))
            return {rule(column, Kind::Ignore, {}, {}, 0.8,
                about + QStringLiteral(": a fax or pager number"))};
        const double confidence = hasType(column, "cell") ? 0.95
            : hasType(column, "work")                     ? 0.88
            : hasType(column, "home")                     ? 0.85
                                                          : 0.9;
        QList<Transform> chain {Chains::step(QStringLiteral("regexReplace"),
            {{QStringLiteral("pattern"), QStringLiteral("^\\s*tel:")},
                {QStringLiteral("replacement"), QString()}})};
        chain.append(Chains::phone());
        return {rule(column, Kind::ContactField, QStringLiteral("phone"), chain, confidence,
            about + QStringLiteral(": a phone number"))};
    }
    if (property == u"ADR") {
        const double confidence = hasType(column, "work") ? 0.9
            : hasType(column, "home")                     ? 0.85
                                                          : 0.88;
        QList<Rule> rules;
        const std::pair<int, const char*> parts[]
            = {{3, "address1"}, {4, "city"}, {5, "state"}, {6, "postalCode"}, {7, "country"}};
        for (const auto& [n, field] : parts) {
            rules.append(rule(column, Kind::ContactField, QString::fromLatin1(field),
                trimmed({component(n)}), confidence,
                about + QStringLiteral(": component %1 of the address").arg(n)));
        }
        return rules;
    }
    if (property == u"ORG") {
        return {rule(column, Kind::ContactField, QStringLiteral("companyName"),
            trimmed({component(1)}), 0.95, about + QStringLiteral(": the organisation"))};
    }
    if (property == u"URL") {
        return {rule(column, Kind::ContactField, QStringLiteral("website"), Chains::text(), 0.9,
            about + QStringLiteral(": a web address"))};
    }
    if (property == u"BDAY") {
        QStringList formats = Chains::guessDateFormats(samples);
        for (const char* format : {"yyyyMMdd", "yyyy-MM-dd"}) {
            if (!formats.contains(QLatin1String(format)))
                formats.append(QString::fromLatin1(format));
        }
        QList<Transform> chain {Chains::step(QStringLiteral("regexReplace"),
            {{QStringLiteral("pattern"), QStringLiteral("^\\s*--.*$")},
                {QStringLiteral("replacement"), QString()}})};
        chain.append(Chains::date(formats));
        return {rule(column, Kind::ContactField, QStringLiteral("dateOfBirth"), chain, 0.95,
            about + QStringLiteral(": the birthday"))};
    }
    if (property == u"CATEGORIES") {
        return {rule(column, Kind::Tags, {}, Chains::list({QStringLiteral(",")}), 0.9,
            about + QStringLiteral(": the card's categories become tags"))};
    }
    if (property == u"X-CONTACTDESK-ID") {
        return {rule(column, Kind::ContactId, {}, Chains::text(), 1,
            about + QStringLiteral(": the contact's id: cards are matched on it"))};
    }
    static const QHash<QString, QString> ignored {
        {QStringLiteral("UID"), QStringLiteral("the card's id")},
        {QStringLiteral("VERSION"), QStringLiteral("the vCard version")},
        {QStringLiteral("PRODID"), QStringLiteral("the program that wrote the card")},
        {QStringLiteral("REV"), QStringLiteral("when the card last changed")},
        {QStringLiteral("KIND"), QStringLiteral("the kind of card")},
        {QStringLiteral("PHOTO"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("NOTE"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("TITLE"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("ROLE"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("NICKNAME"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("GENDER"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("ANNIVERSARY"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("IMPP"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("LANG"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("TZ"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("GEO"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("LOGO"), QStringLiteral("HighLevel contacts have no field for it")},
        {QStringLiteral("LABEL"), QStringLiteral("the address's label")},
    };
    if (const auto it = ignored.constFind(property); it != ignored.constEnd())
        return {rule(column, Kind::Ignore, {}, {}, 0.9, about + QStringLiteral(": ") + *it)};
    return {};
}

} // namespace ContactDesk::Mapping
