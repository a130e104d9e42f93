#pragma once

#include "api/models/contact.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "store/outbox.h"
#include "store/storeerror.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace ContactDesk::Store {

class Database;
namespace Rows {
enum class ChildKind;
}

// What became of an edit.
enum class EditOutcome
{
    Saved, // in the cache and in the outbox, together
    // The write failed (disk full, read-only disk, ...): the edit is kept in memory, listed in
    // unsavedEdits(), and applied by retryUnsaved(). Nothing is lost.
    Unsaved,
    Rejected, // the contact (task, note) is not in the cache, or the edit changes nothing
};

// An edit the cache could not take yet.
struct UnsavedEdit
{
    qint64 serial = 0;
    QString contactId;
    QString description; // user text: "Change of Jane Doe: email"
    StoreError error;
    qint64 atMs = 0;
};

// THE way the UI changes data. Each call is ONE transaction that applies the optimistic change to
// the cache, appends its outbox item(s) and a history row, so the change shows at once and is
// sent exactly as shown. Local creates get "local-<uuid>" ids until the worker's
// Outbox::resolveLocalId().
//
// An edit made inside the caller's own transaction (the automation engine applies an event's
// actions, its link and its inbox status in one) belongs to that transaction: when it cannot be
// written it is not kept in memory (the caller rolls back and tries again later), and a rejected
// one leaves the caller's transaction usable.
//
// Change signals: this object re-emits every change of the store (sync, outbox worker and its
// own edits), so a model connects to it alone.
class LocalEdits : public QObject
{
    Q_OBJECT

public:
    explicit LocalEdits(Database& database, QObject* parent = nullptr);
    ~LocalEdits() override;

    // Who the outbox items of the next edits are for: the user's own (the default) are sent
    // before an import's or an automation's. Set through OriginScope.
    OutboxOrigin origin() const { return m_origin; }
    void setOrigin(OutboxOrigin origin) { m_origin = origin; }

    // The edits made while it lives carry `origin`; the previous origin comes back after.
    class OriginScope
    {
    public:
        OriginScope(LocalEdits& edits, OutboxOrigin origin)
            : m_edits(edits)
            , m_previous(edits.origin())
        {
            edits.setOrigin(origin);
        }
        ~OriginScope() { m_edits.setOrigin(m_previous); }
        OriginScope(const OriginScope&) = delete;
        OriginScope& operator=(const OriginScope&) = delete;

    private:
        LocalEdits& m_edits;
        OutboxOrigin m_previous;
    };

    // Contacts. `draft.id` is ignored; returns the new local id (also when the edit is kept
    // unsaved, so it can be referred to once saved).
    QString createContact(const Api::Contact& draft);
    // The same for an import's upsert: the local contact and an UpsertContact item (the server's
    // duplicate rule decides whether it creates), with the draft's tags as an AddTags item
    // after it, since an upsert that matches would replace the contact's tags.
    QString upsertContact(const Api::Contact& draft);
    // `changedFields`: only the changed wire fields, in the contact's JSON shape ("email",
    // "firstName", "customFields", ...). A "tags" key becomes AddTags/RemoveTags items, since the
    // PUT would replace tags changed elsewhere meanwhile. Edits of a contact whose create or
    // update is still queued (or failed) are folded into that item.
    EditOutcome updateContact(const QString& contactId, const QJsonObject& changedFields);
    // The contact with its tasks and notes goes to the trash, then the delete item is queued.
    EditOutcome deleteContact(const QString& contactId);
    // Several contacts in one transaction (bulk delete); unknown ids are skipped.
    EditOutcome deleteContacts(const QStringList& contactIds);
    // One item per contact that does not already carry (or lack) all the tags.
    EditOutcome addTags(const QStringList& contactIds, const QStringList& tags);
    EditOutcome removeTags(const QStringList& contactIds, const QStringList& tags);

    // Tasks and notes. Creates return the new local id (empty when rejected).
    QString createTask(const QString& contactId, const Api::Task& draft);
    // Wire fields of the task: title, body, dueDate, assignedTo.
    EditOutcome updateTask(
        const QString& contactId, const QString& taskId, const QJsonObject& changedFields);
    EditOutcome completeTask(const QString& contactId, const QString& taskId, bool completed);
    EditOutcome deleteTask(const QString& contactId, const QString& taskId);
    QString createNote(const QString& contactId, const Api::Note& draft);
    // Wire fields of the note: body, title, color, pinned.
    EditOutcome updateNote(
        const QString& contactId, const QString& noteId, const QJsonObject& changedFields);
    EditOutcome deleteNote(const QString& contactId, const QString& noteId);

    // Re-creates a trashed contact, its tasks and its notes as local creates (the tasks and
    // notes wait for the new contact), and records the new id in the trash entry. Returns the
    // new local contact id, empty when the entry is unknown or already restored.
    QString restore(qint64 trashId);

    QList<UnsavedEdit> unsavedEdits() const;
    // Applies the kept edits again, in order; stops at the first that still fails. Returns true
    // when none is left.
    bool retryUnsaved();
    // Gives up an edit the cache could not take (the user chose to drop it).
    bool discardUnsaved(qint64 serial);

signals:
    void contactsChanged(const QVector<qint64>& rowIds);
    void contactsInserted(const QVector<qint64>& rowIds);
    void contactsRemoved(const QVector<qint64>& rowIds);
    void contactsReset();
    void childrenChanged(const QString& contactId);
    void outboxChanged();
    void localIdResolved(const QString& localId, const QString& serverId);
    // An edit could not be written; `message` is the StoreError text for the user.
    void saveFailed(const QString& message, const ContactDesk::Store::StoreError& error);
    void unsavedEditsChanged();

private:
    struct Pending
    {
        UnsavedEdit edit;
        // Applies the edit in the caller's transaction; false on a write failure, with the
        // error in the database's lastError(). Sets *rejected when it cannot apply at all.
        std::function<bool(bool* rejected)> apply;
    };

    EditOutcome run(const QString& contactId, const QString& description,
        std::function<bool(bool* rejected)> apply);
    EditOutcome applyPending(Pending& pending);
    // Inside an edit's transaction: false on a write failure.
    bool applyTags(const QString& contactId, const QStringList& tags, bool add, bool* changed);
    EditOutcome updateChild(Rows::ChildKind kind, const QString& contactId, const QString& childId,
        const QJsonObject& changedFields);
    EditOutcome deleteChild(Rows::ChildKind kind, const QString& contactId, const QString& childId);
    bool notifyChild(const QString& contactId);

    Database& m_db;
    OutboxOrigin m_origin = OutboxOrigin::User;
    QList<Pending> m_unsaved;
    qint64 m_nextSerial = 1;
};

} // namespace ContactDesk::Store
