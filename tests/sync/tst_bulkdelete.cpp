// Deleting many contacts at once against the in-process sandbox, counting the requests in the
// sandbox's log: a contact whose tasks and notes the cache holds (it was opened) costs one
// request, the delete, and its trash entry still has every task and note, so a restore brings
// them back; a contact never opened, or opened longer ago than the outbox trusts, is read first
// (tasks, notes, then the delete). No contact costs more than three, the opened ones fewer.
#include "store/childcache.h"
#include "store/localedits.h"
#include "store/trash.h"
#include "synctesthelpers.h"

#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

// Requests of the sandbox's log since `since` whose path names `contactId`.
QStringList operationsOn(SandboxFixture& fx, qint64 since, const QString& contactId)
{
    QStringList operations;
    for (const QJsonValue& entry : requestLog(fx, since)) {
        if (entry[QStringLiteral("path")].toString().contains(contactId))
            operations.append(entry[QStringLiteral("operationId")].toString());
    }
    return operations;
}

} // namespace

class TestBulkDelete : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(40);
        unlimited(*m_fx);
        m_h = std::make_unique<SyncHarness>(*m_fx);
        QVERIFY(m_h->sync().ok);
        // Contacts with both tasks and notes on the server, so a lost backup would show.
        for (const QString& id : serverIds(*m_fx)) {
            if (!m_fx->data().tasks().value(id).isEmpty()
                && !m_fx->data().notes().value(id).isEmpty())
                m_withChildren.append(id);
        }
        m_withChildren.sort();
        QVERIFY2(m_withChildren.size() >= 5, qPrintable(QString::number(m_withChildren.size())));
    }
    void cleanup()
    {
        m_h.reset();
        m_fx.reset();
        m_withChildren.clear();
    }

    void openedContactsCostOneRequestEach();
    void staleListsAreReadAgain();

private:
    // Opens the contact the way the detail pane does: its tasks and notes land in the cache.
    bool open(const QString& contactId)
    {
        m_h->ws().syncEngine().loadChildren(contactId, true);
        const Store::ChildCache& children = m_h->ws().children();
        return QTest::qWaitFor(
            [&] {
                return children.tasksFetchedAt(contactId) && children.notesFetchedAt(contactId);
            },
            syncWaitMs);
    }
    std::optional<Store::TrashEntry> trashOf(const QString& contactId)
    {
        for (const Store::TrashEntry& entry : Store::Trash(m_h->ws().database()).list()) {
            if (entry.contactId == contactId)
                return entry;
        }
        return std::nullopt;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<SyncHarness> m_h;
    QStringList m_withChildren;
};

void TestBulkDelete::openedContactsCostOneRequestEach()
{
    const QStringList opened = m_withChildren.mid(0, 3);
    const QStringList unopened = m_withChildren.mid(3, 2);
    for (const QString& id : opened)
        QVERIFY(open(id));
    QHash<QString, qsizetype> tasksBefore;
    QHash<QString, qsizetype> notesBefore;
    for (const QString& id : opened + unopened) {
        tasksBefore.insert(id, m_fx->data().tasks().value(id).size());
        notesBefore.insert(id, m_fx->data().notes().value(id).size());
    }

    const qint64 since = lastRequestSeq(*m_fx);
    QCOMPARE(m_h->ws().edits().deleteContacts(opened + unopened), Store::EditOutcome::Saved);
    QVERIFY(m_h->drainOutbox());
    QVERIFY(m_h->ws().outbox().list().isEmpty());

    int requests = 0;
    for (const QString& id : opened) {
        QCOMPARE(operationsOn(*m_fx, since, id), QStringList {QStringLiteral("delete-contact")});
        requests += 1;
    }
    for (const QString& id : unopened) {
        QCOMPARE(operationsOn(*m_fx, since, id),
            QStringList({QStringLiteral("get-all-tasks"), QStringLiteral("get-all-notes"),
                QStringLiteral("delete-contact")}));
        requests += 3;
    }
    // Fewer than three a contact over the whole delete.
    QVERIFY(requests < 3 * int(opened.size() + unopened.size()));
    QCOMPARE(int(requestLog(*m_fx, since).size()), requests);

    // Gone from the server, and nothing of theirs lost: the trash holds every task and note.
    const QSet<QString> left = serverIds(*m_fx);
    for (const QString& id : opened + unopened) {
        QVERIFY(!left.contains(id));
        const std::optional<Store::TrashEntry> entry = trashOf(id);
        QVERIFY(entry);
        QCOMPARE(entry->tasks.size(), tasksBefore.value(id));
        QCOMPARE(entry->notes.size(), notesBefore.value(id));
    }
}

void TestBulkDelete::staleListsAreReadAgain()
{
    const QString id = m_withChildren.first();
    QVERIFY(open(id));
    // Someone adds a task on the server later, unseen by this cache; the lists grow old.
    const HttpResult added = m_fx->api("POST", QStringLiteral("/contacts/%1/tasks").arg(id),
        QJsonObject {{QStringLiteral("title"), QStringLiteral("Added elsewhere")},
            {QStringLiteral("dueDate"), QStringLiteral("2026-12-01T10:00:00Z")},
            {QStringLiteral("completed"), false}});
    QCOMPARE(added.status, 201);
    m_fx->clock().advance(m_h->ws().outboxWorker().options().heldChildrenMaxAgeMs + 1000);

    const qint64 since = lastRequestSeq(*m_fx);
    QCOMPARE(m_h->ws().edits().deleteContacts({id}), Store::EditOutcome::Saved);
    QVERIFY(m_h->drainOutbox());
    QCOMPARE(operationsOn(*m_fx, since, id),
        QStringList({QStringLiteral("get-all-tasks"), QStringLiteral("get-all-notes"),
            QStringLiteral("delete-contact")}));
    const std::optional<Store::TrashEntry> entry = trashOf(id);
    QVERIFY(entry);
    QVERIFY(std::any_of(entry->tasks.cbegin(), entry->tasks.cend(),
        [](const Api::Task& task) { return task.title == QLatin1StringView("Added elsewhere"); }));
}

QTEST_MAIN(TestBulkDelete)
#include "tst_bulkdelete.moc"
