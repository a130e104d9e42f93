// Retry-After and the rate-limit headers as the client reads them: delay-seconds and the three
// HTTP date forms (a 429 saying "come back at 12:01:30 GMT" pauses the location until then, by
// the client's clock), dates in the past, garbage and absurd values; what a 429 with a date
// makes of the rate budget's pause; a 503 with a date is retried no sooner than it says (a
// scripted server on 127.0.0.1), and one asking for longer than the client waits is handed back
// with the wait for the outbox.
#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/httpheaders.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>

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

// Answers each request with the next of `answers` (raw HTTP), the last one repeating.
class ScriptedServer : public QTcpServer
{
public:
    explicit ScriptedServer(QList<QByteArray> answers)
        : m_answers(std::move(answers))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].contains("\r\n\r\n"))
                        return;
                    m_buffers.remove(socket);
                    const QByteArray answer
                        = m_answers.value(qMin<qsizetype>(requests.size(), m_answers.size() - 1));
                    requests.append(timer.isValid() ? timer.elapsed() : 0);
                    socket->write(answer);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        timer.start();
    }
    QList<qint64> requests; // when each arrived, ms since the server started
    QElapsedTimer timer;

private:
    QList<QByteArray> m_answers;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QByteArray httpAnswer(int status, const QByteArray& extraHeaders, const QByteArray& body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Unavailable")
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

struct Retried
{
    bool finished = false;
    ApiError error;
    int status = 0;
    QList<qint64> delays;
};

Retried getContact(ScriptedServer& server, const Clock& clock)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    StaticTokenProvider tokens(QStringLiteral("pit-test"));
    RateBudget budget(clock);
    ApiConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    config.locationId = QStringLiteral("loc");
    config.retry.backoffMs = {10, 20, 5000};
    config.retry.jitter = 0;
    ApiClient client(nam, tokens, budget, clock, config);
    RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), QStringLiteral("c1"));
    Retried outcome;
    ApiJob* job = client.call(QStringLiteral("get-contact"), spec);
    QObject::connect(job, &ApiJob::retryScheduled, &client,
        [&outcome](int, qint64 delayMs, const ApiError&) { outcome.delays.append(delayMs); });
    job->onFinished(&client, [&outcome](const ApiJob& done) {
        outcome.finished = true;
        outcome.error = done.error();
        outcome.status = done.httpStatus();
    });
    (void)QTest::qWaitFor([&] { return outcome.finished; }, 20000);
    return outcome;
}

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

    void serviceUnavailableWaitsForTheDate()
    {
        StillClock clock;
        clock.m_now = now;
        // "Come back at 12:00:01": a second after the client's now, longer than the 10 ms
        // back-off the policy would take first.
        ScriptedServer server({httpAnswer(503, "Retry-After: Sun, 01 Nov 2026 12:00:01 GMT\r\n",
                                   "{\"message\":\"down for a moment\"}"),
            httpAnswer(200, {}, "{\"contact\":{\"id\":\"c1\"}}")});
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Retried outcome = getContact(server, clock);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.delays, QList<qint64> {1000});
        QCOMPARE(server.requests.size(), 2);
        QVERIFY2(server.requests.at(1) - server.requests.at(0) >= 990,
            qPrintable(QString::number(server.requests.at(1) - server.requests.at(0))));
    }

    void serviceUnavailableForLongIsHandedBack()
    {
        StillClock clock;
        clock.m_now = now;
        // An hour: more than the client waits itself (its longest back-off is 5 s).
        ScriptedServer server({httpAnswer(503, "Retry-After: Sun, 01 Nov 2026 13:00:00 GMT\r\n",
                                   "{\"message\":\"maintenance\"}"),
            httpAnswer(200, {}, "{\"contact\":{\"id\":\"c1\"}}")});
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Retried outcome = getContact(server, clock);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.status, 503);
        QCOMPARE(outcome.error.kind(), ApiError::Kind::Server);
        QCOMPARE(outcome.error.retryAfterMs(), qint64(3600000));
        QVERIFY(outcome.delays.isEmpty());
        QCOMPARE(server.requests.size(), 1);
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

QTEST_MAIN(TestHttpHeaders)
#include "tst_httpheaders.moc"
