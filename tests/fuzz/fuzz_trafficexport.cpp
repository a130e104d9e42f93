// libFuzzer target: random exchanges (method, URL, headers, bodies and status from the input's
// lines) through the traffic log and every export. Beyond "no crash, no UB": the bearer token
// and the admin key sent in the headers never reach an entry, a curl command, a Postman
// collection or a HAR, and the HAR holds no null. Built by the asan preset (CONTACTDESK_FUZZ);
// run e.g. `build/asan/tests/fuzz/fuzz_trafficexport -max_total_time=60`.
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk;

namespace {

const QByteArray token = "fuzz-bearer-7f3a9c-SECRET";
const QByteArray adminKey = "fuzz-admin-2b8e4d-SECRET";

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

bool containsNull(const QJsonValue& value)
{
    if (value.isNull())
        return true;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            if (containsNull(item))
                return true;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (containsNull(it.value()))
                return true;
        }
    }
    return false;
}

Inspector::TrafficLog& log()
{
    static int argc = 1;
    static char name[] = "fuzz_trafficexport";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static Inspector::TrafficLog instance(Inspector::TrafficOptions {64, 4096});
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QList<QByteArray> parts
        = QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)).split('\n');
    const auto part = [&parts](int i) { return i < parts.size() ? parts.at(i) : QByteArray(); };
    Api::ApiExchange exchange;
    exchange.operationId = QString::fromUtf8(part(0));
    exchange.method = part(1);
    exchange.url = QUrl::fromEncoded(part(2));
    exchange.attempt = part(3).size();
    exchange.status = part(4).isEmpty() ? 0 : int(quint8(part(4).at(0))) + 100;
    exchange.startedAtMs = qint64(part(5).toLongLong());
    exchange.durationMs = part(5).size();
    exchange.requestHeaders = {{part(6), part(7)}, {"Authorization", "Bearer " + token},
        {"X-Sandbox-Admin-Key", adminKey}};
    exchange.requestBody = part(8);
    exchange.responseHeaders = {{part(9), part(10)}};
    exchange.responseBody = part(11);

    Inspector::TrafficLog& traffic = log();
    const qint64 serial
        = traffic.add(QString::fromUtf8(part(12)), QStringLiteral("sandbox"), exchange);
    const Inspector::TrafficEntry* entry = traffic.find(serial);
    check(entry != nullptr);
    for (const auto& [headerName, value] : entry->exchange.requestHeaders)
        check(!value.contains(token) && !value.contains(adminKey));

    const QByteArray curl = Inspector::curlCommand(*entry).toUtf8();
    check(!curl.contains(token) && !curl.contains(adminKey));
    const QList<Inspector::TrafficEntry> entries {*entry};
    const QByteArray postman
        = QJsonDocument(Inspector::postmanCollection(entries, QStringLiteral("fuzz"), exchange.url))
              .toJson();
    check(!postman.contains(token) && !postman.contains(adminKey));
    const QJsonObject har = Inspector::harLog(entries);
    const QByteArray harText = QJsonDocument(har).toJson();
    check(!harText.contains(token) && !harText.contains(adminKey));
    check(!containsNull(har));
    return 0;
}
