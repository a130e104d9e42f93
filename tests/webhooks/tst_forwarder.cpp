// Forwarding to Your App: signed sends checked by the Standard Webhooks reference library (node),
// back-off on 5xx and 429 (Retry-After) by the injected clock, dead letters (retry, discard),
// per-destination order, and what survives a restart.
#include "webhooks/forwarder.h"

#include "automation/standardwebhooks.h"
#include "fakeclock.h"
#include "forwardtestapp.h"
#include "store/database.h"
#include "webhooks/forwardqueue.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Webhooks;

namespace {

const QString secret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

// Exit code 0 when the reference library accepts the delivery.
int verifyWithReference(const ForwardTestApp::Delivery& delivery, const QString& key)
{
    static const QString script = QStringLiteral(R"JS(
const { Webhook } = require(process.argv[1] + "/standardwebhooks");
const [, , secret, id, timestamp, body, signature] = process.argv;
try {
    new Webhook(secret).verify(body, {"webhook-id": id, "webhook-timestamp": timestamp,
        "webhook-signature": signature});
} catch (e) { process.stderr.write(String(e)); process.exit(3); }
)JS");
    QProcess node;
    node.start(QStringLiteral("node"),
        {QStringLiteral("-e"), script, QStringLiteral(CONTACTDESK_NODE_MODULES), key,
            QString::fromLatin1(delivery.id), QString::fromLatin1(delivery.timestamp),
            QString::fromUtf8(delivery.body), QString::fromLatin1(delivery.signature)});
    if (!node.waitForFinished(30000))
        return -1;
    if (node.exitCode() != 0)
        qWarning() << node.readAllStandardError();
    return node.exitCode();
}

ForwardEvent forwardEvent(const QString& name)
{
    return {QStringLiteral("contact.updated"), name,
        QByteArrayLiteral(R"({"type":"contact.updated","data":{"id":")") + name.toUtf8()
            + QByteArrayLiteral(R"("}})")};
}

// One workspace's queue and forwarder, opened (again) on the same file.
struct Rig
{
    Rig(const QString& path, Testing::FakeClock& clock, int maxAttempts = 3)
        : db(path, clock)
    {
        QVERIFY(db.open().ok);
        queue = std::make_unique<ForwardQueue>(db);
        ForwardOptions options;
        options.baseBackoffMs = 1000;
        options.maxAttempts = maxAttempts;
        forwarder = std::make_unique<Forwarder>(*queue, network, clock, options);
        forwarder->setJitterSource([] { return 0.0; });
        QVERIFY(forwarder->setSigningSecret(secret));
    }
    Store::Database db;
    QNetworkAccessManager network;
    std::unique_ptr<ForwardQueue> queue;
    std::unique_ptr<Forwarder> forwarder;
};

} // namespace

