// The process tst_automationkill kills: a Workspace against the test's sandbox, the inbox and
// the automation engine with the default rules. It stores the events of an NDJSON file (each
// line {"id", "type", "data"}: Your App delivers again what was not acknowledged), applies them
// and sends the outbox, then exits 0. With AUTOMATION_KILL_AT it raises SIGKILL at that point,
// the AUTOMATION_KILL_AFTER-th time it gets there (default 1):
//   inbox-before-commit  inside the transaction storing an event, before it commits
//   inbox-after-commit   right after an event was stored
//   applied              right after the engine applied an event (outbox items written)
//   contact-sent         after the server answered an event's contact upsert, before its task
//   task-unanswered      after a task create the server committed but whose answer was lost
//                        (the test sets the sandbox's drop-after-commit fault)
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "automation/automationengine.h"
#include "automation/inbox.h"
#include "common/clock.h"
#include "store/database.h"
#include "store/outbox.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace ContactDesk;

namespace {

QString env(const char* name)
{
    return qEnvironmentVariable(name);
}

class KillSwitch
{
public:
    KillSwitch()
        : m_point(env("AUTOMATION_KILL_AT"))
        , m_after(qMax(1, env("AUTOMATION_KILL_AFTER").toInt()))
    { }

    void reached(const char* point)
    {
        if (m_point != QLatin1StringView(point) || ++m_count < m_after)
            return;
        std::fprintf(stderr, "killed at %s\n", point);
        std::fflush(stderr);
        std::raise(SIGKILL);
    }

private:
    QString m_point;
    int m_after;
    int m_count = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    SystemClock clock;
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    Api::StaticTokenProvider tokens(env("CONTACTDESK_TOKEN"));
    Api::RateBudget budget(clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(env("CONTACTDESK_BASE_URL"));
    config.locationId = env("CONTACTDESK_LOCATION");
    config.retry.backoffMs = {10, 20};
    Sync::Workspace workspace(network, tokens, budget, clock, config, env("AUTOMATION_DB"));
    if (!workspace.open().ok) {
        std::fprintf(stderr, "cannot open the cache\n");
        return 2;
    }
    // Retries come quickly: the test waits for convergence, not for a back-off.
    Sync::OutboxOptions options = workspace.outboxWorker().options();
    options.backoffMs = {50};
    workspace.outboxWorker().setOptions(options);

    KillSwitch kill;
    Automation::Inbox inbox(workspace.database(), clock);
    Automation::AutomationEngine engine(workspace, inbox, clock);
    QObject::connect(
        &engine, &Automation::AutomationEngine::eventApplied, [&] { kill.reached("applied"); });
    QObject::connect(&workspace.outboxWorker(), &Sync::OutboxWorker::itemDone, [&](qint64 id) {
        const auto item = workspace.outbox().item(id);
        if (item && item->kind == Store::OutboxKind::UpsertContact)
            kill.reached("contact-sent");
    });
    QObject::connect(&workspace.outboxWorker(), &Sync::OutboxWorker::itemDeferred, [&](qint64 id) {
        const auto item = workspace.outbox().item(id);
        if (item && item->kind == Store::OutboxKind::CreateTask)
            kill.reached("task-unanswered");
    });

    QFile file(env("AUTOMATION_EVENTS"));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the events\n");
        return 2;
    }
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.isEmpty())
            continue;
        Automation::AppEvent event;
        event.webhookId = line.value(QStringLiteral("id")).toString();
        event.type = line.value(QStringLiteral("type")).toString();
        event.data = line.value(QStringLiteral("data")).toObject();
        event.userId = event.data
                           .value(event.type.startsWith(QLatin1StringView("user."))
                                   ? QStringLiteral("id")
                                   : QStringLiteral("userId"))
                           .toString();
        event.timestampSecs = clock.nowMs() / 1000;
        event.source = QStringLiteral("test");
        Store::Database& db = workspace.database();
        db.beginTransaction();
        const Automation::Inbox::Accepted accepted = inbox.accept(event);
        kill.reached("inbox-before-commit");
        if (!db.commitTransaction() || accepted == Automation::Inbox::Accepted::Failed) {
            std::fprintf(stderr, "cannot store an event\n");
            return 2;
        }
        if (accepted == Automation::Inbox::Accepted::Stored)
            kill.reached("inbox-after-commit");
    }

    workspace.start();
    engine.start();
    QTimer poll;
    int quiet = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const bool done = inbox.count({Automation::EventStatus::Received, {}, {}}) == 0
            && workspace.outbox().pendingCount() == 0 && workspace.outboxWorker().isIdle();
        quiet = done ? quiet + 1 : 0;
        // Twice in a row: the engine's next turn may still be queued.
        if (quiet >= 2)
            app.quit();
    });
    poll.start(50);
    QTimer::singleShot(120000, &app, [&app] {
        std::fprintf(stderr, "did not converge\n");
        app.exit(3);
    });
    const int code = app.exec();
    workspace.stop();
    std::printf("%s\n",
        QJsonDocument(
            QJsonObject {{QStringLiteral("pending"), workspace.outbox().pendingCount()},
                {QStringLiteral("failed"), inbox.count({Automation::EventStatus::Failed, {}, {}})}})
            .toJson(QJsonDocument::Compact)
            .constData());
    return code;
}
