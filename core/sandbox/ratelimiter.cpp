#include "sandbox/ratelimiter.h"

#include "common/clock.h"
#include "sandbox/sandboxdata.h"

namespace ContactDesk::Sandbox {

namespace {
constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;
}

RateLimiter::RateLimiter(const Clock& clock, const Settings& settings)
    : m_clock(clock)
    , m_settings(settings)
{ }

RateLimiter::Decision RateLimiter::take(const QString& key)
{
    const qint64 now = m_clock.nowMs();
    Bucket& bucket = m_buckets[key];
    const qint64 windowMs = qMax<qint64>(1, m_settings.rateLimitWindowMs);
    if (bucket.used == 0 || now - bucket.windowStartMs >= windowMs) {
        bucket.windowStartMs = now;
        bucket.used = 0;
    }
    const qint64 today = now / msPerDay;
    if (bucket.day != today) {
        bucket.day = today;
        bucket.usedToday = 0;
    }

    Decision decision;
    decision.limit = m_settings.rateLimitCount;
    decision.windowMs = windowMs;
    decision.dailyLimit = m_settings.dailyLimit;
    const bool limited = m_settings.rateLimitCount > 0;
    const bool dailyLimited = m_settings.dailyLimit > 0;
    decision.dailyExhausted = dailyLimited && bucket.usedToday >= m_settings.dailyLimit;
    const bool burstExhausted = limited && bucket.used >= m_settings.rateLimitCount;
    decision.allowed = !decision.dailyExhausted && !burstExhausted;
    if (decision.allowed) {
        ++bucket.used;
        ++bucket.usedToday;
    } else if (decision.dailyExhausted) {
        decision.retryAfterMs = (today + 1) * msPerDay - now;
    } else {
        decision.retryAfterMs = bucket.windowStartMs + windowMs - now;
    }
    decision.remaining = limited ? qMax(0, m_settings.rateLimitCount - bucket.used) : 0;
    decision.dailyRemaining
        = dailyLimited ? qMax<qint64>(0, m_settings.dailyLimit - bucket.usedToday) : 0;
    if (!limited)
        decision.limit = decision.remaining = 0;
    return decision;
}

void RateLimiter::reset()
{
    m_buckets.clear();
}

QList<QPair<QByteArray, QByteArray>> RateLimiter::Decision::headers() const
{
    QList<QPair<QByteArray, QByteArray>> list {
        {QByteArrayLiteral("X-RateLimit-Limit-Daily"), QByteArray::number(dailyLimit)},
        {QByteArrayLiteral("X-RateLimit-Daily-Remaining"), QByteArray::number(dailyRemaining)},
        {QByteArrayLiteral("X-RateLimit-Interval-Milliseconds"), QByteArray::number(windowMs)},
        {QByteArrayLiteral("X-RateLimit-Max"), QByteArray::number(limit)},
        {QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(remaining)},
    };
    if (!allowed) {
        const qint64 seconds = (retryAfterMs + 999) / 1000;
        list.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(qMax<qint64>(1, seconds))});
    }
    return list;
}

} // namespace ContactDesk::Sandbox
