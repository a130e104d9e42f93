#include "api/ratebudget.h"

#include "api/httpheaders.h"
#include "common/clock.h"

#include <algorithm>
#include <limits>

namespace ContactDesk::Api {

namespace {
constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

// `name` comes as a QByteArrayLiteral: a key built from a C string would allocate on every
// answer.
qint64 header(const QHash<QByteArray, QByteArray>& headers, const QByteArray& name, qint64 fallback)
{
    const auto it = headers.constFind(name);
    if (it == headers.cend())
        return fallback;
    return rateHeaderValue(*it).value_or(fallback);
}
} // namespace

RateBudget::RateBudget(const Clock& clock, int maxInFlight, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_maxInFlight(maxInFlight)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, qOverload<>(&RateBudget::pump));
}

RateBudget::~RateBudget() = default;

quint64 RateBudget::enqueue(const QString& key, Priority priority, std::function<void()> start)
{
    auto& bucket = m_buckets[key];
    if (!bucket)
        bucket = std::make_shared<Bucket>();
    const quint64 ticket = m_nextTicket++;
    (priority == Priority::Foreground ? bucket->foreground : bucket->background)
        .push_back({ticket, std::move(start)});
    pump(key);
    return ticket;
}

bool RateBudget::cancel(quint64 ticket)
{
    for (const auto& bucket : std::as_const(m_buckets)) {
        for (auto* queue : {&bucket->foreground, &bucket->background}) {
            for (auto it = queue->begin(); it != queue->end(); ++it) {
                if (it->ticket == ticket) {
                    queue->erase(it);
                    return true;
                }
            }
        }
    }
    return false;
}

qint64 RateBudget::marginMs(const Bucket& bucket) const
{
    // Requests reach the server a little after they leave; spacing the window slightly wider
    // than the server's keeps two sends a window apart from landing in one server window.
    return qMax<qint64>(20, bucket.state.windowMs / 50);
}

void RateBudget::observe(const QString& key, const QHash<QByteArray, QByteArray>& headers)
{
    auto& bucket = m_buckets[key];
    if (!bucket)
        bucket = std::make_shared<Bucket>();
    State& s = bucket->state;
    const State before = s;
    // Bounded whatever the server says: counts fit an int, a window is at most a day, so
    // sums with the clock cannot overflow.
    constexpr qint64 maxCount = std::numeric_limits<int>::max();
    s.limit = int(qBound<qint64>(
        0, header(headers, QByteArrayLiteral("x-ratelimit-max"), s.limit), maxCount));
    s.windowMs = qBound<qint64>(1,
        header(headers, QByteArrayLiteral("x-ratelimit-interval-milliseconds"), s.windowMs),
        msPerDay);
    s.serverRemaining = int(qBound<qint64>(-1,
        header(headers, QByteArrayLiteral("x-ratelimit-remaining"), s.serverRemaining), maxCount));
    s.dailyLimit = header(headers, QByteArrayLiteral("x-ratelimit-limit-daily"),
        header(headers, QByteArrayLiteral("x-ratelimit-daily-limit"), s.dailyLimit));
    s.dailyRemaining
        = header(headers, QByteArrayLiteral("x-ratelimit-daily-remaining"), s.dailyRemaining);
    const qint64 now = m_clock.nowMs();
    // Someone else spends this location's budget too (another app, another device): trust
    // the server when it says the window is used up even though our own count says otherwise.
    if (s.limit > 0 && s.serverRemaining == 0 && int(bucket->sent.size()) < s.limit)
        s.pausedUntilMs = qMax(s.pausedUntilMs, now + s.windowMs);
    if (s.dailyLimit > 0 && s.dailyRemaining == 0) {
        s.dailyExhausted = true;
        s.pausedUntilMs = qMax(s.pausedUntilMs, (now / msPerDay + 1) * msPerDay);
    }
    if (before.limit != s.limit || before.serverRemaining != s.serverRemaining
        || before.dailyRemaining != s.dailyRemaining || before.dailyExhausted != s.dailyExhausted)
        Q_EMIT stateChanged(key);
    // A new shape (a shorter window, a higher limit) can free budget now; the timer still
    // waits for the old one.
    pump(key);
}

