#include "auth/oauthflow.h"

#include "api/endpointcatalog.h"
#include "auth/logging.h"
#include "common/clock.h"
#include "common/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <array>

namespace ContactDesk::Auth {

namespace {

constexpr int transferTimeoutMs = 30000;
const char* const tooLargeProperty = "contactdesk.answerTooLarge";
constexpr int locationsPageSize = 100;
// An agency with more sub-accounts than this has the picker's search to narrow it down; the
// list stops rather than paging without end against a misbehaving server.
constexpr int maxLocationPages = 50;

QString translate(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Auth", text);
}

// Compares without an early exit, so the time taken does not tell how much of a guess matched.
bool sameSecret(const QString& a, const QString& b)
{
    const QByteArray left = a.toUtf8();
    const QByteArray right = b.toUtf8();
    if (left.size() != right.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < left.size(); ++i)
        difference |= static_cast<unsigned char>(left.at(i) ^ right.at(i));
    return difference == 0;
}

// 256 bits from the operating system's CSPRNG, base64url so it survives any query encoder.
QString randomUrlSafe()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))).
QString s256Challenge(const QString& verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int defaultPort(const QString& scheme)
{
    if (scheme.compare(QLatin1StringView("http"), Qt::CaseInsensitive) == 0)
        return 80;
    if (scheme.compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0)
        return 443;
    return -1;
}

QString normalisedPath(const QUrl& url)
{
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

// A redirect's query as a form decoder reads it: '+' is a space, and a literal plus arrives as
// %2B, so turning '+' into %20 first decodes exactly.
QUrlQuery formQuery(const QUrl& url)
{
    QString encoded = url.query(QUrl::FullyEncoded);
    encoded.replace(u'+', QLatin1StringView("%20"));
    return QUrlQuery(encoded);
}

QString queryValue(const QUrlQuery& query, const QString& key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QString jsonText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

// HighLevel answers errors in two shapes: OAuth's `{error, error_description}` and the API's
// `{statusCode, message}` where `message` may be a list.
QString errorDescription(int status, const QJsonObject& object, QString* code = nullptr)
{
    const QString error = object.value(QStringLiteral("error")).toString();
    if (code)
        *code = error;
    QString description = object.value(QStringLiteral("error_description")).toString();
    if (description.isEmpty()) {
        const QJsonValue message = object.value(QStringLiteral("message"));
        if (message.isArray()) {
            QStringList parts;
            const QJsonArray items = message.toArray();
            for (const QJsonValue& item : items)
                parts.append(item.toString());
            description = parts.join(QLatin1StringView(", "));
        } else {
            description = message.toString();
        }
    }
    if (!error.isEmpty() && !description.isEmpty())
        return QStringLiteral("%1: %2").arg(error, description);
    if (!description.isEmpty())
        return description;
    if (!error.isEmpty())
        return error;
    return translate("HTTP status %1").arg(status);
}

QString transportProblem(QNetworkReply* reply)
{
    return translate("could not reach %1 (%2)").arg(reply->url().host(), reply->errorString());
}

int httpStatus(QNetworkReply* reply)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    return status.isValid() ? status.toInt() : 0;
}

QNetworkRequest agencyRequest(const QUrl& url, const QString& companyToken)
{
    QNetworkRequest request = OAuthWire::jsonRequest(url);
    request.setRawHeader("Authorization", "Bearer " + companyToken.toUtf8());
    request.setRawHeader("Version", QByteArray(Api::apiVersion.data(), Api::apiVersion.size()));
    return request;
}

} // namespace

namespace OAuthWire {

QStringList defaultScopes()
{
    return Api::catalogScopes();
}

QUrl authorizeBaseUrl(const Connection& connection)
{
    if (!connection.authorizeBaseUrl.isEmpty())
        return connection.authorizeBaseUrl;
    if (connection.environment == Environment::Production)
        return QUrl(QString(standardAuthorizeBase));
    return connection.baseUrl;
}

QUrl apiBaseUrl(const Connection& connection)
{
    if (connection.baseUrl.isEmpty() && connection.environment == Environment::Production)
        return QUrl(QString(productionApiBase));
    return connection.baseUrl;
}

QUrl endpoint(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QByteArray formEncode(const QList<QPair<QString, QString>>& fields)
{
    QByteArray encoded;
    for (const auto& [key, value] : fields) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

QNetworkRequest jsonRequest(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", ContactDesk::userAgent());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // A token endpoint that redirects is misconfigured; following it could post the client
    // secret to another host.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(transferTimeoutMs);
    return request;
}

QNetworkRequest formRequest(const QUrl& url)
{
    QNetworkRequest request = jsonRequest(url);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return request;
}

TokenReply readTokenReply(QNetworkReply* reply, const QByteArray& body, qint64 sentAtMs)
{
    TokenReply result;
    result.status = httpStatus(reply);
    if (body.size() > maxTokenAnswerBytes || reply->property(tooLargeProperty).toBool()) {
        result.message = translate("the answer from %1 was larger than %2 KiB, far more than a "
                                   "token answer needs; it was not read")
                             .arg(reply->url().host())
                             .arg(maxTokenAnswerBytes / 1024);
        return result;
    }
    if (result.status == 0) {
        result.message = transportProblem(reply);
        return result;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (result.status < 200 || result.status >= 300) {
        result.message = errorDescription(result.status, object, &result.error);
        return result;
    }
    TokenSet tokens;
    tokens.accessToken = object.value(QStringLiteral("access_token")).toString();
    if (tokens.accessToken.isEmpty()) {
        result.message
            = translate("the answer from %1 carried no access token").arg(reply->url().host());
        return result;
    }
    tokens.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    // Clamped, so a hostile or broken lifetime cannot overflow the expiry or keep a token for
    // ever; none, zero or negative is "unknown" (used until a 401).
    const qint64 expiresIn
        = std::clamp(jsonText(object.value(QStringLiteral("expires_in"))).toLongLong(), qint64(0),
            maxTokenLifetimeS);
    if (expiresIn > 0)
        tokens.expiresAt = QDateTime::fromMSecsSinceEpoch(sentAtMs + expiresIn * 1000, Qt::UTC);
    const QJsonValue scope = object.value(QStringLiteral("scope"));
    if (scope.isArray()) {
        const QJsonArray scopes = scope.toArray();
        for (const QJsonValue& item : scopes)
            tokens.scopes.append(item.toString());
    } else {
        static const QRegularExpression separators(QStringLiteral("[\\s+]+"));
        tokens.scopes = scope.toString().split(separators, Qt::SkipEmptyParts);
    }
    tokens.locationId = jsonText(object.value(QStringLiteral("locationId")));
    tokens.companyId = jsonText(object.value(QStringLiteral("companyId")));
    tokens.userId = jsonText(object.value(QStringLiteral("userId")));
    tokens.userType = object.value(QStringLiteral("userType")).toString();
    if (tokens.userType.isEmpty())
        tokens.userType = tokens.locationId.isEmpty() && !tokens.companyId.isEmpty()
            ? QStringLiteral("Company")
            : QStringLiteral("Location");
    result.tokens = tokens;
    return result;
}

void capAnswer(QNetworkReply* reply)
{
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > maxTokenAnswerBytes && !reply->property(tooLargeProperty).toBool()) {
            reply->setProperty(tooLargeProperty, true);
            reply->abort();
        }
    });
}

QString appIdFromClientId(const QString& clientId)
{
    return clientId.section(u'-', 0, 0);
}

} // namespace OAuthWire

OAuthFlow::OAuthFlow(QNetworkAccessManager& network, const Clock& clock,
    const Connection& connection, QString clientSecret, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_connection(connection)
    , m_clientSecret(std::move(clientSecret))
    , m_scopes(OAuthWire::defaultScopes())
    , m_state(randomUrlSafe())
    , m_codeVerifier(randomUrlSafe())
{ }

OAuthFlow::~OAuthFlow()
{
    // Aborting calls the reply's handler at once; it must not report a result from here.
    m_finished = true;
    if (m_reply)
        m_reply->abort();
}

void OAuthFlow::setRedirectUri(const QUrl& redirectUri)
{
    m_redirectUri = redirectUri;
}

void OAuthFlow::setScopes(const QStringList& scopes)
{
    m_scopes = scopes;
}

void OAuthFlow::setUserType(const QString& userType)
{
    m_userType = userType;
}

QUrl OAuthFlow::authorizeUrl() const
{
    if (!m_redirectUri.isValid() || m_redirectUri.isEmpty())
        return {};
    QUrl url = OAuthWire::endpoint(
        OAuthWire::authorizeBaseUrl(m_connection), QStringLiteral("/oauth/chooselocation"));
    const QByteArray query = OAuthWire::formEncode({
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), m_connection.clientId},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), m_scopes.join(u' ')},
        {QStringLiteral("state"), m_state},
        {QStringLiteral("code_challenge"), s256Challenge(m_codeVerifier)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    });
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

