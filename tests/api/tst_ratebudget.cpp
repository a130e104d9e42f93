// RateBudget on a fake clock: the sliding window, priorities, the X-RateLimit-* shape, pauses
// on 429 and the daily stop. pump() stands in for the timer after each move of the clock.
#include "../support/fakeclock.h"
#include "api/ratebudget.h"

#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using ContactDesk::Testing::FakeClock;

namespace {

const QString location = QStringLiteral("loc-a");
// Most tests look at the window alone; the in-flight cap has its own test.
constexpr int noCap = 0;
constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

QHash<QByteArray, QByteArray> headers(std::initializer_list<std::pair<const char*, qint64>> list)
{
    QHash<QByteArray, QByteArray> result;
    for (const auto& [name, value] : list)
        result.insert(QByteArray(name), QByteArray::number(value));
    return result;
}

} // namespace

class TestRateBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_clock = FakeClock();
        m_starts.clear();
    }

    void startsAtOnceWithBudget();
    void neverMoreThanLimitPerWindow_data();
    void neverMoreThanLimitPerWindow();
    void foregroundBeforeBackground();
    void observeChangesShape();
    void observeAcceptsBothDailySpellings();
    void observedShapeReleasesQueueAtOnce();
    void answeredHoldsSlotFromTheAnswer();
    void onWireHoldsSlotFromTheSend();
    void inFlightCapHoldsTheRest();
    void serverRemainingZeroPauses();
    void serverRemainingZeroIgnoredWhenOwnCountIsFull();
    void refusedPausesForRetryAfter_data();
    void refusedPausesForRetryAfter();
    void dailyExhaustedStopsUntilNextUtcDay_data();
    void dailyExhaustedStopsUntilNextUtcDay();
    void locationsAreIndependent();
    void cancelQueuedTicket();
    void timerWakesQueueInRealTime();

private:
    // Enqueues `count` entries that record the clock when they start.
    void enqueueRecorded(RateBudget& budget, int count, Priority priority, const QString& tag,
        QStringList* order = nullptr)
    {
        for (int i = 0; i < count; ++i) {
            const QString name = tag + QString::number(i);
            budget.enqueue(location, priority, [this, order, name] {
                m_starts.append(m_clock.nowMs());
                if (order)
                    order->append(name);
            });
        }
    }
    // Moves the clock in `stepMs` steps, pumping each time, until `count` entries started or
    // `limitMs` passed.
    void runUntil(RateBudget& budget, int count, qint64 stepMs, qint64 limitMs)
    {
        const qint64 end = m_clock.nowMs() + limitMs;
        budget.pump();
        while (m_starts.size() < count && m_clock.nowMs() < end) {
            m_clock.advance(stepMs);
            budget.pump();
        }
    }

    FakeClock m_clock;
    QList<qint64> m_starts;
};

void TestRateBudget::startsAtOnceWithBudget()
{
    RateBudget budget(m_clock, noCap);
    bool started = false;
    budget.enqueue(location, Priority::Foreground, [&started] { started = true; });
    QVERIFY(started);
    const RateBudget::State state = budget.state(location);
    QCOMPARE(state.limit, 100);
    QCOMPARE(state.windowMs, 10000);
    QCOMPARE(state.sentInWindow, 1);
    QCOMPARE(state.queued, 0);
}

void TestRateBudget::neverMoreThanLimitPerWindow_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<int>("total");
    QTest::addColumn<qint64>("stepMs");

    QTest::newRow("default 100 per 10 s") << 100 << qint64(10000) << 350 << qint64(37);
    QTest::newRow("compressed 100 per 1 s") << 100 << qint64(1000) << 520 << qint64(3);
    QTest::newRow("5 per 2 s") << 5 << qint64(2000) << 23 << qint64(11);
}

