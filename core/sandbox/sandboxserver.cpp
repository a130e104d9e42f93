#include "sandbox/sandboxserver.h"

#include "common/clock.h"
#include "sandbox/controlroutes.h"
#include "sandbox/oauthroutes.h"
#include "sandbox/sandboxseeder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSandbox, "contactdesk.sandbox", QtInfoMsg)

namespace ContactDesk::Sandbox {

namespace {

constexpr qsizetype maxBodyBytes = 1024 * 1024;
const QStringList acceptedVersions {QStringLiteral("2021-07-28"), QStringLiteral("2021-04-15"),
    QStringLiteral("2023-02-21"), QStringLiteral("v3")};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

// class-validator's wording, which HighLevel's 422 messages use.
QString typeMessage(const Api::BodyField& field)
{
    const QString name = QString(field.name);
    switch (field.type) {
    case Api::FieldType::String:
        return name + QStringLiteral(" must be a string");
    case Api::FieldType::Number:
        return name + QStringLiteral(" must be a number conforming to the specified constraints");
    case Api::FieldType::Boolean:
        return name + QStringLiteral(" must be a boolean value");
    case Api::FieldType::StringArray:
    case Api::FieldType::Array:
        return name + QStringLiteral(" must be an array");
    case Api::FieldType::Object:
        return QStringLiteral("nested property ") + name
            + QStringLiteral(" must be either "
                             "object or array");
    }
    return {};
}

bool hasType(const QJsonValue& value, Api::FieldType type)
{
    switch (type) {
    case Api::FieldType::String:
        return value.isString();
    case Api::FieldType::Number:
        return value.isDouble();
    case Api::FieldType::Boolean:
        return value.isBool();
    case Api::FieldType::StringArray:
    case Api::FieldType::Array:
        return value.isArray();
    case Api::FieldType::Object:
        return value.isObject();
    }
    return false;
}

QString jsonErrorMessage(const QJsonParseError& error)
{
    return QStringLiteral("Unexpected token in JSON at position %1").arg(error.offset);
}

const QByteArray proxyErrorPage = QByteArrayLiteral(
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n");

} // namespace

SandboxServer::SandboxServer(const Clock& clock, quint64 seed, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_clock(clock)
    , m_data(clock, seed)
    , m_limiter(clock, m_data.settings())
    , m_oauth(std::make_unique<OAuthRoutes>(m_data))
    , m_control(std::make_unique<ControlRoutes>(*this))
    , m_webhooks(std::make_unique<WebhookEmitter>(m_data, m_faults))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(200);
    connect(&m_saveTimer, &QTimer::timeout, this, &SandboxServer::saveDataFile);
    addContactHandlers(m_handlers, m_data);
    addSubresourceHandlers(m_handlers, m_data);
    addMembershipHandlers(m_handlers, m_data);
    addLocationListHandlers(m_handlers, m_data);
    addDirectoryHandlers(m_handlers, m_data);
}

SandboxServer::~SandboxServer()
{
    if (!m_dataFile.isEmpty())
        saveDataFile();
}

bool SandboxServer::listenLocal(quint16 port)
{
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void SandboxServer::seed(int contacts, quint64 seed)
{
    seedContacts(m_data, contacts, seed);
    Q_EMIT dataChanged();
}

void SandboxServer::reset()
{
    m_data.clearContacts();
    m_data.settings() = Settings();
    m_faults.clear();
    m_limiter.reset();
    // Issued OAuth tokens go; the private integration token stays.
    const QString pit = m_data.privateIntegrationToken();
    for (auto it = m_data.grants().begin(); it != m_data.grants().end();)
        it = it.key() == pit ? std::next(it) : m_data.grants().erase(it);
    m_data.refreshGrants().clear();
    m_data.authCodes().clear();
    Q_EMIT dataChanged();
}

QJsonObject SandboxServer::connectionInfo() const
{
    return {{QStringLiteral("baseUrl"), baseUrl().toString()},
        {QStringLiteral("locationId"), m_data.mainLocation().id},
        {QStringLiteral("companyId"), m_data.mainLocation().companyId},
        {QStringLiteral("privateIntegrationToken"), m_data.privateIntegrationToken()},
        {QStringLiteral("clientId"), m_data.oauthApp().clientId},
        {QStringLiteral("clientSecret"), m_data.oauthApp().clientSecret},
        {QStringLiteral("adminKey"), m_data.adminKey()}};
}

bool SandboxServer::useDataFile(const QString& path, QString* error)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject()) {
            *error = QStringLiteral("%1 is corrupt (%2); it was left untouched")
                         .arg(path, parseError.errorString());
            return false;
        }
        if (const QString problem = m_data.fromJson(document.object()); !problem.isEmpty()) {
            *error = QStringLiteral("%1 is corrupt (%2); it was left untouched").arg(path, problem);
            return false;
        }
    }
    m_dataFile = path;
    saveDataFile();
    return true;
}

