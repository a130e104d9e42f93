// Tasks, notes and appointments per contact: the server's lists replace what is cached, except
// what the outbox still owes the server; fetch times tell the detail pane what is stale.
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "storetestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

namespace {

Api::Task task(int n, const QString& contactId, const QString& title, qint64 dueMs = 0)
{
    Api::Task t;
    t.id = serverId(n, QLatin1Char('t'));
    t.contactId = contactId;
    t.title = title;
    if (dueMs != 0)
        t.dueDate = utc(dueMs);
    return t;
}

Api::Note note(int n, const QString& contactId, const QString& body, qint64 addedMs)
{
    Api::Note nt;
    nt.id = serverId(n, QLatin1Char('n'));
    nt.contactId = contactId;
    nt.body = body;
    nt.dateAdded = utc(addedMs);
    return nt;
}

QStringList titles(const QList<Api::Task>& tasks)
{
    QStringList result;
    for (const Api::Task& t : tasks)
        result.append(t.title);
    return result;
}

} // namespace

class TestChildCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tasksByDueDateUndatedLast();
    void replaceDropsWhatTheServerNoLongerHas();
    void notesNewestFirst();
    void appointmentsByStartTime();
    void fetchTimesPerKindAndContact();
    void localCreatesSurviveAReplace();
    void pendingChangesSurviveAReplace();
    void failedItemShowsOnTheTask();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<ChildCache> m_children;
    const QString a = serverId(1);
    const QString b = serverId(2);
};

void TestChildCache::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->open().ok);
    m_children = std::make_unique<ChildCache>(m_store->db());
    QVERIFY(ContactCache(m_store->db())
                .upsertFromServer({
                    serverContact(a, QStringLiteral("Barbara"), QStringLiteral("Liskov")),
                    serverContact(b, QStringLiteral("Frances"), QStringLiteral("Allen")),
                }));
}

void TestChildCache::cleanup()
{
    m_children.reset();
    m_store.reset();
}

void TestChildCache::tasksByDueDateUndatedLast()
{
    QSignalSpy changed(&m_store->db(), &Database::childrenChanged);
    QVERIFY(m_children->replaceTasks(a,
        {task(1, a, QStringLiteral("Someday")), task(2, a, QStringLiteral("Later"), 3000),
            task(3, a, QStringLiteral("Soon"), 1000)},
        5));
    QCOMPARE(titles(m_children->tasks(a)),
        (QStringList {QStringLiteral("Soon"), QStringLiteral("Later"), QStringLiteral("Someday")}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), a);
    QVERIFY(m_children->tasks(b).isEmpty());
    QCOMPARE(m_children->task(a, serverId(2, QLatin1Char('t')))->dueDate, utc(3000));
    QVERIFY(!m_children->task(b, serverId(2, QLatin1Char('t'))));
}

void TestChildCache::replaceDropsWhatTheServerNoLongerHas()
{
    QVERIFY(m_children->replaceTasks(
        a, {task(1, a, QStringLiteral("One")), task(2, a, QStringLiteral("Two"))}, 5));
    QVERIFY(m_children->replaceTasks(b, {task(3, b, QStringLiteral("Three"))}, 5));
    Api::Task renamed = task(2, a, QStringLiteral("Two, renamed"));
    QVERIFY(m_children->replaceTasks(a, {renamed}, 6));
    QCOMPARE(titles(m_children->tasks(a)), QStringList {QStringLiteral("Two, renamed")});
    QCOMPARE(titles(m_children->tasks(b)), QStringList {QStringLiteral("Three")});
    QVERIFY(m_children->replaceTasks(a, {}, 7));
    QVERIFY(m_children->tasks(a).isEmpty());
    QCOMPARE(m_children->tasksFetchedAt(a), std::optional<qint64>(7));
}

void TestChildCache::notesNewestFirst()
{
    QVERIFY(m_children->replaceNotes(a,
        {note(1, a, QStringLiteral("old"), 1000), note(2, a, QStringLiteral("new"), 3000),
            note(3, a, QStringLiteral("middle"), 2000)},
        9));
    const QList<Api::Note> notes = m_children->notes(a);
    QCOMPARE(notes.size(), 3);
    QCOMPARE(notes.at(0).body, QStringLiteral("new"));
    QCOMPARE(notes.at(1).body, QStringLiteral("middle"));
    QCOMPARE(notes.at(2).body, QStringLiteral("old"));
    QCOMPARE(*m_children->note(a, serverId(3, QLatin1Char('n'))), notes.at(1));
}