void RateBudget::refused(const QString& key, qint64 retryAfterMs, bool daily)
{
    auto& bucket = m_buckets[key];
    if (!bucket)
        bucket = std::make_shared<Bucket>();
    State& s = bucket->state;
    const qint64 now = m_clock.nowMs();
    if (daily) {
        s.dailyExhausted = true;
        s.dailyRemaining = 0;
        s.pausedUntilMs = qMax(s.pausedUntilMs, (now / msPerDay + 1) * msPerDay);
    } else {
        s.pausedUntilMs = qMax(s.pausedUntilMs,
            now + (retryAfterMs >= 0 ? retryAfterMs : s.windowMs) + marginMs(*bucket));
    }
    Q_EMIT stateChanged(key);
    pump(key);
}

void RateBudget::restamp(Bucket& bucket, quint64 ticket)
{
    std::deque<Sent>& sent = bucket.sent;
    const auto it = std::find_if(
        sent.begin(), sent.end(), [ticket](const Sent& entry) { return entry.ticket == ticket; });
    // Still in the window (not gone because it took longer than a window): it now counts from
    // now.
    if (it != sent.end()) {
        sent.erase(it);
        sent.push_back({m_clock.nowMs(), ticket});
    }
}

void RateBudget::onWire(const QString& key, quint64 ticket)
{
    const std::shared_ptr<Bucket> bucket = m_buckets.value(key);
    if (!bucket || !bucket->inFlight.contains(ticket))
        return;
    bucket->onWire.insert(ticket);
    // Within the margin of its start it went out at once (this word comes a little late): the
    // margin already covers the difference, and counting from now would push every reuse of the
    // slot later by that lag. Later than that it waited (for a connection, say): counted from
    // now. A resend (after a redirect) is judged again the same way.
    const auto it = std::find_if(bucket->sent.cbegin(), bucket->sent.cend(),
        [ticket](const Sent& entry) { return entry.ticket == ticket; });
    if (it != bucket->sent.cend() && m_clock.nowMs() - it->atMs > marginMs(*bucket))
        restamp(*bucket, ticket);
}

void RateBudget::answered(const QString& key, quint64 ticket)
{
    const std::shared_ptr<Bucket> bucket = m_buckets.value(key);
    if (!bucket || !bucket->inFlight.remove(ticket))
        return;
    if (!bucket->onWire.remove(ticket))
        restamp(*bucket, ticket);
    pump(key);
}

RateBudget::State RateBudget::state(const QString& key) const
{
    const auto bucket = m_buckets.value(key);
    if (!bucket)
        return {};
    State s = bucket->state;
    s.queued = int(bucket->foreground.size() + bucket->background.size());
    s.sentInWindow = int(bucket->sent.size());
    s.inFlight = int(bucket->inFlight.size());
    return s;
}

void RateBudget::pump()
{
    const QStringList keys = m_buckets.keys();
    for (const QString& key : keys)
        pump(key);
}

void RateBudget::pump(const QString& key)
{
    const std::shared_ptr<Bucket> bucket = m_buckets.value(key);
    if (!bucket)
        return;
    State& s = bucket->state;
    for (;;) {
        if (bucket->foreground.empty() && bucket->background.empty())
            return;
        const qint64 now = m_clock.nowMs();
        qint64 wakeAt = 0;
        if (s.pausedUntilMs > now) {
            wakeAt = s.pausedUntilMs;
        } else {
            if (s.dailyExhausted) {
                // A new day: the quota is back.
                s.dailyExhausted = false;
                s.dailyRemaining = -1;
                Q_EMIT stateChanged(key);
            }
            const qint64 span = s.windowMs + marginMs(*bucket);
            while (!bucket->sent.empty() && bucket->sent.front().atMs <= now - span)
                bucket->sent.pop_front();
            if (s.limit > 0 && int(bucket->sent.size()) >= s.limit)
                wakeAt = bucket->sent.front().atMs + span;
        }
        if (wakeAt == 0 && m_maxInFlight > 0 && bucket->inFlight.size() >= m_maxInFlight)
            return; // answered() pumps again
        if (wakeAt > 0) {
            const qint64 delay = wakeAt - now;
            if (!m_timer.isActive() || m_timer.remainingTime() > delay)
                m_timer.start(int(qBound<qint64>(1, delay, 24LL * 3600 * 1000)));
            return;
        }
        auto& queue = bucket->foreground.empty() ? bucket->background : bucket->foreground;
        Entry entry = std::move(queue.front());
        queue.pop_front();
        bucket->sent.push_back({now, entry.ticket});
        bucket->inFlight.insert(entry.ticket);
        if (s.serverRemaining > 0)
            --s.serverRemaining;
        entry.start();
    }
}

} // namespace ContactDesk::Api
