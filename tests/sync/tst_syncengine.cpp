// The sync engine against the in-process sandbox: a full sync of 5,000 contacts, incremental
// syncs that converge exactly after server-side creates, updates and deletes, the cheap
// deleted-contact reconciliation, resuming from the checkpoint after a restart, contacts changed
// while the full sync runs, lazy tasks/notes/appointments with their fetch time, not-found
// answers, stale contacts, progress, the interval, and background priority.
#include "synctesthelpers.h"

#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/syncstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Sync;
using namespace ContactDesk::Testing;

namespace {

// The convergence tests sync the 5,000 contacts issue 5 names; the others need fewer.
constexpr int seeded = 5000;
constexpr int fewer = 1500;

QString createOnServer(SandboxFixture& fx, const QJsonObject& fields)
{
    const HttpResult created = fx.control("POST", QStringLiteral("/__sandbox/contacts"), fields);
    if (created.status != 201)
        qWarning("create: HTTP %d %s", created.status, created.body.constData());
    return created.object()
        .value(QStringLiteral("contact"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

int patchOnServer(SandboxFixture& fx, const QString& id, const QJsonObject& fields)
{
    return fx.control("PATCH", QStringLiteral("/__sandbox/contacts/") + id, fields).status;
}

int deleteOnServer(SandboxFixture& fx, const QString& id)
{
    return fx.control("DELETE", QStringLiteral("/__sandbox/contacts/") + id).status;
}

int countOperation(
    const QList<Api::ApiExchange>& exchanges, const QString& operationId, qsizetype from = 0)
{
    int count = 0;
    for (qsizetype i = from; i < exchanges.size(); ++i)
        count += exchanges.at(i).operationId == operationId ? 1 : 0;
    return count;
}

// A seeded contact that has tasks and notes on the server.
QString contactWithChildren(SandboxFixture& fx)
{
    const auto& tasks = fx.data().tasks();
    for (auto it = tasks.cbegin(); it != tasks.cend(); ++it) {
        if (!it->isEmpty() && !fx.data().notes().value(it.key()).isEmpty()
            && !fx.data().deletedContacts().contains(it.key()))
            return it.key();
    }
    return {};
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fullThenIncrementalConvergesExactly();
    void reconciliationListsOnlyRangesThatDiffer();
    void resumesFromCheckpointAfterRestart();
    void changesDuringFullSyncAreCaught();
    void progressCountsPagesContactsAndTimeLeft();
    void cancelKeepsCheckpoint();
    void childrenLoadLazilyWithFetchTime();
    void notFoundRemovesContact();
    void staleContactsAreFetchedAgain();
    void intervalUsesInjectedClock();
    void userRequestsGoBeforeSyncPages();

private:
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
};

void TestSyncEngine::initTestCase()
{
    qRegisterMetaType<SyncResult>();
    qRegisterMetaType<SyncProgress>();
}

void TestSyncEngine::init()
{
    const QByteArray test(QTest::currentTestFunction());
    const bool full = test == "fullThenIncrementalConvergesExactly"
        || test == "reconciliationListsOnlyRangesThatDiffer";
    m_fx = std::make_unique<SandboxFixture>(full ? seeded : fewer);
    unlimited(*m_fx);
    m_h = std::make_unique<SyncHarness>(*m_fx);
}

void TestSyncEngine::cleanup()
{
    m_h.reset();
    m_fx.reset();
}

void TestSyncEngine::fullThenIncrementalConvergesExactly()
{
    SyncResult first = m_h->sync();
    QVERIFY2(first.ok, qPrintable(first.message()));
    QCOMPARE(first.kind, SyncKind::Full);
    QVERIFY(first.contacts >= seeded);
    QVERIFY(m_h->ws().syncState().fullSyncComplete());
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
    QCOMPARE(m_h->ws().cache().count(), seeded);

    // Another user works on the server.
    const QStringList ids = serverIds(*m_fx).values();
    const QString created1 = createOnServer(*m_fx,
        QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Nadia")},
            {QStringLiteral("email"), QStringLiteral("nadia.new@example.com")}});
    const QString created2 = createOnServer(*m_fx,
        QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Omar")},
            {QStringLiteral("phone"), QStringLiteral("+15550100999")}});
    QVERIFY(!created1.isEmpty() && !created2.isEmpty());
    const QString updated1 = ids.at(10);
    const QString updated2 = ids.at(20);
    QCOMPARE(patchOnServer(*m_fx, updated1,
                 QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Renamed")}}),
        200);
    QCOMPARE(patchOnServer(
                 *m_fx, updated2, QJsonObject {{QStringLiteral("city"), QStringLiteral("Lisbon")}}),
        200);
    QCOMPARE(deleteOnServer(*m_fx, ids.at(30)), 200);
    QCOMPARE(deleteOnServer(*m_fx, ids.at(40)), 200);

    // Due by the injected clock: the interval for the sync, the reconciliation's own period.
    m_fx->clock().advance(m_h->ws().syncEngine().options().reconcileIntervalMs);
    QVERIFY(m_h->ws().syncEngine().isDue());
    const SyncResult next = m_h->sync();
    QVERIFY2(next.ok, qPrintable(next.message()));
    QCOMPARE(next.kind, SyncKind::Incremental);
    QVERIFY(next.reconciled);
    QCOMPARE(next.removed, 2);
    // Only what changed came down, not the whole location again.
    QVERIFY2(next.contacts < 50, qPrintable(QString::number(next.contacts)));

    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
    QCOMPARE(m_h->ws().cache().contact(updated1)->firstName, QStringLiteral("Renamed"));
    QCOMPARE(m_h->ws().cache().contact(updated2)->city, QStringLiteral("Lisbon"));
    QCOMPARE(m_h->ws().cache().contact(created1)->email, QStringLiteral("nadia.new@example.com"));
    QCOMPARE(m_h->ws().cache().contact(created2)->phone, QStringLiteral("+15550100999"));
    QVERIFY(!m_h->ws().cache().contact(ids.at(30)));

    // A field-by-field look at every contact: the cache holds what the server holds.
    for (const QString& id : serverIds(*m_fx)) {
        const auto cached = m_h->ws().cache().contact(id);
        QVERIFY(cached);
        const QJsonObject server = m_fx->data().contacts().value(id);
        QCOMPARE(cached->dateUpdated.toMSecsSinceEpoch(),
            QDateTime::fromString(
                server.value(QStringLiteral("dateUpdated")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch());
        QCOMPARE(cached->email, server.value(QStringLiteral("email")).toString());
    }
}

void TestSyncEngine::reconciliationListsOnlyRangesThatDiffer()
{
    QVERIFY(m_h->sync().ok);

    // Nothing deleted: one count answers the question.
    qsizetype from = m_h->exchanges.size();
    SyncResult quiet = m_h->sync(true);
    QVERIFY(quiet.ok && quiet.reconciled);
    QCOMPARE(quiet.removed, 0);
    // The incremental page, then the one count.
    QCOMPARE(countOperation(m_h->exchanges, QStringLiteral("search-contacts-advanced"), from), 2);

    const QStringList ids = serverIds(*m_fx).values();
    for (int i : {100, 2000, 4000})
        QCOMPARE(deleteOnServer(*m_fx, ids.at(i)), 200);
    from = m_h->exchanges.size();
    const SyncResult result = m_h->sync(true);
    QVERIFY2(result.ok, qPrintable(result.message()));
    QCOMPARE(result.removed, 3);
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
    // Halving ranges around three deletions among 5,000: a few dozen small requests instead
    // of listing all 5,000 ids (10 full pages of 500).
    const int searches
        = countOperation(m_h->exchanges, QStringLiteral("search-contacts-advanced"), from);
    QVERIFY2(searches <= 40, qPrintable(QString::number(searches)));
    qsizetype listed = 0;
    for (qsizetype i = from; i < m_h->exchanges.size(); ++i)
        listed += m_h->exchanges.at(i).responseBody.count("\"searchAfter\"");
    QVERIFY2(listed < seeded / 2, qPrintable(QString::number(listed)));
}

void TestSyncEngine::resumesFromCheckpointAfterRestart()
{
    SyncOptions options = m_h->ws().syncEngine().options();
    options.pageLimit = 100;
    options.streams = 2;
    m_h->ws().syncEngine().setOptions(options);

    // The "process" dies after a few pages: the workspace goes away mid-walk.
    SyncEngine* engine = &m_h->ws().syncEngine();
    int pages = 0;
    // Receivers live no longer than what they write to, whatever way the test ends.
    QObject scope;
    connect(engine, &SyncEngine::progressChanged, &scope,
        [&pages](const SyncProgress& progress) { pages = progress.pages; });
    QVERIFY(engine->sync());
    QTRY_VERIFY_WITH_TIMEOUT(pages >= 6, syncWaitMs);
    m_h->reopen();
    QVERIFY(!m_h->ws().syncState().fullSyncComplete());
    QVERIFY(m_h->ws().syncState().value(QStringLiteral("fullSyncPlan")).has_value());
    const int cachedBefore = m_h->ws().cache().count();
    QVERIFY(cachedBefore >= 600);
    const int total = int(serverIds(*m_fx).size());

    m_h->ws().syncEngine().setOptions(options);
    const qsizetype from = m_h->exchanges.size();
    const SyncResult resumed = m_h->sync();
    QVERIFY2(resumed.ok, qPrintable(resumed.message()));
    QCOMPARE(resumed.kind, SyncKind::Full);
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
    // Resumed, not restarted: the pages already written were not fetched again.
    const int searches
        = countOperation(m_h->exchanges, QStringLiteral("search-contacts-advanced"), from);
    QVERIFY2(searches <= (total - cachedBefore) / 100 + 8, qPrintable(QString::number(searches)));
}

void TestSyncEngine::changesDuringFullSyncAreCaught()
{
    SyncOptions options = m_h->ws().syncEngine().options();
    options.pageLimit = 100;
    options.streams = 1;
    m_h->ws().syncEngine().setOptions(options);
    // The oldest contact by dateUpdated is in the first page; change it once that page is in,
    // and create one, while the walk is still going.
    QString early;
    QString created;
    bool changed = false;
    QObject scope;
    connect(&m_h->ws().syncEngine(), &SyncEngine::progressChanged, &scope,
        [&](const SyncProgress& progress) {
            if (changed || progress.pages < 1 || progress.phase != SyncProgress::Phase::Walking)
                return;
            changed = true;
            const QVector<qint64> order = m_h->ws().cache().orderedRowIds(
                Store::SortColumn::DateUpdated, Qt::AscendingOrder);
            early = m_h->ws().cache().idForRowId(order.first());
            patchOnServer(*m_fx, early,
                QJsonObject {{QStringLiteral("lastName"), QStringLiteral("Moved-Late")}});
            created = createOnServer(*m_fx,
                QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Midway")},
                    {QStringLiteral("email"), QStringLiteral("midway@example.com")}});
        });
    const SyncResult result = m_h->sync();
    QVERIFY2(result.ok, qPrintable(result.message()));
    QVERIFY(changed);
    QCOMPARE(m_h->ws().cache().contact(early)->lastName, QStringLiteral("Moved-Late"));
    QVERIFY(m_h->ws().cache().contact(created));
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
}

void TestSyncEngine::progressCountsPagesContactsAndTimeLeft()
{
    // A burst limit makes the budget know its rate (the fake clock never reopens a window, so
    // it is large enough for the whole test).
    QCOMPARE(m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
                     QJsonObject {{QStringLiteral("rateLimit"),
                         QJsonObject {{QStringLiteral("count"), 5000},
                             {QStringLiteral("windowMs"), 10000}}}})
                 .status,
        200);
    QList<SyncProgress> seen;
    QObject scope;
    connect(&m_h->ws().syncEngine(), &SyncEngine::progressChanged, &scope,
        [&seen](const SyncProgress& progress) { seen.append(progress); });
    const SyncResult result = m_h->sync();
    QVERIFY2(result.ok, qPrintable(result.message()));
    QList<SyncProgress> walking;
    for (const SyncProgress& p : std::as_const(seen)) {
        if (p.phase == SyncProgress::Phase::Walking && p.pages > 0)
            walking.append(p);
    }
    QVERIFY(walking.size() >= fewer / 500);
    QCOMPARE(walking.constFirst().total, fewer);
    QCOMPARE(walking.constFirst().kind, SyncKind::Full);
    // 500 per page at 5,000 per 10 s: one page costs 1 ms of budget.
    QVERIFY(walking.constFirst().msLeft > 0);
    for (qsizetype i = 1; i < walking.size(); ++i) {
        QVERIFY(walking.at(i).pages > walking.at(i - 1).pages);
        QVERIFY(walking.at(i).contacts >= walking.at(i - 1).contacts);
    }
    const SyncProgress& last = walking.constLast();
    QVERIFY(last.contacts >= fewer);
    QCOMPARE(last.msLeft, 0);
}

void TestSyncEngine::cancelKeepsCheckpoint()
{
    SyncOptions options = m_h->ws().syncEngine().options();
    options.pageLimit = 100;
    m_h->ws().syncEngine().setOptions(options);
    SyncEngine& engine = m_h->ws().syncEngine();
    QSignalSpy finished(&engine, &SyncEngine::finished);
    connect(
        &engine, &SyncEngine::progressChanged, &engine, [&engine](const SyncProgress& progress) {
            if (progress.pages >= 3)
                engine.cancel();
        });
    QVERIFY(engine.sync());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, syncWaitMs);
    const auto result = finished.constFirst().constFirst().value<SyncResult>();
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QVERIFY(!result.message().isEmpty());
    QVERIFY(!engine.isRunning());
    QVERIFY(m_h->ws().syncState().value(QStringLiteral("fullSyncPlan")).has_value());
    // Nothing arrives after the end: the pages in flight were cancelled.
    const int cached = m_h->ws().cache().count();
    QTest::qWait(200);
    QCOMPARE(m_h->ws().cache().count(), cached);
    QCOMPARE(finished.size(), 1);
}

void TestSyncEngine::childrenLoadLazilyWithFetchTime()
{
    QVERIFY(m_h->sync().ok);
    const QString id = contactWithChildren(*m_fx);
    QVERIFY(!id.isEmpty());
    SyncEngine& engine = m_h->ws().syncEngine();
    QSignalSpy loaded(&engine, &SyncEngine::childrenLoaded);
    // Nothing fetched during the sync: tasks and notes are lazy.
    QVERIFY(!m_h->ws().children().tasksFetchedAt(id));
    QCOMPARE(countOperation(m_h->exchanges, QStringLiteral("get-all-tasks")), 0);

    engine.loadChildren(id);
    QVERIFY(engine.isLoadingChildren(id));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, syncWaitMs);
    QCOMPARE(loaded.constFirst().at(1).toBool(), true);
    QCOMPARE(m_h->ws().children().tasks(id).size(), m_fx->data().tasks().value(id).size());
    QCOMPARE(m_h->ws().children().notes(id).size(), m_fx->data().notes().value(id).size());
    QCOMPARE(m_h->ws().children().tasksFetchedAt(id), m_fx->clock().nowMs());
    QCOMPARE(m_h->ws().children().appointmentsFetchedAt(id), m_fx->clock().nowMs());

    // Fresh: shown from the cache without a request.
    const qsizetype from = m_h->exchanges.size();
    engine.loadChildren(id);
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(m_h->exchanges.size(), from);

    // On demand, and again once old.
    engine.loadChildren(id, true);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, syncWaitMs);
    QCOMPARE(countOperation(m_h->exchanges, QStringLiteral("get-all-notes"), from), 1);
    m_fx->clock().advance(engine.options().childrenMaxAgeMs);
    m_fx->data().tasks()[id].removeFirst();
    engine.loadChildren(id);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 4, syncWaitMs);
    QCOMPARE(countOperation(m_h->exchanges, QStringLiteral("get-all-tasks"), from), 2);
    QCOMPARE(m_h->ws().children().tasks(id).size(), m_fx->data().tasks().value(id).size());
    QCOMPARE(m_h->ws().children().tasksFetchedAt(id), m_fx->clock().nowMs());
}

