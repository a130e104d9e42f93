#include "sandbox/oauthroutes.h"

#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/sandboxdata.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace ContactDesk::Sandbox {

namespace {

using Fields = QHash<QString, QString>;

constexpr qint64 codeLifetimeMs = 10LL * 60 * 1000;
constexpr qint64 refreshLifetimeS = 365LL * 24 * 60 * 60;
const QString kDecisionPath = QStringLiteral("/oauth/chooselocation/decision");
const QString kAppName = QStringLiteral("ContactDesk");
const QString kLocation = QStringLiteral("Location");
const QString kCompany = QStringLiteral("Company");

// What a consent can grant, with the wording the page shows. The oauth.* scopes are what the
// agency helpers (locationToken, installedLocations) are published under.
const QList<QPair<QString, QString>>& grantableScopes()
{
    static const QList<QPair<QString, QString>> scopes {
        {QStringLiteral("contacts.readonly"), QStringLiteral("View contacts")},
        {QStringLiteral("contacts.write"), QStringLiteral("Create, edit and delete contacts")},
        {QStringLiteral("locations/customFields.readonly"),
            QStringLiteral("View the location's custom fields")},
        {QStringLiteral("locations/customFields.write"),
            QStringLiteral("Create, edit and delete the location's custom fields")},
        {QStringLiteral("locations/tags.readonly"), QStringLiteral("View the location's tags")},
        {QStringLiteral("locations/tags.write"),
            QStringLiteral("Create, rename and delete the location's tags")},
        {QStringLiteral("users.readonly"), QStringLiteral("View the location's users")},
        {QStringLiteral("calendars.readonly"), QStringLiteral("View the location's calendars")},
        {QStringLiteral("oauth.readonly"), QStringLiteral("View where the app is installed")},
        {QStringLiteral("oauth.write"), QStringLiteral("Create sub-account tokens")},
    };
    return scopes;
}

QString scopeDescription(const QString& scope)
{
    for (const auto& [name, description] : grantableScopes()) {
        if (name == scope)
            return description;
    }
    return {};
}

// application/x-www-form-urlencoded, where '+' is a space. A literal plus arrives as %2B, so
// turning every '+' into %20 before percent-decoding is exact. The first value of a key wins.
Fields formFields(QByteArray encoded)
{
    encoded.replace('+', "%20");
    Fields fields;
    const QUrlQuery query(QString::fromUtf8(encoded));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto& [key, value] : items) {
        if (!fields.contains(key))
            fields.insert(key, value);
    }
    return fields;
}

Fields queryFields(const Request& request)
{
    return formFields(request.query.query(QUrl::FullyEncoded).toUtf8());
}

// The token endpoints take form bodies; JSON is accepted as well because several HTTP clients
// send it by default.
Fields bodyFields(const Request& request)
{
    const QByteArray contentType = request.header("content-type").toLower();
    const QByteArray trimmed = request.body.trimmed();
    if (!contentType.contains("json") && !trimmed.startsWith('{'))
        return formFields(request.body);
    Fields fields;
    const QJsonObject object = QJsonDocument::fromJson(trimmed).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            fields.insert(it.key(), value.toString());
        else if (value.isDouble() || value.isBool())
            fields.insert(it.key(), value.toVariant().toString());
    }
    return fields;
}

QStringList splitScopes(const QString& scope)
{
    static const QRegularExpression separators(QStringLiteral("[\\s+]+"));
    QStringList scopes = scope.split(separators, Qt::SkipEmptyParts);
    scopes.removeDuplicates();
    return scopes;
}

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Live access and refresh tokens are JWTs; clients that read `exp` from them work the same here.
QString jwtLike(QRandomGenerator& random, const QJsonObject& claims)
{
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QByteArray signature(32, Qt::Uninitialized);
    for (char& byte : signature)
        byte = static_cast<char>(random.bounded(256));
    const QByteArray token = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(signature);
    return QString::fromLatin1(token);
}

