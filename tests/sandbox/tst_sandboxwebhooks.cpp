// The sandbox's HighLevel webhooks: every change, whoever made it, delivered signed to a local
// receiver with a payload the official schemas accept; retries on 429 only; the webhook faults.
#include "sandboxtesthelpers.h"
#include "webhooktestreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

using namespace ContactDesk::Testing;

class TestSandboxWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infoPublishesBothPublicKeys();
    void everyEventTypeArrivesSignedAndSchemaValid();
    void seedingAndResetSendNothing();
    void bulkEditsAndUpsertsReachTheContactsTheyChange();
    void retriesOnlyOn429();
    void givesUpOn500();
    void deliveryListPagesAndForgets();
    void badSettingsAreRefused();
    void standaloneWebhookUrlOption();
};

void TestSandboxWebhooks::infoPublishesBothPublicKeys()
{
    SandboxFixture fx;
    const QJsonObject keys = fx.control("GET", QStringLiteral("/__sandbox/info"))
                                 .object()
                                 .value(QStringLiteral("webhookPublicKeys"))
                                 .toObject();
    const QByteArray rsa = keys.value(QStringLiteral("rsa")).toString().toLatin1();
    const QByteArray ed = keys.value(QStringLiteral("ed25519")).toString().toLatin1();
    QVERIFY(rsa.startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(ed.startsWith("-----BEGIN PUBLIC KEY-----"));
    QCOMPARE(describeKey(rsa), QStringLiteral("RSA 2048"));
    QCOMPARE(describeKey(ed), QStringLiteral("ED25519 256"));
    // The same keys for the sandbox's whole life.
    const QJsonObject again = fx.control("GET", QStringLiteral("/__sandbox/info"))
                                  .object()
                                  .value(QStringLiteral("webhookPublicKeys"))
                                  .toObject();
    QCOMPARE(again, keys);
}

void TestSandboxWebhooks::everyEventTypeArrivesSignedAndSchemaValid()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);

    // API client changes.
    const QString id = createContact(fx, QStringLiteral("hooks@example.com"));
    QVERIFY(!id.isEmpty());
    const QString one = QStringLiteral("/contacts/") + id;
    CHECK_STATUS(fx.api("PUT", one, json(R"({"city": "Leeds"})")), 200);
    CHECK_STATUS(fx.api("POST", one + QStringLiteral("/tags"), json(R"({"tags": ["vip"]})")), 201);
    CHECK_STATUS(
        fx.api("PUT", one, json(R"({"dnd": true, "dndSettings": {"SMS": {"status": "active"}}})")),
        200);
    const HttpResult task = fx.api("POST", one + QStringLiteral("/tasks"),
        json(R"({"title": "Call back", "dueDate": "2026-11-05T15:00:00Z", "completed": false})"));
    CHECK_STATUS(task, 201);
    const QString taskPath = one + QStringLiteral("/tasks/")
        + task.object()
              .value(QStringLiteral("task"))
              .toObject()
              .value(QStringLiteral("id"))
              .toString();
    CHECK_STATUS(
        fx.api("PUT", taskPath + QStringLiteral("/completed"), json(R"({"completed": true})")),
        200);
    CHECK_STATUS(fx.api("DELETE", taskPath), 200);
    const HttpResult note
        = fx.api("POST", one + QStringLiteral("/notes"), json(R"({"body": "Met at the fair"})"));
    CHECK_STATUS(note, 201);
    const QString notePath = one + QStringLiteral("/notes/")
        + note.object()
              .value(QStringLiteral("note"))
              .toObject()
              .value(QStringLiteral("id"))
              .toString();
    CHECK_STATUS(fx.api("PUT", notePath, json(R"({"body": "Met at the spring fair"})")), 200);
    CHECK_STATUS(fx.api("DELETE", notePath), 200);

    // Another user, through the control API.
    const QString control = QStringLiteral("/__sandbox/contacts/") + id;
    const HttpResult booked = fx.control("POST", control + QStringLiteral("/appointments"),
        json(R"({"title": "Demo", "startTime": "2026-12-09T10:00:00+01:00",
                 "endTime": "2026-12-09T10:30:00+01:00", "users": ["u1"]})"));
    QCOMPARE(booked.status, 201);
    const QString appointment = control + QStringLiteral("/appointments/")
        + booked.object()
              .value(QStringLiteral("appointment"))
              .toObject()
              .value(QStringLiteral("id"))
              .toString();
    QCOMPARE(fx.control("PATCH", appointment, json(R"({"appointmentStatus": "cancelled"})")).status,
        200);
    QCOMPARE(fx.control("DELETE", appointment).status, 200);
    rename(fx, id, QStringLiteral("Augusta"));
    QCOMPARE(fx.control("DELETE", control).status, 200);

    const QStringList expected {QStringLiteral("ContactCreate"), QStringLiteral("ContactUpdate"),
        QStringLiteral("ContactTagUpdate"), QStringLiteral("ContactDndUpdate"),
        QStringLiteral("TaskCreate"), QStringLiteral("TaskComplete"), QStringLiteral("TaskDelete"),
        QStringLiteral("NoteCreate"), QStringLiteral("NoteUpdate"), QStringLiteral("NoteDelete"),
        QStringLiteral("AppointmentCreate"), QStringLiteral("AppointmentUpdate"),
        QStringLiteral("AppointmentDelete"), QStringLiteral("ContactUpdate"),
        QStringLiteral("ContactDelete")};
    QTRY_COMPARE_WITH_TIMEOUT(receiver.types(), expected, 10000);

    const QJsonObject keys = fx.control("GET", QStringLiteral("/__sandbox/info"))
                                 .object()
                                 .value(QStringLiteral("webhookPublicKeys"))
                                 .toObject();
    QSet<QString> webhookIds;
    for (const ReceivedWebhook& webhook : receiver.received()) {
        const QString problems = validateWebhook(webhook.json);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(webhook.json.value(QStringLiteral("locationId")).toString(), fx.locationId());
        QCOMPARE(
            webhook.json.value(QStringLiteral("appId")).toString(), fx.data().oauthApp().appId);
        QCOMPARE(webhook.json.value(QStringLiteral("versionId")).toString(),
            fx.data().oauthApp().versionId);
        QVERIFY(!webhook.json.value(QStringLiteral("timestamp")).toString().isEmpty());
        webhookIds.insert(webhook.webhookId());
        QCOMPARE(webhook.headers.value("content-type"), QByteArray("application/json"));
        const QString rsa = verifySignature(keys.value(QStringLiteral("rsa")).toString().toLatin1(),
            webhook.body, webhook.headers.value("x-wh-signature"));
        QVERIFY2(rsa.isEmpty(), qPrintable(webhook.type() + u' ' + rsa));
        const QString ed
            = verifySignature(keys.value(QStringLiteral("ed25519")).toString().toLatin1(),
                webhook.body, webhook.headers.value("x-ghl-signature"));
        QVERIFY2(ed.isEmpty(), qPrintable(webhook.type() + u' ' + ed));
        // Re-serialised JSON is other bytes: the signature is over the raw body only.
        const QByteArray reserialised = QJsonDocument(webhook.json).toJson();
        QVERIFY(!verifySignature(keys.value(QStringLiteral("rsa")).toString().toLatin1(),
            reserialised, webhook.headers.value("x-wh-signature"))
                     .isEmpty());
    }
    QCOMPARE(webhookIds.size(), expected.size());

    // What each carries.
    const QList<ReceivedWebhook>& got = receiver.received();
    QCOMPARE(got.at(0).json.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(got.at(0).json.value(QStringLiteral("email")).toString(),
        QStringLiteral("hooks@example.com"));
    QCOMPARE(got.at(1).json.value(QStringLiteral("city")).toString(), QStringLiteral("Leeds"));
    QCOMPARE(strings(got.at(2).json.value(QStringLiteral("tags"))), QStringList {str("vip")});
    QCOMPARE(got.at(3).json.value(QStringLiteral("dnd")).toBool(), true);
    QCOMPARE(got.at(3)
                 .json.value(QStringLiteral("dndSettings"))
                 .toObject()
                 .value(QStringLiteral("SMS"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("active"));
    QCOMPARE(got.at(4).json.value(QStringLiteral("title")).toString(), QStringLiteral("Call back"));
    QCOMPARE(got.at(4).json.value(QStringLiteral("contactId")).toString(), id);
    QVERIFY(!got.at(5).json.contains(QStringLiteral("completed")));
    QCOMPARE(got.at(8).json.value(QStringLiteral("body")).toString(),
        QStringLiteral("Met at the spring fair"));
    QCOMPARE(got.at(11)
                 .json.value(QStringLiteral("appointment"))
                 .toObject()
                 .value(QStringLiteral("appointmentStatus"))
                 .toString(),
        QStringLiteral("cancelled"));
    QCOMPARE(
        got.at(13).json.value(QStringLiteral("firstName")).toString(), QStringLiteral("Augusta"));
    QCOMPARE(
        got.at(14).json.value(QStringLiteral("firstName")).toString(), QStringLiteral("Augusta"));

    // The control API lists them, all delivered once.
    const QJsonArray listed = deliveries(fx).value(QStringLiteral("deliveries")).toArray();
    QCOMPARE(listed.size(), expected.size());
    for (const QJsonValue& delivery : listed) {
        QCOMPARE(delivery[QStringLiteral("state")].toString(), QStringLiteral("delivered"));
        QCOMPARE(delivery[QStringLiteral("attempts")].toInt(), 1);
        QCOMPARE(delivery[QStringLiteral("status")].toInt(), 200);
    }
}

void TestSandboxWebhooks::seedingAndResetSendNothing()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    QCOMPARE(
        fx.control("POST", QStringLiteral("/__sandbox/seed"), json(R"({"contacts": 5})")).status,
        201);
    QCOMPARE(fx.control("POST", QStringLiteral("/__sandbox/reset")).status, 200);
    const QString id = createContact(fx, QStringLiteral("after@example.com"));
    QTRY_COMPARE(receiver.types(), QStringList {str("ContactCreate")});
    QCOMPARE(receiver.received().first().json.value(QStringLiteral("id")).toString(), id);
    // Reads change nothing.
    CHECK_STATUS(fx.api("GET", QStringLiteral("/contacts/") + id), 200);
    QTest::qWait(100);
    QCOMPARE(receiver.received().size(), 1);
}

void TestSandboxWebhooks::bulkEditsAndUpsertsReachTheContactsTheyChange()
{
    SandboxFixture fx(20);
    WebhookReceiver receiver;
    target(fx, receiver);
    const QString a = createContact(fx, QStringLiteral("bulk-a@example.com"));
    const QString b = createContact(fx, QStringLiteral("bulk-b@example.com"));
    QTRY_COMPARE(receiver.received().size(), 2);

    QJsonObject body {{QStringLiteral("locationId"), fx.locationId()},
        {QStringLiteral("contacts"), QJsonArray {a, b}},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("bulk")}}};
    CHECK_STATUS(fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/add"), body), 201);
    QTRY_COMPARE(receiver.received().size(), 4);
    QSet<QString> tagged;
    for (qsizetype i = 2; i < 4; ++i) {
        QCOMPARE(receiver.received().at(i).type(), QStringLiteral("ContactTagUpdate"));
        tagged.insert(receiver.received().at(i).json.value(QStringLiteral("id")).toString());
    }
    QCOMPARE(tagged, (QSet<QString> {a, b}));

    // An upsert that finds the contact updates it; one that finds none creates one.
    QJsonObject upsert = json(R"({"email": "bulk-a@example.com", "city": "York"})");
    upsert.insert(QStringLiteral("locationId"), fx.locationId());
    CHECK_STATUS(fx.api("POST", QStringLiteral("/contacts/upsert"), upsert), 200);
    upsert.insert(QStringLiteral("email"), QStringLiteral("bulk-new@example.com"));
    CHECK_STATUS(fx.api("POST", QStringLiteral("/contacts/upsert"), upsert), 200);
    QTRY_COMPARE(receiver.received().size(), 6);
    QCOMPARE(receiver.received().at(4).type(), QStringLiteral("ContactUpdate"));
    QCOMPARE(receiver.received().at(4).json.value(QStringLiteral("id")).toString(), a);
    QCOMPARE(receiver.received().at(5).type(), QStringLiteral("ContactCreate"));
    QCOMPARE(receiver.received().at(5).json.value(QStringLiteral("email")).toString(),
        QStringLiteral("bulk-new@example.com"));

    // A search is a POST that changes nothing.
    CHECK_STATUS(fx.api("POST", QStringLiteral("/contacts/search"),
                     QJsonObject {{QStringLiteral("locationId"), fx.locationId()},
                         {QStringLiteral("pageLimit"), 10}}),
        200);
    QTest::qWait(100);
    QCOMPARE(receiver.received().size(), 6);
}

