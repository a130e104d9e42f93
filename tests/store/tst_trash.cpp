// The trash: a deleted contact is kept with its tasks and notes, and a restore re-creates all of
// them as local creates (HighLevel's own restore loses tasks and notes).
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/trash.h"
#include "storetestsupport.h"

#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

class TestTrash : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsNewestFirst();
    void restoreRecreatesContactTasksAndNotes();
    void restoredCreatesReachTheServerInOrder();
    void restoreOnlyOnce();
    void discardedRestoreCanBeRestoredAgain();
    void purgeDropsOldEntries();
    void serverChildrenCompleteTheEntry();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<ContactCache> m_cache;
    std::unique_ptr<ChildCache> m_children;
    std::unique_ptr<LocalEdits> m_edits;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<Trash> m_trash;

    Api::Contact m_contact;
    QList<Api::Task> m_tasks;
    QList<Api::Note> m_notes;

    qint64 deleteTheContact()
    {
        if (m_edits->deleteContact(m_contact.id) != EditOutcome::Saved)
            return 0;
        return m_trash->list().first().id;
    }
};

void TestTrash::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->open().ok);
    m_cache = std::make_unique<ContactCache>(m_store->db());
    m_children = std::make_unique<ChildCache>(m_store->db());
    m_edits = std::make_unique<LocalEdits>(m_store->db());
    m_outbox = std::make_unique<Outbox>(m_store->db());
    m_trash = std::make_unique<Trash>(m_store->db());

    m_contact = serverContact(serverId(1), QStringLiteral("Rosalind"), QStringLiteral("Franklin"),
        QStringLiteral("rosalind@kings.example"), QStringLiteral("+442079460000"),
        QStringLiteral("King's College"), {QStringLiteral("researcher")});
    m_contact.city = QStringLiteral("London");
    Api::Task open;
    open.id = serverId(1, QLatin1Char('t'));
    open.contactId = m_contact.id;
    open.title = QStringLiteral("Send photo 51");
    open.dueDate = utc(1800000000000);
    Api::Task done = open;
    done.id = serverId(2, QLatin1Char('t'));
    done.title = QStringLiteral("Book the lab");
    done.completed = true;
    Api::Note note;
    note.id = serverId(1, QLatin1Char('n'));
    note.contactId = m_contact.id;
    note.body = QStringLiteral("Prefers mornings");
    m_tasks = {open, done};
    m_notes = {note};
    QVERIFY(m_cache->upsertFromServer(
        {m_contact, serverContact(serverId(2), QStringLiteral("Other"), QStringLiteral("One"))}));
    QVERIFY(m_children->replaceTasks(m_contact.id, m_tasks, 1));
    QVERIFY(m_children->replaceNotes(m_contact.id, m_notes, 1));
}

void TestTrash::cleanup()
{
    m_trash.reset();
    m_outbox.reset();
    m_edits.reset();
    m_children.reset();
    m_cache.reset();
    m_store.reset();
}

void TestTrash::listsNewestFirst()
{
    const qint64 first = deleteTheContact();
    m_store->clock().advance(1000);
    QCOMPARE(m_edits->deleteContact(serverId(2)), EditOutcome::Saved);
    const QList<TrashEntry> entries = m_trash->list();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).contactId, serverId(2));
    QCOMPARE(entries.at(1).id, first);
    QCOMPARE(m_trash->count(), 2);
    QCOMPARE(m_trash->latestUnrestored()->contactId, serverId(2));

    const TrashEntry entry = *m_trash->entry(first);
    QCOMPARE(entry.contact, m_contact);
    QCOMPARE(entry.tasks.size(), 2);
    QCOMPARE(entry.notes, m_notes);
    QVERIFY(entry.restoredAs.isEmpty());
    QVERIFY(!m_trash->entry(999));
}

void TestTrash::restoreRecreatesContactTasksAndNotes()
{
    const qint64 trashId = deleteTheContact();
    const QString restored = m_edits->restore(trashId);
    QVERIFY(restored.startsWith(QStringLiteral("local-")));

    const Api::Contact contact = *m_cache->contact(restored);
    QCOMPARE(contact.email, m_contact.email);
    QCOMPARE(contact.city, QStringLiteral("London"));
    QCOMPARE(contact.tags, m_contact.tags);
    QVERIFY(m_cache->summary(restored)->local);
    QCOMPARE(m_cache->summary(restored)->localStatus, LocalStatus::Pending);

    const QList<Api::Task> tasks = m_children->tasks(restored);
    QCOMPARE(tasks.size(), 2);
    QStringList titles;
    for (const Api::Task& task : tasks) {
        QVERIFY(task.id.startsWith(QStringLiteral("local-")));
        QCOMPARE(task.contactId, restored);
        titles.append(task.title);
    }
    titles.sort();
    QCOMPARE(
        titles, (QStringList {QStringLiteral("Book the lab"), QStringLiteral("Send photo 51")}));
    QCOMPARE(m_children->notes(restored).size(), 1);
    QCOMPARE(m_children->notes(restored).first().body, QStringLiteral("Prefers mornings"));
    QCOMPARE(m_trash->entry(trashId)->restoredAs, restored);
    QVERIFY(!m_trash->latestUnrestored());

    // The delete of the old contact, then the creates of the new one, its tasks and its note.
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 5);
    QCOMPARE(items.at(0).kind, OutboxKind::DeleteContact);
    QCOMPARE(items.at(0).contactId, m_contact.id);
    QCOMPARE(items.at(1).kind, OutboxKind::CreateContact);
    QCOMPARE(items.at(1).contactId, restored);
    QCOMPARE(items.at(1).trashId, trashId);
    for (int i = 2; i < 5; ++i) {
        QCOMPARE(items.at(i).contactId, restored);
        QCOMPARE(items.at(i).dependsOn, restored);
    }
    QCOMPARE(items.at(2).kind, OutboxKind::CreateTask);
    QCOMPARE(items.at(3).kind, OutboxKind::CreateTask);
    QCOMPARE(items.at(4).kind, OutboxKind::CreateNote);
    bool completedKept = false;
    for (int i = 2; i < 4; ++i)
        completedKept |= items.at(i).payload.value(QStringLiteral("completed")).toBool();
    QVERIFY(completedKept);
}

