#include "automation/rulesreader.h"

#include "api/models/jsonreader.h"
#include "automation/templates.h"

#include <QCoreApplication>

#include <algorithm>

namespace ContactDesk::Automation {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Automation::RuleSet", text);
}

template <typename Enum>
QString choiceNames(const QList<QPair<QString, Enum>>& choices)
{
    QStringList names;
    for (const auto& entry : choices)
        names.append(entry.first);
    return names.join(QStringLiteral(", "));
}

// Which events an action makes sense for; empty: every event.
QStringList eventsFor(Action::Kind kind)
{
    switch (kind) {
    case Action::Kind::UpsertContact:
        return {QStringLiteral("user.signed_up"), QStringLiteral("user.updated")};
    case Action::Kind::UpdateChangedFields:
        return {QStringLiteral("user.updated")};
    case Action::Kind::CompleteTask:
        return {QStringLiteral("task.completed")};
    case Action::Kind::DeleteContact:
        return {QStringLiteral("user.deleted")};
    case Action::Kind::AddTask:
    case Action::Kind::AddNote:
    case Action::Kind::AddTags:
    case Action::Kind::RemoveTags:
        break;
    }
    return {};
}

// JSON paths as mapping source paths name them: "data.email", "data.tags[0]".
bool isEventPath(const QString& path)
{
    return path == QLatin1StringView("type") || path == QLatin1StringView("data")
        || path.startsWith(QLatin1StringView("data."))
        || path.startsWith(QLatin1StringView("data["));
}

} // namespace

const QList<QPair<QString, Action::Kind>>& actionKinds()
{
    static const QList<QPair<QString, Action::Kind>> kinds {
        {QStringLiteral("upsertContact"), Action::Kind::UpsertContact},
        {QStringLiteral("updateChangedFields"), Action::Kind::UpdateChangedFields},
        {QStringLiteral("addTask"), Action::Kind::AddTask},
        {QStringLiteral("completeTask"), Action::Kind::CompleteTask},
        {QStringLiteral("addNote"), Action::Kind::AddNote},
        {QStringLiteral("addTags"), Action::Kind::AddTags},
        {QStringLiteral("removeTags"), Action::Kind::RemoveTags},
        {QStringLiteral("deleteContact"), Action::Kind::DeleteContact},
    };
    return kinds;
}

const QList<QPair<QString, Condition::Op>>& conditionOps()
{
    static const QList<QPair<QString, Condition::Op>> ops {
        {QStringLiteral("equals"), Condition::Op::Equals},
        {QStringLiteral("notEquals"), Condition::Op::NotEquals},
        {QStringLiteral("exists"), Condition::Op::Exists},
        {QStringLiteral("missing"), Condition::Op::Missing},
        {QStringLiteral("contains"), Condition::Op::Contains},
    };
    return ops;
}

const QStringList& ruleEventTypes()
{
    static const QStringList types {
        QStringLiteral("user.signed_up"),
        QStringLiteral("user.updated"),
        QStringLiteral("user.deleted"),
        QStringLiteral("task.created"),
        QStringLiteral("task.completed"),
        QStringLiteral("note.created"),
    };
    return types;
}

std::optional<RuleSet> RuleSetReader::read(const QJsonObject& json)
{
    const int problemsAtStart = int(m_problems->size());
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (version.isUndefined()) {
        problem(tr("This is not a set of ContactDesk automation rules: it has no \"version\"."));
        return std::nullopt;
    }
    if (!version.isDouble() || version.toDouble() != double(version.toInt())) {
        problem(tr("version: must be a whole number, not %1").arg(Api::jsonTypeName(version)));
        return std::nullopt;
    }
    if (version.toInt() > ruleSetVersion) {
        problem(tr("These automation rules were made by a newer ContactDesk (format version %1; "
                   "this version reads up to %2). Update ContactDesk to use them.")
                    .arg(version.toInt())
                    .arg(ruleSetVersion));
        return std::nullopt;
    }
    if (version.toInt() < 1) {
        problem(tr("version: %1 is not an automation rules format version.").arg(version.toInt()));
        return std::nullopt;
    }
    checkKeys(json, {"version", "profile", "rules", "linkField", "waitTimeoutMs"}, QString());

    RuleSet set;
    const QJsonValue profile = json.value(QStringLiteral("profile"));
    if (profile.isObject()) {
        QStringList profileProblems;
        if (const auto read = Mapping::Profile::fromJson(profile.toObject(), &profileProblems))
            set.profile = *read;
        for (const QString& text : std::as_const(profileProblems))
            problem(tr("profile: %1").arg(text));
    } else if (profile.isUndefined()) {
        set.profile = defaultEventProfile();
    } else {
        problem(tr("profile: must be an object, not %1").arg(Api::jsonTypeName(profile)));
    }

    const QJsonValue linkField = json.value(QStringLiteral("linkField"));
    if (linkField.isString())
        set.linkField = linkField.toString().trimmed();
    else if (!linkField.isUndefined())
        problem(tr("linkField: must be a string, not %1").arg(Api::jsonTypeName(linkField)));

    const QJsonValue wait = json.value(QStringLiteral("waitTimeoutMs"));
    if (!wait.isUndefined()) {
        if (!wait.isDouble() || wait.toDouble() < 0 || wait.toDouble() != double(wait.toInteger()))
            problem(tr("waitTimeoutMs: must be a whole number of milliseconds, 0 or more"));
        else
            set.waitTimeoutMs = wait.toInteger();
    }

    const QJsonValue rules = json.value(QStringLiteral("rules"));
    if (rules.isArray()) {
        const QJsonArray list = rules.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto rule = readRule(list.at(i), tr("rule %1").arg(i + 1)))
                set.rules.append(*rule);
        }
    } else if (!rules.isUndefined()) {
        problem(tr("rules: must be an array, not %1").arg(Api::jsonTypeName(rules)));
    }

    if (int(m_problems->size()) > problemsAtStart)
        return std::nullopt;
    return set;
}

