// The outbox as the worker and the user drive it: order per contact, back-off, dependencies on
// local creates, local ids becoming server ids everywhere, recovery after a crash, conflicts,
// and discards that undo the optimistic change.
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

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void itemsOfOneContactGoInOrder();
    void failedItemHoldsBackTheContactUntilRetried();
    void retryableFailureBacksOff();
    void dependantsWaitForTheParentCreate();
    void resolvedTaskIdReachesItsLaterEdits();
    void resolveReplacesAServerCopyFetchedMeanwhile();
    void inFlightItemsAfterACrash();
    void outcomeUnknownStaysUntilReconciled();
    void conflictKeepMineOrPerField();
    void conflictTakeTheirsCompletesTheItem();
    void discardCreateRemovesLocalContactAndDependants();
    void discardUpdateRevertsAndMarksStale();
    void discardDeleteBringsContactBack();
    void discardTaskChangeRevertsAndRefetches();
    void inFlightItemCannotBeDiscarded();
    void countsAndSignals();
    void namesRoundTrip();

private:
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<ContactCache> m_cache;
    std::unique_ptr<LocalEdits> m_edits;
    std::unique_ptr<Outbox> m_outbox;

    qint64 now() { return m_store->clock().nowMs(); }
    void reopen()
    {
        m_outbox.reset();
        m_edits.reset();
        m_cache.reset();
        m_store->close();
        QVERIFY(m_store->open().ok);
        m_cache = std::make_unique<ContactCache>(m_store->db());
        m_edits = std::make_unique<LocalEdits>(m_store->db());
        m_outbox = std::make_unique<Outbox>(m_store->db());
    }
    // Sends the next ready item as the worker would; returns it.
    OutboxItem take()
    {
        const auto item = m_outbox->nextReady(now());
        if (!item)
            return {};
        m_outbox->markInFlight(item->id);
        return *item;
    }
};

void TestOutbox::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->open().ok);
    m_cache = std::make_unique<ContactCache>(m_store->db());
    m_edits = std::make_unique<LocalEdits>(m_store->db());
    m_outbox = std::make_unique<Outbox>(m_store->db());
    QVERIFY(m_cache->upsertFromServer({
        serverContact(serverId(1), QStringLiteral("Ada"), QStringLiteral("Lovelace"),
            QStringLiteral("ada@example.com"), QStringLiteral("+14155550100")),
        serverContact(serverId(2), QStringLiteral("Alan"), QStringLiteral("Turing"),
            QStringLiteral("alan@example.com")),
    }));
}

void TestOutbox::cleanup()
{
    m_outbox.reset();
    m_edits.reset();
    m_cache.reset();
    m_store.reset();
}

void TestOutbox::itemsOfOneContactGoInOrder()
{
    const QString a = serverId(1);
    const QString b = serverId(2);
    QCOMPARE(
        m_edits->updateContact(a, {{QStringLiteral("email"), QStringLiteral("a@new.example")}}),
        EditOutcome::Saved);
    QCOMPARE(
        m_edits->updateContact(b, {{QStringLiteral("email"), QStringLiteral("b@new.example")}}),
        EditOutcome::Saved);
    QCOMPARE(m_edits->addTags({a}, {QStringLiteral("vip")}), EditOutcome::Saved);

    const OutboxItem first = take();
    QCOMPARE(first.contactId, a);
    QCOMPARE(first.kind, OutboxKind::UpdateContact);
    QCOMPARE(
        first.payload, (QJsonObject {{QStringLiteral("email"), QStringLiteral("a@new.example")}}));
    // a's tags wait behind a's update, so b goes next.
    const OutboxItem second = take();
    QCOMPARE(second.contactId, b);
    QVERIFY(!m_outbox->nextReady(now()));

    QVERIFY(m_outbox->markDone(first.id));
    const OutboxItem third = take();
    QCOMPARE(third.contactId, a);
    QCOMPARE(third.kind, OutboxKind::AddTags);
    QCOMPARE(
        third.payload.value(QStringLiteral("tags")).toArray(), QJsonArray {QStringLiteral("vip")});
    QCOMPARE(m_outbox->item(first.id)->state, OutboxState::Done);
    QCOMPARE(m_outbox->item(third.id)->attempts, 1);
    QCOMPARE(m_outbox->item(third.id)->state, OutboxState::InFlight);
}