void TestSandboxWebhooks::retriesOnlyOn429()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    receiver.answer({429, 429});
    target(fx, receiver, 100);
    createContact(fx, QStringLiteral("busy@example.com"));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.received().size(), 3, 5000);
    const QList<ReceivedWebhook>& got = receiver.received();
    // The same event each time, byte for byte, after the interval.
    QCOMPARE(got.at(1).body, got.at(0).body);
    QCOMPARE(got.at(2).body, got.at(0).body);
    QVERIFY(got.at(1).receivedAtMs - got.at(0).receivedAtMs >= 90);
    QTRY_COMPARE(
        lastDelivery(fx).value(QStringLiteral("state")).toString(), QStringLiteral("delivered"));
    QCOMPARE(lastDelivery(fx).value(QStringLiteral("attempts")).toInt(), 3);
    QTest::qWait(300);
    QCOMPARE(receiver.received().size(), 3);
}

void TestSandboxWebhooks::givesUpOn500()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    receiver.answer({500});
    target(fx, receiver, 20);
    createContact(fx, QStringLiteral("broken@example.com"));
    QTRY_COMPARE(
        lastDelivery(fx).value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(lastDelivery(fx).value(QStringLiteral("status")).toInt(), 500);
    QTest::qWait(300);
    QCOMPARE(receiver.received().size(), 1);
    // The next event is delivered: a failure loses only its own.
    createContact(fx, QStringLiteral("next@example.com"));
    QTRY_COMPARE(receiver.received().size(), 2);
}