std::optional<RuleSet> RuleSetReader::readLegacyArray(const QJsonArray& rules)
{
    return read(QJsonObject {{QStringLiteral("version"), ruleSetVersion},
        {QStringLiteral("profile"), defaultEventProfile().toJson()},
        {QStringLiteral("rules"), rules}});
}

std::optional<AutomationRule> RuleSetReader::readRule(const QJsonValue& value, const QString& where)
{
    if (!value.isObject()) {
        problem(tr("%1: must be an object, not %2").arg(where, Api::jsonTypeName(value)));
        return std::nullopt;
    }
    const int problemsAtStart = int(m_problems->size());
    const QJsonObject json = value.toObject();
    checkKeys(json, {"name", "enabled", "event", "conditions", "actions"}, where);
    AutomationRule rule;
    const QJsonValue name = json.value(QStringLiteral("name"));
    if (name.isString())
        rule.name = name.toString();
    else if (!name.isUndefined())
        problem(tr("%1: name: must be a string, not %2").arg(where, Api::jsonTypeName(name)));
    const QString label = rule.name.isEmpty() ? where : tr("%1 '%2'").arg(where, rule.name);

    const QJsonValue enabled = json.value(QStringLiteral("enabled"));
    if (enabled.isBool())
        rule.enabled = enabled.toBool();
    else if (!enabled.isUndefined())
        problem(tr("%1: enabled: must be true or false").arg(label));

    const QJsonValue event = json.value(QStringLiteral("event"));
    rule.eventType = event.toString();
    if (!event.isString() || rule.eventType.isEmpty())
        problem(tr("%1: needs an \"event\" (one of %2)")
                    .arg(label, ruleEventTypes().join(QStringLiteral(", "))));
    else if (!ruleEventTypes().contains(rule.eventType))
        problem(tr("%1: unknown event type '%2' (one of %3)")
                    .arg(label, rule.eventType, ruleEventTypes().join(QStringLiteral(", "))));

    const QJsonValue conditions = json.value(QStringLiteral("conditions"));
    if (conditions.isArray()) {
        const QJsonArray list = conditions.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto condition
                = readCondition(list.at(i), tr("%1 condition %2").arg(label).arg(i + 1)))
                rule.conditions.append(*condition);
        }
    } else if (!conditions.isUndefined()) {
        problem(tr("%1: conditions: must be an array").arg(label));
    }

    const QJsonValue actions = json.value(QStringLiteral("actions"));
    if (!actions.isArray() || actions.toArray().isEmpty()) {
        problem(tr("%1: needs at least one action").arg(label));
    } else {
        const QJsonArray list = actions.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto action
                = readAction(list.at(i), rule.eventType, tr("%1 action %2").arg(label).arg(i + 1)))
                rule.actions.append(*action);
        }
    }
    if (int(m_problems->size()) > problemsAtStart)
        return std::nullopt;
    return rule;
}

std::optional<Condition> RuleSetReader::readCondition(const QJsonValue& value, const QString& where)
{
    if (!value.isObject()) {
        problem(tr("%1: must be an object, not %2").arg(where, Api::jsonTypeName(value)));
        return std::nullopt;
    }
    const QJsonObject json = value.toObject();
    checkKeys(json, {"path", "op", "value"}, where);
    Condition condition;
    condition.path = json.value(QStringLiteral("path")).toString().trimmed();
    bool ok = true;
    if (condition.path.isEmpty() || !isEventPath(condition.path)) {
        problem(tr("%1: path must name a field of the event, such as \"data.plan\"").arg(where));
        ok = false;
    }
    const QString op = json.value(QStringLiteral("op")).toString();
    const auto& ops = conditionOps();
    const auto found = std::find_if(
        ops.begin(), ops.end(), [&](const auto& entry) { return entry.first == op; });
    if (found == ops.end()) {
        problem(tr("%1: unknown op '%2' (one of %3)").arg(where, op, choiceNames(ops)));
        return std::nullopt;
    }
    condition.op = found->second;
    const bool needsValue
        = condition.op != Condition::Op::Exists && condition.op != Condition::Op::Missing;
    condition.value = json.value(QStringLiteral("value"));
    if (needsValue
        && (condition.value.isUndefined() || condition.value.isArray()
            || condition.value.isObject())) {
        problem(tr("%1: '%2' needs a \"value\" (a string, number or boolean)").arg(where, op));
        ok = false;
    }
    if (!needsValue)
        condition.value = QJsonValue();
    return ok ? std::optional<Condition>(condition) : std::nullopt;
}