void TestOutbox::failedItemHoldsBackTheContactUntilRetried()
{
    const QString a = serverId(1);
    QCOMPARE(m_edits->updateContact(a, {{QStringLiteral("email"), QStringLiteral("not-an-email")}}),
        EditOutcome::Saved);
    QCOMPARE(m_edits->addTags({a}, {QStringLiteral("vip")}), EditOutcome::Saved);
    const OutboxItem sent = take();
    QVERIFY(m_outbox->markFailed(sent.id, QStringLiteral("email must be an email")));

    QVERIFY(!m_outbox->nextReady(now()));
    const ContactSummary summary = *m_cache->summary(a);
    QCOMPARE(summary.localStatus, LocalStatus::Failed);
    QCOMPARE(summary.statusMessage, QStringLiteral("email must be an email"));
    QCOMPARE(m_outbox->list().size(), 2);
    QCOMPARE(m_outbox->list().first().lastError, QStringLiteral("email must be an email"));

    QVERIFY(m_outbox->retry(sent.id));
    const auto again = m_outbox->nextReady(now());
    QVERIFY(again);
    QCOMPARE(again->id, sent.id);
    QCOMPARE(again->attempts, 0);
    QCOMPARE(m_cache->summary(a)->localStatus, LocalStatus::Pending);
}

void TestOutbox::retryableFailureBacksOff()
{
    QCOMPARE(
        m_edits->updateContact(serverId(1), {{QStringLiteral("city"), QStringLiteral("London")}}),
        EditOutcome::Saved);
    const OutboxItem sent = take();
    QVERIFY(m_outbox->scheduleRetry(sent.id, now() + 5000, QStringLiteral("HTTP 503")));
    QVERIFY(!m_outbox->nextReady(now()));
    QCOMPARE(m_outbox->nextAttemptAt(), std::optional<qint64>(now() + 5000));
    QCOMPARE(m_cache->summary(serverId(1))->localStatus, LocalStatus::Pending);
    m_store->clock().advance(5000);
    const auto ready = m_outbox->nextReady(now());
    QVERIFY(ready);
    QCOMPARE(ready->state, OutboxState::Queued);
    QCOMPARE(ready->lastError, QStringLiteral("HTTP 503"));
    QCOMPARE(ready->attempts, 1);
}

