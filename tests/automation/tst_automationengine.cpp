#include "automationtesthelpers.h"

#include "automation/rules.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;
using Automation::EventStatus;

namespace {

const QString signedUp = QStringLiteral("user.signed_up");
const QString updated = QStringLiteral("user.updated");

QString contactIdOf(const QJsonObject& contact)
{
    return contact.value(QStringLiteral("id")).toString();
}

// The request log entries of one method whose path ends with `suffix`.
QJsonArray requestsTo(SandboxFixture& fx, qint64 since, const QString& method, const QString& path)
{
    QJsonArray found;
    for (const QJsonValue& entry : requestLog(fx, since)) {
        const QJsonObject e = entry.toObject();
        if (e.value(QStringLiteral("method")).toString() == method
            && e.value(QStringLiteral("path")).toString().contains(path))
            found.append(e);
    }
    return found;
}

} // namespace

class TestAutomationEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signUpMakesContactAndWelcomeTask();
    void updateSendsOnlyChangedFields();
    void updateOfUnknownUserCreates();
    void taskNoteAndCompletion();
    void eventsOfOneUserApplyInOrder();
    void taskWaitsForSignUp();
    void waitingFailsAfterTimeout();
    void dryRunShowsRequests();
    void invalidDataFails();
};

void TestAutomationEngine::signUpMakesContactAndWelcomeTask()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    const Api::LocationLists& lists = h.sync.ws().locationLists();
    QVERIFY(!lists.users.isEmpty());

    QSignalSpy applied(h.engine.get(), &Automation::AutomationEngine::eventApplied);
    const qint64 eventSecs = fx.clock().nowMs() / 1000;
    const qint64 seq = h.push(signedUp,
        signUp(QStringLiteral("u-1"), QStringLiteral("ada@example.com"), QStringLiteral("Ada"),
            QStringLiteral("Lovelace"), QStringLiteral("+14155550101")));
    QVERIFY(seq > 0);
    QVERIFY(h.settle());

    const QList<QJsonObject> contacts = h.serverContacts(QStringLiteral("ada@example.com"));
    QCOMPARE(contacts.size(), 1);
    const QJsonObject contact = contacts.first();
    QCOMPARE(contact.value(QStringLiteral("firstName")).toString(), QStringLiteral("Ada"));
    QCOMPARE(contact.value(QStringLiteral("lastName")).toString(), QStringLiteral("Lovelace"));
    QCOMPARE(contact.value(QStringLiteral("phone")).toString(), QStringLiteral("+14155550101"));

    const QList<QJsonObject> tasks = h.serverTasks(contactIdOf(contact));
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(
        tasks.first().value(QStringLiteral("title")).toString(), QStringLiteral("Welcome Ada"));
    QCOMPARE(tasks.first().value(QStringLiteral("assignedTo")).toString(), lists.users.first().id);
    const QDateTime due = QDateTime::fromString(
        tasks.first().value(QStringLiteral("dueDate")).toString(), Qt::ISODateWithMs);
    QCOMPARE(due.toSecsSinceEpoch(), eventSecs + 24 * 3600);

    // The event says what it did; the link follows the contact to its server id.
    const Automation::InboxEvent event = h.event(seq);
    QCOMPARE(event.status, EventStatus::Applied);
    QCOMPARE(event.contactId, contactIdOf(contact));
    QVERIFY(event.outboxItemIds.size() >= 2);
    QCOMPARE(h.engine->linkedContact(QStringLiteral("u-1")), contactIdOf(contact));
    QCOMPARE(applied.size(), 1);

    // Every request of the event went as the automation's, in the background.
    int automation = 0;
    for (const Api::ApiExchange& exchange : std::as_const(h.sync.exchanges)) {
        if (exchange.operationId == QLatin1StringView("upsert-contact")
            || exchange.operationId == QLatin1StringView("create-task")) {
            QCOMPARE(exchange.cause, Api::RequestCause::Automation);
            ++automation;
        }
    }
    QCOMPARE(automation, 2);
}

