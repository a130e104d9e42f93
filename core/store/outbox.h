#pragma once

#include "store/storeerror.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {

class Database;

enum class OutboxKind
{
    CreateContact,
    UpdateContact,
    DeleteContact,
    AddTags,
    RemoveTags,
    CreateTask,
    UpdateTask,
    CompleteTask,
    DeleteTask,
    CreateNote,
    UpdateNote,
    DeleteNote,
    // POST /contacts/upsert of a contact made here (an import): the location's duplicate rule
    // decides whether it creates or updates; the answer's contact takes the local id's place.
    // Sending it again is harmless (it matches what it made), so it is never reconciled.
    UpsertContact,
};

enum class OutboxState
{
    Queued, // waiting for its turn (and for nextAttemptAtMs after a retryable failure)
    InFlight, // handed to the worker
    Failed, // permanent failure (422 and the like): waits for the user to fix, retry or discard
    Conflict, // the server changed the same fields since `base`: waits for the user's choice
    // A create (or other call) was sent but no answer came: the worker must look for the
    // record on the server before sending again, so a retry never makes a second one.
    OutcomeUnknown,
    Done,
};

// Who made an item: the desktop user's own edits are sent before an import's or an
// automation's (Outbox::nextReady), at the rate budget's foreground priority.
enum class OutboxOrigin
{
    User,
    Import,
    Automation,
};

// One local edit waiting to reach the server. `id` is the order: items of the same contact are
// sent strictly in that order.
struct OutboxItem
{
    qint64 id = 0;
    OutboxKind kind = OutboxKind::CreateContact;
    QString contactId; // server id or "local-<uuid>"
    QString childId; // the task or note id (server or local), empty for contact items
    // The wire body: the contact or child fields for creates, only the changed fields for
    // updates ({"tags": [...]} for tag items, {"completed": bool} for CompleteTask), empty for
    // deletes.
    QJsonObject payload;
    // For updates: the values the changed fields had when the edit was made (what the server
    // had, as far as we knew), for conflict detection.
    QJsonObject base;
    // For conflicts: the server's current values of the conflicting fields.
    QJsonObject theirs;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    QString lastError; // the server's message or the transport error, user text
    qint64 createdAtMs = 0;
    // The local id of a parent that must be created first (a task on a contact that is not on
    // the server yet); cleared when resolveLocalId() gives it its server id.
    QString dependsOn;
    qint64 trashId = 0; // CreateContact from a restore: the trash entry it re-creates
    OutboxOrigin origin = OutboxOrigin::User;

    bool operator==(const OutboxItem& other) const = default;
};

// The durable queue of local edits. LocalEdits appends to it (in the same transaction as the
// optimistic change); the outbox worker in core/sync drains it; the user lists, retries,
// discards and resolves items. Every call is one transaction, and each one also updates the
// local status shown on the contact (Pending, Failed, Conflict, Synced).
class Outbox
{
public:
    explicit Outbox(Database& database);

    // For the worker.
    // The oldest user item that may be sent now (else the oldest import or automation item, so
    // a burst of events never makes the user's own save wait): state Queued or OutcomeUnknown (the
    // worker reconciles those before any resend), back-off passed, `dependsOn` resolved, and no
    // earlier unfinished item for the same contact (so a contact's items go in order and a failed
    // or conflicting item holds back the ones after it). Calling again after markInFlight() gives
    // the next contact's item, so several contacts can be sent at once.
    std::optional<OutboxItem> nextReady(qint64 nowMs) const;
    // When the next held-back item becomes ready by time alone (for the worker's timer).
    std::optional<qint64> nextAttemptAt() const;
    // Counts an attempt.
    bool markInFlight(qint64 itemId);
    // The item reached the server. A create must first call resolveLocalId().
    bool markDone(qint64 itemId);
    // In ONE transaction: the contact, task or note row, outbox items (contactId, childId,
    // dependsOn), trash records and history get the server id. Emits localIdResolved and
    // contactsChanged (the rowid stays the same).
    bool resolveLocalId(const QString& localId, const QString& serverId);
    // A retryable failure: back to Queued (OutcomeUnknown stays OutcomeUnknown) until
    // `nextAttemptAtMs`.
    bool scheduleRetry(qint64 itemId, qint64 nextAttemptAtMs, const QString& error);
    bool markFailed(qint64 itemId, const QString& message);
    // `theirs`: the server's current values of the fields that conflict.
    bool markConflict(qint64 itemId, const QJsonObject& theirs);
    // Sent, no answer: reconcile before resending. `nextAttemptAtMs` delays the reconciliation
    // (the network may be down).
    bool markOutcomeUnknown(qint64 itemId, qint64 nextAttemptAtMs = 0, const QString& error = {});

    // For users (outbox list, CLI).
    // Every item not Done, oldest first.
    QList<OutboxItem> list() const;
    QList<OutboxItem> itemsForContact(const QString& contactId) const;
    std::optional<OutboxItem> item(qint64 itemId) const;
    // A Failed, OutcomeUnknown or backed-off Queued item goes again now (attempts reset).
    bool retry(qint64 itemId);
    // Drops an item that is not in flight and reverts its optimistic change where possible: a
    // discarded create removes the local contact (or task, note) with the items that depend on
    // it; a discarded update puts the base values back and marks the contact (or its tasks,
    // notes) stale for the sync engine to re-fetch; a discarded delete brings the contact back
    // from the trash, stale.
    bool discard(qint64 itemId);
    // The user's choice for a Conflict item: `chosenFields` holds the final value of each
    // conflicting field (mine, theirs or per field). The cache takes them; fields that differ
    // from theirs are sent as a new update against theirs as base; if none differ the item is
    // done.
    bool resolveConflict(qint64 itemId, const QJsonObject& chosenFields);
    // Items not Done (what the status bar counts).
    int pendingCount() const;
    // Items Done are kept for the history of the session; this drops those done before `ms`.
    bool purgeDone(qint64 doneBeforeMs);

    StoreError lastError() const;

    static QString kindName(OutboxKind kind); // "updateContact", stable, for storage and CLI
    static std::optional<OutboxKind> kindFromName(const QString& name);
    static QString stateName(OutboxState state); // "queued", ...
    static std::optional<OutboxState> stateFromName(const QString& name);
    // The kinds that make a contact (or task, note) from a local id: create and upsert.
    static bool isCreate(OutboxKind kind);
    static QString originName(OutboxOrigin origin); // "user", "import", "automation"
    static std::optional<OutboxOrigin> originFromName(const QString& name);

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
