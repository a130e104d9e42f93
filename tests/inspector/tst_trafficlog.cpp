// The traffic log under a stream of exchanges: the cap, the order and serials, the batched
// signal, the body cap, retry outcomes and the rate remaining, and that no token survives into
// an entry or any export.
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Inspector;

namespace {

const QByteArray secretToken = "pit-0c8a3f5e9d1b4a7c-SECRET";
const QByteArray refreshToken = "rt-77aa11bb22cc-SECRET";
const QByteArray adminKey = "admin-5f5f5f-SECRET";
const QByteArray clientSecret = "cs-9e9e9e-SECRET";

Api::ApiExchange exchange(int n, int status = 200)
{
    Api::ApiExchange e;
    e.operationId = QStringLiteral("get-contact");
    e.method = "GET";
    e.url = QUrl(QStringLiteral("http://127.0.0.1:8080/contacts/c%1").arg(n));
    e.attempt = 1;
    e.status = status;
    e.startedAtMs = 1'700'000'000'000 + n;
    e.durationMs = 12;
    e.requestHeaders = {{"Version", "2021-07-28"}, {"Accept", "application/json"},
        {"Authorization", "Bearer [redacted]"}};
    e.responseHeaders = {{"Content-Type", "application/json"},
        {"X-RateLimit-Remaining", QByteArray::number(99 - n % 100)}};
    e.responseBody = "{\"contact\":{\"id\":\"c" + QByteArray::number(n) + "\"}}";
    return e;
}

// An exchange as a careless caller might hand it over: secrets not redacted.
Api::ApiExchange leakyExchange()
{
    Api::ApiExchange e;
    e.operationId = QStringLiteral("create-contact");
    e.method = "POST";
    e.url = QUrl(QStringLiteral("http://127.0.0.1:8080/contacts/"));
    e.attempt = 1;
    e.status = 201;
    e.requestHeaders = {{"Version", "2021-07-28"}, {"Authorization", "Bearer " + secretToken},
        {"X-Sandbox-Admin-Key", adminKey}, {"Content-Type", "application/json"}};
    e.requestBody = "{\"firstName\":\"Ada\",\"refresh_token\":\"" + refreshToken
        + "\",\"client_secret\":\"" + clientSecret + "\"}";
    e.responseHeaders = {{"Content-Type", "application/json"}, {"Set-Cookie", "s=" + secretToken}};
    e.responseBody = "{\"contact\":{\"id\":\"x\"},\"access_token\":\"" + secretToken + "\"}";
    return e;
}

QByteArray everything(const TrafficEntry& entry)
{
    QByteArray text = entry.exchange.requestBody + entry.exchange.responseBody;
    for (const auto& [name, value] : entry.exchange.requestHeaders + entry.exchange.responseHeaders)
        text += name + ": " + value + "\n";
    return text;
}

} // namespace

class TestTrafficLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamIntoCapacity();
    void batchesWhileTheEventLoopRuns();
    void capsBodies();
    void readsRateRemaining();
    void retryFillsOutcome();
    void freshRequestLeavesOutcomeEmpty();
    void lowerCapacityDropsOldest();
    void clearEmptiesAndSignals();
    void noSecretInEntriesOrExports();
};

void TestTrafficLog::streamIntoCapacity()
{
    TrafficLog log(TrafficOptions {10000, 64 * 1024});
    QSignalSpy spy(&log, &TrafficLog::appended);
    // What a listener (the inspector's model) would hold: row count from the signals only.
    int known = 0;
    qint64 firstKnownSerial = 1;
    connect(&log, &TrafficLog::appended, this, [&](int count, int dropped) {
        QVERIFY(dropped <= known);
        known += count - dropped;
        QCOMPARE(known, log.size());
        firstKnownSerial = log.at(0).serial;
    });
    for (int i = 1; i <= 20000; ++i)
        QCOMPARE(
            log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(i)),
            qint64(i));
    // Until the last batch is announced the entries beyond the capacity wait at the front.
    QTRY_COMPARE(log.size(), 10000);
    QCOMPARE(known, 10000);
    QCOMPARE(log.at(0).serial, qint64(10001));
    QCOMPARE(log.at(9999).serial, qint64(20000));
    QCOMPARE(firstKnownSerial, qint64(10001));
    for (int i = 1; i < log.size(); ++i)
        QCOMPARE(log.at(i).serial, log.at(i - 1).serial + 1);
    QCOMPARE(log.at(0).exchange.url.path(), QStringLiteral("/contacts/c10001"));
    QCOMPARE(log.at(0).connection, QStringLiteral("Built-in sandbox"));
    QVERIFY(log.find(5) == nullptr);
    QVERIFY(log.find(15000) != nullptr);
    QCOMPARE(log.find(15000)->exchange.url.path(), QStringLiteral("/contacts/c15000"));
    // Batched: a handful of signals for 20,000 exchanges, not one each.
    QVERIFY2(spy.size() >= 2 && spy.size() <= 40, qPrintable(QString::number(spy.size())));
    int added = 0;
    int dropped = 0;
    for (const QList<QVariant>& arguments : spy) {
        added += arguments.at(0).toInt();
        dropped += arguments.at(1).toInt();
    }
    QCOMPARE(added - dropped, 10000);
    QCOMPARE(log.entries().size(), 10000);
}

