#include "common/clock.h"

namespace ContactDesk {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString isoUtc(qint64 msecsSinceEpoch)
{
    return isoUtc(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace ContactDesk
