// API client throughput and CPU cost against a standalone sandbox.
//
// limited.*: 2,000 get-contact calls against a sandbox that allows 100 requests per second: how
// close the rate budget gets to the allowed rate without a single 429.
//
// unlimited.*: the same get-contact requests with the sandbox's limits off, sent two ways on one
// QNetworkAccessManager (so both use the same warm keep-alive connections):
//   - through ApiClient (rate budget, token, job, reply validation, JSON parse), all calls of a
//     round queued at once as a caller with a batch would;
//   - "bare": straight through QNetworkAccessManager::get() with the request the client builds
//     (same headers and attributes, no upload device), six in flight as the rate budget allows,
//     body read and dropped. This is the floor: what the network stack alone costs per request.
// CPU is process CPU (getrusage RUSAGE_SELF): this thread, where the client and the network
// manager's front end run, plus the network manager's own HTTP thread. The sandbox runs in
// another process and is not counted.
//   client_cpu_per_request      median over rounds of the client path's process CPU per request:
//                               everything one request costs this process.
//   bare_network_stack_cpu_...  the same for the bare path.
//   client_overhead_cpu_...     what ApiClient itself adds per request. Rounds run in pairs
//                               (client then bare, bare then client, ...), so each pair sees the
//                               same machine load; each pair gives client minus bare, split into
//                               this thread (CLOCK_THREAD_CPUTIME_ID) and the other threads (the
//                               rest of the process CPU). The reported value is the median of
//                               the first plus the median of the second. All of ApiClient runs
//                               in this thread, and its difference is steady from pair to pair;
//                               the HTTP thread gets the same request on both paths but its CPU
//                               swings by tens of microseconds per request with outside load, so
//                               taking its median on its own keeps that noise out while still
//                               counting anything the client makes it do. 30 pairs of 500
//                               requests (the defaults) repeat within a few microseconds on a
//                               busy two-core machine; 10 pairs did not.
// Nobody observes ApiClient::exchanged in those rounds, as in the app without a request log open;
// observed_client_overhead_... repeats the pairs with an observer connected.
//
// Usage: bench_api PATH_TO_contactdesk-sandbox [--rounds N] [--requests N] [--skip-limited]
//        [--only client|bare] [--verbose] (--only is for profilers: one path, no pairs)
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace ContactDesk;

namespace {

bool verbose = false;

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("api")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

struct Sandbox
{
    QProcess process;
    QJsonObject info;
    Sandbox(const QString& exe, const QString& rateLimit)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(exe,
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
                QStringLiteral("200"), QStringLiteral("--rate-limit"), rateLimit,
                QStringLiteral("--daily-limit"), QStringLiteral("0")});
        if (!process.waitForReadyRead(60000)) {
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
    QString baseUrl() const { return info[QStringLiteral("baseUrl")].toString(); }
    QString token() const { return info[QStringLiteral("privateIntegrationToken")].toString(); }
    QString locationId() const { return info[QStringLiteral("locationId")].toString(); }
};

struct Run
{
    int ok = 0;
    int failed = 0;
    int tooMany = 0;
    qint64 elapsedMs = 0;
    double cpu = 0;
    double threadCpu = 0; // this (the client's) thread only
};

// One client per connection, as in the app, reused across rounds.
struct Client
{
    SystemClock clock;
    Api::StaticTokenProvider tokens;
    Api::RateBudget budget;
    Api::ApiClient api;
    Client(QNetworkAccessManager& network, const Sandbox& sandbox)
        : tokens(sandbox.token())
        , budget(clock)
        , api(network, tokens, budget, clock, config(sandbox))
    { }
    static Api::ApiConfig config(const Sandbox& sandbox)
    {
        Api::ApiConfig config;
        config.baseUrl = QUrl(sandbox.baseUrl());
        config.locationId = sandbox.locationId();
        return config;
    }
};

// Sends `count` get-contact calls at once through the client and waits for all of them.
Run driveClient(Api::ApiClient& client, int count, const QStringList& ids)
{
    Run run;
    QEventLoop loop;
    int pending = count;
    const double cpuBefore = cpuSeconds();
    const double threadBefore = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), ids.at(i % ids.size()));
        client.call(QStringLiteral("get-contact"), std::move(spec))
            ->onFinished(&loop, [&](Api::ApiJob& job) {
                job.succeeded() ? ++run.ok : ++run.failed;
                if (--pending == 0)
                    loop.quit();
            });
    }
    loop.exec();
    run.elapsedMs = timer.elapsed();
    run.cpu = cpuSeconds() - cpuBefore;
    run.threadCpu = threadCpuSeconds() - threadBefore;
    return run;
}