void TestOutbox::dependantsWaitForTheParentCreate()
{
    QSignalSpy resolved(&m_store->db(), &Database::localIdResolved);
    const QString local = m_edits->createContact(
        serverContact({}, QStringLiteral("Grace"), QStringLiteral("Hopper")));
    Api::Task task;
    task.title = QStringLiteral("Send the manual");
    const QString localTask = m_edits->createTask(local, task);
    Api::Note note;
    note.body = QStringLiteral("Met at the conference");
    QVERIFY(!m_edits->createNote(local, note).isEmpty());
    const qint64 rowId = m_cache->rowIdFor(local);

    const OutboxItem create = take();
    QCOMPARE(create.kind, OutboxKind::CreateContact);
    QCOMPARE(create.contactId, local);
    QCOMPARE(create.payload.value(QStringLiteral("firstName")).toString(), QStringLiteral("Grace"));
    QVERIFY(!create.payload.contains(QStringLiteral("id")));
    QVERIFY(!m_outbox->nextReady(now()));
    const QList<OutboxItem> waiting = m_outbox->list();
    QCOMPARE(waiting.at(1).kind, OutboxKind::CreateTask);
    QCOMPARE(waiting.at(1).dependsOn, local);
    QCOMPARE(waiting.at(2).dependsOn, local);

    const QString server = serverId(77);
    QVERIFY(m_outbox->resolveLocalId(local, server));
    QVERIFY(m_outbox->markDone(create.id));
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().at(0).toString(), local);
    QCOMPARE(resolved.first().at(1).toString(), server);

    // The same row, now under its server id.
    QCOMPARE(m_cache->rowIdFor(server), rowId);
    QCOMPARE(m_cache->rowIdFor(local), 0);
    QCOMPARE(m_cache->contact(server)->id, server);
    QVERIFY(!m_cache->summary(server)->local);
    QVERIFY(m_cache->allServerIds().contains(server));
    ChildCache children(m_store->db());
    QCOMPARE(children.tasks(server).size(), 1);
    QCOMPARE(children.tasks(server).first().contactId, server);
    QCOMPARE(History(m_store->db()).history(local).size(), 0);
    QVERIFY(History(m_store->db()).history(server).size() >= 3);

    const OutboxItem taskCreate = take();
    QCOMPARE(taskCreate.kind, OutboxKind::CreateTask);
    QCOMPARE(taskCreate.contactId, server);
    QCOMPARE(taskCreate.childId, localTask);
    QCOMPARE(taskCreate.dependsOn, server);
    QCOMPARE(taskCreate.payload.value(QStringLiteral("contactId")).toString(), server);
    QCOMPARE(taskCreate.payload.value(QStringLiteral("title")).toString(),
        QStringLiteral("Send the manual"));
}

void TestOutbox::resolvedTaskIdReachesItsLaterEdits()
{
    Api::Task task;
    task.title = QStringLiteral("Draft");
    const QString localTask = m_edits->createTask(serverId(1), task);
    const OutboxItem create = take();
    // Edited while its create is on the way: waits for the server id.
    QCOMPARE(m_edits->updateTask(
                 serverId(1), localTask, {{QStringLiteral("title"), QStringLiteral("Final")}}),
        EditOutcome::Saved);
    QCOMPARE(m_outbox->list().last().dependsOn, localTask);

    const QString serverTask = serverId(5, QLatin1Char('t'));
    QVERIFY(m_outbox->resolveLocalId(localTask, serverTask));
    QVERIFY(m_outbox->markDone(create.id));
    const OutboxItem update = take();
    QCOMPARE(update.kind, OutboxKind::UpdateTask);
    QCOMPARE(update.childId, serverTask);
    QCOMPARE(update.payload, (QJsonObject {{QStringLiteral("title"), QStringLiteral("Final")}}));
    QCOMPARE(update.base, (QJsonObject {{QStringLiteral("title"), QStringLiteral("Draft")}}));
    const auto stored = ChildCache(m_store->db()).task(serverId(1), serverTask);
    QVERIFY(stored);
    QCOMPARE(stored->id, serverTask);
    QCOMPARE(stored->title, QStringLiteral("Final"));
}

void TestOutbox::resolveReplacesAServerCopyFetchedMeanwhile()
{
    const QString local = m_edits->createContact(
        serverContact({}, QStringLiteral("Katherine"), QStringLiteral("Johnson")));
    const qint64 rowId = m_cache->rowIdFor(local);
    const OutboxItem create = take();
    // The create landed but the answer was lost; a sync brought the server's copy first.
    QVERIFY(m_cache->upsertFromServer(
        {serverContact(serverId(9), QStringLiteral("Katherine"), QStringLiteral("Johnson"))}));
    QCOMPARE(m_cache->count(), 4);
    QVERIFY(m_outbox->resolveLocalId(local, serverId(9)));
    QVERIFY(m_outbox->markDone(create.id));
    QCOMPARE(m_cache->count(), 3);
    QCOMPARE(m_cache->rowIdFor(serverId(9)), rowId);
}

