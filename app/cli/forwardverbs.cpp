// forward dead-letters|retry|discard: the dead letters of the forwarding to Your App, on the
// cache of the target's connection (no network); and serve's forwarding (--forward-url,
// --forward-secret-file, --forward-events): what serve's /hooks/highlevel route applies and what
// its periodic sync and reconciliation find goes to Your App as Standard Webhooks signed events,
// through the durable queue.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "auth/connection.h"
#include "automation/signingsecret.h"
#include "common/clock.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"
#include "webhooks/forwarder.h"
#include "webhooks/forwardqueue.h"
#include "webhooks/forwardrouter.h"
#include "webhooks/forwardsettings.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookintake.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// How often serve looks at the queue for what another process changed (forward retry).
constexpr int queuePollMs = 1000;

QJsonObject itemJson(const Webhooks::ForwardItem& item)
{
    return {{QStringLiteral("id"), item.seq}, {QStringLiteral("eventId"), item.eventId},
        {QStringLiteral("type"), item.type}, {QStringLiteral("destination"), item.destination},
        {QStringLiteral("contactId"), item.contactId},
        {QStringLiteral("state"), Webhooks::ForwardQueue::stateName(item.state)},
        {QStringLiteral("attempts"), item.attempts},
        {QStringLiteral("lastStatus"), item.lastStatus},
        {QStringLiteral("lastError"), item.lastError},
        {QStringLiteral("createdAt"), isoUtc(item.createdAtMs)},
        {QStringLiteral("finishedAt"),
            item.finishedAtMs > 0 ? QJsonValue(isoUtc(item.finishedAtMs)) : QJsonValue()}};
}

// The dead letters `command` names: one by id, or every one with --all.
QList<Webhooks::ForwardItem> chosen(const Command& command, Webhooks::ForwardQueue& queue)
{
    if (command.forwardAll)
        return queue.deadLetters();
    const std::optional<Webhooks::ForwardItem> item = queue.item(command.itemId);
    if (!item)
        return {};
    return {*item};
}

int runRetryOrDiscard(const Command& command, Webhooks::ForwardQueue& queue)
{
    const bool retry = command.action == Action::ForwardRetry;
    const QList<Webhooks::ForwardItem> items = chosen(command, queue);
    if (!command.forwardAll && items.isEmpty())
        return usageFailure(
            QStringLiteral("there is no forwarded event %1 (see forward dead-letters)")
                .arg(command.itemId));
    QJsonArray done;
    for (const Webhooks::ForwardItem& item : items) {
        if (item.state != Webhooks::ForwardState::Dead) {
            return usageFailure(QStringLiteral("forwarded event %1 is %2, not a dead letter")
                                    .arg(item.seq)
                                    .arg(Webhooks::ForwardQueue::stateName(item.state)));
        }
        if (!(retry ? queue.retry(item.seq) : queue.discard(item.seq))) {
            writeErr(QStringLiteral("contactdesk-cli: forwarded event %1: %2\n")
                         .arg(item.seq)
                         .arg(queue.lastError()));
            return ExitApiError;
        }
        done.append(item.seq);
    }
    writeOut(
        compact({{retry ? QStringLiteral("retried") : QStringLiteral("discarded"), done}}) + '\n');
    if (retry && !done.isEmpty())
        writeErr(QStringLiteral("contactdesk-cli: queued again; a running serve --forward-url "
                                "sends them (else the next one does)\n"));
    return ExitOk;
}

// The event types `list` names ("contact.*,task.completed"); usage error for a name or pattern
// that matches none.
QStringList eventTypes(const QString& list)
{
    QStringList types;
    for (const QString& part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        const QRegularExpression pattern = QRegularExpression::fromWildcard(name);
        bool any = false;
        for (const QString& type : Webhooks::forwardEventTypes()) {
            if (pattern.match(type).hasMatch()) {
                any = true;
                if (!types.contains(type))
                    types.append(type);
            }
        }
        if (!any)
            usage(QStringLiteral("--forward-events: \"%1\" names no event type (%2)")
                      .arg(name, Webhooks::forwardEventTypes().join(QStringLiteral(", "))));
    }
    if (types.isEmpty())
        usage(QStringLiteral("--forward-events needs at least one event type"));
    return types;
}

// The queue, the router on the applier's and the sync engine's changes, and the forwarder, for
// as long as serve runs.
class ServeForwarding : public QObject
{
public:
    ServeForwarding(CliSession& session, const Command& command, Sync::Workspace& workspace,
        Webhooks::WebhookIntake& intake)
        : m_workspace(workspace)
        , m_intake(intake)
        , m_queue(workspace.database())
        , m_router(workspace.database(), m_queue, session.clock(), workspace.client().locationId())
        , m_forwarder(m_queue, session.network(), session.clock())
    {
        Webhooks::ForwardConfig config;
        config.enabled = true;
        config.url = command.forwardUrl;
        for (const QString& type : command.forwardEvents)
            config.types.insert(type);
        m_router.setConfig(config);
        intake.applier().setChangeObserver(m_router.observer());
        workspace.syncEngine().setChangeObserver(m_router.observer());
        connect(
            &m_forwarder, &Webhooks::Forwarder::delivered, this, [this](qint64 seq, int status) {
                if (m_verbose)
                    writeErr(QStringLiteral("contactdesk-cli: forwarded event %1: HTTP %2\n")
                                 .arg(seq)
                                 .arg(status));
            });
        connect(&m_forwarder, &Webhooks::Forwarder::deferred, this,
            [](qint64 seq, qint64, const QString& reason) {
                writeErr(QStringLiteral("contactdesk-cli: forwarding event %1 failed, will try "
                                        "again: %2\n")
                             .arg(seq)
                             .arg(reason));
            });
        connect(&m_forwarder, &Webhooks::Forwarder::deadLettered, this,
            [](qint64 seq, const QString& reason) {
                writeErr(QStringLiteral("contactdesk-cli: forwarded event %1 is a dead letter "
                                        "(forward retry %1 sends it again): %2\n")
                             .arg(seq)
                             .arg(reason));
            });
        // Another process (forward retry) changes the same queue: look again now and then.
        m_poll.setInterval(queuePollMs);
        connect(&m_poll, &QTimer::timeout, &m_forwarder, &Webhooks::Forwarder::wake);
        m_verbose = command.verbose;
    }

