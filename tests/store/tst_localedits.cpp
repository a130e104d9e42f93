// LocalEdits, the one way the UI changes data: each edit writes the optimistic change, its
// outbox item and a history row in one transaction; an edit the disk refuses is kept in memory
// and applied later, never lost.
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/history.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/trash.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

namespace {

QJsonObject fields(std::initializer_list<QPair<QString, QJsonValue>> list)
{
    QJsonObject object;
    for (const auto& field : list)
        object.insert(field.first, field.second);
    return object;
}

const QString email = QStringLiteral("email");
const QString city = QStringLiteral("city");

} // namespace

class TestLocalEdits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createContactWritesCacheOutboxAndHistory();
    void updateSendsOnlyChangedFieldsWithTheirBase();
    void updatesOfOneContactFoldTogether();
    void updateOfAContactNotYetCreatedFoldsIntoTheCreate();
    void tagsInAnUpdateBecomeTagItems();
    void editAfterAFailureSendsAgain();
    void deleteMovesContactTasksAndNotesToTheTrashFirst();
    void deleteOfAContactNeverSentNeedsNoRequest();
    void bulkDeleteAndBulkTags();
    void taskEdits();
    void completingTwiceBeforeSendingCancelsOut();
    void noteEdits();
    void deleteOfANeverSentTaskDropsItsCreate();
    void readOnlyDiskKeepsTheEditUntilRetried();
    void fullDiskKeepsTheEditUntilRetried();
    void laterEditsWaitBehindUnsavedOnes();
    void unsavedEditCanBeDropped();
    void syncChangesReachTheSameSignals();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<ContactCache> m_cache;
    std::unique_ptr<ChildCache> m_children;
    std::unique_ptr<LocalEdits> m_edits;
    std::unique_ptr<Outbox> m_outbox;

    int count(const char* table)
    {
        return m_store
            ->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table)))
            .toInt();
    }
};

void TestLocalEdits::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->open().ok);
    m_cache = std::make_unique<ContactCache>(m_store->db());
    m_children = std::make_unique<ChildCache>(m_store->db());
    m_edits = std::make_unique<LocalEdits>(m_store->db());
    m_outbox = std::make_unique<Outbox>(m_store->db());
    QVERIFY(m_cache->upsertFromServer({
        serverContact(serverId(1), QStringLiteral("Ada"), QStringLiteral("Lovelace"),
            QStringLiteral("ada@example.com"), {}, {}, {QStringLiteral("vip")}),
        serverContact(serverId(2), QStringLiteral("Alan"), QStringLiteral("Turing"),
            QStringLiteral("alan@example.com")),
    }));
}

void TestLocalEdits::cleanup()
{
    m_outbox.reset();
    m_edits.reset();
    m_children.reset();
    m_cache.reset();
    m_store.reset();
}

