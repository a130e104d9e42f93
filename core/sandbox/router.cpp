#include "sandbox/router.h"

namespace ContactDesk::Sandbox {

namespace {

QStringList splitPath(const QString& path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isParam(const QString& segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

Router::Router()
{
    for (const Api::Endpoint& endpoint : Api::endpoints())
        m_routes.append({&endpoint, splitPath(QString(endpoint.path))});
}

Router::Match Router::match(QByteArrayView method, const QString& path) const
{
    const QStringList segments = splitPath(path);
    Match best;
    QList<bool> bestLiterals;
    for (const Route& route : m_routes) {
        if (Api::methodName(route.endpoint->method) != method
            || route.segments.size() != segments.size()) {
            continue;
        }
        QList<bool> literals;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString& pattern = route.segments.at(i);
            if (isParam(pattern)) {
                params.insert(pattern.mid(1, pattern.size() - 2), segments.at(i));
                literals.append(false);
            } else {
                matches = pattern == segments.at(i);
                literals.append(true);
            }
        }
        // Literal segments earlier in the path take priority: compare position by position.
        if (matches && (!best.endpoint || literals > bestLiterals)) {
            best = {route.endpoint, params};
            bestLiterals = literals;
        }
    }
    return best;
}

} // namespace ContactDesk::Sandbox