void TestRateBudget::neverMoreThanLimitPerWindow()
{
    QFETCH(int, limit);
    QFETCH(qint64, windowMs);
    QFETCH(int, total);
    QFETCH(qint64, stepMs);

    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", limit}, {"x-ratelimit-interval-milliseconds", windowMs},
            {"x-ratelimit-remaining", limit}}));
    enqueueRecorded(budget, total, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), limit);
    QCOMPARE(budget.state(location).queued, total - limit);

    runUntil(budget, total, stepMs, windowMs * (total / limit + 2) * 2);
    QCOMPARE(m_starts.size(), total);

    // The limiter's window is the server's plus a margin; no `limit + 1` starts fit in it.
    const qint64 margin = qMax<qint64>(20, windowMs / 50);
    for (int i = 0; i + limit < m_starts.size(); ++i) {
        const qint64 gap = m_starts.at(i + limit) - m_starts.at(i);
        if (gap < windowMs + margin)
            QFAIL(qPrintable(QStringLiteral("starts %1 and %2 are only %3 ms apart")
                                 .arg(i)
                                 .arg(i + limit)
                                 .arg(gap)));
    }
    // ... and it uses the budget: each batch leaves as soon as the window allows (to one step).
    const int batches = (total + limit - 1) / limit;
    const qint64 ideal = (batches - 1) * (windowMs + margin);
    QVERIFY2(m_starts.last() - m_starts.first() <= ideal + (batches - 1) * stepMs,
        qPrintable(QStringLiteral("took %1 ms, ideal %2 ms")
                       .arg(m_starts.last() - m_starts.first())
                       .arg(ideal)));
}

void TestRateBudget::foregroundBeforeBackground()
{
    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", 1}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 1}}));
    QStringList order;
    // The first background entry takes the only slot; the rest queue up.
    enqueueRecorded(budget, 3, Priority::Background, QStringLiteral("b"), &order);
    enqueueRecorded(budget, 3, Priority::Foreground, QStringLiteral("f"), &order);
    QCOMPARE(order, QStringList {QStringLiteral("b0")});
    QCOMPARE(budget.state(location).queued, 5);

    runUntil(budget, 6, 100, 20000);
    QCOMPARE(order,
        (QStringList {QStringLiteral("b0"), QStringLiteral("f0"), QStringLiteral("f1"),
            QStringLiteral("f2"), QStringLiteral("b1"), QStringLiteral("b2")}));

    // Paused: both kinds queued at the same moment leave foreground first.
    order.clear();
    m_starts.clear();
    budget.refused(location, 5000, false);
    enqueueRecorded(budget, 2, Priority::Background, QStringLiteral("B"), &order);
    enqueueRecorded(budget, 2, Priority::Foreground, QStringLiteral("F"), &order);
    QVERIFY(order.isEmpty());
    runUntil(budget, 4, 100, 20000);
    QCOMPARE(order,
        (QStringList {QStringLiteral("F0"), QStringLiteral("F1"), QStringLiteral("B0"),
            QStringLiteral("B1")}));
}

void TestRateBudget::observeChangesShape()
{
    RateBudget budget(m_clock, noCap);
    QSignalSpy changed(&budget, &RateBudget::stateChanged);
    budget.observe(location,
        headers({{"x-ratelimit-max", 3}, {"x-ratelimit-interval-milliseconds", 2000},
            {"x-ratelimit-remaining", 3}, {"x-ratelimit-limit-daily", 5000},
            {"x-ratelimit-daily-remaining", 4000}}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), location);
    RateBudget::State state = budget.state(location);
    QCOMPARE(state.limit, 3);
    QCOMPARE(state.windowMs, 2000);
    QCOMPARE(state.serverRemaining, 3);
    QCOMPARE(state.dailyLimit, 5000);
    QCOMPARE(state.dailyRemaining, 4000);
    QVERIFY(!state.dailyExhausted);

    enqueueRecorded(budget, 5, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), 3);
    m_clock.advance(2000 + 40 - 1); // window + margin (max(20, 2000 / 50)), less one
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
    m_clock.advance(1);
    budget.pump();
    QCOMPARE(m_starts.size(), 5);

    // Headers the server leaves out keep their last value.
    budget.observe(location, headers({{"x-ratelimit-max", 7}}));
    state = budget.state(location);
    QCOMPARE(state.limit, 7);
    QCOMPARE(state.windowMs, 2000);
    QCOMPARE(state.dailyLimit, 5000);
}