void TestSyncEngine::notFoundRemovesContact()
{
    QVERIFY(m_h->sync().ok);
    const QString id = contactWithChildren(*m_fx);
    QCOMPARE(deleteOnServer(*m_fx, id), 200);
    SyncEngine& engine = m_h->ws().syncEngine();
    QSignalSpy loaded(&engine, &SyncEngine::childrenLoaded);
    engine.loadChildren(id);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, syncWaitMs);
    QCOMPARE(loaded.constFirst().at(1).toBool(), false);
    QVERIFY(!loaded.constFirst().at(2).toString().isEmpty());
    QVERIFY(!m_h->ws().cache().contact(id));
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
}

void TestSyncEngine::staleContactsAreFetchedAgain()
{
    QVERIFY(m_h->sync().ok);
    const QString id = serverIds(*m_fx).values().value(7);
    const QString serverName = m_h->ws().cache().contact(id)->firstName;
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Mine")}}),
        Store::EditOutcome::Saved);
    // Meanwhile the server's copy moved on; discarding the local change leaves the row stale.
    QCOMPARE(
        patchOnServer(*m_fx, id, QJsonObject {{QStringLiteral("city"), QStringLiteral("Oslo")}}),
        200);
    const QList<Store::OutboxItem> items = m_h->ws().outbox().list();
    QCOMPARE(items.size(), 1);
    QVERIFY(m_h->ws().outbox().discard(items.first().id));
    QVERIFY(m_h->ws().cache().staleIds().contains(id));

    // A sync whose walk does not reach it (the overlap is in the past) still refreshes it.
    const SyncResult result = m_h->sync();
    QVERIFY2(result.ok, qPrintable(result.message()));
    QVERIFY(!m_h->ws().cache().staleIds().contains(id));
    QCOMPARE(m_h->ws().cache().contact(id)->firstName, serverName);
    QCOMPARE(m_h->ws().cache().contact(id)->city, QStringLiteral("Oslo"));
}

