// Automation throughput against a standalone sandbox whose budget is compressed to 100 requests
// per second: 1,000 user.signed_up events stored in the inbox at once become 1,000 contacts and
// 1,000 welcome tasks through the engine and the outbox worker, while the desktop user saves an
// edit in the middle of the burst. Reports the budget used (target >= 95 %), the 429 answers
// (target 0), the duplicates on the server (target 0) and how long the desktop edit took to
// reach the server (target < 2 s).
#include "benchworkspace.h"

#include "api/apiclient.h"
#include "api/contactsapi.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "automation/automationengine.h"
#include "automation/inbox.h"
#include "common/clock.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "sync/locationlistsync.h"
#include "sync/outboxworker.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace ContactDesk;

namespace {

constexpr int events = 1000;
// As bench_import: a window's worth on its way, since the round trip does not shrink with the
// compressed window.
constexpr int inFlight = 12;

using BenchWorkspace::die;
using BenchWorkspace::report;
using BenchWorkspace::Sandbox;
using BenchWorkspace::Session;

QList<Automation::AppEvent> signUps(qint64 nowSecs)
{
    QList<Automation::AppEvent> list;
    for (int i = 1; i <= events; ++i) {
        Automation::AppEvent event;
        event.webhookId = QStringLiteral("msg_bench_%1").arg(i);
        event.type = QStringLiteral("user.signed_up");
        event.userId = QStringLiteral("bench-user-%1").arg(i);
        event.data = {{QStringLiteral("id"), event.userId},
            {QStringLiteral("email"), QStringLiteral("user%1@bench-automation.test").arg(i)},
            {QStringLiteral("firstName"), QStringLiteral("User%1").arg(i)},
            {QStringLiteral("lastName"), QStringLiteral("Bench")}};
        event.timestampSecs = nowSecs;
        event.source = QStringLiteral("test");
        list.append(event);
    }
    return list;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    BenchWorkspace::benchName = "automation";
    QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.*.info=false"));
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_automation PATH_TO_contactdesk-sandbox\n");
        return 2;
    }
    Sandbox sandbox(app.arguments().at(1), 1);
    Session session(sandbox.info, inFlight);
    session.sync();
    Sync::Workspace& ws = *session.workspace;
    Sync::OutboxOptions outboxOptions = ws.outboxWorker().options();
    outboxOptions.maxInFlight = inFlight;
    ws.outboxWorker().setOptions(outboxOptions);
    const QStringList seeded = ws.cache().allServerIds();
    if (seeded.isEmpty())
        die(QStringLiteral("the sandbox has no contact to edit"));
    const QString edited = seeded.first();

    Automation::Inbox inbox(ws.database(), session.clock);
    Automation::AutomationEngine engine(ws, inbox, session.clock);

    int requests = 0;
    int tooMany = 0;
    int taskCreates = 0;
    QElapsedTimer timer;
    qint64 editAtMs = -1;
    qint64 firstRequestMs = -1;
    qint64 lastRequestMs = -1;
    qint64 allAppliedMs = -1;
    int requestsWhileApplying = 0;
    qint64 editReachedMs = -1;
    QObject::connect(
        &ws.client(), &Api::ApiClient::exchanged, [&](const Api::ApiExchange& exchange) {
            ++requests;
            if (firstRequestMs < 0)
                firstRequestMs = timer.elapsed();
            lastRequestMs = timer.elapsed();
            if (exchange.status == 429)
                ++tooMany;
            if (exchange.operationId == QLatin1StringView("create-task") && exchange.status == 201)
                ++taskCreates;
            if (exchange.operationId == QLatin1StringView("update-contact")
                && exchange.url.path().endsWith(edited) && exchange.status == 200
                && editReachedMs < 0)
                editReachedMs = timer.elapsed();
            // The desktop user saves a change in the middle of the burst.
            if (requests == events && editAtMs < 0) {
                editAtMs = timer.elapsed();
                if (ws.edits().updateContact(
                        edited, {{QStringLiteral("city"), QStringLiteral("Burst City")}})
                    != Store::EditOutcome::Saved)
                    die(QStringLiteral("the desktop edit was not saved"));
            }
        });