void TestRateBudget::observeAcceptsBothDailySpellings()
{
    RateBudget budget(m_clock, noCap);
    budget.observe(location, headers({{"x-ratelimit-daily-limit", 1234}}));
    QCOMPARE(budget.state(location).dailyLimit, 1234);
    budget.observe(location, headers({{"x-ratelimit-limit-daily", 4321}}));
    QCOMPARE(budget.state(location).dailyLimit, 4321);
}

void TestRateBudget::observedShapeReleasesQueueAtOnce()
{
    // Until told otherwise the budget assumes 100 per 10 s; when the first answers report a
    // 1 s window, the queue must follow it instead of the timer armed for the old window.
    RateBudget budget(m_clock, noCap);
    enqueueRecorded(budget, 101, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), 100);
    m_clock.advance(1100);
    budget.observe(location,
        headers({{"x-ratelimit-max", 100}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 99}}));
    QCOMPARE(m_starts.size(), 101);

    // A higher limit frees budget at once, too.
    RateBudget raised(m_clock, noCap);
    raised.observe(location, headers({{"x-ratelimit-max", 2}}));
    enqueueRecorded(raised, 3, Priority::Foreground, QStringLiteral("s"));
    QCOMPARE(m_starts.size(), 103);
    raised.observe(location, headers({{"x-ratelimit-max", 3}}));
    QCOMPARE(m_starts.size(), 104);
}

void TestRateBudget::answeredHoldsSlotFromTheAnswer()
{
    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", 2}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 2}}));
    const auto record = [this] { m_starts.append(m_clock.nowMs()); };
    const quint64 first = budget.enqueue(location, Priority::Foreground, record);
    const quint64 second = budget.enqueue(location, Priority::Foreground, record);
    budget.enqueue(location, Priority::Foreground, record);
    budget.enqueue(location, Priority::Foreground, record);
    QCOMPARE(m_starts.size(), 2);

    // The first answer takes 500 ms (queued on the way, say): its slot counts from then.
    m_clock.advance(500);
    budget.answered(location, first);
    budget.answered(location, 9999); // unknown: nothing changes
    QCOMPARE(budget.state(location).sentInWindow, 2);
    m_clock.advance(520); // window + margin after the starts
    budget.pump();
    QCOMPARE(m_starts.size(), 3); // the second slot only
    m_clock.advance(499);
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
    m_clock.advance(1);
    budget.pump();
    QCOMPARE(m_starts.size(), 4);

    // An answer after its slot left the window adds nothing back.
    budget.answered(location, second);
    QCOMPARE(budget.state(location).sentInWindow, 2);
}

// A request that waited in the network stack's queue counts from when it went on the wire,
// and a slow answer after that does not hold its slot longer.
void TestRateBudget::onWireHoldsSlotFromTheSend()
{
    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", 2}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 2}}));
    const auto record = [this] { m_starts.append(m_clock.nowMs()); };
    const quint64 first = budget.enqueue(location, Priority::Foreground, record);
    const quint64 second = budget.enqueue(location, Priority::Foreground, record);
    budget.enqueue(location, Priority::Foreground, record);
    budget.enqueue(location, Priority::Foreground, record);
    QCOMPARE(m_starts.size(), 2);

    m_clock.advance(15);
    budget.onWire(location, second); // at once: word of it comes within the margin
    m_clock.advance(285);
    budget.onWire(location, first); // after 300 ms in the stack's queue
    budget.onWire(location, 9999); // unknown: nothing changes
    m_clock.advance(400);
    budget.answered(location, first);
    budget.answered(location, second);
    QCOMPARE(budget.state(location).sentInWindow, 2);

    m_clock.advance(1020 - 700); // window + margin after the second started
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
    m_clock.advance(299);
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
    m_clock.advance(1); // ... and after the first: not held until its answer
    budget.pump();
    QCOMPARE(m_starts.size(), 4);
}

