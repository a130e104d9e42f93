#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

class SseParser;
struct SseEvent;
class WebhookApplier;
class WebhookLedger;

struct FeedSubscriptionOptions
{
    // serve's public address (https://serve.example.com, or with a path prefix behind a
    // reverse proxy); the stream is <serveUrl>/stream.
    QUrl serveUrl;
    // The token `contactdesk-cli serve devices add NAME` printed (from the keychain).
    QByteArray deviceToken;
    // The periodic search reconcile that runs when the stream is not live, for statusText().
    int reconcileMinutes = 15;
    // Reconnect back-off: doubles from min to max after each failed attempt, back to min once
    // the stream is live again.
    int minBackoffMs = 1000;
    int maxBackoffMs = 5 * 60 * 1000;
    // No byte (not even serve's keep-alive, every 15 s) for this long: the connection is
    // dead (a NAT dropped it silently) and is made again.
    int idleTimeoutMs = 45000;
};

// The desktop's side of serve's change feed (StreamRoute): one Server-Sent Events stream over
// the injected QNetworkAccessManager, authenticated with the device token. Each event's payload
// (verified by serve; the device token is the trust) is recorded in the workspace's ledger
// together with the event id, in one transaction, and handed to the WebhookApplier; so after a
// disconnect, a restart of either side, or a crash, the stream resumes from the last id
// recorded (Last-Event-ID): no event is missed and none is applied twice (an event id at or
// below the last one is skipped, and the ledger drops a webhookId it already has, e.g. one the
// desktop also received directly).
//
// The lead wires it like this (one per workspace, created by the app):
//     FeedSubscription feed(nam, workspace.database(), ledger, &applier);
//     feed.setOptions({QUrl("https://serve.example.com"), token, reconcileMinutes});
//     connect(&feed, &FeedSubscription::statusChanged, statusLabel, ...statusText()...);
//     connect(&feed, &FeedSubscription::gapDetected, &syncEngine, ...run a reconcile...);
//     feed.start();
class FeedSubscription : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped, // not started, or stop()
        Connecting, // a request is out, nothing answered yet
        Live, // the stream is open
        Waiting, // disconnected; the next attempt is scheduled (see retryInMs())
        Refused, // serve answered 401: the token is wrong or the device was removed; no retry
    };
    Q_ENUM(State)

    FeedSubscription(QNetworkAccessManager& network, Store::Database& database,
        WebhookLedger& ledger, WebhookApplier* applier, QObject* parent = nullptr);
    ~FeedSubscription() override;

    // Takes effect at the next start().
    void setOptions(const FeedSubscriptionOptions& options);
    FeedSubscriptionOptions options() const { return m_options; }

    // Connects (reading the last event id stored for the serve URL); false with lastError()
    // when the options cannot work (no URL, not http(s), no token).
    bool start();
    void stop();

    State state() const { return m_state; }
    // "live" while the stream is open, otherwise "polling every N min".
    QString statusText() const;
    // Why the stream is not live (the last failure), empty while live.
    QString lastError() const { return m_lastError; }
    // The newest event id recorded from this serve URL (0: none yet).
    qint64 lastEventId() const { return m_lastId; }
    // Milliseconds until the next attempt while Waiting.
    int retryInMs() const;
    // Events recorded since start().
    qint64 eventsReceived() const { return m_received; }

    // The stored last event id for `serveUrl` (0 when none), and setting it (a fresh start).
    static qint64 storedLastEventId(Store::Database& database, const QUrl& serveUrl);

Q_SIGNALS:
    void statusChanged(ContactDesk::Webhooks::FeedSubscription::State state, const QString& text);
    // One event recorded for the applier: its feed id, webhook type and webhookId.
    void eventReceived(qint64 id, const QString& type, const QString& webhookId);
    // Serve no longer has the events after `lastId` (pruned, or serve's data was replaced):
    // they may have changed the server, so a reconcile (the sync's search) should run now.
    // The stream carries on from `resumeAt`.
    void gapDetected(qint64 lastId, qint64 resumeAt);

private:
    void connectNow();
    void onReadyRead();
    void onFinished();
    void onIdle();
    bool handleEvent(const SseEvent& event);
    bool storeLastId(qint64 id);
    void setState(State state, const QString& error = {});
    void scheduleRetry(const QString& why);
    QString key() const;

    QNetworkAccessManager& m_network;
    Store::Database& m_db;
    WebhookLedger& m_ledger;
    QPointer<WebhookApplier> m_applier;
    FeedSubscriptionOptions m_options;
    State m_state = State::Stopped;
    QString m_lastError;
    qint64 m_lastId = 0;
    qint64 m_received = 0;
    int m_backoffMs = 0;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<SseParser> m_parser;
    QTimer m_retryTimer;
    QTimer m_idleTimer;
};

} // namespace ContactDesk::Webhooks
