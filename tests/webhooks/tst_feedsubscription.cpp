// The desktop's subscription to serve's change feed, against a feed server on 127.0.0.1: events
// are recorded for the applier with their id; after the connection is cut, serve restarts, or
// the desktop restarts, the stream resumes from the last id recorded with no event missing and
// none twice; a wrong token stops it ("polling"); a gap is reported for a reconcile.
#include "feedtestserver.h"
#include "webhooks/feedsubscription.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using namespace ContactDesk::Webhooks;

namespace {

// The desktop: its own cache file with the ledger the applier reads.
struct Desktop
{
    Desktop()
    {
        db = std::make_unique<Store::Database>(dir.filePath(QStringLiteral("desk.sqlite")), clock);
        db->open();
        ledger = std::make_unique<WebhookLedger>(*db);
    }

    std::unique_ptr<FeedSubscription> subscribe(const FeedTestServer& server)
    {
        auto feed = std::make_unique<FeedSubscription>(network, *db, *ledger, nullptr);
        FeedSubscriptionOptions options;
        options.serveUrl = server.url();
        options.deviceToken = server.token;
        options.reconcileMinutes = 10;
        options.minBackoffMs = 20;
        options.maxBackoffMs = 200;
        feed->setOptions(options);
        return feed;
    }

    // The webhookIds recorded for the applier, in order.
    QStringList recorded() const
    {
        QStringList ids;
        for (const WebhookLedger::Entry& entry : ledger->pending())
            ids.append(entry.webhookId);
        return ids;
    }

    FakeClock clock;
    QTemporaryDir dir;
    QNetworkAccessManager network;
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<WebhookLedger> ledger;
};

QStringList webhookIds(int from, int to)
{
    QStringList ids;
    for (int i = from; i <= to; ++i)
        ids.append(QStringLiteral("wh-%1").arg(i));
    return ids;
}

void deliver(FeedTestServer& server, int from, int to)
{
    for (int i = from; i <= to; ++i)
        server.deliver(QStringLiteral("wh-%1").arg(i), QStringLiteral("c%1").arg(i % 3));
}

} // namespace

class TestFeedSubscription : public QObject
{
    Q_OBJECT

private slots:
    void liveEventsAreRecordedWithTheirId();
    void resumesAfterTheConnectionIsCut();
    void resumesAfterServeRestarts();
    void resumesAfterTheDesktopRestarts();
    void skipsWhatTheDesktopAlreadyHas();
    void wrongTokenStopsWithPollingStatus();
    void reportsAGapForAReconcile();
    void reconnectsWhenTheStreamGoesSilent();
    void refusesOptionsThatCannotWork();
};

void TestFeedSubscription::liveEventsAreRecordedWithTheirId()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 2);
    Desktop desk;
    auto feed = desk.subscribe(server);
    QSignalSpy status(feed.get(), &FeedSubscription::statusChanged);
    QSignalSpy received(feed.get(), &FeedSubscription::eventReceived);
    QCOMPARE(feed->statusText(), QStringLiteral("polling every 10 min"));
    QVERIFY(feed->start());
    QTRY_COMPARE(feed->state(), FeedSubscription::State::Live);
    QCOMPARE(feed->statusText(), QStringLiteral("live"));
    QVERIFY(status.count() >= 2);
    QCOMPARE(status.last().at(1).toString(), QStringLiteral("live"));
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 2));
    deliver(server, 3, 3);
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 3));
    QCOMPARE(received.count(), 3);
    QCOMPARE(received.last().at(0).toLongLong(), 3);
    QCOMPARE(received.last().at(1).toString(), QStringLiteral("ContactUpdate"));
    QCOMPARE(received.last().at(2).toString(), QStringLiteral("wh-3"));
    QCOMPARE(feed->lastEventId(), 3);
    QCOMPARE(FeedSubscription::storedLastEventId(*desk.db, server.url()), 3);
    feed->stop();
    QCOMPARE(feed->statusText(), QStringLiteral("polling every 10 min"));
}

void TestFeedSubscription::resumesAfterTheConnectionIsCut()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 3);
    Desktop desk;
    auto feed = desk.subscribe(server);
    QVERIFY(feed->start());
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 3));
    QSignalSpy subscribed(server.route.get(), &StreamRoute::subscribed);
    for (int round = 0; round < 3; ++round) {
        // Cut mid-stream: what comes while it is down is delivered after it.
        const qint64 had = feed->lastEventId();
        server.route->closeAll();
        const int from = 4 + round * 3;
        deliver(server, from, from + 2);
        QTRY_COMPARE(feed->state(), FeedSubscription::State::Live);
        QTRY_COMPARE(desk.recorded(), webhookIds(1, from + 2));
        // It asked for what came after the last event it had, nothing older.
        QCOMPARE(subscribed.last().at(1).toLongLong(), had);
    }
    QCOMPARE(feed->eventsReceived(), 12);
    QCOMPARE(feed->lastEventId(), 12);
}

void TestFeedSubscription::resumesAfterServeRestarts()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 2);
    Desktop desk;
    auto feed = desk.subscribe(server);
    QSignalSpy status(feed.get(), &FeedSubscription::statusChanged);
    QVERIFY(feed->start());
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 2));
    const quint16 port = server.url().port();
    server.stop(); // the process ends: every connection is cut
    QTRY_VERIFY(feed->state() != FeedSubscription::State::Live);
    QCOMPARE(feed->statusText(), QStringLiteral("polling every 10 min"));
    QVERIFY(!feed->lastError().isEmpty());
    // Webhooks accepted while no one listened on /stream (another process of serve).
    deliver(server, 3, 5);
    QTest::qWait(100); // a few failed attempts
    QVERIFY(server.start(port));
    QTRY_COMPARE(feed->state(), FeedSubscription::State::Live);
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 5));
    deliver(server, 6, 6);
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 6));
}

