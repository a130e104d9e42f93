#include "sandbox/controlroutes.h"

#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/contactwriter.h"
#include "sandbox/sandboxserver.h"

#include <QJsonArray>

namespace ContactDesk::Sandbox {

namespace {
constexpr int maxSeedContacts = 500000;
}

ControlRoutes::ControlRoutes(SandboxServer& server)
    : m_server(server)
{ }

Reply ControlRoutes::handle(const Request& request)
{
    if (request.header("x-sandbox-admin-key") != m_server.data().adminKey().toUtf8())
        return Reply::error(401,
            QStringLiteral("The X-Sandbox-Admin-Key header is missing or "
                           "wrong."));
    if (!request.body.isEmpty() && !request.json.isObject())
        return Reply::error(400, QStringLiteral("The body must be a JSON object."));

    const QString route = request.path.mid(QStringLiteral("/__sandbox").size());
    const QByteArray& method = request.method;
    if (route == QStringLiteral("/reset") && method == "POST") {
        m_server.reset();
        return Reply::json(200, {{QStringLiteral("reset"), true}});
    }
    if (route == QStringLiteral("/seed") && method == "POST")
        return seed(request);
    if (route == QStringLiteral("/faults"))
        return faults(request);
    if (route == QStringLiteral("/requests") && method == "GET")
        return requests(request);
    if (route == QStringLiteral("/settings"))
        return settings(request);
    if (route == QStringLiteral("/tokens") && method == "POST")
        return mintToken(request);
    if (route == QStringLiteral("/info") && method == "GET")
        return Reply::json(200, m_server.connectionInfo());
    if (route == QStringLiteral("/contacts") || route.startsWith(QStringLiteral("/contacts/")))
        return contacts(request, route);
    return Reply::notFoundRoute(method, request.path);
}

Reply ControlRoutes::contacts(const Request& request, const QString& route)
{
    SandboxData& data = m_server.data();
    ContactWriter writer(data);
    const Location& location = data.mainLocation();
    const QString id = route.mid(QStringLiteral("/contacts/").size());
    if (route == QStringLiteral("/contacts") && request.method == "POST") {
        QStringList errors;
        const std::optional<QJsonObject> contact
            = writer.build(request.object(), location, &errors);
        if (!contact)
            return Reply::validation(errors);
        writer.save(*contact);
        return Reply::json(201, {{QStringLiteral("contact"), *contact}});
    }
    if (id.isEmpty() || id.contains(u'/'))
        return Reply::notFoundRoute(request.method, request.path);
    const QJsonObject* live = data.liveContact(id);
    if (!live || live->value(QStringLiteral("locationId")).toString() != location.id)
        return Reply::error(404, QStringLiteral("Contact with id %1 not found").arg(id));
    if (request.method == "PATCH") {
        QJsonObject contact = *live;
        if (const QStringList errors = writer.apply(contact, request.object(), location);
            !errors.isEmpty())
            return Reply::validation(errors);
        writer.save(contact);
        return Reply::json(200, {{QStringLiteral("contact"), contact}});
    }
    if (request.method == "DELETE") {
        data.deleteContact(id);
        return Reply::json(200, {{QStringLiteral("deleted"), id}});
    }
    return Reply::notFoundRoute(request.method, request.path);
}

Reply ControlRoutes::seed(const Request& request)
{
    const QJsonObject body = request.object();
    const QJsonValue count = body.value(QStringLiteral("contacts"));
    if (!count.isDouble() || count.toInt(-1) < 0 || count.toInt() > maxSeedContacts)
        return Reply::validation(
            {QStringLiteral("contacts must be a number from 0 to %1").arg(maxSeedContacts)});
    const QJsonValue seed = body.value(QStringLiteral("seed"));
    if (!seed.isUndefined() && !seed.isDouble())
        return Reply::validation({QStringLiteral("seed must be a number")});
    m_server.seed(count.toInt(), quint64(seed.toInteger(1)));
    return Reply::json(201,
        {{QStringLiteral("seeded"), count.toInt()},
            {QStringLiteral("total"),
                m_server.data().contacts().size() - m_server.data().deletedContacts().size()}});
}

Reply ControlRoutes::faults(const Request& request)
{
    FaultInjector& faults = m_server.faults();
    if (request.method == "POST") {
        if (const QString error = faults.add(request.object()); !error.isEmpty())
            return Reply::validation({error});
        return Reply::json(201, {{QStringLiteral("faults"), faults.toJson()}});
    }
    if (request.method == "DELETE") {
        faults.clear();
        return Reply::json(200, {{QStringLiteral("faults"), QJsonArray()}});
    }
    if (request.method == "GET")
        return Reply::json(200, {{QStringLiteral("faults"), faults.toJson()}});
    return Reply::notFoundRoute(request.method, request.path);
}

Reply ControlRoutes::requests(const Request& request)
{
    bool ok = true;
    const QString since = request.queryValue(QStringLiteral("since"));
    const qint64 seq = since.isEmpty() ? 0 : since.toLongLong(&ok);
    if (!ok || seq < 0)
        return Reply::validation({QStringLiteral("since must be a sequence number")});
    QJsonArray entries;
    for (const LoggedExchange& exchange : m_server.requestLog().since(seq))
        entries.append(exchange.toJson());
    return Reply::json(200,
        {{QStringLiteral("requests"), entries},
            {QStringLiteral("lastSeq"), m_server.requestLog().lastSeq()}});
}

Reply ControlRoutes::settings(const Request& request)
{
    Settings& settings = m_server.data().settings();
    if (request.method == "PUT") {
        if (const QString error = settings.apply(request.object()); !error.isEmpty())
            return Reply::validation({error});
    } else if (request.method != "GET") {
        return Reply::notFoundRoute(request.method, request.path);
    }
    return Reply::json(200, settings.toJson());
}

// Mints an access token with chosen scopes, location and lifetime, so tests of scope and
// expiry handling need not go through the consent page each time.
Reply ControlRoutes::mintToken(const Request& request)
{
    SandboxData& data = m_server.data();
    const QJsonObject body = request.object();
    Grant grant;
    grant.kind = TokenKind::OAuthAccess;
    grant.token = QStringLiteral("at-") + randomToken(data.random(), 40);
    grant.locationId = body.value(QStringLiteral("locationId")).toString(data.mainLocation().id);
    const Location* location = data.location(grant.locationId);
    if (!location)
        return Reply::validation({QStringLiteral("locationId must be a sandbox location")});
    grant.companyId = location->companyId;
    grant.userType = body.value(QStringLiteral("userType")).toString(QStringLiteral("Location"));
    if (grant.userType == QStringLiteral("Company"))
        grant.locationId.clear();
    grant.clientId = data.oauthApp().clientId;
    grant.userId = data.userId();
    const QJsonArray scopes
        = body.value(QStringLiteral("scopes"))
              .toArray({QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")});
    for (const QJsonValue& scope : scopes)
        grant.scopes.append(scope.toString());
    const qint64 lifetime
        = body.value(QStringLiteral("expiresInS")).toInteger(data.settings().accessTokenLifetimeS);
    grant.expiresAtMs = data.clock().nowMs() + lifetime * 1000;
    data.grants().insert(grant.token, grant);
    return Reply::json(201,
        {{QStringLiteral("access_token"), grant.token}, {QStringLiteral("expires_in"), lifetime},
            {QStringLiteral("scope"), grant.scopes.join(u' ')},
            {QStringLiteral("locationId"), grant.locationId},
            {QStringLiteral("companyId"), grant.companyId}});
}

} // namespace ContactDesk::Sandbox