void TestAutomationEngine::updateSendsOnlyChangedFields()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    h.push(signedUp,
        signUp(QStringLiteral("u-2"), QStringLiteral("grace@example.com"), QStringLiteral("Grace"),
            QStringLiteral("Hopper"), QStringLiteral("+14155550102")));
    QVERIFY(h.settle());
    const QString id = contactIdOf(h.serverContacts(QStringLiteral("grace@example.com")).value(0));
    QVERIFY(!id.isEmpty());

    // Someone sets the city on HighLevel meanwhile: the update must leave it alone.
    QJsonObject& onServer = fx.data().contacts()[id];
    onServer.insert(QStringLiteral("city"), QStringLiteral("Arlington"));
    QVERIFY(h.sync.sync().ok);

    const qint64 since = lastRequestSeq(fx);
    QJsonObject data = signUp(QStringLiteral("u-2"), QStringLiteral("grace@example.com"),
        QStringLiteral("Grace"), QStringLiteral("Brewster Hopper"), QStringLiteral("+14155550102"));
    data.insert(QStringLiteral("previous"),
        QJsonObject {{QStringLiteral("lastName"), QStringLiteral("Hopper")}});
    // The dry run shows the one request it would make, with only the changed field.
    Automation::AppEvent preview;
    preview.type = updated;
    preview.userId = QStringLiteral("u-2");
    preview.data = data;
    const Automation::Plan plan = h.engine->plan(preview);
    QCOMPARE(plan.requests.size(), 2);
    QCOMPARE(plan.requests.at(0).operationId, QStringLiteral("update-contact"));
    QCOMPARE(plan.requests.at(0).path, QStringLiteral("/contacts/") + id);
    QCOMPARE(plan.requests.at(0).body.keys(), QStringList {QStringLiteral("lastName")});
    QCOMPARE(plan.requests.at(1).operationId, QStringLiteral("create-note"));

    const qint64 seq = h.push(updated, data);
    QVERIFY(h.settle());
    QCOMPARE(h.event(seq).status, EventStatus::Applied);

    const QJsonArray puts
        = requestsTo(fx, since, QStringLiteral("PUT"), QStringLiteral("/contacts/"));
    QCOMPARE(puts.size(), 1);
    const QJsonObject body = QJsonDocument::fromJson(
        puts.first().toObject().value(QStringLiteral("requestBody")).toString().toUtf8())
                                 .object();
    QCOMPARE(body.keys(), QStringList {QStringLiteral("lastName")});
    QCOMPARE(body.value(QStringLiteral("lastName")).toString(), QStringLiteral("Brewster Hopper"));

    const QJsonObject after = std::as_const(fx.data()).contacts().value(id);
    QCOMPARE(after.value(QStringLiteral("lastName")).toString(), QStringLiteral("Brewster Hopper"));
    QCOMPARE(after.value(QStringLiteral("firstName")).toString(), QStringLiteral("Grace"));
    QCOMPARE(after.value(QStringLiteral("city")).toString(), QStringLiteral("Arlington"));
    QCOMPARE(after.value(QStringLiteral("phone")).toString(), QStringLiteral("+14155550102"));

    // And the note says what changed.
    const QList<QJsonObject> notes = h.serverNotes(id);
    QCOMPARE(notes.size(), 1);
    const QString note = notes.first().value(QStringLiteral("body")).toString();
    QVERIFY2(note.contains(QStringLiteral("lastName")) && note.contains(QStringLiteral("Brewster")),
        qPrintable(note));

    // The same values again change nothing and send nothing.
    const qint64 quiet = lastRequestSeq(fx);
    const qint64 again = h.push(updated, data);
    QVERIFY(h.settle());
    QCOMPARE(h.event(again).status, EventStatus::Applied);
    QCOMPARE(requestsTo(fx, quiet, QStringLiteral("PUT"), QStringLiteral("/contacts/")).size(), 0);
    QCOMPARE(h.serverNotes(id).size(), 1);
}

void TestAutomationEngine::updateOfUnknownUserCreates()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    const qint64 seq = h.push(updated,
        signUp(QStringLiteral("u-3"), QStringLiteral("katherine@example.com"),
            QStringLiteral("Katherine"), QStringLiteral("Johnson")));
    QVERIFY(h.settle());
    QCOMPARE(h.event(seq).status, EventStatus::Applied);
    QCOMPARE(h.serverContacts(QStringLiteral("katherine@example.com")).size(), 1);
}