void TestOutbox::inFlightItemsAfterACrash()
{
    const QString local = m_edits->createContact(
        serverContact({}, QStringLiteral("Margaret"), QStringLiteral("Hamilton")));
    QCOMPARE(
        m_edits->updateContact(serverId(1), {{QStringLiteral("city"), QStringLiteral("Paris")}}),
        EditOutcome::Saved);
    const OutboxItem create = take();
    const OutboxItem update = take();
    QCOMPARE(create.contactId, local);
    QCOMPARE(update.contactId, serverId(1));

    reopen(); // the process died mid-send
    QCOMPARE(m_outbox->item(create.id)->state, OutboxState::OutcomeUnknown);
    QCOMPARE(m_outbox->item(update.id)->state, OutboxState::Queued);
    QCOMPARE(m_outbox->pendingCount(), 2);
    QCOMPARE(m_outbox->nextReady(now())->id, create.id);
}

void TestOutbox::outcomeUnknownStaysUntilReconciled()
{
    m_edits->createContact(serverContact({}, QStringLiteral("Hedy"), QStringLiteral("Lamarr")));
    const OutboxItem create = take();
    QVERIFY(
        m_outbox->markOutcomeUnknown(create.id, now() + 1000, QStringLiteral("connection reset")));
    QVERIFY(!m_outbox->nextReady(now()));
    m_store->clock().advance(1000);
    const OutboxItem reconcile = take();
    QCOMPARE(reconcile.id, create.id);
    QCOMPARE(reconcile.state, OutboxState::OutcomeUnknown);
    // The reconciliation itself failed (network down): still unknown, not a plain resend.
    QVERIFY(m_outbox->scheduleRetry(create.id, now() + 2000, QStringLiteral("offline")));
    QCOMPARE(m_outbox->item(create.id)->state, OutboxState::OutcomeUnknown);
    QVERIFY(m_outbox->retry(create.id));
    QCOMPARE(m_outbox->item(create.id)->state, OutboxState::OutcomeUnknown);
}

void TestOutbox::conflictKeepMineOrPerField()
{
    const QString a = serverId(1);
    QCOMPARE(m_edits->updateContact(a,
                 {{QStringLiteral("email"), QStringLiteral("mine@example.com")},
                     {QStringLiteral("city"), QStringLiteral("Rome")},
                     {QStringLiteral("state"), QStringLiteral("Lazio")}}),
        EditOutcome::Saved);
    const OutboxItem sent = take();
    const QJsonObject theirs {{QStringLiteral("email"), QStringLiteral("theirs@example.com")},
        {QStringLiteral("city"), QStringLiteral("Milan")}};
    QVERIFY(m_outbox->markConflict(sent.id, theirs));
    QCOMPARE(m_cache->summary(a)->localStatus, LocalStatus::Conflict);
    QCOMPARE(m_outbox->item(sent.id)->theirs, theirs);
    QVERIFY(!m_outbox->nextReady(now()));

    // Mine for the email, theirs for the city.
    QVERIFY(m_outbox->resolveConflict(sent.id,
        {{QStringLiteral("email"), QStringLiteral("mine@example.com")},
            {QStringLiteral("city"), QStringLiteral("Milan")}}));
    const OutboxItem again = *m_outbox->nextReady(now());
    QCOMPARE(again.id, sent.id);
    QCOMPARE(again.payload,
        (QJsonObject {{QStringLiteral("email"), QStringLiteral("mine@example.com")},
            {QStringLiteral("state"), QStringLiteral("Lazio")}}));
    QCOMPARE(
        again.base.value(QStringLiteral("email")).toString(), QStringLiteral("theirs@example.com"));
    const Api::Contact shown = *m_cache->contact(a);
    QCOMPARE(shown.email, QStringLiteral("mine@example.com"));
    QCOMPARE(shown.city, QStringLiteral("Milan"));
    QCOMPARE(shown.state, QStringLiteral("Lazio"));
    QCOMPARE(m_cache->summary(a)->localStatus, LocalStatus::Pending);
}

