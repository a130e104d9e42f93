// What the inspector's traffic log says about an outbox write whose answer was lost or refused,
// once the outbox worker settled it with the server (against the in-process sandbox): a create
// whose answer was dropped after the server committed it is "reconciled: found on the server by
// a search"; one that never landed is "reconciled: not on the server, so it was sent again"; a
// delete of a contact someone else deleted first is "reconciled: already gone". Retried and
// gave-up exchanges keep their own words.
#include "inspector/trafficlog.h"
#include "store/localedits.h"
#include "synctesthelpers.h"

#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

int addFault(SandboxFixture& fx, const QJsonObject& rule)
{
    return fx.control("POST", QStringLiteral("/__sandbox/faults"), rule).status;
}

QList<const Inspector::TrafficEntry*> entriesOf(
    const Inspector::TrafficLog& log, const QString& operationId)
{
    QList<const Inspector::TrafficEntry*> found;
    for (int i = 0; i < log.size(); ++i) {
        if (log.at(i).exchange.operationId == operationId)
            found.append(&log.at(i));
    }
    return found;
}

Api::Contact draft(const QString& email)
{
    Api::Contact contact;
    contact.firstName = QStringLiteral("Reconcile");
    contact.lastName = QStringLiteral("Me");
    contact.email = email;
    return contact;
}

} // namespace

class TestOutboxReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(10);
        unlimited(*m_fx);
        m_h = std::make_unique<SyncHarness>(*m_fx);
        m_log = std::make_unique<Inspector::TrafficLog>();
        m_log->attach(
            m_h->ws().client(), QStringLiteral("Built-in sandbox"), QStringLiteral("sandbox"));
        QVERIFY(m_h->sync().ok);
    }
    void cleanup()
    {
        m_log.reset();
        m_h.reset();
        m_fx.reset();
    }

    void lostCreateFoundAgain();
    void createThatNeverLandedSentAgain();
    void deleteOfAContactAlreadyGone();

private:
    // Runs the outbox, lets its back-off pass on the fake clock, and runs it again.
    bool drainTwice()
    {
        if (!m_h->drainOutbox())
            return false;
        m_fx->clock().advance(m_h->ws().outboxWorker().options().backoffMs.constLast());
        return m_h->drainOutbox();
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    std::unique_ptr<Inspector::TrafficLog> m_log;
};

void TestOutboxReconcile::lostCreateFoundAgain()
{
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), QStringLiteral("/contacts/")},
                     {QStringLiteral("kind"), QStringLiteral("drop-after-commit")},
                     {QStringLiteral("count"), 1}}),
        201);
    QCOMPARE(m_h->ws().edits().createContact(draft(QStringLiteral("lost@example.com"))).isEmpty(),
        false);
    QVERIFY(drainTwice());
    QVERIFY(m_h->ws().outbox().list().isEmpty());

    const auto creates = entriesOf(*m_log, QStringLiteral("create-contact"));
    QCOMPARE(creates.size(), 1); // found, not sent again
    QCOMPARE(creates.first()->exchange.status, 0);
    QVERIFY2(creates.first()->outcome.startsWith(QLatin1StringView("reconciled: found")),
        qPrintable(creates.first()->outcome));
    // The search that found it is an ordinary exchange with no outcome of its own.
    const auto searches = entriesOf(*m_log, QStringLiteral("get-duplicate-contact"));
    QCOMPARE(searches.size(), 1);
    QCOMPARE(searches.first()->exchange.status, 200);
    QVERIFY(searches.first()->outcome.isEmpty());
}

void TestOutboxReconcile::createThatNeverLandedSentAgain()
{
    // A gateway error: the create may or may not have happened; here it did not.
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), QStringLiteral("/contacts/")},
                     {QStringLiteral("kind"), QStringLiteral("status")},
                     {QStringLiteral("status"), 502}, {QStringLiteral("count"), 1}}),
        201);
    QCOMPARE(m_h->ws().edits().createContact(draft(QStringLiteral("never@example.com"))).isEmpty(),
        false);
    QVERIFY(drainTwice());
    QVERIFY(m_h->ws().outbox().list().isEmpty());

    const auto creates = entriesOf(*m_log, QStringLiteral("create-contact"));
    QCOMPARE(creates.size(), 2);
    QCOMPARE(creates.at(0)->exchange.status, 502);
    QVERIFY2(creates.at(0)->outcome.startsWith(QLatin1StringView("reconciled: not on the server")),
        qPrintable(creates.at(0)->outcome));
    QCOMPARE(creates.at(1)->exchange.status, 201);
    QVERIFY(creates.at(1)->outcome.isEmpty());
    QCOMPARE(int(m_fx->data()
                     .contactsWithEmail(m_fx->locationId(), QStringLiteral("never@example.com"))
                     .size()),
        1);
}

void TestOutboxReconcile::deleteOfAContactAlreadyGone()
{
    const QString id = serverIds(*m_fx).values().first();
    QCOMPARE(m_h->ws().edits().deleteContact(id), Store::EditOutcome::Saved);
    // Someone deletes it on the server before the outbox gets to it.
    QCOMPARE(m_fx->control("DELETE", QStringLiteral("/__sandbox/contacts/") + id).status, 200);
    QVERIFY(m_h->drainOutbox());
    QVERIFY(m_h->ws().outbox().list().isEmpty());

    // The first request about it is refused as not found; that is what got reconciled.
    const Inspector::TrafficEntry* refused = nullptr;
    for (int i = 0; i < m_log->size() && !refused; ++i) {
        const Inspector::TrafficEntry& entry = m_log->at(i);
        if (entry.exchange.url.path().contains(id) && entry.exchange.status >= 400)
            refused = &entry;
    }
    QVERIFY(refused);
    QVERIFY2(refused->outcome.startsWith(QLatin1StringView("reconciled: already gone")),
        qPrintable(refused->exchange.operationId + u' ' + refused->outcome));
}

QTEST_MAIN(TestOutboxReconcile)
#include "tst_outboxreconcile.moc"