void TestSandboxWebhooks::deliveryListPagesAndForgets()
{
    SandboxFixture fx;
    WebhookReceiver receiver;
    target(fx, receiver);
    createContact(fx, QStringLiteral("one@example.com"));
    createContact(fx, QStringLiteral("two@example.com"));
    createContact(fx, QStringLiteral("three@example.com"));
    QTRY_COMPARE(receiver.received().size(), 3);
    QTRY_COMPARE(
        lastDelivery(fx).value(QStringLiteral("state")).toString(), QStringLiteral("delivered"));
    const QJsonObject all = deliveries(fx);
    QCOMPARE(all.value(QStringLiteral("lastSeq")).toInteger(), 3);
    const QJsonArray later = fx.control("GET", QStringLiteral("/__sandbox/webhooks?since=1"))
                                 .object()
                                 .value(QStringLiteral("deliveries"))
                                 .toArray();
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.at(0)[QStringLiteral("seq")].toInteger(), 2);
    QCOMPARE(later.at(0)[QStringLiteral("payload")][QStringLiteral("email")].toString(),
        QStringLiteral("two@example.com"));
    QCOMPARE(
        later.at(0)[QStringLiteral("webhookId")].toString(), receiver.received().at(1).webhookId());
    QCOMPARE(fx.control("GET", QStringLiteral("/__sandbox/webhooks?since=x")).status, 422);

    // Forgetting keeps the numbering: the next event is seq 4.
    QCOMPARE(fx.control("DELETE", QStringLiteral("/__sandbox/webhooks")).status, 200);
    QCOMPARE(deliveries(fx).value(QStringLiteral("deliveries")).toArray().size(), 0);
    createContact(fx, QStringLiteral("four@example.com"));
    QTRY_COMPARE(receiver.received().size(), 4);
    QCOMPARE(lastDelivery(fx).value(QStringLiteral("seq")).toInteger(), 4);

    // Turning delivery off stops it.
    QCOMPARE(
        fx.control("PUT", QStringLiteral("/__sandbox/webhooks"), json(R"({"url": ""})")).status,
        200);
    createContact(fx, QStringLiteral("five@example.com"));
    QTest::qWait(200);
    QCOMPARE(receiver.received().size(), 4);
}