bool OAuthFlow::isRedirect(const QUrl& url) const
{
    if (!url.isValid() || !m_redirectUri.isValid() || m_redirectUri.isEmpty())
        return false;
    const QString scheme = m_redirectUri.scheme();
    return url.scheme().compare(scheme, Qt::CaseInsensitive) == 0
        && url.host().compare(m_redirectUri.host(), Qt::CaseInsensitive) == 0
        && url.port(defaultPort(scheme)) == m_redirectUri.port(defaultPort(scheme))
        && url.userInfo() == m_redirectUri.userInfo()
        && normalisedPath(url) == normalisedPath(m_redirectUri);
}

void OAuthFlow::handleRedirect(const QUrl& url)
{
    // A reload or a second hit on the loopback listener must not start a second exchange.
    if (m_finished || m_redirectTaken)
        return;
    if (!isRedirect(url)) {
        fail(tr("The sign-in ended at an address that is not this app's redirect URI."));
        return;
    }
    m_redirectTaken = true;
    stopLoopback();

    const QUrlQuery query = formQuery(url);
    if (!sameSecret(queryValue(query, QStringLiteral("state")), m_state)) {
        qCWarning(lcAuth) << "sign-in: the redirect's state does not match; nothing exchanged";
        fail(tr("The answer from HighLevel did not belong to this sign-in (the state did not "
                "match), so it was ignored. Start the sign-in again."));
        return;
    }
    const QString error = queryValue(query, QStringLiteral("error"));
    if (error == QLatin1StringView("access_denied")) {
        finish(SignInResult::Outcome::Cancelled, tr("Sign-in was cancelled by the user."));
        return;
    }
    if (!error.isEmpty()) {
        const QString description = queryValue(query, QStringLiteral("error_description"));
        fail(tr("HighLevel refused the sign-in: %1")
                 .arg(description.isEmpty() ? error
                                            : QStringLiteral("%1 (%2)").arg(description, error)));
        return;
    }
    const QString code = queryValue(query, QStringLiteral("code"));
    if (code.isEmpty()) {
        fail(tr("HighLevel's answer carried no authorization code."));
        return;
    }
    exchangeCode(code);
}

