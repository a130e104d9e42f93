// The outbox worker against the in-process sandbox: creates with dependants resolving local ids,
// exactly-once creates when the sandbox drops the connection after committing (contact, task,
// note) or answers garbage, conflicts on the same field held and different fields merged with a
// PUT that carries only the changed fields, 422s that stay visible with the server's message,
// back-off on the injected clock, an offline queue that drains in order, deletes (the trash gets
// the server's tasks and notes first, and a restore re-creates them), and the
// revoked refresh token of issue 4: needs sign-in, queued work intact, a new sign-in resumes it.
#include "synctesthelpers.h"

#include "oauthsession.h"
#include "sandboxtesthelpers.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/trash.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace ContactDesk;
using namespace ContactDesk::Sync;
using namespace ContactDesk::Testing;
using Store::OutboxState;

namespace {

constexpr int seeded = 40;

// Live contacts of the main location holding `email` (any case).
int contactsWithEmail(SandboxFixture& fx, const QString& email)
{
    return int(fx.data().contactsWithEmail(fx.locationId(), email.toLower()).size());
}

// Log entries of one operation since `since`.
QList<QJsonObject> logged(SandboxFixture& fx, const QString& operationId, qint64 since)
{
    QList<QJsonObject> entries;
    for (const QJsonValue& value : requestLog(fx, since)) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("operationId")).toString() == operationId)
            entries.append(entry);
    }
    return entries;
}

QJsonObject bodyOf(const QJsonObject& entry)
{
    return QJsonDocument::fromJson(entry.value(QStringLiteral("requestBody")).toString().toUtf8())
        .object();
}

int addFault(SandboxFixture& fx, const QJsonObject& rule)
{
    return fx.control("POST", QStringLiteral("/__sandbox/faults"), rule).status;
}

QStringList statesOf(const QList<Store::OutboxItem>& items)
{
    QStringList states;
    for (const Store::OutboxItem& item : items)
        states.append(Store::Outbox::stateName(item.state));
    return states;
}

} // namespace

class TestOutboxWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createWithDependantsResolvesLocalIds();
    void droppedAfterCommit_data();
    void droppedAfterCommit();
    void unreadableAnswerToCreateIsReconciled();
    void contactWithoutEmailOrPhoneIsFoundByName();
    void sameFieldIsHeldAsConflict();
    void differentFieldsMergeWithOnlyChangedFields();
    void unsendableFieldFailsVisibly();
    void validationFailureStaysVisible();
    void retryableFailureBacksOffOnInjectedClock();
    void offlineQueueDrainsInOrder();
    void deletesAndAlreadyDeleted();
    void deleteKeepsUnopenedTasksAndNotesForRestore();
    void revokedRefreshTokenPausesUntilSignIn();

private:
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    QStringList m_ids;
};

void TestOutboxWorker::initTestCase()
{
    qRegisterMetaType<SyncResult>();
}

void TestOutboxWorker::init()
{
    m_fx = std::make_unique<SandboxFixture>(seeded);
    unlimited(*m_fx);
    if (QByteArray(QTest::currentTestFunction()) == "revokedRefreshTokenPausesUntilSignIn")
        return; // builds its own harness on OAuth
    m_h = std::make_unique<SyncHarness>(*m_fx);
    QVERIFY(m_h->sync().ok);
    m_ids = serverIds(*m_fx).values();
    m_ids.sort();
}

void TestOutboxWorker::cleanup()
{
    m_h.reset();
    m_fx.reset();
}

