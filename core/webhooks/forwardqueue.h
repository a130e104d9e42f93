#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// An event for Your App, before it is queued: its Standard Webhooks type ("contact.updated",
// ...), the record it is about and the exact body bytes that will be signed and sent.
struct ForwardEvent
{
    QString type;
    QString contactId;
    QByteArray body;
};

enum class ForwardState
{
    Queued, // waiting for its turn and its back-off (nextAttemptAtMs)
    InFlight, // on its way (back to Queued after a restart: sent again with the same id)
    Delivered, // answered 2xx; never sent again
    Dead, // a dead letter: refused (4xx other than 408/429) or out of attempts
};

struct ForwardItem
{
    qint64 seq = 0; // the order, per destination
    QString destination; // Your App's URL
    QString eventId; // webhook-id ("msg_..."), the same on every attempt
    QString type;
    QString contactId;
    QByteArray body;
    ForwardState state = ForwardState::Queued;
    int attempts = 0;
    qint64 createdAtMs = 0;
    qint64 nextAttemptAtMs = 0;
    int lastStatus = 0; // the last HTTP status answered, 0 for none (network error, timeout)
    QString lastError; // why the last attempt failed, user text
    qint64 finishedAtMs = 0; // delivered or dead-lettered at
};

// How many events are in each state.
struct ForwardCounts
{
    int pending = 0; // queued or in flight
    int delivered = 0;
    int dead = 0;
};

// The durable outbound queue of events for Your App (table forward_queue, schema 10). Each
// destination gets its events strictly in order, one at a time: nextReady() gives a
// destination's oldest unfinished event only when it is Queued and due, so a backed-off or
// in-flight head holds the ones behind it. Dead letters do not hold the queue.
//
// Dead-letter API (for the Webhooks tab): deadLetters() lists them, retry(seq) queues one
// again now (attempts reset; it goes before the destination's later events, being older),
// discard(seq) drops it. changed() follows every change of the queue.
class ForwardQueue : public QObject
{
    Q_OBJECT

public:
    explicit ForwardQueue(Store::Database& database, QObject* parent = nullptr);

    // Queues `event` for `destination` with a fresh webhook-id; false with lastError().
    bool enqueue(const QString& destination, const ForwardEvent& event, qint64 nowMs);

    // For the forwarder.
    // The destinations with an unfinished event.
    QStringList destinations() const;
    std::optional<ForwardItem> nextReady(const QString& destination, qint64 nowMs) const;
    // When the earliest backed-off head becomes due; nothing when none waits.
    std::optional<qint64> nextAttemptAt() const;
    bool markInFlight(qint64 seq);
    bool markDelivered(qint64 seq, int status, qint64 nowMs);
    bool scheduleRetry(qint64 seq, qint64 nextAttemptAtMs, int status, const QString& error);
    bool markDead(qint64 seq, int status, const QString& error, qint64 nowMs);
    // After a restart: what was in flight goes again (the answer never got recorded). Returns
    // how many.
    int recoverInFlight();

    // For users.
    QList<ForwardItem> deadLetters() const;
    bool retry(qint64 seq);
    bool discard(qint64 seq);
    // The newest events first, whatever their state (the "forwarded" list).
    QList<ForwardItem> recent(int limit = 200) const;
    std::optional<ForwardItem> item(qint64 seq) const;
    // Queued and in flight.
    int pendingCount() const;
    // Every state at once (one query).
    ForwardCounts counts() const;
    // Drops delivered events finished before `beforeMs`.
    int purgeDelivered(qint64 beforeMs);

    QString lastError() const { return m_lastError; }

    static QString stateName(ForwardState state); // "queued", "inflight", "delivered", "dead"
    static std::optional<ForwardState> stateFromName(const QString& name);

Q_SIGNALS:
    void changed();

private:
    bool exec(const QString& sql, const QVariantList& values, bool notify = true);
    QList<ForwardItem> select(const QString& where, const QVariantList& values) const;

    Store::Database& m_db;
    mutable QString m_lastError;
};

} // namespace ContactDesk::Webhooks
