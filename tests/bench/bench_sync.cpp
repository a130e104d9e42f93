// Sync throughput and memory against a standalone sandbox: a full sync of 20,000 contacts from a
// sandbox that allows 100 requests per second (how much of that rate the sync uses, and that it
// never gets a 429), and the peak resident memory of a process that syncs 100,000 contacts.
//
// Each sync runs in a child process (this program started again with --child), so the memory
// figure is that of a process that did nothing but sync.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
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
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace ContactDesk;

namespace {

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("sync")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Peak resident set size of this process, in MB.
double peakResidentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds another process has used so far (user + system), from /proc.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The fields after the command name, which may hold spaces, start after its ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

struct Sandbox
{
    QProcess process;
    QJsonObject info;
    Sandbox(const QString& exe, int contacts, const QString& rateLimit)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(exe,
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
                QString::number(contacts), QStringLiteral("--seed"), QStringLiteral("5"),
                QStringLiteral("--rate-limit"), rateLimit, QStringLiteral("--daily-limit"),
                QStringLiteral("0")});
        if (!process.waitForReadyRead(600000)) {
            std::fprintf(stderr, "bench: the sandbox did not start\n");
            std::exit(1);
        }
        info = QJsonDocument::fromJson(process.readLine()).object();
    }
    ~Sandbox()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

