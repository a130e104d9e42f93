#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace ContactDesk::Sandbox {

struct Grant;

// One HTTP request as the sandbox handlers see it: already parsed, authenticated and checked
// against the operation's DTO by the server pipeline.
struct Request
{
    QByteArray method; // upper case
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower case
    QByteArray body;
    QJsonValue json; // the parsed body; undefined when there is none
    QHash<QString, QString> pathParams; // {contactId} -> value
    const Grant* grant = nullptr; // the bearer token's grant on API routes
    QString traceId;

    QString queryValue(const QString& key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
    QJsonObject object() const { return json.toObject(); }
    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
};

// The answer a handler gives. Errors follow HighLevel's shapes: 400 with a string message, 422
// with an array, 401/403/404 with statusCode, message and error.
struct Reply
{
    int status = 200;
    std::optional<QJsonObject> object; // a JSON body, serialised by the server (adding traceId)
    QByteArray body; // any other body
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    QList<QPair<QByteArray, QByteArray>> headers;
    bool withTraceId = true; // HighLevel's answers carry one; the control API's do not

    // A JSON body; a traceId is added by the server when the object has none.
    static Reply json(int status, const QJsonObject& body);
    static Reply error(int status, const QString& message);
    static Reply validation(const QStringList& messages);
    static Reply notFoundRoute(const QByteArray& method, const QString& path);
    static Reply html(int status, const QByteArray& page);
    static Reply redirect(const QUrl& location);
};

QString reasonPhrase(int status);

} // namespace ContactDesk::Sandbox
