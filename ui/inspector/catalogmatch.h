#pragma once

#include "api/endpointcatalog.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ContactDesk::Ui::CatalogMatch {

// The catalog operation `method path` is, with its path parameters; null when none is. A
// literal segment beats a parameter ("/contacts/search" is search, not get-contact).
const Api::Endpoint* match(
    const QByteArray& method, QStringView path, QHash<QString, QString>* parameters = nullptr);

// The names of the path parameters of `endpoint`, in order ("contactId", "taskId").
QStringList parameterNames(const Api::Endpoint& endpoint);

// The path of `endpoint` with the parameters filled in; a parameter without a value stays as
// "{name}" for the user to fill.
QString fillPath(const Api::Endpoint& endpoint, const QHash<QString, QString>& parameters);

// An example body for `endpoint`: the one the catalog collection (exchangeexport.h) gives the
// operation, else one made from the catalog's body allow-list (every required field with a
// value of its type). The collection's {{variables}} are replaced by the `known` values of the
// same name (locationId, contactId, ...); the others stay for the user to fill.
QJsonObject exampleBody(const Api::Endpoint& endpoint, const QHash<QString, QString>& known);

// `url`'s path without the base URL's own path (a base such as https://host/v2).
QString apiPath(const QUrl& url, const QUrl& baseUrl);

} // namespace ContactDesk::Ui::CatalogMatch