class TestForwarder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A missing reference library fails the run: the signatures are the point.
        QProcess probe;
        probe.start(QStringLiteral("node"), {QStringLiteral("--version")});
        QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0,
            "node is not installed (scripts/deps installs it)");
        QVERIFY2(QFile::exists(QStringLiteral(CONTACTDESK_NODE_MODULES "/standardwebhooks")),
            "tests/node/node_modules/standardwebhooks is missing (run scripts/deps)");
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_count));
        // The reference library checks the timestamp against the real time.
        m_clock.set(QDateTime::currentMSecsSinceEpoch());
        m_app = std::make_unique<ForwardTestApp>();
        QVERIFY(m_app->listen());
    }

    void backoffGrowsAndIsCapped()
    {
        ForwardOptions options;
        options.baseBackoffMs = 1000;
        options.maxBackoffMs = 5000;
        options.jitter = 0.2;
        QCOMPARE(forwardBackoffMs(options, 1, 0.0), 1000);
        QCOMPARE(forwardBackoffMs(options, 2, 0.0), 2000);
        QCOMPARE(forwardBackoffMs(options, 3, 0.0), 4000);
        QCOMPARE(forwardBackoffMs(options, 9, 0.0), 5000);
        QCOMPARE(forwardBackoffMs(options, 2, 1.0), 2400);
        QCOMPARE(forwardBackoffMs(options, 2, -1.0), 1600);
        QCOMPARE(forwardOutcome(204), ForwardOutcome::Delivered);
        QCOMPARE(forwardOutcome(503), ForwardOutcome::Retry);
        QCOMPARE(forwardOutcome(408), ForwardOutcome::Retry);
        QCOMPARE(forwardOutcome(429), ForwardOutcome::Retry);
        QCOMPARE(forwardOutcome(0), ForwardOutcome::Retry);
        QCOMPARE(forwardOutcome(404), ForwardOutcome::Dead);
        QCOMPARE(forwardOutcome(422), ForwardOutcome::Dead);
    }

    void signaturesVerifyWithTheReferenceLibrary()
    {
        Rig rig(m_path, m_clock);
        QVERIFY(
            rig.queue->enqueue(m_app->url(), forwardEvent(QStringLiteral("c1")), m_clock.nowMs()));
        QVERIFY(
            rig.queue->enqueue(m_app->url(), forwardEvent(QStringLiteral("c2")), m_clock.nowMs()));
        rig.forwarder->start();
        QTRY_COMPARE(m_app->deliveries().size(), 2);
        QTRY_COMPARE(rig.queue->pendingCount(), 0);
        for (const ForwardTestApp::Delivery& delivery : m_app->deliveries()) {
            QVERIFY(delivery.id.startsWith("msg_"));
            QCOMPARE(verifyWithReference(delivery, secret), 0);
        }
        // A body changed on the way, or another secret, fails the reference check.
        ForwardTestApp::Delivery tampered = m_app->deliveries().first();
        tampered.body.replace("c1", "c9");
        QCOMPARE(verifyWithReference(tampered, secret), 3);
        QCOMPARE(
            verifyWithReference(m_app->deliveries().first(),
                QStringLiteral("whsec_") + QString::fromLatin1(QByteArray(32, 'k').toBase64())),
            3);
    }

    void retriesBackOffByTheClock()
    {
        m_app->script({{503, {}}, {500, {}}, {429, "7"}, {200, {}}});
        Rig rig(m_path, m_clock, 5);
        QVERIFY(
            rig.queue->enqueue(m_app->url(), forwardEvent(QStringLiteral("c1")), m_clock.nowMs()));
        const qint64 start = m_clock.nowMs();
        rig.forwarder->start();
        QTRY_COMPARE(m_app->deliveries().size(), 1);
        QTRY_COMPARE(rig.queue->item(1)->lastStatus, 503);
        QCOMPARE(rig.queue->item(1)->nextAttemptAtMs, start + 1000);
        // Not before its time.
        m_clock.advance(999);
        rig.forwarder->wake();
        QTest::qWait(200);
        QCOMPARE(m_app->deliveries().size(), 1);
        m_clock.advance(1);
        rig.forwarder->wake();
        QTRY_COMPARE(m_app->deliveries().size(), 2);
        QTRY_COMPARE(rig.queue->item(1)->lastStatus, 500);
        QCOMPARE(rig.queue->item(1)->nextAttemptAtMs, m_clock.nowMs() + 2000);
        m_clock.advance(2000);
        rig.forwarder->wake();
        QTRY_COMPARE(m_app->deliveries().size(), 3);
        // 429 waits what Retry-After asks, not the back-off.
        QTRY_COMPARE(rig.queue->item(1)->lastStatus, 429);
        QCOMPARE(rig.queue->item(1)->nextAttemptAtMs, m_clock.nowMs() + 7000);
        m_clock.advance(7000);
        rig.forwarder->wake();
        QTRY_COMPARE(rig.queue->item(1)->state, ForwardState::Delivered);
        QCOMPARE(rig.queue->item(1)->attempts, 4);
        // Every attempt is the same event for Your App.
        for (const ForwardTestApp::Delivery& delivery : m_app->deliveries())
            QCOMPARE(delivery.id, m_app->deliveries().first().id);
    }

    void deadLettersRetryAndDiscard()
    {
        // c1 is refused at once; c2 fails every attempt; neither holds c3 back.
        m_app->script({{400, {}}, {503, {}}, {503, {}}, {503, {}}});
        Rig rig(m_path, m_clock);
        QSignalSpy changed(rig.queue.get(), &ForwardQueue::changed);
        for (const char* name : {"c1", "c2", "c3"})
            QVERIFY(rig.queue->enqueue(
                m_app->url(), forwardEvent(QString::fromLatin1(name)), m_clock.nowMs()));
        rig.forwarder->start();
        QTRY_COMPARE(rig.queue->item(1)->state, ForwardState::Dead);
        QCOMPARE(rig.queue->item(1)->attempts, 1);
        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE(rig.queue->item(2)->attempts, i + 1);
            QTRY_VERIFY(rig.queue->item(2)->state != ForwardState::InFlight);
            m_clock.advance(60000);
            rig.forwarder->wake();
        }
        QTRY_COMPARE(rig.queue->item(2)->state, ForwardState::Dead);
        QVERIFY(rig.queue->item(2)->lastError.contains(QStringLiteral("3 attempts")));
        QTRY_COMPARE(rig.queue->item(3)->state, ForwardState::Delivered);
        QCOMPARE(rig.queue->deadLetters().size(), 2);
        QVERIFY(changed.size() > 0);

        QVERIFY(rig.queue->retry(1));
        QTRY_COMPARE(rig.queue->item(1)->state, ForwardState::Delivered);
        QVERIFY(rig.queue->discard(2));
        QVERIFY(!rig.queue->item(2));
        QVERIFY(rig.queue->deadLetters().isEmpty());
        // Only dead letters can be retried or discarded.
        QVERIFY(!rig.queue->discard(3));
        QVERIFY(!rig.queue->retry(3));
    }

    void eachDestinationInOrder()
    {
        m_app->script({{503, {}}});
        Rig rig(m_path, m_clock);
        for (const char* name : {"c1", "c2", "c3"})
            QVERIFY(rig.queue->enqueue(
                m_app->url(), forwardEvent(QString::fromLatin1(name)), m_clock.nowMs()));
        rig.forwarder->start();
        QTRY_COMPARE(m_app->deliveries().size(), 1);
        // The failed head holds the others back.
        QTest::qWait(200);
        QCOMPARE(m_app->deliveries().size(), 1);
        m_clock.advance(1000);
        rig.forwarder->wake();
        QTRY_COMPARE(rig.queue->pendingCount(), 0);
        QStringList order;
        for (const ForwardTestApp::Delivery& delivery : m_app->deliveries())
            order.append(QString::fromUtf8(delivery.body).section(u'"', -2, -2));
        QCOMPARE(order,
            (QStringList {QStringLiteral("c1"), QStringLiteral("c1"), QStringLiteral("c2"),
                QStringLiteral("c3")}));
    }

    void aFailingDestinationHoldsOnlyItsOwnEvents()
    {
        ForwardTestApp other;
        QVERIFY(other.listen());
        m_app->script({{503, {}}});
        Rig rig(m_path, m_clock);
        QVERIFY(
            rig.queue->enqueue(m_app->url(), forwardEvent(QStringLiteral("a1")), m_clock.nowMs()));
        QVERIFY(
            rig.queue->enqueue(other.url(), forwardEvent(QStringLiteral("b1")), m_clock.nowMs()));
        QVERIFY(
            rig.queue->enqueue(m_app->url(), forwardEvent(QStringLiteral("a2")), m_clock.nowMs()));
        QVERIFY(
            rig.queue->enqueue(other.url(), forwardEvent(QStringLiteral("b2")), m_clock.nowMs()));
        rig.forwarder->start();
        // The other destination gets both of its events, in order, while the first backs off.
        QTRY_COMPARE(other.deliveries().size(), 2);
        QVERIFY(other.deliveries().at(0).body.contains("b1"));
        QVERIFY(other.deliveries().at(1).body.contains("b2"));
        QTRY_COMPARE(rig.queue->item(1)->lastStatus, 503);
        QCOMPARE(m_app->deliveries().size(), 1);
        m_clock.advance(1000);
        rig.forwarder->wake();
        QTRY_COMPARE(rig.queue->pendingCount(), 0);
        QCOMPARE(m_app->deliveries().size(), 3);
        QVERIFY(m_app->deliveries().at(1).body.contains("a1"));
        QVERIFY(m_app->deliveries().at(2).body.contains("a2"));
    }

    void survivesRestartWithoutSendingTwice()
    {
        {
            Rig rig(m_path, m_clock);
            for (const char* name : {"c1", "c2", "c3"})
                QVERIFY(rig.queue->enqueue(
                    m_app->url(), forwardEvent(QString::fromLatin1(name)), m_clock.nowMs()));
            // c1 delivered; c2 was on its way when the app died.
            QVERIFY(rig.queue->markInFlight(1));
            QVERIFY(rig.queue->markDelivered(1, 200, m_clock.nowMs()));
            QVERIFY(rig.queue->markInFlight(2));
        }
        Rig rig(m_path, m_clock);
        QCOMPARE(rig.queue->pendingCount(), 2);
        rig.forwarder->start();
        QTRY_COMPARE(rig.queue->pendingCount(), 0);
        QTest::qWait(100);
        QCOMPARE(m_app->deliveries().size(), 2);
        QVERIFY(m_app->deliveries().at(0).body.contains("c2"));
        QVERIFY(m_app->deliveries().at(1).body.contains("c3"));
        QCOMPARE(rig.queue->item(2)->attempts, 2);
    }

    void cleanup() { m_app.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    Testing::FakeClock m_clock;
    std::unique_ptr<ForwardTestApp> m_app;
};

QTEST_GUILESS_MAIN(TestForwarder)
#include "tst_forwarder.moc"
