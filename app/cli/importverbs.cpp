// import FILE --mapping PROFILE: another app's records become contacts through the outbox, on
// the cache runDataVerb opens (one per connection, shared with the desktop app).
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "auth/connectionstore.h"
#include "common/clock.h"
#include "mapping/importplanner.h"
#include "mapping/importrun.h"
#include "mapping/profile.h"
#include "mapping/resultsfile.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"
#include "store/importjournal.h"
#include "sync/locationlistsync.h"
#include "sync/workspace.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace ContactDesk::Cli {

namespace {

using Mapping::ImportProgress;
using Mapping::ImportSummary;

QJsonObject summaryJson(const ImportSummary& summary)
{
    QJsonObject json {{QStringLiteral("rows"), summary.total()},
        {QStringLiteral("created"), summary.created}, {QStringLiteral("updated"), summary.updated},
        {QStringLiteral("unchanged"), summary.unchanged},
        {QStringLiteral("skipped"), summary.skipped}, {QStringLiteral("failed"), summary.failed}};
    if (summary.pending > 0)
        json.insert(QStringLiteral("pending"), summary.pending);
    return json;
}

QJsonObject planJson(const Mapping::RowPlan& plan)
{
    QJsonArray requests;
    for (const Mapping::PlannedRequest& request : plan.requests) {
        requests.append(QJsonObject {{QStringLiteral("method"), request.method},
            {QStringLiteral("path"), request.path}, {QStringLiteral("body"), request.body}});
    }
    QJsonObject json {{QStringLiteral("row"), plan.row},
        {QStringLiteral("action"), Mapping::planActionName(plan.action)},
        {QStringLiteral("requests"), requests}};
    if (!plan.reason.isEmpty())
        json.insert(QStringLiteral("reason"), plan.reason);
    if (!plan.contactId.isEmpty())
        json.insert(QStringLiteral("contactId"), plan.contactId);
    return json;
}

QString progressText(const ImportProgress& progress)
{
    QString text = QStringLiteral("import: %1").arg(progress.rowsDone);
    if (progress.rowsTotal >= 0)
        text += QStringLiteral(" of %1%2")
                    .arg(progress.totalIsExact ? QString() : QStringLiteral("~"))
                    .arg(progress.rowsTotal);
    text += QStringLiteral(" rows");
    if (progress.rowsPerSecond > 0)
        text += QStringLiteral(", %1 rows/s").arg(progress.rowsPerSecond, 0, 'f', 0);
    if (progress.reading && progress.msLeft >= 0)
        text += QStringLiteral(", about %1 s left").arg((progress.msLeft + 999) / 1000);
    if (progress.unsentItems > 0)
        text += QStringLiteral(", %1 waiting to be sent").arg(progress.unsentItems);
    return text;
}

// Where the run went, as the profile records it: the environment and the connection's name.
QPair<QString, QString> runEnvironment(CliSession& session)
{
    const Target& target = session.target();
    QString name = target.baseUrl.host();
    if (target.saved || !target.connectionId.isEmpty()) {
        if (const auto connection = session.connectionStore().find(target.connectionId))
            name = connection->displayName;
    } else if (target.sandbox) {
        name = QStringLiteral("Built-in sandbox");
    }
    return {target.sandbox ? QStringLiteral("sandbox") : QStringLiteral("production"), name};
}

// A clean run is written into the profile file, so the next run (and the app) knows where the
// profile was last verified.
void recordVerification(CliSession& session, const Command& command, Mapping::Profile profile,
    const Mapping::ImportRun& run)
{
    const auto [environment, connection] = runEnvironment(session);
    const std::optional<Mapping::Verification> verified = run.verification(environment, connection);
    if (!verified)
        return;
    profile.recordVerification(*verified);
    QString error;
    if (profile.save(command.mappingFile, &error)) {
        writeErr(QStringLiteral("contactdesk-cli: %1 is now verified on %2 (%3)\n")
                     .arg(command.mappingFile, environment, connection));
    } else {
        writeErr(QStringLiteral("contactdesk-cli: the run was clean but %1\n").arg(error));
    }
}

int dryRun(
    Mapping::SourceReader& reader, const Mapping::MapFunction& map, Mapping::ImportPlanner& planner)
{
    // One row per line as the rows are planned, so a big file shows at once; valid JSON.
    writeOut(QByteArrayLiteral("{\"dryRun\": true, \"rows\": [\n"));
    ImportSummary summary;
    bool first = true;
    QString error;
    const bool read = Mapping::planAll(
        reader, map, planner,
        [&](const Mapping::RowPlan& plan) {
            writeOut((first ? QByteArray() : QByteArrayLiteral(",\n")) + compact(planJson(plan)));
            first = false;
            switch (plan.action) {
            case Mapping::PlanAction::Create:
            case Mapping::PlanAction::Upsert:
                ++summary.created;
                break;
            case Mapping::PlanAction::Update:
                ++summary.updated;
                break;
            case Mapping::PlanAction::Unchanged:
                ++summary.unchanged;
                break;
            case Mapping::PlanAction::Skip:
                ++summary.skipped;
                break;
            case Mapping::PlanAction::Invalid:
                ++summary.failed;
                break;
            }
        },
        &error);
    writeOut(QByteArrayLiteral("\n], \"summary\": ") + compact(summaryJson(summary))
        + QByteArrayLiteral("}\n"));
    if (!read) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    return summary.failed > 0 ? ExitApiError : ExitOk;
}

} // namespace

