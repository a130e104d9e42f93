#pragma once

#include "sandbox/faultinjector.h"
#include "sandbox/webhooksigner.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <deque>

namespace ContactDesk::Sandbox {

class SandboxData;

// Delivers HighLevel's webhooks for the changes the sandbox makes: a snapshot before a write,
// a diff after it, one signed POST per event to the configured URL. Like the live service it
// retries only an answer of 429 (every `retryIntervalMs`, default 10 min, with up to 10 %
// jitter, at most `maxAttempts` tries) and loses the event on any other failure. Webhook fault
// rules (drop, latency, duplicate, out-of-order, bad-signature) apply to each event.
class WebhookEmitter : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 defaultRetryIntervalMs = 10 * 60 * 1000;
    static constexpr int defaultMaxAttempts = 6;

    WebhookEmitter(SandboxData& data, FaultInjector& faults, QObject* parent = nullptr);
    ~WebhookEmitter() override;

    QUrl url() const { return m_url; }
    // An empty URL turns delivery off.
    void setUrl(const QUrl& url) { m_url = url; }
    bool enabled() const { return !m_url.isEmpty(); }
    qint64 retryIntervalMs() const { return m_retryIntervalMs; }
    // Applies `url` (http/https, or "" / null for off), `retryIntervalMs`, `maxAttempts`;
    // returns an error text for a bad value and then changes nothing.
    QString configure(const QJsonObject& json);
    // The settings and the deliveries after `sinceSeq` (the last `maxKeptDeliveries` at most),
    // oldest first, with `lastSeq`.
    QJsonObject toJson(qint64 sinceSeq = 0) const;
    // Forgets the deliveries that are over (events still on their way stay listed).
    void clearDeliveries();
    static constexpr qsizetype maxKeptDeliveries = 5000;

    WebhookSigner& signer() { return m_signer; }

    // The records the events are computed from. Whole: every record (implicitly shared, but
    // the first write then copies the hashes, so it costs O(contacts)). Otherwise only the
    // contacts in `ids` and what hangs off them.
    struct Snapshot
    {
        bool whole = true;
        QSet<QString> ids;
        QHash<QString, QJsonObject> contacts;
        QSet<QString> deleted;
        QHash<QString, QList<QJsonObject>> tasks;
        QHash<QString, QList<QJsonObject>> notes;
        QHash<QString, QList<QJsonObject>> appointments;
    };
    Snapshot snapshot() const;
    Snapshot snapshot(const QSet<QString>& contactIds) const;
    // What a request (method, path without query) may change: nothing (a read, a control call
    // that changes no records), the contacts named in its path (empty for a create, whose id
    // only the reply knows), or anything (bulk edits, upserts, location lists).
    enum class Reach
    {
        Nothing,
        NamedContacts,
        Anything,
    };
    static Reach reachOf(const QByteArray& method, const QString& path, QSet<QString>* ids);
    // Queues one event for each difference between `before` and the data now; `created` are
    // contacts a targeted request made (from its reply).
    void emitChanges(const Snapshot& before, const QSet<QString>& created = {});
    // Queues one event: a payload with its `type` (webhookpayloads.h); adds timestamp,
    // webhookId, appId and versionId. Returns the webhookId.
    QString send(QJsonObject payload);

Q_SIGNALS:
    // After each attempt and each fault decision; `delivery` is the entry toJson() lists.
    void deliveryChanged(const QJsonObject& delivery);

private:
    struct Pending
    {
        qint64 seq = 0; // the delivery's entry
        QByteArray body;
        bool badSignature = false;
        qint64 notBeforeMs = 0;
    };

    void enqueue(Pending pending);
    void pump();
    void post(Pending pending);
    void finished(Pending pending, int status, const QString& error);
    QJsonObject& entry(qint64 seq) { return m_deliveries[qsizetype(seq - m_firstSeq)]; }
    void update(qint64 seq, const QJsonObject& changes);
    // The event of `seq` is over (delivered, failed, dropped) for one of its copies.
    void settle(qint64 seq);
    void trim(qsizetype keep);
    void releaseHeld();

    SandboxData& m_data;
    FaultInjector& m_faults;
    WebhookSigner m_signer;
    QNetworkAccessManager m_network;
    QUrl m_url;
    qint64 m_retryIntervalMs = defaultRetryIntervalMs;
    int m_maxAttempts = defaultMaxAttempts;
    QList<QJsonObject> m_deliveries;
    qint64 m_firstSeq = 1; // the seq of m_deliveries.first()
    QHash<qint64, int> m_outstanding; // seq -> copies still queued, held, sent or retried
    std::deque<Pending> m_queue;
    QList<Pending> m_held; // out-of-order: sent after the next event
    QTimer m_heldTimer;
    QTimer m_delayTimer;
    bool m_busy = false;
};

} // namespace ContactDesk::Sandbox
