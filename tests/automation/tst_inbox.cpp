// The inbox of Your App's events: stored once per webhook-id, in arrival order, filtered for
// the event log, status changes for the engine, and still there after the file is reopened.
#include "automation/inbox.h"

#include "fakeclock.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Automation;

namespace {

AppEvent makeEvent(const QString& id, const QString& type, const QString& user)
{
    AppEvent event;
    event.webhookId = id;
    event.type = type;
    event.userId = user;
    event.data = {
        {type.startsWith(QStringLiteral("user.")) ? QStringLiteral("id") : QStringLiteral("userId"),
            user}};
    event.timestampSecs = 1700000000;
    event.source = QStringLiteral("test");
    return event;
}

AppEvent makeEvent(const char* id, const char* type, const char* user)
{
    return makeEvent(QString::fromUtf8(id), QString::fromUtf8(type), QString::fromUtf8(user));
}

} // namespace

class TestInbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Testing::FakeClock m_clock;
    std::unique_ptr<Store::Database> m_db;
    std::unique_ptr<Inbox> m_inbox;

    void open()
    {
        m_inbox.reset();
        m_db.reset();
        m_db = std::make_unique<Store::Database>(
            m_dir.filePath(QStringLiteral("cache.sqlite")), m_clock);
        QVERIFY(m_db->open().ok);
        m_inbox = std::make_unique<Inbox>(*m_db, m_clock);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite")));
        open();
    }

    void cleanup()
    {
        m_inbox.reset();
        m_db.reset();
    }

    void storesAndSignalsAfterCommit()
    {
        QSignalSpy stored(m_inbox.get(), &Inbox::eventsStored);
        qint64 seq = 0;
        QCOMPARE(
            m_inbox->accept(makeEvent("a", "user.signed_up", "u1"), &seq), Inbox::Accepted::Stored);
        QVERIFY(seq > 0);
        QCOMPARE(stored.count(), 1);
        QCOMPARE(stored.at(0).at(0).value<QList<qint64>>(), QList<qint64> {seq});
        const std::optional<InboxEvent> row = m_inbox->event(seq);
        QVERIFY(row);
        QCOMPARE(row->status, EventStatus::Received);
        QCOMPARE(row->event.webhookId, QStringLiteral("a"));
        QCOMPARE(row->event.userId, QStringLiteral("u1"));
        QCOMPARE(row->event.data.value(QStringLiteral("id")).toString(), QStringLiteral("u1"));
        QCOMPARE(row->receivedAtMs, m_clock.nowMs());
    }

    void sameWebhookIdIsStoredOnce()
    {
        qint64 first = 0;
        qint64 again = 0;
        QCOMPARE(m_inbox->accept(makeEvent("dup", "user.signed_up", "u1"), &first),
            Inbox::Accepted::Stored);
        QSignalSpy stored(m_inbox.get(), &Inbox::eventsStored);
        QCOMPARE(m_inbox->accept(makeEvent("dup", "user.signed_up", "u1"), &again),
            Inbox::Accepted::Duplicate);
        QCOMPARE(again, first);
        QCOMPARE(stored.count(), 0);
        // The engine sees one event; the log shows the second delivery as a duplicate.
        QCOMPARE(m_inbox->pending(10).size(), 1);
        QCOMPARE(m_inbox->count({EventStatus::Duplicate, {}, {}}), 1);
        const QList<InboxEvent> dups = m_inbox->list({EventStatus::Duplicate, {}, {}}, 0, 10);
        QCOMPARE(dups.first().duplicateOf, first);
        QCOMPARE(m_inbox->backlog(), 1);
    }

    void groupCommitKeepsOrderAndDedupesWithinTheBatch()
    {
        const QList<AppEvent> events {makeEvent("g1", "user.signed_up", "u1"),
            makeEvent("g2", "task.created", "u1"), makeEvent("g1", "user.signed_up", "u1"),
            makeEvent("g3", "note.created", "u2")};
        QList<qint64> seqs;
        const QList<Inbox::Accepted> results = m_inbox->acceptAll(events, &seqs);
        QCOMPARE(results,
            (QList<Inbox::Accepted> {Inbox::Accepted::Stored, Inbox::Accepted::Stored,
                Inbox::Accepted::Duplicate, Inbox::Accepted::Stored}));
        QCOMPARE(seqs.at(2), seqs.at(0));
        QVERIFY(seqs.at(0) < seqs.at(1) && seqs.at(1) < seqs.at(3));
        const QList<InboxEvent> pending = m_inbox->pending(10);
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(0).event.webhookId, QStringLiteral("g1"));
        QCOMPARE(pending.at(1).event.webhookId, QStringLiteral("g2"));
        QCOMPARE(pending.at(2).event.webhookId, QStringLiteral("g3"));
        QCOMPARE(m_inbox->pending(2).size(), 2);
    }

    void aRefusedWriteStoresNothing()
    {
        QSqlQuery query(m_db->sql());
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only = 1")));
        const QList<Inbox::Accepted> results = m_inbox->acceptAll(
            {makeEvent("r1", "user.signed_up", "u1"), makeEvent("r2", "user.signed_up", "u2")});
        QCOMPARE(
            results, (QList<Inbox::Accepted> {Inbox::Accepted::Failed, Inbox::Accepted::Failed}));
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only = 0")));
        QCOMPARE(m_inbox->count(), 0);
    }

    void statusChanges()
    {
        qint64 seq = 0;
        m_inbox->accept(makeEvent("s1", "task.created", "u7"), &seq);
        QSignalSpy changed(m_inbox.get(), &Inbox::eventChanged);

        QVERIFY(m_inbox->markWaiting(seq, QStringLiteral("no contact for u7 yet")));
        QCOMPARE(m_inbox->event(seq)->status, EventStatus::Waiting);
        QCOMPARE(m_inbox->event(seq)->reason, QStringLiteral("no contact for u7 yet"));
        QCOMPARE(m_inbox->pending(10).size(), 1); // waiting events are still the engine's

        m_clock.advance(1000);
        QVERIFY(m_inbox->markFailed(seq, QStringLiteral("waited too long")));
        QCOMPARE(m_inbox->event(seq)->status, EventStatus::Failed);
        QCOMPARE(m_inbox->event(seq)->attempts, 1);
        QCOMPARE(m_inbox->event(seq)->updatedAtMs, m_clock.nowMs());
        QVERIFY(m_inbox->pending(10).isEmpty());
        QCOMPARE(m_inbox->backlog(), 0);

        QVERIFY(m_inbox->retry(seq));
        QCOMPARE(m_inbox->event(seq)->status, EventStatus::Received);
        QVERIFY(m_inbox->event(seq)->reason.isEmpty());

        QVERIFY(m_inbox->markApplied(seq, QStringLiteral("local-1"), {4, 5}));
        InboxEvent applied = *m_inbox->event(seq);
        QCOMPARE(applied.status, EventStatus::Applied);
        QCOMPARE(applied.contactId, QStringLiteral("local-1"));
        QCOMPARE(applied.outboxItemIds, (QList<qint64> {4, 5}));
        QVERIFY(!m_inbox->retry(seq)); // applied events are done
        QCOMPARE(changed.count(), 4);

        QVERIFY(m_inbox->renameContact(QStringLiteral("local-1"), QStringLiteral("srv-1")));
        QCOMPARE(m_inbox->event(seq)->contactId, QStringLiteral("srv-1"));
    }

    void filtersAndPagesNewestFirst()
    {
        QList<AppEvent> events;
        for (int i = 0; i < 30; ++i)
            events.append(makeEvent(QStringLiteral("f%1").arg(i),
                i % 3 == 0 ? QStringLiteral("user.signed_up") : QStringLiteral("note.created"),
                QStringLiteral("user-%1").arg(i % 5)));
        QList<qint64> seqs;
        m_inbox->acceptAll(events, &seqs);
        m_inbox->markFailed(seqs.at(3), QStringLiteral("x"));
        m_inbox->markFailed(seqs.at(4), QStringLiteral("x"));

        QCOMPARE(m_inbox->count(), 30);
        QCOMPARE(m_inbox->count({std::nullopt, QStringLiteral("user.signed_up"), {}}), 10);
        QCOMPARE(m_inbox->count({EventStatus::Failed, {}, {}}), 2);
        QCOMPARE(m_inbox->count({EventStatus::Failed, QStringLiteral("user.signed_up"), {}}), 1);
        QCOMPARE(m_inbox->count({std::nullopt, {}, QStringLiteral("user-2")}), 6);
        QCOMPARE(m_inbox->count({std::nullopt, {}, QStringLiteral("f29")}), 1);

        const QList<InboxEvent> page = m_inbox->list({}, 0, 10);
        QCOMPARE(page.size(), 10);
        QCOMPARE(page.first().seq, seqs.last());
        const QList<InboxEvent> last = m_inbox->list({}, 25, 10);
        QCOMPARE(last.size(), 5);
        QCOMPARE(last.last().seq, seqs.first());
    }

    void survivesReopen()
    {
        qint64 seq = 0;
        m_inbox->accept(makeEvent("keep", "note.created", "u3"), &seq);
        m_inbox->markWaiting(seq, QStringLiteral("waiting for u3"));
        open();
        const std::optional<InboxEvent> row = m_inbox->event(seq);
        QVERIFY(row);
        QCOMPARE(row->status, EventStatus::Waiting);
        QCOMPARE(row->event.webhookId, QStringLiteral("keep"));
        // And its webhook-id is still known.
        QCOMPARE(
            m_inbox->accept(makeEvent("keep", "note.created", "u3")), Inbox::Accepted::Duplicate);
    }

    void statusNamesRoundTrip()
    {
        for (EventStatus status : {EventStatus::Received, EventStatus::Waiting,
                 EventStatus::Applied, EventStatus::Failed, EventStatus::Duplicate})
            QCOMPARE(eventStatusFromName(eventStatusName(status)), status);
        QVERIFY(!eventStatusFromName(QStringLiteral("done")));
    }
};

QTEST_GUILESS_MAIN(TestInbox)
#include "tst_inbox.moc"
