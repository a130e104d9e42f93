#pragma once

#include "inspector/exportsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// The pieces of a Postman collection v2.1 both the traffic and the catalog exports write.
namespace ContactDesk::Inspector::PostmanSupport {

inline constexpr QLatin1StringView schemaUrl {
    "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"};

// A URL object on {{baseUrl}}: `path` ("/contacts/{{contactId}}") and query pairs as written.
QJsonObject url(const QString& path, const QList<QPair<QString, QString>>& query);
// A request: bearer auth is the collection's; a body gets an explicit Content-Type.
QJsonObject request(const QString& method, ExportSupport::Headers headers, const QJsonObject& url,
    const QString& body);
// A test script checking the status: what makes `newman run` fail when the answer differs;
// `then`: more script lines after the check.
QJsonArray statusTest(int status, const QString& why, const QStringList& then = {});
// The collection without items: info with the exact schema URL, bearer auth on
// {{accessToken}}, the baseUrl and accessToken variables, then `variables` (name, value).
QJsonObject collection(const QString& name, const QString& description, const QUrl& baseUrl,
    const QList<QPair<QString, QString>>& variables);

} // namespace ContactDesk::Inspector::PostmanSupport