void OAuthFlow::exchangeCode(const QString& code)
{
    const QUrl url
        = OAuthWire::endpoint(OAuthWire::apiBaseUrl(m_connection), QStringLiteral("/oauth/token"));
    qCInfo(lcAuth) << "sign-in: exchanging the authorization code at" << url.host();
    const QByteArray body = OAuthWire::formEncode({
        {QStringLiteral("client_id"), m_connection.clientId},
        {QStringLiteral("client_secret"), m_clientSecret},
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("code_verifier"), m_codeVerifier},
        {QStringLiteral("user_type"), m_userType},
    });
    const qint64 sentAtMs = m_clock.nowMs();
    send(OAuthWire::formRequest(url), "POST", body,
        [this, sentAtMs](QNetworkReply* reply, const QByteArray& answer) {
            const TokenReply result = OAuthWire::readTokenReply(reply, answer, sentAtMs);
            if (!result.tokens) {
                qCWarning(lcAuth) << "sign-in: code exchange refused, status" << result.status
                                  << result.error;
                fail(tr("HighLevel did not accept the authorization: %1").arg(result.message));
                return;
            }
            handleTokens(*result.tokens);
        });
}

void OAuthFlow::handleTokens(const TokenSet& tokens)
{
    if (tokens.isCompany()) {
        qCInfo(lcAuth) << "sign-in: got an agency token; listing installed sub-accounts";
        m_companyTokens = tokens;
        m_locations.clear();
        listLocations(0);
        return;
    }
    if (tokens.locationId.isEmpty()) {
        fail(tr("HighLevel's token names no sub-account."));
        return;
    }
    finish(SignInResult::Outcome::SignedIn, {}, tokens);
}

