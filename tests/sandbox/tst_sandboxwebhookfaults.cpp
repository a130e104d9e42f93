// The sandbox's webhook fault rules: drop, duplicate delivery, delay, out of order, bad
// signature, each against a local receiver.
#include "sandboxtesthelpers.h"
#include "webhooktestreceiver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace ContactDesk::Testing;

class TestSandboxWebhookFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultDropLosesTheEvent();
    void faultDuplicateDeliversTwice();
    void faultLatencyDelays();
    void faultOutOfOrderSwapsWithTheNext();
    void faultBadSignatureFailsVerification();
};

void TestSandboxWebhookFaults::faultDropLosesTheEvent()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    const QString id = createContact(fx, QStringLiteral("drop@example.com"));
    QTRY_COMPARE(receiver.received().size(), 1);
    addFault(fx, R"({"target": "webhook", "kind": "drop", "event": "ContactUpdate", "count": 1})");
    rename(fx, id, QStringLiteral("Lost"));
    QTRY_COMPARE(
        lastDelivery(fx).value(QStringLiteral("state")).toString(), QStringLiteral("dropped"));
    QCOMPARE(lastDelivery(fx).value(QStringLiteral("fault")).toString(), QStringLiteral("drop"));
    rename(fx, id, QStringLiteral("Found"));
    QTRY_COMPARE(receiver.received().size(), 2);
    QCOMPARE(receiver.received().last().json.value(QStringLiteral("firstName")).toString(),
        QStringLiteral("Found"));
    // The API itself is not faulted by a webhook rule.
    addFault(fx, R"({"target": "webhook", "kind": "drop"})");
    CHECK_STATUS(fx.api("GET", QStringLiteral("/contacts/") + id), 200);
}

void TestSandboxWebhookFaults::faultDuplicateDeliversTwice()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    addFault(fx, R"({"target": "webhook", "kind": "duplicate", "count": 1})");
    createContact(fx, QStringLiteral("twice@example.com"));
    QTRY_COMPARE(receiver.received().size(), 2);
    QCOMPARE(receiver.received().at(1).body, receiver.received().at(0).body);
    QCOMPARE(receiver.received().at(1).webhookId(), receiver.received().at(0).webhookId());
    QTest::qWait(100);
    QCOMPARE(receiver.received().size(), 2);
}

void TestSandboxWebhookFaults::faultLatencyDelays()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    addFault(fx, R"({"target": "webhook", "kind": "latency", "latencyMs": 400, "count": 1})");
    QElapsedTimer timer;
    timer.start();
    createContact(fx, QStringLiteral("late@example.com"));
    QTest::qWait(200);
    QCOMPARE(receiver.received().size(), 0);
    QTRY_COMPARE(receiver.received().size(), 1);
    QVERIFY(timer.elapsed() >= 400);
}

void TestSandboxWebhookFaults::faultOutOfOrderSwapsWithTheNext()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    const QString id = createContact(fx, QStringLiteral("order@example.com"));
    QTRY_COMPARE(receiver.received().size(), 1);
    addFault(fx, R"({"target": "webhook", "kind": "out-of-order", "count": 1})");
    rename(fx, id, QStringLiteral("First"));
    rename(fx, id, QStringLiteral("Second"));
    QTRY_COMPARE(receiver.received().size(), 3);
    QCOMPARE(receiver.received().at(1).json.value(QStringLiteral("firstName")).toString(),
        QStringLiteral("Second"));
    QCOMPARE(receiver.received().at(2).json.value(QStringLiteral("firstName")).toString(),
        QStringLiteral("First"));

    // With no successor, the held event still goes after a while.
    addFault(fx, R"({"target": "webhook", "kind": "out-of-order", "latencyMs": 200, "count": 1})");
    rename(fx, id, QStringLiteral("Alone"));
    QTRY_COMPARE(receiver.received().size(), 4);
}

void TestSandboxWebhookFaults::faultBadSignatureFailsVerification()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    const QJsonObject keys = fx.control("GET", QStringLiteral("/__sandbox/info"))
                                 .object()
                                 .value(QStringLiteral("webhookPublicKeys"))
                                 .toObject();
    addFault(fx, R"({"target": "webhook", "kind": "bad-signature", "count": 1})");
    createContact(fx, QStringLiteral("forged@example.com"));
    createContact(fx, QStringLiteral("genuine@example.com"));
    QTRY_COMPARE(receiver.received().size(), 2);
    const QByteArray rsa = keys.value(QStringLiteral("rsa")).toString().toLatin1();
    const QByteArray ed = keys.value(QStringLiteral("ed25519")).toString().toLatin1();
    const ReceivedWebhook& forged = receiver.received().at(0);
    QVERIFY(!forged.headers.value("x-wh-signature").isEmpty());
    QVERIFY(!verifySignature(rsa, forged.body, forged.headers.value("x-wh-signature")).isEmpty());
    QVERIFY(!verifySignature(ed, forged.body, forged.headers.value("x-ghl-signature")).isEmpty());
    QVERIFY(validateWebhook(forged.json).isEmpty());
    const ReceivedWebhook& genuine = receiver.received().at(1);
    QVERIFY(verifySignature(rsa, genuine.body, genuine.headers.value("x-wh-signature")).isEmpty());
    QVERIFY(verifySignature(ed, genuine.body, genuine.headers.value("x-ghl-signature")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxWebhookFaults)
#include "tst_sandboxwebhookfaults.moc"