void TestSyncEngine::intervalUsesInjectedClock()
{
    SyncEngine& engine = m_h->ws().syncEngine();
    QVERIFY(engine.isDue()); // never synced
    QVERIFY(m_h->sync().ok);
    QVERIFY(!engine.isDue());
    QVERIFY(!engine.syncIfDue());
    m_fx->clock().advance(engine.options().intervalMs - 1);
    QVERIFY(!engine.isDue());
    m_fx->clock().advance(1);
    QVERIFY(engine.isDue());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QVERIFY(engine.syncIfDue());
    QVERIFY(!engine.syncIfDue()); // one at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, syncWaitMs);
    QCOMPARE(finished.constFirst().constFirst().value<SyncResult>().kind, SyncKind::Incremental);
    QVERIFY(!engine.isDue());

    // A changed interval applies to the next check.
    engine.setInterval(1000);
    m_fx->clock().advance(1000);
    QVERIFY(engine.isDue());
}

void TestSyncEngine::userRequestsGoBeforeSyncPages()
{
    QStringList order;
    bool answered = false;
    Api::ApiError error;
    // One request on the wire at a time: the budget's queue decides the order.
    Api::RateBudget serial(m_h->wallClock, 1);
    Api::ApiClient client(m_h->nam, m_h->pitTokens, serial, m_fx->clock(), m_h->config);
    Store::Database& db = m_h->ws().database();
    SyncOptions options;
    options.pageLimit = 25;
    options.streams = 6;
    SyncEngine engine(client, serial, db, m_fx->clock(), options);
    connect(&client, &Api::ApiClient::exchanged, &client,
        [&order](const Api::ApiExchange& e) { order.append(e.operationId); });
    QSignalSpy finished(&engine, &SyncEngine::finished);
    QVERIFY(engine.sync());
    // Once the walk is under way its pages queue up behind each other ...
    QTRY_VERIFY_WITH_TIMEOUT(order.size() >= 4, syncWaitMs);
    const qsizetype sentBefore = order.size();
    // ... and a user's request overtakes them: behind the page on the wire (and one more that
    // may start while the call is being set up), not behind the five that wait.
    Api::ContactsApi api(client);
    api.getContact(serverIds(*m_fx).values().first()).then(&client, [&](const auto& r) {
        answered = true;
        error = r.error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, syncWaitMs);
    QVERIFY2(!error.isError(), qPrintable(error.userText()));
    const qsizetype at = order.indexOf(QStringLiteral("get-contact"));
    QVERIFY2(at >= 0 && at <= sentBefore + 2,
        qPrintable(QStringLiteral("%1 after %2").arg(at).arg(sentBefore)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, syncWaitMs);
    QVERIFY(finished.constFirst().constFirst().value<SyncResult>().ok);
    QVERIFY(order.size() > at + 10);
}

QTEST_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