void OAuthFlow::listLocations(int skip)
{
    QUrl url = OAuthWire::endpoint(
        OAuthWire::apiBaseUrl(m_connection), QStringLiteral("/oauth/installedLocations"));
    url.setQuery(QString::fromLatin1(OAuthWire::formEncode({
                     {QStringLiteral("companyId"), m_companyTokens.companyId},
                     {QStringLiteral("appId"), OAuthWire::appIdFromClientId(m_connection.clientId)},
                     {QStringLiteral("isInstalled"), QStringLiteral("true")},
                     {QStringLiteral("skip"), QString::number(skip)},
                     {QStringLiteral("limit"), QString::number(locationsPageSize)},
                 })),
        QUrl::StrictMode);
    send(agencyRequest(url, m_companyTokens.accessToken), "GET", QByteArray(),
        [this, skip](QNetworkReply* reply, const QByteArray& answer) {
            const int status = httpStatus(reply);
            const QJsonObject object = QJsonDocument::fromJson(answer).object();
            if (status != 200) {
                fail(tr("HighLevel did not list the agency's sub-accounts: %1")
                         .arg(status == 0 ? transportProblem(reply)
                                          : errorDescription(status, object)));
                return;
            }
            const QJsonArray page = object.value(QStringLiteral("locations")).toArray();
            for (const QJsonValue& item : page) {
                const QJsonObject location = item.toObject();
                const QString id = jsonText(location.value(QStringLiteral("_id")));
                if (!id.isEmpty())
                    m_locations.append({id, location.value(QStringLiteral("name")).toString(),
                        location.value(QStringLiteral("address")).toString()});
            }
            const int count = object.value(QStringLiteral("count")).toInt();
            const int next = skip + int(page.size());
            if (!page.isEmpty() && next < count && next / locationsPageSize < maxLocationPages) {
                listLocations(next);
                return;
            }
            if (m_locations.isEmpty()) {
                fail(tr("The app is not installed on any sub-account of this agency. Install it "
                        "on one in HighLevel, then sign in again."));
                return;
            }
            Q_EMIT locationChoiceNeeded(m_locations);
        });
}

void OAuthFlow::chooseLocation(const QString& locationId)
{
    if (m_finished || m_companyTokens.accessToken.isEmpty() || m_reply)
        return;
    const QUrl url = OAuthWire::endpoint(
        OAuthWire::apiBaseUrl(m_connection), QStringLiteral("/oauth/locationToken"));
    QNetworkRequest request = agencyRequest(url, m_companyTokens.accessToken);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray body = OAuthWire::formEncode({
        {QStringLiteral("companyId"), m_companyTokens.companyId},
        {QStringLiteral("locationId"), locationId},
    });
    const qint64 sentAtMs = m_clock.nowMs();
    send(request, "POST", body,
        [this, sentAtMs, locationId](QNetworkReply* reply, const QByteArray& answer) {
            TokenReply result = OAuthWire::readTokenReply(reply, answer, sentAtMs);
            if (!result.tokens) {
                fail(tr("HighLevel did not issue a token for the sub-account: %1")
                         .arg(result.message));
                return;
            }
            TokenSet tokens = *result.tokens;
            tokens.userType = QStringLiteral("Location");
            if (tokens.locationId.isEmpty())
                tokens.locationId = locationId;
            if (tokens.companyId.isEmpty())
                tokens.companyId = m_companyTokens.companyId;
            if (tokens.userId.isEmpty())
                tokens.userId = m_companyTokens.userId;
            finish(SignInResult::Outcome::SignedIn, {}, tokens);
        });
}