void TestTrafficLog::batchesWhileTheEventLoopRuns()
{
    TrafficLog log;
    QSignalSpy spy(&log, &TrafficLog::appended);
    // 100 exchanges a second for one second, arriving from the event loop as the client's do.
    int sent = 0;
    QTimer feed;
    feed.setInterval(10);
    connect(&feed, &QTimer::timeout, this, [&] {
        log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(++sent));
        if (sent == 100)
            feed.stop();
    });
    feed.start();
    QTRY_COMPARE_WITH_TIMEOUT(log.size(), 100, 5000);
    const auto announced = [&spy] {
        int n = 0;
        for (const QList<QVariant>& arguments : spy)
            n += arguments.at(0).toInt();
        return n;
    };
    QTRY_COMPARE(announced(), 100);
    // Every 10 ms an exchange, every ~40 ms a signal: far fewer signals than exchanges.
    QVERIFY2(spy.size() <= 60, qPrintable(QString::number(spy.size())));
}

void TestTrafficLog::capsBodies()
{
    TrafficLog log(TrafficOptions {100, 1024});
    Api::ApiExchange big = exchange(1);
    big.responseBody = QByteArray(5000, 'x');
    big.requestBody = "{\"small\":true}";
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), big);
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(2));
    QCOMPARE(log.at(0).exchange.responseBody.size(), 1024);
    QCOMPARE(log.at(0).exchange.requestBody, QByteArray("{\"small\":true}"));
    QVERIFY(log.at(0).bodiesTruncated);
    QVERIFY(!log.at(1).bodiesTruncated);
    QCOMPARE(log.at(1).exchange.responseBody, QByteArray("{\"contact\":{\"id\":\"c2\"}}"));
    // A cut body is not what was sent: its export carries no status check to fail on replay.
    const QJsonArray items
        = postmanCollection(log.entries(), QStringLiteral("t"), QUrl(QStringLiteral("http://h")))
              .value(QStringLiteral("item"))
              .toArray();
    QVERIFY(!items.at(0).toObject().contains(QStringLiteral("event")));
    QVERIFY(items.at(1).toObject().contains(QStringLiteral("event")));
    QCOMPARE(harLog(log.entries())
                 .value(QStringLiteral("log"))
                 .toObject()
                 .value(QStringLiteral("entries"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("response"))
                 .toObject()
                 .value(QStringLiteral("bodySize")),
        -1);
}

void TestTrafficLog::readsRateRemaining()
{
    TrafficLog log;
    Api::ApiExchange lower = exchange(1);
    lower.responseHeaders = {{"x-ratelimit-remaining", " 37 "}};
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), lower);
    Api::ApiExchange none = exchange(2);
    none.responseHeaders.clear();
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), none);
    QCOMPARE(log.at(0).rateRemaining, 37);
    QCOMPARE(log.at(1).rateRemaining, -1);
}

void TestTrafficLog::retryFillsOutcome()
{
    TrafficLog log;
    QSignalSpy changed(&log, &TrafficLog::outcomeChanged);
    Api::ApiExchange first = exchange(1, 503);
    first.startedAtMs = 1000;
    first.durationMs = 100;
    Api::ApiExchange second = exchange(1, 429);
    second.attempt = 2;
    second.startedAtMs = 3100; // two seconds after the 503 ended
    second.durationMs = 10;
    Api::ApiExchange third = exchange(1, 200);
    third.attempt = 3;
    third.startedAtMs = 3400;
    const qint64 a = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), first);
    QVERIFY(log.find(a)->outcome.isEmpty());
    const qint64 b = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), second);
    const qint64 c = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), third);
    QCOMPARE(log.find(a)->outcome, QStringLiteral("retried after 2.0 s"));
    QCOMPARE(log.find(b)->outcome, QStringLiteral("retried after 290 ms"));
    QVERIFY(log.find(c)->outcome.isEmpty());
    QCOMPARE(changed.size(), 2);

    Api::ApiExchange expired = exchange(9, 401);
    Api::ApiExchange resent = exchange(9, 200);
    resent.attempt = 2;
    const qint64 d = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), expired);
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), resent);
    QCOMPARE(log.find(d)->outcome, QStringLiteral("sent again with a refreshed token"));

    QVERIFY(log.setOutcome(c, QStringLiteral("reconciled")));
    QCOMPARE(log.find(c)->outcome, QStringLiteral("reconciled"));
    QVERIFY(!log.setOutcome(123456, QStringLiteral("gave up")));
}

