// The change feed of serve: what the ledger accepts is in the feed (only while a device is
// registered), device tokens are stored hashed, GET /stream refuses a missing or wrong token,
// streams the events as Server-Sent Events and resumes after Last-Event-ID or ?after=, answers
// long-polls, and tells a subscriber when the events it asks for were pruned.
#include "feedtestserver.h"
#include "webhooks/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using namespace ContactDesk::Webhooks;

namespace {

// One open GET /stream read through the SSE parser.
struct StreamReader
{
    StreamReader(QNetworkAccessManager& network, const QUrl& base, const QByteArray& token,
        const QByteArray& lastEventId = {}, const QString& query = {})
    {
        QUrl url = base;
        url.setPath(QStringLiteral("/stream"));
        if (!query.isEmpty())
            url.setQuery(query);
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!lastEventId.isEmpty())
            request.setRawHeader("Last-Event-ID", lastEventId);
        reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                events.append(parser.feed(reply->readAll()));
        });
    }
    ~StreamReader()
    {
        reply->abort();
        reply->deleteLater();
    }

    QList<qint64> ids() const
    {
        QList<qint64> out;
        for (const SseEvent& event : events)
            out.append(event.id.value_or("-1").toLongLong());
        return out;
    }

    QNetworkReply* reply = nullptr;
    SseParser parser;
    QList<SseEvent> events;
};

int status(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void acceptedDeliveriesAreInTheFeedWhileADeviceIsRegistered();
    void deviceTokensAreStoredHashedOnly();
    void missingOrWrongTokenIs401();
    void streamsEventsAndResumesAfterLastEventId();
    void payloadLinesSurviveTheStream();
    void longPollAnswersWhenAnEventComes();
    void prunedEventsAreReportedAsAGap();
};

void TestChangeFeed::acceptedDeliveriesAreInTheFeedWhileADeviceIsRegistered()
{
    FeedTestServer server;
    QVERIFY(server.devices->remove(QStringLiteral("laptop")));
    QCOMPARE(server.deliver(QStringLiteral("wh-before"), QStringLiteral("c1")), 0);
    QVERIFY(server.feed->after(0).isEmpty()); // no device: no feed kept

    QByteArray token;
    QCOMPARE(server.devices->add(QStringLiteral("desk"), &token), FeedDevices::Added::Added);
    QCOMPARE(server.deliver(QStringLiteral("wh-1"), QStringLiteral("c1"), QStringLiteral("Bo")), 1);
    QCOMPARE(server.deliver(QStringLiteral("wh-2"), QStringLiteral("c2")), 2);
    // A duplicate delivery is not in the ledger a second time, nor in the feed.
    QCOMPARE(server.deliver(QStringLiteral("wh-1"), QStringLiteral("c1")), 0);
    const QList<FeedEvent> events = server.feed->after(0);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).webhookId, QStringLiteral("wh-1"));
    QCOMPARE(events.at(0).type, QStringLiteral("ContactUpdate"));
    QCOMPARE(events.at(0).body,
        contactUpdatePayload(QStringLiteral("wh-1"), QStringLiteral("c1"), server.clock.nowMs(),
            QStringLiteral("Bo")));
    QCOMPARE(server.feed->after(1).size(), 1);
}

void TestChangeFeed::deviceTokensAreStoredHashedOnly()
{
    FeedTestServer server;
    QVERIFY(server.token.startsWith("cdfeed_"));
    QCOMPARE(server.token.size(), 7 + 43);
    QByteArray other;
    QCOMPARE(server.devices->add(QStringLiteral("laptop"), &other), FeedDevices::Added::NameTaken);
    QCOMPARE(server.devices->add(QStringLiteral("bad name"), &other), FeedDevices::Added::BadName);
    QCOMPARE(server.devices->add(QStringLiteral("phone"), &other), FeedDevices::Added::Added);
    QVERIFY(other != server.token);

    QCOMPARE(server.devices->authenticate(server.token), QStringLiteral("laptop"));
    QCOMPARE(server.devices->authenticate(other), QStringLiteral("phone"));
    QVERIFY(!server.devices->authenticate(server.token + "x"));
    QVERIFY(!server.devices->authenticate("cdfeed_"));
    const QList<FeedDevices::Device> list = server.devices->list();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).name, QStringLiteral("laptop"));
    QCOMPARE(list.at(0).lastSeenAtMs, server.clock.nowMs());

    // Neither token is in the data folder, only its hash.
    server.db->close();
    QByteArray file;
    for (const QString& name :
        {QStringLiteral("serve.sqlite"), QStringLiteral("serve.sqlite-wal")}) {
        QFile part(server.dir.filePath(name));
        if (part.open(QIODevice::ReadOnly))
            file += part.readAll();
    }
    QVERIFY(!file.isEmpty());
    QVERIFY(!file.contains(server.token.mid(7)));
    QVERIFY(!file.contains(other.mid(7)));
    QVERIFY(file.contains(FeedDevices::tokenHash(server.token)));
    server.db->open();

    QVERIFY(server.devices->remove(QStringLiteral("laptop")));
    QVERIFY(!server.devices->remove(QStringLiteral("laptop")));
    QVERIFY(!server.devices->authenticate(server.token));
}

