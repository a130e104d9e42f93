// Every write path through the outbox x every fault the sandbox can inject, as one table: after
// the fault clears, the server and the cache agree, the write landed exactly once (no second
// contact, task, note or tag), nothing was lost, and the user saw no failure message for a
// transient fault and exactly one sign-in request for a revoked refresh token (never one per
// retry). The connection is OAuth, so expired and revoked tokens are real.
#include "oauthsession.h"
#include "synctesthelpers.h"

#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int seeded = 6;
// The client abandons an attempt after this long without a byte; the timeout fault answers
// later than that.
constexpr qint64 transferTimeoutMs = 400;
constexpr qint64 lateAnswerMs = 1500;

const QStringList writes {
    QStringLiteral("contact-create"),
    QStringLiteral("contact-update"),
    QStringLiteral("contact-delete"),
    QStringLiteral("tags"),
    QStringLiteral("dnd"),
    QStringLiteral("task-create"),
    QStringLiteral("task-update"),
    QStringLiteral("task-complete"),
    QStringLiteral("task-delete"),
    QStringLiteral("note-create"),
    QStringLiteral("note-update"),
    QStringLiteral("note-delete"),
    QStringLiteral("import-row"),
    QStringLiteral("automation-upsert"),
};

const QStringList faults {
    QStringLiteral("429-burst"),
    QStringLiteral("5xx"),
    QStringLiteral("timeout"),
    QStringLiteral("drop"),
    QStringLiteral("drop-after-commit"),
    QStringLiteral("malformed-json"),
    QStringLiteral("html-error"),
    QStringLiteral("expired-token"),
    QStringLiteral("revoked-refresh-token"),
    QStringLiteral("offline"),
};

// The fault rule for one request, or an empty object for the faults that are not rules.
QJsonObject ruleFor(const QString& fault, const QByteArray& method, const QString& path)
{
    QJsonObject rule {{QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), path}, {QStringLiteral("count"), 1}};
    if (fault == QStringLiteral("429-burst")) {
        rule.insert(QStringLiteral("kind"), QStringLiteral("status"));
        rule.insert(QStringLiteral("status"), 429);
        rule.insert(QStringLiteral("count"), 3);
    } else if (fault == QStringLiteral("5xx")) {
        // 500, not 503: after a create, only 503 says nothing was done.
        rule.insert(QStringLiteral("kind"), QStringLiteral("status"));
        rule.insert(QStringLiteral("status"), 500);
        rule.insert(QStringLiteral("count"), 2);
    } else if (fault == QStringLiteral("timeout")) {
        rule.insert(QStringLiteral("kind"), QStringLiteral("latency"));
        rule.insert(QStringLiteral("latencyMs"), lateAnswerMs);
    } else if (fault == QStringLiteral("html-error")) {
        rule.insert(QStringLiteral("kind"), QStringLiteral("html-error"));
        rule.insert(QStringLiteral("status"), 502);
    } else if (fault == QStringLiteral("expired-token")) {
        rule.insert(QStringLiteral("kind"), QStringLiteral("expire-tokens"));
    } else if (fault == QStringLiteral("drop") || fault == QStringLiteral("drop-after-commit")
        || fault == QStringLiteral("malformed-json")) {
        rule.insert(QStringLiteral("kind"), fault);
    } else {
        return {};
    }
    return rule;
}

QStringList serverTags(SandboxFixture& fx, const QString& id)
{
    QStringList tags;
    for (const QJsonValue& tag :
        fx.data().contacts().value(id).value(QStringLiteral("tags")).toArray())
        tags.append(tag.toString());
    tags.sort();
    return tags;
}

// "id title completed" of each task, or "id body" of each note, sorted.
QStringList serverChildren(SandboxFixture& fx, const QString& contactId, bool tasks)
{
    QStringList lines;
    const auto& children = tasks ? fx.data().tasks() : fx.data().notes();
    for (const QJsonObject& child : children.value(contactId)) {
        lines.append(tasks
                ? QStringLiteral("%1 %2 %3")
                      .arg(child.value(QStringLiteral("id")).toString(),
                          child.value(QStringLiteral("title")).toString(),
                          child.value(QStringLiteral("completed")).toBool()
                              ? QStringLiteral("done")
                              : QStringLiteral("open"))
                : QStringLiteral("%1 %2").arg(child.value(QStringLiteral("id")).toString(),
                    child.value(QStringLiteral("body")).toString()));
    }
    lines.sort();
    return lines;
}

