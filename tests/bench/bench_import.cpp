// Import throughput against a standalone sandbox whose budget is compressed to 100 requests per
// second: 2,000 CSV rows upserted through the import run and the outbox worker. Reports how much
// of the budget the import used (target >= 95 %), the 429 answers (target 0), the duplicates on
// the server afterwards (target 0) and the wall time.
#include "benchworkspace.h"

#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "mapping/importrun.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"
#include "mapping/suggest.h"
#include "store/contactcache.h"
#include "sync/locationlistsync.h"
#include "sync/outboxworker.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>

using namespace ContactDesk;

namespace {

constexpr int rows = 2000;
// Requests on their way at once: the round trip does not shrink with the compressed window, so
// keeping a window's worth in flight takes more than the app's default (bench_sync does the
// same).
constexpr int inFlight = 12;

using BenchWorkspace::die;
using BenchWorkspace::report;
using BenchWorkspace::Sandbox;
using BenchWorkspace::Session;

QString writeCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        die(QStringLiteral("cannot write %1").arg(path));
    file.write("Email,First Name,Last Name,City\n");
    for (int i = 1; i <= rows; ++i)
        file.write(QStringLiteral("person%1@bench-import.test,Person,Number %1,Springfield\n")
                       .arg(i)
                       .toUtf8());
    return path;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    BenchWorkspace::benchName = "import";
    QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.*.info=false"));
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_import PATH_TO_contactdesk-sandbox\n");
        return 2;
    }
    Sandbox sandbox(app.arguments().at(1), 0);
    Session session(sandbox.info, inFlight);
    session.sync();
    Sync::Workspace& ws = *session.workspace;
    Sync::OutboxOptions outboxOptions = ws.outboxWorker().options();
    outboxOptions.maxInFlight = inFlight;
    ws.outboxWorker().setOptions(outboxOptions);

    const QString csv = writeCsv(session.dir.filePath(QStringLiteral("people.csv")));
    QString error;
    std::unique_ptr<Mapping::SourceReader> reader = Mapping::SourceReader::open(csv, {}, &error);
    if (!reader)
        die(error);

    int requests = 0;
    int tooMany = 0;
    QObject::connect(
        &ws.client(), &Api::ApiClient::exchanged, [&](const Api::ApiExchange& exchange) {
            ++requests;
            if (exchange.status == 429)
                ++tooMany;
        });
    // The profile a user gets: suggested for the file, mapped by the real row mapper.
    Mapping::Profile profile
        = Mapping::suggestProfile(Mapping::sampleSource(csv, {}), ws.locationLists());
    profile.mode = Mapping::WriteMode::Upsert;
    const Mapping::RowMapper mapper(profile, ws.locationLists());
    const Mapping::MapFunction map
        = [&mapper](const Mapping::Record& record) { return mapper.map(record); };
    Mapping::ImportOptions options;
    options.filePath = csv;
    options.profile = profile;
    Mapping::ImportRun run(ws.database(), ws.edits(), ws.outbox(), session.clock,
        ws.locationLists(), session.config.locationId);
    QEventLoop loop;
    QObject::connect(&run, &Mapping::ImportRun::finished, &loop, &QEventLoop::quit);
    QObject::connect(
        &run, &Mapping::ImportRun::failed, &loop, [](const QString& message) { die(message); });
    QElapsedTimer timer;
    timer.start();
    if (!run.start(options, std::move(reader), map, &error))
        die(error);
    ws.outboxWorker().start();
    loop.exec();
    const double seconds = double(timer.elapsed()) / 1000.0;
    const Mapping::ImportSummary summary = Mapping::ImportSummary::of(run.results());

    // What the server holds, through a fresh cache.
    Session check(sandbox.info, inFlight);
    check.sync();
    QSet<QString> emails;
    const QList<Store::ContactSummary> contacts = check.workspace->cache().summaries(
        check.workspace->cache().orderedRowIds(Store::SortColumn::Email, Qt::AscendingOrder));
    for (const Store::ContactSummary& contact : contacts)
        emails.insert(contact.email.toLower());

    const double rate = double(requests) / seconds;
    report("rows", rows, "rows", "2000");
    report("created", summary.created, "rows", "2000");
    report("failed", summary.failed, "rows", "0");
    report("requests", requests, "requests", "");
    report("elapsed", seconds, "s", "");
    report("rows_per_second", rows / seconds, "rows/s", "");
    report("achieved_rate", rate, "req/s", "");
    report("budget_used_percent", rate / 100.0 * 100.0, "percent", ">=95");
    report("responses_429", tooMany, "responses", "0");
    report("server_contacts", double(contacts.size()), "contacts", "2000");
    report("duplicates_on_server", double(contacts.size() - emails.size()), "contacts", "0");
    return 0;
}
