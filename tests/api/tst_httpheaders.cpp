// Retry-After and the rate-limit headers as the client reads them: delay-seconds and the three
// HTTP date forms (a 429 saying "come back at 12:01:30 GMT" pauses the location until then, by
// the client's clock), dates in the past, garbage and absurd values; what a 429 with a date
// makes of the rate budget's pause.
#include "api/apierror.h"
#include "api/httpheaders.h"
#include "api/ratebudget.h"
#include "common/clock.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace ContactDesk;
using namespace ContactDesk::Api;

namespace {

class StillClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    qint64 m_now = 0;
};

qint64 utc(int year, int month, int day, int h, int m, int s)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s), QTimeZone::utc()).toMSecsSinceEpoch();
}

// 2026-11-01 12:00:00 GMT, a Sunday.
const qint64 now = utc(2026, 11, 1, 12, 0, 0);

} // namespace

class TestHttpHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("seconds, spaces") << QByteArray("  5 ") << qint64(5000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("IMF-fixdate 90 s ahead")
            << QByteArray("Sun, 01 Nov 2026 12:01:30 GMT") << qint64(90000);
        QTest::newRow("RFC 850 an hour ahead")
            << QByteArray("Sunday, 01-Nov-26 13:00:00 GMT") << qint64(3600000);
        QTest::newRow("asctime 10 s ahead")
            << QByteArray("Sun Nov  1 12:00:10 2026") << qint64(10000);
        QTest::newRow("date in the past")
            << QByteArray("Sat, 31 Oct 2026 12:00:00 GMT") << qint64(0);
        QTest::newRow("date a year ahead: capped")
            << QByteArray("Mon, 01 Nov 2027 12:00:00 GMT") << maxRetryAfterMs;
        QTest::newRow("seconds past the cap")
            << QByteArray("99999999999999999999999") << maxRetryAfterMs;
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
        QTest::newRow("empty") << QByteArray("") << qint64(-1);
        QTest::newRow("not a date") << QByteArray("tomorrow") << qint64(-1);
        QTest::newRow("not GMT") << QByteArray("Sun, 01 Nov 2026 12:01:30 CET") << qint64(-1);
        QTest::newRow("no such month") << QByteArray("Sun, 01 Nob 2026 12:01:30 GMT") << qint64(-1);
        QTest::newRow("31 November") << QByteArray("Sun, 31 Nov 2026 12:01:30 GMT") << qint64(-1);
        QTest::newRow("hour 24") << QByteArray("Sun, 01 Nov 2026 24:00:00 GMT") << qint64(-1);
        QTest::newRow("two-digit year in IMF")
            << QByteArray("Sun, 01 Nov 26 12:01:30 GMT") << qint64(-1);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        QCOMPARE(retryAfterMs(value, now), expected);
    }

    void httpDateForms()
    {
        const qint64 when = utc(1994, 11, 6, 8, 49, 37);
        QCOMPARE(httpDateMs("Sun, 06 Nov 1994 08:49:37 GMT"), std::optional<qint64>(when));
        QCOMPARE(httpDateMs("Sunday, 06-Nov-94 08:49:37 GMT"), std::optional<qint64>(when));
        QCOMPARE(httpDateMs("Sun Nov  6 08:49:37 1994"), std::optional<qint64>(when));
        QCOMPARE(httpDateMs("Sun Nov 6 08:49:37 1994"), std::optional<qint64>(when));
        QCOMPARE(httpDateMs("Sun, 06 Nov 1994 08:49:37"), std::nullopt);
        QCOMPARE(httpDateMs(""), std::nullopt);
    }

    void rateHeaders()
    {
        QCOMPARE(rateHeaderValue(" 99 "), std::optional<qint64>(99));
        QCOMPARE(rateHeaderValue("0"), std::optional<qint64>(0));
        QCOMPARE(rateHeaderValue("-1"), std::nullopt);
        QCOMPARE(rateHeaderValue("+3"), std::nullopt);
        QCOMPARE(rateHeaderValue("1e3"), std::nullopt);
        QCOMPARE(rateHeaderValue("9999999999999999"), std::nullopt);
        QCOMPARE(rateHeaderValue(""), std::nullopt);
    }

    void tooManyRequestsWithADatePausesUntilThen()
    {
        const QHash<QByteArray, QByteArray> headers {
            {"retry-after", "Sun, 01 Nov 2026 12:00:45 GMT"}, {"x-ratelimit-remaining", "0"}};
        const ApiError error = ApiError::fromHttp(429, "{}", headers, now);
        QCOMPARE(error.kind(), ApiError::Kind::RateLimited);
        QCOMPARE(error.retryAfterMs(), qint64(45000));

        StillClock clock;
        clock.m_now = now;
        RateBudget budget(clock);
        budget.refused(QStringLiteral("loc"), error.retryAfterMs(), false);
        const qint64 paused = budget.state(QStringLiteral("loc")).pausedUntilMs - now;
        // The date's 45 s plus the budget's small safety margin, not the default window.
        QVERIFY2(paused >= 45000 && paused < 46000, qPrintable(QString::number(paused)));
    }

    void negativeRateHeadersAreIgnored()
    {
        StillClock clock;
        clock.m_now = now;
        RateBudget budget(clock);
        budget.observe(QStringLiteral("loc"), {{"x-ratelimit-max", "100"}});
        budget.observe(QStringLiteral("loc"), {{"x-ratelimit-max", "-7"}});
        QCOMPARE(budget.state(QStringLiteral("loc")).limit, 100);
    }
};

QTEST_GUILESS_MAIN(TestHttpHeaders)
#include "tst_httpheaders.moc"