QStringList cachedChildren(Sync::Workspace& ws, const QString& contactId, bool tasks)
{
    QStringList lines;
    if (tasks) {
        for (const Api::Task& task : ws.children().tasks(contactId))
            lines.append(QStringLiteral("%1 %2 %3")
                             .arg(task.id, task.title,
                                 task.completed ? QStringLiteral("done") : QStringLiteral("open")));
    } else {
        for (const Api::Note& note : ws.children().notes(contactId))
            lines.append(QStringLiteral("%1 %2").arg(note.id, note.body));
    }
    lines.sort();
    return lines;
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matrix_data();
    void matrix();
    void cleanup();

private:
    // Creates what the write needs (a task or note of `m_contact`, synced); returns the id.
    QString prepare(const QString& write);
    // The request the fault hits.
    QPair<QByteArray, QString> target(const QString& write, const QString& childId) const;
    // Queues the write through LocalEdits.
    void perform(const QString& write, const QString& childId);
    // The write's effect on the server, exactly once.
    void checkLanded(const QString& write, const QString& childId);

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<OAuthSession> m_session;
    std::unique_ptr<SyncHarness> m_h;
    QString m_contact;
    int m_tasksBefore = 0;
    int m_notesBefore = 0;
};

void TestFaultMatrix::initTestCase()
{
    qRegisterMetaType<Sync::SyncResult>();
}

void TestFaultMatrix::matrix_data()
{
    QTest::addColumn<QString>("write");
    QTest::addColumn<QString>("fault");
    for (const QString& write : writes) {
        for (const QString& fault : faults)
            QTest::addRow("%s x %s", qPrintable(write), qPrintable(fault)) << write << fault;
    }
}

QString TestFaultMatrix::prepare(const QString& write)
{
    Store::LocalEdits& edits = m_h->ws().edits();
    QString id;
    if (write.startsWith(QStringLiteral("task-")) && write != QStringLiteral("task-create"))
        id = edits.createTask(m_contact, draftTask(QStringLiteral("Prepared task")));
    else if (write.startsWith(QStringLiteral("note-")) && write != QStringLiteral("note-create"))
        id = edits.createNote(m_contact, draftNote(QStringLiteral("Prepared note")));
    else
        return {};
    if (!m_h->drainOutbox() || !m_h->ws().outbox().list().isEmpty())
        return {};
    // The create's local id is the server's now.
    const bool tasks = write.startsWith(QStringLiteral("task-"));
    const QString made = tasks ? QStringLiteral("Prepared task") : QStringLiteral("Prepared note");
    for (const QString& line : cachedChildren(m_h->ws(), m_contact, tasks)) {
        if (line.contains(made))
            return line.section(u' ', 0, 0);
    }
    return {};
}

QPair<QByteArray, QString> TestFaultMatrix::target(
    const QString& write, const QString& childId) const
{
    const QString contact = QStringLiteral("/contacts/%1").arg(m_contact);
    if (write == QStringLiteral("contact-create") || write == QStringLiteral("import-row"))
        return {"POST", QStringLiteral("/contacts/")};
    if (write == QStringLiteral("automation-upsert"))
        return {"POST", QStringLiteral("/contacts/upsert")};
    if (write == QStringLiteral("contact-update") || write == QStringLiteral("dnd"))
        return {"PUT", contact};
    if (write == QStringLiteral("contact-delete"))
        return {"DELETE", contact};
    if (write == QStringLiteral("tags"))
        return {"POST", contact + QStringLiteral("/tags")};
    if (write == QStringLiteral("task-create"))
        return {"POST", contact + QStringLiteral("/tasks")};
    if (write == QStringLiteral("task-update"))
        return {"PUT", contact + QStringLiteral("/tasks/") + childId};
    if (write == QStringLiteral("task-complete"))
        return {"PUT", contact + QStringLiteral("/tasks/%1/completed").arg(childId)};
    if (write == QStringLiteral("task-delete"))
        return {"DELETE", contact + QStringLiteral("/tasks/") + childId};
    if (write == QStringLiteral("note-create"))
        return {"POST", contact + QStringLiteral("/notes")};
    if (write == QStringLiteral("note-update"))
        return {"PUT", contact + QStringLiteral("/notes/") + childId};
    return {"DELETE", contact + QStringLiteral("/notes/") + childId};
}

