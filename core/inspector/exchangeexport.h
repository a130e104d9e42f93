#pragma once

#include "inspector/trafficlog.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace ContactDesk::Inspector {

// One exchange as a curl command a user can paste into a shell: valid POSIX quoting, the bearer
// token as "$TOKEN" (never the token), -H 'Version: 2021-07-28', the body with --data-raw.
QString curlCommand(const TrafficEntry& entry);

// A Postman collection v2.1 (schema
// https://schema.getpostman.com/json/collection/v2.1.0/collection.json) of the entries: one
// request per entry named by its operation, {{baseUrl}} and {{accessToken}} variables (bearer
// auth), an explicit Content-Type for bodies, the answer saved as the request's response.
// `baseUrl`: the variable's value.
QJsonObject postmanCollection(
    const QList<TrafficEntry>& entries, const QString& name, const QUrl& baseUrl);

// A HAR 1.2 log of the entries (creator ContactDesk); unknown timings and sizes are -1.
QJsonObject harLog(const QList<TrafficEntry>& entries);

// Every operation of the endpoint catalog as a Postman collection: example bodies built from the
// catalog's body allow-lists (the spec files are not shipped; see catalogcollection.cpp), path
// parameters and ids as collection variables a user fills in, a status test per request.
QJsonObject catalogCollection(const QUrl& baseUrl);
// The same operations as a HAR log of requests (no responses).
QJsonObject catalogHar(const QUrl& baseUrl);

} // namespace ContactDesk::Inspector
