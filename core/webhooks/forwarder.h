#pragma once

#include "webhooks/forwardqueue.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Webhooks {

struct ForwardOptions
{
    // The wait after the first failure; it doubles with each failure up to maxBackoffMs.
    qint64 baseBackoffMs = 5000;
    qint64 maxBackoffMs = 3600LL * 1000;
    // Each wait is spread by up to this share either way, so that many events failing at once
    // do not all come back at once.
    double jitter = 0.2;
    // Attempts before an event becomes a dead letter.
    int maxAttempts = 8;
    // No answer within this is a failure like a network error.
    int timeoutMs = 15000;
    // A 429's Retry-After is honoured up to this.
    qint64 maxRetryAfterMs = 3600LL * 1000;
};

// What becomes of an answer: Delivered for 2xx; Retry for 5xx, 408, 429, timeouts and network
// errors; Dead for every other status. The one place this is decided.
enum class ForwardOutcome
{
    Delivered,
    Retry,
    Dead,
};
ForwardOutcome forwardOutcome(int httpStatus);

// The wait before the next attempt after `attempts` failed ones: baseBackoffMs * 2^(attempts-1),
// capped, spread by `unit` (a number in [-1, 1]) times the jitter.
qint64 forwardBackoffMs(const ForwardOptions& options, int attempts, double unit);

// Sends the forward queue to Your App: per destination one event at a time, in order, each a
// POST of the stored body with the Standard Webhooks headers (webhook-id stays the event's,
// webhook-timestamp is the send time by the injected clock, webhook-signature an HMAC with the
// `whsec_` secret), over the injected QNetworkAccessManager. Failures back off (with jitter)
// by the injected clock; wake() looks again after the clock moved. Without a secret nothing is
// sent.
class Forwarder : public QObject
{
    Q_OBJECT

public:
    Forwarder(ForwardQueue& queue, QNetworkAccessManager& network, const Clock& clock,
        ForwardOptions options = {}, QObject* parent = nullptr);
    ~Forwarder() override;

    const ForwardOptions& options() const { return m_options; }
    void setOptions(const ForwardOptions& options) { m_options = options; }
    // The `whsec_` secret; false with *error when it is not one.
    bool setSigningSecret(const QString& secret, QString* error = nullptr);
    bool hasSecret() const { return !m_key.isEmpty(); }
    // A number in [-1, 1] per back-off (random by default); tests fix it.
    void setJitterSource(std::function<double()> source) { m_jitter = std::move(source); }

    // Recovers what was in flight at the last exit and sends; follows queue changes.
    void start();
    // Takes no new event; those on their way finish.
    void stop();
    bool isRunning() const { return m_running; }
    // Looks at the queue now (after the clock moved past a back-off).
    void wake();
    // Nothing on its way and nothing due.
    bool isIdle() const;

Q_SIGNALS:
    void delivered(qint64 seq, int status);
    // A failure that will be tried again at `nextAttemptAtMs`.
    void deferred(qint64 seq, qint64 nextAttemptAtMs, const QString& reason);
    void deadLettered(qint64 seq, const QString& reason);
    void idle();

private:
    void schedulePump();
    void pump();
    void send(const ForwardItem& item);
    void answered(qint64 seq, QNetworkReply* reply);
    void armTimer();

    ForwardQueue& m_queue;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    ForwardOptions m_options;
    QByteArray m_key;
    std::function<double()> m_jitter;
    QTimer m_timer;
    bool m_running = false;
    bool m_pumpScheduled = false;
    // The destination of each event on its way, by seq.
    QHash<qint64, QString> m_inFlight;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace ContactDesk::Webhooks