// The child: one full sync into a fresh cache, then one JSON line with what it took.
int runChild(const QJsonObject& info, int pageLimit, int streams)
{
    QTemporaryDir dir;
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    SystemClock clock;
    Api::StaticTokenProvider tokens(info[QStringLiteral("privateIntegrationToken")].toString());
    // As many on the wire as there are streams (the app's default of 6 matches its 4).
    Api::RateBudget budget(clock, streams);
    Api::ApiConfig config;
    config.baseUrl = QUrl(info[QStringLiteral("baseUrl")].toString());
    config.locationId = info[QStringLiteral("locationId")].toString();
    Sync::Workspace workspace(
        network, tokens, budget, clock, config, dir.filePath(QStringLiteral("cache.sqlite")));
    if (!workspace.open().ok) {
        std::fprintf(stderr, "bench: the cache did not open\n");
        return 1;
    }
    Sync::SyncOptions options = workspace.syncEngine().options();
    options.pageLimit = pageLimit;
    options.streams = streams;
    workspace.syncEngine().setOptions(options);

    int requests = 0;
    int tooMany = 0;
    QObject::connect(
        &workspace.client(), &Api::ApiClient::exchanged, [&](const Api::ApiExchange& exchange) {
            ++requests;
            if (exchange.status == 429)
                ++tooMany;
        });
    Sync::SyncResult result;
    QEventLoop loop;
    const double cpuBefore = cpuSeconds();
    QObject::connect(&workspace.syncEngine(), &Sync::SyncEngine::finished,
        [&](const Sync::SyncResult& finished) {
            result = finished;
            loop.quit();
        });
    QElapsedTimer timer;
    timer.start();
    workspace.syncEngine().sync();
    loop.exec();
    const qint64 elapsedMs = timer.elapsed();
    const double cpu = cpuSeconds() - cpuBefore;
    const QJsonObject line {{QStringLiteral("cpuS"), cpu}, {QStringLiteral("ok"), result.ok},
        {QStringLiteral("message"), result.message()}, {QStringLiteral("requests"), requests},

        {QStringLiteral("responses429"), tooMany}, {QStringLiteral("elapsedMs"), elapsedMs},
        {QStringLiteral("contacts"), workspace.cache().count()},
        {QStringLiteral("pages"), result.pages}, {QStringLiteral("vmhwmMb"), peakResidentMb()}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return result.ok ? 0 : 1;
}

QJsonObject syncInChild(const QJsonObject& info, int pageLimit, int streams)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("--child"),
            QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)),
            QString::number(pageLimit), QString::number(streams)});
    if (!child.waitForFinished(1800000) || child.exitCode() != 0) {
        std::fprintf(stderr, "bench: the syncing process failed: %s\n",
            child.readAllStandardOutput().constData());
        std::exit(1);
    }
    return QJsonDocument::fromJson(child.readAllStandardOutput().trimmed()).object();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == QStringLiteral("--child")) {
        QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.*.info=false"));
        return runChild(QJsonDocument::fromJson(args.at(2).toUtf8()).object(), args.at(3).toInt(),
            args.at(4).toInt());
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_sync PATH_TO_contactdesk-sandbox\n");
        return 2;
    }
    const QString exe = args.at(1);
    {
        // 100 requests per second allowed. HighLevel allows 100 per 10 s and a page holds up to
        // 500 contacts: 5,000 contacts a second. The sandbox's limit is ten times faster, so the
        // pages are ten times smaller to keep that ratio; otherwise parsing and storing
        // (not the rate budget) would set the pace and the rate says nothing about the engine.
        // The round trip of a page (network, server, storing) does not shrink with the window:
        // to keep a window's worth of requests on their way, as 4 streams do against HighLevel's
        // 10 s window, this one-second window needs about three times as many.
        constexpr int pageLimit = 50;
        constexpr int streams = 12;
        Sandbox sandbox(exe, 20000, QStringLiteral("100/1000"));
        const double sandboxCpuBefore = processCpuSeconds(sandbox.process.processId());
        const QJsonObject run = syncInChild(sandbox.info, pageLimit, streams);
        const double sandboxCpu = processCpuSeconds(sandbox.process.processId()) - sandboxCpuBefore;
        const double seconds = run[QStringLiteral("elapsedMs")].toDouble() / 1000.0;
        const double requests = run[QStringLiteral("requests")].toDouble();
        const double rate = requests / seconds;
        report("limited.contacts_synced", run[QStringLiteral("contacts")].toDouble(), "contacts",
            "20000");
        report("limited.requests", run[QStringLiteral("requests")].toDouble(), "requests", "");
        report("limited.elapsed", seconds, "s", "");
        report("limited.contacts_per_second", run[QStringLiteral("contacts")].toDouble() / seconds,
            "contacts/s", "");
        report("limited.achieved_rate", rate, "req/s", "");
        report("limited.achieved_rate_percent_of_allowed", rate / 100.0 * 100.0, "percent", ">=95");
        report("limited.responses_429", run[QStringLiteral("responses429")].toDouble(), "responses",
            "0");
        // Where the time went: the syncing process's CPU per page, and the sandbox's CPU per
        // request, which bounds the rate the sandbox can serve at all on this machine.
        report("limited.client_cpu_per_page",
            run[QStringLiteral("cpuS")].toDouble() * 1000.0
                / run[QStringLiteral("pages")].toDouble(),
            "ms", "");
        report("limited.sandbox_cpu_per_request", sandboxCpu * 1000.0 / requests, "ms", "");
        report("limited.sandbox_max_rate", requests / sandboxCpu, "req/s", "");

        // The same sync with the pages the app uses (500): how long 20,000 contacts take.
        Sandbox again(exe, 20000, QStringLiteral("100/1000"));
        const QJsonObject full = syncInChild(again.info, 500, 4);
        const double fullSeconds = full[QStringLiteral("elapsedMs")].toDouble() / 1000.0;
        report("default_pages.elapsed", fullSeconds, "s", "");
        report("default_pages.contacts_per_second",
            full[QStringLiteral("contacts")].toDouble() / fullSeconds, "contacts/s", "");
        report("default_pages.responses_429", full[QStringLiteral("responses429")].toDouble(),
            "responses", "0");
    }
    {
        Sandbox sandbox(exe, 100000, QStringLiteral("0/1"));
        const QJsonObject run = syncInChild(sandbox.info, 500, 4);
        report("memory.contacts_synced", run[QStringLiteral("contacts")].toDouble(), "contacts",
            "100000");
        report("memory.elapsed", run[QStringLiteral("elapsedMs")].toDouble() / 1000.0, "s", "");
        report("memory.peak_resident", run[QStringLiteral("vmhwmMb")].toDouble(), "MB", "<150");
    }
    return 0;
}