// The same requests straight through QNetworkAccessManager, six in flight.
Run driveBare(
    QNetworkAccessManager& network, const Sandbox& sandbox, int count, const QStringList& ids)
{
    // Exactly what ApiClient::send puts on a get-contact request.
    const QString base = sandbox.baseUrl() + QStringLiteral("/contacts/");
    const QByteArray auth = "Bearer " + sandbox.token().toUtf8();
    Run run;
    QEventLoop loop;
    int started = 0;
    int pending = count;
    std::function<void()> next = [&] {
        if (started == count)
            return;
        QNetworkRequest request(QUrl(base + ids.at(started++ % ids.size())));
        request.setRawHeader("Version", "2021-07-28");
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", auth);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply* reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->readAll();
            reply->error() == QNetworkReply::NoError ? ++run.ok : ++run.failed;
            reply->deleteLater();
            if (--pending == 0)
                loop.quit();
            else
                next();
        });
    };
    const double cpuBefore = cpuSeconds();
    const double threadBefore = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 6; ++i)
        next();
    loop.exec();
    run.elapsedMs = timer.elapsed();
    run.cpu = cpuSeconds() - cpuBefore;
    run.threadCpu = threadCpuSeconds() - threadBefore;
    return run;
}

QStringList contactIds(const Sandbox& sandbox)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(sandbox.baseUrl()
        + QStringLiteral("/contacts/?limit=100&locationId=") + sandbox.locationId()));
    request.setRawHeader("Version", "2021-07-28");
    request.setRawHeader("Authorization", "Bearer " + sandbox.token().toUtf8());
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QStringList ids;
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    for (const QJsonValue& c : body[QStringLiteral("contacts")].toArray())
        ids.append(c[QStringLiteral("id")].toString());
    delete reply;
    return ids;
}

void runLimited(const QString& exe)
{
    // 100 requests per second allowed: 2,000 calls should take just over 20 s.
    Sandbox sandbox(exe, QStringLiteral("100/1000"));
    const QStringList ids = contactIds(sandbox);
    // The listing above spent one request of this window; start on a fresh one.
    QThread::msleep(1100);
    QNetworkAccessManager network;
    Client client(network, sandbox);
    int tooMany = 0;
    QObject::connect(
        &client.api, &Api::ApiClient::exchanged, [&tooMany](const Api::ApiExchange& e) {
            if (e.status == 429)
                ++tooMany;
        });
    const Run run = driveClient(client.api, 2000, ids);
    const double allowedPerSecond = 100.0;
    const double achieved = run.ok / (double(run.elapsedMs) / 1000.0);
    report("limited.achieved_rate", achieved, "req/s", "");
    report("limited.achieved_rate_percent_of_allowed", achieved / allowedPerSecond * 100.0,
        "percent", ">=95");
    report("limited.responses_429", tooMany, "responses", "0");
    report("limited.failed_calls", run.failed, "calls", "0");
}

struct Pairs
{
    std::vector<double> client; // process CPU per request, microseconds
    std::vector<double> bare;
    // Client minus bare per pair, microseconds per request: this thread, the other threads.
    std::vector<double> overheadHere;
    std::vector<double> overheadElsewhere;
    std::vector<double> clientRate; // requests per second
    int failed = 0;

    double overhead() const { return median(overheadHere) + median(overheadElsewhere); }
};

