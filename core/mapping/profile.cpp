#include "mapping/profile.h"

#include "common/jsonfile.h"
#include "mapping/profilereader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::Profile", text);
}

const QString customFieldPrefix = QStringLiteral("customField:");

QJsonObject transformToJson(const Transform& step)
{
    QJsonObject json = step.options;
    json.insert(QStringLiteral("op"), step.op);
    return json;
}

QJsonObject ruleToJson(const Rule& rule)
{
    QJsonObject json {
        {QStringLiteral("sources"), QJsonArray::fromStringList(rule.sources)},
        {QStringLiteral("target"), rule.target.toString()},
    };
    if (!rule.transforms.isEmpty()) {
        QJsonArray steps;
        for (const Transform& step : rule.transforms)
            steps.append(transformToJson(step));
        json.insert(QStringLiteral("transforms"), steps);
    }
    if (rule.policy != FieldPolicy::Overwrite)
        json.insert(QStringLiteral("policy"), fieldPolicyName(rule.policy));
    if (rule.replaceTags)
        json.insert(QStringLiteral("replaceTags"), true);
    if (rule.confidence >= 0) {
        json.insert(QStringLiteral("suggested"),
            QJsonObject {{QStringLiteral("confidence"), rule.confidence},
                {QStringLiteral("reason"), rule.reason}});
    }
    return json;
}

QString matchByName(MatchKey::By by)
{
    switch (by) {
    case MatchKey::By::Email:
        return QStringLiteral("email");
    case MatchKey::By::Phone:
        return QStringLiteral("phone");
    case MatchKey::By::CustomField:
        return QStringLiteral("customField");
    case MatchKey::By::ContactId:
        return QStringLiteral("contactId");
    }
    return {};
}

} // namespace

QString Target::toString() const
{
    switch (kind) {
    case Kind::Ignore:
        return QStringLiteral("ignore");
    case Kind::ContactField:
        return name;
    case Kind::CustomField:
        return customFieldPrefix + name;
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Assignee:
        return QStringLiteral("assignee");
    case Kind::ContactId:
        return QStringLiteral("contactId");
    }
    return {};
}

std::optional<Target> Target::fromString(const QString& text)
{
    if (text == QLatin1String("ignore"))
        return Target {Kind::Ignore, {}};
    if (text == QLatin1String("tags"))
        return Target {Kind::Tags, {}};
    if (text == QLatin1String("assignee") || text == QLatin1String("assignedTo"))
        return Target {Kind::Assignee, {}};
    if (text == QLatin1String("contactId"))
        return Target {Kind::ContactId, {}};
    if (text.startsWith(customFieldPrefix)) {
        const QString name = text.mid(customFieldPrefix.size()).trimmed();
        if (name.isEmpty())
            return std::nullopt;
        return Target {Kind::CustomField, name};
    }
    if (text.isEmpty() || text.contains(QLatin1Char(':')))
        return std::nullopt;
    return Target {Kind::ContactField, text};
}

QString writeModeName(WriteMode mode)
{
    switch (mode) {
    case WriteMode::Create:
        return QStringLiteral("create");
    case WriteMode::Upsert:
        return QStringLiteral("upsert");
    case WriteMode::Update:
        return QStringLiteral("update");
    }
    return {};
}

QString fieldPolicyName(FieldPolicy policy)
{
    switch (policy) {
    case FieldPolicy::Overwrite:
        return QStringLiteral("overwrite");
    case FieldPolicy::FillEmpty:
        return QStringLiteral("fillEmpty");
    case FieldPolicy::Never:
        return QStringLiteral("never");
    }
    return {};
}

QJsonObject Profile::toJson() const
{
    QJsonObject match {{QStringLiteral("by"), matchByName(this->match.by)}};
    if (this->match.by == MatchKey::By::CustomField)
        match.insert(QStringLiteral("customField"), this->match.customField);
    QJsonArray ruleArray;
    for (const Rule& rule : rules)
        ruleArray.append(ruleToJson(rule));
    QJsonObject json {
        {QStringLiteral("version"), profileVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), source.toJson()},
        {QStringLiteral("write"),
            QJsonObject {
                {QStringLiteral("mode"), writeModeName(mode)},
                {QStringLiteral("match"), match},
                {QStringLiteral("duplicates"),
                    duplicates == DuplicateRows::Merge ? QStringLiteral("merge")
                                                       : QStringLiteral("report")},
                {QStringLiteral("defaultRegion"), defaultRegion},
            }},
        {QStringLiteral("rules"), ruleArray},
    };
    if (!verified.isEmpty()) {
        QJsonArray list;
        for (const Verification& v : verified) {
            list.append(QJsonObject {
                {QStringLiteral("environment"), v.environment},
                {QStringLiteral("connection"), v.connection},
                {QStringLiteral("at"), v.at.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("rows"), v.rows},
            });
        }
        json.insert(QStringLiteral("verified"), list);
    }
    return json;
}

std::optional<Profile> Profile::fromJson(const QJsonObject& json, QStringList* problems)
{
    return ProfileReader(problems).read(json);
}

std::optional<Profile> Profile::load(const QString& path, QStringList* problems)
{
    const std::optional<QJsonDocument> document
        = readJsonFile(path, tr("the mapping profile"), tr("a mapping profile"), problems);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        problems->append(tr("'%1' is not a mapping profile: it must be a JSON object.").arg(path));
        return std::nullopt;
    }
    return fromJson(document->object(), problems);
}

bool Profile::save(const QString& path, QString* error) const
{
    return writeJsonFile(path, QJsonDocument(toJson()), error);
}

const Verification* Profile::verification(const QString& environment) const
{
    for (const Verification& v : verified) {
        if (v.environment == environment)
            return &v;
    }
    return nullptr;
}

void Profile::recordVerification(const Verification& verification)
{
    verified.removeIf(
        [&](const Verification& v) { return v.environment == verification.environment; });
    verified.prepend(verification);
}

} // namespace ContactDesk::Mapping