void TestLocalEdits::createContactWritesCacheOutboxAndHistory()
{
    QSignalSpy inserted(m_edits.get(), &LocalEdits::contactsInserted);
    QSignalSpy outboxChanged(m_edits.get(), &LocalEdits::outboxChanged);
    Api::Contact draft = serverContact(QStringLiteral("ignored"), QStringLiteral("Grace"),
        QStringLiteral("Hopper"), QStringLiteral("grace@navy.example"),
        QStringLiteral("+12025550111"), QStringLiteral("US Navy"), {QStringLiteral("admiral")});
    const QString id = m_edits->createContact(draft);
    QVERIFY(id.startsWith(QStringLiteral("local-")));

    const ContactSummary summary = *m_cache->summary(id);
    QCOMPARE(summary.displayName, QStringLiteral("Grace Hopper"));
    QVERIFY(summary.local);
    QCOMPARE(summary.localStatus, LocalStatus::Pending);
    QCOMPARE(summary.dateAddedMs, m_store->clock().nowMs());
    QCOMPARE(m_cache->matchingRowIds(QStringLiteral("hopp")), QVector<qint64> {summary.rowId});

    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::CreateContact);
    QCOMPARE(items.first().contactId, id);
    QCOMPARE(items.first().payload.value(email).toString(), QStringLiteral("grace@navy.example"));
    QCOMPARE(items.first().payload.value(QStringLiteral("tags")).toArray(),
        QJsonArray {QStringLiteral("admiral")});
    QVERIFY(!items.first().payload.contains(QStringLiteral("id")));
    QCOMPARE(items.first().createdAtMs, m_store->clock().nowMs());

    const QList<HistoryEntry> history = History(m_store->db()).history(id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().action, QStringLiteral("createContact"));
    QVERIFY(history.first().summary.contains(QStringLiteral("Grace Hopper")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(outboxChanged.size(), 1);
}

void TestLocalEdits::updateSendsOnlyChangedFieldsWithTheirBase()
{
    QSignalSpy changed(m_edits.get(), &LocalEdits::contactsChanged);
    QCOMPARE(m_edits->updateContact(serverId(1),
                 fields({{email, QStringLiteral("ada@engines.example")},
                     {QStringLiteral("lastName"), QStringLiteral("Lovelace")}, // unchanged
                     {city, QStringLiteral("London")}})),
        EditOutcome::Saved);
    const OutboxItem item = m_outbox->list().first();
    QCOMPARE(item.kind, OutboxKind::UpdateContact);
    QCOMPARE(item.payload,
        fields({{email, QStringLiteral("ada@engines.example")}, {city, QStringLiteral("London")}}));
    // The base holds what the cache had: the old email, and null for a field that was not set.
    QCOMPARE(item.base, fields({{email, QStringLiteral("ada@example.com")}, {city, QJsonValue()}}));
    QCOMPARE(m_cache->contact(serverId(1))->city, QStringLiteral("London"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<QVector<qint64>>(),
        QVector<qint64> {m_cache->rowIdFor(serverId(1))});

    QCOMPARE(m_edits->updateContact(serverId(1), fields({{city, QStringLiteral("London")}})),
        EditOutcome::Rejected);
    QCOMPARE(
        m_edits->updateContact(QStringLiteral("nobody"), fields({{city, QStringLiteral("X")}})),
        EditOutcome::Rejected);
    QCOMPARE(m_edits->updateContact(serverId(1), fields({{QStringLiteral("tags"), 42}})),
        EditOutcome::Rejected);
    QCOMPARE(m_outbox->pendingCount(), 1);
}

void TestLocalEdits::updatesOfOneContactFoldTogether()
{
    QCOMPARE(
        m_edits->updateContact(serverId(1), fields({{email, QStringLiteral("a@one.example")}})),
        EditOutcome::Saved);
    QCOMPARE(
        m_edits->updateContact(serverId(1),
            fields({{email, QStringLiteral("a@two.example")}, {city, QStringLiteral("Bath")}})),
        EditOutcome::Saved);
    QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().payload,
        fields({{email, QStringLiteral("a@two.example")}, {city, QStringLiteral("Bath")}}));
    // The base of the email is still the server's, not the first edit's.
    QCOMPARE(items.first().base.value(email).toString(), QStringLiteral("ada@example.com"));

    // Back to what the server has: nothing left to send.
    QCOMPARE(m_edits->updateContact(serverId(1),
                 fields({{email, QStringLiteral("ada@example.com")}, {city, QJsonValue()}})),
        EditOutcome::Saved);
    QCOMPARE(m_outbox->pendingCount(), 0);
    QCOMPARE(m_cache->summary(serverId(1))->localStatus, LocalStatus::Synced);
    QCOMPARE(History(m_store->db()).history(serverId(1)).size(), 3);
}

void TestLocalEdits::updateOfAContactNotYetCreatedFoldsIntoTheCreate()
{
    const QString id = m_edits->createContact(
        serverContact({}, QStringLiteral("Tim"), QStringLiteral("Berners")));
    QCOMPARE(m_edits->updateContact(
                 id, fields({{QStringLiteral("lastName"), QStringLiteral("Berners-Lee")}})),
        EditOutcome::Saved);
    QCOMPARE(m_edits->addTags({id}, {QStringLiteral("web")}), EditOutcome::Saved);
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::CreateContact);
    QCOMPARE(items.first().payload.value(QStringLiteral("lastName")).toString(),
        QStringLiteral("Berners-Lee"));
    QCOMPARE(items.first().payload.value(QStringLiteral("name")).toString(),
        QStringLiteral("Tim Berners-Lee"));
    QCOMPARE(items.first().payload.value(QStringLiteral("tags")).toArray(),
        QJsonArray {QStringLiteral("web")});
    QCOMPARE(m_cache->summary(id)->displayName, QStringLiteral("Tim Berners-Lee"));
}

