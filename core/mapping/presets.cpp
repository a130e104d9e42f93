#include "mapping/presets.h"

#include "mapping/contactexport.h"
#include "mapping/presettables.h"
#include "mapping/rulechains.h"
#include "mapping/spreadsheetsafety.h"

#include <QRegularExpression>
#include <QSet>

namespace ContactDesk::Mapping {

namespace {

using Kind = Target::Kind;
using Presets::Chain;
using Presets::Entry;

Transform regexReplace(const QString& pattern, const QString& replacement = {})
{
    return Chains::step(QStringLiteral("regexReplace"),
        {{QStringLiteral("pattern"), pattern}, {QStringLiteral("replacement"), replacement}});
}

// Google puts several values in one cell joined by " ::: "; the first is the primary one.
Transform firstOfGoogleList()
{
    return regexReplace(QStringLiteral("\\s*:::[\\s\\S]*$"));
}

// The first non-empty of a group of columns, joined then cut at the first separator.
QList<Transform> firstOfGroup()
{
    return {
        Chains::step(QStringLiteral("join"), {{QStringLiteral("separator"), QStringLiteral("\n")}}),
        regexReplace(QStringLiteral("\\n[\\s\\S]*$"))};
}

QStringList withDefault(QStringList guessed, const QStringList& preferred)
{
    for (const QString& format : preferred) {
        if (!guessed.contains(format))
            guessed.append(format);
    }
    return guessed;
}

QList<Transform> chainFor(Chain chain, const QStringList& samples)
{
    switch (chain) {
    case Chain::Ignore:
        return {};
    case Chain::Text:
    case Chain::Assignee:
        return Chains::text();
    case Chain::Email:
        return Chains::email();
    case Chain::GoogleEmail:
        return QList<Transform> {firstOfGoogleList()} + Chains::email();
    case Chain::Phone:
        return Chains::phone();
    case Chain::GooglePhone:
        return QList<Transform> {firstOfGoogleList()} + Chains::phone();
    case Chain::GroupPhone:
        return firstOfGroup() + Chains::phone();
    case Chain::GoogleDate:
        // "--01-15": a birthday without its year, which HighLevel cannot store.
        return QList<Transform> {regexReplace(QStringLiteral("^\\s*--\\d{1,2}-\\d{1,2}\\s*$"))}
        + Chains::date(
            withDefault(Chains::guessDateFormats(samples), {QStringLiteral("yyyy-MM-dd")}));
    case Chain::OutlookDate:
        // Outlook writes "0/0/00" for no birthday.
        return QList<Transform> {regexReplace(QStringLiteral("^\\s*0?0/0?0/(00)?00\\s*$"))}
        + Chains::date(withDefault(Chains::guessDateFormats(samples),
            {QStringLiteral("M/d/yyyy"), QStringLiteral("M/d/yy")}));
    case Chain::GoogleTags:
        // "* myContacts ::: * starred ::: Friends": Google's system groups go, the stars of
        // the others too.
        return QList<Transform> {
                   regexReplace(QStringLiteral(
                                    "(?i)(^|:::)\\s*\\*\\s*(my\\s*contacts|starred)\\s*(?=:::|$)"),
                       QStringLiteral("\\1")),
                   regexReplace(QStringLiteral("(^|:::)\\s*\\*\\s*"), QStringLiteral("\\1"))}
        + Chains::list({QStringLiteral(":::")});
    case Chain::SemicolonTags:
        return Chains::list({QStringLiteral(";")});
    case Chain::LowerTag:
        return {Chains::step(QStringLiteral("trim")), Chains::step(QStringLiteral("lowerCase"))};
    }
    return {};
}

Rule presetRule(const PresetInfo& preset, const QStringList& sources, const Target& target,
    const QList<Transform>& transforms, const QString& why = {})
{
    Rule rule;
    rule.sources = sources;
    rule.target = target;
    rule.transforms = transforms;
    rule.confidence = 1;
    rule.reason = why.isEmpty() ? preset.title : preset.title + QStringLiteral(": ") + why;
    return rule;
}

const Entry* findEntry(const QList<Entry>& entries, const QString& column)
{
    for (const Entry& entry : entries) {
        if (!entry.group.isEmpty()) {
            if (entry.group.contains(column, Qt::CaseInsensitive))
                return &entry;
            continue;
        }
        if (entry.regex.match(column).hasMatch())
            return &entry;
    }
    return nullptr;
}

QString vcardProperty(const QString& column)
{
    return column.section(u';', 0, 0).toUpper();
}

const Api::CustomFieldDefinition* customFieldNamed(
    const QString& name, const Api::LocationLists& lists)
{
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (isExportableCustomField(field) && field.name.compare(name, Qt::CaseInsensitive) == 0)
            return &field;
    }
    return nullptr;
}

// ContactDesk's CSV: what contactexport.cpp writes, read back. Every step starts by removing
// the apostrophe that neutralised a formula-like cell ("'+14155550101").
std::optional<Rule> contactDeskCsvRule(
    const PresetInfo& preset, const QString& column, const Api::LocationLists& lists)
{
    const Transform unneutralise = regexReplace(unneutraliseFormulaPattern());
    for (const ExportColumn& exported : coreExportColumns()) {
        if (exported.title.compare(column, Qt::CaseInsensitive) != 0)
            continue;
        switch (exported.kind) {
        case ExportColumn::Kind::ContactId:
            return presetRule(preset, {column}, {Kind::ContactId, {}},
                QList<Transform> {unneutralise} + Chains::text(),
                QStringLiteral("the contact's id: rows are matched on it"));
        case ExportColumn::Kind::Tags:
            return presetRule(preset, {column}, {Kind::Tags, {}},
                QList<Transform> {unneutralise} + Chains::list({QStringLiteral(";")}));
        case ExportColumn::Kind::Assignee:
            return presetRule(preset, {column}, {Kind::Assignee, {}},
                QList<Transform> {unneutralise} + Chains::text());
        case ExportColumn::Kind::ContactField: {
            // The email as the server has it: lower-casing it would be a change on re-import
            // (rows still match without case).
            QList<Transform> chain = exported.key == u"dateOfBirth"
                ? Chains::date({QStringLiteral("yyyy-MM-dd")})
                : exported.key == u"email"
                ? Chains::text()
                : Chains::forTarget({Kind::ContactField, exported.key}, nullptr, {});
            chain.prepend(unneutralise);
            return presetRule(preset, {column}, {Kind::ContactField, exported.key}, chain);
        }
        case ExportColumn::Kind::CustomField:
            break;
        }
    }
    const Api::CustomFieldDefinition* field = customFieldNamed(column, lists);
    if (!field)
        return std::nullopt;
    QList<Transform> chain;
    const QString& type = field->dataType;
    if (type == u"DATE")
        chain = Chains::date({QStringLiteral("yyyy-MM-dd")});
    else if (type == u"NUMERICAL" || type == u"FLOAT")
        chain = {Chains::step(QStringLiteral("trim")),
            Chains::step(
                QStringLiteral("number"), {{QStringLiteral("locale"), QStringLiteral("en_US")}})};
    else if (type == u"MONETORY")
        chain = {Chains::step(QStringLiteral("trim")),
            Chains::step(
                QStringLiteral("money"), {{QStringLiteral("locale"), QStringLiteral("en_US")}})};
    else if (type == u"MULTIPLE_OPTIONS" || type == u"CHECKBOX" || type == u"TEXTBOX_LIST")
        chain = Chains::list({QStringLiteral(";")});
    else
        chain = Chains::forTarget({Kind::CustomField, field->name}, field, {});
    chain.prepend(unneutralise);
    return presetRule(preset, {column}, {Kind::CustomField, field->name}, chain,
        QStringLiteral("custom field '%1'").arg(field->name));
}

} // namespace