void TestOutboxWorker::createWithDependantsResolvesLocalIds()
{
    Store::LocalEdits& edits = m_h->ws().edits();
    Api::Contact draft;
    draft.firstName = QStringLiteral("Lena");
    draft.lastName = QStringLiteral("Park");
    draft.email = QStringLiteral("lena.park@example.com");
    const QString localId = edits.createContact(draft);
    QVERIFY(localId.startsWith(QStringLiteral("local-")));
    const QString taskId = edits.createTask(localId, draftTask(QStringLiteral("Call Lena")));
    const QString noteId = edits.createNote(localId, draftNote(QStringLiteral("Met at the fair")));
    QVERIFY(!taskId.isEmpty() && !noteId.isEmpty());
    QCOMPARE(m_h->ws().outbox().list().size(), 3);

    QSignalSpy resolved(&m_h->ws().database(), &Store::Database::localIdResolved);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(resolved.size(), 3);
    const QString serverId = resolved.constFirst().at(1).toString();
    QCOMPARE(resolved.constFirst().at(0).toString(), localId);

    // One contact, with its task and note under the server's id.
    QCOMPARE(contactsWithEmail(*m_fx, draft.email), 1);
    QCOMPARE(m_fx->data().tasks().value(serverId).size(), 1);
    QCOMPARE(m_fx->data().tasks().value(serverId).constFirst().value(QStringLiteral("title")),
        QStringLiteral("Call Lena"));
    QCOMPARE(m_fx->data().notes().value(serverId).size(), 1);
    // The cache uses the server's ids everywhere now.
    QVERIFY(!m_h->ws().cache().contact(localId));
    QCOMPARE(m_h->ws().cache().contact(serverId)->email, draft.email);
    QCOMPARE(m_h->ws().cache().summary(serverId)->localStatus, Store::LocalStatus::Synced);
    const QList<Api::Task> tasks = m_h->ws().children().tasks(serverId);
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.constFirst().id,
        m_fx->data().tasks().value(serverId).constFirst().value(QStringLiteral("id")).toString());
    // The task went after its contact, the note after the task.
    const QJsonArray log = requestLog(*m_fx);
    QStringList writes;
    for (const QJsonValue& entry : log) {
        const QString op = entry.toObject().value(QStringLiteral("operationId")).toString();
        if (op.startsWith(QStringLiteral("create-")))
            writes.append(op);
    }
    QCOMPARE(writes,
        QStringList({QStringLiteral("create-contact"), QStringLiteral("create-task"),
            QStringLiteral("create-note")}));
}

void TestOutboxWorker::droppedAfterCommit_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("contact") << QStringLiteral("contact");
    QTest::newRow("task") << QStringLiteral("task");
    QTest::newRow("note") << QStringLiteral("note");
}

void TestOutboxWorker::droppedAfterCommit()
{
    QFETCH(QString, kind);
    const QString contactId = m_ids.first();
    const QString email = QStringLiteral("dropped.%1@example.com").arg(kind);
    const QString title = QStringLiteral("Dropped %1").arg(kind);
    QString path;
    QString createOp;
    QString lookupOp;
    if (kind == QStringLiteral("contact")) {
        Api::Contact draft;
        draft.firstName = QStringLiteral("Dropped");
        draft.email = email;
        QVERIFY(!m_h->ws().edits().createContact(draft).isEmpty());
        path = QStringLiteral("/contacts/");
        createOp = QStringLiteral("create-contact");
        lookupOp = QStringLiteral("get-duplicate-contact");
    } else if (kind == QStringLiteral("task")) {
        QVERIFY(!m_h->ws().edits().createTask(contactId, draftTask(title)).isEmpty());
        path = QStringLiteral("/contacts/%1/tasks").arg(contactId);
        createOp = QStringLiteral("create-task");
        lookupOp = QStringLiteral("get-all-tasks");
    } else {
        QVERIFY(!m_h->ws().edits().createNote(contactId, draftNote(title)).isEmpty());
        path = QStringLiteral("/contacts/%1/notes").arg(contactId);
        createOp = QStringLiteral("create-note");
        lookupOp = QStringLiteral("get-all-notes");
    }
    const int tasksBefore = int(m_fx->data().tasks().value(contactId).size());
    const int notesBefore = int(m_fx->data().notes().value(contactId).size());
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("kind"), QStringLiteral("drop-after-commit")},
                     {QStringLiteral("count"), 1}}),
        201);
    const qint64 since = lastRequestSeq(*m_fx);

    // The create lands but its answer never comes: the item waits, unknown, for its back-off.
    QSignalSpy deferred(&m_h->ws().outboxWorker(), &OutboxWorker::itemDeferred);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(deferred.size(), 1);
    const QList<Store::OutboxItem> waiting = m_h->ws().outbox().list();
    QCOMPARE(statesOf(waiting), QStringList({QStringLiteral("outcomeUnknown")}));

    // After it, the worker looks for the record first and adopts it instead of sending again.
    m_fx->clock().advance(m_h->ws().outboxWorker().options().backoffMs.first());
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(logged(*m_fx, createOp, since).size(), 1);
    QCOMPARE(logged(*m_fx, lookupOp, since).size(), 1);
    if (kind == QStringLiteral("contact")) {
        QCOMPARE(contactsWithEmail(*m_fx, email), 1);
        const QString serverId = m_fx->data().contactsWithEmail(m_fx->locationId(), email).first();
        QCOMPARE(m_h->ws().cache().contact(serverId)->email, email);
        QCOMPARE(m_h->ws().cache().count(), seeded + 1);
    } else if (kind == QStringLiteral("task")) {
        QCOMPARE(m_fx->data().tasks().value(contactId).size(), tasksBefore + 1);
        const QList<Api::Task> cached = m_h->ws().children().tasks(contactId);
        QVERIFY(std::any_of(cached.cbegin(), cached.cend(), [&](const Api::Task& t) {
            return t.title == title && !t.id.startsWith(QStringLiteral("local-"));
        }));
    } else {
        QCOMPARE(m_fx->data().notes().value(contactId).size(), notesBefore + 1);
    }
}