void TestLocalEdits::tagsInAnUpdateBecomeTagItems()
{
    QCOMPARE(m_edits->updateContact(serverId(1),
                 fields({{QStringLiteral("tags"),
                     QJsonArray {QStringLiteral("VIP"), QStringLiteral("speaker")}}})),
        EditOutcome::Saved);
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1); // "VIP" is "vip": only "speaker" is new
    QCOMPARE(items.first().kind, OutboxKind::AddTags);
    QCOMPARE(items.first().payload.value(QStringLiteral("tags")).toArray(),
        QJsonArray {QStringLiteral("speaker")});
    QCOMPARE(items.first().base.value(QStringLiteral("tags")).toArray(),
        QJsonArray {QStringLiteral("vip")});
    QCOMPARE(m_cache->contact(serverId(1))->tags,
        (QStringList {QStringLiteral("vip"), QStringLiteral("speaker")}));

    QCOMPARE(m_edits->updateContact(serverId(1), fields({{QStringLiteral("tags"), QJsonArray()}})),
        EditOutcome::Saved);
    const OutboxItem removal = m_outbox->list().last();
    QCOMPARE(removal.kind, OutboxKind::RemoveTags);
    QCOMPARE(removal.payload.value(QStringLiteral("tags")).toArray(),
        (QJsonArray {QStringLiteral("vip"), QStringLiteral("speaker")}));
    QVERIFY(m_cache->contact(serverId(1))->tags.isEmpty());
    QVERIFY(m_cache->orderedRowIds(SortColumn::Name, Qt::AscendingOrder, QStringLiteral("vip"))
                .isEmpty());
}

void TestLocalEdits::editAfterAFailureSendsAgain()
{
    QCOMPARE(m_edits->updateContact(serverId(2), fields({{email, QStringLiteral("not-an-email")}})),
        EditOutcome::Saved);
    const auto item = m_outbox->nextReady(m_store->clock().nowMs());
    QVERIFY(m_outbox->markInFlight(item->id));
    QVERIFY(m_outbox->markFailed(item->id, QStringLiteral("email must be an email")));
    QCOMPARE(m_cache->summary(serverId(2))->localStatus, LocalStatus::Failed);

    // The user fixes the field the server refused.
    QCOMPARE(m_edits->updateContact(
                 serverId(2), fields({{email, QStringLiteral("alan@bletchley.example")}})),
        EditOutcome::Saved);
    const OutboxItem fixed = *m_outbox->item(item->id);
    QCOMPARE(fixed.state, OutboxState::Queued);
    QCOMPARE(fixed.attempts, 0);
    QVERIFY(fixed.lastError.isEmpty());
    QCOMPARE(fixed.payload, fields({{email, QStringLiteral("alan@bletchley.example")}}));
    QCOMPARE(fixed.base, fields({{email, QStringLiteral("alan@example.com")}}));
    QCOMPARE(m_cache->summary(serverId(2))->localStatus, LocalStatus::Pending);
}

