#pragma once

#include <QDateTime>

namespace ContactDesk {

// Time comes through this interface so tests can move it by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    QDateTime nowUtc() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// The wire format for timestamps: ISO-8601 UTC with milliseconds and a trailing Z.
QString isoUtc(qint64 msecsSinceEpoch);
QString isoUtc(const QDateTime& time);

} // namespace ContactDesk
