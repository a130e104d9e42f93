// events push|list: Your App's events from scripts, through the same inbox and rules as the
// receiver, and the event log.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "automation/appevent.h"
#include "automation/automationengine.h"
#include "automation/inbox.h"
#include "common/clock.h"
#include "sync/outboxworker.h"
#include "sync/workspace.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;
using Automation::AppEvent;
using Automation::EventStatus;
using Automation::InboxEvent;

constexpr int maxListLimit = 100000;

QJsonObject eventJson(const InboxEvent& row)
{
    QJsonObject json {{QStringLiteral("seq"), row.seq},
        {QStringLiteral("receivedAt"), isoUtc(row.receivedAtMs)},
        {QStringLiteral("type"), row.event.type}, {QStringLiteral("userId"), row.event.userId},
        {QStringLiteral("webhookId"), row.event.webhookId},
        {QStringLiteral("source"), row.event.source},
        {QStringLiteral("status"), Automation::eventStatusName(row.status)}};
    if (!row.reason.isEmpty())
        json.insert(QStringLiteral("reason"), row.reason);
    if (!row.contactId.isEmpty())
        json.insert(QStringLiteral("contactId"), row.contactId);
    if (!row.outboxItemIds.isEmpty()) {
        QJsonArray items;
        for (qint64 id : row.outboxItemIds)
            items.append(id);
        json.insert(QStringLiteral("outboxItems"), items);
    }
    if (row.duplicateOf != 0)
        json.insert(QStringLiteral("duplicateOf"), row.duplicateOf);
    return json;
}

// One event as the receiver would hand it over: checked against its schema. `id`: the
// caller's webhook-id (the same id pushed twice is stored once), else a new one.
std::optional<AppEvent> pushedEvent(
    const QByteArray& body, const QString& id, qint64 nowMs, QString* reason)
{
    const QString webhookId
        = id.isEmpty() ? QStringLiteral("cli_") + QUuid::createUuid().toString(QUuid::Id128) : id;
    return Automation::parseAppEvent(body, webhookId, nowMs / 1000, QStringLiteral("cli"), reason);
}

// Every line of the file, all checked before any is stored: a file with a bad line stores
// nothing, so running it again after the fix never doubles the good ones.
std::optional<QList<AppEvent>> readEventsFile(const QString& path, qint64 nowMs, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QList<AppEvent> events;
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        const QJsonObject object = document.object();
        if (!document.isObject()) {
            *error = QStringLiteral("%1 line %2: not a JSON object {\"type\", \"data\"}%3")
                         .arg(path)
                         .arg(number)
                         .arg(parseError.error == QJsonParseError::NoError
                                 ? QString()
                                 : QStringLiteral(" (%1)").arg(parseError.errorString()));
            return std::nullopt;
        }
        // The line is an event body as the receiver reads it; "id" is the optional webhook-id.
        QString reason;
        const std::optional<AppEvent> event
            = pushedEvent(line, object.value(L("id")).toString(), nowMs, &reason);
        if (!event) {
            *error = QStringLiteral("%1 line %2: %3").arg(path).arg(number).arg(reason);
            return std::nullopt;
        }
        events.append(*event);
    }
    if (events.isEmpty()) {
        *error = QStringLiteral("%1 holds no events").arg(path);
        return std::nullopt;
    }
    return events;
}