void TestLocalEdits::deleteMovesContactTasksAndNotesToTheTrashFirst()
{
    Api::Task task;
    task.id = serverId(1, QLatin1Char('t'));
    task.contactId = serverId(1);
    task.title = QStringLiteral("Translate the memoir");
    Api::Note note;
    note.id = serverId(1, QLatin1Char('n'));
    note.contactId = serverId(1);
    note.body = QStringLiteral("Prefers letters");
    QVERIFY(m_children->replaceTasks(serverId(1), {task}, 1));
    QVERIFY(m_children->replaceNotes(serverId(1), {note}, 1));
    QSignalSpy removed(m_edits.get(), &LocalEdits::contactsRemoved);
    const qint64 rowId = m_cache->rowIdFor(serverId(1));

    QCOMPARE(m_edits->deleteContact(serverId(1)), EditOutcome::Saved);
    QVERIFY(!m_cache->contact(serverId(1)));
    QVERIFY(m_children->tasks(serverId(1)).isEmpty());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().value<QVector<qint64>>(), QVector<qint64> {rowId});

    const QList<TrashEntry> trash = Trash(m_store->db()).list();
    QCOMPARE(trash.size(), 1);
    QCOMPARE(trash.first().contactId, serverId(1));
    QCOMPARE(trash.first().contact.email, QStringLiteral("ada@example.com"));
    QCOMPARE(trash.first().tasks, QList<Api::Task> {task});
    QCOMPARE(trash.first().notes, QList<Api::Note> {note});
    QCOMPARE(trash.first().deletedAtMs, m_store->clock().nowMs());

    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::DeleteContact);
    QCOMPARE(items.first().contactId, serverId(1));
    QVERIFY(History(m_store->db())
                .history(serverId(1))
                .first()
                .summary.contains(QStringLiteral("1 task")));
    QCOMPARE(m_edits->deleteContact(serverId(1)), EditOutcome::Rejected);
}

void TestLocalEdits::deleteOfAContactNeverSentNeedsNoRequest()
{
    const QString id = m_edits->createContact(
        serverContact({}, QStringLiteral("Draft"), QStringLiteral("Person")));
    QCOMPARE(
        m_edits->updateContact(id, fields({{city, QStringLiteral("Leeds")}})), EditOutcome::Saved);
    QCOMPARE(m_edits->deleteContact(id), EditOutcome::Saved);
    QCOMPARE(m_outbox->pendingCount(), 0);
    QCOMPARE(Trash(m_store->db()).count(), 1);
    QCOMPARE(Trash(m_store->db()).list().first().contact.city, QStringLiteral("Leeds"));

    // One whose create is on its way: the delete waits for it.
    const QString sending = m_edits->createContact(
        serverContact({}, QStringLiteral("Racing"), QStringLiteral("Create")));
    const auto create = m_outbox->nextReady(m_store->clock().nowMs());
    QVERIFY(m_outbox->markInFlight(create->id));
    QCOMPARE(m_edits->deleteContact(sending), EditOutcome::Saved);
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.last().kind, OutboxKind::DeleteContact);
    QCOMPARE(items.last().dependsOn, sending);

    // One the server refused made nothing there either.
    const QString refused
        = m_edits->createContact(serverContact({}, QStringLiteral("Bad"), QStringLiteral("Phone")));
    const auto refusedCreate = m_outbox->itemsForContact(refused).first();
    QVERIFY(m_outbox->markInFlight(refusedCreate.id));
    QVERIFY(m_outbox->markFailed(refusedCreate.id, QStringLiteral("phone is invalid")));
    QCOMPARE(m_edits->deleteContact(refused), EditOutcome::Saved);
    QVERIFY(m_outbox->itemsForContact(refused).isEmpty());
}

