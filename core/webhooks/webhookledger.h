#pragma once

#include "webhooks/webhookreceipt.h"

#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// The durable record of HighLevel's deliveries (table highlevel_webhooks, schema 8): each
// accepted webhookId once, with its raw payload while it waits to be applied, so that a
// duplicate is recognised (after a restart too) and an accepted event is never lost.
class WebhookLedger
{
public:
    enum class Recorded
    {
        Stored,
        Duplicate,
        Failed,
    };

    struct Entry
    {
        qint64 seq = 0;
        QByteArray rawBody;
        QString webhookId;
    };

    // One delivery as the Webhooks tab lists it.
    struct Delivery
    {
        qint64 seq = 0;
        QString webhookId;
        QString type;
        QString recordId;
        qint64 receivedAtMs = 0;
        QString status; // pending, applied, ignored, failed
        QString reason;
    };

    explicit WebhookLedger(Store::Database& database);
    // The database the ledger is in (the workspace's), for writes that go with an outcome.
    Store::Database& database() { return m_db; }

    // Stores the delivery as pending, in one transaction; durable when it returns Stored.
    Recorded record(const WebhookPayload& payload, const QByteArray& rawBody);
    // Pending deliveries, oldest first (what to apply after a restart).
    QList<Entry> pending(int limit = 1000) const;
    int pendingCount() const;
    // The newest deliveries first, whatever their status.
    QList<Delivery> recent(int limit = 200) const;
    // The delivery's outcome: "applied" or "ignored" with why; its payload is dropped.
    bool finish(qint64 seq, const QString& status, const QString& reason);
    // The status and reason stored for `webhookId`, for tests and the UI.
    std::optional<QPair<QString, QString>> outcome(const QString& webhookId) const;
    // The newest ContactDelete (or TaskDelete, ...) timestamp applied for `recordId`: an event
    // about the record that is not newer than it arrived late and must not bring it back.
    std::optional<qint64> deletedAt(const QString& recordId) const;
    // Forgets deliveries received before `receivedBeforeMs` that are no longer pending (keep
    // them at least for the replay window).
    int prune(qint64 receivedBeforeMs);

    QString lastError() const { return m_lastError; }

private:
    Store::Database& m_db;
    mutable QString m_lastError;
};

} // namespace ContactDesk::Webhooks