// Runs the engine and the outbox worker until every event of `seqs` is applied, waiting or
// failed and the outbox has sent what it could. Empty, or why it stopped.
QString applyEvents(Automation::Inbox& inbox, Automation::AutomationEngine& engine,
    Sync::Workspace& workspace, const QList<qint64>& seqs)
{
    QEventLoop loop;
    Sync::OutboxWorker& worker = workspace.outboxWorker();
    QString stopped;
    const auto settled = [&] {
        for (qint64 seq : seqs) {
            const std::optional<InboxEvent> row = inbox.event(seq);
            if (row && row->status == EventStatus::Received)
                return false;
        }
        return worker.isIdle();
    };
    const auto check = [&] {
        if (settled())
            loop.quit();
    };
    QObject::connect(&engine, &Automation::AutomationEngine::eventApplied, &loop, check);
    QObject::connect(&engine, &Automation::AutomationEngine::eventWaiting, &loop, check);
    QObject::connect(&engine, &Automation::AutomationEngine::eventFailed, &loop, check);
    QObject::connect(&worker, &Sync::OutboxWorker::idle, &loop, check);
    QObject::connect(&worker, &Sync::OutboxWorker::pausedForSignIn, &loop, [&](const QString& why) {
        stopped = why;
        loop.quit();
    });
    // The engine may apply everything before the loop runs; the outbox may already be idle.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(250);
    engine.start();
    worker.start();
    if (!settled())
        loop.exec();
    engine.stop();
    worker.stop();
    return stopped;
}

int runPush(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    QList<AppEvent> events;
    const qint64 now = session.clock().nowMs();
    QString error;
    if (!command.eventsFile.isEmpty()) {
        std::optional<QList<AppEvent>> read = readEventsFile(command.eventsFile, now, &error);
        if (!read)
            return usageFailure(error);
        events = *read;
    } else {
        std::optional<AppEvent> event = pushedEvent(
            Automation::appEventBody(command.eventType, command.eventData), QString(), now, &error);
        if (!event)
            return usageFailure(QStringLiteral("the event is refused: %1").arg(error));
        events.append(*event);
    }

    const std::optional<Automation::RuleSet> rules = loadRules(command, workspace);
    if (!rules)
        return ExitUsage;
    Automation::Inbox inbox(workspace.database(), session.clock());
    QList<qint64> seqs;
    const QList<Automation::Inbox::Accepted> accepted = inbox.acceptAll(events, &seqs);
    if (accepted.contains(Automation::Inbox::Accepted::Failed)) {
        writeErr(QStringLiteral("contactdesk-cli: the events could not be stored: %1\n")
                     .arg(workspace.database().lastError().message));
        return ExitApiError;
    }
    Automation::AutomationEngine engine(workspace, inbox, session.clock());
    engine.setRules(*rules);
    const QString stopped = applyEvents(inbox, engine, workspace, seqs);

    QJsonArray rows;
    int applied = 0;
    int waiting = 0;
    int failed = 0;
    int duplicates = 0;
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        const std::optional<InboxEvent> row = inbox.event(seqs.at(i));
        if (!row)
            continue;
        QJsonObject json = eventJson(*row);
        if (accepted.at(i) == Automation::Inbox::Accepted::Duplicate) {
            ++duplicates;
            json.insert(QStringLiteral("duplicate"), true);
        }
        applied += row->status == EventStatus::Applied ? 1 : 0;
        waiting += row->status == EventStatus::Waiting ? 1 : 0;
        failed += row->status == EventStatus::Failed ? 1 : 0;
        rows.append(json);
    }
    const int notSent = workspace.outbox().pendingCount();
    QJsonObject json {{QStringLiteral("events"), rows},
        {QStringLiteral("stored"), int(seqs.size()) - duplicates},
        {QStringLiteral("duplicates"), duplicates}, {QStringLiteral("applied"), applied},
        {QStringLiteral("waiting"), waiting}, {QStringLiteral("failed"), failed},
        {QStringLiteral("outboxWaiting"), notSent}};
    if (!stopped.isEmpty())
        json.insert(QStringLiteral("error"), stopped);
    writeOut(indented(json));
    if (!stopped.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: stopped: %1\n").arg(stopped));
        return ExitApiError;
    }
    if (waiting > 0)
        writeErr(QStringLiteral("contactdesk-cli: %1 event(s) wait for their user's sign-up (see "
                                "events list --status waiting)\n")
                     .arg(waiting));
    if (notSent > 0)
        writeErr(QStringLiteral("contactdesk-cli: %1 change(s) are not on the server yet (see "
                                "outbox list)\n")
                     .arg(notSent));
    return failed > 0 || notSent > 0 ? ExitApiError : ExitOk;
}

