#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// One event of the change feed: a webhook delivery serve accepted, under the feed's own id.
struct FeedEvent
{
    qint64 id = 0; // grows by one per event, never reused (the SSE `id:`)
    QString webhookId;
    QString type; // ContactUpdate, ...
    QByteArray body; // the payload as HighLevel sent it
    qint64 receivedAtMs = 0;
};

// The durable change feed of `contactdesk-cli serve` (table webhook_feed, schema 9): every
// delivery the ledger (WebhookLedger) accepts is copied in by a trigger in the same
// transaction, while at least one device is registered (FeedDevices), so an accepted webhook is
// never missing from it. Events are read by id (a subscriber resumes after the last one it
// applied) and pruned after a retention window; a subscriber whose last id was pruned, or that
// is ahead of the feed (the data folder was replaced), is told so by bounds().
class ChangeFeed
{
public:
    // What the feed can still give: events with ids in (prunedThrough, lastId].
    struct Bounds
    {
        qint64 prunedThrough = 0; // every id up to this one is gone (0: none ever pruned)
        qint64 lastId = 0; // the newest id ever given (0: none)
    };

    // How long serve keeps an event: a desktop away for longer gets a gap event and
    // reconciles.
    static constexpr qint64 retentionMs = 7LL * 24 * 3600 * 1000;

    explicit ChangeFeed(Store::Database& database);

    // Appends one event by hand (tests, and a delivery recorded without the ledger); its id,
    // or nullopt (lastError()).
    std::optional<qint64> append(
        const QString& webhookId, const QString& type, const QByteArray& body, qint64 receivedAtMs);
    // Events after `afterId`, oldest first, at most `limit`.
    QList<FeedEvent> after(qint64 afterId, int limit = 500) const;
    // nullopt when the database cannot be read (lastError()).
    std::optional<Bounds> bounds() const;
    qint64 lastId() const;
    // Whether a subscriber resuming after `afterId` would miss events: they were pruned, or
    // `afterId` is beyond anything this feed ever gave.
    bool hasGap(qint64 afterId, const Bounds& bounds) const;
    // Drops events received before `receivedBeforeMs`; how many went (-1 on error).
    int prune(qint64 receivedBeforeMs);

    QString lastError() const { return m_lastError; }

private:
    Store::Database& m_db;
    mutable QString m_lastError;
};

} // namespace ContactDesk::Webhooks
