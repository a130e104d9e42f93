#include "mapping/profilereader.h"

#include "api/models/jsonreader.h"
#include "mapping/targets.h"
#include "mapping/transforms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::Profile", text);
}

// "mode must be one of create, upsert, update"
template <typename Enum>
std::optional<Enum> choice(const QJsonValue& value, const QList<QPair<QString, Enum>>& choices)
{
    for (const auto& [name, item] : choices) {
        if (value.toString() == name)
            return item;
    }
    return std::nullopt;
}

template <typename Enum>
QString choiceNames(const QList<QPair<QString, Enum>>& choices)
{
    QStringList names;
    for (const auto& entry : choices)
        names.append(entry.first);
    return names.join(QStringLiteral(", "));
}

const QList<QPair<QString, WriteMode>> modes {
    {QStringLiteral("create"), WriteMode::Create},
    {QStringLiteral("upsert"), WriteMode::Upsert},
    {QStringLiteral("update"), WriteMode::Update},
};
const QList<QPair<QString, MatchKey::By>> matchBys {
    {QStringLiteral("email"), MatchKey::By::Email},
    {QStringLiteral("phone"), MatchKey::By::Phone},
    {QStringLiteral("customField"), MatchKey::By::CustomField},
    {QStringLiteral("contactId"), MatchKey::By::ContactId},
};
const QList<QPair<QString, DuplicateRows>> duplicateChoices {
    {QStringLiteral("merge"), DuplicateRows::Merge},
    {QStringLiteral("report"), DuplicateRows::Report},
};
const QList<QPair<QString, FieldPolicy>> policies {
    {QStringLiteral("overwrite"), FieldPolicy::Overwrite},
    {QStringLiteral("fillEmpty"), FieldPolicy::FillEmpty},
    {QStringLiteral("never"), FieldPolicy::Never},
};

} // namespace

std::optional<Profile> ProfileReader::read(const QJsonObject& original)
{
    m_problemsAtStart = int(m_problems->size());
    const QJsonObject json = migrate(original);
    if (int(m_problems->size()) > m_problemsAtStart)
        return std::nullopt;

    checkKeys(json, {"version", "name", "source", "write", "rules", "verified"}, QString());
    Profile profile;
    const QJsonValue name = json.value(QStringLiteral("name"));
    if (!name.isUndefined() && !name.isString())
        problem(tr("name: must be a string, not %1").arg(Api::jsonTypeName(name)));
    profile.name = name.toString();

    const QJsonValue source = json.value(QStringLiteral("source"));
    if (source.isObject()) {
        QStringList sourceProblems;
        if (const auto options = SourceOptions::fromJson(source.toObject(), &sourceProblems))
            profile.source = *options;
        m_problems->append(sourceProblems);
    } else if (!source.isUndefined()) {
        problem(tr("source: must be an object, not %1").arg(Api::jsonTypeName(source)));
    }
    readWrite(json.value(QStringLiteral("write")), profile);
    readRules(json.value(QStringLiteral("rules")), profile);
    readVerified(json.value(QStringLiteral("verified")), profile);

    if (int(m_problems->size()) > m_problemsAtStart)
        return std::nullopt;
    return profile;
}

QJsonObject ProfileReader::migrate(const QJsonObject& json)
{
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (version.isUndefined()) {
        const QJsonValue columns = json.value(QStringLiteral("columns"));
        if (!columns.isObject()) {
            problem(tr("This is not a ContactDesk mapping profile: it has no \"version\"."));
            return {};
        }
        QJsonArray rules;
        const QJsonObject map = columns.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isString()) {
                problem(tr("columns.%1: the target must be a string, not %2")
                            .arg(it.key(), Api::jsonTypeName(it.value())));
                continue;
            }
            rules.append(QJsonObject {{QStringLiteral("sources"), QJsonArray {it.key()}},
                {QStringLiteral("target"), it.value().toString()}});
        }
        QJsonObject migrated {
            {QStringLiteral("version"), profileVersion}, {QStringLiteral("rules"), rules}};
        if (json.contains(QStringLiteral("name")))
            migrated.insert(QStringLiteral("name"), json.value(QStringLiteral("name")));
        return migrated;
    }
    if (!version.isDouble() || version.toDouble() != double(version.toInt())) {
        problem(tr("version: must be a whole number, not %1").arg(Api::jsonTypeName(version)));
        return {};
    }
    if (version.toInt() > profileVersion) {
        problem(tr("This mapping profile was made by a newer ContactDesk (format version %1; this "
                   "version reads up to %2). Update ContactDesk to use it.")
                    .arg(version.toInt())
                    .arg(profileVersion));
        return {};
    }
    if (version.toInt() < 1) {
        problem(tr("version: %1 is not a mapping profile format version.").arg(version.toInt()));
        return {};
    }
    return json;
}