void TestFeedSubscription::resumesAfterTheDesktopRestarts()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 2);
    Desktop desk;
    {
        auto feed = desk.subscribe(server);
        QVERIFY(feed->start());
        QTRY_COMPARE(desk.recorded(), webhookIds(1, 2));
    }
    deliver(server, 3, 4);
    auto again = desk.subscribe(server);
    QSignalSpy received(again.get(), &FeedSubscription::eventReceived);
    QVERIFY(again->start());
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 4));
    // Only the two it did not have came again.
    QCOMPARE(received.count(), 2);
    QCOMPARE(received.first().at(0).toLongLong(), 3);
}

void TestFeedSubscription::skipsWhatTheDesktopAlreadyHas()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 2);
    Desktop desk;
    // wh-2 reached the desktop directly as well (it was on the sandbox's receiver).
    const QByteArray body
        = contactUpdatePayload(QStringLiteral("wh-2"), QStringLiteral("c2"), server.clock.nowMs());
    QString error;
    QCOMPARE(desk.ledger->record(*parseWebhookPayload(body, &error), body),
        WebhookLedger::Recorded::Stored);
    auto feed = desk.subscribe(server);
    QVERIFY(feed->start());
    QTRY_COMPARE(feed->lastEventId(), 2);
    QCOMPARE(desk.recorded(), (QStringList {QStringLiteral("wh-2"), QStringLiteral("wh-1")}));
}

void TestFeedSubscription::wrongTokenStopsWithPollingStatus()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 1);
    Desktop desk;
    auto feed = desk.subscribe(server);
    FeedSubscriptionOptions options = feed->options();
    options.deviceToken = "cdfeed_not-the-token";
    feed->setOptions(options);
    QSignalSpy refused(server.route.get(), &StreamRoute::refused);
    QVERIFY(feed->start());
    QTRY_COMPARE(feed->state(), FeedSubscription::State::Refused);
    QCOMPARE(feed->statusText(), QStringLiteral("polling every 10 min"));
    QVERIFY2(feed->lastError().contains(QStringLiteral("unknown device token")),
        qPrintable(feed->lastError()));
    QTest::qWait(300); // no retry with a token serve refused
    QCOMPARE(refused.count(), 1);
    QVERIFY(desk.recorded().isEmpty());
}

void TestFeedSubscription::reportsAGapForAReconcile()
{
    FeedTestServer server;
    QVERIFY(server.start());
    deliver(server, 1, 1);
    Desktop desk;
    auto feed = desk.subscribe(server);
    QVERIFY(feed->start());
    QTRY_COMPARE(desk.recorded(), webhookIds(1, 1));
    feed->stop();
    deliver(server, 2, 4);
    server.clock.advance(10 * 24 * 3600 * 1000LL);
    deliver(server, 5, 5);
    QCOMPARE(server.feed->prune(server.clock.nowMs() - 1000), 4); // 1 to 4 are gone
    QSignalSpy gaps(feed.get(), &FeedSubscription::gapDetected);
    QVERIFY(feed->start());
    QTRY_COMPARE(gaps.count(), 1);
    QCOMPARE(gaps.first().at(0).toLongLong(), 1);
    QCOMPARE(gaps.first().at(1).toLongLong(), 4);
    QTRY_COMPARE(desk.recorded(), (QStringList {QStringLiteral("wh-1"), QStringLiteral("wh-5")}));
}

void TestFeedSubscription::reconnectsWhenTheStreamGoesSilent()
{
    // No keep-alive from serve within the idle timeout: the client takes the connection for
    // dead and makes a new one.
    StreamRouteOptions quiet;
    quiet.heartbeatMs = 60000;
    FeedTestServer server(quiet);
    QVERIFY(server.start());
    Desktop desk;
    auto feed = desk.subscribe(server);
    FeedSubscriptionOptions options = feed->options();
    options.idleTimeoutMs = 300;
    feed->setOptions(options);
    QSignalSpy subscribed(server.route.get(), &StreamRoute::subscribed);
    QVERIFY(feed->start());
    QTRY_COMPARE(feed->state(), FeedSubscription::State::Live);
    QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() >= 2, 3000);
}

void TestFeedSubscription::refusesOptionsThatCannotWork()
{
    Desktop desk;
    FeedSubscription feed(desk.network, *desk.db, *desk.ledger, nullptr);
    FeedSubscriptionOptions options;
    options.serveUrl = QUrl(QStringLiteral("ftp://example.com"));
    options.deviceToken = "cdfeed_x";
    feed.setOptions(options);
    QVERIFY(!feed.start());
    QVERIFY(feed.lastError().contains(QStringLiteral("http")));
    options.serveUrl = QUrl(QStringLiteral("https://serve.example.com"));
    options.deviceToken.clear();
    feed.setOptions(options);
    QVERIFY(!feed.start());
    QVERIFY(feed.lastError().contains(QStringLiteral("devices add")));
    QCOMPARE(feed.state(), FeedSubscription::State::Stopped);
}

QTEST_MAIN(TestFeedSubscription)
#include "tst_feedsubscription.moc"
