#pragma once

#include "api/apierror.h"

#include <QList>
#include <QRandomGenerator>

namespace ContactDesk::Api {

// When to try a request again and how long to wait first: a table, not code paths. Only
// transient failures are retried; a 4xx validation error never is.
struct RetryPolicy
{
    // Wait before retry N (1-based): backoffMs[N-1], +/- jitter. Its length is the retry count.
    QList<qint64> backoffMs {500, 1000, 2000, 4000, 8000};
    double jitter = 0.2;
    // 429s wait for the window (or Retry-After) instead, up to this many times.
    int maxRateLimitRetries = 8;
    // No byte for this long and the attempt is abandoned.
    qint64 transferTimeoutMs = 30000;

    int maxRetries() const { return int(backoffMs.size()); }
    qint64 delayBefore(int retry, QRandomGenerator& random) const;
};

} // namespace ContactDesk::Api
