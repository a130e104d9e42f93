#pragma once

#include "api/models/contact.h"
#include "api/models/locationlists.h"
#include "mapping/mappedrow.h"
#include "mapping/profile.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ContactDesk::Store {
class ContactCache;
class ContactLookup;
class Database;
} // namespace ContactDesk::Store

namespace ContactDesk::Mapping {

// One HTTP request an import would send, as the dry run shows it.
struct PlannedRequest
{
    QString method; // "POST", "PUT", "DELETE"
    QString path; // "/contacts/abc123", "/contacts/upsert"
    QJsonObject body;

    // "PUT /contacts/abc123 {"email":"a@b.test"}"
    QString toText() const;
    bool operator==(const PlannedRequest& other) const = default;
};

enum class PlanAction
{
    Create, // POST /contacts/
    Upsert, // POST /contacts/upsert (then the tags)
    Update, // only the fields that change, and the tags the contact lacks
    Unchanged, // matched, and nothing would change
    Skip, // by the write policy, or a duplicate of an earlier row reported
    Invalid, // the row has problems: never sent
};
QString planActionName(PlanAction action); // "create", "upsert", ..., "invalid"

// What an import does with one mapped row.
struct RowPlan
{
    qint64 row = 0;
    PlanAction action = PlanAction::Skip;
    // Skip and Invalid: why ("a contact with this email exists", "same email as row 3", the
    // problems); Update of a duplicate merged into an earlier row: "merged into row 3".
    QString reason;
    QString matchValue;
    // Update and Unchanged: the contact written to (a server id, or the local id of a contact an
    // earlier row of this import created). Empty for a new contact.
    QString contactId;
    // Update of a contact an earlier row of the same run creates, before it has an id (the dry
    // run): that row.
    qint64 mergedInto = 0;
    // Create and Upsert: the new contact (tags included).
    Api::Contact draft;
    // Update: what LocalEdits::updateContact takes: the changed wire fields, "customFields" as the
    // contact's whole list with the changes in it (so fields the profile does not map stay as
    // they are), "tags" only when the rule replaces them.
    QJsonObject changes;
    QStringList addTags; // Update: the tags the contact lacks
    QList<PlannedRequest> requests; // in the order they would go

    // One line per request: "row 3: update (merged into row 1): PUT /contacts/... {...}"; a
    // row that sends nothing: "row 4: skip: a contact with this email exists".
    QString text() const;
};

// Decides, row by row, what an import sends: by the profile's write mode, match key, field
// policies and duplicate choice, against the cache (a sync has run first, so it knows the
// location's contacts). Rows must come in file order; the planner remembers each match key it
// has seen so that duplicates inside the file merge or are reported. It writes nothing.
class ImportPlanner
{
public:
    ImportPlanner(const Profile& profile, const Api::LocationLists& lists,
        const QString& locationId, Store::Database& database);
    ~ImportPlanner();

    RowPlan plan(const MappedRow& row);
    // The run wrote `plan` and its contact has `contactId` (the local id of a new one): rows
    // with the same match key that follow update that contact.
    void applied(const RowPlan& plan, const QString& contactId);
    // A row journaled by an earlier part of the same run (resume): later duplicates of its match
    // key go to its contact.
    void remember(const QString& matchValue, qint64 row, const QString& contactId);

    // The custom field the match key names (its id), empty for email and phone or when the
    // location has no such field.
    QString matchFieldId() const { return m_matchFieldId; }
    // "email", "phone", or the custom field's name, for messages.
    QString matchName() const;

private:
    struct Seen
    {
        qint64 row = 0;
        QString contactId; // empty in a dry run until... always, for a new contact
        bool created = false; // the contact is new in this run
        QJsonObject state; // the contact as the earlier rows leave it (for the dry run)
    };

    QString findExisting(const QString& matchValue);
    RowPlan planNew(const MappedRow& row, RowPlan plan) const;
    // Fills changes, addTags and requests of an update of `current` (contact JSON).
    void planUpdate(
        const MappedRow& row, const QJsonObject& current, bool newContact, RowPlan* plan) const;
    QJsonObject stateAfter(const QJsonObject& current, const RowPlan& plan) const;

    Profile m_profile;
    Api::LocationLists m_lists;
    QString m_locationId;
    Store::Database& m_db;
    std::unique_ptr<Store::ContactCache> m_cache;
    std::unique_ptr<Store::ContactLookup> m_lookup;
    QString m_matchFieldId;
    QHash<QString, Seen> m_seen; // by match value
};

} // namespace ContactDesk::Mapping
