// mapping suggest|check: a mapping profile proposed for a file, and a file checked against a
// profile, row by row, before anything is sent. Both read the location's lists (custom fields,
// users, tags) so names are checked the way an import would resolve them.
#include "clioutput.h"
#include "cliparser.h"
#include "verbs.h"

#include "mapping/filecheck.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"
#include "mapping/suggest.h"
#include "sync/workspace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// Problems listed in the report by default; the rest are counted.
constexpr int defaultProblemLimit = 100;
constexpr int maxProblemLimit = 100000;

QJsonObject problemJson(const Mapping::CellProblem& problem)
{
    QJsonObject json {
        {QStringLiteral("row"), problem.row}, {QStringLiteral("reason"), problem.reason}};
    if (!problem.column.isEmpty())
        json.insert(QStringLiteral("column"), problem.column);
    if (!problem.value.isEmpty())
        json.insert(QStringLiteral("value"), problem.value);
    if (problem.rule >= 0)
        json.insert(QStringLiteral("rule"), problem.rule + 1);
    return json;
}

QString percent(double confidence)
{
    return QStringLiteral("%1%").arg(qRound(confidence * 100));
}

int runSuggest(const Command& command, const Api::LocationLists& lists)
{
    const Mapping::SourceSample sample = Mapping::sampleSource(command.sourceFile, {});
    if (!sample.error.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(sample.error));
        return ExitApiError;
    }
    Mapping::Profile profile = Mapping::suggestProfile(sample, lists);
    if (profile.name.isEmpty())
        profile.name = QFileInfo(command.sourceFile).completeBaseName();
    writeOut(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented));
    // What was matched and how surely, for the person about to edit the profile.
    for (const Mapping::Rule& rule : std::as_const(profile.rules)) {
        writeErr(QStringLiteral("  %1 -> %2 (%3%4)\n")
                     .arg(rule.sources.join(QStringLiteral(", ")), rule.target.toString(),
                         rule.confidence >= 0 ? percent(rule.confidence) : QStringLiteral("set"),
                         rule.reason.isEmpty() ? QString() : QStringLiteral(": ") + rule.reason));
    }
    return ExitOk;
}

int runCheck(const Command& command, const Api::LocationLists& lists)
{
    QStringList profileProblems;
    const std::optional<Mapping::Profile> profile
        = Mapping::Profile::load(command.mappingFile, &profileProblems);
    if (!profile) {
        for (const QString& problem : std::as_const(profileProblems))
            writeErr(QStringLiteral("contactdesk-cli: %1: %2\n").arg(command.mappingFile, problem));
        return ExitApiError;
    }
    const Mapping::SourceSample sample = Mapping::sampleSource(command.sourceFile, profile->source);
    if (!sample.error.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(sample.error));
        return ExitApiError;
    }
    const Mapping::RowMapper mapper(*profile, lists);
    const Mapping::Drift drift = mapper.drift(sample);
    QJsonObject report {{QStringLiteral("file"), command.sourceFile},
        {QStringLiteral("profile"), command.mappingFile}};
    if (!drift.isEmpty()) {
        // A profile naming what is gone would write the wrong thing; nothing else is checked.
        report.insert(QStringLiteral("drift"), QJsonArray::fromStringList(drift.messages()));
        writeOut(indented(report));
        for (const QString& line : drift.messages())
            writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(line));
        return ExitApiError;
    }
    for (const QString& why : drift.warnings())
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(why));

    QString error;
    const std::unique_ptr<Mapping::SourceReader> reader
        = Mapping::SourceReader::open(command.sourceFile, profile->source, &error);
    if (!reader) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    const Mapping::FileCheck check = Mapping::checkFile(*reader, mapper, command.searchLimit);
    QJsonArray problems;
    for (const Mapping::CellProblem& problem : check.problems)
        problems.append(problemJson(problem));
    report.insert(QStringLiteral("rows"), check.rows);
    report.insert(QStringLiteral("validRows"), check.rows - check.invalidRows);
    report.insert(QStringLiteral("invalidRows"), check.invalidRows);
    report.insert(QStringLiteral("problems"), problems);
    if (check.problemsNotListed > 0)
        report.insert(QStringLiteral("problemsNotListed"), check.problemsNotListed);
    if (!check.error.isEmpty())
        report.insert(QStringLiteral("error"), check.error);
    writeOut(indented(report));
    if (!check.error.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(check.error));
        return ExitApiError;
    }
    if (check.invalidRows > 0) {
        writeErr(QStringLiteral("contactdesk-cli: %1 of %2 rows are invalid\n")
                     .arg(check.invalidRows)
                     .arg(check.rows));
        return ExitApiError;
    }
    return ExitOk;
}

} // namespace

Command parseMappingVerb(VerbParser& parser, Command command, const QString& verb)
{
    const Options& options = parser.options();
    if (verb == L("suggest")) {
        parser.allowOnly(QStringLiteral("mapping suggest"), {});
        parser.expectArguments(QStringLiteral("mapping suggest"), 1, QStringLiteral("FILE"));
        command.action = Action::MappingSuggest;
        command.sourceFile = QFileInfo(parser.words().at(0)).absoluteFilePath();
        return command;
    }
    if (verb == L("check")) {
        parser.allowOnly(QStringLiteral("mapping check"), {&options.limit});
        parser.expectArguments(
            QStringLiteral("mapping check"), 2, QStringLiteral("PROFILE FILE [--limit N]"));
        command.action = Action::MappingCheck;
        command.mappingFile = QFileInfo(parser.words().at(0)).absoluteFilePath();
        command.sourceFile = QFileInfo(parser.words().at(1)).absoluteFilePath();
        command.searchLimit = parser.limit(defaultProblemLimit, maxProblemLimit);
        return command;
    }
    usage(QStringLiteral("unknown command mapping %1").arg(verb));
}

int runMappingVerb(CliSession&, const Command& command, Sync::Workspace& workspace)
{
    const Api::LocationLists lists = currentLocationLists(workspace);
    if (command.action == Action::MappingSuggest)
        return runSuggest(command, lists);
    return runCheck(command, lists);
}

} // namespace ContactDesk::Cli