    QEventLoop loop;
    QTimer poll;
    int quiet = 0;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const bool done = inbox.count({Automation::EventStatus::Received, {}, {}}) == 0
            && ws.outbox().pendingCount() == 0 && ws.outboxWorker().isIdle();
        quiet = done ? quiet + 1 : 0;
        if (quiet >= 2)
            loop.quit();
    });
    QObject::connect(&engine, &Automation::AutomationEngine::eventApplied, [&](qint64 seq) {
        Q_UNUSED(seq);
        if (inbox.count({Automation::EventStatus::Received, {}, {}}) == 0 && allAppliedMs < 0) {
            allAppliedMs = timer.elapsed();
            requestsWhileApplying = requests;
        }
    });
    timer.start();
    const QList<Automation::Inbox::Accepted> stored
        = inbox.acceptAll(signUps(session.clock.nowMs() / 1000));
    if (stored.count(Automation::Inbox::Accepted::Stored) != events)
        die(QStringLiteral("the events were not stored"));
    engine.start();
    ws.outboxWorker().start();
    poll.start(50);
    loop.exec();
    // The last 100 ms are the poll noticing it is done.
    const double seconds = double(timer.elapsed() - 100) / 1000.0;
    const int failedEvents = inbox.count({Automation::EventStatus::Failed, {}, {}});
    const int applied = inbox.count({Automation::EventStatus::Applied, {}, {}});

    // What the server holds, through a fresh cache: the contacts, then each one's tasks.
    Session check(sandbox.info, inFlight);
    check.sync();
    QSet<QString> emails;
    int benchContacts = 0;
    QStringList benchIds;
    const QList<Store::ContactSummary> contacts = check.workspace->cache().summaries(
        check.workspace->cache().orderedRowIds(Store::SortColumn::Email, Qt::AscendingOrder));
    for (const Store::ContactSummary& contact : contacts) {
        if (!contact.email.endsWith(QLatin1StringView("@bench-automation.test")))
            continue;
        ++benchContacts;
        emails.insert(contact.email.toLower());
        benchIds.append(contact.id);
    }
    int welcomeTasks = 0;
    int tasksDuplicated = 0;
    int outstanding = int(benchIds.size());
    QEventLoop tasksLoop;
    for (const QString& id : std::as_const(benchIds)) {
        check.workspace->contacts().tasks(id).then(
            &tasksLoop, [&](const Api::Result<QList<Api::Task>>& result) {
                if (result.ok()) {
                    welcomeTasks += int(result.value.size());
                    tasksDuplicated += result.value.size() > 1 ? 1 : 0;
                }
                if (--outstanding == 0)
                    tasksLoop.quit();
            });
    }
    if (outstanding > 0)
        tasksLoop.exec();

    const double rate = double(requests) / seconds;
    report("events", events, "events", "1000");
    report("applied", applied, "events", "1000");
    report("failed", failedEvents, "events", "0");
    report("requests", requests, "requests", "");
    report("elapsed", seconds, "s", "");
    report("events_per_second", events / seconds, "events/s", "");
    report("achieved_rate", rate, "req/s", "");
    report("budget_used_percent", rate / 100.0 * 100.0, "percent", ">=95");
    report("responses_429", tooMany, "responses", "0");
    report("first_request_after", double(firstRequestMs) / 1000.0, "s", "");
    report("last_request_at", double(lastRequestMs) / 1000.0, "s", "");
    report("all_applied_after", double(allAppliedMs) / 1000.0, "s", "");
    report("rate_while_applying",
        requestsWhileApplying / (double(allAppliedMs - firstRequestMs) / 1000.0), "req/s", "");
    report("rate_after_applying",
        (requests - requestsWhileApplying) / (double(lastRequestMs - allAppliedMs) / 1000.0),
        "req/s", "");
    report("server_contacts", benchContacts, "contacts", "1000");
    report("duplicates_on_server", double(benchContacts - emails.size()), "contacts", "0");
    report("task_creates", taskCreates, "requests", "1000");
    report("welcome_tasks_on_server", welcomeTasks, "tasks", "1000");
    report("contacts_with_duplicate_tasks", tasksDuplicated, "contacts", "0");
    report("desktop_edit_latency",
        editAtMs >= 0 && editReachedMs >= 0 ? double(editReachedMs - editAtMs) / 1000.0 : -1, "s",
        "<2");
    return 0;
}