void SandboxServer::saveDataFile()
{
    m_saveTimer.stop();
    QSaveFile file(m_dataFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox) << "cannot write the data file" << m_dataFile << file.errorString();
        return;
    }
    file.write(QJsonDocument(m_data.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcSandbox) << "cannot write the data file" << m_dataFile << file.errorString();
}

void SandboxServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

bool SandboxServer::handleRequest(const QHttpServerRequest& raw, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    Request request;
    request.method = methodName(raw.method());
    request.path = raw.url().path();
    request.query = raw.query();
    for (const auto& [name, value] : raw.headers())
        request.headers.insert(name.toLower(), value);
    request.body = raw.body();
    request.traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    const bool control = request.path.startsWith(QStringLiteral("/__sandbox"));
    std::optional<FaultRule> fault;
    if (!control)
        fault = m_faults.take(request.method, request.path, m_data.random());
    const FaultKind kind = fault ? fault->kind : FaultKind::Status;

    if (fault && kind == FaultKind::Drop) {
        drop(socket, request, timer.elapsed(), {});
        return true;
    }
    if (fault && kind == FaultKind::ExpireTokens) {
        for (Grant& grant : m_data.grants()) {
            if (grant.kind == TokenKind::OAuthAccess)
                grant.expiresAtMs = qMin(grant.expiresAtMs, m_clock.nowMs());
        }
    }
    if (fault && kind == FaultKind::RevokeRefreshTokens)
        m_data.refreshGrants().clear();
    if (fault && kind == FaultKind::IndexLag)
        m_data.settings().searchIndexLagMs = fault->latencyMs;

    // Webhooks: what the request may change, as it was before.
    std::optional<WebhookEmitter::Snapshot> before;
    QSet<QString> named;
    if (m_webhooks->enabled()) {
        const WebhookEmitter::Reach reach
            = WebhookEmitter::reachOf(request.method, request.path, &named);
        if (reach == WebhookEmitter::Reach::Anything)
            before = m_webhooks->snapshot();
        else if (reach == WebhookEmitter::Reach::NamedContacts)
            before = m_webhooks->snapshot(named);
    }

    Reply reply;
    QString operationId;
    if (control) {
        operationId = QStringLiteral("control");
        reply = dispatchControl(request);
    } else {
        reply = dispatch(request, fault ? &*fault : nullptr, &operationId);
    }

    // Reads (the inspector polling the request log, say) neither save nor notify.
    const bool wrote = reply.status >= 200 && reply.status < 300 && request.method != "GET";
    if (wrote && before) {
        // A create names its contact only in the reply.
        QSet<QString> created;
        if (reply.object)
            created.insert(reply.object->value(QStringLiteral("contact"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString());
        created.remove(QString());
        m_webhooks->emitChanges(*before, created);
    }
    if (wrote) {
        // Bursts of writes share one save.
        if (!m_dataFile.isEmpty() && !m_saveTimer.isActive())
            m_saveTimer.start();
        Q_EMIT dataChanged();
    }

    if (fault && kind == FaultKind::DropAfterCommit) {
        drop(socket, request, timer.elapsed(), operationId);
        return true;
    }
    if (fault && kind == FaultKind::MalformedJson) {
        reply.object.reset();
        reply.body = QByteArrayLiteral("{\"contact\":{\"id\":\"");
    }
    if (fault && kind == FaultKind::Latency && fault->latencyMs > 0) {
        // The responder holds the request, which lives as long as its socket; the socket may
        // be gone by the time the delay is over.
        QPointer<QTcpSocket> guard(socket);
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(raw, socket));
        QTimer::singleShot(
            fault->latencyMs, this, [this, guard, responder, request, reply, timer, operationId] {
                if (guard)
                    write(*responder, request, reply, timer.elapsed(), operationId);
            });
        return true;
    }
    QHttpServerResponder responder = makeResponder(raw, socket);
    write(responder, request, std::move(reply), timer.elapsed(), operationId);
    return true;
}

Reply SandboxServer::respond(Request& request)
{
    if (request.path.startsWith(QStringLiteral("/__sandbox")))
        return dispatchControl(request);
    QString operationId;
    return dispatch(request, nullptr, &operationId);
}

Reply SandboxServer::dispatchControl(Request& request)
{
    if (request.body.size() > maxBodyBytes)
        return Reply::error(413, QStringLiteral("request entity too large"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (!request.body.isEmpty() && error.error != QJsonParseError::NoError)
        return Reply::error(400, jsonErrorMessage(error));
    request.json = document.isObject() ? QJsonValue(document.object()) : QJsonValue();
    Reply reply = m_control->handle(request);
    reply.withTraceId = false;
    return reply;
}

Reply SandboxServer::dispatch(Request& request, const FaultRule* fault, QString* operationId)
{
    // The budget is per (client, location); requests without a known token share one.
    const QByteArray authorization = request.header("authorization");
    const Grant* grant = authorization.size() > 7
            && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0
        ? m_data.grant(QString::fromUtf8(authorization.mid(7).trimmed()))
        : nullptr;
    const QString bucket = grant ? grant->clientId + u'|' + grant->locationId + grant->companyId
                                 : QStringLiteral("anonymous");
    const RateLimiter::Decision budget = m_limiter.take(bucket);

    const bool oauth = request.path.startsWith(QStringLiteral("/oauth/"))
        || request.path.startsWith(QStringLiteral("/v2/oauth/"));
    const Router::Match match
        = oauth ? Router::Match() : m_router.match(request.method, request.path);
    if (oauth)
        *operationId = QStringLiteral("oauth");
    else if (match.endpoint)
        *operationId = QString(match.endpoint->operationId);

    Reply reply;
    if (!budget.allowed) {
        reply = Reply::error(429, QStringLiteral("Too many requests"));
    } else if (request.body.size() > maxBodyBytes) {
        reply = Reply::error(413, QStringLiteral("request entity too large"));
    } else if (fault && fault->kind == FaultKind::Status) {
        reply = Reply::error(fault->status, reasonPhrase(fault->status));
    } else if (fault && fault->kind == FaultKind::HtmlError) {
        reply = Reply::html(fault->status, proxyErrorPage);
    } else if (request.path == QStringLiteral("/health")) {
        reply = Reply::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
    } else if (oauth) {
        reply
            = m_oauth->handle(request).value_or(Reply::notFoundRoute(request.method, request.path));
    } else if (!match.endpoint) {
        reply = Reply::notFoundRoute(request.method, request.path);
    } else {
        request.pathParams = match.params;
        request.grant = grant;
        reply = dispatchApi(request, *match.endpoint);
    }
    reply.headers.append(budget.headers());
    return reply;
}

Reply SandboxServer::dispatchApi(Request& request, const Api::Endpoint& endpoint)
{
    const QByteArray version = request.header("version");
    if (version.isEmpty())
        return Reply::error(401, QStringLiteral("version header was not found."));
    if (!acceptedVersions.contains(QString::fromUtf8(version)))
        return Reply::error(401, QStringLiteral("version header is invalid"));

    const Grant* grant = request.grant;
    if (!grant)
        return Reply::error(401,
            request.header("authorization").isEmpty()
                ? QStringLiteral("Invalid token: access token is invalid")
                : QStringLiteral("Invalid JWT"));
    if (grant->expiresAtMs != 0 && grant->expiresAtMs <= m_clock.nowMs())
        return Reply::error(401, QStringLiteral("Invalid JWT"));
    if (grant->locationId.isEmpty())
        return Reply::error(403,
            QStringLiteral("The token does not have access to this "
                           "location."));
    if (endpoint.scope != Api::Scope::None && !grant->hasScope(Api::scopeName(endpoint.scope)))
        return Reply::error(401, QStringLiteral("The token is not authorized for this scope."));

    if (endpoint.takesBody) {
        QJsonParseError error;
        const QJsonDocument document = request.body.trimmed().isEmpty()
            ? QJsonDocument(QJsonObject())
            : QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError)
            return Reply::error(400, jsonErrorMessage(error));
        if (!document.isObject())
            return Reply::error(400, QStringLiteral("The request body must be a JSON object."));
        request.json = document.object();
    }
    // HighLevel's guards (whose location is this) run before its validation pipes.
    if (std::optional<Reply> refusal = checkLocation(request))
        return *refusal;
    if (endpoint.takesBody) {
        if (const QStringList problems = checkBody(request.object(), endpoint); !problems.isEmpty())
            return Reply::validation(problems);
    }
    const Handler handler = m_handlers.value(QString(endpoint.operationId));
    return handler(request);
}

QStringList SandboxServer::checkBody(const QJsonObject& body, const Api::Endpoint& endpoint) const
{
    QStringList problems;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!endpoint.field(it.key()))
            problems.append(QStringLiteral("property %1 should not exist").arg(it.key()));
    }
    for (const Api::BodyField& field : endpoint.body) {
        const QJsonValue value = body.value(QString(field.name));
        if (value.isUndefined() || (value.isNull() && !field.nullable)) {
            if (field.required)
                problems.append(QString(field.name) + QStringLiteral(" should not be empty"));
            else if (value.isNull())
                problems.append(typeMessage(field));
            continue;
        }
        if (value.isNull())
            continue;
        if (!hasType(value, field.type)) {
            problems.append(typeMessage(field));
            continue;
        }
        if (field.type == Api::FieldType::StringArray) {
            const QJsonArray items = value.toArray();
            const bool allStrings = std::all_of(
                items.begin(), items.end(), [](const QJsonValue& v) { return v.isString(); });
            if (!allStrings)
                problems.append(
                    QStringLiteral("each value in %1 must be a string").arg(QString(field.name)));
        }
        if (field.required && value.isString() && value.toString().isEmpty())
            problems.append(QString(field.name) + QStringLiteral(" should not be empty"));
    }
    return problems;
}

