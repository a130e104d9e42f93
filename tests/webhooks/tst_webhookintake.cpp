// The webhook intake of one workspace: with no key it refuses every delivery and says how to
// configure one; the official PEM key loads from a file; linked to the in-process sandbox it
// takes the sandbox's keys from /__sandbox/info, registers its URL, and a change made on the
// sandbox arrives over HTTP, verified and applied; entries left pending by a restart are applied
// when the next intake opens; the replay window follows the injected clock.

#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "common/clock.h"
#include "sandboxtesthelpers.h"
#include "store/contactcache.h"
#include "synctesthelpers.h"
#include "webhooks/webhookintake.h"
#include "webhooks/webhookledger.h"
#include "webhooktestkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using namespace ContactDesk::Webhooks;

namespace {

const QString officialKey = QStringLiteral(CONTACTDESK_SPEC_DIR "/webhook-public-key.pem");

QString answerState(const Automation::RouteAnswer& answer)
{
    return QJsonDocument::fromJson(answer.body)[QLatin1String("status")].toString();
}

} // namespace

class TestWebhookIntake : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    TestKeyPair m_rsa {TestKeyPair::Kind::Rsa};

    QByteArray payload(
        const QString& id, const QString& webhookId, qint64 timestampMs, const char* firstName)
    {
        return QJsonDocument(
            QJsonObject {{QStringLiteral("type"), QStringLiteral("ContactUpdate")},
                {QStringLiteral("locationId"), m_fx->locationId()}, {QStringLiteral("id"), id},
                {QStringLiteral("firstName"), QString::fromLatin1(firstName)},
                {QStringLiteral("webhookId"), webhookId},
                {QStringLiteral("timestamp"), isoUtc(timestampMs)}})
            .toJson(QJsonDocument::Compact);
    }
    QList<QPair<QByteArray, QByteArray>> rsaSigned(const QByteArray& raw)
    {
        return {{QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(raw)}};
    }
    bool waitIdle(WebhookIntake& intake)
    {
        return QTest::qWaitFor(
            [&] { return intake.isIdle() && intake.summary().pending == 0; }, 10000);
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(3);
        unlimited(*m_fx);
        m_h = std::make_unique<SyncHarness>(*m_fx);
        QVERIFY(m_h->sync().ok);
    }

    void cleanup()
    {
        m_h.reset();
        m_fx.reset();
    }

    void withoutAKeyEveryDeliveryIsRefusedWithHowToConfigureOne()
    {
        WebhookIntake intake(m_h->ws(), m_fx->clock());
        intake.setKeyHint(QStringLiteral("pass --webhook-public-key FILE"));
        QVERIFY(!intake.hasKey());
        QCOMPARE(intake.keySource(), WebhookKeySource::None);
        const QString id = m_h->ws().cache().allServerIds().first();
        const QByteArray raw = payload(id, QStringLiteral("w1"), m_fx->clock().nowMs(), "Eve");
        QSignalSpy received(&intake, &WebhookIntake::received);
        const Automation::RouteAnswer answer = intake.receive(rsaSigned(raw), raw);
        QCOMPARE(answer.status, 503);
        QVERIFY2(answer.reason.contains(QLatin1String("--webhook-public-key FILE")),
            qPrintable(answer.reason));
        QVERIFY(answer.reason.contains(QLatin1String("no HighLevel webhook public key")));
        QCOMPARE(received.size(), 1);
        QCOMPARE(intake.summary().rejected, 1);
        QCOMPARE(intake.summary().accepted, 0);
        QVERIFY(!intake.ledger().outcome(QStringLiteral("w1")));
        QVERIFY(m_h->ws().cache().contact(id)->firstName != QStringLiteral("Eve"));
    }

    void theOfficialKeyLoadsFromItsFileAndRefusesOtherSignatures()
    {
        WebhookIntake intake(m_h->ws(), m_fx->clock());
        QString error;
        QVERIFY2(intake.useKeyFiles(officialKey, {}, &error), qPrintable(error));
        QCOMPARE(intake.keySource(), WebhookKeySource::Files);
        const QString id = m_h->ws().cache().allServerIds().first();
        const QByteArray raw = payload(id, QStringLiteral("w1"), m_fx->clock().nowMs(), "Eve");
        // Signed with a key that is not HighLevel's.
        const Automation::RouteAnswer answer = intake.receive(rsaSigned(raw), raw);
        QCOMPARE(answer.status, 401);
        QCOMPARE(intake.summary().rejected, 1);

        QVERIFY(!intake.useKeyFiles(QStringLiteral("/nonexistent/key.pem"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/key.pem")), qPrintable(error));
        // The key that loaded stays in use.
        QCOMPARE(intake.keySource(), WebhookKeySource::Files);
        QVERIFY(intake.hasKey());
    }

    void theReplayWindowFollowsTheInjectedClock()
    {
        WebhookIntake intake(m_h->ws(), m_fx->clock());
        HighLevelVerifier verifier;
        verifier.setRsaKey(PublicKey::fromPem(m_rsa.publicPem()));
        intake.useVerifier(verifier, WebhookKeySource::Given);
        const QString id = m_h->ws().cache().allServerIds().first();
        const qint64 stamped = m_fx->clock().nowMs() + 1000;
        const QByteArray raw = payload(id, QStringLiteral("w1"), stamped, "Late");
        m_fx->clock().advance(6 * 60 * 1000);
        const Automation::RouteAnswer stale = intake.receive(rsaSigned(raw), raw);
        QCOMPARE(stale.status, 401);
        m_fx->clock().set(stamped);
        const Automation::RouteAnswer fresh = intake.receive(rsaSigned(raw), raw);
        QCOMPARE(fresh.status, 200);
        QCOMPARE(answerState(fresh), QStringLiteral("accepted"));
        QVERIFY(waitIdle(intake));
        QCOMPARE(m_h->ws().cache().contact(id)->firstName, QStringLiteral("Late"));
        const WebhookIntakeSummary summary = intake.summary();
        QCOMPARE(summary.received, 2);
        QCOMPARE(summary.rejected, 1);
        QCOMPARE(summary.accepted, 1);
        QCOMPARE(summary.applied, 1);
        QCOMPARE(summary.lastType, QStringLiteral("ContactUpdate"));
        QCOMPARE(summary.lastDeliveryMs, stamped);
        // The same delivery again is a duplicate: answered 200, counted as ignored.
        QCOMPARE(answerState(intake.receive(rsaSigned(raw), raw)), QStringLiteral("duplicate"));
        QCOMPARE(intake.summary().ignored, 1);
    }

    void linkedToTheSandboxItReceivesItsChangesOverHttp()
    {
        Automation::Inbox inbox(m_h->ws().database(), m_fx->clock());
        Automation::EventReceiver receiver(inbox, m_fx->clock());
        WebhookIntake intake(m_h->ws(), m_fx->clock());
        QVERIFY(intake.install(receiver));
        QString error;
        QVERIFY2(receiver.listen({}, &error), qPrintable(error));
        QNetworkAccessManager nam;
        QSignalSpy linked(&intake, &WebhookIntake::sandboxLinked);
        intake.linkSandbox(nam, m_fx->baseUrl(), m_fx->data().adminKey(), receiver.url());
        QVERIFY(linked.wait(10000));
        QCOMPARE(linked.first().first().toString(), QString());
        QCOMPARE(intake.keySource(), WebhookKeySource::Sandbox);
        QCOMPARE(intake.linkedUrl().toString(),
            receiver.url().toString() + QStringLiteral("/hooks/highlevel"));
        QCOMPARE(m_fx->control("GET", QStringLiteral("/__sandbox/webhooks"))
                     .object()
                     .value(QLatin1String("url"))
                     .toString(),
            intake.linkedUrl().toString());

        const QString id = m_h->ws().cache().allServerIds().first();
        m_fx->clock().advance(1000);
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                         QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Hopper")}})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_h->ws().cache().contact(id)->firstName, QStringLiteral("Hopper"), 5000);
        QCOMPARE(intake.summary().rejected, 0);
        QVERIFY(intake.summary().applied >= 1);
        // The re-fetch of a partial payload goes out as the webhook's, in the background.
        m_h->exchanges.clear();
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                         QJsonObject {{QStringLiteral("tags"), QJsonArray {QStringLiteral("vip")}}})
                     .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_h->ws().cache().contact(id)->tags.contains(QStringLiteral("vip")), 5000);
        bool refetched = false;
        for (const Api::ApiExchange& exchange : std::as_const(m_h->exchanges))
            refetched = refetched
                || (exchange.operationId == QLatin1String("get-contact")
                    && exchange.cause == Api::RequestCause::Webhook);
        QVERIFY(refetched);

        // A wrong admin key is reported, and the keys in use stay.
        intake.linkSandbox(nam, m_fx->baseUrl(), QStringLiteral("wrong"), receiver.url());
        QVERIFY(linked.wait(10000));
        QVERIFY2(linked.last().first().toString().contains(QLatin1String("401")),
            qPrintable(linked.last().first().toString()));
        QCOMPARE(intake.keySource(), WebhookKeySource::Sandbox);
    }

    void pendingEntriesAreAppliedWhenTheNextIntakeOpens()
    {
        const QString id = m_h->ws().cache().allServerIds().first();
        const QByteArray raw
            = payload(id, QStringLiteral("w-restart"), m_fx->clock().nowMs() + 1000, "Restarted");
        {
            // Accepted and stored, then the app stopped before the applier ran.
            WebhookLedger ledger(m_h->ws().database());
            QString error;
            const auto parsed = parseWebhookPayload(raw, &error);
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(ledger.record(*parsed, raw), WebhookLedger::Recorded::Stored);
        }
        m_h->reopen();
        QVERIFY(m_h->ws().open().ok);
        WebhookIntake intake(m_h->ws(), m_fx->clock());
        QCOMPARE(intake.summary().pending, 1);
        QVERIFY(waitIdle(intake));
        QCOMPARE(m_h->ws().cache().contact(id)->firstName, QStringLiteral("Restarted"));
        QCOMPARE(
            intake.ledger().outcome(QStringLiteral("w-restart"))->first, QStringLiteral("applied"));
    }
};

QTEST_MAIN(TestWebhookIntake)
#include "tst_webhookintake.moc"