void TestFaultMatrix::perform(const QString& write, const QString& childId)
{
    Store::LocalEdits& edits = m_h->ws().edits();
    const auto saved
        = [](Store::EditOutcome outcome) { QCOMPARE(outcome, Store::EditOutcome::Saved); };
    Api::Contact draft;
    draft.firstName = QStringLiteral("Matrix");
    draft.email = QStringLiteral("matrix.%1@example.com").arg(write);
    if (write == QStringLiteral("contact-create")) {
        QVERIFY(!edits.createContact(draft).isEmpty());
    } else if (write == QStringLiteral("import-row")) {
        Store::LocalEdits::OriginScope scope(edits, Store::OutboxOrigin::Import);
        QVERIFY(!edits.createContact(draft).isEmpty());
    } else if (write == QStringLiteral("automation-upsert")) {
        Store::LocalEdits::OriginScope scope(edits, Store::OutboxOrigin::Automation);
        QVERIFY(!edits.upsertContact(draft).isEmpty());
    } else if (write == QStringLiteral("contact-update")) {
        saved(edits.updateContact(
            m_contact, QJsonObject {{QStringLiteral("city"), QStringLiteral("Bergen")}}));
    } else if (write == QStringLiteral("dnd")) {
        saved(edits.updateContact(m_contact, QJsonObject {{QStringLiteral("dnd"), true}}));
    } else if (write == QStringLiteral("contact-delete")) {
        saved(edits.deleteContact(m_contact));
    } else if (write == QStringLiteral("tags")) {
        saved(edits.addTags({m_contact}, {QStringLiteral("matrix")}));
    } else if (write == QStringLiteral("task-create")) {
        QVERIFY(!edits.createTask(m_contact, draftTask(QStringLiteral("Matrix task"))).isEmpty());
    } else if (write == QStringLiteral("task-update")) {
        saved(edits.updateTask(m_contact, childId,
            QJsonObject {{QStringLiteral("title"), QStringLiteral("Renamed task")}}));
    } else if (write == QStringLiteral("task-complete")) {
        saved(edits.completeTask(m_contact, childId, true));
    } else if (write == QStringLiteral("task-delete")) {
        saved(edits.deleteTask(m_contact, childId));
    } else if (write == QStringLiteral("note-create")) {
        QVERIFY(!edits.createNote(m_contact, draftNote(QStringLiteral("Matrix note"))).isEmpty());
    } else if (write == QStringLiteral("note-update")) {
        saved(edits.updateNote(m_contact, childId,
            QJsonObject {{QStringLiteral("body"), QStringLiteral("Rewritten note")}}));
    } else {
        saved(edits.deleteNote(m_contact, childId));
    }
}