void TestRateBudget::inFlightCapHoldsTheRest()
{
    RateBudget budget(m_clock, 2);
    QList<quint64> tickets;
    for (int i = 0; i < 5; ++i) {
        tickets.append(budget.enqueue(
            location, Priority::Foreground, [this] { m_starts.append(m_clock.nowMs()); }));
    }
    QCOMPARE(m_starts.size(), 2);
    QCOMPARE(budget.state(location).inFlight, 2);
    QCOMPARE(budget.state(location).queued, 3);
    budget.answered(location, tickets.at(0));
    QCOMPARE(m_starts.size(), 3);
    budget.answered(location, tickets.at(0)); // twice: nothing more
    QCOMPARE(m_starts.size(), 3);
    budget.answered(location, tickets.at(1));
    budget.answered(location, tickets.at(2));
    QCOMPARE(m_starts.size(), 5);
    QCOMPARE(budget.state(location).inFlight, 2);
}

void TestRateBudget::serverRemainingZeroPauses()
{
    // Another app spent the location's window: our own count is empty, the server says 0.
    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", 100}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 0}}));
    const qint64 now = m_clock.nowMs();
    QVERIFY(budget.state(location).pausedUntilMs >= now + 1000);
    enqueueRecorded(budget, 2, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), 0);
    m_clock.advance(999);
    budget.pump();
    QCOMPARE(m_starts.size(), 0);
    runUntil(budget, 2, 1, 1000);
    QCOMPARE(m_starts.size(), 2);
    QVERIFY(m_starts.first() >= now + 1000);
}

void TestRateBudget::serverRemainingZeroIgnoredWhenOwnCountIsFull()
{
    // Our own window is full anyway: the sliding window already holds the next start back, and
    // a second pause on top would waste budget.
    RateBudget budget(m_clock, noCap);
    budget.observe(location,
        headers({{"x-ratelimit-max", 2}, {"x-ratelimit-interval-milliseconds", 1000},
            {"x-ratelimit-remaining", 2}}));
    enqueueRecorded(budget, 3, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), 2);
    budget.observe(location, headers({{"x-ratelimit-remaining", 0}}));
    QCOMPARE(budget.state(location).pausedUntilMs, 0);
    m_clock.advance(1020);
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
}

void TestRateBudget::refusedPausesForRetryAfter_data()
{
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("expectedPauseMs");
    // Margin: max(20, window / 50) = 200 for the default 10 s window.
    QTest::newRow("Retry-After 3 s") << qint64(3000) << qint64(3000 + 200);
    QTest::newRow("no Retry-After: one window") << qint64(-1) << qint64(10000 + 200);
    QTest::newRow("Retry-After 0") << qint64(0) << qint64(200);
}

void TestRateBudget::refusedPausesForRetryAfter()
{
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, expectedPauseMs);

    RateBudget budget(m_clock, noCap);
    QSignalSpy changed(&budget, &RateBudget::stateChanged);
    const qint64 now = m_clock.nowMs();
    budget.refused(location, retryAfterMs, false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(budget.state(location).pausedUntilMs, now + expectedPauseMs);
    QVERIFY(!budget.state(location).dailyExhausted);

    enqueueRecorded(budget, 1, Priority::Foreground, QStringLiteral("r"));
    QCOMPARE(m_starts.size(), 0);
    QCOMPARE(budget.state(location).queued, 1);
    m_clock.advance(expectedPauseMs - 1);
    budget.pump();
    QCOMPARE(m_starts.size(), 0);
    m_clock.advance(1);
    budget.pump();
    QCOMPARE(m_starts.size(), 1);
    QCOMPARE(budget.state(location).queued, 0);
}

void TestRateBudget::dailyExhaustedStopsUntilNextUtcDay_data()
{
    QTest::addColumn<bool>("viaRefusal");
    QTest::newRow("X-RateLimit-Daily-Remaining: 0") << false;
    QTest::newRow("429 with the daily quota used up") << true;
}