void TestChildCache::appointmentsByStartTime()
{
    Api::Appointment late;
    late.id = QStringLiteral("ap2");
    late.contactId = a;
    late.title = QStringLiteral("Review");
    late.startTime = QDateTime::fromMSecsSinceEpoch(5000000, QTimeZone(3600));
    late.endTime = late.startTime.addSecs(1800);
    late.status = QStringLiteral("booked");
    Api::Appointment early = late;
    early.id = QStringLiteral("ap1");
    early.title = QStringLiteral("Intro");
    early.startTime = QDateTime::fromMSecsSinceEpoch(1000000, Qt::UTC);
    QVERIFY(m_children->replaceAppointments(a, {late, early}, 11));
    const QList<Api::Appointment> appointments = m_children->appointments(a);
    QCOMPARE(appointments.size(), 2);
    QCOMPARE(appointments.at(0).title, QStringLiteral("Intro"));
    QCOMPARE(appointments.at(1).title, QStringLiteral("Review"));
    QCOMPARE(appointments.at(1).startTime, late.startTime);
    QCOMPARE(m_children->appointmentsFetchedAt(a), std::optional<qint64>(11));
    QVERIFY(m_children->replaceAppointments(a, {early}, 12));
    QCOMPARE(m_children->appointments(a).size(), 1);
}

void TestChildCache::fetchTimesPerKindAndContact()
{
    QVERIFY(!m_children->tasksFetchedAt(a));
    QVERIFY(m_children->replaceTasks(a, {}, 100));
    QVERIFY(m_children->replaceNotes(a, {}, 200));
    QCOMPARE(m_children->tasksFetchedAt(a), std::optional<qint64>(100));
    QCOMPARE(m_children->notesFetchedAt(a), std::optional<qint64>(200));
    QVERIFY(!m_children->appointmentsFetchedAt(a));
    QVERIFY(!m_children->tasksFetchedAt(b));
}

void TestChildCache::localCreatesSurviveAReplace()
{
    LocalEdits edits(m_store->db());
    Api::Task draft;
    draft.title = QStringLiteral("Made offline");
    const QString local = edits.createTask(a, draft);
    QVERIFY(m_children->replaceTasks(a, {task(1, a, QStringLiteral("From server"))}, 5));
    QStringList found = titles(m_children->tasks(a));
    found.sort();
    QCOMPARE(found, (QStringList {QStringLiteral("From server"), QStringLiteral("Made offline")}));
    QVERIFY(m_children->task(a, local));
}

void TestChildCache::pendingChangesSurviveAReplace()
{
    QVERIFY(m_children->replaceTasks(
        a, {task(1, a, QStringLiteral("Edit me")), task(2, a, QStringLiteral("Delete me"))}, 5));
    QVERIFY(m_children->replaceNotes(a, {note(1, a, QStringLiteral("draft"), 1000)}, 5));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.updateTask(a, serverId(1, QLatin1Char('t')),
                 {{QStringLiteral("title"), QStringLiteral("Edited here")}}),
        EditOutcome::Saved);
    QCOMPARE(edits.completeTask(a, serverId(1, QLatin1Char('t')), true), EditOutcome::Saved);
    QCOMPARE(edits.deleteTask(a, serverId(2, QLatin1Char('t'))), EditOutcome::Saved);
    QCOMPARE(edits.updateNote(a, serverId(1, QLatin1Char('n')),
                 {{QStringLiteral("body"), QStringLiteral("final")}}),
        EditOutcome::Saved);

    // The server has not seen the edits yet, but has a new body for the task.
    Api::Task fromServer = task(1, a, QStringLiteral("Edit me"));
    fromServer.body = QStringLiteral("server body");
    QVERIFY(m_children->replaceTasks(a, {fromServer, task(2, a, QStringLiteral("Delete me"))}, 6));
    QVERIFY(m_children->replaceNotes(a, {note(1, a, QStringLiteral("draft"), 1000)}, 6));
    const QList<Api::Task> tasks = m_children->tasks(a);
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().title, QStringLiteral("Edited here"));
    QVERIFY(tasks.first().completed);
    QCOMPARE(tasks.first().body, QStringLiteral("server body"));
    QCOMPARE(m_children->notes(a).first().body, QStringLiteral("final"));
}

void TestChildCache::failedItemShowsOnTheTask()
{
    QVERIFY(m_children->replaceTasks(a, {task(1, a, QStringLiteral("Due"))}, 5));
    LocalEdits edits(m_store->db());
    QCOMPARE(edits.updateTask(a, serverId(1, QLatin1Char('t')),
                 {{QStringLiteral("title"), QString(300, QLatin1Char('x'))}}),
        EditOutcome::Saved);
    Outbox outbox(m_store->db());
    const auto item = outbox.nextReady(m_store->clock().nowMs());
    QVERIFY(outbox.markInFlight(item->id));
    QVERIFY(outbox.markFailed(item->id, QStringLiteral("title is too long")));
    const QHash<QString, ChildStatus> statuses = m_children->childStatuses(a);
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(statuses.value(serverId(1, QLatin1Char('t'))).status, LocalStatus::Failed);
    QCOMPARE(
        statuses.value(serverId(1, QLatin1Char('t'))).message, QStringLiteral("title is too long"));
}

QTEST_GUILESS_MAIN(TestChildCache)
#include "tst_childcache.moc"