void TestLocalEdits::bulkDeleteAndBulkTags()
{
    QSignalSpy outboxChanged(m_edits.get(), &LocalEdits::outboxChanged);
    QCOMPARE(m_edits->addTags(
                 {serverId(1), serverId(2)}, {QStringLiteral("vip"), QStringLiteral("2026")}),
        EditOutcome::Saved);
    QCOMPARE(outboxChanged.size(), 1);
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 2);
    // Ada has "vip" already: only "2026" is added to her.
    QCOMPARE(items.at(0).payload.value(QStringLiteral("tags")).toArray(),
        QJsonArray {QStringLiteral("2026")});
    QCOMPARE(items.at(1).payload.value(QStringLiteral("tags")).toArray(),
        (QJsonArray {QStringLiteral("vip"), QStringLiteral("2026")}));
    QCOMPARE(m_edits->addTags({serverId(1)}, {QStringLiteral("VIP")}), EditOutcome::Rejected);
    QCOMPARE(m_edits->removeTags({serverId(1), serverId(2)}, {QStringLiteral("2026")}),
        EditOutcome::Saved);
    QCOMPARE(m_cache->allTags(), QStringList {QStringLiteral("vip")});

    QCOMPARE(m_edits->deleteContacts({serverId(1), serverId(2), QStringLiteral("gone")}),
        EditOutcome::Saved);
    QCOMPARE(m_cache->count(), 0);
    QCOMPARE(Trash(m_store->db()).count(), 2);
}

void TestLocalEdits::taskEdits()
{
    QSignalSpy children(m_edits.get(), &LocalEdits::childrenChanged);
    Api::Task draft;
    draft.title = QStringLiteral("Call back");
    draft.dueDate = utc(1800000000000);
    const QString taskId = m_edits->createTask(serverId(2), draft);
    QVERIFY(taskId.startsWith(QStringLiteral("local-")));
    QCOMPARE(children.size(), 1);
    QCOMPARE(children.first().first().toString(), serverId(2));
    const Api::Task created = *m_children->task(serverId(2), taskId);
    QCOMPARE(created.title, QStringLiteral("Call back"));
    QCOMPARE(created.contactId, serverId(2));
    QVERIFY(m_edits->createTask(QStringLiteral("nobody"), draft).isEmpty());

    const auto create = m_outbox->nextReady(m_store->clock().nowMs());
    QCOMPARE(create->kind, OutboxKind::CreateTask);
    QCOMPARE(create->childId, taskId);
    QVERIFY(create->dependsOn.isEmpty());
    QVERIFY(m_outbox->markInFlight(create->id));
    QVERIFY(m_outbox->resolveLocalId(taskId, serverId(8, QLatin1Char('t'))));
    QVERIFY(m_outbox->markDone(create->id));
    const QString id = serverId(8, QLatin1Char('t'));

    QCOMPARE(m_edits->updateTask(serverId(2), id,
                 fields({{QStringLiteral("title"), QStringLiteral("Call back today")}})),
        EditOutcome::Saved);
    QCOMPARE(m_edits->completeTask(serverId(2), id, true), EditOutcome::Saved);
    QCOMPARE(m_edits->completeTask(serverId(2), id, true), EditOutcome::Rejected);
    QCOMPARE(m_edits->updateTask(serverId(2), id, fields({{QStringLiteral("dueDate"), 12}})),
        EditOutcome::Rejected);
    QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).kind, OutboxKind::UpdateTask);
    QCOMPARE(items.at(0).payload,
        fields({{QStringLiteral("title"), QStringLiteral("Call back today")}}));
    QCOMPARE(items.at(0).base, fields({{QStringLiteral("title"), QStringLiteral("Call back")}}));
    QCOMPARE(items.at(1).kind, OutboxKind::CompleteTask);
    QCOMPARE(items.at(1).payload, fields({{QStringLiteral("completed"), true}}));
    QVERIFY(m_children->task(serverId(2), id)->completed);
    QCOMPARE(m_children->childStatuses(serverId(2)).value(id).status, LocalStatus::Pending);

    QCOMPARE(m_edits->deleteTask(serverId(2), id), EditOutcome::Saved);
    QVERIFY(!m_children->task(serverId(2), id));
    items = m_outbox->list();
    // The update and completion never went: only the delete remains, with the task as base.
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::DeleteTask);
    QCOMPARE(items.first().base.value(QStringLiteral("title")).toString(),
        QStringLiteral("Call back today"));
    QCOMPARE(History(m_store->db()).history(serverId(2)).size(), 4);
}

