// The event receiver over real HTTP on 127.0.0.1: a signed event is in the inbox before its
// 202, a second delivery answers 200 and stores nothing new, and every refusal (401, 400, 413,
// 404, 405) leaves the inbox as it was.
#include "automation/eventreceiver.h"

#include "automation/appevent.h"
#include "automation/inbox.h"
#include "automation/standardwebhooks.h"
#include "fakeclock.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Automation;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject body;
    // What the inbox held when the answer arrived.
    int storedWhenAnswered = -1;
};

const QByteArray signUp = QByteArrayLiteral(
    R"({"type":"user.signed_up","data":{"id":"u_1","email":"ada@example.com","firstName":"Ada"}})");

} // namespace

class TestEventReceiver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Testing::FakeClock m_clock;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Inbox> m_inbox;
    std::unique_ptr<EventReceiver> m_receiver;
    QNetworkAccessManager m_network;
    QByteArray m_key;

    qint64 nowSecs() const { return m_clock.nowMs() / 1000; }

    int storedCount() const
    {
        return m_inbox->count() - m_inbox->count({EventStatus::Duplicate, {}, {}});
    }

    QNetworkReply* post(const QByteArray& body, const QByteArray& id, qint64 timestamp,
        const QByteArray& signature, const QString& path = QStringLiteral("/events"))
    {
        QUrl url = m_receiver->url();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!id.isNull())
            request.setRawHeader("webhook-id", id);
        if (timestamp)
            request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        if (!signature.isNull())
            request.setRawHeader("webhook-signature", signature);
        return m_network.post(request, body);
    }

    QNetworkReply* postSigned(const QByteArray& body, const QByteArray& id)
    {
        return post(body, id, nowSecs(), signStandardWebhook(m_key, id, nowSecs(), body));
    }

    Answer wait(QNetworkReply* reply)
    {
        Answer answer;
        QObject::connect(reply, &QNetworkReply::finished, this,
            [&] { answer.storedWhenAnswered = storedCount(); });
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(10000))
                qWarning("no answer from the receiver");
        }
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_db = std::make_unique<Store::Database>(
            m_dir.filePath(QStringLiteral("cache.sqlite")), m_clock);
        QVERIFY(m_db->open().ok);
        m_inbox = std::make_unique<Inbox>(*m_db, m_clock);
        m_receiver = std::make_unique<EventReceiver>(*m_inbox, m_clock);
        m_key = *decodeSigningSecret(generateSigningSecret());
        m_receiver->setSigningKey(m_key);
        ReceiverOptions options;
        options.maxBodyBytes = 4096;
        QString error;
        QVERIFY2(m_receiver->listen(options, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_receiver.reset();
        m_inbox.reset();
        m_db.reset();
    }

    void listensOnLoopbackByDefault()
    {
        QVERIFY(m_receiver->isListening());
        QCOMPARE(m_receiver->url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_receiver->url().port() > 0);
    }

    void acceptedEventIsStoredBeforeTheAnswer()
    {
        QSignalSpy answered(m_receiver.get(), &EventReceiver::requestAnswered);
        const Answer answer = wait(postSigned(signUp, "msg_accept"));
        QCOMPARE(answer.status, 202);
        QCOMPARE(
            answer.body.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(answer.storedWhenAnswered, 1);
        const qint64 seq = answer.body.value(QStringLiteral("seq")).toInteger();
        const std::optional<InboxEvent> stored = m_inbox->event(seq);
        QVERIFY(stored);
        QCOMPARE(stored->event.webhookId, QStringLiteral("msg_accept"));
        QCOMPARE(stored->event.type, QStringLiteral("user.signed_up"));
        QCOMPARE(stored->event.userId, QStringLiteral("u_1"));
        QCOMPARE(stored->event.source, QStringLiteral("http"));
        QCOMPARE(stored->event.timestampSecs, nowSecs());
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.first().first().toInt(), 202);
    }

    void sameIdAgainAnswers200AndStoresOnce()
    {
        const Answer first = wait(postSigned(signUp, "msg_twice"));
        QCOMPARE(first.status, 202);
        const Answer second = wait(postSigned(signUp, "msg_twice"));
        QCOMPARE(second.status, 200);
        QCOMPARE(
            second.body.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(second.body.value(QStringLiteral("seq")), first.body.value(QStringLiteral("seq")));
        QCOMPARE(storedCount(), 1);
        QCOMPARE(m_inbox->pending(10).size(), 1);
    }

    void refusedSignaturesStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<qint64>("skewSecs");
        QTest::addColumn<bool>("withId");
        QTest::addColumn<QString>("reason");
        QTest::newRow("bad signature")
            << QByteArrayLiteral("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") << qint64(0)
            << true << "does not match";
        QTest::newRow("stale") << QByteArray() << qint64(-301) << true << "too old";
        QTest::newRow("future") << QByteArray() << qint64(301) << true << "future";
        QTest::newRow("missing id") << QByteArray() << qint64(0) << false << "missing";
    }

    void refusedSignaturesStoreNothing()
    {
        QFETCH(QByteArray, signature);
        QFETCH(qint64, skewSecs);
        QFETCH(bool, withId);
        QFETCH(QString, reason);
        const qint64 timestamp = nowSecs() + skewSecs;
        if (signature.isEmpty())
            signature = signStandardWebhook(m_key, "msg_refused", timestamp, signUp);
        const Answer answer = wait(post(signUp,
            withId ? QByteArrayLiteral("msg_refused") : QByteArray(), timestamp, signature));
        QCOMPARE(answer.status, 401);
        QVERIFY2(answer.body.value(QStringLiteral("error")).toString().contains(reason),
            qPrintable(answer.body.value(QStringLiteral("error")).toString()));
        QCOMPARE(m_inbox->count(), 0);
    }

    void signedWithAnotherSecretIsRefused()
    {
        const QByteArray other = *decodeSigningSecret(generateSigningSecret());
        const Answer answer = wait(post(signUp, "msg_other", nowSecs(),
            signStandardWebhook(other, "msg_other", nowSecs(), signUp)));
        QCOMPARE(answer.status, 401);
        QCOMPARE(m_inbox->count(), 0);
    }

    void badEventsAnswer400WithTheReason_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("malformed")
            << QByteArrayLiteral(R"({"type":"user.signed_up")") << "malformed JSON";
        QTest::newRow("unknown type")
            << QByteArrayLiteral(R"({"type":"user.signup","data":{"id":"u"}})")
            << "unknown event type 'user.signup'";
        QTest::newRow("schema") << QByteArrayLiteral(
            R"({"type":"note.created","data":{"userId":"u"}})")
                                << "data.body: required";
    }

    void badEventsAnswer400WithTheReason()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const Answer answer = wait(postSigned(body, "msg_bad"));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.body.value(QStringLiteral("error")).toString().contains(reason), true);
        QCOMPARE(m_inbox->count(), 0);
    }

    void oversizeBodyAnswers413()
    {
        QByteArray body = signUp;
        body.insert(body.size() - 2, QByteArray(",\"padding\":\"") + QByteArray(8000, 'x') + '"');
        const Answer answer = wait(postSigned(body, "msg_big"));
        QCOMPARE(answer.status, 413);
        QCOMPARE(m_inbox->count(), 0);
    }

    // The answer comes from the announced length alone: the body is never sent.
    void oversizeIsRefusedFromTheHead()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_receiver->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: 1000000000\r\n\r\n{\"type\":");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n{"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("larger than 4096 bytes"));
        QCOMPARE(m_inbox->count(), 0);
    }

    void otherPathsAndMethods()
    {
        const QByteArray signature = signStandardWebhook(m_key, "msg_path", nowSecs(), signUp);
        const Answer missing
            = wait(post(signUp, "msg_path", nowSecs(), signature, QStringLiteral("/event")));
        QCOMPARE(missing.status, 404);
        QUrl url = m_receiver->url();
        url.setPath(QStringLiteral("/events"));
        const Answer get = wait(m_network.get(QNetworkRequest(url)));
        QCOMPARE(get.status, 405);
        QCOMPARE(m_inbox->count(), 0);
    }

    // The UI turns the receiver off and on again.
    void closesAndListensAgain()
    {
        QCOMPARE(wait(postSigned(signUp, "msg_before")).status, 202);
        const QUrl before = m_receiver->url();
        m_receiver->close();
        QVERIFY(!m_receiver->isListening());
        QVERIFY(m_receiver->url().isEmpty());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(before.port()));
        QVERIFY(!probe.waitForConnected(2000));

        ReceiverOptions options;
        options.port = quint16(before.port());
        QString error;
        QVERIFY2(m_receiver->listen(options, &error), qPrintable(error));
        QCOMPARE(m_receiver->url(), before);
        QCOMPARE(wait(postSigned(signUp, "msg_after")).status, 202);
        QCOMPARE(wait(postSigned(signUp, "msg_before")).status, 200);
        QCOMPARE(storedCount(), 2);
    }

    void concurrentEventsShareCommitsAndAllAreStored()
    {
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 60; ++i) {
            const QByteArray body = appEventBody(QStringLiteral("note.created"),
                {{QStringLiteral("userId"), QStringLiteral("u_%1").arg(i % 4)},
                    {QStringLiteral("body"), QStringLiteral("note %1").arg(i)}});
            replies.append(postSigned(body, "msg_many_" + QByteArray::number(i)));
        }
        QSet<qint64> seqs;
        for (QNetworkReply* reply : replies) {
            const Answer answer = wait(reply);
            QCOMPARE(answer.status, 202);
            seqs.insert(answer.body.value(QStringLiteral("seq")).toInteger());
        }
        QCOMPARE(seqs.size(), 60);
        QCOMPARE(storedCount(), 60);
    }
};

QTEST_GUILESS_MAIN(TestEventReceiver)
#include "tst_eventreceiver.moc"