void TestChangeFeed::missingOrWrongTokenIs401()
{
    FeedTestServer server;
    QVERIFY(server.start());
    server.deliver(QStringLiteral("wh-1"), QStringLiteral("c1"));
    QNetworkAccessManager network;
    for (const QByteArray& token : {QByteArray(), QByteArray("cdfeed_wrong"), server.token + "x"}) {
        StreamReader reader(network, server.url(), token);
        QTRY_VERIFY(reader.reply->isFinished());
        QCOMPARE(status(reader.reply), 401);
        QCOMPARE(reader.reply->rawHeader("WWW-Authenticate"), QByteArray("Bearer"));
        const QByteArray body = reader.reply->readAll();
        QVERIFY2(!body.contains("wh-1"), body.constData());
        QVERIFY(QJsonDocument::fromJson(body).object().contains(QStringLiteral("error")));
    }
    // A removed device is refused too, the next time it connects.
    server.devices->remove(QStringLiteral("laptop"));
    StreamReader removed(network, server.url(), server.token);
    QTRY_VERIFY(removed.reply->isFinished());
    QCOMPARE(status(removed.reply), 401);
}

void TestChangeFeed::streamsEventsAndResumesAfterLastEventId()
{
    FeedTestServer server;
    QVERIFY(server.start());
    for (int i = 1; i <= 3; ++i)
        server.deliver(QStringLiteral("wh-%1").arg(i), QStringLiteral("c%1").arg(i));
    QNetworkAccessManager network;
    {
        StreamReader reader(network, server.url(), server.token);
        QTRY_COMPARE(reader.ids(), (QList<qint64> {1, 2, 3}));
        QCOMPARE(reader.reply->header(QNetworkRequest::ContentTypeHeader).toString(),
            QStringLiteral("text/event-stream; charset=utf-8"));
        QCOMPARE(reader.events.at(0).type, QStringLiteral("ContactUpdate"));
        QVERIFY(reader.events.at(2).data.contains("\"webhookId\":\"wh-3\""));
        QTRY_COMPARE(server.route->subscriberCount(), 1);
        // New deliveries come on the open stream.
        server.deliver(QStringLiteral("wh-4"), QStringLiteral("c4"));
        QTRY_COMPARE(reader.ids(), (QList<qint64> {1, 2, 3, 4}));
        QVERIFY(!reader.reply->isFinished());
    }
    QTRY_COMPARE(server.route->subscriberCount(), 0);
    server.deliver(QStringLiteral("wh-5"), QStringLiteral("c5"));
    // Resumed: only what came after the id given, by header or query.
    StreamReader resumed(network, server.url(), server.token, "3");
    QTRY_COMPARE(resumed.ids(), (QList<qint64> {4, 5}));
    StreamReader byQuery(network, server.url(), server.token, "1", QStringLiteral("after=4"));
    QTRY_COMPARE(byQuery.ids(), (QList<qint64> {5}));
    StreamReader bad(network, server.url(), server.token, "x");
    QTRY_VERIFY(bad.reply->isFinished());
    QCOMPARE(status(bad.reply), 400);
}

void TestChangeFeed::payloadLinesSurviveTheStream()
{
    FeedTestServer server;
    QVERIFY(server.start());
    const QByteArray body = "{\n  \"type\": \"ContactDelete\",\r\n  \"id\": \"c9\"\n}";
    QVERIFY(server.feed->append(
        QStringLiteral("wh-9"), QStringLiteral("ContactDelete"), body, server.clock.nowMs()));
    QNetworkAccessManager network;
    StreamReader reader(network, server.url(), server.token);
    QTRY_COMPARE(reader.events.size(), 1);
    QCOMPARE(reader.events.at(0).data,
        QByteArray("{\n  \"type\": \"ContactDelete\",\n  \"id\": \"c9\"\n}"));
    QCOMPARE(reader.events.at(0).type, QStringLiteral("ContactDelete"));
}