std::optional<Reply> SandboxServer::checkLocation(const Request& request) const
{
    const Grant& grant = *request.grant;
    const Reply refused = Reply::error(403,
        QStringLiteral("The token does not have access to "
                       "this location."));
    const QString inQuery = request.queryValue(QStringLiteral("locationId"));
    if (!inQuery.isEmpty() && inQuery != grant.locationId)
        return refused;
    const auto inPath = request.pathParams.constFind(QStringLiteral("locationId"));
    if (inPath != request.pathParams.constEnd() && *inPath != grant.locationId)
        return refused;
    const QJsonValue inBody = request.object().value(QStringLiteral("locationId"));
    if (inBody.isString() && inBody.toString() != grant.locationId)
        return refused;
    const QString contactId = request.pathParams.value(QStringLiteral("contactId"));
    if (!request.pathParams.contains(QStringLiteral("contactId")))
        return std::nullopt;
    const QJsonObject* contact = m_data.liveContact(contactId);
    if (!contact)
        return Reply::error(400, QStringLiteral("Contact with id %1 not found").arg(contactId));
    if (contact->value(QStringLiteral("locationId")).toString() != grant.locationId)
        return refused;
    return std::nullopt;
}

void SandboxServer::drop(
    QTcpSocket* socket, const Request& request, qint64 elapsedMs, const QString& operationId)
{
    log(request, Reply {0, std::nullopt, {}, {}, {}}, elapsedMs, operationId);
    socket->abort();
}

