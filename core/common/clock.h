#pragma once

#include <QDateTime>

#include <optional>

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
// Epoch milliseconds of a timestamp written exactly in that format ("2021-07-02T05:18:26.704Z";
// any number of fraction digits, or none). Nothing for every other spelling, which callers hand
// to a general parser. Sync and search read hundreds of thousands of these, so this is the
// fast path.
std::optional<qint64> isoUtcToMs(QStringView text);

} // namespace ContactDesk
