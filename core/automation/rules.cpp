#include "automation/rules.h"

#include "api/models/locationlists.h"
#include "automation/rulesreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ContactDesk::Automation {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Automation::RuleSet", text);
}

QJsonObject conditionToJson(const Condition& condition)
{
    QJsonObject json {
        {QStringLiteral("path"), condition.path},
        {QStringLiteral("op"), conditionOpName(condition.op)},
    };
    if (condition.op != Condition::Op::Exists && condition.op != Condition::Op::Missing)
        json.insert(QStringLiteral("value"), condition.value);
    return json;
}

QJsonObject actionToJson(const Action& action)
{
    QJsonObject json {{QStringLiteral("action"), actionKindName(action.kind)}};
    if (!action.title.isEmpty())
        json.insert(QStringLiteral("title"), action.title);
    if (!action.body.isEmpty())
        json.insert(QStringLiteral("body"), action.body);
    if (action.dueInDays >= 0)
        json.insert(QStringLiteral("dueInDays"), action.dueInDays);
    if (!action.duePath.isEmpty())
        json.insert(QStringLiteral("duePath"), action.duePath);
    if (!action.assignee.isEmpty())
        json.insert(QStringLiteral("assignee"), action.assignee);
    if (!action.tags.isEmpty())
        json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(action.tags));
    if (action.noteOfChanges)
        json.insert(QStringLiteral("noteOfChanges"), true);
    return json;
}

QJsonObject ruleToJson(const AutomationRule& rule)
{
    QJsonObject json {
        {QStringLiteral("name"), rule.name},
        {QStringLiteral("enabled"), rule.enabled},
        {QStringLiteral("event"), rule.eventType},
    };
    if (!rule.conditions.isEmpty()) {
        QJsonArray conditions;
        for (const Condition& condition : rule.conditions)
            conditions.append(conditionToJson(condition));
        json.insert(QStringLiteral("conditions"), conditions);
    }
    QJsonArray actions;
    for (const Action& action : rule.actions)
        actions.append(actionToJson(action));
    json.insert(QStringLiteral("actions"), actions);
    return json;
}

Mapping::Rule fieldRule(const QString& path, const QString& target)
{
    Mapping::Rule rule;
    rule.sources = {path};
    rule.target = *Mapping::Target::fromString(target);
    rule.transforms = {{QStringLiteral("trim"), {}}};
    return rule;
}

Action action(Action::Kind kind)
{
    Action a;
    a.kind = kind;
    return a;
}

} // namespace

QJsonObject RuleSet::toJson() const
{
    QJsonArray list;
    for (const AutomationRule& rule : rules)
        list.append(ruleToJson(rule));
    QJsonObject json {
        {QStringLiteral("version"), ruleSetVersion},
        {QStringLiteral("profile"), profile.toJson()},
        {QStringLiteral("rules"), list},
        {QStringLiteral("waitTimeoutMs"), waitTimeoutMs},
    };
    if (!linkField.isEmpty())
        json.insert(QStringLiteral("linkField"), linkField);
    return json;
}

std::optional<RuleSet> RuleSet::fromJson(const QJsonObject& json, QStringList* problems)
{
    QStringList local;
    RuleSetReader reader(problems ? problems : &local);
    return reader.read(json);
}

std::optional<RuleSet> RuleSet::load(const QString& path, QStringList* problemList)
{
    QStringList local;
    QStringList* problems = problemList ? problemList : &local;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(
            tr("Cannot open the automation rules '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    constexpr qint64 maxRuleSetBytes = 16 * 1024 * 1024;
    if (file.size() > maxRuleSetBytes) {
        problems->append(tr("'%1' is too large to be a set of automation rules.").arg(path));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems->append(tr("'%1' is not valid JSON (at byte %2: %3).")
                             .arg(path)
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
        return std::nullopt;
    }
    // Version 0 is a bare array of rules.
    if (document.isArray()) {
        RuleSetReader reader(problems);
        return reader.readLegacyArray(document.array());
    }
    if (!document.isObject()) {
        problems->append(
            tr("'%1' is not a set of automation rules: it must be a JSON object.").arg(path));
        return std::nullopt;
    }
    return fromJson(document.object(), problems);
}

bool RuleSet::save(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

Mapping::Profile defaultEventProfile()
{
    Mapping::Profile profile;
    profile.name = QStringLiteral("Your App users");
    profile.source.kind = Mapping::SourceKind::Json;
    profile.mode = Mapping::WriteMode::Upsert;
    profile.match.by = Mapping::MatchKey::By::Email;
    profile.rules = {
        fieldRule(QStringLiteral("data.email"), QStringLiteral("email")),
        fieldRule(QStringLiteral("data.firstName"), QStringLiteral("firstName")),
        fieldRule(QStringLiteral("data.lastName"), QStringLiteral("lastName")),
        fieldRule(QStringLiteral("data.phone"), QStringLiteral("phone")),
    };
    return profile;
}

RuleSet defaultRuleSet(const Api::LocationLists& lists)
{
    RuleSet set;
    set.profile = defaultEventProfile();

    Action welcome = action(Action::Kind::AddTask);
    welcome.title = QStringLiteral("Welcome {{data.firstName}}");
    welcome.body = QStringLiteral("{{data.firstName}} {{data.lastName}} signed up in Your App.");
    welcome.dueInDays = 1;
    if (!lists.users.isEmpty()) {
        const Api::User& first = lists.users.first();
        welcome.assignee = first.email.isEmpty() ? first.displayName() : first.email;
    }
    set.rules.append({QStringLiteral("Sign-up: contact and welcome task"), true,
        QStringLiteral("user.signed_up"), {}, {action(Action::Kind::UpsertContact), welcome}});

    Action changed = action(Action::Kind::UpdateChangedFields);
    changed.noteOfChanges = true;
    changed.body = QStringLiteral("Changed in Your App: {{changes}}");
    set.rules.append({QStringLiteral("Profile change: changed fields and a note"), true,
        QStringLiteral("user.updated"), {}, {changed}});

    Action task = action(Action::Kind::AddTask);
    task.title = QStringLiteral("{{data.title}}");
    task.body = QStringLiteral("{{data.body}}");
    task.duePath = QStringLiteral("data.dueAt");
    task.assignee = QStringLiteral("{{data.assignee}}");
    set.rules.append({QStringLiteral("Task: task on the contact"), true,
        QStringLiteral("task.created"), {}, {task}});

    set.rules.append({QStringLiteral("Task completed: complete it"), true,
        QStringLiteral("task.completed"), {}, {action(Action::Kind::CompleteTask)}});

    Action note = action(Action::Kind::AddNote);
    note.body = QStringLiteral("{{data.body}}");
    set.rules.append({QStringLiteral("Note: note on the contact"), true,
        QStringLiteral("note.created"), {}, {note}});

    // Nothing by default; tagging instead is one edit away (enable the rule).
    Action tag = action(Action::Kind::AddTags);
    tag.tags = {QStringLiteral("deleted in Your App")};
    set.rules.append({QStringLiteral("User deleted: tag the contact"), false,
        QStringLiteral("user.deleted"), {}, {tag}});
    return set;
}

QString actionKindName(Action::Kind kind)
{
    for (const auto& [name, value] : actionKinds()) {
        if (value == kind)
            return name;
    }
    return {};
}

QString conditionOpName(Condition::Op op)
{
    for (const auto& [name, value] : conditionOps()) {
        if (value == op)
            return name;
    }
    return {};
}

} // namespace ContactDesk::Automation
