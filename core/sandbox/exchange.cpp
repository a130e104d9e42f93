#include "sandbox/exchange.h"

#include <QUrl>

namespace ContactDesk::Sandbox {

QString reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
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
        return QStringLiteral("Error");
    }
}

Reply Reply::json(int status, const QJsonObject& body)
{
    Reply reply;
    reply.status = status;
    reply.object = body;
    return reply;
}

Reply Reply::error(int status, const QString& message)
{
    return json(status,
        {{QStringLiteral("statusCode"), status}, {QStringLiteral("message"), message},
            {QStringLiteral("error"), reasonPhrase(status)}});
}

Reply Reply::validation(const QStringList& messages)
{
    return json(422,
        {{QStringLiteral("statusCode"), 422},
            {QStringLiteral("message"), QJsonArray::fromStringList(messages)},
            {QStringLiteral("error"), reasonPhrase(422)}});
}

Reply Reply::notFoundRoute(const QByteArray& method, const QString& path)
{
    return json(404,
        {{QStringLiteral("statusCode"), 404},
            {QStringLiteral("message"),
                QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(method), path)},
            {QStringLiteral("error"), reasonPhrase(404)}});
}

Reply Reply::html(int status, const QByteArray& page)
{
    Reply reply;
    reply.status = status;
    reply.body = page;
    reply.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    return reply;
}

Reply Reply::redirect(const QUrl& location)
{
    Reply reply = html(302, QByteArrayLiteral("<html><body>Redirecting</body></html>"));
    reply.headers.append({QByteArrayLiteral("Location"), location.toEncoded()});
    return reply;
}

} // namespace ContactDesk::Sandbox
