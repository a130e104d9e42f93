#pragma once

#include "api/endpointcatalog.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Sandbox {

// Matches request paths against the catalog's path templates the way HighLevel's router does:
// a literal segment (`search`, `upsert`, `removeAll`, ...) wins over a `{param}` at the same
// position, and a trailing slash is optional.
class Router
{
public:
    Router();

    struct Match
    {
        const Api::Endpoint* endpoint = nullptr;
        QHash<QString, QString> params;
    };

    // The endpoint for method and path; nothing when no template with that method matches.
    Match match(QByteArrayView method, const QString& path) const;

private:
    struct Route
    {
        const Api::Endpoint* endpoint;
        QStringList segments;
    };
    QList<Route> m_routes;
};

} // namespace ContactDesk::Sandbox
