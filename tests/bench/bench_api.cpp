// API client throughput against a standalone sandbox: how close the rate budget gets to the
// allowed rate without a single 429, and how much client CPU one request costs.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QThread>

#include <cstdio>
#include <functional>
#include <sys/resource.h>

using namespace ContactDesk;

namespace {

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
};

struct Run
{
    int ok = 0;
    int failed = 0;
    int tooMany = 0;
    qint64 elapsedMs = 0;
    double cpu = 0;
};

// Sends `count` get-contact calls at once and waits for all of them.
Run drive(const QJsonObject& info, int count, const QStringList& ids)
{
    QNetworkAccessManager network;
    SystemClock clock;
    Api::StaticTokenProvider tokens(info[QStringLiteral("privateIntegrationToken")].toString());
    Api::RateBudget budget(clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(info[QStringLiteral("baseUrl")].toString());
    config.locationId = info[QStringLiteral("locationId")].toString();
    Api::ApiClient client(network, tokens, budget, clock, config);
    Run run;
    QObject::connect(&client, &Api::ApiClient::exchanged, [&run](const Api::ApiExchange& e) {
        if (e.status == 429)
            ++run.tooMany;
    });
    QEventLoop loop;
    int pending = count;
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), ids.at(i % ids.size()));
        client.call(QStringLiteral("get-contact"), spec)->onFinished(&loop, [&](Api::ApiJob& job) {
            job.succeeded() ? ++run.ok : ++run.failed;
            if (--pending == 0)
                loop.quit();
        });
    }
    loop.exec();
    run.elapsedMs = timer.elapsed();
    run.cpu = cpuSeconds() - cpuBefore;
    return run;
}

// The same calls straight through QNetworkAccessManager, six at a time and without the
// client: what the network stack alone costs per request on this machine.
double bareNetworkCpuPerRequest(const QJsonObject& info, int count, const QStringList& ids)
{
    QNetworkAccessManager network;
    const QString base = info[QStringLiteral("baseUrl")].toString();
    const QByteArray auth
        = "Bearer " + info[QStringLiteral("privateIntegrationToken")].toString().toUtf8();
    QEventLoop loop;
    int started = 0;
    int pending = count;
    std::function<void()> next = [&] {
        if (started == count)
            return;
        QNetworkRequest request(
            QUrl(base + QStringLiteral("/contacts/") + ids.at(started++ % ids.size())));
        request.setRawHeader("Version", "2021-07-28");
        request.setRawHeader("Authorization", auth);
        QNetworkReply* reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            if (--pending == 0)
                loop.quit();
            else
                next();
        });
    };
    const double before = cpuSeconds();
    for (int i = 0; i < 6; ++i)
        next();
    loop.exec();
    return (cpuSeconds() - before) * 1e6 / count;
}

QStringList contactIds(const QJsonObject& info)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(info[QStringLiteral("baseUrl")].toString()
        + QStringLiteral("/contacts/?limit=100&locationId=")
        + info[QStringLiteral("locationId")].toString()));
    request.setRawHeader("Version", "2021-07-28");
    request.setRawHeader("Authorization",
        "Bearer " + info[QStringLiteral("privateIntegrationToken")].toString().toUtf8());
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

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_api PATH_TO_contactdesk-sandbox\n");
        return 2;
    }
    const QString exe = app.arguments().at(1);
    {
        // 100 requests per second allowed: 2,000 calls should take just over 20 s.
        Sandbox sandbox(exe, QStringLiteral("100/1000"));
        const QStringList ids = contactIds(sandbox.info);
        // The listing above spent one request of this window; start on a fresh one.
        QThread::msleep(1100);
        const Run run = drive(sandbox.info, 2000, ids);
        const double allowedPerSecond = 100.0;
        const double achieved = run.ok / (double(run.elapsedMs) / 1000.0);
        report("limited.achieved_rate", achieved, "req/s", "");
        report("limited.achieved_rate_percent_of_allowed", achieved / allowedPerSecond * 100.0,
            "percent", ">=95");
        report("limited.responses_429", run.tooMany, "responses", "0");
        report("limited.failed_calls", run.failed, "calls", "0");
    }
    {
        Sandbox sandbox(exe, QStringLiteral("0/1"));
        const QStringList ids = contactIds(sandbox.info);
        drive(sandbox.info, 500, ids); // warm up
        const Run run = drive(sandbox.info, 5000, ids);
        report("unlimited.client_cpu_per_request", run.cpu * 1e6 / 5000.0, "us", "<100");
        report("unlimited.bare_network_stack_cpu_per_request",
            bareNetworkCpuPerRequest(sandbox.info, 5000, ids), "us", "");
        report(
            "unlimited.requests_per_second", 5000 / (double(run.elapsedMs) / 1000.0), "req/s", "");
        report("unlimited.failed_calls", run.failed, "calls", "0");
    }
    return 0;
}
