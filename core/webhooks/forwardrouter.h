#pragma once

#include "store/serverchange.h"
#include "webhooks/forwardqueue.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// The event types that can be forwarded, in the order the settings list them.
const QStringList& forwardEventTypes();

// Where and what to forward (the settings beside the automations', ForwardSettings).
struct ForwardConfig
{
    bool enabled = false;
    QString url; // Your App's URL
    QSet<QString> types; // the enabled event types; empty: none

    bool isActive() const { return enabled && !url.isEmpty() && !types.isEmpty(); }
};

// The events one server change makes: contact.created (the contact), contact.updated (only the
// fields that changed, with their previous values), contact.deleted; task.created,
// task.updated, task.completed, task.deleted; note.created, note.updated, note.deleted. No
// event when nothing but dateUpdated or the creation time (dateAdded, createdAt) changed.
// `userId` is Your App's user linked to the contact (app_links), empty when none;
// `locationId` the connection's.
QList<ForwardEvent> forwardEventsFor(const Store::ServerChange& change, const QString& userId,
    const QString& locationId, qint64 nowMs);

// Turns the changes the applier and the sync engine report into queued events for Your App:
// drops what a change ContactDesk's own automations caused (EchoFilter: what an automation's
// outbox item sent coming back from HighLevel is not sent back to Your App), builds the events
// of the rest and queues those of the enabled types, in the caller's transaction.
class ForwardRouter
{
public:
    ForwardRouter(Store::Database& database, ForwardQueue& queue, const Clock& clock,
        QString locationId = {});

    void setConfig(const ForwardConfig& config) { m_config = config; }
    const ForwardConfig& config() const { return m_config; }

    // What to give SyncEngine::setChangeObserver and WebhookApplier::setChangeObserver.
    Store::ServerChangeObserver observer();
    // Queues the events of `changes`; false when the queue refused one (lastError()).
    bool route(const QList<Store::ServerChange>& changes);

    // Events not queued because they were echoes of an automation's own change, since start.
    int echoesDropped() const { return m_echoes; }
    QString lastError() const { return m_queue.lastError(); }

private:
    Store::Database& m_db;
    ForwardQueue& m_queue;
    const Clock& m_clock;
    QString m_locationId;
    ForwardConfig m_config;
    int m_echoes = 0;
};

} // namespace ContactDesk::Webhooks