void TestOutboxWorker::unreadableAnswerToCreateIsReconciled()
{
    // The sandbox commits, then answers a truncated body: no id to take, so the worker looks.
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), QStringLiteral("/contacts/")},
                     {QStringLiteral("kind"), QStringLiteral("malformed-json")},
                     {QStringLiteral("count"), 1}}),
        201);
    Api::Contact draft;
    draft.firstName = QStringLiteral("Garbled");
    draft.phone = QStringLiteral("+15550104242");
    QVERIFY(!m_h->ws().edits().createContact(draft).isEmpty());
    const qint64 since = lastRequestSeq(*m_fx);
    QVERIFY(m_h->drainOutbox());
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(m_fx->data().contactsWithPhone(m_fx->locationId(), draft.phone).size(), 1);
    QCOMPARE(logged(*m_fx, QStringLiteral("create-contact"), since).size(), 1);
    QCOMPARE(logged(*m_fx, QStringLiteral("get-duplicate-contact"), since).size(), 1);
}

void TestOutboxWorker::contactWithoutEmailOrPhoneIsFoundByName()
{
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), QStringLiteral("/contacts/")},
                     {QStringLiteral("kind"), QStringLiteral("drop-after-commit")},
                     {QStringLiteral("count"), 1}}),
        201);
    Api::Contact draft;
    draft.firstName = QStringLiteral("Quentin");
    draft.lastName = QStringLiteral("Nameonly");
    QVERIFY(!m_h->ws().edits().createContact(draft).isEmpty());
    const qint64 since = lastRequestSeq(*m_fx);
    QVERIFY(m_h->drainOutbox());
    m_fx->clock().advance(m_h->ws().outboxWorker().options().backoffMs.first());
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    int named = 0;
    for (const QString& id : serverIds(*m_fx)) {
        if (m_fx->data().contacts().value(id).value(QStringLiteral("lastName")).toString()
            == QStringLiteral("Nameonly"))
            ++named;
    }
    QCOMPARE(named, 1);
    QCOMPARE(logged(*m_fx, QStringLiteral("create-contact"), since).size(), 1);
}