void TestTrafficLog::freshRequestLeavesOutcomeEmpty()
{
    TrafficLog log;
    // A 503 that was never retried, then a new request to the same URL, on another connection
    // too: nothing is known about the first, so nothing is claimed.
    const qint64 failed = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(1, 503));
    Api::ApiExchange other = exchange(1, 200);
    other.attempt = 2;
    log.add(QStringLiteral("other"), QStringLiteral("production"), other);
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(1, 200));
    QVERIFY(log.find(failed)->outcome.isEmpty());
    // A 404 is final: the client never retries it.
    const qint64 missing
        = log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(2, 404));
    Api::ApiExchange again = exchange(2, 404);
    again.attempt = 2;
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), again);
    QVERIFY(log.find(missing)->outcome.isEmpty());
}

void TestTrafficLog::lowerCapacityDropsOldest()
{
    TrafficLog log(TrafficOptions {50, 1024});
    QSignalSpy spy(&log, &TrafficLog::appended);
    for (int i = 1; i <= 30; ++i)
        log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(i));
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.takeFirst(), (QList<QVariant> {30, 0}));
    log.setCapacity(10);
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.takeFirst(), (QList<QVariant> {0, 20}));
    QCOMPARE(log.size(), 10);
    QCOMPARE(log.at(0).serial, qint64(21));
    QCOMPARE(log.options().capacity, 10);
}

void TestTrafficLog::clearEmptiesAndSignals()
{
    TrafficLog log;
    QSignalSpy cleared(&log, &TrafficLog::cleared);
    QSignalSpy appended(&log, &TrafficLog::appended);
    log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(1));
    log.clear();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(log.size(), 0);
    QTest::qWait(100);
    QCOMPARE(appended.size(), 0); // the pending batch went with the entries
    // Serials are never reused.
    QCOMPARE(log.add(QStringLiteral("c"), QStringLiteral("sandbox"), exchange(2)), qint64(2));
}

void TestTrafficLog::noSecretInEntriesOrExports()
{
    TrafficLog log;
    log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), leakyExchange());
    log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), exchange(1));
    // A malformed body where one secret's value runs into the next key.
    Api::ApiExchange malformed = exchange(2);
    malformed.requestBody = "{\"token\":\"a, \"refresh_token\":\"" + refreshToken
        + "\", \"password\":\"b, \"client_secret\":\"" + clientSecret + "\"}";
    log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), malformed);
    // A body cut off inside a secret's value (a capped or broken answer).
    Api::ApiExchange cut = exchange(3);
    cut.responseBody = "{\"contact\":{},\"access_token\":\"" + secretToken;
    log.add(QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"), cut);
    const QList<QByteArray> secrets {secretToken, refreshToken, adminKey, clientSecret};
    QList<QPair<QString, QByteArray>> outputs;
    for (const TrafficEntry& entry : log.entries()) {
        outputs.append({QStringLiteral("entry %1").arg(entry.serial), everything(entry)});
        outputs.append({QStringLiteral("curl %1").arg(entry.serial), curlCommand(entry).toUtf8()});
    }
    const QUrl base(QStringLiteral("http://127.0.0.1:8080"));
    outputs.append({QStringLiteral("postman"),
        QJsonDocument(postmanCollection(log.entries(), QStringLiteral("t"), base)).toJson()});
    outputs.append({QStringLiteral("har"), QJsonDocument(harLog(log.entries())).toJson()});
    for (const auto& [what, text] : outputs) {
        for (const QByteArray& secret : secrets)
            QVERIFY2(!text.contains(secret),
                qPrintable(what + QStringLiteral(" leaks ") + QString::fromLatin1(secret)));
    }
    // What the redaction leaves is still useful.
    const TrafficEntry& leaky = log.at(0);
    QVERIFY(leaky.exchange.requestBody.contains("\"firstName\":\"Ada\""));
    const QString curl = curlCommand(leaky);
    QVERIFY(curl.contains(QStringLiteral("\"Authorization: Bearer $TOKEN\"")));
    QVERIFY(!curl.contains(QStringLiteral("X-Sandbox-Admin-Key"), Qt::CaseInsensitive));
    const QByteArray postman
        = QJsonDocument(postmanCollection(log.entries(), QStringLiteral("t"), base)).toJson();
    QVERIFY(postman.contains("{{accessToken}}"));
    QVERIFY(!postman.contains("\"Authorization\""));
}

QTEST_GUILESS_MAIN(TestTrafficLog)
#include "tst_trafficlog.moc"
