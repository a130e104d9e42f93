// HighLevel's webhooks applied to a workspace's cache against the in-process sandbox: full
// payloads written, partial ones re-fetched, deletes, and duplicate, out-of-order and stale
// deliveries that leave the cache right; then the /hooks/highlevel route over HTTP.

#include "api/contactsapi.h"
#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "common/clock.h"
#include "sandboxtesthelpers.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "synctesthelpers.h"
#include "webhooks/highlevelreceiver.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookledger.h"
#include "webhooktestkeys.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using namespace ContactDesk::Webhooks;

class TestWebhookApplier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(3);
        unlimited(*m_fx);
        m_h = std::make_unique<SyncHarness>(*m_fx);
        QVERIFY(m_h->sync().ok);
        QCOMPARE(m_h->ws().cache().count(), 3);
        m_api = std::make_unique<Api::ContactsApi>(
            m_h->ws().client(), Api::Priority::Background, Api::RequestCause::Webhook);
        m_ledger = std::make_unique<WebhookLedger>(m_h->ws().database());
        m_applier = std::make_unique<WebhookApplier>(
            m_h->ws().cache(), m_h->ws().children(), *m_api, *m_ledger, m_fx->clock());
        HighLevelVerifier verifier;
        verifier.setRsaKey(PublicKey::fromPem(m_rsa.publicPem()));
        verifier.setEd25519Key(PublicKey::fromPem(m_ed.publicPem()));
        HighLevelReceiverOptions options;
        options.policy.locationId = m_fx->locationId();
        options.policy.clientId = QStringLiteral("app1-abc");
        m_receiver = std::make_unique<HighLevelReceiver>(
            verifier, *m_ledger, m_applier.get(), m_fx->clock(), options);
        m_id = m_h->ws().cache().allServerIds().first();
        // Webhooks are stamped from the cached contact's dateUpdated, and the clock stands there.
        m_base = m_h->ws().cache().contact(m_id)->dateUpdated.toMSecsSinceEpoch();
        QVERIFY(m_base > 0);
        m_fx->clock().set(m_base);
    }

    void cleanup()
    {
        m_receiver.reset();
        m_applier.reset();
        m_ledger.reset();
        m_api.reset();
        m_h.reset();
        m_fx.reset();
    }

    void fullPayloadIsWritten()
    {
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Zed"})", 1000, "w1").status, 200);
        QVERIFY(waitIdle());
        const Api::Contact cached = *m_h->ws().cache().contact(m_id);
        QCOMPARE(cached.firstName, QStringLiteral("Zed"));
        QCOMPARE(cached.dateUpdated.toMSecsSinceEpoch(), m_base + 1000);
        QCOMPARE(m_ledger->outcome(QStringLiteral("w1"))->first, QStringLiteral("applied"));
    }

    void olderThanTheCacheIsIgnored()
    {
        const QString before = m_h->ws().cache().contact(m_id)->firstName;
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Old"})", -1000, "w1").status, 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, before);
        const auto outcome = m_ledger->outcome(QStringLiteral("w1"));
        QCOMPARE(outcome->first, QStringLiteral("ignored"));
        QVERIFY2(outcome->second.contains(QLatin1String("older")), qPrintable(outcome->second));
    }

    void outOfOrderLeavesTheNewest()
    {
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Newer"})", 2000, "w2").status, 200);
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Older"})", 1000, "w1").status, 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, QStringLiteral("Newer"));
        QCOMPARE(m_ledger->outcome(QStringLiteral("w1"))->first, QStringLiteral("ignored"));
    }

    void duplicateIsNotAppliedTwice()
    {
        // Same timestamp: only the webhookId tells the replay of w1 from a new event.
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"First"})", 1000, "w1").status, 200);
        QVERIFY(waitIdle());
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Second"})", 1000, "w2").status, 200);
        QVERIFY(waitIdle());
        const Automation::RouteAnswer again
            = deliver("ContactUpdate", R"({"firstName":"First"})", 1000, "w1");
        QCOMPARE(again.status, 200);
        QCOMPARE(QJsonDocument::fromJson(again.body)[QLatin1String("status")].toString(),
            QStringLiteral("duplicate"));
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, QStringLiteral("Second"));
    }

    void deleteRemovesAndALateUpdateDoesNotBringItBack()
    {
        QCOMPARE(deliver("ContactDelete", "{}", 2000, "w2").status, 200);
        QVERIFY(waitIdle());
        QVERIFY(!m_h->ws().cache().contact(m_id));
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Ghost"})", 1000, "w1").status, 200);
        QVERIFY(waitIdle());
        QVERIFY(!m_h->ws().cache().contact(m_id));
        QCOMPARE(m_h->ws().cache().count(), 2);
    }

    void partialPayloadRefetchesTheContact()
    {
        // Another user changes the tags on the server; the webhook's own list is not trusted.
        QJsonObject server = *m_fx->data().liveContact(m_id);
        server.insert(QStringLiteral("tags"), QJsonArray {QStringLiteral("from-server")});
        server.insert(QStringLiteral("dateUpdated"), isoUtc(m_base + 1500));
        m_fx->data().storeContact(server);
        m_h->exchanges.clear();
        QCOMPARE(
            deliver("ContactTagUpdate", R"({"tags":["from-payload"]})", 1000, "w1").status, 200);
        QVERIFY(waitIdle());
        QCOMPARE(
            m_h->ws().cache().contact(m_id)->tags, QStringList {QStringLiteral("from-server")});
        QCOMPARE(
            m_ledger->outcome(QStringLiteral("w1"))->second, QStringLiteral("contact re-fetched"));
        bool fetched = false;
        for (const Api::ApiExchange& exchange : std::as_const(m_h->exchanges))
            fetched |= exchange.method == "GET" && exchange.url.path().endsWith(m_id)
                && exchange.cause == Api::RequestCause::Webhook;
        QVERIFY(fetched);
    }

    void taskEventRefetchesTheTasks()
    {
        const HttpResult made = m_fx->api("POST", QStringLiteral("/contacts/%1/tasks").arg(m_id),
            json(
                R"({"title":"Call back","dueDate":"2027-01-05T10:00:00.000Z","completed":false})"));
        CHECK_STATUS(made, 201);
        const QString taskId = made.object()
                                   .value(QLatin1String("task"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
        QVERIFY(!taskId.isEmpty());
        QVERIFY(m_h->ws().children().tasks(m_id).isEmpty());
        QJsonObject event
            = QJsonDocument::fromJson(payload("TaskCreate", "{}", 1000, "w1")).object();
        event.insert(QStringLiteral("id"), taskId);
        event.insert(QStringLiteral("contactId"), m_id);
        const QByteArray raw = QJsonDocument(event).toJson(QJsonDocument::Compact);
        QCOMPARE(m_receiver->receive(signedHeaders(raw, true), raw).status, 200);
        QVERIFY(waitIdle());
        // The contact's whole list, as the sandbox has it, the new task among them.
        const QList<Api::Task> tasks = m_h->ws().children().tasks(m_id);
        QCOMPARE(tasks.size(), m_fx->data().tasks().value(m_id).size());
        const auto found = std::find_if(tasks.begin(), tasks.end(),
            [&taskId](const Api::Task& task) { return task.id == taskId; });
        QVERIFY(found != tasks.end());
        QCOMPARE(found->title, QStringLiteral("Call back"));
    }

    void acceptedDeliveriesSurviveARestart()
    {
        // Stored and answered 200, then the process ends before the applier ran.
        HighLevelVerifier verifier;
        verifier.setRsaKey(PublicKey::fromPem(m_rsa.publicPem()));
        HighLevelReceiverOptions options;
        options.policy.locationId = m_fx->locationId();
        HighLevelReceiver storeOnly(verifier, *m_ledger, nullptr, m_fx->clock(), options);
        const QByteArray raw = payload("ContactUpdate", R"({"firstName":"Kept"})", 1000, "w1");
        QCOMPARE(storeOnly.receive(signedHeaders(raw), raw).status, 200);
        m_applier.reset();
        m_receiver.reset();
        m_ledger.reset();
        m_api.reset();
        m_h->reopen();
        m_api = std::make_unique<Api::ContactsApi>(
            m_h->ws().client(), Api::Priority::Background, Api::RequestCause::Webhook);
        m_ledger = std::make_unique<WebhookLedger>(m_h->ws().database());
        QCOMPARE(m_ledger->pendingCount(), 1);
        m_applier = std::make_unique<WebhookApplier>(
            m_h->ws().cache(), m_h->ws().children(), *m_api, *m_ledger, m_fx->clock());
        m_applier->schedule();
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, QStringLiteral("Kept"));
    }

    void rejections()
    {
        const QByteArray raw = payload("ContactUpdate", R"({"firstName":"X"})", 0, "w1");
        // Bad signature: the bytes differ from what was signed.
        QByteArray altered = raw;
        altered.replace("\"X\"", "\"Y\"");
        QCOMPARE(m_receiver->receive(signedHeaders(raw), altered).status, 401);
        QCOMPARE(m_receiver->receive({}, raw).status, 401);
        // Outside the replay window.
        const QByteArray stale = payload("ContactUpdate", "{}", -301'000, "w2");
        QCOMPARE(m_receiver->receive(signedHeaders(stale), stale).status, 401);
        // Another location or app: answered, logged, not stored.
        QJsonObject other
            = QJsonDocument::fromJson(payload("ContactUpdate", "{}", 0, "w3")).object();
        other.insert(QStringLiteral("locationId"), QStringLiteral("elsewhere"));
        const QByteArray foreign = QJsonDocument(other).toJson(QJsonDocument::Compact);
        const Automation::RouteAnswer ignored
            = m_receiver->receive(signedHeaders(foreign), foreign);
        QCOMPARE(ignored.status, 200);
        QCOMPARE(QJsonDocument::fromJson(ignored.body)[QLatin1String("status")].toString(),
            QStringLiteral("ignored"));
        other.insert(QStringLiteral("locationId"), m_fx->locationId());
        other.insert(QStringLiteral("appId"), QStringLiteral("app2"));
        const QByteArray otherApp = QJsonDocument(other).toJson(QJsonDocument::Compact);
        QCOMPARE(m_receiver->receive(signedHeaders(otherApp), otherApp).status, 200);
        QVERIFY(!m_ledger->outcome(QStringLiteral("w3")));
        QVERIFY(!m_ledger->outcome(QStringLiteral("w1")));
        QVERIFY(!m_ledger->outcome(QStringLiteral("w2")));
        // Not a payload.
        QCOMPARE(m_receiver->receive(signedHeaders("[1]"), "[1]").status, 400);
    }

    void overTheBacklog429()
    {
        HighLevelReceiverOptions options;
        options.policy.locationId = m_fx->locationId();
        options.maxBacklog = 1;
        m_receiver->setOptions(options);
        // Nothing applies in between: the first waits, the second is refused, then retried.
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"A"})", 1000, "w1").status, 200);
        const Automation::RouteAnswer busy
            = deliver("ContactUpdate", R"({"firstName":"B"})", 2000, "w2");
        QCOMPARE(busy.status, 429);
        QVERIFY(!m_ledger->outcome(QStringLiteral("w2")));
        QVERIFY(waitIdle());
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"B"})", 2000, "w2").status, 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, QStringLiteral("B"));
    }

    void overHttpOnTheEventReceiver()
    {
        Automation::Inbox inbox(m_h->ws().database(), m_fx->clock());
        Automation::EventReceiver receiver(inbox, m_fx->clock());
        QVERIFY(m_receiver->install(receiver));
        QVERIFY(receiver.listen({}));
        QUrl url = receiver.url();
        url.setPath(QString(HighLevelReceiver::path));
        const QByteArray raw = payload("ContactUpdate", R"({"firstName":"Http"})", 1000, "w1");
        QCOMPARE(post(url, raw, signedHeaders(raw, true)), 200);
        QCOMPARE(post(url, raw, {{QByteArrayLiteral("x-ghl-signature"), m_ed.signBase64("other")}}),
            401);
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, QStringLiteral("Http"));
        // /events still answers as before (no signing key: 401).
        url.setPath(QStringLiteral("/events"));
        QCOMPARE(post(url, "{}", {}), 401);
    }

