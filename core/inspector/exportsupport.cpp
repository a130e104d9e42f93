#include "inspector/exportsupport.h"

#include "common/redaction.h"
#include "common/version.h"

#include <QJsonObject>

namespace ContactDesk::Inspector::ExportSupport {

namespace {

bool leftToTheTool(QByteArrayView lowerName)
{
    return lowerName == "content-length" || lowerName == "host" || lowerName == "connection"
        || lowerName == "accept-encoding";
}

} // namespace

Headers exportableRequestHeaders(const Headers& headers)
{
    Headers kept;
    for (const auto& [name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (isSecretHeader(lower) || leftToTheTool(lower))
            continue;
        kept.append({name, value});
    }
    return kept;
}

Headers exportableResponseHeaders(const Headers& headers)
{
    Headers kept;
    kept.reserve(headers.size());
    for (const auto& [name, value] : headers)
        kept.append({name, redactHeaderValue(name.toLower(), value)});
    return kept;
}

QByteArray headerValue(const Headers& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray safeBody(const QByteArray& body)
{
    return redactBody(body);
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 422:
        return QStringLiteral("Unprocessable Entity");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return {};
    }
}

QString pathAfterBase(const QUrl& url, const QUrl& baseUrl)
{
    QString path = url.path(QUrl::FullyEncoded);
    QString basePath = baseUrl.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    if (!basePath.isEmpty() && path.startsWith(basePath + u'/'))
        path = path.mid(basePath.size());
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QJsonArray nameValues(const Headers& headers, const char* nameKey, const char* valueKey)
{
    QJsonArray array;
    for (const auto& [name, value] : headers)
        array.append(QJsonObject {{QLatin1StringView(nameKey), QString::fromLatin1(name)},
            {QLatin1StringView(valueKey), QString::fromUtf8(value)}});
    return array;
}

QString creatorVersion()
{
    return ContactDesk::version();
}

} // namespace ContactDesk::Inspector::ExportSupport