void TestLocalEdits::completingTwiceBeforeSendingCancelsOut()
{
    Api::Task task;
    task.id = serverId(4, QLatin1Char('t'));
    task.contactId = serverId(1);
    task.title = QStringLiteral("Review");
    QVERIFY(m_children->replaceTasks(serverId(1), {task}, 1));
    QCOMPARE(m_edits->completeTask(serverId(1), task.id, true), EditOutcome::Saved);
    QCOMPARE(m_edits->completeTask(serverId(1), task.id, false), EditOutcome::Saved);
    QCOMPARE(m_outbox->pendingCount(), 0);
    QVERIFY(!m_children->task(serverId(1), task.id)->completed);
}

void TestLocalEdits::noteEdits()
{
    Api::Note draft;
    draft.body = QStringLiteral("First call went well");
    const QString noteId = m_edits->createNote(serverId(1), draft);
    QVERIFY(!noteId.isEmpty());
    QCOMPARE(m_children->notes(serverId(1)).size(), 1);
    QCOMPARE(m_edits->updateNote(serverId(1), noteId,
                 fields({{QStringLiteral("body"), QStringLiteral("First call went very well")}})),
        EditOutcome::Saved);
    // Not sent yet: the change goes into the create.
    QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::CreateNote);
    QCOMPARE(items.first().payload.value(QStringLiteral("body")).toString(),
        QStringLiteral("First call went very well"));
    QCOMPARE(
        m_children->note(serverId(1), noteId)->body, QStringLiteral("First call went very well"));

    const auto create = m_outbox->nextReady(m_store->clock().nowMs());
    QVERIFY(m_outbox->markInFlight(create->id));
    QVERIFY(m_outbox->resolveLocalId(noteId, serverId(6, QLatin1Char('n'))));
    QVERIFY(m_outbox->markDone(create->id));
    QCOMPARE(m_edits->deleteNote(serverId(1), serverId(6, QLatin1Char('n'))), EditOutcome::Saved);
    items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().kind, OutboxKind::DeleteNote);
    QCOMPARE(items.first().childId, serverId(6, QLatin1Char('n')));
    QVERIFY(m_children->notes(serverId(1)).isEmpty());
}

void TestLocalEdits::deleteOfANeverSentTaskDropsItsCreate()
{
    Api::Task draft;
    draft.title = QStringLiteral("Oops");
    const QString taskId = m_edits->createTask(serverId(1), draft);
    QCOMPARE(m_edits->deleteTask(serverId(1), taskId), EditOutcome::Saved);
    QCOMPARE(m_outbox->pendingCount(), 0);
    QVERIFY(m_children->tasks(serverId(1)).isEmpty());
}

void TestLocalEdits::readOnlyDiskKeepsTheEditUntilRetried()
{
    QSignalSpy failed(m_edits.get(), &LocalEdits::saveFailed);
    QSignalSpy unsaved(m_edits.get(), &LocalEdits::unsavedEditsChanged);
    m_store->makeReadOnly(true);
    const QString id = m_edits->createContact(
        serverContact({}, QStringLiteral("Kept"), QStringLiteral("InMemory")));
    QCOMPARE(m_edits->updateContact(serverId(1), fields({{city, QStringLiteral("Paris")}})),
        EditOutcome::Unsaved);

    // Nothing reached the cache or the outbox...
    QCOMPARE(m_cache->count(), 2);
    QVERIFY(!m_cache->contact(id));
    QVERIFY(m_cache->contact(serverId(1))->city.isEmpty());
    QCOMPARE(count("outbox"), 0);
    QCOMPARE(count("history"), 0);
    // ...and nothing is lost: both edits wait, in order, with the reason.
    const QList<UnsavedEdit> kept = m_edits->unsavedEdits();
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).contactId, id);
    QVERIFY(kept.at(0).description.contains(QStringLiteral("Kept InMemory")));
    QCOMPARE(kept.at(0).error.kind, StoreError::Kind::ReadOnly);
    QCOMPARE(kept.at(1).contactId, serverId(1));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), kept.at(0).error.message);
    QVERIFY(unsaved.size() >= 2);
    QVERIFY(!m_edits->retryUnsaved());
    QCOMPARE(m_edits->unsavedEdits().size(), 2);

    m_store->makeReadOnly(false);
    QVERIFY(m_edits->retryUnsaved());
    QVERIFY(m_edits->unsavedEdits().isEmpty());
    QCOMPARE(m_cache->contact(id)->lastName, QStringLiteral("InMemory"));
    QCOMPARE(m_cache->contact(serverId(1))->city, QStringLiteral("Paris"));
    QCOMPARE(m_outbox->pendingCount(), 2);
    QCOMPARE(m_outbox->list().first().contactId, id);
}