void SandboxServer::write(QHttpServerResponder& responder, const Request& request, Reply reply,
    qint64 elapsedMs, const QString& operationId)
{
    if (reply.object) {
        if (reply.withTraceId && !reply.object->contains(QStringLiteral("traceId")))
            reply.object->insert(QStringLiteral("traceId"), request.traceId);
        reply.body = QJsonDocument(*reply.object).toJson(QJsonDocument::Compact);
    }
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    responder.writeHeader(
        QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeHeader(QByteArrayLiteral("X-Trace-Id"), request.traceId.toLatin1());
    for (const auto& [name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
    log(request, reply, elapsedMs, operationId);
}

void SandboxServer::log(
    const Request& request, const Reply& reply, qint64 elapsedMs, const QString& operationId)
{
    LoggedExchange exchange;
    exchange.atMs = m_clock.nowMs();
    exchange.operationId = operationId;
    exchange.method = request.method;
    exchange.path = request.path;
    exchange.query = request.query.toString(QUrl::FullyEncoded);
    exchange.status = reply.status;
    exchange.latencyMs = elapsedMs;
    for (auto it = request.headers.begin(); it != request.headers.end(); ++it)
        exchange.requestHeaders.append({it.key(), it.value()});
    exchange.requestBody = request.body.left(64 * 1024);
    exchange.responseBody = reply.body.left(64 * 1024);
    m_log.append(std::move(exchange));
}

} // namespace ContactDesk::Sandbox