void TestRateBudget::dailyExhaustedStopsUntilNextUtcDay()
{
    QFETCH(bool, viaRefusal);

    RateBudget budget(m_clock, noCap);
    QSignalSpy changed(&budget, &RateBudget::stateChanged);
    if (viaRefusal)
        budget.refused(location, 3600 * 1000, true);
    else
        budget.observe(location,
            headers({{"x-ratelimit-limit-daily", 200000}, {"x-ratelimit-daily-remaining", 0}}));
    QVERIFY(changed.size() >= 1);
    RateBudget::State state = budget.state(location);
    QVERIFY(state.dailyExhausted);
    QCOMPARE(state.dailyRemaining, 0);
    const qint64 nextDay = (m_clock.nowMs() / msPerDay + 1) * msPerDay;
    QCOMPARE(state.pausedUntilMs, nextDay);

    enqueueRecorded(budget, 2, Priority::Foreground, QStringLiteral("r"));
    enqueueRecorded(budget, 1, Priority::Background, QStringLiteral("b"));
    QCOMPARE(m_starts.size(), 0);
    m_clock.set(nextDay - 1);
    budget.pump();
    QCOMPARE(m_starts.size(), 0);
    QVERIFY(budget.state(location).dailyExhausted);

    changed.clear();
    m_clock.set(nextDay);
    budget.pump();
    QCOMPARE(m_starts.size(), 3);
    state = budget.state(location);
    QVERIFY(!state.dailyExhausted);
    QCOMPARE(state.dailyRemaining, -1);
    QVERIFY(changed.size() >= 1);
}

void TestRateBudget::locationsAreIndependent()
{
    RateBudget budget(m_clock, noCap);
    budget.refused(location, -1, true);
    bool otherStarted = false;
    budget.enqueue(
        QStringLiteral("loc-b"), Priority::Background, [&otherStarted] { otherStarted = true; });
    QVERIFY(otherStarted);
    QVERIFY(budget.state(location).dailyExhausted);
    QVERIFY(!budget.state(QStringLiteral("loc-b")).dailyExhausted);
}

void TestRateBudget::cancelQueuedTicket()
{
    RateBudget budget(m_clock, noCap);
    budget.refused(location, 1000, false);
    QStringList order;
    const quint64 a = budget.enqueue(
        location, Priority::Foreground, [&order] { order.append(QStringLiteral("a")); });
    const quint64 b = budget.enqueue(
        location, Priority::Background, [&order] { order.append(QStringLiteral("b")); });
    const quint64 c = budget.enqueue(
        location, Priority::Foreground, [&order] { order.append(QStringLiteral("c")); });
    QVERIFY(a != b && b != c && a != c);
    QCOMPARE(budget.state(location).queued, 3);

    QVERIFY(budget.cancel(a));
    QVERIFY(budget.cancel(b));
    QVERIFY(!budget.cancel(a));
    QCOMPARE(budget.state(location).queued, 1);

    m_clock.advance(2000);
    budget.pump();
    QCOMPARE(order, QStringList {QStringLiteral("c")});
    QVERIFY(!budget.cancel(c)); // already started
    QVERIFY(!budget.cancel(9999));
}

void TestRateBudget::timerWakesQueueInRealTime()
{
    // Without anyone calling pump(), the budget's own timer lets the queue go on.
    SystemClock clock;
    RateBudget budget(clock);
    budget.observe(location,
        headers({{"x-ratelimit-max", 2}, {"x-ratelimit-interval-milliseconds", 100},
            {"x-ratelimit-remaining", 2}}));
    QList<qint64> starts;
    for (int i = 0; i < 5; ++i)
        budget.enqueue(
            location, Priority::Foreground, [&starts, &clock] { starts.append(clock.nowMs()); });
    QCOMPARE(starts.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(starts.size(), 5, 5000);
    for (int i = 0; i + 2 < starts.size(); ++i)
        QVERIFY2(starts.at(i + 2) - starts.at(i) >= 120,
            qPrintable(QStringLiteral("%1 ms").arg(starts.at(i + 2) - starts.at(i))));
    QVERIFY(starts.last() - starts.first() < 2000);
}

QTEST_GUILESS_MAIN(TestRateBudget)
#include "tst_ratebudget.moc"