void TestOutboxWorker::sameFieldIsHeldAsConflict()
{
    const QString id = m_ids.at(3);
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Mine")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                     QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Theirs")}})
                 .status,
        200);
    const qint64 since = lastRequestSeq(*m_fx);
    QSignalSpy conflicts(&m_h->ws().outboxWorker(), &OutboxWorker::itemConflict);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(conflicts.size(), 1);
    const QList<Store::OutboxItem> items = m_h->ws().outbox().list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.constFirst().state, OutboxState::Conflict);
    QCOMPARE(items.constFirst().theirs,
        QJsonObject({{QStringLiteral("firstName"), QStringLiteral("Theirs")}}));
    QCOMPARE(m_h->ws().cache().summary(id)->localStatus, Store::LocalStatus::Conflict);
    // Held: nothing was written over the other user's change.
    QCOMPARE(logged(*m_fx, QStringLiteral("update-contact"), since).size(), 0);
    QCOMPARE(m_fx->data().contacts().value(id).value(QStringLiteral("firstName")).toString(),
        QStringLiteral("Theirs"));

    // The user keeps theirs: nothing left to send.
    QVERIFY(m_h->ws().outbox().resolveConflict(items.constFirst().id,
        QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Theirs")}}));
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(logged(*m_fx, QStringLiteral("update-contact"), since).size(), 0);
}

void TestOutboxWorker::differentFieldsMergeWithOnlyChangedFields()
{
    const QString id = m_ids.at(5);
    QCOMPARE(m_h->ws().edits().updateContact(id,
                 QJsonObject {{QStringLiteral("email"), QStringLiteral("mine@example.com")},
                     {QStringLiteral("city"), QStringLiteral("Porto")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                     QJsonObject {{QStringLiteral("lastName"), QStringLiteral("Theirs")},
                         {QStringLiteral("city"), QStringLiteral("Porto")}})
                 .status,
        200);
    const qint64 since = lastRequestSeq(*m_fx);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());

    // The PUT carried the one field that still differed: the city the other user set to the
    // same value needs nothing, and their lastName is not touched.
    const QList<QJsonObject> puts = logged(*m_fx, QStringLiteral("update-contact"), since);
    QCOMPARE(puts.size(), 1);
    QCOMPARE(bodyOf(puts.constFirst()),
        QJsonObject({{QStringLiteral("email"), QStringLiteral("mine@example.com")}}));
    const QJsonObject server = m_fx->data().contacts().value(id);
    QCOMPARE(server.value(QStringLiteral("email")).toString(), QStringLiteral("mine@example.com"));
    QCOMPARE(server.value(QStringLiteral("lastName")).toString(), QStringLiteral("Theirs"));
    // The cache holds the merge, synced.
    const auto cached = m_h->ws().cache().contact(id);
    QCOMPARE(cached->email, QStringLiteral("mine@example.com"));
    QCOMPARE(cached->lastName, QStringLiteral("Theirs"));
    QCOMPARE(m_h->ws().cache().summary(id)->localStatus, Store::LocalStatus::Synced);
}

void TestOutboxWorker::unsendableFieldFailsVisibly()
{
    // The update DTO has no companyName: the change cannot reach HighLevel through a PUT.
    const QString id = m_ids.at(6);
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("companyName"), QStringLiteral("New Co")}}),
        Store::EditOutcome::Saved);
    const qint64 since = lastRequestSeq(*m_fx);
    QVERIFY(m_h->drainOutbox());
    const QList<Store::OutboxItem> items = m_h->ws().outbox().list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.constFirst().state, OutboxState::Failed);
    QVERIFY2(items.constFirst().lastError.contains(QStringLiteral("companyName")),
        qPrintable(items.constFirst().lastError));
    QCOMPARE(logged(*m_fx, QStringLiteral("update-contact"), since).size(), 0);
}

void TestOutboxWorker::validationFailureStaysVisible()
{
    const QString id = m_ids.at(8);
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("email"), QStringLiteral("not an address")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(m_h->ws().edits().addTags({id}, {QStringLiteral("after-the-bad-edit")}),
        Store::EditOutcome::Saved);
    QSignalSpy failed(&m_h->ws().outboxWorker(), &OutboxWorker::itemFailed);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(failed.size(), 1);
    const QList<Store::OutboxItem> items = m_h->ws().outbox().list();
    // Kept, with the server's own words; the item after it waits behind it.
    QCOMPARE(statesOf(items), QStringList({QStringLiteral("failed"), QStringLiteral("queued")}));
    QVERIFY2(items.constFirst().lastError.contains(QStringLiteral("email must be an email")),
        qPrintable(items.constFirst().lastError));
    QCOMPARE(m_h->ws().cache().summary(id)->localStatus, Store::LocalStatus::Failed);
    QVERIFY(!m_fx->data()
                 .contacts()
                 .value(id)
                 .value(QStringLiteral("tags"))
                 .toArray()
                 .contains(QStringLiteral("after-the-bad-edit")));

    // Retrying as it is fails the same way: the server's answer does not change.
    QVERIFY(m_h->ws().outbox().retry(items.constFirst().id));
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(failed.size(), 2);
    QCOMPARE(m_h->ws().outbox().list().constFirst().state, OutboxState::Failed);

    // The user discards it and enters the address again: that goes, then the item behind.
    QVERIFY(m_h->ws().outbox().discard(items.constFirst().id));
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("email"), QStringLiteral("fixed@example.com")}}),
        Store::EditOutcome::Saved);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(failed.size(), 2);
    QCOMPARE(m_fx->data().contacts().value(id).value(QStringLiteral("email")).toString(),
        QStringLiteral("fixed@example.com"));
    QVERIFY(m_fx->data()
                .contacts()
                .value(id)
                .value(QStringLiteral("tags"))
                .toArray()
                .contains(QStringLiteral("after-the-bad-edit")));
}

