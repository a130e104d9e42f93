#include "sandbox/controlroutes.h"

#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/contactwriter.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/webhookpayloads.h"

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
        return Reply::json(200, info());
    if (route == QStringLiteral("/webhooks") || route.startsWith(QStringLiteral("/webhooks/")))
        return webhooks(request, route);
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
    if (const qsizetype slash = id.indexOf(u'/'); slash > 0)
        return appointments(request, id.left(slash), id.mid(slash + 1));
    if (id.isEmpty())
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

QJsonObject ControlRoutes::info()
{
    QJsonObject info = m_server.connectionInfo();
    WebhookSigner& signer = m_server.webhooks().signer();
    info.insert(QStringLiteral("webhookPublicKeys"),
        QJsonObject {{QStringLiteral("rsa"), QString::fromLatin1(signer.rsaPublicKeyPem())},
            {QStringLiteral("ed25519"), QString::fromLatin1(signer.ed25519PublicKeyPem())}});
    return info;
}

Reply ControlRoutes::webhooks(const Request& request, const QString& route)
{
    WebhookEmitter& webhooks = m_server.webhooks();
    if (route == QStringLiteral("/webhooks/test") && request.method == "POST") {
        SandboxData& data = m_server.data();
        const QString id = request.object().value(QStringLiteral("contactId")).toString();
        const QJsonObject* contact = nullptr;
        if (!id.isEmpty()) {
            contact = data.liveContact(id);
        } else {
            // The newest live contact of the main location.
            const auto& order = data.contactOrder(data.mainLocation().id);
            if (!order.empty())
                contact = data.liveContact(order.rbegin()->second);
        }
        if (!contact)
            return Reply::validation({QStringLiteral(
                "a test webhook needs a contact: give contactId or create one first")});
        if (!webhooks.enabled())
            return Reply::validation({QStringLiteral("set a webhook url first")});
        const QString webhookId
            = webhooks.send(contactPayload(QStringLiteral("ContactUpdate"), *contact));
        return Reply::json(202, {{QStringLiteral("webhookId"), webhookId}});
    }
    if (route != QStringLiteral("/webhooks"))
        return Reply::notFoundRoute(request.method, request.path);
    bool ok = true;
    const QString since = request.queryValue(QStringLiteral("since"));
    const qint64 seq = since.isEmpty() ? 0 : since.toLongLong(&ok);
    if (!ok || seq < 0)
        return Reply::validation({QStringLiteral("since must be a sequence number")});
    if (request.method == "PUT") {
        if (const QString error = webhooks.configure(request.object()); !error.isEmpty())
            return Reply::validation({error});
    } else if (request.method == "DELETE") {
        webhooks.clearDeliveries();
    } else if (request.method != "GET") {
        return Reply::notFoundRoute(request.method, request.path);
    }
    return Reply::json(200, webhooks.toJson(seq));
}

Reply ControlRoutes::appointments(
    const Request& request, const QString& contactId, const QString& rest)
{
    SandboxData& data = m_server.data();
    const QJsonObject* contact = data.liveContact(contactId);
    if (!contact)
        return Reply::error(404, QStringLiteral("Contact with id %1 not found").arg(contactId));
    if (rest != QStringLiteral("appointments") && !rest.startsWith(QStringLiteral("appointments/")))
        return Reply::notFoundRoute(request.method, request.path);
    static const QStringList stringFields {QStringLiteral("title"), QStringLiteral("address"),
        QStringLiteral("calendarId"), QStringLiteral("groupId"),
        QStringLiteral("appointmentStatus"), QStringLiteral("assignedUserId"),
        QStringLiteral("notes"), QStringLiteral("source"), QStringLiteral("startTime"),
        QStringLiteral("endTime")};
    const QJsonObject body = request.object();
    QStringList errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (stringFields.contains(it.key()) && !it.value().isString())
            errors.append(it.key() + QStringLiteral(" must be a string"));
        else if (it.key() == QStringLiteral("users") && !it.value().isArray())
            errors.append(QStringLiteral("users must be an array"));
        else if (!stringFields.contains(it.key()) && it.key() != QStringLiteral("users"))
            errors.append(QStringLiteral("property %1 should not exist").arg(it.key()));
    }
    if (!errors.isEmpty())
        return Reply::validation(errors);
    const auto applyBody = [&](QJsonObject& record) {
        for (auto it = body.begin(); it != body.end(); ++it)
            record.insert(it.key(), it.value());
        record.insert(QStringLiteral("dateUpdated"), isoUtc(data.clock().nowMs()));
    };
    QList<QJsonObject>& list = data.appointments()[contactId];
    const QString id = rest.mid(QStringLiteral("appointments/").size());
    if (rest == QStringLiteral("appointments") && request.method == "POST") {
        QJsonObject record {{QStringLiteral("id"), data.newId()},
            {QStringLiteral("contactId"), contactId},
            {QStringLiteral("locationId"), contact->value(QStringLiteral("locationId"))},
            {QStringLiteral("appointmentStatus"), QStringLiteral("confirmed")},
            {QStringLiteral("dateAdded"), isoUtc(data.clock().nowMs())}};
        applyBody(record);
        list.append(record);
        return Reply::json(201, {{QStringLiteral("appointment"), record}});
    }
    qsizetype index = -1;
    for (qsizetype i = 0; i < list.size() && !id.isEmpty(); ++i) {
        if (list.at(i).value(QStringLiteral("id")).toString() == id)
            index = i;
    }
    if (index < 0)
        return Reply::error(404, QStringLiteral("Appointment with id %1 not found").arg(id));
    if (request.method == "PATCH") {
        applyBody(list[index]);
        return Reply::json(200, {{QStringLiteral("appointment"), list.at(index)}});
    }
    if (request.method == "DELETE") {
        list.removeAt(index);
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