void ProfileReader::readWrite(const QJsonValue& value, Profile& profile)
{
    if (value.isUndefined())
        return;
    if (!value.isObject()) {
        problem(tr("write: must be an object, not %1").arg(Api::jsonTypeName(value)));
        return;
    }
    const QJsonObject write = value.toObject();
    checkKeys(write, {"mode", "match", "duplicates", "defaultRegion"}, QStringLiteral("write"));
    if (write.contains(QStringLiteral("mode"))) {
        if (const auto mode = choice(write.value(QStringLiteral("mode")), modes))
            profile.mode = *mode;
        else
            problem(tr("write.mode: must be one of %1").arg(choiceNames(modes)));
    }
    if (write.contains(QStringLiteral("duplicates"))) {
        if (const auto d = choice(write.value(QStringLiteral("duplicates")), duplicateChoices))
            profile.duplicates = *d;
        else
            problem(tr("write.duplicates: must be one of %1").arg(choiceNames(duplicateChoices)));
    }
    if (write.contains(QStringLiteral("defaultRegion"))) {
        const QString region = write.value(QStringLiteral("defaultRegion")).toString();
        static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
        if (!twoLetters.match(region).hasMatch())
            problem(tr("write.defaultRegion: must be a two-letter country code such as US or DE"));
        else
            profile.defaultRegion = region;
    }
    const QJsonValue match = write.value(QStringLiteral("match"));
    if (match.isUndefined())
        return;
    if (!match.isObject()) {
        problem(tr("write.match: must be an object, not %1").arg(Api::jsonTypeName(match)));
        return;
    }
    const QJsonObject matchObject = match.toObject();
    checkKeys(matchObject, {"by", "customField"}, QStringLiteral("write.match"));
    if (const auto by = choice(matchObject.value(QStringLiteral("by")), matchBys))
        profile.match.by = *by;
    else
        problem(tr("write.match.by: must be one of %1").arg(choiceNames(matchBys)));
    profile.match.customField = matchObject.value(QStringLiteral("customField")).toString();
    if (profile.match.by == MatchKey::By::CustomField && profile.match.customField.isEmpty())
        problem(tr("write.match.customField: name the custom field that holds the other app's id"));
}

void ProfileReader::readRules(const QJsonValue& value, Profile& profile)
{
    if (!value.isArray()) {
        problem(tr("rules: must be an array of rules, not %1").arg(Api::jsonTypeName(value)));
        return;
    }
    const QJsonArray rules = value.toArray();
    QHash<QString, int> targetOwner; // target -> 1-based rule number
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString where = tr("rule %1").arg(i + 1);
        if (!rules.at(i).isObject()) {
            problem(tr("%1: must be an object, not %2").arg(where, Api::jsonTypeName(rules.at(i))));
            continue;
        }
        const std::optional<Rule> rule = readRule(rules.at(i).toObject(), where);
        if (!rule)
            continue;
        const Target::Kind kind = rule->target.kind;
        if (kind != Target::Kind::Ignore && kind != Target::Kind::Tags) { // one rule each
            const QString key = rule->target.toString().toCaseFolded();
            if (const int owner = targetOwner.value(key); owner > 0) {
                problem(tr("%1: %2 is already the target of rule %3")
                            .arg(where, rule->target.toString())
                            .arg(owner));
            } else {
                targetOwner.insert(key, int(i + 1));
            }
        }
        profile.rules.append(*rule);
    }
}