int runList(const Command& command, Sync::Workspace& workspace)
{
    Automation::Inbox inbox(workspace.database(), workspace.database().clock());
    Automation::InboxFilter filter;
    filter.status = Automation::eventStatusFromName(command.eventStatus);
    filter.type = command.eventType;
    QJsonArray rows;
    for (const InboxEvent& row : inbox.list(filter, 0, command.searchLimit))
        rows.append(eventJson(row));
    writeOut(indented(rows));
    return ExitOk;
}

} // namespace

std::optional<Automation::RuleSet> loadRules(const Command& command, Sync::Workspace& workspace)
{
    if (command.rulesFile.isEmpty())
        return Automation::defaultRuleSet(currentLocationLists(workspace));
    QStringList problems;
    std::optional<Automation::RuleSet> rules
        = Automation::RuleSet::load(command.rulesFile, &problems);
    if (!rules) {
        writeErr(QStringLiteral("contactdesk-cli: the rules in %1 cannot be used:\n")
                     .arg(command.rulesFile));
        for (const QString& problem : std::as_const(problems))
            writeErr(QStringLiteral("  %1\n").arg(problem));
    }
    return rules;
}

Command parseEventsVerb(VerbParser& parser, Command command, const QString& verb)
{
    const Options& options = parser.options();
    const QString name = QStringLiteral("events ") + verb;
    if (!parser.words().isEmpty())
        usage(QStringLiteral("%1 takes no arguments, got \"%2\"")
                  .arg(name, parser.words().join(u' ')));
    if (verb == L("push")) {
        parser.allowOnly(name, {&options.type, &options.file, &options.rules});
        command.action = Action::EventsPush;
        const bool one = parser.isSet(options.type) || parser.isSet(options.data);
        if (one == parser.isSet(options.file))
            usage(QStringLiteral("events push takes --type TYPE --data JSON, or --file NDJSON"));
        if (parser.isSet(options.file)) {
            command.eventsFile = QFileInfo(parser.value(options.file)).absoluteFilePath();
        } else {
            if (!parser.isSet(options.type) || !parser.isSet(options.data))
                usage(QStringLiteral("events push needs both --type TYPE and --data JSON"));
            command.eventType = parser.value(options.type);
            if (!Automation::appEventTypes().contains(command.eventType))
                usage(QStringLiteral("unknown event type '%1' (known: %2)")
                          .arg(command.eventType,
                              Automation::appEventTypes().join(QStringLiteral(", "))));
            QJsonParseError error;
            const QJsonDocument data
                = QJsonDocument::fromJson(parser.value(options.data).toUtf8(), &error);
            if (!data.isObject())
                usage(QStringLiteral("--data must be a JSON object%1")
                          .arg(error.error == QJsonParseError::NoError
                                  ? QString()
                                  : QStringLiteral(": %1 at offset %2")
                                        .arg(error.errorString())
                                        .arg(error.offset)));
            command.eventData = data.object();
        }
        if (parser.isSet(options.rules))
            command.rulesFile = QFileInfo(parser.value(options.rules)).absoluteFilePath();
        return command;
    }
    if (verb == L("list")) {
        parser.allowOnly(name, {&options.type, &options.status, &options.limit});
        command.action = Action::EventsList;
        command.searchLimit = parser.limit(defaultListLimit, maxListLimit);
        if (parser.isSet(options.status)) {
            command.eventStatus = parser.value(options.status);
            if (!Automation::eventStatusFromName(command.eventStatus))
                usage(QStringLiteral("--status takes received, waiting, applied, failed or "
                                     "duplicate, got \"%1\"")
                          .arg(command.eventStatus));
        }
        if (parser.isSet(options.type)) {
            command.eventType = parser.value(options.type);
            if (!Automation::appEventTypes().contains(command.eventType))
                usage(QStringLiteral("unknown event type '%1'").arg(command.eventType));
        }
        return command;
    }
    usage(QStringLiteral("unknown command %1 (events push or events list)").arg(name));
}

int runEventsVerb(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    if (command.action == Action::EventsList)
        return runList(command, workspace);
    return runPush(session, command, workspace);
}

} // namespace ContactDesk::Cli
