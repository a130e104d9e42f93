// What the Webhooks tab shows of the forwarding to Your App: the counts per state, the recent
// events as rows (status text, attempts, last error, time), the dead letters with retry and
// discard (one or all), and one changed() per burst of queue changes.
#include "webhooks/forwardstatus.h"

#include "fakeclock.h"
#include "store/database.h"
#include "webhooks/forwardqueue.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Webhooks;

namespace {

const QString url = QStringLiteral("https://app.example.com/hooks");

ForwardEvent contactEvent(int n)
{
    return {QStringLiteral("contact.updated"), QStringLiteral("c%1").arg(n),
        QByteArrayLiteral(R"({"type":"contact.updated"})")};
}

} // namespace

class TestForwardStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Store::Database>(
            m_dir.filePath(QStringLiteral("cache-%1.db").arg(++m_count)), m_clock);
        QVERIFY(m_db->open().ok);
        m_queue = std::make_unique<ForwardQueue>(*m_db);
        m_status = std::make_unique<ForwardStatus>(*m_queue);
        // 1 delivered, 2 dead (refused), 3 waiting for its retry, 4 queued, 5 dead (attempts).
        const qint64 now = m_clock.nowMs();
        for (int n = 1; n <= 5; ++n)
            QVERIFY(m_queue->enqueue(url, contactEvent(n), now + n));
        QVERIFY(m_queue->markInFlight(1) && m_queue->markDelivered(1, 204, now + 100));
        QVERIFY(m_queue->markInFlight(2)
            && m_queue->markDead(2, 410, QStringLiteral("gone"), now + 200));
        QVERIFY(m_queue->markInFlight(3)
            && m_queue->scheduleRetry(3, now + 5000, 503, QStringLiteral("HTTP 503 busy")));
        QVERIFY(m_queue->markInFlight(5)
            && m_queue->markDead(5, 0, QStringLiteral("timeout"), now + 300));
        QTest::qWait(0);
    }

    void cleanup()
    {
        m_status.reset();
        m_queue.reset();
        m_db.reset();
    }

    void countsEveryState()
    {
        const ForwardCounts counts = m_status->counts();
        QCOMPARE(counts.pending, 2);
        QCOMPARE(counts.delivered, 1);
        QCOMPARE(counts.dead, 2);
    }

    void recentRowsNewestFirst()
    {
        const QList<ForwardRow> rows = m_status->recent(3);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).id, 5);
        QCOMPARE(rows.at(1).id, 4);
        QCOMPARE(rows.at(2).id, 3);
        const ForwardRow& waiting = rows.at(2);
        QCOMPARE(waiting.eventType, QStringLiteral("contact.updated"));
        QCOMPARE(waiting.destination, url);
        QCOMPARE(waiting.attempts, 1);
        QCOMPARE(waiting.lastStatus, 503);
        QCOMPARE(waiting.lastError, QStringLiteral("HTTP 503 busy"));
        QCOMPARE(waiting.timeMs, m_clock.nowMs() + 5000);
        QVERIFY(waiting.status.startsWith(QStringLiteral("Retrying at")));
        QCOMPARE(rows.at(1).status, QStringLiteral("Queued"));
        QCOMPARE(rows.at(1).timeMs, m_clock.nowMs() + 4);
        QCOMPARE(rows.at(0).status, QStringLiteral("Dead letter"));
        QCOMPARE(rows.at(0).lastError, QStringLiteral("timeout"));
        const ForwardRow delivered = m_status->recent().last();
        QCOMPARE(delivered.status, QStringLiteral("Delivered (HTTP 204)"));
        QCOMPARE(delivered.timeMs, m_clock.nowMs() + 100);
        QVERIFY(delivered.lastError.isEmpty());
        QVERIFY(delivered.eventId.startsWith(QStringLiteral("msg_")));
        QCOMPARE(delivered.contactId, QStringLiteral("c1"));
    }

    void deadLettersRetryAndDiscard()
    {
        QList<ForwardRow> dead = m_status->deadLetters();
        QCOMPARE(dead.size(), 2);
        QCOMPARE(dead.at(0).id, 2);
        QCOMPARE(dead.at(0).lastStatus, 410);
        QSignalSpy changed(m_status.get(), &ForwardStatus::changed);
        QVERIFY(m_status->retry(2));
        QCOMPARE(m_queue->item(2)->state, ForwardState::Queued);
        QCOMPARE(m_queue->item(2)->attempts, 0);
        // Only dead letters.
        QVERIFY(!m_status->retry(4));
        QVERIFY(!m_status->lastError().isEmpty());
        QVERIFY(!m_status->discard(1));
        QVERIFY(m_status->discard(5));
        QVERIFY(!m_queue->item(5));
        // One signal for the burst.
        QTRY_COMPARE(changed.size(), 1);
        QTest::qWait(20);
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_status->deadLetters().isEmpty());
        QCOMPARE(m_status->counts().pending, 3);
    }

    void retryAndDiscardAll()
    {
        QCOMPARE(m_status->retryAll(), 2);
        QCOMPARE(m_status->counts().dead, 0);
        QCOMPARE(m_status->counts().pending, 4);
        QVERIFY(m_queue->markInFlight(2) && m_queue->markDead(2, 400, QStringLiteral("no"), 0));
        QCOMPARE(m_status->discardAll(), 1);
        QCOMPARE(m_status->discardAll(), 0);
        QCOMPARE(m_status->counts().dead, 0);
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    Testing::FakeClock m_clock;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<ForwardQueue> m_queue;
    std::unique_ptr<ForwardStatus> m_status;
};

QTEST_GUILESS_MAIN(TestForwardStatus)
#include "tst_forwardstatus.moc"
