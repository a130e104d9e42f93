#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Sandbox {

struct Settings;

// HighLevel's per (client, location) budget: a burst window (100 requests per 10 s) and a daily
// quota (200,000, reset at midnight UTC), both taken from the live settings.
class RateLimiter
{
public:
    RateLimiter(const Clock& clock, const Settings& settings);

    struct Decision
    {
        bool allowed = true;
        bool dailyExhausted = false;
        int limit = 0;
        int remaining = 0;
        qint64 windowMs = 0;
        qint64 dailyLimit = 0;
        qint64 dailyRemaining = 0;
        qint64 retryAfterMs = 0;

        // The five X-RateLimit-* headers, plus Retry-After on a refusal.
        QList<QPair<QByteArray, QByteArray>> headers() const;
    };

    // Counts one request against `key` when there is budget left.
    Decision take(const QString& key);
    void reset();

private:
    struct Bucket
    {
        qint64 windowStartMs = 0;
        int used = 0;
        qint64 day = -1;
        qint64 usedToday = 0;
    };

    const Clock& m_clock;
    const Settings& m_settings;
    QHash<QString, Bucket> m_buckets;
};

} // namespace ContactDesk::Sandbox
