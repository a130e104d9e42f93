// The traffic as a Postman collection v2.1: what newman, Postman and Bruno import.
#include "inspector/exchangeexport.h"
#include "inspector/exportsupport.h"
#include "inspector/postmansupport.h"

#include "api/endpointcatalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace ContactDesk::Inspector {

namespace {

using namespace ExportSupport;

QJsonObject recordedUrl(const QUrl& url, const QUrl& baseUrl)
{
    const QString path = pathAfterBase(url, baseUrl);
    QList<QPair<QString, QString>> query;
    // Kept as sent (percent-encoded), so newman sends the same bytes again.
    const QString encodedQuery = url.query(QUrl::FullyEncoded);
    if (!encodedQuery.isEmpty()) {
        for (const QString& pair : encodedQuery.split(u'&')) {
            const qsizetype equals = pair.indexOf(u'=');
            query.append(equals < 0 ? qMakePair(pair, QString())
                                    : qMakePair(pair.left(equals), pair.mid(equals + 1)));
        }
    }
    return PostmanSupport::url(path, query);
}

QJsonObject request(const TrafficEntry& entry, const QUrl& baseUrl)
{
    const Api::ApiExchange& exchange = entry.exchange;
    Headers headers = exportableRequestHeaders(exchange.requestHeaders);
    const QByteArray body = safeBody(exchange.requestBody);
    return PostmanSupport::request(QString::fromLatin1(exchange.method), headers,
        recordedUrl(exchange.url, baseUrl), body.isEmpty() ? QString() : QString::fromUtf8(body));
}

QString describe(const TrafficEntry& entry)
{
    const Api::ApiExchange& exchange = entry.exchange;
    QString text
        = QStringLiteral("Recorded by ContactDesk on %1 (%2), %3; cause: %4; attempt %5.")
              .arg(entry.connection.isEmpty() ? QStringLiteral("a connection") : entry.connection,
                  entry.environment.isEmpty() ? QStringLiteral("unknown environment")
                                              : entry.environment,
                  QDateTime::fromMSecsSinceEpoch(exchange.startedAtMs, QTimeZone::utc())
                      .toString(Qt::ISODateWithMs),
                  Api::requestCauseName(exchange.cause))
              .arg(exchange.attempt);
    if (!exchange.transportError.isEmpty())
        text += QStringLiteral(" No HTTP answer: %1.").arg(exchange.transportError);
    if (!entry.outcome.isEmpty())
        text += QStringLiteral(" Afterwards: %1.").arg(entry.outcome);
    if (entry.bodiesTruncated)
        text += QStringLiteral(" The bodies were cut at the inspector's size limit.");
    return text;
}

QJsonObject savedResponse(const TrafficEntry& entry, const QJsonObject& originalRequest)
{
    const Api::ApiExchange& exchange = entry.exchange;
    const Headers headers = exportableResponseHeaders(exchange.responseHeaders);
    const QByteArray contentType = headerValue(headers, "content-type");
    return QJsonObject {
        {QStringLiteral("name"),
            QStringLiteral("%1 %2")
                .arg(exchange.status)
                .arg(reasonPhrase(exchange.status))
                .trimmed()},
        {QStringLiteral("originalRequest"), originalRequest},
        {QStringLiteral("status"), reasonPhrase(exchange.status)},
        {QStringLiteral("code"), exchange.status},
        {QStringLiteral("_postman_previewlanguage"),
            contentType.contains("json") ? QStringLiteral("json") : QStringLiteral("text")},
        {QStringLiteral("header"), nameValues(headers, "key", "value")},
        {QStringLiteral("cookie"), QJsonArray()},
        {QStringLiteral("body"), QString::fromUtf8(safeBody(exchange.responseBody))},
    };
}

} // namespace

QJsonObject postmanCollection(
    const QList<TrafficEntry>& entries, const QString& name, const QUrl& baseUrl)
{
    QJsonArray items;
    for (const TrafficEntry& entry : entries) {
        const QJsonObject sent = request(entry, baseUrl);
        QJsonObject withDescription = sent;
        withDescription.insert(QStringLiteral("description"), describe(entry));
        QJsonObject item {
            {QStringLiteral("name"),
                entry.exchange.operationId.isEmpty() ? QStringLiteral("request")
                                                     : entry.exchange.operationId},
            {QStringLiteral("request"), withDescription},
        };
        if (entry.exchange.status > 0) {
            item.insert(QStringLiteral("response"), QJsonArray {savedResponse(entry, sent)});
            // Running the collection checks the server still answers as it did; a body cut at
            // the inspector's limit is not what was sent, so its answer proves nothing.
            if (!entry.bodiesTruncated)
                item.insert(QStringLiteral("event"),
                    PostmanSupport::statusTest(
                        entry.exchange.status, QStringLiteral("as recorded")));
        } else {
            item.insert(QStringLiteral("response"), QJsonArray());
        }
        items.append(item);
    }
    QJsonObject collection = PostmanSupport::collection(name,
        QStringLiteral("Exchanges recorded by ContactDesk's inspector; tokens are not included: "
                       "set accessToken."),
        baseUrl, {});
    collection.insert(QStringLiteral("item"), items);
    return collection;
}

} // namespace ContactDesk::Inspector