void TestOutboxWorker::retryableFailureBacksOffOnInjectedClock()
{
    const QString id = m_ids.at(9);
    // Enough 503s to outlast the client's own retries.
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("method"), QStringLiteral("GET")},
                     {QStringLiteral("path"), QStringLiteral("/contacts/") + id},
                     {QStringLiteral("kind"), QStringLiteral("status")},
                     {QStringLiteral("status"), 503}, {QStringLiteral("count"), 3}}),
        201);
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("city"), QStringLiteral("Bergen")}}),
        Store::EditOutcome::Saved);
    QVERIFY(m_h->drainOutbox());
    QList<Store::OutboxItem> items = m_h->ws().outbox().list();
    QCOMPARE(statesOf(items), QStringList({QStringLiteral("queued")}));
    const qint64 backoff = m_h->ws().outboxWorker().options().backoffMs.first();
    QCOMPARE(items.constFirst().nextAttemptAtMs, m_fx->clock().nowMs() + backoff);
    QVERIFY(!items.constFirst().lastError.isEmpty());

    // Not before its time, however often the worker looks.
    const qint64 since = lastRequestSeq(*m_fx);
    m_fx->clock().advance(backoff - 1);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(requestLog(*m_fx, since).size(), 0);
    m_fx->clock().advance(1);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(m_fx->data().contacts().value(id).value(QStringLiteral("city")).toString(),
        QStringLiteral("Bergen"));
}

void TestOutboxWorker::offlineQueueDrainsInOrder()
{
    const QString a = m_ids.at(11);
    const QString b = m_ids.at(12);
    Store::LocalEdits& edits = m_h->ws().edits();
    QCOMPARE(edits.updateContact(a, QJsonObject {{QStringLiteral("city"), QStringLiteral("Rome")}}),
        Store::EditOutcome::Saved);
    QCOMPARE(edits.addTags({a}, {QStringLiteral("offline-1")}), Store::EditOutcome::Saved);
    QCOMPARE(edits.updateContact(b, QJsonObject {{QStringLiteral("city"), QStringLiteral("Oslo")}}),
        Store::EditOutcome::Saved);
    QVERIFY(!edits.createTask(a, draftTask(QStringLiteral("Offline task"))).isEmpty());
    QCOMPARE(edits.removeTags({a}, {QStringLiteral("offline-1")}), Store::EditOutcome::Saved);
    const QList<Store::OutboxItem> queued = m_h->ws().outbox().list();
    QCOMPARE(queued.size(), 5);

    // No network: every connection is closed before the sandbox reads it.
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("path"), QStringLiteral("/contacts*")},
                     {QStringLiteral("kind"), QStringLiteral("drop")}}),
        201);
    QSignalSpy failed(&m_h->ws().outboxWorker(), &OutboxWorker::itemFailed);
    QVERIFY(m_h->drainOutbox());
    QVERIFY(m_h->ws().outboxWorker().offlineUntilMs() > m_fx->clock().nowMs());
    // Nothing lost, nothing failed: all five still there, in their order.
    QCOMPARE(failed.size(), 0);
    QList<qint64> ids;
    for (const Store::OutboxItem& item : m_h->ws().outbox().list())
        ids.append(item.id);
    QList<qint64> queuedIds;
    for (const Store::OutboxItem& item : queued)
        queuedIds.append(item.id);
    QCOMPARE(ids, queuedIds);
    QVERIFY(m_fx->data().contacts().value(a).value(QStringLiteral("city")).toString()
        != QStringLiteral("Rome"));

    // The network comes back; after the back-off the queue drains, each contact in order.
    QCOMPARE(m_fx->control("DELETE", QStringLiteral("/__sandbox/faults")).status, 200);
    const qint64 since = lastRequestSeq(*m_fx);
    m_fx->clock().advance(m_h->ws().outboxWorker().options().backoffMs.at(1));
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(failed.size(), 0);
    QStringList writesOfA;
    for (const QJsonValue& value : requestLog(*m_fx, since)) {
        const QJsonObject entry = value.toObject();
        const QString op = entry.value(QStringLiteral("operationId")).toString();
        if (entry.value(QStringLiteral("path"))
                .toString()
                .startsWith(QStringLiteral("/contacts/") + a)
            && entry.value(QStringLiteral("method")).toString() != QStringLiteral("GET"))
            writesOfA.append(op);
    }
    QCOMPARE(writesOfA,
        QStringList({QStringLiteral("update-contact"), QStringLiteral("add-tags"),
            QStringLiteral("create-task"), QStringLiteral("remove-tags")}));
    QCOMPARE(m_fx->data().contacts().value(a).value(QStringLiteral("city")).toString(),
        QStringLiteral("Rome"));
    QCOMPARE(m_fx->data().contacts().value(b).value(QStringLiteral("city")).toString(),
        QStringLiteral("Oslo"));
    QVERIFY(!m_fx->data()
                 .contacts()
                 .value(a)
                 .value(QStringLiteral("tags"))
                 .toArray()
                 .contains(QStringLiteral("offline-1")));
    int offlineTasks = 0;
    for (const QJsonObject& task : m_fx->data().tasks().value(a)) {
        if (task.value(QStringLiteral("title")) == QStringLiteral("Offline task"))
            ++offlineTasks;
    }
    QCOMPARE(offlineTasks, 1);
}