Reply noStore(Reply reply)
{
    reply.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    reply.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
    return reply;
}

Reply oauthError(int status, const QString& error, const QString& description)
{
    return noStore(Reply::json(status,
        {{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}}));
}

QByteArray page(const QString& title, const QString& content)
{
    static const QString css = QStringLiteral(
        "*{box-sizing:border-box}"
        "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
        "background:#f1f4f9;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
        "color:#1f2937}"
        "main{background:#fff;width:420px;max-width:94vw;padding:28px 32px;border-radius:12px;"
        "box-shadow:0 6px 24px rgba(15,23,42,.12)}"
        "h1{font-size:20px;margin:0 0 4px}"
        ".muted{color:#6b7280;font-size:13px;margin:0 0 18px}"
        "ul{padding-left:20px;margin:8px 0 18px}"
        "code{background:#f3f4f6;padding:1px 5px;border-radius:4px;font-size:12px}"
        "label{display:block;font-weight:600;margin-bottom:6px}"
        "select{width:100%;padding:8px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}"
        ".actions{display:flex;gap:10px;justify-content:flex-end;margin-top:22px}"
        "button{font:inherit;padding:8px 20px;border-radius:8px;border:1px solid #cbd5e1;"
        "background:#fff;cursor:pointer}"
        "button#allow{background:#155eef;border-color:#155eef;color:#fff}"
        ".error{color:#b42318}");
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                          "<title>%1</title><style>%2</style></head>"
                          "<body><main>%3</main></body></html>\n")
        .arg(title.toHtmlEscaped(), css, content)
        .toUtf8();
}

Reply errorPage(const QString& message)
{
    return Reply::html(400,
        page(QStringLiteral("Authorization error"),
            QStringLiteral("<h1>Authorization error</h1>"
                           "<p class=\"error\" id=\"error\">%1</p>")
                .arg(message.toHtmlEscaped())));
}

QString hiddenInput(const QString& name, const QString& value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
        .arg(name, value.toHtmlEscaped());
}

