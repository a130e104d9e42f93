// Copy as curl: one exchange as a command a user pastes into a POSIX shell with TOKEN set.
#include "inspector/exchangeexport.h"
#include "inspector/exportsupport.h"

#include "api/endpointcatalog.h"

namespace ContactDesk::Inspector {

namespace {

// Single quotes keep everything literal; a quote inside is closed, escaped and reopened.
QString shellQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString curlCommand(const TrafficEntry& entry)
{
    using namespace ExportSupport;
    const Api::ApiExchange& exchange = entry.exchange;
    const QString method
        = exchange.method.isEmpty() ? QStringLiteral("GET") : QString::fromLatin1(exchange.method);
    QStringList parts;
    // --globoff: brackets and braces in a query are data, not curl's URL patterns.
    parts << QStringLiteral("curl --globoff --request %1 %2")
                 .arg(method, shellQuoted(QString::fromUtf8(exchange.url.toEncoded())));
    // Double quotes so the shell puts the token in; nothing else in the line is special.
    parts << QStringLiteral("--header \"Authorization: Bearer $TOKEN\"");

    Headers headers = exportableRequestHeaders(exchange.requestHeaders);
    if (headerValue(headers, "version").isEmpty()) {
        const Api::Endpoint* endpoint = Api::findEndpoint(exchange.operationId);
        const QLatin1StringView version = endpoint ? endpoint->version : Api::apiVersion;
        headers.prepend({QByteArrayLiteral("Version"), QByteArray(version.data(), version.size())});
    }
    const QByteArray body = safeBody(exchange.requestBody);
    if (!body.isEmpty() && headerValue(headers, "content-type").isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    for (const auto& [name, value] : headers)
        parts << QStringLiteral("--header %1")
                     .arg(shellQuoted(QString::fromLatin1(name) + QStringLiteral(": ")
                         + QString::fromUtf8(value)));
    if (!body.isEmpty())
        parts << QStringLiteral("--data-raw %1").arg(shellQuoted(QString::fromUtf8(body)));
    return parts.join(QStringLiteral(" \\\n  "));
}

} // namespace ContactDesk::Inspector