const QList<PresetInfo>& presetList()
{
    static const QList<PresetInfo> list {
        {QStringLiteral("contactdeskCsv"), QStringLiteral("ContactDesk CSV export"),
            SourceKind::Csv},
        {QStringLiteral("contactdeskVCard"), QStringLiteral("ContactDesk vCard export"),
            SourceKind::VCard},
        {QStringLiteral("google"), QStringLiteral("Google Contacts export"), SourceKind::Csv},
        {QStringLiteral("googleLegacy"), QStringLiteral("Google Contacts export (older layout)"),
            SourceKind::Csv},
        {QStringLiteral("outlook"), QStringLiteral("Outlook export"), SourceKind::Csv},
        {QStringLiteral("hubspot"), QStringLiteral("HubSpot contacts export"), SourceKind::Csv},
    };
    return list;
}

const PresetInfo* findPreset(const QString& id)
{
    for (const PresetInfo& preset : presetList()) {
        if (preset.id == id)
            return &preset;
    }
    return nullptr;
}

PresetMatch scorePreset(
    const QString& id, const QStringList& columns, SourceKind kind, const Api::LocationLists& lists)
{
    PresetMatch match;
    const PresetInfo* preset = findPreset(id);
    if (!preset || preset->kind != kind || columns.isEmpty())
        return match;
    match.id = preset->id;
    match.title = preset->title;
    const QStringList telltales = Presets::telltales(id);
    QSet<QString> present;
    for (const QString& column : columns) {
        const QString name = kind == SourceKind::VCard ? vcardProperty(column) : column;
        present.insert(name.toLower());
        bool known = false;
        if (id == u"contactdeskCsv")
            known = contactDeskCsvRule(*preset, column, lists).has_value();
        else if (id == u"contactdeskVCard")
            known = !vcardPropertyRules(column, {}).isEmpty();
        else
            known = findEntry(Presets::entries(id), column) != nullptr;
        if (known)
            match.known.append(column);
    }
    const qsizetype found = std::count_if(telltales.cbegin(), telltales.cend(),
        [&](const QString& telltale) { return present.contains(telltale.toLower()); });
    match.score = 0.5 * double(found) / double(telltales.size())
        + 0.5 * double(match.known.size()) / double(columns.size());
    return match;
}

