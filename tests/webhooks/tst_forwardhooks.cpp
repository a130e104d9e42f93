// Where the forwarding learns of HighLevel's changes: the webhook applier's and the sync
// engine's change observers against the in-process sandbox. The applier tells what a delivery
// changed in the cache (before and after) inside one transaction with the write, so an observer
// that refuses leaves the cache as it was and the delivery failed; the incremental sync tells
// what it found changed on the server, and the first full sync nothing.
#include "automation/eventreceiver.h"
#include "common/clock.h"
#include "sandboxtesthelpers.h"
#include "store/contactcache.h"
#include "sync/syncengine.h"
#include "synctesthelpers.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookintake.h"
#include "webhooks/webhookledger.h"
#include "webhooktestkeys.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using namespace ContactDesk::Webhooks;

class TestForwardHooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(3);
        unlimited(*m_fx);
        m_h = std::make_unique<SyncHarness>(*m_fx);
        m_h->ws().syncEngine().setChangeObserver([this](const QList<Store::ServerChange>& c) {
            m_seen += c;
            return true;
        });
        QVERIFY(m_h->sync().ok);
        // The first sync fills the cache: nobody's change.
        QVERIFY(m_seen.isEmpty());
        m_id = m_h->ws().cache().allServerIds().first();
        m_base = m_h->ws().cache().contact(m_id)->dateUpdated.toMSecsSinceEpoch();
        m_fx->clock().set(m_base);
        m_intake = std::make_unique<WebhookIntake>(m_h->ws(), m_fx->clock());
        HighLevelVerifier verifier;
        verifier.setRsaKey(PublicKey::fromPem(m_rsa.publicPem()));
        m_intake->useVerifier(verifier, WebhookKeySource::Given);
    }

    void cleanup()
    {
        m_intake.reset();
        m_h.reset();
        m_fx.reset();
        m_seen.clear();
    }

    void theApplierTellsWhatADeliveryChanged()
    {
        const QString before = m_h->ws().cache().contact(m_id)->firstName;
        m_intake->applier().setChangeObserver([this](const QList<Store::ServerChange>& c) {
            m_seen += c;
            return true;
        });
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Zed"})", 1000, "w1"), 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_seen.size(), 1);
        const Store::ServerChange& change = m_seen.first();
        QCOMPARE(change.record, Store::ServerRecord::Contact);
        QCOMPARE(change.id, m_id);
        QCOMPARE(change.source, QStringLiteral("webhook"));
        QCOMPARE(change.before.value(QLatin1StringView("firstName")).toString(), before);
        QCOMPARE(
            change.after.value(QLatin1StringView("firstName")).toString(), QStringLiteral("Zed"));
        QVERIFY(!change.isCreate() && !change.isDelete());
        QCOMPARE(deliver("ContactDelete", "{}", 2000, "w2"), 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_seen.size(), 2);
        QVERIFY(m_seen.last().isDelete());
    }

    void aRefusingObserverLeavesTheCacheAsItWas()
    {
        const QString before = m_h->ws().cache().contact(m_id)->firstName;
        m_intake->applier().setChangeObserver(
            [](const QList<Store::ServerChange>&) { return false; });
        QCOMPARE(deliver("ContactUpdate", R"({"firstName":"Zed"})", 1000, "w1"), 200);
        QVERIFY(waitIdle());
        QCOMPARE(m_h->ws().cache().contact(m_id)->firstName, before);
        const auto outcome = m_intake->ledger().outcome(QStringLiteral("w1"));
        QVERIFY(outcome);
        QCOMPARE(outcome->first, QStringLiteral("failed"));
        QVERIFY2(outcome->second.contains(QLatin1StringView("observer refused")),
            qPrintable(outcome->second));
    }

    void theIncrementalSyncTellsWhatChangedOnTheServer()
    {
        // After every contact the first sync saw (init set the clock back to one contact's time).
        qint64 newest = 0;
        for (const QString& id : m_h->ws().cache().allServerIds())
            newest
                = std::max(newest, m_h->ws().cache().contact(id)->dateUpdated.toMSecsSinceEpoch());
        m_fx->clock().set(newest + 60000);
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + m_id,
                         QJsonObject {{QStringLiteral("city"), QStringLiteral("Tromsø")}})
                     .status,
            200);
        const Sync::SyncResult result = m_h->sync();
        QVERIFY2(result.ok, qPrintable(result.message()));
        QCOMPARE(result.kind, Sync::SyncKind::Incremental);
        QCOMPARE(m_seen.size(), 1);
        QCOMPARE(m_seen.first().id, m_id);
        QCOMPARE(m_seen.first().source, QStringLiteral("sync"));
        QCOMPARE(m_seen.first().after.value(QLatin1StringView("city")).toString(),
            QStringLiteral("Tromsø"));
        // Nothing new: nothing told.
        QVERIFY(m_h->sync().ok);
        QCOMPARE(m_seen.size(), 1);
    }

private:
    int deliver(const char* type, const char* fields, qint64 offsetMs, const char* webhookId)
    {
        QJsonObject object = QJsonDocument::fromJson(QByteArray(fields)).object();
        object.insert(QStringLiteral("type"), QString::fromLatin1(type));
        object.insert(QStringLiteral("locationId"), m_fx->locationId());
        object.insert(QStringLiteral("id"), m_id);
        object.insert(QStringLiteral("webhookId"), QString::fromLatin1(webhookId));
        object.insert(QStringLiteral("timestamp"), isoUtc(m_base + offsetMs));
        const QByteArray raw = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return m_intake->receive(
                           {{QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(raw)}}, raw)
            .status;
    }

    bool waitIdle()
    {
        QDeadlineTimer deadline(20000);
        while (!(m_intake->isIdle() && m_intake->ledger().pendingCount() == 0)) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
        return true;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    std::unique_ptr<WebhookIntake> m_intake;
    TestKeyPair m_rsa {TestKeyPair::Kind::Rsa};
    QString m_id;
    qint64 m_base = 0;
    QList<Store::ServerChange> m_seen;
};

QTEST_GUILESS_MAIN(TestForwardHooks)
#include "tst_forwardhooks.moc"