void TestOutboxWorker::deletesAndAlreadyDeleted()
{
    const QString mine = m_ids.at(14);
    const QString goneAlready = m_ids.at(15);
    QCOMPARE(m_h->ws().edits().deleteContacts({mine, goneAlready}), Store::EditOutcome::Saved);
    QVERIFY(!m_h->ws().cache().contact(mine));
    QCOMPARE(
        m_fx->control("DELETE", QStringLiteral("/__sandbox/contacts/") + goneAlready).status, 200);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QVERIFY(!serverIds(*m_fx).contains(mine));
    QVERIFY(!serverIds(*m_fx).contains(goneAlready));
    // The trash keeps both for a restore.
    QCOMPARE(m_h->ws().trash().count(), 2);
}

void TestOutboxWorker::deleteKeepsUnopenedTasksAndNotesForRestore()
{
    // A contact with tasks and notes on the server, never opened here: none of them cached.
    QString id;
    for (const QString& candidate : std::as_const(m_ids)) {
        if (!m_fx->data().tasks().value(candidate).isEmpty()
            && !m_fx->data().notes().value(candidate).isEmpty()) {
            id = candidate;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    QVERIFY(m_h->ws().children().tasks(id).isEmpty());
    QVERIFY(m_h->ws().children().notes(id).isEmpty());
    const auto serverChildren = [this](const QString& contactId) {
        QStringList titles;
        for (const QJsonObject& task : m_fx->data().tasks().value(contactId))
            titles.append(task.value(QStringLiteral("title")).toString());
        QStringList bodies;
        for (const QJsonObject& note : m_fx->data().notes().value(contactId))
            bodies.append(note.value(QStringLiteral("body")).toString());
        titles.sort();
        bodies.sort();
        return std::make_pair(titles, bodies);
    };
    const auto before = serverChildren(id);

    QCOMPARE(m_h->ws().edits().deleteContact(id), Store::EditOutcome::Saved);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QVERIFY(!serverIds(*m_fx).contains(id));
    const auto entry = m_h->ws().trash().latestUnrestored();
    QVERIFY(entry);
    QCOMPARE(entry->contactId, id);
    QStringList trashedTitles;
    for (const Api::Task& task : entry->tasks)
        trashedTitles.append(task.title);
    QStringList trashedBodies;
    for (const Api::Note& note : entry->notes)
        trashedBodies.append(note.body);
    trashedTitles.sort();
    trashedBodies.sort();
    QCOMPARE(trashedTitles, before.first);
    QCOMPARE(trashedBodies, before.second);

    // The restore re-creates the contact with every task and note and records the new id.
    QVERIFY(m_h->ws().edits().restore(entry->id).startsWith(QStringLiteral("local-")));
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    const QString newId = m_h->ws().trash().entry(entry->id)->restoredAs;
    QVERIFY2(!newId.startsWith(QStringLiteral("local-")) && newId != id, qPrintable(newId));
    QVERIFY(serverIds(*m_fx).contains(newId));
    QCOMPARE(serverChildren(newId), before);
    const QList<Api::Task> cachedTasks = m_h->ws().children().tasks(newId);
    QCOMPARE(cachedTasks.size(), before.first.size());
    for (const Api::Task& task : cachedTasks)
        QVERIFY(!task.id.startsWith(QStringLiteral("local-")));
}

void TestOutboxWorker::revokedRefreshTokenPausesUntilSignIn()
{
    QCOMPARE(m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
                     QJsonObject {{QStringLiteral("accessTokenLifetimeS"), 3600}})
                 .status,
        200);
    OAuthSession session(*m_fx, QStringLiteral("oauth-outbox"));
    Auth::OAuthTokenProvider& tokens = session.tokens();
    const auto signIn = [&session] { return session.signIn(); };
    QVERIFY(signIn());
    m_h = std::make_unique<SyncHarness>(*m_fx, &tokens);
    QVERIFY(m_h->sync().ok);
    const QString id = serverIds(*m_fx).values().first();

    // Work queued while the session is fine.
    QCOMPARE(m_h->ws().edits().updateContact(
                 id, QJsonObject {{QStringLiteral("city"), QStringLiteral("Tromsø")}}),
        Store::EditOutcome::Saved);
    Api::Contact draft;
    draft.firstName = QStringLiteral("Queued");
    draft.email = QStringLiteral("queued.during.signin@example.com");
    QVERIFY(!m_h->ws().edits().createContact(draft).isEmpty());
    const QList<Store::OutboxItem> queued = m_h->ws().outbox().list();
    QCOMPARE(queued.size(), 2);

    // The access token expires and the refresh token has been revoked meanwhile.
    m_fx->clock().advance(2LL * 60 * 60 * 1000);
    QCOMPARE(addFault(*m_fx,
                 QJsonObject {{QStringLiteral("kind"), QStringLiteral("revoke-refresh-tokens")},
                     {QStringLiteral("method"), QStringLiteral("POST")},
                     {QStringLiteral("path"), QStringLiteral("/oauth/token")},
                     {QStringLiteral("count"), 1}}),
        201);
    const qint64 since = lastRequestSeq(*m_fx);
    QSignalSpy paused(&m_h->ws().outboxWorker(), &OutboxWorker::pausedForSignIn);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(tokens.state(), Auth::OAuthTokenProvider::State::NeedsSignIn);
    QVERIFY(m_h->ws().outboxWorker().isPausedForSignIn());
    QCOMPARE(paused.size(), 1);
    // Queued work intact: the same items, still waiting, none failed; nothing left with a dead
    // token.
    const QList<Store::OutboxItem> waiting = m_h->ws().outbox().list();
    QCOMPARE(waiting.size(), 2);
    QCOMPARE(waiting.at(0).id, queued.at(0).id);
    QCOMPARE(waiting.at(1).id, queued.at(1).id);
    QCOMPARE(statesOf(waiting), QStringList({QStringLiteral("queued"), QStringLiteral("queued")}));
    QCOMPARE(logged(*m_fx, QStringLiteral("update-contact"), since).size(), 0);
    QCOMPARE(logged(*m_fx, QStringLiteral("create-contact"), since).size(), 0);
    QCOMPARE(contactsWithEmail(*m_fx, draft.email), 0);

    // Signing in again resumes it: the workspace hears the provider become ready.
    QSignalSpy resumed(&m_h->ws().outboxWorker(), &OutboxWorker::resumed);
    QVERIFY(signIn());
    QTRY_COMPARE_WITH_TIMEOUT(resumed.size(), 1, syncWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_h->ws().outbox().list().isEmpty(), syncWaitMs);
    QCOMPARE(m_fx->data().contacts().value(id).value(QStringLiteral("city")).toString(),
        QStringLiteral("Tromsø"));
    QCOMPARE(contactsWithEmail(*m_fx, draft.email), 1);
}

QTEST_MAIN(TestOutboxWorker)
#include "tst_outboxworker.moc"
