#pragma once

#include "automation/appevent.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Automation {

enum class EventStatus
{
    Received, // stored, not applied yet
    Waiting, // needs something first (a task for a user whose sign-up has not arrived)
    Applied, // its actions are in the outbox (their own state says whether they reached HighLevel)
    Failed, // with a reason; retry() puts it back to Received
    Duplicate, // a second delivery of a stored webhook-id, logged and not applied
};
QString eventStatusName(EventStatus status); // "received", ... stable, for storage and the CLI
std::optional<EventStatus> eventStatusFromName(const QString& name);

struct InboxEvent
{
    qint64 seq = 0; // arrival order
    AppEvent event;
    EventStatus status = EventStatus::Received;
    QString reason; // why it waits or failed, user text
    qint64 receivedAtMs = 0;
    qint64 updatedAtMs = 0;
    QString contactId; // the contact it is about, once known
    QList<qint64> outboxItemIds; // the outbox items its actions made
    qint64 duplicateOf = 0; // for Duplicate: the seq of the stored event
    int attempts = 0;
};

struct InboxFilter
{
    std::optional<EventStatus> status;
    QString type; // empty: all
    QString text; // matched against the Your App user id, the webhook-id and the contact id
};

// The durable inbox of Your App's events (table app_events of the workspace database, schema 7).
// An event is stored before the receiver answers; a webhook-id is stored once.
class Inbox : public QObject
{
    Q_OBJECT

public:
    Inbox(Store::Database& database, const Clock& clock, QObject* parent = nullptr);

    enum class Accepted
    {
        Stored,
        Duplicate, // the webhook-id was stored before: logged as Duplicate, not applied again
        Failed, // the database refused the write (disk full, ...): the sender must retry
    };
    // One transaction. *seq: the stored event's seq (for Duplicate: the original's).
    Accepted accept(const AppEvent& event, qint64* seq = nullptr);
    // Many events in ONE transaction (the receiver's group commit); one result per event.
    QList<Accepted> acceptAll(const QList<AppEvent>& events, QList<qint64>* seqs = nullptr);

    // For the automation engine: Received and Waiting events, in seq order.
    QList<InboxEvent> pending(int limit) const;
    // Status changes; each is one statement, so the engine may call them inside its own
    // transaction (Database transactions nest) together with the outbox writes.
    bool markApplied(qint64 seq, const QString& contactId, const QList<qint64>& outboxItemIds);
    bool markWaiting(qint64 seq, const QString& reason);
    bool markFailed(qint64 seq, const QString& reason);
    // A Failed (or Waiting) event goes again: back to Received.
    bool retry(qint64 seq);
    // After Outbox::resolveLocalId: events recorded against the local id take the server id.
    bool renameContact(const QString& localId, const QString& serverId);

    // For the event log (UI, CLI): newest first.
    int count(const InboxFilter& filter = {}) const;
    QList<InboxEvent> list(const InboxFilter& filter, int offset, int limit) const;
    std::optional<InboxEvent> event(qint64 seq) const;
    // Stored events (not Duplicate) not yet Applied or Failed: what the receiver may refuse with
    // 429 above a limit (HighLevel webhooks).
    int backlog() const;

Q_SIGNALS:
    // After the transaction that stored them committed.
    void eventsStored(const QList<qint64>& seqs);
    void eventChanged(qint64 seq);

private:
    Store::Database& m_db;
    const Clock& m_clock;
};

} // namespace ContactDesk::Automation
