#pragma once

// Internal to core/automation: what an event's rule does, decided without writing anything.
// The engine executes the steps through LocalEdits; plan() (the dry run) turns them into the
// requests they would make.

#include "api/models/contact.h"
#include "api/models/locationlists.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "automation/inbox.h"
#include "automation/rules.h"
#include "mapping/record.h"
#include "mapping/rowmapper.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ContactDesk::Store {
class Database;
class ContactCache;
class ChildCache;
class ContactLookup;
} // namespace ContactDesk::Store

namespace ContactDesk::Automation {

class AppLinks;

struct ActionStep
{
    enum class Kind
    {
        Upsert, // a new contact from the event's data (`draft`)
        Update, // `changes` (wire fields in the contact's JSON shape) on the contact
        CreateTask, // `task` on the contact; `appTaskId` is remembered for task.completed
        CompleteTask, // `taskId` (the one `appTaskId` made)
        CreateNote,
        AddTags,
        RemoveTags,
        Delete,
    };
    Kind kind = Kind::Upsert;
    Api::Contact draft;
    QJsonObject changes;
    QStringList changeLines; // "firstName: Ada → Adah", for notes and the dry run
    Api::Task task;
    QString appTaskId;
    QString taskId;
    Api::Note note;
    QStringList tags;
};

struct EventDecision
{
    QString ruleName; // empty: no enabled rule matched (the event is applied with no actions)
    // The contact the event is about: the linked one, or the contact found by the link field
    // or the e-mail address; empty when an Upsert step makes it.
    QString contactId;
    // The link to write: the user id becomes linked to the contact.
    bool link = false;
    QList<ActionStep> steps;
    QString waitReason;
    QString error;
};

class EventPlanner
{
public:
    EventPlanner(Store::Database& database, const RuleSet& rules, const Api::LocationLists& lists,
        const QString& locationId);
    ~EventPlanner();

    EventDecision decide(const InboxEvent& event) const;

    // The first enabled rule for the event whose conditions hold; null when none.
    const AutomationRule* matchingRule(const AppEvent& event, const Mapping::Record& record) const;

private:
    bool conditionHolds(
        const Condition& condition, const Mapping::Record& record, const AppEvent& event) const;
    QString findContact(const AppEvent& event, const Mapping::MappedRow& row) const;
    std::optional<Api::Contact> draftFor(
        const Mapping::MappedRow& row, const QString& userId, QString* problem) const;
    // The fields of `row` that differ from the cached contact (and, when `previous` is given,
    // from Your App's previous values), by the profile's write policy.
    QJsonObject changedFields(const Mapping::MappedRow& row, const Mapping::Record& record,
        const Mapping::MappedRow* previous, const QJsonObject& current, bool existing,
        QStringList* lines) const;
    QString assigneeId(const QString& nameOrEmail) const;
    QString linkFieldId() const;

    Store::Database& m_db;
    const RuleSet& m_rules;
    const Api::LocationLists& m_lists;
    QString m_locationId;
    Mapping::RowMapper m_mapper;
    std::unique_ptr<AppLinks> m_links;
    std::unique_ptr<Store::ContactCache> m_cache;
    std::unique_ptr<Store::ChildCache> m_children;
    std::unique_ptr<Store::ContactLookup> m_lookup;
};

} // namespace ContactDesk::Automation
