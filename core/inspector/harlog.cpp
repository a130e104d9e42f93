// The traffic as a HAR 1.2 log, the format browsers' developer tools and proxies share.
#include "inspector/exchangeexport.h"
#include "inspector/exportsupport.h"

#include "common/redaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QUrlQuery>

namespace ContactDesk::Inspector {

namespace {

using namespace ExportSupport;

// HAR has no variables: the Authorization header keeps its scheme and the redaction marker.
Headers harRequestHeaders(const Headers& headers)
{
    Headers kept = exportableRequestHeaders(headers);
    const QByteArray authorization = headerValue(headers, "authorization");
    if (!authorization.isEmpty())
        kept.prepend({QByteArrayLiteral("Authorization"),
            redactHeaderValue("authorization", authorization)});
    return kept;
}

QJsonArray queryString(const QUrl& url)
{
    QJsonArray items;
    const QUrlQuery query(url);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded))
        items.append(
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return items;
}

QString mimeTypeOf(const Headers& headers, const QByteArray& body)
{
    const QByteArray type = headerValue(headers, "content-type");
    if (!type.isEmpty())
        return QString::fromLatin1(type);
    return body.isEmpty() ? QString() : QStringLiteral("application/json");
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

namespace HarSupport {

QJsonObject creator()
{
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("ContactDesk")},
        {QStringLiteral("version"), creatorVersion()}};
}

QJsonObject request(
    const QString& method, const QUrl& url, const Headers& headers, const QByteArray& body)
{
    QJsonObject request {
        {QStringLiteral("method"), method.isEmpty() ? QStringLiteral("GET") : method},
        {QStringLiteral("url"), QString::fromUtf8(url.toEncoded())},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), nameValues(headers, "name", "value")},
        {QStringLiteral("queryString"), queryString(url)},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), body.isEmpty() ? 0 : int(body.size())},
    };
    if (!body.isEmpty())
        request.insert(QStringLiteral("postData"),
            QJsonObject {{QStringLiteral("mimeType"), mimeTypeOf(headers, body)},
                {QStringLiteral("text"), QString::fromUtf8(body)}});
    return request;
}

// An answer that never came (a transport failure, or a request that was not sent).
QJsonObject noResponse()
{
    return QJsonObject {
        {QStringLiteral("status"), 0},
        {QStringLiteral("statusText"), QString()},
        {QStringLiteral("httpVersion"), QString()},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("content"),
            QJsonObject {{QStringLiteral("size"), -1}, {QStringLiteral("mimeType"), QString()}}},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), -1},
    };
}

QJsonObject log(const QJsonArray& entries)
{
    return QJsonObject {{QStringLiteral("log"),
        QJsonObject {
            {QStringLiteral("version"), QStringLiteral("1.2")},
            {QStringLiteral("creator"), creator()},
            {QStringLiteral("entries"), entries},
        }}};
}

} // namespace HarSupport

QJsonObject harLog(const QList<TrafficEntry>& entries)
{
    QJsonArray items;
    for (const TrafficEntry& entry : entries) {
        const Api::ApiExchange& exchange = entry.exchange;
        const QByteArray requestBody = safeBody(exchange.requestBody);
        QJsonObject response = HarSupport::noResponse();
        if (exchange.status > 0) {
            const Headers headers = exportableResponseHeaders(exchange.responseHeaders);
            const QByteArray body = safeBody(exchange.responseBody);
            QJsonObject content {{QStringLiteral("size"), int(body.size())},
                {QStringLiteral("mimeType"), mimeTypeOf(headers, body)}};
            if (!body.isEmpty())
                content.insert(QStringLiteral("text"), QString::fromUtf8(body));
            response = QJsonObject {
                {QStringLiteral("status"), exchange.status},
                {QStringLiteral("statusText"), reasonPhrase(exchange.status)},
                {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
                {QStringLiteral("cookies"), QJsonArray()},
                {QStringLiteral("headers"), nameValues(headers, "name", "value")},
                {QStringLiteral("content"), content},
                {QStringLiteral("redirectURL"),
                    QString::fromUtf8(headerValue(headers, "location"))},
                {QStringLiteral("headersSize"), -1},
                // Cut by the inspector's body limit: the size on the wire is not known.
                {QStringLiteral("bodySize"), entry.bodiesTruncated ? -1 : int(body.size())},
            };
        } else if (!exchange.transportError.isEmpty()) {
            response.insert(QStringLiteral("_error"), exchange.transportError);
        }
        QJsonObject item {
            {QStringLiteral("startedDateTime"), isoTime(exchange.startedAtMs)},
            {QStringLiteral("time"), double(qMax<qint64>(0, exchange.durationMs))},
            {QStringLiteral("request"),
                HarSupport::request(QString::fromLatin1(exchange.method), exchange.url,
                    harRequestHeaders(exchange.requestHeaders), requestBody)},
            {QStringLiteral("response"), response},
            {QStringLiteral("cache"), QJsonObject()},
            // ApiClient measures the whole exchange only: the wait holds it, the phases it
            // cannot tell apart are unknown (-1).
            {QStringLiteral("timings"),
                QJsonObject {{QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1},
                    {QStringLiteral("connect"), -1}, {QStringLiteral("ssl"), -1},
                    {QStringLiteral("send"), -1},
                    {QStringLiteral("wait"), double(qMax<qint64>(0, exchange.durationMs))},
                    {QStringLiteral("receive"), -1}}},
            {QStringLiteral("_operationId"), exchange.operationId},
            {QStringLiteral("_connection"), entry.connection},
            {QStringLiteral("_cause"), Api::requestCauseName(exchange.cause)},
            {QStringLiteral("_attempt"), exchange.attempt},
        };
        if (!entry.outcome.isEmpty())
            item.insert(QStringLiteral("comment"), entry.outcome);
        items.append(item);
    }
    return HarSupport::log(items);
}

} // namespace ContactDesk::Inspector
