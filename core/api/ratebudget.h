#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {

enum class Priority
{
    Foreground, // what the user is waiting for
    Background, // sync and other bulk work
};

// The client side of HighLevel's per-location rate limits: no more than the allowed requests
// leave in any window (a sliding window over what was actually sent, with a small margin for
// network jitter), foreground work before background work, shaped by the X-RateLimit-* headers
// the server reports, paused on 429 and stopped for the day when the daily quota is used up.
class RateBudget : public QObject
{
    Q_OBJECT

public:
    // At most `maxInFlight` requests of one location are on the wire at once (0: no cap).
    // Requests queued inside the network stack would leave later than the budget thinks, and a
    // deep queue there costs CPU; the default matches QNetworkAccessManager's six connections
    // per host.
    explicit RateBudget(const Clock& clock, int maxInFlight = 6, QObject* parent = nullptr);
    ~RateBudget() override;

    struct State
    {
        int limit = 100;
        qint64 windowMs = 10000;
        int serverRemaining = -1; // -1: not reported yet
        qint64 dailyLimit = 200000;
        qint64 dailyRemaining = -1;
        bool dailyExhausted = false;
        qint64 pausedUntilMs = 0;
        int queued = 0;
        int sentInWindow = 0;
        int inFlight = 0;
    };

    // Calls `start` once `key` (a location) has budget. The returned ticket cancels it while it
    // is still queued.
    quint64 enqueue(const QString& key, Priority priority, std::function<void()> start);
    bool cancel(quint64 ticket);

    // Feeds the X-RateLimit-* headers of an answer (names lower case).
    void observe(const QString& key, const QHash<QByteArray, QByteArray>& headers);
    // A 429: pause the key for `retryAfterMs` (or one window when unknown); a daily refusal
    // stops it until the next day (UTC).
    void refused(const QString& key, qint64 retryAfterMs, bool daily);
    // The network stack wrote the request `ticket` to the server. It may have waited in the
    // stack's queue since its start, and the server counts it on arrival, a moment after now (the
    // margin covers that moment): when that was longer than the margin, its slot counts from now.
    void onWire(const QString& key, quint64 ticket);
    // The answer to the request `ticket` started arrived. Without word that it went on the wire,
    // the server counted that request somewhere between its start and now, so its slot is held
    // until a window after now: counting from the start alone lets a request that queued on
    // the way land in the next server window.
    void answered(const QString& key, quint64 ticket);

    State state(const QString& key) const;
    // Re-checks every queue; timers call it, and tests with a fake clock call it by hand.
    void pump();

Q_SIGNALS:
    void stateChanged(const QString& key);

private:
    struct Entry
    {
        quint64 ticket;
        std::function<void()> start;
    };
    struct Sent
    {
        qint64 atMs;
        quint64 ticket;
    };
    struct Bucket
    {
        State state;
        std::deque<Sent> sent;
        QSet<quint64> inFlight;
        QSet<quint64> onWire; // in flight, and stamped with the time it went on the wire
        std::deque<Entry> foreground;
        std::deque<Entry> background;
    };

    void pump(const QString& key);
    void restamp(Bucket& bucket, quint64 ticket);
    qint64 marginMs(const Bucket& bucket) const;

    const Clock& m_clock;
    QHash<QString, std::shared_ptr<Bucket>> m_buckets;
    const int m_maxInFlight;
    QTimer m_timer;
    quint64 m_nextTicket = 1;
};

} // namespace ContactDesk::Api
