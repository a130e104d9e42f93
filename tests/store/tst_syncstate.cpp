// Sync checkpoints: typed values that survive closing and reopening the cache, so a sync resumes
// where it stopped.
#include "store/database.h"
#include "store/syncstate.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

class TestSyncState : public QObject
{
    Q_OBJECT

private slots:
    void emptyAtFirst();
    void checkpointsSurviveAReopen();
    void valuesCanBeReplacedAndRemoved();
};

void TestSyncState::emptyAtFirst()
{
    TempStore store;
    QVERIFY(store.open().ok);
    SyncState state(store.db());
    QVERIFY(state.searchCursor().isEmpty());
    QVERIFY(!state.fullSyncComplete());
    QVERIFY(!state.lastFullSyncMs());
    QVERIFY(!state.lastIncrementalSyncMs());
    QVERIFY(!state.lastReconciliationMs());
    QVERIFY(!state.value(QStringLiteral("anything")));
}

void TestSyncState::checkpointsSurviveAReopen()
{
    TempStore store;
    QVERIFY(store.open().ok);
    const QJsonObject cursor {
        {QStringLiteral("searchAfter"), QJsonArray {1793534400000.0, QStringLiteral("c123")}},
        {QStringLiteral("since"), QStringLiteral("2026-11-01T12:00:00.000Z")}};
    {
        SyncState state(store.db());
        QVERIFY(state.setSearchCursor(cursor));
        QVERIFY(state.setFullSyncComplete(true));
        QVERIFY(state.setLastFullSyncMs(1793534400000));
        QVERIFY(state.setLastIncrementalSyncMs(1793534460000));
        QVERIFY(state.setLastReconciliationMs(1793530000000));
    }
    store.close();
    QVERIFY(store.open().ok);
    SyncState state(store.db());
    QCOMPARE(state.searchCursor(), cursor);
    QVERIFY(state.fullSyncComplete());
    QCOMPARE(state.lastFullSyncMs(), std::optional<qint64>(1793534400000));
    QCOMPARE(state.lastIncrementalSyncMs(), std::optional<qint64>(1793534460000));
    QCOMPARE(state.lastReconciliationMs(), std::optional<qint64>(1793530000000));
}

void TestSyncState::valuesCanBeReplacedAndRemoved()
{
    TempStore store;
    QVERIFY(store.open().ok);
    SyncState state(store.db());
    QVERIFY(state.setValue(QStringLiteral("interval"), QStringLiteral("300")));
    QVERIFY(state.setValue(QStringLiteral("interval"), QStringLiteral("600")));
    QCOMPARE(
        state.value(QStringLiteral("interval")), std::optional<QString>(QStringLiteral("600")));
    QVERIFY(state.setSearchCursor({{QStringLiteral("page"), 3}}));
    QVERIFY(state.clearSearchCursor());
    QVERIFY(state.searchCursor().isEmpty());
    QVERIFY(state.setFullSyncComplete(false));
    QVERIFY(!state.fullSyncComplete());
    QVERIFY(state.remove(QStringLiteral("interval")));
    QVERIFY(!state.value(QStringLiteral("interval")));
    // A value that is not a number is no time.
    QVERIFY(state.setValue(QStringLiteral("lastFullSyncMs"), QStringLiteral("soon")));
    QVERIFY(!state.lastFullSyncMs());
}

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
