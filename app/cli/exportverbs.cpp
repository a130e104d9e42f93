// export --format csv|vcard [--query TEXT] [--columns A,B]: the contacts of the cache, after a
// sync, on stdout. Custom fields by name and tags joined, so the ContactDesk preset imports the
// file back with no change.
#include "clioutput.h"
#include "cliparser.h"
#include "verbs.h"

#include "mapping/contactexport.h"
#include "store/contactcache.h"
#include "sync/workspace.h"

#include <QFile>

#include <cstdio>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// The columns the user named, by header ("First Name", "Membership level") or field name
// ("firstName"), in the order given; an unknown name is a usage error that lists the known ones.
QList<Mapping::ExportColumn> chosenColumns(
    const QStringList& names, const Api::LocationLists& lists, QString* error)
{
    const QList<Mapping::ExportColumn> known = Mapping::defaultExportColumns(lists);
    if (names.isEmpty())
        return known;
    QList<Mapping::ExportColumn> columns;
    for (const QString& name : names) {
        const auto match = std::find_if(known.begin(), known.end(), [&](const auto& column) {
            return column.title.compare(name, Qt::CaseInsensitive) == 0
                || (column.kind == Mapping::ExportColumn::Kind::ContactField
                    && column.key.compare(name, Qt::CaseInsensitive) == 0);
        });
        if (match == known.end()) {
            QStringList titles;
            for (const Mapping::ExportColumn& column : known)
                titles.append(column.title);
            *error = QStringLiteral("no export column \"%1\"; the columns are: %2")
                         .arg(name, titles.join(QStringLiteral(", ")));
            return {};
        }
        columns.append(*match);
    }
    return columns;
}

} // namespace

Command parseExport(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("export"), {&options.format, &options.query, &options.columns});
    parser.expectArguments(QStringLiteral("export"), 0,
        QStringLiteral("--format csv|vcard [--query TEXT] [--columns A,B,...]"));
    command.action = Action::Export;
    command.exportFormat = parser.value(options.format);
    if (command.exportFormat != L("csv") && command.exportFormat != L("vcard"))
        usage(QStringLiteral("export needs --format csv or --format vcard"));
    command.searchText = parser.value(options.query).trimmed();
    if (parser.isSet(options.columns)) {
        if (command.exportFormat != L("csv"))
            usage(QStringLiteral("--columns applies to --format csv only"));
        for (const QString& name : parser.value(options.columns).split(u',', Qt::SkipEmptyParts))
            command.exportColumns.append(name.trimmed());
        if (command.exportColumns.isEmpty())
            usage(QStringLiteral("--columns needs at least one column name"));
    }
    return command;
}

int runExport(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    int exitCode = ExitOk;
    if (!syncQuietly(session, workspace, &exitCode)) {
        // The cache still holds what the last sync brought; better that than nothing, said.
        writeErr(QStringLiteral("contactdesk-cli: exporting the offline cache as it is\n"));
    }
    const Api::LocationLists& lists = workspace.locationLists();
    QString error;
    const QList<Mapping::ExportColumn> columns
        = chosenColumns(command.exportColumns, lists, &error);
    if (!error.isEmpty())
        return usageFailure(error);
    const QVector<qint64> rowIds = Mapping::exportRowIds(workspace.cache(), command.searchText);
    if (!command.searchText.isEmpty() && rowIds.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: no cached contact matches \"%1\"\n")
                     .arg(command.searchText));
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        writeErr(
            QStringLiteral("contactdesk-cli: cannot write to stdout: %1\n").arg(out.errorString()));
        return ExitApiError;
    }
    Mapping::ContactExporter exporter(workspace.cache(), lists);
    const bool written = command.exportFormat == L("csv")
        ? exporter.writeCsv(rowIds, columns, &out, &error)
        : exporter.writeVCard(rowIds, &out, &error);
    out.flush();
    if (!written) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    writeErr(QStringLiteral("contactdesk-cli: exported %1 contact(s)\n").arg(exporter.written()));
    return exitCode;
}

} // namespace ContactDesk::Cli
