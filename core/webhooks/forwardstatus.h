#pragma once

#include "webhooks/forwardqueue.h"

#include <QList>
#include <QObject>
#include <QString>

namespace ContactDesk::Webhooks {

// One row of the "forwarded to Your App" table.
struct ForwardRow
{
    qint64 id = 0; // the queue's seq: what retry() and discard() take
    QString eventType; // "contact.updated", ...
    QString destination; // Your App's URL
    ForwardState state = ForwardState::Queued;
    QString status; // user text: "Delivered (HTTP 200)", "Retrying at 14:05:09", "Dead letter", ...
    int attempts = 0;
    int lastStatus = 0; // the last HTTP status, 0 for none (not sent yet, network error, timeout)
    QString lastError; // empty when the last attempt did not fail
    qint64 timeMs = 0; // when it was delivered or dead-lettered, else when it is due, else queued
    QString eventId; // webhook-id, the same on every attempt (what Your App deduplicates by)
    QString contactId;
};

// What the desktop's Webhooks tab binds to for the forwarding to Your App: the counts, the
// recent events and the dead letters of one workspace's queue, with retry and discard. Every
// change of the queue (a new event, an attempt, a retry, a discard) emits changed() once per
// turn of the event loop, so a burst of events refreshes the view once.
//
//   ForwardStatus status(queue);
//   connect(&status, &ForwardStatus::changed, view, &View::reload);
//   status.counts();          // {pending, delivered, dead}
//   status.recent(100);       // newest first, every state
//   status.deadLetters();     // oldest first
//   status.retry(row.id);     // a dead letter goes again now, before the later events
//   status.discard(row.id);   // a dead letter is dropped for good
//
// The queue and the forwarder (which sends what retry() queues) belong to the workspace; the
// status only reads and edits the queue, on the thread that owns it.
class ForwardStatus : public QObject
{
    Q_OBJECT

public:
    explicit ForwardStatus(ForwardQueue& queue, QObject* parent = nullptr);

    ForwardCounts counts() const { return m_queue.counts(); }
    // The newest `limit` events first, whatever their state.
    QList<ForwardRow> recent(int limit = 100) const;
    // Every dead letter, oldest first.
    QList<ForwardRow> deadLetters() const;

    // A dead letter queued again now (attempts start over); false with lastError() when `id` is
    // not a dead letter.
    bool retry(qint64 id);
    // A dead letter dropped; false with lastError() when `id` is not a dead letter.
    bool discard(qint64 id);
    // Every dead letter; how many.
    int retryAll();
    int discardAll();
    QString lastError() const { return m_queue.lastError(); }

    static ForwardRow row(const ForwardItem& item);
    // The user text of an event's state, as ForwardRow::status holds it.
    static QString statusText(const ForwardItem& item);

Q_SIGNALS:
    void changed();

private:
    ForwardQueue& m_queue;
    bool m_pending = false;
};

} // namespace ContactDesk::Webhooks