Pairs runPairs(QNetworkAccessManager& network, const Sandbox& sandbox, Api::ApiClient& client,
    const QStringList& ids, int rounds, int requests)
{
    Pairs pairs;
    for (int round = 0; round < rounds; ++round) {
        Run viaClient;
        Run bare;
        // Alternate the order so neither path always runs right after the other.
        if (round % 2 == 0) {
            viaClient = driveClient(client, requests, ids);
            bare = driveBare(network, sandbox, requests, ids);
        } else {
            bare = driveBare(network, sandbox, requests, ids);
            viaClient = driveClient(client, requests, ids);
        }
        const double perRequest = 1e6 / requests;
        const double here = (viaClient.threadCpu - bare.threadCpu) * perRequest;
        const double elsewhere
            = ((viaClient.cpu - viaClient.threadCpu) - (bare.cpu - bare.threadCpu)) * perRequest;
        pairs.client.push_back(viaClient.cpu * perRequest);
        pairs.bare.push_back(bare.cpu * perRequest);
        pairs.overheadHere.push_back(here);
        pairs.overheadElsewhere.push_back(elsewhere);
        pairs.clientRate.push_back(
            requests / (double(qMax<qint64>(1, viaClient.elapsedMs)) / 1000));
        pairs.failed += viaClient.failed + bare.failed;
        if (verbose)
            std::fprintf(stderr,
                "bench: pair %d: process CPU per request: client %.1f us, bare %.1f us; client "
                "minus bare: this thread %.1f us, other threads %.1f us\n",
                round, viaClient.cpu * perRequest, bare.cpu * perRequest, here, elsewhere);
    }
    return pairs;
}

void runUnlimited(const QString& exe, int rounds, int requests, const QString& only)
{
    Sandbox sandbox(exe, QStringLiteral("0/1"));
    const QStringList ids = contactIds(sandbox);
    QNetworkAccessManager network;
    Client client(network, sandbox);
    // Warm up both paths: connections open, caches filled, allocator settled.
    driveClient(client.api, requests, ids);
    driveBare(network, sandbox, requests, ids);

    if (!only.isEmpty()) {
        const Run run = only == QLatin1StringView("bare")
            ? driveBare(network, sandbox, rounds * requests, ids)
            : driveClient(client.api, rounds * requests, ids);
        std::fprintf(stderr, "bench: %s only: %.1f us per request, %d failed\n", qPrintable(only),
            run.cpu * 1e6 / (rounds * requests), run.failed);
        return;
    }

    const Pairs pairs = runPairs(network, sandbox, client.api, ids, rounds, requests);
    report("unlimited.client_cpu_per_request", median(pairs.client), "us", "");
    report("unlimited.bare_network_stack_cpu_per_request", median(pairs.bare), "us", "");
    report("unlimited.client_overhead_cpu_per_request", pairs.overhead(), "us", "<100");
    report("unlimited.requests_per_second", median(pairs.clientRate), "req/s", "");

    // The same with a request-log observer connected (the CLI's --verbose, a log view).
    int observed = 0;
    QObject::connect(&client.api, &Api::ApiClient::exchanged,
        [&observed](const Api::ApiExchange& e) { observed += e.status == 200; });
    const Pairs withObserver = runPairs(network, sandbox, client.api, ids, rounds, requests);
    report("unlimited.observed_client_overhead_cpu_per_request", withObserver.overhead(), "us", "");
    if (observed != rounds * requests)
        std::fprintf(stderr, "bench: the observer saw %d answers for %d calls\n", observed,
            rounds * requests);
    report("unlimited.failed_calls", pairs.failed + withObserver.failed, "calls", "0");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("sandbox"), QStringLiteral("contactdesk-sandbox"));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
        QStringLiteral("Pairs of unlimited rounds."), QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption requests(QStringLiteral("requests"),
        QStringLiteral("Requests per unlimited round."), QStringLiteral("N"),
        QStringLiteral("500"));
    const QCommandLineOption skipLimited(
        QStringLiteral("skip-limited"), QStringLiteral("Skip the rate-limited run."));
    const QCommandLineOption only(QStringLiteral("only"),
        QStringLiteral("Run rounds*requests calls on one path (client or bare) and report "
                       "nothing: for profilers."),
        QStringLiteral("PATH"));
    const QCommandLineOption details(
        QStringLiteral("verbose"), QStringLiteral("Print every round on stderr."));
    parser.addOptions({rounds, requests, skipLimited, only, details});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "usage: bench_api PATH_TO_contactdesk-sandbox [options]\n");
        return 2;
    }
    const QString exe = parser.positionalArguments().constFirst();
    verbose = parser.isSet(details);
    const int roundCount = qMax(1, parser.value(rounds).toInt());
    const int requestCount = qMax(6, parser.value(requests).toInt());
    if (!parser.isSet(skipLimited) && !parser.isSet(only))
        runLimited(exe);
    runUnlimited(exe, roundCount, requestCount, parser.value(only));
    return 0;
}
