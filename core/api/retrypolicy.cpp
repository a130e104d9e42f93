#include "api/retrypolicy.h"

namespace ContactDesk::Api {

qint64 RetryPolicy::delayBefore(int retry, QRandomGenerator& random) const
{
    if (backoffMs.isEmpty())
        return 0;
    const qint64 base = backoffMs.value(qBound(0, retry - 1, int(backoffMs.size()) - 1));
    const double spread = (random.generateDouble() * 2.0 - 1.0) * jitter;
    return qMax<qint64>(0, qint64(double(base) * (1.0 + spread)));
}

} // namespace ContactDesk::Api