void TestSandboxWebhooks::badSettingsAreRefused()
{
    SandboxFixture fx;
    const auto put = [&](const QByteArray& body) {
        return fx.control("PUT", QStringLiteral("/__sandbox/webhooks"), json(body));
    };
    HttpResult result = put(R"({"url": "ftp://example.com/hook"})");
    QCOMPARE(result.status, 422);
    QVERIFY(messageText(result).contains(QStringLiteral("http or https")));
    QCOMPARE(put(R"({"retryIntervalMs": -5})").status, 422);
    QCOMPARE(put(R"({"maxAttempts": 0})").status, 422);
    QCOMPARE(deliveries(fx).value(QStringLiteral("url")).toString(), QString());
    result = fx.control("POST", QStringLiteral("/__sandbox/faults"),
        json(R"({"target": "webhook", "kind": "html-error"})"));
    QCOMPARE(result.status, 422);
    result
        = fx.control("POST", QStringLiteral("/__sandbox/faults"), json(R"({"kind": "duplicate"})"));
    QCOMPARE(result.status, 422);
    QVERIFY(messageText(result).contains(QStringLiteral("webhook")));
    // A test webhook needs a target.
    createContact(fx, QStringLiteral("test@example.com"));
    QCOMPARE(fx.control("POST", QStringLiteral("/__sandbox/webhooks/test")).status, 422);
    WebhookReceiver receiver;
    target(fx, receiver);
    QCOMPARE(fx.control("POST", QStringLiteral("/__sandbox/webhooks/test")).status, 202);
    QTRY_COMPARE(receiver.types(), QStringList {str("ContactUpdate")});
}

void TestSandboxWebhooks::standaloneWebhookUrlOption()
{
    WebhookReceiver receiver;
    QProcess process;
    receiver.answer({429});
    process.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        {QStringLiteral("--webhook-url"), receiver.url().toString(),
            QStringLiteral("--webhook-retry-ms"), QStringLiteral("100")});
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    const QJsonObject info = QJsonDocument::fromJson(process.readLine()).object();
    QVERIFY(!info.isEmpty());

    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(info[QStringLiteral("baseUrl")].toString() + QStringLiteral("/__sandbox/contacts")));
    request.setRawHeader(
        "X-Sandbox-Admin-Key", info[QStringLiteral("adminKey")].toString().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(request, QByteArrayLiteral(R"({"firstName": "Standalone"})"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();
    // Answered 429 first, retried after --webhook-retry-ms.
    const QStringList twice {str("ContactCreate"), str("ContactCreate")};
    QTRY_COMPARE_WITH_TIMEOUT(receiver.types(), twice, 10000);
    QCOMPARE(receiver.received().at(1).body, receiver.received().at(0).body);
    QCOMPARE(receiver.received().first().json.value(QStringLiteral("firstName")).toString(),
        QStringLiteral("Standalone"));

    process.terminate();
    QVERIFY(process.waitForFinished(20000));

    QProcess bad;
    bad.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        {QStringLiteral("--webhook-url"), QStringLiteral("not a url")});
    QVERIFY(bad.waitForFinished(20000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("http or https"));
}

QTEST_GUILESS_MAIN(TestSandboxWebhooks)
#include "tst_sandboxwebhooks.moc"