Command parseImport(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("import"),
        {&options.mapping, &options.dryRun, &options.results, &options.resume,
            &options.failedFrom});
    parser.expectArguments(QStringLiteral("import"), 1,
        QStringLiteral("FILE --mapping PROFILE [--dry-run] [--results OUT.csv] [--resume] "
                       "[--failed-from RESULTS.csv]"));
    command.action = Action::Import;
    command.sourceFile = QFileInfo(parser.words().first()).absoluteFilePath();
    if (!parser.isSet(options.mapping) || parser.value(options.mapping).isEmpty())
        usage(QStringLiteral("import needs --mapping PROFILE (see mapping suggest)"));
    command.mappingFile = parser.value(options.mapping);
    command.resultsFile = parser.value(options.results);
    command.dryRun = parser.isSet(options.dryRun);
    command.resume = parser.isSet(options.resume);
    command.failedFrom = parser.value(options.failedFrom);
    if (command.dryRun && (command.resume || parser.isSet(options.results)))
        usage(QStringLiteral("--dry-run sends nothing: it takes neither --resume nor --results"));
    if (command.resume && parser.isSet(options.failedFrom))
        usage(QStringLiteral("--resume continues the run as it began; drop --failed-from"));
    return command;
}

int runImport(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    QStringList problems;
    const std::optional<Mapping::Profile> profile
        = Mapping::Profile::load(command.mappingFile, &problems);
    if (!profile) {
        for (const QString& problem : std::as_const(problems))
            writeErr(QStringLiteral("contactdesk-cli: %1: %2\n").arg(command.mappingFile, problem));
        return ExitUsage;
    }
    QList<qint64> onlyRows;
    if (!command.failedFrom.isEmpty()) {
        QString error;
        const auto failed = Mapping::ResultsFile::failedRows(command.failedFrom, &error);
        if (!failed)
            return usageFailure(error);
        if (failed->isEmpty()) {
            writeErr(QStringLiteral("contactdesk-cli: %1 lists no failed rows; nothing to do\n")
                         .arg(command.failedFrom));
            writeOut(indented(summaryJson({})));
            return ExitOk;
        }
        onlyRows = *failed;
    }
    Store::ImportJournal journal(workspace.database());
    if (!command.dryRun && !command.resume) {
        if (const auto unfinished = journal.unfinishedRun(command.sourceFile)) {
            return usageFailure(
                QStringLiteral("the import of %1 that began on %2 did not finish; "
                               "add --resume to continue it")
                    .arg(command.sourceFile,
                        QDateTime::fromMSecsSinceEpoch(unfinished->createdAtMs, Qt::UTC)
                            .toString(Qt::ISODate)));
        }
    }

    int exitCode = ExitOk;
    if (!syncQuietly(session, workspace, &exitCode))
        return exitCode;

    QString error;
    std::unique_ptr<Mapping::SourceReader> reader
        = Mapping::SourceReader::open(command.sourceFile, profile->source, &error);
    if (!reader) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    const Api::LocationLists& lists = workspace.locationLists();
    const Mapping::RowMapper mapper(*profile, lists);
    // Against a sample, as `mapping check` does: a vCard or JSON reader has met only the first
    // record's paths when it opens.
    const Mapping::Drift drift
        = mapper.drift(Mapping::sampleSource(command.sourceFile, profile->source));
    for (const QString& warning : drift.warnings())
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(warning));
    if (!drift.isEmpty()) {
        for (const QString& message : drift.messages())
            writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(message));
        writeErr(QStringLiteral("contactdesk-cli: the profile does not fit; nothing was sent\n"));
        return ExitApiError;
    }
    const Mapping::MapFunction map
        = [&mapper](const Mapping::Record& record) { return mapper.map(record); };
    const QString locationId = workspace.client().locationId();

    if (command.dryRun) {
        Mapping::ImportPlanner planner(*profile, lists, locationId, workspace.database());
        return dryRun(*reader, map, planner);
    }

    Mapping::ImportOptions options;
    options.filePath = command.sourceFile;
    options.profile = *profile;
    options.profileJson = profile->toJson();
    options.resume = command.resume;
    options.onlyRows = onlyRows;
    Mapping::ImportRun run(workspace.database(), workspace.edits(), workspace.outbox(),
        session.clock(), lists, locationId);
    const bool terminal = ::isatty(fileno(stderr)) == 1;
    QElapsedTimer sinceLine;
    sinceLine.start();
    bool shown = false;
    QObject::connect(
        &run, &Mapping::ImportRun::progressChanged, &run, [&](const ImportProgress& progress) {
            if (!terminal || (shown && sinceLine.elapsed() < 250))
                return;
            shown = true;
            sinceLine.restart();
            writeErr(QStringLiteral("\r\033[K") + progressText(progress));
        });
    QEventLoop loop;
    QString stopped;
    QObject::connect(&run, &Mapping::ImportRun::finished, &loop, &QEventLoop::quit);
    QObject::connect(&run, &Mapping::ImportRun::failed, &loop, [&](const QString& message) {
        stopped = message;
        loop.quit();
    });
    Sync::OutboxWorker& worker = workspace.outboxWorker();
    QObject::connect(&worker, &Sync::OutboxWorker::pausedForSignIn, &loop, [&](const QString& why) {
        stopped = why;
        loop.quit();
    });
    if (!run.start(options, std::move(reader), map, &error)) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    worker.start();
    loop.exec();
    worker.stop();
    if (terminal && shown)
        writeErr(QStringLiteral("\r\033[K") + progressText(run.progress()) + u'\n');

    const QList<Store::ImportRowResult> results = run.results();
    if (!command.resultsFile.isEmpty()
        && !Mapping::ResultsFile::write(command.resultsFile, results, &error))
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
    const ImportSummary summary = ImportSummary::of(results);
    if (stopped.isEmpty())
        recordVerification(session, command, *profile, run);
    QJsonObject json = summaryJson(summary);
    json.insert(QStringLiteral("run"), run.runId());
    if (!stopped.isEmpty())
        json.insert(QStringLiteral("error"), stopped);
    writeOut(indented(json));
    if (!stopped.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: the import stopped: %1 (run it again with "
                                "--resume to continue)\n")
                     .arg(stopped));
        return ExitApiError;
    }
    return summary.failed > 0 || summary.pending > 0 ? ExitApiError : ExitOk;
}

} // namespace ContactDesk::Cli