    ~ServeForwarding() override
    {
        m_workspace.syncEngine().stop();
        m_intake.applier().setChangeObserver({});
        m_workspace.syncEngine().setChangeObserver({});
    }

    bool setSecret(const QString& secret, QString* error)
    {
        return m_forwarder.setSigningSecret(secret, error);
    }

    // The forwarder, and the periodic sync (every 5 min, with the hourly reconciliation): a
    // webhook HighLevel dropped is caught there and forwarded too.
    void start()
    {
        m_forwarder.start();
        m_poll.start();
        m_workspace.syncEngine().start();
    }

private:
    Sync::Workspace& m_workspace;
    Webhooks::WebhookIntake& m_intake;
    Webhooks::ForwardQueue m_queue;
    Webhooks::ForwardRouter m_router;
    Webhooks::Forwarder m_forwarder;
    QTimer m_poll;
    bool m_verbose = false;
};

} // namespace

Command parseForwardVerb(VerbParser& parser, Command command, const QString& verb)
{
    const QString name = QStringLiteral("forward ") + verb;
    if (verb == L("dead-letters")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 0, QString());
        command.action = Action::ForwardDeadLetters;
        return command;
    }
    if (verb != L("retry") && verb != L("discard"))
        usage(QStringLiteral("unknown command %1 (forward dead-letters, retry or discard)")
                  .arg(name));
    const Options& options = parser.options();
    parser.allowOnly(name, {&options.all});
    command.action = verb == L("retry") ? Action::ForwardRetry : Action::ForwardDiscard;
    if (parser.isSet(options.all)) {
        parser.expectArguments(name, 0, QStringLiteral("ID|--all"));
        command.forwardAll = true;
        return command;
    }
    parser.expectArguments(name, 1, QStringLiteral("ID|--all"));
    bool ok = false;
    command.itemId = parser.words().first().toLongLong(&ok);
    if (!ok || command.itemId <= 0)
        usage(QStringLiteral("%1 takes a number (see forward dead-letters) or --all, got \"%2\"")
                  .arg(name, parser.words().first()));
    return command;
}

int runForwardVerb(const Command& command, Sync::Workspace& workspace)
{
    Webhooks::ForwardQueue queue(workspace.database());
    if (command.action == Action::ForwardDeadLetters) {
        QJsonArray items;
        for (const Webhooks::ForwardItem& item : queue.deadLetters())
            items.append(itemJson(item));
        writeOut(QJsonDocument(items).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    return runRetryOrDiscard(command, queue);
}

void parseServeForwarding(VerbParser& parser, Command& command)
{
    const Options& options = parser.options();
    const bool url = parser.isSet(options.forwardUrl);
    if (!url) {
        if (parser.isSet(options.forwardSecretFile) || parser.isSet(options.forwardEvents))
            usage(QStringLiteral("--forward-secret-file and --forward-events go with "
                                 "--forward-url URL"));
        return;
    }
    const QString text = parser.value(options.forwardUrl).trimmed();
    if (const QString problem = Webhooks::checkForwardUrl(text); !problem.isEmpty())
        usage(QStringLiteral("--forward-url: %1").arg(problem));
    command.forwardUrl = text;
    if (!parser.isSet(options.forwardSecretFile)
        || parser.value(options.forwardSecretFile).isEmpty())
        usage(QStringLiteral("--forward-url needs --forward-secret-file FILE: the whsec_ secret "
                             "Your App checks the events' signatures with"));
    command.forwardSecretFile
        = QFileInfo(parser.value(options.forwardSecretFile)).absoluteFilePath();
    command.forwardEvents = parser.isSet(options.forwardEvents)
        ? eventTypes(parser.value(options.forwardEvents))
        : Webhooks::forwardEventTypes();
}

std::unique_ptr<QObject> startServeForwarding(CliSession& session, const Command& command,
    Sync::Workspace& workspace, Webhooks::WebhookIntake& intake, int* exitCode)
{
    *exitCode = ExitOk;
    if (command.forwardUrl.isEmpty())
        return nullptr;
    QString error;
    const std::optional<QString> secret
        = Automation::readSigningSecretFile(command.forwardSecretFile, &error);
    if (!secret) {
        *exitCode = usageFailure(QStringLiteral("--forward-secret-file: %1").arg(error));
        return nullptr;
    }
    auto forwarding = std::make_unique<ServeForwarding>(session, command, workspace, intake);
    if (!forwarding->setSecret(*secret, &error)) {
        *exitCode = usageFailure(QStringLiteral("--forward-secret-file: %1").arg(error));
        return nullptr;
    }
    forwarding->start();
    return forwarding;
}

} // namespace ContactDesk::Cli