void TestTrash::restoredCreatesReachTheServerInOrder()
{
    const qint64 trashId = deleteTheContact();
    const QString restored = m_edits->restore(trashId);
    const qint64 now = m_store->clock().nowMs();

    const auto deletion = m_outbox->nextReady(now);
    QCOMPARE(deletion->kind, OutboxKind::DeleteContact);
    QVERIFY(m_outbox->markInFlight(deletion->id));
    const auto create = m_outbox->nextReady(now);
    QCOMPARE(create->kind, OutboxKind::CreateContact);
    QVERIFY(m_outbox->markInFlight(create->id));
    QVERIFY(!m_outbox->nextReady(now)); // tasks and note wait for the contact

    const QString server = serverId(50);
    QVERIFY(m_outbox->resolveLocalId(restored, server));
    QVERIFY(m_outbox->markDone(create->id));
    QCOMPARE(m_trash->entry(trashId)->restoredAs, server);
    const auto task = m_outbox->nextReady(now);
    QCOMPARE(task->kind, OutboxKind::CreateTask);
    QCOMPARE(task->contactId, server);
    QCOMPARE(task->payload.value(QStringLiteral("contactId")).toString(), server);
}

void TestTrash::restoreOnlyOnce()
{
    const qint64 trashId = deleteTheContact();
    QVERIFY(!m_edits->restore(trashId).isEmpty());
    QVERIFY(m_edits->restore(trashId).isEmpty());
    QVERIFY(m_edits->restore(12345).isEmpty());
    QCOMPARE(m_cache->count(), 2);
}

void TestTrash::discardedRestoreCanBeRestoredAgain()
{
    const qint64 trashId = deleteTheContact();
    const QString restored = m_edits->restore(trashId);
    const QList<OutboxItem> items = m_outbox->list();
    QVERIFY(m_outbox->discard(items.at(1).id)); // the restore's create
    QVERIFY(!m_cache->contact(restored));
    QCOMPARE(m_outbox->pendingCount(), 1); // only the delete of the old contact
    QVERIFY(m_trash->entry(trashId)->restoredAs.isEmpty());
    QVERIFY(!m_edits->restore(trashId).isEmpty());
}

void TestTrash::purgeDropsOldEntries()
{
    deleteTheContact();
    m_store->clock().advance(30LL * 24 * 3600 * 1000);
    QCOMPARE(m_edits->deleteContact(serverId(2)), EditOutcome::Saved);
    QVERIFY(m_trash->purge(m_store->clock().nowMs() - 1000));
    QCOMPARE(m_trash->count(), 1);
    QCOMPARE(m_trash->list().first().contactId, serverId(2));
}

void TestTrash::serverChildrenCompleteTheEntry()
{
    // A task edited here before the delete: the trash keeps the edited version.
    QCOMPARE(m_edits->updateTask(m_contact.id, m_tasks.first().id,
                 QJsonObject {{QStringLiteral("title"), QStringLiteral("Send photo 51 today")}}),
        EditOutcome::Saved);
    const qint64 trashId = deleteTheContact();
    QVERIFY(trashId != 0);

    // The server's lists: the same tasks as they were there, and a task and a note the cache
    // never loaded.
    Api::Task unseen;
    unseen.id = serverId(3, QLatin1Char('t'));
    unseen.contactId = m_contact.id;
    unseen.title = QStringLiteral("Call the journal");
    Api::Note unseenNote;
    unseenNote.id = serverId(2, QLatin1Char('n'));
    unseenNote.contactId = m_contact.id;
    unseenNote.body = QStringLiteral("Met at the conference");
    QVERIFY(m_trash->addServerChildren(m_contact.id, m_tasks + QList<Api::Task> {unseen},
        m_notes + QList<Api::Note> {unseenNote}));

    const TrashEntry entry = *m_trash->entry(trashId);
    QCOMPARE(entry.contact, m_contact);
    QStringList titles;
    for (const Api::Task& task : entry.tasks)
        titles.append(task.title);
    QCOMPARE(titles,
        QStringList({QStringLiteral("Send photo 51 today"), QStringLiteral("Book the lab"),
            QStringLiteral("Call the journal")}));
    QCOMPARE(entry.notes, m_notes + QList<Api::Note> {unseenNote});
    // Nothing new: nothing changes, and a contact without an entry is no error.
    QVERIFY(m_trash->addServerChildren(m_contact.id, m_tasks, m_notes));
    QCOMPARE(*m_trash->entry(trashId), entry);
    QVERIFY(m_trash->addServerChildren(serverId(7), {unseen}, {}));

    // The restore re-creates all of them.
    const QString restored = m_edits->restore(trashId);
    QVERIFY(!restored.isEmpty());
    QCOMPARE(m_children->tasks(restored).size(), 3);
    QCOMPARE(m_children->notes(restored).size(), 2);
}

QTEST_GUILESS_MAIN(TestTrash)
#include "tst_trash.moc"