std::optional<PresetMatch> recognisePreset(
    const QStringList& columns, SourceKind kind, const Api::LocationLists& lists)
{
    std::optional<PresetMatch> best;
    for (const PresetInfo& preset : presetList()) {
        PresetMatch match = scorePreset(preset.id, columns, kind, lists);
        if (match.score >= 0.7 && (!best || match.score > best->score))
            best = std::move(match);
    }
    return best;
}

Profile presetProfile(
    const QString& id, const SourceSample& sample, const Api::LocationLists& lists)
{
    Profile profile;
    profile.source = sample.options;
    profile.mode = WriteMode::Upsert;
    profile.match.by = MatchKey::By::Email;
    const PresetInfo* preset = findPreset(id);
    if (!preset)
        return profile;
    profile.name = preset->title;
    // ContactDesk's own exports carry the contact id: matched on it, a re-import finds every
    // contact, with or without an email.
    if (id == u"contactdeskCsv" || id == u"contactdeskVCard")
        profile.match.by = MatchKey::By::ContactId;
    const QList<Entry>& entries = Presets::entries(id);
    for (const QString& column : sample.columns) {
        const QStringList samples = Chains::columnSamples(sample.records, column);
        if (id == u"contactdeskCsv") {
            if (auto rule = contactDeskCsvRule(*preset, column, lists))
                profile.rules.append(*rule);
            continue;
        }
        if (id == u"contactdeskVCard") {
            if (column.section(u';', 0, 0).compare(QLatin1String("FN"), Qt::CaseInsensitive) == 0) {
                // ContactDesk writes FN from the names (or the email), and N beside it.
                profile.rules.append(presetRule(*preset, {column}, {}, {},
                    QStringLiteral("the formatted name; N gives the first and last name")));
                continue;
            }
            for (Rule rule : vcardPropertyRules(column, samples)) {
                // As for the CSV: the email as exported, not lower-cased.
                rule.transforms.removeIf(
                    [](const Transform& step) { return step.op == u"lowerCase"; });
                // ContactDesk writes ORG as one text (the company name), so a ';' in it is
                // part of the name, not a unit separator.
                if (rule.target.name == u"companyName") {
                    rule.transforms.removeIf(
                        [](const Transform& step) { return step.op == u"regexExtract"; });
                }
                rule.confidence = 1;
                rule.reason = rule.target.kind == Kind::Ignore
                    ? preset->title + QStringLiteral(": ") + rule.reason
                    : preset->title;
                profile.rules.append(rule);
            }
            continue;
        }
        const Entry* entry = findEntry(entries, column);
        if (!entry)
            continue;
        if (entry->chain == Chain::Ignore) {
            profile.rules.append(presetRule(*preset, {column}, {}, {}, entry->why));
            continue;
        }
        QStringList sources {column};
        if (!entry->group.isEmpty()) {
            // The group's first column present in the file carries the rule; the others are
            // its fallbacks, in the group's order.
            sources.clear();
            for (const QString& member : entry->group) {
                const qsizetype at = sample.columns.indexOf(member, 0);
                if (at >= 0)
                    sources.append(sample.columns.at(at));
            }
            if (sources.constFirst() != column)
                continue;
        }
        QList<Transform> chain = chainFor(entry->chain, samples);
        if (entry->group.isEmpty() || sources.size() == 1) {
            if (entry->chain == Chain::GroupPhone)
                chain = Chains::phone();
        }
        profile.rules.append(
            presetRule(*preset, sources, {entry->kind, entry->field}, chain, entry->why));
    }
    return profile;
}

} // namespace ContactDesk::Mapping
