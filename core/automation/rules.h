#pragma once

#include "mapping/profile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Api {
struct LocationLists;
}

namespace ContactDesk::Automation {

// The format version this build writes (an older one is migrated, a newer one refused), like
// mapping profiles.
inline constexpr int ruleSetVersion = 1;

// A condition on the event's payload: `path` is a JSON path into the event ("data.plan",
// "data.tags[0]"), as mapping source paths are.
struct Condition
{
    enum class Op
    {
        Equals,
        NotEquals,
        Exists,
        Missing,
        Contains, // string contains, or array has the value
    };
    QString path;
    Op op = Op::Equals;
    QJsonValue value;

    bool operator==(const Condition& other) const = default;
};

struct Action
{
    enum class Kind
    {
        UpsertContact, // the event's data through the rule set's profile (create or update)
        UpdateChangedFields, // PUT only the fields whose value changed (profile's write policy)
        AddTask, // title/body templates, due in N days or at a payload date, assignee by name
        CompleteTask, // the task an earlier task.created of the same Your App task id made
        AddNote, // body template; {{changes}} lists what an update changed
        AddTags,
        RemoveTags,
        DeleteContact, // user.deleted: the contact goes to the trash, then to HighLevel
    };
    Kind kind = Kind::UpsertContact;
    // Templates: text with {{data.firstName}}-style placeholders (paths into the event) and
    // {{changes}}; a missing value is empty.
    QString title;
    QString body;
    int dueInDays = -1; // AddTask: due N days after the event; -1: use duePath or no due date
    QString duePath; // AddTask: a payload date ("data.dueAt")
    QString assignee; // AddTask: a user of the location by name or email; empty: none
    QStringList tags; // AddTags, RemoveTags (templates allowed)
    bool noteOfChanges = false; // UpdateChangedFields: also add a note saying what changed

    bool operator==(const Action& other) const = default;
};

struct AutomationRule
{
    QString name;
    bool enabled = true;
    QString eventType; // one of appEventTypes()
    QList<Condition> conditions; // all must hold
    QList<Action> actions; // in order

    bool operator==(const AutomationRule& other) const = default;
};

// A versioned JSON document (docs/automation-rules.md): the rules, the mapping profile that
// turns an event's data into contact fields (a JSON source: paths such as "data.email"), and
// the link settings.
struct RuleSet
{
    QList<AutomationRule> rules;
    Mapping::Profile profile;
    // A custom field of the location (name or fieldKey) that also holds Your App's user id, so
    // the link survives a new machine; empty: the link lives only in this cache.
    QString linkField;
    // How long an event may wait (a task for an unknown user) before it fails.
    qint64 waitTimeoutMs = 24LL * 3600 * 1000;

    QJsonObject toJson() const; // writes "version": ruleSetVersion
    // Reads and fully checks a document: every problem names the rule and action (1-based):
    // "rule 2 action 1: unknown action 'addTsk'". Null when there is any problem.
    static std::optional<RuleSet> fromJson(const QJsonObject& json, QStringList* problems);
    static std::optional<RuleSet> load(const QString& path, QStringList* problems);
    bool save(const QString& path, QString* error) const;

    bool operator==(const RuleSet& other) const = default;
};

// The rules that ship enabled on the built-in sandbox: sign-up -> contact + "Welcome <first
// name>" task due in 1 day assigned to the location's first user; update -> changed fields +
// note; task.created -> task; task.completed -> complete it; note.created -> note; user.deleted
// -> nothing (tag "deleted in Your App" is one edit away).
RuleSet defaultRuleSet(const Api::LocationLists& lists);
// The profile of the default rules (and of a version 0 document): data.email, data.firstName,
// data.lastName and data.phone to the contact's fields, upserted by e-mail.
Mapping::Profile defaultEventProfile();

QString actionKindName(Action::Kind kind); // "upsertContact", "addTask", ...
QString conditionOpName(Condition::Op op); // "equals", ...

} // namespace ContactDesk::Automation