std::optional<Rule> ProfileReader::readRule(const QJsonObject& json, const QString& where)
{
    const int before = int(m_problems->size());
    checkKeys(
        json, {"sources", "target", "transforms", "policy", "replaceTags", "suggested"}, where);
    Rule rule;
    const QJsonValue sources = json.value(QStringLiteral("sources"));
    if (!sources.isArray()) {
        problem(tr("%1: sources must be an array of column names, not %2")
                    .arg(where, Api::jsonTypeName(sources)));
    } else {
        for (const QJsonValue& source : sources.toArray()) {
            if (!source.isString() || source.toString().isEmpty())
                problem(tr("%1: every source must be a non-empty column name").arg(where));
            else
                rule.sources.append(source.toString());
        }
    }

    const QJsonValue target = json.value(QStringLiteral("target"));
    if (const auto parsed = Target::fromString(target.toString()); parsed && target.isString()) {
        rule.target = *parsed;
        if (parsed->kind == Target::Kind::ContactField && !isKnownContactField(parsed->name)) {
            problem(tr("%1: target '%2' is not a contact field HighLevel lets you write")
                        .arg(where, parsed->name));
        }
    } else if (target.isString()) {
        problem(tr("%1: target '%2' is not a target (a contact field such as email, "
                   "customField:<name>, tags, assignee, contactId or ignore)")
                    .arg(where, target.toString()));
    } else {
        problem(tr("%1: target must be a string, not %2").arg(where, Api::jsonTypeName(target)));
    }

    const QJsonValue transforms = json.value(QStringLiteral("transforms"));
    if (transforms.isArray()) {
        const QJsonArray steps = transforms.toArray();
        for (qsizetype s = 0; s < steps.size(); ++s) {
            QJsonObject options = steps.at(s).toObject();
            const QString op = options.take(QStringLiteral("op")).toString();
            if (!steps.at(s).isObject() || op.isEmpty()) {
                problem(
                    tr("%1: transform %2 must be an object with an \"op\"").arg(where).arg(s + 1));
                continue;
            }
            const Transform step {op, options};
            if (const QString error = checkTransform(step, rule.sources); !error.isEmpty())
                problem(tr("%1: transform %2 '%3': %4").arg(where).arg(s + 1).arg(op, error));
            rule.transforms.append(step);
        }
    } else if (!transforms.isUndefined()) {
        problem(tr("%1: transforms must be an array, not %2")
                    .arg(where, Api::jsonTypeName(transforms)));
    }
    const bool startsWithConstant
        = !rule.transforms.isEmpty() && rule.transforms.first().op == QLatin1String("constant");
    if (rule.sources.isEmpty() && !startsWithConstant && rule.target.kind != Target::Kind::Ignore
        && sources.isArray()) {
        problem(tr("%1: needs at least one source column (or a constant transform)").arg(where));
    }

    if (json.contains(QStringLiteral("policy"))) {
        if (const auto policy = choice(json.value(QStringLiteral("policy")), policies))
            rule.policy = *policy;
        else
            problem(tr("%1: policy must be one of %2").arg(where, choiceNames(policies)));
    }
    const QJsonValue replaceTags = json.value(QStringLiteral("replaceTags"));
    if (!replaceTags.isUndefined()) {
        if (!replaceTags.isBool())
            problem(tr("%1: replaceTags must be true or false").arg(where));
        else if (replaceTags.toBool() && rule.target.kind != Target::Kind::Tags)
            problem(tr("%1: replaceTags only applies to a tags rule").arg(where));
        rule.replaceTags = replaceTags.toBool();
    }
    const QJsonValue suggested = json.value(QStringLiteral("suggested"));
    if (suggested.isObject()) {
        const QJsonValue confidence = suggested.toObject().value(QStringLiteral("confidence"));
        if (!confidence.isDouble() || confidence.toDouble() < 0 || confidence.toDouble() > 1)
            problem(tr("%1: suggested.confidence must be a number from 0 to 1").arg(where));
        rule.confidence = confidence.toDouble(-1);
        rule.reason = suggested.toObject().value(QStringLiteral("reason")).toString();
    } else if (!suggested.isUndefined()) {
        problem(
            tr("%1: suggested must be an object, not %2").arg(where, Api::jsonTypeName(suggested)));
    }
    if (int(m_problems->size()) > before)
        return std::nullopt;
    return rule;
}

void ProfileReader::readVerified(const QJsonValue& value, Profile& profile)
{
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        problem(tr("verified: must be an array, not %1").arg(Api::jsonTypeName(value)));
        return;
    }
    for (const QJsonValue& item : value.toArray()) {
        const QJsonObject json = item.toObject();
        Verification v;
        v.environment = json.value(QStringLiteral("environment")).toString();
        v.connection = json.value(QStringLiteral("connection")).toString();
        v.at = QDateTime::fromString(json.value(QStringLiteral("at")).toString(), Qt::ISODate);
        v.rows = json.value(QStringLiteral("rows")).toInteger();
        if (v.environment != QLatin1String("sandbox")
            && v.environment != QLatin1String("production"))
            problem(tr("verified: environment must be sandbox or production"));
        else if (!v.at.isValid())
            problem(tr("verified: at must be a date and time (ISO 8601)"));
        else
            profile.verified.append(v);
    }
}

void ProfileReader::checkKeys(
    const QJsonObject& json, std::initializer_list<const char*> known, const QString& where)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const bool isKnown = std::any_of(known.begin(), known.end(),
            [&](const char* name) { return it.key() == QLatin1String(name); });
        if (!isKnown) {
            problem(where.isEmpty() ? tr("unknown key '%1'").arg(it.key())
                                    : tr("%1: unknown key '%2'").arg(where, it.key()));
        }
    }
}

} // namespace ContactDesk::Mapping
