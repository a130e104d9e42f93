#pragma once

#include "common/clock.h"

namespace ContactDesk::Testing {

// A clock the test moves by hand. Starts at 2026-11-01T12:00:00.000Z.
class FakeClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 1793534400000; // 2026-11-01T12:00:00Z
};

} // namespace ContactDesk::Testing