void TestFaultMatrix::checkLanded(const QString& write, const QString& childId)
{
    SandboxFixture& fx = *m_fx;
    const QString email = QStringLiteral("matrix.%1@example.com").arg(write);
    const QJsonObject contact = fx.data().contacts().value(m_contact);
    const QList<QJsonObject> tasks = fx.data().tasks().value(m_contact);
    const QList<QJsonObject> notes = fx.data().notes().value(m_contact);
    const auto findChild = [&childId](const QList<QJsonObject>& children) {
        for (const QJsonObject& child : children) {
            if (child.value(QStringLiteral("id")).toString() == childId)
                return child;
        }
        return QJsonObject();
    };
    if (write == QStringLiteral("contact-create") || write == QStringLiteral("import-row")
        || write == QStringLiteral("automation-upsert")) {
        QCOMPARE(fx.data().contactsWithEmail(fx.locationId(), email).size(), 1);
    } else if (write == QStringLiteral("contact-update")) {
        QCOMPARE(contact.value(QStringLiteral("city")).toString(), QStringLiteral("Bergen"));
    } else if (write == QStringLiteral("dnd")) {
        QCOMPARE(contact.value(QStringLiteral("dnd")).toBool(), true);
    } else if (write == QStringLiteral("contact-delete")) {
        QVERIFY(fx.data().deletedContacts().contains(m_contact));
    } else if (write == QStringLiteral("tags")) {
        QCOMPARE(serverTags(fx, m_contact).count(QStringLiteral("matrix")), 1);
    } else if (write == QStringLiteral("task-create")) {
        QCOMPARE(tasks.size(), m_tasksBefore + 1);
    } else if (write == QStringLiteral("task-update")) {
        QCOMPARE(findChild(tasks).value(QStringLiteral("title")).toString(),
            QStringLiteral("Renamed task"));
    } else if (write == QStringLiteral("task-complete")) {
        QCOMPARE(findChild(tasks).value(QStringLiteral("completed")).toBool(), true);
    } else if (write == QStringLiteral("task-delete")) {
        QCOMPARE(tasks.size(), m_tasksBefore - 1);
        QVERIFY(findChild(tasks).isEmpty());
    } else if (write == QStringLiteral("note-create")) {
        QCOMPARE(notes.size(), m_notesBefore + 1);
    } else if (write == QStringLiteral("note-update")) {
        QCOMPARE(findChild(notes).value(QStringLiteral("body")).toString(),
            QStringLiteral("Rewritten note"));
    } else {
        QCOMPARE(notes.size(), m_notesBefore - 1);
        QVERIFY(findChild(notes).isEmpty());
    }
}