// Appends parameters to a redirect URI, keeping the query it already has. Values are fully
// percent-encoded so a '+' or '&' in `state` survives a form decoder on the other side.
QUrl withParameters(QUrl url, const QList<QPair<QString, QString>>& parameters)
{
    QString query = url.query(QUrl::FullyEncoded);
    for (const auto& [key, value] : parameters) {
        if (!query.isEmpty())
            query += u'&';
        query += key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

// The authorize parameters every consent step checks again, so a tampered form gets the same
// answer as a bad authorize URL.
struct AuthorizeRequest
{
    QString clientId;
    QUrl redirectUri;
    QString rawRedirectUri;
    QStringList scopes;
    QString state;
    QString codeChallenge; // PKCE S256; empty when the client sent none
};

std::optional<QString> parseAuthorize(
    const SandboxData& data, const Fields& fields, AuthorizeRequest* out)
{
    const QString responseType = fields.value(QStringLiteral("response_type"));
    if (responseType.isEmpty())
        return QStringLiteral("The response_type parameter is missing.");
    if (responseType != QLatin1StringView("code"))
        return QStringLiteral("Unsupported response_type \"%1\": only \"code\" is supported.")
            .arg(responseType);
    out->clientId = fields.value(QStringLiteral("client_id"));
    if (out->clientId.isEmpty())
        return QStringLiteral("The client_id parameter is missing.");
    if (out->clientId != data.oauthApp().clientId)
        return QStringLiteral("No integration found with client id \"%1\".").arg(out->clientId);
    out->rawRedirectUri = fields.value(QStringLiteral("redirect_uri"));
    if (out->rawRedirectUri.isEmpty())
        return QStringLiteral("The redirect_uri parameter is missing.");
    out->redirectUri = QUrl(out->rawRedirectUri, QUrl::StrictMode);
    const QString scheme = out->redirectUri.scheme().toLower();
    if (!out->redirectUri.isValid() || out->redirectUri.isRelative()
        || scheme == QLatin1StringView("javascript") || scheme == QLatin1StringView("data"))
        return QStringLiteral("The redirect_uri \"%1\" is not a valid absolute URI.")
            .arg(out->rawRedirectUri);
    out->scopes = splitScopes(fields.value(QStringLiteral("scope")));
    if (out->scopes.isEmpty())
        return QStringLiteral("The scope parameter is missing: request at least one scope.");
    for (const QString& scope : std::as_const(out->scopes)) {
        if (scopeDescription(scope).isEmpty())
            return QStringLiteral("The scope \"%1\" is not available to this integration.")
                .arg(scope);
    }
    out->state = fields.value(QStringLiteral("state"));
    // PKCE (RFC 7636 4.3): only S256; a challenge is 43 base64url characters (a SHA-256).
    out->codeChallenge = fields.value(QStringLiteral("code_challenge"));
    const QString method = fields.value(QStringLiteral("code_challenge_method"));
    if (out->codeChallenge.isEmpty() && !method.isEmpty())
        return QStringLiteral("code_challenge_method was sent without a code_challenge.");
    if (!out->codeChallenge.isEmpty()) {
        if (method != QLatin1StringView("S256"))
            return QStringLiteral("Unsupported code_challenge_method \"%1\": only \"S256\" is "
                                  "supported.")
                .arg(method);
        static const QRegularExpression challengeFormat(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        if (!challengeFormat.match(out->codeChallenge).hasMatch())
            return QStringLiteral("The code_challenge is not a base64url SHA-256 value.");
    }
    return std::nullopt;
}

// RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge.
bool verifierMatches(const QString& verifier, const QString& challenge)
{
    static const QRegularExpression verifierFormat(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    if (!verifierFormat.match(verifier).hasMatch())
        return false;
    const QByteArray digest
        = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(base64Url(digest)) == challenge;
}

Reply consentPage(const SandboxData& data, const AuthorizeRequest& authorize)
{
    QString scopeItems;
    for (const QString& scope : authorize.scopes) {
        scopeItems += QStringLiteral("<li>%1 <code>%2</code></li>")
                          .arg(scopeDescription(scope).toHtmlEscaped(), scope.toHtmlEscaped());
    }
    QString options;
    for (const Location& location : data.locations()) {
        options += QStringLiteral("<option value=\"%1\">%2 (%3)</option>")
                       .arg(location.id.toHtmlEscaped(), location.name.toHtmlEscaped(),
                           location.address.toHtmlEscaped());
    }
    const QString content
        = QStringLiteral(
            "<h1>Connect %1</h1>"
            "<p class=\"muted\">%1 is asking for access to a sub-account.</p>"
            "<form id=\"consent\" method=\"post\" action=\"%2\">"
            "<p>It will be able to:</p><ul id=\"scopes\">%3</ul>"
            "<label for=\"location\">Sub-account</label>"
            "<select id=\"location\" name=\"location_id\">%4</select>%5"
            "<div class=\"actions\">"
            "<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny</button>"
            "<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow"
            "</button></div></form>")
              .arg(kAppName.toHtmlEscaped(), kDecisionPath, scopeItems, options,
                  hiddenInput(QStringLiteral("response_type"), QStringLiteral("code"))
                      + hiddenInput(QStringLiteral("client_id"), authorize.clientId)
                      + hiddenInput(QStringLiteral("redirect_uri"), authorize.rawRedirectUri)
                      + hiddenInput(QStringLiteral("scope"), authorize.scopes.join(u' '))
                      + hiddenInput(QStringLiteral("state"), authorize.state)
                      + (authorize.codeChallenge.isEmpty()
                              ? QString()
                              : hiddenInput(
                                    QStringLiteral("code_challenge"), authorize.codeChallenge)
                                  + hiddenInput(QStringLiteral("code_challenge_method"),
                                      QStringLiteral("S256"))));
    return Reply::html(200, page(QStringLiteral("Connect %1").arg(kAppName), content));
}

Reply decide(SandboxData& data, const Fields& fields)
{
    AuthorizeRequest authorize;
    if (const auto error = parseAuthorize(data, fields, &authorize))
        return errorPage(*error);
    QList<QPair<QString, QString>> parameters;
    const QString decision = fields.value(QStringLiteral("decision"));
    if (decision == QLatin1StringView("deny")) {
        parameters.append({QStringLiteral("error"), QStringLiteral("access_denied")});
    } else if (decision == QLatin1StringView("allow")) {
        const Location* location = data.location(fields.value(QStringLiteral("location_id")));
        if (!location)
            return errorPage(QStringLiteral("Choose one of the listed sub-accounts."));
        const qint64 now = data.clock().nowMs();
        auto& codes = data.authCodes();
        codes.removeIf([now](const auto& entry) { return entry.value().expiresAtMs <= now; });
        AuthCode code;
        code.code = randomToken(data.random(), 40);
        code.clientId = authorize.clientId;
        code.redirectUri = authorize.rawRedirectUri;
        code.userType = kLocation;
        code.locationId = location->id;
        code.companyId = location->companyId;
        code.scopes = authorize.scopes;
        code.expiresAtMs = now + codeLifetimeMs;
        code.codeChallenge = authorize.codeChallenge;
        codes.insert(code.code, code);
        parameters.append({QStringLiteral("code"), code.code});
    } else {
        return errorPage(QStringLiteral("Choose Allow or Deny."));
    }
    if (!authorize.state.isEmpty())
        parameters.append({QStringLiteral("state"), authorize.state});
    return Reply::redirect(withParameters(authorize.redirectUri, parameters));
}

} // namespace

OAuthRoutes::OAuthRoutes(SandboxData& data)
    : m_data(data)
    , m_installedAtMs(data.clock().nowMs())
{ }

std::optional<Reply> OAuthRoutes::handle(const Request& request)
{
    QString path = request.path;
    if (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    if (path.startsWith(QLatin1StringView("/v2/oauth/chooselocation")))
        path.remove(0, 3);
    else if (!path.startsWith(QLatin1StringView("/oauth/")))
        return std::nullopt;

    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (path == QLatin1StringView("/oauth/chooselocation") && get) {
        AuthorizeRequest authorize;
        if (const auto error = parseAuthorize(m_data, queryFields(request), &authorize))
            return errorPage(*error);
        return consentPage(m_data, authorize);
    }
    if (path == kDecisionPath && (get || post))
        return decide(m_data, get ? queryFields(request) : bodyFields(request));
    if (path == QLatin1StringView("/oauth/token") && post)
        return token(request);
    if (path == QLatin1StringView("/oauth/locationToken") && post)
        return locationToken(request);
    if (path == QLatin1StringView("/oauth/installedLocations") && get)
        return installedLocations(request);
    return std::nullopt;
}

Reply OAuthRoutes::token(const Request& request)
{
    const Fields fields = bodyFields(request);
    static const QRegularExpression clientIdFormat(QStringLiteral("^[0-9a-f]{24}-[0-9a-z]{8}$"));
    const OAuthApp& app = m_data.oauthApp();
    const QString clientId = fields.value(QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return oauthError(
            401, QStringLiteral("invalid_client"), QStringLiteral("client_id is required"));
    if (!clientIdFormat.match(clientId).hasMatch() || clientId != app.clientId)
        return oauthError(401, QStringLiteral("invalid_client"),
            QStringLiteral("No integration found for this client_id"));
    if (fields.value(QStringLiteral("client_secret")) != app.clientSecret)
        return oauthError(401, QStringLiteral("invalid_client"),
            QStringLiteral("Invalid client_secret for this client_id"));

    const QString grantType = fields.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return oauthError(
            400, QStringLiteral("invalid_request"), QStringLiteral("grant_type is required"));
    const QString userType = fields.value(QStringLiteral("user_type"));
    if (!userType.isEmpty() && userType != kLocation && userType != kCompany)
        return oauthError(400, QStringLiteral("invalid_request"),
            QStringLiteral("user_type must be Location or Company"));

    if (grantType == QLatin1StringView("authorization_code")) {
        const QString codeValue = fields.value(QStringLiteral("code"));
        if (codeValue.isEmpty())
            return oauthError(
                400, QStringLiteral("invalid_request"), QStringLiteral("code is required"));
        const auto it = m_data.authCodes().constFind(codeValue);
        if (it == m_data.authCodes().constEnd() || it->clientId != clientId)
            return oauthError(400, QStringLiteral("invalid_grant"),
                QStringLiteral("Invalid authorization code: it is unknown or has "
                               "already been used"));
        const AuthCode code = it.value();
        if (code.expiresAtMs <= m_data.clock().nowMs()) {
            m_data.authCodes().remove(codeValue);
            return oauthError(400, QStringLiteral("invalid_grant"),
                QStringLiteral("Authorization code has expired"));
        }
        const QString redirectUri = fields.value(QStringLiteral("redirect_uri"));
        if (!redirectUri.isEmpty() && redirectUri != code.redirectUri)
            return oauthError(400, QStringLiteral("invalid_grant"),
                QStringLiteral("redirect_uri does not match the one used in the "
                               "authorization request"));
        if (!code.codeChallenge.isEmpty()) {
            const QString verifier = fields.value(QStringLiteral("code_verifier"));
            // A wrong verifier spends the code, as a replayed code would be.
            m_data.authCodes().remove(codeValue);
            if (verifier.isEmpty())
                return oauthError(400, QStringLiteral("invalid_request"),
                    QStringLiteral("code_verifier is required: the authorization request "
                                   "carried a code_challenge"));
            if (!verifierMatches(verifier, code.codeChallenge))
                return oauthError(400, QStringLiteral("invalid_grant"),
                    QStringLiteral("code_verifier does not match the code_challenge"));
        }
        m_data.authCodes().remove(codeValue);
        const QString type = userType.isEmpty() ? code.userType : userType;
        return noStore(Reply::json(200,
            issueTokens(
                clientId, type, code.locationId, code.companyId, m_data.userId(), code.scopes)));
    }
    if (grantType == QLatin1StringView("refresh_token")) {
        const QString refreshValue = fields.value(QStringLiteral("refresh_token"));
        if (refreshValue.isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                QStringLiteral("refresh_token is required"));
        const auto it = m_data.refreshGrants().constFind(refreshValue);
        if (it == m_data.refreshGrants().constEnd() || it->clientId != clientId)
            return oauthError(400, QStringLiteral("invalid_grant"),
                QStringLiteral("Invalid refresh token: it is unknown or has "
                               "already been used"));
        // Rotation: the presented refresh token is spent whatever happens next.
        const RefreshGrant old = it.value();
        m_data.refreshGrants().remove(refreshValue);
        return noStore(Reply::json(200,
            issueTokens(
                clientId, old.userType, old.locationId, old.companyId, old.userId, old.scopes)));
    }
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
        QStringLiteral("grant_type \"%1\" is not supported").arg(grantType));
}

QJsonObject OAuthRoutes::issueTokens(const QString& clientId, const QString& userType,
    const QString& locationId, const QString& companyId, const QString& userId,
    const QStringList& scopes)
{
    const bool company = userType == kCompany;
    const qint64 now = m_data.clock().nowMs();
    const qint64 lifetimeS = m_data.settings().accessTokenLifetimeS;
    const OAuthApp& app = m_data.oauthApp();
    const QString authClassId = company ? companyId : locationId;
    const auto claims = [&](qint64 lifetime) {
        return QJsonObject {{QStringLiteral("authClass"), company ? kCompany : kLocation},
            {QStringLiteral("authClassId"), authClassId},
            {QStringLiteral("source"), QStringLiteral("INTEGRATION")},
            {QStringLiteral("sourceId"), clientId},
            {QStringLiteral("channel"), QStringLiteral("OAUTH")},
            {QStringLiteral("primaryAuthClassId"), authClassId},
            {QStringLiteral("oauthMeta"),
                QJsonObject {{QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                    {QStringLiteral("client"), app.appId},
                    {QStringLiteral("versionId"), app.versionId},
                    {QStringLiteral("clientKey"), clientId}}},
            {QStringLiteral("iat"), now / 1000}, {QStringLiteral("exp"), now / 1000 + lifetime}};
    };

    Grant grant;
    grant.token = jwtLike(m_data.random(), claims(lifetimeS));
    grant.kind = TokenKind::OAuthAccess;
    grant.userType = company ? kCompany : kLocation;
    grant.locationId = company ? QString() : locationId;
    grant.companyId = companyId;
    grant.clientId = clientId;
    grant.userId = userId;
    grant.scopes = scopes;
    grant.expiresAtMs = now + lifetimeS * 1000;
    m_data.grants().insert(grant.token, grant);

    RefreshGrant refresh;
    refresh.token = jwtLike(m_data.random(), claims(refreshLifetimeS));
    refresh.clientId = clientId;
    refresh.userType = grant.userType;
    refresh.locationId = grant.locationId;
    refresh.companyId = companyId;
    refresh.userId = userId;
    refresh.scopes = scopes;
    m_data.refreshGrants().insert(refresh.token, refresh);

    QJsonObject json {{QStringLiteral("access_token"), grant.token},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), lifetimeS}, {QStringLiteral("refresh_token"), refresh.token},
        {QStringLiteral("scope"), scopes.join(u' ')}, {QStringLiteral("userType"), grant.userType},
        {QStringLiteral("companyId"), companyId}, {QStringLiteral("userId"), userId},
        {QStringLiteral("isBulkInstallation"), false}};
    if (company) {
        QJsonArray approved;
        for (const Location& location : m_data.locations()) {
            if (location.companyId == companyId)
                approved.append(location.id);
        }
        json.insert(QStringLiteral("approvedLocations"), approved);
        json.insert(QStringLiteral("installToFutureLocations"), false);
        json.insert(QStringLiteral("approveAllLocations"), true);
    } else {
        json.insert(QStringLiteral("locationId"), locationId);
    }
    return json;
}

std::optional<Reply> OAuthRoutes::agencyGrant(const Request& request, const Grant** grant) const
{
    static const QList<QByteArray> versions {"2021-07-28", "2021-04-15", "2023-02-21", "v3"};
    const QByteArray version = request.header("version");
    if (version.isEmpty())
        return Reply::error(401, QStringLiteral("version header was not found."));
    if (!versions.contains(version))
        return Reply::error(401, QStringLiteral("version header is invalid"));
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return Reply::error(401, QStringLiteral("Invalid token: access token is invalid"));
    const Grant* found = authorization.size() > 7
            && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0
        ? m_data.grant(QString::fromUtf8(authorization.mid(7).trimmed()))
        : nullptr;
    if (!found || (found->expiresAtMs != 0 && found->expiresAtMs <= m_data.clock().nowMs()))
        return Reply::error(401, QStringLiteral("Invalid JWT"));
    if (found->userType != kCompany)
        return Reply::error(401,
            QStringLiteral("This authClass type is not allowed to access "
                           "this scope. Please reach out to the Platform "
                           "team to get it added."));
    *grant = found;
    return std::nullopt;
}

Reply OAuthRoutes::locationToken(const Request& request)
{
    const Grant* grant = nullptr;
    if (auto denied = agencyGrant(request, &grant))
        return *denied;
    const Fields fields = bodyFields(request);
    QStringList problems;
    for (const QString& key : {QStringLiteral("companyId"), QStringLiteral("locationId")}) {
        if (fields.value(key).isEmpty())
            problems.append(QStringLiteral("%1 should not be empty").arg(key));
    }
    if (!problems.isEmpty())
        return Reply::validation(problems);
    const QString companyId = fields.value(QStringLiteral("companyId"));
    const QString locationId = fields.value(QStringLiteral("locationId"));
    if (companyId != grant->companyId)
        return Reply::error(403, QStringLiteral("The token does not have access to this company."));
    const Location* location = m_data.location(locationId);
    if (!location || location->companyId != companyId)
        return Reply::error(400,
            QStringLiteral("Location %1 is not a sub-account of company %2 "
                           "or the app is not installed there.")
                .arg(locationId, companyId));
    const Grant company = *grant;
    QJsonObject json = issueTokens(
        company.clientId, kLocation, location->id, companyId, company.userId, company.scopes);
    json.remove(QStringLiteral("isBulkInstallation"));
    json.insert(QStringLiteral("appId"), m_data.oauthApp().appId);
    json.insert(QStringLiteral("versionId"), m_data.oauthApp().versionId);
    return noStore(Reply::json(200, json));
}

Reply OAuthRoutes::installedLocations(const Request& request)
{
    const Grant* grant = nullptr;
    if (auto denied = agencyGrant(request, &grant))
        return *denied;
    const Fields fields = queryFields(request);
    QStringList problems;
    for (const QString& key : {QStringLiteral("companyId"), QStringLiteral("appId")}) {
        if (fields.value(key).isEmpty())
            problems.append(QStringLiteral("%1 should not be empty").arg(key));
    }
    if (!problems.isEmpty())
        return Reply::validation(problems);
    const QString companyId = fields.value(QStringLiteral("companyId"));
    const OAuthApp& app = m_data.oauthApp();
    if (companyId != grant->companyId)
        return Reply::error(403, QStringLiteral("The token does not have access to this company."));
    if (fields.value(QStringLiteral("appId")) != app.appId)
        return Reply::error(400,
            QStringLiteral("No app found with id %1.").arg(fields.value(QStringLiteral("appId"))));

    bool ok = false;
    const int skip = qMax(0, fields.value(QStringLiteral("skip")).toInt(&ok));
    int limit = fields.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        limit = 20;
    const QString nameQuery = fields.value(QStringLiteral("query")).trimmed();
    const QString locationFilter = fields.value(QStringLiteral("locationId"));
    const QString versionFilter = fields.value(QStringLiteral("versionId"));
    // Every location of the company has the app installed, at the current version, without a
    // trial or a plan; a filter asking for anything else matches nothing.
    const bool none = fields.value(QStringLiteral("isInstalled")) == QLatin1StringView("false")
        || fields.value(QStringLiteral("onTrial")) == QLatin1StringView("true")
        || !fields.value(QStringLiteral("planId")).isEmpty()
        || (!versionFilter.isEmpty() && versionFilter != app.versionId);

    QJsonArray page;
    int count = 0;
    for (const Location& location : m_data.locations()) {
        if (none || location.companyId != companyId
            || (!locationFilter.isEmpty() && location.id != locationFilter)
            || (!nameQuery.isEmpty() && !location.name.contains(nameQuery, Qt::CaseInsensitive)))
            continue;
        if (count >= skip && page.size() < limit) {
            page.append(QJsonObject {{QStringLiteral("_id"), location.id},
                {QStringLiteral("name"), location.name},
                {QStringLiteral("address"), location.address},
                {QStringLiteral("isInstalled"), true}, {QStringLiteral("versionId"), app.versionId},
                {QStringLiteral("installedAt"), isoUtc(m_installedAtMs)}});
        }
        ++count;
    }
    return Reply::json(200,
        {{QStringLiteral("locations"), page}, {QStringLiteral("count"), count},
            {QStringLiteral("installToFutureLocations"), false}});
}

} // namespace ContactDesk::Sandbox