void TestChangeFeed::longPollAnswersWhenAnEventComes()
{
    FeedTestServer server;
    QVERIFY(server.start());
    server.deliver(QStringLiteral("wh-1"), QStringLiteral("c1"));
    QNetworkAccessManager network;
    const auto poll = [&](const QString& query) {
        QUrl url = server.url();
        url.setPath(QStringLiteral("/stream"));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + server.token);
        return network.get(request);
    };
    std::unique_ptr<QNetworkReply> ready(poll(QStringLiteral("after=0&wait=30")));
    QTRY_VERIFY(ready->isFinished());
    QCOMPARE(status(ready.get()), 200);
    QJsonObject answer = QJsonDocument::fromJson(ready->readAll()).object();
    QCOMPARE(answer.value(QStringLiteral("lastId")).toInteger(), 1);
    QCOMPARE(answer.value(QStringLiteral("events")).toArray().size(), 1);

    std::unique_ptr<QNetworkReply> empty(poll(QStringLiteral("after=1&wait=0")));
    QTRY_VERIFY(empty->isFinished());
    answer = QJsonDocument::fromJson(empty->readAll()).object();
    QVERIFY(answer.value(QStringLiteral("events")).toArray().isEmpty());
    QCOMPARE(answer.value(QStringLiteral("lastId")).toInteger(), 1);

    std::unique_ptr<QNetworkReply> waiting(poll(QStringLiteral("after=1&wait=30")));
    QTRY_COMPARE(server.route->subscriberCount(), 1);
    QTest::qWait(100);
    QVERIFY(!waiting->isFinished());
    server.deliver(QStringLiteral("wh-2"), QStringLiteral("c2"));
    QTRY_VERIFY(waiting->isFinished());
    answer = QJsonDocument::fromJson(waiting->readAll()).object();
    const QJsonArray events = answer.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("id")).toInteger(), 2);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("webhookId")).toString(),
        QStringLiteral("wh-2"));
    QVERIFY(events.at(0)
                .toObject()
                .value(QStringLiteral("payload"))
                .toString()
                .contains(QStringLiteral("wh-2")));
}

void TestChangeFeed::prunedEventsAreReportedAsAGap()
{
    FeedTestServer server;
    QVERIFY(server.start());
    for (int i = 1; i <= 3; ++i) {
        server.deliver(QStringLiteral("wh-%1").arg(i), QStringLiteral("c%1").arg(i));
        server.clock.advance(3600 * 1000);
    }
    // Keep the last 90 minutes: events 1 and 2 go.
    QCOMPARE(server.feed->prune(server.clock.nowMs() - 90 * 60 * 1000), 2);
    const ChangeFeed::Bounds bounds = *server.feed->bounds();
    QCOMPARE(bounds.prunedThrough, 2);
    QCOMPARE(bounds.lastId, 3);
    QVERIFY(server.feed->hasGap(1, bounds));
    QVERIFY(!server.feed->hasGap(2, bounds));
    QVERIFY(server.feed->hasGap(4, bounds));

    QNetworkAccessManager network;
    StreamReader behind(network, server.url(), server.token, "1");
    QTRY_COMPARE(behind.ids(), (QList<qint64> {2, 3}));
    QCOMPARE(behind.events.at(0).type, QStringLiteral("gap"));
    const QJsonObject gap = QJsonDocument::fromJson(behind.events.at(0).data).object();
    QCOMPARE(gap.value(QStringLiteral("after")).toInteger(), 1);
    QCOMPARE(gap.value(QStringLiteral("resumeAt")).toInteger(), 2);
    QCOMPARE(behind.events.at(1).type, QStringLiteral("ContactUpdate"));
    // Ahead of the feed (its data folder was replaced): told to carry on from its end.
    StreamReader ahead(network, server.url(), server.token, "40");
    QTRY_COMPARE(ahead.events.size(), 1);
    QCOMPARE(ahead.events.at(0).type, QStringLiteral("gap"));
    QCOMPARE(ahead.ids(), (QList<qint64> {3}));
    // Ids are not reused after a prune of everything.
    QCOMPARE(server.feed->prune(server.clock.nowMs() + 1), 1);
    QCOMPARE(server.deliver(QStringLiteral("wh-4"), QStringLiteral("c4")), 4);
}

QTEST_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