void TestAutomationEngine::taskNoteAndCompletion()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    h.push(signedUp,
        signUp(QStringLiteral("u-4"), QStringLiteral("hedy@example.com"), QStringLiteral("Hedy"),
            QStringLiteral("Lamarr")));
    const qint64 task = h.push(QStringLiteral("task.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-4")},
            {QStringLiteral("taskId"), QStringLiteral("t-9")},
            {QStringLiteral("title"), QStringLiteral("Send the contract")},
            {QStringLiteral("body"), QStringLiteral("Plan B")},
            {QStringLiteral("dueAt"), QStringLiteral("2026-12-24T10:00:00Z")},
            {QStringLiteral("assignee"), h.sync.ws().locationLists().users.last().displayName()}});
    const qint64 note = h.push(QStringLiteral("note.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-4")},
            {QStringLiteral("body"), QStringLiteral("Prefers calls in the morning")}});
    QVERIFY(h.settle());
    QCOMPARE(h.event(task).status, EventStatus::Applied);
    QCOMPARE(h.event(note).status, EventStatus::Applied);

    const QString id = contactIdOf(h.serverContacts(QStringLiteral("hedy@example.com")).value(0));
    QList<QJsonObject> tasks = h.serverTasks(id);
    QCOMPARE(tasks.size(), 2);
    const auto contract = std::find_if(tasks.cbegin(), tasks.cend(), [](const QJsonObject& t) {
        return t.value(QStringLiteral("title")).toString()
            == QLatin1StringView("Send the contract");
    });
    QVERIFY(contract != tasks.cend());
    QCOMPARE(contract->value(QStringLiteral("body")).toString(), QStringLiteral("Plan B"));
    QCOMPARE(QDateTime::fromString(
                 contract->value(QStringLiteral("dueDate")).toString(), Qt::ISODateWithMs),
        QDateTime(QDate(2026, 12, 24), QTime(10, 0), Qt::UTC));
    QVERIFY(!contract->value(QStringLiteral("completed")).toBool());
    // Assigned by the user's name.
    QCOMPARE(contract->value(QStringLiteral("assignedTo")).toString(),
        h.sync.ws().locationLists().users.last().id);
    const QString taskId = contract->value(QStringLiteral("id")).toString();

    const QList<QJsonObject> notes = h.serverNotes(id);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().value(QStringLiteral("body")).toString(),
        QStringLiteral("Prefers calls in the morning"));

    const qint64 completed = h.push(QStringLiteral("task.completed"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-4")},
            {QStringLiteral("taskId"), QStringLiteral("t-9")}});
    QVERIFY(h.settle());
    QCOMPARE(h.event(completed).status, EventStatus::Applied);
    tasks = h.serverTasks(id);
    for (const QJsonObject& t : std::as_const(tasks)) {
        const bool done = t.value(QStringLiteral("completed")).toBool();
        QCOMPARE(done, t.value(QStringLiteral("id")).toString() == taskId);
    }

    // A completion of a task no event made fails with the reason.
    const qint64 stray = h.push(QStringLiteral("task.completed"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-4")},
            {QStringLiteral("taskId"), QStringLiteral("t-404")}});
    QVERIFY(h.settle());
    QCOMPARE(h.event(stray).status, EventStatus::Failed);
    QVERIFY(h.event(stray).reason.contains(QStringLiteral("t-404")));
}

void TestAutomationEngine::eventsOfOneUserApplyInOrder()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    // Three profile changes before the engine runs: the last one wins, each applied in turn.
    h.push(signedUp,
        signUp(QStringLiteral("u-5"), QStringLiteral("mary@example.com"), QStringLiteral("Mary"),
            QStringLiteral("Jackson")));
    QList<qint64> seqs;
    for (const char* last : {"Winston", "Jackson-Winston", "Jackson"}) {
        QJsonObject data = signUp(QStringLiteral("u-5"), QStringLiteral("mary@example.com"),
            QStringLiteral("Mary"), QString::fromLatin1(last));
        seqs.append(h.push(updated, data));
    }
    // Another user's events in between do not disturb the order.
    h.push(signedUp,
        signUp(QStringLiteral("u-6"), QStringLiteral("dorothy@example.com"),
            QStringLiteral("Dorothy"), QStringLiteral("Vaughan")));
    QSignalSpy applied(h.engine.get(), &Automation::AutomationEngine::eventApplied);
    QVERIFY(h.settle());
    QCOMPARE(applied.size(), 5);
    QList<qint64> order;
    for (const QList<QVariant>& args : std::as_const(applied))
        order.append(args.at(0).toLongLong());
    QVERIFY(std::is_sorted(order.cbegin(), order.cend()));
    const QJsonObject mary = h.serverContacts(QStringLiteral("mary@example.com")).value(0);
    QCOMPARE(mary.value(QStringLiteral("lastName")).toString(), QStringLiteral("Jackson"));
    QCOMPARE(h.serverContacts(QStringLiteral("mary@example.com")).size(), 1);
    // "Jackson" again after "Jackson-Winston" is a change: three notes of changes.
    QCOMPARE(h.serverNotes(contactIdOf(mary)).size(), 3);
}