private:
    QByteArray payload(
        const char* type, const char* fields, qint64 offsetMs, const char* webhookId) const
    {
        QJsonObject object = QJsonDocument::fromJson(fields).object();
        object.insert(QStringLiteral("type"), QString::fromLatin1(type));
        object.insert(QStringLiteral("locationId"), m_fx->locationId());
        object.insert(QStringLiteral("id"), m_id);
        object.insert(QStringLiteral("appId"), QStringLiteral("app1"));
        object.insert(QStringLiteral("webhookId"), QString::fromLatin1(webhookId));
        object.insert(QStringLiteral("timestamp"), isoUtc(m_base + offsetMs));
        return QJsonDocument(object).toJson(QJsonDocument::Indented);
    }

    QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray& raw, bool ed = false) const
    {
        if (ed)
            return {{QByteArrayLiteral("x-ghl-signature"), m_ed.signBase64(raw)}};
        return {{QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(raw)}};
    }

    Automation::RouteAnswer deliver(
        const char* type, const char* fields, qint64 offsetMs, const char* webhookId)
    {
        const QByteArray raw = payload(type, fields, offsetMs, webhookId);
        return m_receiver->receive(signedHeaders(raw), raw);
    }

    bool waitIdle()
    {
        QDeadlineTimer deadline(20000);
        while (!(m_applier->isIdle() && m_ledger->pendingCount() == 0)) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    int post(const QUrl& url, const QByteArray& body,
        const QList<QPair<QByteArray, QByteArray>>& headers)
    {
        QNetworkRequest request(url);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply* reply = m_h->nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(10000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    TestKeyPair m_rsa {TestKeyPair::Kind::Rsa};
    TestKeyPair m_ed {TestKeyPair::Kind::Ed25519};
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    std::unique_ptr<Api::ContactsApi> m_api;
    std::unique_ptr<WebhookLedger> m_ledger;
    std::unique_ptr<WebhookApplier> m_applier;
    std::unique_ptr<HighLevelReceiver> m_receiver;
    QString m_id;
    qint64 m_base = 0;
};

QTEST_GUILESS_MAIN(TestWebhookApplier)
#include "tst_webhookapplier.moc"
