#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// What the curl, Postman and HAR exports share; not part of the inspector's API.
namespace ContactDesk::Inspector::ExportSupport {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The request headers worth exporting: no Authorization (each format writes its own: $TOKEN,
// {{accessToken}}, [redacted]), no other secret header, nothing the sending tool works out itself
// (Content-Length, Host, Connection).
Headers exportableRequestHeaders(const Headers& headers);
// Response headers with every secret one masked.
Headers exportableResponseHeaders(const Headers& headers);
// The value of `name` (case-insensitive), empty when absent.
QByteArray headerValue(const Headers& headers, QByteArrayView name);

// The body through the one redaction helper once more: an entry built by hand (not by the
// client) still exports no token, secret or code.
QByteArray safeBody(const QByteArray& body);

// "OK", "Not Found", ...; empty for an unknown status.
QString reasonPhrase(int status);

// The part of `url` after `baseUrl`'s path, without the query: "/contacts/abc".
QString pathAfterBase(const QUrl& url, const QUrl& baseUrl);

// HAR and Postman name/value lists.
QJsonArray nameValues(const Headers& headers, const char* nameKey, const char* valueKey);

// The version of ContactDesk that writes the files.
QString creatorVersion();

} // namespace ContactDesk::Inspector::ExportSupport

// The pieces of a HAR 1.2 log both the traffic and the catalog exports write (harlog.cpp).
namespace ContactDesk::Inspector::HarSupport {

// {"name": "ContactDesk", "version": ...}
QJsonObject creator();
// A request object; `headers` are written as given (the caller has made them safe).
QJsonObject request(const QString& method, const QUrl& url, const ExportSupport::Headers& headers,
    const QByteArray& body);
// The response of an exchange without an answer: status 0, sizes -1.
QJsonObject noResponse();
// {"log": {"version": "1.2", "creator": ..., "entries": entries}}
QJsonObject log(const QJsonArray& entries);

} // namespace ContactDesk::Inspector::HarSupport