void TestAutomationEngine::taskWaitsForSignUp()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    const qint64 task = h.push(QStringLiteral("task.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-7")},
            {QStringLiteral("taskId"), QStringLiteral("t-1")},
            {QStringLiteral("title"), QStringLiteral("Call back")}});
    QVERIFY(h.settle());
    QCOMPARE(h.event(task).status, EventStatus::Waiting);
    QVERIFY(h.event(task).reason.contains(QStringLiteral("u-7")));

    const qint64 signup = h.push(signedUp,
        signUp(QStringLiteral("u-7"), QStringLiteral("annie@example.com"), QStringLiteral("Annie"),
            QStringLiteral("Easley")));
    QVERIFY(h.settle());
    QTRY_COMPARE(h.event(task).status, EventStatus::Applied);
    QCOMPARE(h.event(signup).status, EventStatus::Applied);
    QVERIFY(h.sync.drainOutbox());
    const QString id = contactIdOf(h.serverContacts(QStringLiteral("annie@example.com")).value(0));
    QStringList titles;
    for (const QJsonObject& t : h.serverTasks(id))
        titles.append(t.value(QStringLiteral("title")).toString());
    titles.sort();
    QCOMPARE(titles, (QStringList {QStringLiteral("Call back"), QStringLiteral("Welcome Annie")}));
}

void TestAutomationEngine::waitingFailsAfterTimeout()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    Automation::RuleSet rules = h.engine->rules();
    rules.waitTimeoutMs = 3600 * 1000;
    h.engine->setRules(rules);
    const qint64 note = h.push(QStringLiteral("note.created"),
        QJsonObject {{QStringLiteral("userId"), QStringLiteral("u-8")},
            {QStringLiteral("body"), QStringLiteral("Hello")}});
    QVERIFY(h.settle());
    QCOMPARE(h.event(note).status, EventStatus::Waiting);

    fx.clock().advance(30 * 60 * 1000);
    h.engine->wake();
    QTest::qWait(50);
    QCOMPARE(h.event(note).status, EventStatus::Waiting);

    fx.clock().advance(31 * 60 * 1000);
    QSignalSpy failed(h.engine.get(), &Automation::AutomationEngine::eventFailed);
    h.engine->wake();
    QVERIFY(failed.wait(5000));
    QCOMPARE(h.event(note).status, EventStatus::Failed);
    QVERIFY2(h.event(note).reason.contains(QStringLiteral("1 hour"))
            && h.event(note).reason.contains(QStringLiteral("u-8")),
        qPrintable(h.event(note).reason));
    QCOMPARE(h.sync.ws().outbox().pendingCount(), 0);
}

void TestAutomationEngine::dryRunShowsRequests()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    Automation::AppEvent event;
    event.type = signedUp;
    event.userId = QStringLiteral("u-9");
    event.data = signUp(QStringLiteral("u-9"), QStringLiteral("radia@example.com"),
        QStringLiteral("Radia"), QStringLiteral("Perlman"));
    event.timestampSecs = fx.clock().nowMs() / 1000;
    const qint64 before = lastRequestSeq(fx);
    const Automation::Plan plan = h.engine->plan(event);
    QCOMPARE(plan.ruleName, h.engine->rules().rules.first().name);
    QCOMPARE(plan.requests.size(), 2);
    QCOMPARE(plan.requests.at(0).operationId, QStringLiteral("upsert-contact"));
    QCOMPARE(plan.requests.at(0).body.value(QStringLiteral("email")).toString(),
        QStringLiteral("radia@example.com"));
    QCOMPARE(plan.requests.at(1).operationId, QStringLiteral("create-task"));
    QCOMPARE(plan.requests.at(1).body.value(QStringLiteral("title")).toString(),
        QStringLiteral("Welcome Radia"));
    // Nothing written, nothing sent.
    QCOMPARE(h.sync.ws().outbox().pendingCount(), 0);
    QCOMPARE(lastRequestSeq(fx), before);
    QVERIFY(h.engine->linkedContact(QStringLiteral("u-9")).isEmpty());
}

void TestAutomationEngine::invalidDataFails()
{
    SandboxFixture fx;
    AutomationHarness h(fx);
    QVERIFY(h.syncAll());
    const qint64 seq = h.push(signedUp,
        signUp(QStringLiteral("u-10"), QStringLiteral("not an address"), QStringLiteral("X"),
            QStringLiteral("Y")));
    QVERIFY(h.settle());
    QCOMPARE(h.event(seq).status, EventStatus::Failed);
    QVERIFY2(
        h.event(seq).reason.contains(QStringLiteral("email")), qPrintable(h.event(seq).reason));
    QCOMPARE(h.sync.ws().outbox().pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestAutomationEngine)
#include "tst_automationengine.moc"