void TestLocalEdits::fullDiskKeepsTheEditUntilRetried()
{
    m_store->fillDisk(true);
    Api::Note note;
    note.body = QString(200000, QLatin1Char('n')); // needs new pages
    const QString noteId = m_edits->createNote(serverId(2), note);
    QVERIFY(!noteId.isEmpty());
    QCOMPARE(m_edits->unsavedEdits().size(), 1);
    QCOMPARE(m_edits->unsavedEdits().first().error.kind, StoreError::Kind::DiskFull);
    QVERIFY(m_children->notes(serverId(2)).isEmpty());
    QCOMPARE(count("outbox"), 0);

    m_store->fillDisk(false);
    QVERIFY(m_edits->retryUnsaved());
    QCOMPARE(m_children->notes(serverId(2)).size(), 1);
    QCOMPARE(m_children->notes(serverId(2)).first().id, noteId);
    QCOMPARE(m_outbox->list().first().childId, noteId);
}

void TestLocalEdits::laterEditsWaitBehindUnsavedOnes()
{
    m_store->makeReadOnly(true);
    QCOMPARE(m_edits->updateContact(serverId(1), fields({{city, QStringLiteral("First")}})),
        EditOutcome::Unsaved);
    m_store->makeReadOnly(false);
    // The earlier edit goes first, so the later value wins.
    QCOMPARE(m_edits->updateContact(serverId(1), fields({{city, QStringLiteral("Second")}})),
        EditOutcome::Saved);
    QVERIFY(m_edits->unsavedEdits().isEmpty());
    QCOMPARE(m_cache->contact(serverId(1))->city, QStringLiteral("Second"));
    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().payload, fields({{city, QStringLiteral("Second")}}));
    QCOMPARE(History(m_store->db()).history(serverId(1)).size(), 2);
}

void TestLocalEdits::unsavedEditCanBeDropped()
{
    m_store->makeReadOnly(true);
    QCOMPARE(m_edits->deleteContact(serverId(2)), EditOutcome::Unsaved);
    const qint64 serial = m_edits->unsavedEdits().first().serial;
    QVERIFY(m_edits->discardUnsaved(serial));
    QVERIFY(!m_edits->discardUnsaved(serial));
    m_store->makeReadOnly(false);
    QVERIFY(m_edits->retryUnsaved());
    QVERIFY(m_cache->contact(serverId(2)));
}

void TestLocalEdits::syncChangesReachTheSameSignals()
{
    QSignalSpy changed(m_edits.get(), &LocalEdits::contactsChanged);
    QSignalSpy inserted(m_edits.get(), &LocalEdits::contactsInserted);
    Api::Contact ada = serverContact(serverId(1), QStringLiteral("Ada"), QStringLiteral("King"),
        QStringLiteral("ada@example.com"), {}, {}, {QStringLiteral("vip")});
    QVERIFY(m_cache->upsertFromServer(
        {ada, serverContact(serverId(3), QStringLiteral("New"), QStringLiteral("Arrival"))}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().first().value<QVector<qint64>>(),
        QVector<qint64> {m_cache->rowIdFor(serverId(3))});
}

QTEST_GUILESS_MAIN(TestLocalEdits)
#include "tst_localedits.moc"