void OAuthFlow::cancel()
{
    if (!m_finished)
        finish(SignInResult::Outcome::Cancelled, tr("Sign-in was cancelled by the user."));
}

bool OAuthFlow::startLoopback(const BrowserOpener& openBrowser, quint16 port, const QString& path)
{
    if (m_finished)
        return false;
    stopLoopback();
    // RFC 8252 7.3: the loopback IP literal, never "localhost" (which may resolve elsewhere) and
    // never every interface.
    m_loopback = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, port, this);
    if (!m_loopback->isListening()) {
        fail(tr("ContactDesk could not listen on 127.0.0.1:%1 for HighLevel's answer.").arg(port));
        return false;
    }
    QString callbackPath = path;
    while (callbackPath.startsWith(u'/'))
        callbackPath.remove(0, 1);
    m_loopback->setCallbackPath(callbackPath);
    m_loopback->setCallbackText(tr("ContactDesk has received HighLevel's answer. You can close "
                                   "this tab and return to ContactDesk."));
    QUrl redirect;
    redirect.setScheme(QStringLiteral("http"));
    redirect.setHost(QStringLiteral("127.0.0.1"));
    redirect.setPort(m_loopback->port());
    redirect.setPath(u'/' + callbackPath);
    setRedirectUri(redirect);
    connect(m_loopback, &QAbstractOAuthReplyHandler::callbackReceived, this,
        [this](const QVariantMap& values) {
            // Anything on this machine can reach the port: a browser's prefetch, a favicon, a
            // page probing it. Only the answer that carries this sign-in's state ends it; any
            // other request is ignored and the listener keeps waiting.
            if (m_finished || m_redirectTaken
                || !sameSecret(values.value(QStringLiteral("state")).toString(), m_state)) {
                qCWarning(lcAuth) << "sign-in: ignored a request to the loopback listener that "
                                     "does not carry this sign-in's state";
                return;
            }
            QList<QPair<QString, QString>> items;
            for (auto it = values.begin(); it != values.end(); ++it)
                items.append({it.key(), it.value().toString()});
            QUrl url = m_redirectUri;
            url.setQuery(QString::fromLatin1(OAuthWire::formEncode(items)), QUrl::StrictMode);
            handleRedirect(url);
        });
    qCInfo(lcAuth) << "sign-in: waiting for the system browser on port" << m_loopback->port();
    openBrowser(authorizeUrl());
    return true;
}

void OAuthFlow::stopLoopback()
{
    // Only stops listening: the handler still owns the socket it is answering the browser on.
    if (m_loopback)
        m_loopback->close();
}

void OAuthFlow::send(const QNetworkRequest& request, const QByteArray& method,
    const QByteArray& body, std::function<void(QNetworkReply*, const QByteArray&)> done)
{
    QNetworkReply* reply = body.isNull() ? m_network.sendCustomRequest(request, method)
                                         : m_network.sendCustomRequest(request, method, body);
    OAuthWire::capAnswer(reply);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply.clear();
        if (m_finished)
            return;
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        done(reply, answer);
    });
}

void OAuthFlow::finish(
    SignInResult::Outcome outcome, const QString& message, const TokenSet& tokens)
{
    if (m_finished)
        return;
    m_finished = true;
    stopLoopback();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply.clear();
        reply->abort();
    }
    m_companyTokens = {};
    SignInResult result;
    result.outcome = outcome;
    result.message = message;
    result.tokens = tokens;
    if (outcome == SignInResult::Outcome::Failed)
        qCWarning(lcAuth) << "sign-in failed:" << message;
    else
        qCInfo(lcAuth) << "sign-in"
                       << (outcome == SignInResult::Outcome::SignedIn ? "succeeded" : "cancelled");
    Q_EMIT finished(result);
}

} // namespace ContactDesk::Auth