std::optional<Action> RuleSetReader::readAction(
    const QJsonValue& value, const QString& eventType, const QString& where)
{
    if (!value.isObject()) {
        problem(tr("%1: must be an object, not %2").arg(where, Api::jsonTypeName(value)));
        return std::nullopt;
    }
    const QJsonObject json = value.toObject();
    const QString name = json.value(QStringLiteral("action")).toString();
    const auto& kinds = actionKinds();
    const auto found = std::find_if(
        kinds.begin(), kinds.end(), [&](const auto& entry) { return entry.first == name; });
    if (found == kinds.end()) {
        problem(name.isEmpty()
                ? tr("%1: needs an \"action\" (one of %2)").arg(where, choiceNames(kinds))
                : tr("%1: unknown action '%2' (one of %3)").arg(where, name, choiceNames(kinds)));
        return std::nullopt;
    }
    checkKeys(json,
        {"action", "title", "body", "dueInDays", "duePath", "assignee", "tags", "noteOfChanges"},
        where);
    const int problemsAtStart = int(m_problems->size());
    Action action;
    action.kind = found->second;
    const QStringList events = eventsFor(action.kind);
    if (!events.isEmpty() && !eventType.isEmpty() && !events.contains(eventType))
        problem(tr("%1: '%2' does not apply to %3 events (only %4)")
                    .arg(where, name, eventType, events.join(QStringLiteral(", "))));

    auto text = [&](const char* key, QString* out) {
        const QJsonValue v = json.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        if (!v.isString()) {
            problem(tr("%1: %2: must be a string, not %3")
                        .arg(where, QLatin1StringView(key), Api::jsonTypeName(v)));
            return;
        }
        *out = v.toString();
    };
    text("title", &action.title);
    text("body", &action.body);
    text("duePath", &action.duePath);
    text("assignee", &action.assignee);
    for (const auto& [key, templ] : {std::pair {"title", action.title}, {"body", action.body}}) {
        for (const QString& bad : templateProblems(templ))
            problem(tr("%1: %2: %3").arg(where, QLatin1StringView(key), bad));
    }
    const QJsonValue due = json.value(QStringLiteral("dueInDays"));
    if (!due.isUndefined()) {
        if (!due.isDouble() || due.toDouble() != double(due.toInt()) || due.toInt() < 0
            || due.toInt() > 3650)
            problem(tr("%1: dueInDays: must be a whole number of days from 0 to 3650").arg(where));
        else
            action.dueInDays = due.toInt();
    }
    if (!action.duePath.isEmpty() && !isEventPath(action.duePath))
        problem(
            tr("%1: duePath must name a field of the event, such as \"data.dueAt\"").arg(where));
    const QJsonValue tags = json.value(QStringLiteral("tags"));
    if (tags.isArray()) {
        for (const QJsonValue& tag : tags.toArray()) {
            if (!tag.isString() || tag.toString().trimmed().isEmpty())
                problem(tr("%1: tags: every tag must be a non-empty string").arg(where));
            else
                action.tags.append(tag.toString().trimmed());
        }
    } else if (!tags.isUndefined()) {
        problem(tr("%1: tags: must be an array of strings").arg(where));
    }
    const QJsonValue changes = json.value(QStringLiteral("noteOfChanges"));
    if (changes.isBool())
        action.noteOfChanges = changes.toBool();
    else if (!changes.isUndefined())
        problem(tr("%1: noteOfChanges: must be true or false").arg(where));

    switch (action.kind) {
    case Action::Kind::AddTask:
        if (action.title.trimmed().isEmpty())
            problem(tr("%1: addTask needs a \"title\"").arg(where));
        break;
    case Action::Kind::AddNote:
        if (action.body.trimmed().isEmpty())
            problem(tr("%1: addNote needs a \"body\"").arg(where));
        break;
    case Action::Kind::AddTags:
    case Action::Kind::RemoveTags:
        if (action.tags.isEmpty())
            problem(tr("%1: %2 needs at least one tag").arg(where, name));
        break;
    case Action::Kind::UpsertContact:
    case Action::Kind::UpdateChangedFields:
    case Action::Kind::CompleteTask:
    case Action::Kind::DeleteContact:
        break;
    }
    if (int(m_problems->size()) > problemsAtStart)
        return std::nullopt;
    return action;
}

void RuleSetReader::checkKeys(
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

} // namespace ContactDesk::Automation
