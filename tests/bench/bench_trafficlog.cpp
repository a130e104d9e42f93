// The inspector's traffic log at the rate the issue names and far beyond: 100,000 exchanges
// with contact-sized bodies into the default capacity (10,000), the cost of one add, the
// number of appended() signals a view would handle, and the exports of a full log (curl of
// every entry, the Postman collection, the HAR). Run by scripts/bench (inspector).
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace ContactDesk;

namespace {

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("inspector")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

Api::ApiExchange exchange(int n)
{
    Api::ApiExchange e;
    e.operationId = QStringLiteral("update-contact");
    e.method = "PUT";
    e.url = QUrl(QStringLiteral("https://services.leadconnectorhq.com/contacts/c%1").arg(n));
    e.attempt = 1;
    e.status = n % 50 == 0 ? 503 : 200;
    e.startedAtMs = 1'700'000'000'000 + n * 10;
    e.durationMs = 80;
    e.requestHeaders = {{"Version", "2021-07-28"}, {"Accept", "application/json"},
        {"Authorization", "Bearer [redacted]"}, {"Content-Type", "application/json"}};
    e.requestBody = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace " + QByteArray::number(n)
        + "\",\"email\":\"ada" + QByteArray::number(n) + "@example.com\",\"tags\":[\"vip\"]}";
    e.responseHeaders = {{"Content-Type", "application/json"}, {"X-RateLimit-Remaining", "42"}};
    e.responseBody = "{\"contact\":{\"id\":\"c" + QByteArray::number(n)
        + "\",\"firstName\":" + "\"Ada\",\"customFields\":[" + QByteArray(1500, ' ') + "]}}";
    return e;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Inspector::TrafficLog log;
    int signals_ = 0;
    QObject::connect(&log, &Inspector::TrafficLog::appended, &app, [&] { ++signals_; });
    constexpr int total = 100000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= total; ++i) {
        log.add(QStringLiteral("Production"), QStringLiteral("production"), exchange(i));
        if (i % 100 == 0)
            QCoreApplication::processEvents();
    }
    const double addMs = double(timer.nsecsElapsed()) / 1e6;
    report("add_100k_total", addMs, "ms", "");
    report("add_one", addMs * 1000.0 / total, "us", "<100");
    report("appended_signals_100k", signals_, "count", "");

    const QList<Inspector::TrafficEntry> entries = log.entries();
    timer.restart();
    qsizetype curlBytes = 0;
    for (const Inspector::TrafficEntry& entry : entries)
        curlBytes += Inspector::curlCommand(entry).size();
    report("curl_10k", double(timer.nsecsElapsed()) / 1e6, "ms", "");
    timer.restart();
    const QByteArray postman
        = QJsonDocument(Inspector::postmanCollection(entries, QStringLiteral("bench"),
                            QUrl(QStringLiteral("https://services.leadconnectorhq.com"))))
              .toJson();
    report("postman_10k", double(timer.nsecsElapsed()) / 1e6, "ms", "<2000");
    timer.restart();
    const QByteArray har = QJsonDocument(Inspector::harLog(entries)).toJson();
    report("har_10k", double(timer.nsecsElapsed()) / 1e6, "ms", "<2000");
    report("har_10k_size", double(har.size()) / 1e6, "MB", "");
    return curlBytes > 0 && !postman.isEmpty() ? 0 : 1;
}