void TestOutbox::conflictTakeTheirsCompletesTheItem()
{
    const QString a = serverId(1);
    QCOMPARE(m_edits->updateContact(a, {{QStringLiteral("city"), QStringLiteral("Rome")}}),
        EditOutcome::Saved);
    const OutboxItem sent = take();
    const QJsonObject theirs {{QStringLiteral("city"), QStringLiteral("Milan")}};
    QVERIFY(m_outbox->markConflict(sent.id, theirs));
    QVERIFY(m_outbox->resolveConflict(sent.id, theirs));
    QCOMPARE(m_outbox->item(sent.id)->state, OutboxState::Done);
    QCOMPARE(m_outbox->pendingCount(), 0);
    QCOMPARE(m_cache->contact(a)->city, QStringLiteral("Milan"));
    QCOMPARE(m_cache->summary(a)->localStatus, LocalStatus::Synced);
}

void TestOutbox::discardCreateRemovesLocalContactAndDependants()
{
    const QString local = m_edits->createContact(
        serverContact({}, QStringLiteral("Temp"), QStringLiteral("Person")));
    Api::Task task;
    task.title = QStringLiteral("Never sent");
    m_edits->createTask(local, task);
    QCOMPARE(m_outbox->pendingCount(), 2);
    QSignalSpy removed(&m_store->db(), &Database::contactsRemoved);
    QVERIFY(m_outbox->discard(m_outbox->list().first().id));
    QCOMPARE(m_outbox->pendingCount(), 0);
    QVERIFY(!m_cache->contact(local));
    QCOMPARE(m_cache->count(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(ChildCache(m_store->db()).tasks(local).size(), 0);
}

void TestOutbox::discardUpdateRevertsAndMarksStale()
{
    const QString a = serverId(1);
    QCOMPARE(m_edits->updateContact(a,
                 {{QStringLiteral("email"), QStringLiteral("typo@example.com")},
                     {QStringLiteral("firstName"), QStringLiteral("Augusta")}}),
        EditOutcome::Saved);
    QCOMPARE(m_cache->contact(a)->name, QStringLiteral("Augusta Lovelace"));
    QVERIFY(m_outbox->discard(m_outbox->list().first().id));
    const Api::Contact reverted = *m_cache->contact(a);
    QCOMPARE(reverted.email, QStringLiteral("ada@example.com"));
    QCOMPARE(reverted.firstName, QStringLiteral("Ada"));
    QCOMPARE(reverted.name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(m_cache->summary(a)->localStatus, LocalStatus::Synced);
    QVERIFY(m_cache->summary(a)->stale);
    QCOMPARE(m_cache->staleIds(), QStringList {a});

    // The next fetch of that contact clears the mark.
    QVERIFY(m_cache->upsertFromServer(
        {serverContact(a, QStringLiteral("Ada"), QStringLiteral("Lovelace"),
            QStringLiteral("ada@example.com"), QStringLiteral("+14155550100"))}));
    QVERIFY(m_cache->staleIds().isEmpty());
}

void TestOutbox::discardDeleteBringsContactBack()
{
    const QString a = serverId(1);
    Api::Task task;
    task.title = QStringLiteral("Keep me");
    const QString taskId = m_edits->createTask(a, task);
    const OutboxItem taskCreate = take();
    QVERIFY(m_outbox->resolveLocalId(taskId, serverId(3, QLatin1Char('t'))));
    QVERIFY(m_outbox->markDone(taskCreate.id));
    const qint64 oldRow = m_cache->rowIdFor(a);

    QCOMPARE(m_edits->deleteContact(a), EditOutcome::Saved);
    QVERIFY(!m_cache->contact(a));
    QCOMPARE(Trash(m_store->db()).count(), 1);
    QVERIFY(m_outbox->discard(m_outbox->list().first().id));
    QVERIFY(m_cache->contact(a));
    QVERIFY(m_cache->rowIdFor(a) != oldRow); // a new row: the old one was removed from views
    QVERIFY(m_cache->summary(a)->stale);
    QCOMPARE(ChildCache(m_store->db()).tasks(a).size(), 1);
    QCOMPARE(Trash(m_store->db()).count(), 0);
    QCOMPARE(m_outbox->pendingCount(), 0);
}

void TestOutbox::discardTaskChangeRevertsAndRefetches()
{
    const QString a = serverId(1);
    Api::Task task;
    task.id = serverId(1, QLatin1Char('t'));
    task.contactId = a;
    task.title = QStringLiteral("Original");
    ChildCache children(m_store->db());
    QVERIFY(children.replaceTasks(a, {task}, now()));
    QCOMPARE(m_edits->updateTask(a, task.id, {{QStringLiteral("title"), QStringLiteral("Edited")}}),
        EditOutcome::Saved);
    QCOMPARE(m_edits->completeTask(a, task.id, true), EditOutcome::Saved);
    QCOMPARE(children.childStatuses(a).value(task.id).status, LocalStatus::Pending);

    const QList<OutboxItem> items = m_outbox->list();
    QCOMPARE(items.size(), 2);
    QVERIFY(m_outbox->discard(items.at(0).id));
    QVERIFY(m_outbox->discard(items.at(1).id));
    const Api::Task back = *children.task(a, task.id);
    QCOMPARE(back.title, QStringLiteral("Original"));
    QVERIFY(!back.completed);
    QVERIFY(!children.tasksFetchedAt(a));
    QVERIFY(children.childStatuses(a).isEmpty());
}

void TestOutbox::inFlightItemCannotBeDiscarded()
{
    QCOMPARE(
        m_edits->updateContact(serverId(1), {{QStringLiteral("city"), QStringLiteral("Oslo")}}),
        EditOutcome::Saved);
    const OutboxItem sent = take();
    QVERIFY(!m_outbox->discard(sent.id));
    QCOMPARE(m_outbox->pendingCount(), 1);
    QVERIFY(!m_outbox->retry(sent.id));
}

void TestOutbox::countsAndSignals()
{
    QSignalSpy changed(&m_store->db(), &Database::outboxChanged);
    QCOMPARE(
        m_edits->addTags({serverId(1), serverId(2)}, {QStringLiteral("x")}), EditOutcome::Saved);
    QCOMPARE(changed.size(), 1); // one transaction, one signal
    QCOMPARE(m_outbox->pendingCount(), 2);
    const OutboxItem sent = take();
    QCOMPARE(changed.size(), 2);
    QVERIFY(m_outbox->markDone(sent.id));
    QCOMPARE(m_outbox->pendingCount(), 1);
    QCOMPARE(m_outbox->list().size(), 1);
    m_store->clock().advance(1000);
    QVERIFY(m_outbox->purgeDone(now()));
    QVERIFY(!m_outbox->item(sent.id));
}

void TestOutbox::namesRoundTrip()
{
    for (int k = int(OutboxKind::CreateContact); k <= int(OutboxKind::DeleteNote); ++k) {
        const auto kind = OutboxKind(k);
        QCOMPARE(Outbox::kindFromName(Outbox::kindName(kind)), std::optional<OutboxKind>(kind));
    }
    for (int s = int(OutboxState::Queued); s <= int(OutboxState::Done); ++s) {
        const auto state = OutboxState(s);
        QCOMPARE(
            Outbox::stateFromName(Outbox::stateName(state)), std::optional<OutboxState>(state));
    }
    QVERIFY(!Outbox::kindFromName(QStringLiteral("bogus")));
    QVERIFY(Outbox::isCreate(OutboxKind::CreateNote));
    QVERIFY(!Outbox::isCreate(OutboxKind::UpdateNote));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