void TestFaultMatrix::matrix()
{
    QFETCH(QString, write);
    QFETCH(QString, fault);
    m_fx = std::make_unique<SandboxFixture>(seeded);
    // No burst limit, but a short window: a 429 waits 0.3 s, not HighLevel's 10 s.
    QCOMPARE(m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
                     QJsonObject {{QStringLiteral("accessTokenLifetimeS"), 3600},
                         {QStringLiteral("rateLimit"),
                             QJsonObject {
                                 {QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 300}}}})
                 .status,
        200);
    m_session = std::make_unique<OAuthSession>(*m_fx, QStringLiteral("matrix"));
    QVERIFY(m_session->signIn());
    m_h = std::make_unique<SyncHarness>(*m_fx, &m_session->tokens());
    m_h->config.retry.transferTimeoutMs = transferTimeoutMs;
    m_h->reopen();
    QVERIFY(m_h->sync().ok);
    QStringList ids = serverIds(*m_fx).values();
    ids.sort();
    m_contact = ids.first();
    // The contact's tasks and notes are in the cache, as when its detail pane was opened.
    QSignalSpy loaded(&m_h->ws().syncEngine(), &Sync::SyncEngine::childrenLoaded);
    m_h->ws().syncEngine().loadChildren(m_contact, true);
    QVERIFY(loaded.wait(syncWaitMs));
    QVERIFY(loaded.constFirst().at(1).toBool());
    const QString childId = prepare(write);
    m_tasksBefore = int(m_fx->data().tasks().value(m_contact).size());
    m_notesBefore = int(m_fx->data().notes().value(m_contact).size());
    if (write.contains(QStringLiteral("-update")) || write.contains(QStringLiteral("-complete"))
        || write.contains(QStringLiteral("-delete"))) {
        if (write.startsWith(QStringLiteral("task-")) || write.startsWith(QStringLiteral("note-")))
            QVERIFY2(!childId.isEmpty(), "the task or note to change was not created");
    }

    // The fault.
    const auto [method, path] = target(write, childId);
    QTcpServer closed;
    if (const QJsonObject rule = ruleFor(fault, method, path); !rule.isEmpty()) {
        QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule).status, 201);
    } else if (fault == QStringLiteral("revoked-refresh-token")) {
        // The access token expires, and the refresh token was revoked meanwhile.
        m_fx->clock().advance(2LL * 60 * 60 * 1000);
        QCOMPARE(
            m_fx->control("POST", QStringLiteral("/__sandbox/faults"),
                    QJsonObject {{QStringLiteral("kind"), QStringLiteral("revoke-refresh-tokens")},
                        {QStringLiteral("method"), QStringLiteral("POST")},
                        {QStringLiteral("path"), QStringLiteral("/oauth/token")},
                        {QStringLiteral("count"), 1}})
                .status,
            201);
    } else {
        // Offline: every request goes to a port where nothing answers.
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_h->nam.setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port));
        m_h->nam.clearConnectionCache();
    }

    Sync::OutboxWorker& worker = m_h->ws().outboxWorker();
    QSignalSpy failed(&worker, &Sync::OutboxWorker::itemFailed);
    QSignalSpy paused(&worker, &Sync::OutboxWorker::pausedForSignIn);
    perform(write, childId);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(m_h->drainOutbox());

    // The fault happened: its rule was used up, the queue holds for the network, or the
    // connection waits for a sign-in.
    if (fault == QStringLiteral("offline")) {
        QVERIFY(worker.offlineUntilMs() > 0);
        QCOMPARE(m_h->ws().outbox().list().size(), 1);
    } else if (fault == QStringLiteral("revoked-refresh-token")) {
        QCOMPARE(paused.size(), 1);
        QVERIFY(worker.isPausedForSignIn());
    } else {
        const QJsonArray left = m_fx->control("GET", QStringLiteral("/__sandbox/faults"))
                                    .object()
                                    .value(QStringLiteral("faults"))
                                    .toArray();
        const int count = ruleFor(fault, method, path).value(QStringLiteral("count")).toInt();
        QVERIFY2(
            left.isEmpty() || left.at(0).toObject().value(QStringLiteral("count")).toInt() < count,
            "the fault never fired");
    }

    // The fault clears; the user signs in again where it asked; time passes.
    QCOMPARE(m_fx->control("DELETE", QStringLiteral("/__sandbox/faults")).status, 200);
    m_h->nam.setProxy(QNetworkProxy::NoProxy);
    m_h->nam.clearConnectionCache();
    if (fault == QStringLiteral("revoked-refresh-token"))
        QVERIFY(m_session->signIn());
    for (int round = 0; round < 10 && !m_h->ws().outbox().list().isEmpty(); ++round) {
        m_fx->clock().advance(10LL * 60 * 1000);
        worker.wake();
        QVERIFY(m_h->drainOutbox());
    }

    // Nothing lost: the outbox is empty, nothing failed; one message at most.
    QCOMPARE(m_h->ws().outbox().list(), QList<Store::OutboxItem>());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(paused.size(), fault == QStringLiteral("revoked-refresh-token") ? 1 : 0);
    // Landed exactly once.
    checkLanded(write, childId);
    // The server and the cache agree.
    QVERIFY(m_h->sync().ok);
    QCOMPARE(cacheIds(m_h->ws()), serverIds(*m_fx));
    if (write != QStringLiteral("contact-delete")) {
        const std::optional<Api::Contact> cached = m_h->ws().cache().contact(m_contact);
        QVERIFY(cached);
        QStringList tags = cached->tags;
        tags.sort();
        QCOMPARE(tags, serverTags(*m_fx, m_contact));
        QCOMPARE(cached->city,
            m_fx->data().contacts().value(m_contact).value(QStringLiteral("city")).toString());
        QCOMPARE(cached->dnd,
            m_fx->data().contacts().value(m_contact).value(QStringLiteral("dnd")).toBool());
        QCOMPARE(
            cachedChildren(m_h->ws(), m_contact, true), serverChildren(*m_fx, m_contact, true));
        QCOMPARE(
            cachedChildren(m_h->ws(), m_contact, false), serverChildren(*m_fx, m_contact, false));
    }
}

void TestFaultMatrix::cleanup()
{
    m_h.reset();
    m_session.reset();
    m_fx.reset();
}

QTEST_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
