#include "auth/connectioncheck.h"

#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "auth/logging.h"
#include "auth/oauthflow.h"
#include "common/clock.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace ContactDesk::Auth {

namespace {

constexpr qint64 checkTimeoutMs = 20000;

QString translate(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Auth::ConnectionCheck", text);
}

QString hostOf(const QUrl& url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

// The token under test; the client asks for it before its one attempt.
class ConnectionCheck::CheckedToken final : public Api::TokenProvider
{
public:
    QString token;

    void withToken(Callback done) override
    {
        if (token.isEmpty())
            done({}, translate("No token was given."));
        else
            done(token, {});
    }
    void tokenRejected(const QString&, Callback done) override
    {
        // A pasted token cannot be renewed: the 401 itself is the answer.
        done({}, translate("The token was refused."));
    }
};

Api::ApiJob* startConnectionCheck(Api::ApiClient& client, const QString& locationId)
{
    Api::RequestSpec spec;
    spec.query = {
        {QStringLiteral("locationId"), locationId}, {QStringLiteral("limit"), QStringLiteral("1")}};
    return client.call(QStringLiteral("get-contacts"), spec);
}

QString connectionCheckFailureText(
    const Api::ApiError& error, const QUrl& baseUrl, const QString& locationId)
{
    using Kind = Api::ApiError::Kind;
    switch (error.kind()) {
    case Kind::None:
        return {};
    case Kind::Unauthorized:
        return translate("The token was refused (HTTP 401). Check that you copied the whole "
                         "token and that it was not deleted or replaced in HighLevel.");
    case Kind::ScopeNotGranted:
        return translate("The token is missing a scope (%1). Give it contacts.readonly and "
                         "contacts.write in HighLevel, then paste the new token.")
            .arg(error.messages().join(QStringLiteral("; ")));
    case Kind::Forbidden:
        return translate("The token has no access to the location %1 (HTTP 403). Check the "
                         "location id, or use a token made in that sub-account.")
            .arg(locationId);
    case Kind::NotFound:
    case Kind::BadRequest:
    case Kind::Validation:
        return translate("HighLevel refused the location id %1: %2")
            .arg(locationId, error.messages().join(QStringLiteral("; ")));
    case Kind::VersionRejected:
        return error.userText();
    case Kind::Network:
        return translate("%1 could not be reached. Check the address and the network "
                         "connection.")
            .arg(hostOf(baseUrl));
    case Kind::Timeout:
        return translate("%1 did not answer in time. Try again.").arg(hostOf(baseUrl));
    case Kind::IncorrectResponse:
        return translate("%1 did not answer like HighLevel's API. Check the address.")
            .arg(hostOf(baseUrl));
    case Kind::Cancelled:
        return translate("The check was cancelled.");
    default:
        return error.userText();
    }
}

ConnectionCheck::ConnectionCheck(
    QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_tokens(std::make_unique<CheckedToken>())
    , m_budget(std::make_unique<Api::RateBudget>(clock))
{ }

ConnectionCheck::~ConnectionCheck()
{
    ++m_generation;
    if (m_reply)
        m_reply->abort();
    // The clients use the budget and the token: they go first.
    const QList<Api::ApiClient*> clients
        = findChildren<Api::ApiClient*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(clients);
}

void ConnectionCheck::cancel()
{
    ++m_generation;
    m_running = false;
    if (m_job)
        m_job->cancel();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply.clear();
        reply->abort();
    }
}

void ConnectionCheck::checkToken(
    const QUrl& baseUrl, const QString& token, const QString& locationId)
{
    cancel();
    if (m_client)
        m_client->deleteLater();
    m_running = true;
    const quint64 generation = m_generation;
    m_tokens->token = token;

    Api::ApiConfig config;
    config.baseUrl = baseUrl;
    config.locationId = locationId;
    config.retry.backoffMs.clear();
    config.retry.maxRateLimitRetries = 0;
    config.retry.transferTimeoutMs = checkTimeoutMs;
    m_client = new Api::ApiClient(m_network, *m_tokens, *m_budget, m_clock, config, this);
    connect(m_client, &Api::ApiClient::exchanged, this, &ConnectionCheck::exchanged);

    qCInfo(lcAuth) << "checking a token against" << baseUrl.host() << "for location" << locationId;
    m_job = startConnectionCheck(*m_client, locationId);
    m_job->onFinished(this, [this, generation, baseUrl, locationId](const Api::ApiJob& job) {
        if (generation != m_generation)
            return;
        ConnectionCheckResult result;
        result.error = job.error();
        result.ok = !result.error.isError();
        result.message = result.ok
            ? tr("HighLevel accepted the token for the location %1.").arg(locationId)
            : connectionCheckFailureText(result.error, baseUrl, locationId);
        if (!result.ok)
            qCInfo(lcAuth) << "token check failed:" << Api::ApiError::kindName(result.error.kind())
                           << result.error.httpStatus();
        finish(result);
    });
}

void ConnectionCheck::checkClientCredentials(
    const Connection& connection, const QString& clientSecret)
{
    cancel();
    m_running = true;
    const quint64 generation = m_generation;
    const QUrl base = OAuthWire::apiBaseUrl(connection);
    const QUrl url = OAuthWire::endpoint(base, QStringLiteral("/oauth/token"));
    // Never a real refresh token: one that matched something would be spent.
    const QString probe = QStringLiteral("contactdesk-credentials-check-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray body = OAuthWire::formEncode({
        {QStringLiteral("client_id"), connection.clientId},
        {QStringLiteral("client_secret"), clientSecret},
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), probe},
        {QStringLiteral("user_type"), QStringLiteral("Location")},
    });
    qCInfo(lcAuth) << "checking an OAuth app's client credentials at" << url.host();
    const qint64 sentAtMs = m_clock.nowMs();
    QNetworkReply* reply = m_network.post(OAuthWire::formRequest(url), body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, sentAtMs, base] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_reply.clear();
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        const TokenReply token = OAuthWire::readTokenReply(reply, answer, sentAtMs);
        ConnectionCheckResult result;
        if (token.status == 0) {
            result.message
                = tr("%1 could not be reached (%2).").arg(hostOf(base), reply->errorString());
        } else if (token.error == QLatin1StringView("invalid_client") || token.status == 401) {
            result.message = tr("HighLevel did not accept the client id and secret (%1). Copy "
                                "both again from My Apps > your app > Auth.")
                                 .arg(token.message);
        } else if (token.invalidGrant() || token.tokens) {
            result.ok = true;
            result.message = tr("HighLevel accepted the client id and secret. Sign in to "
                                "finish.");
        } else {
            result.message = tr("The client id and secret could not be confirmed: %1 answered "
                                "HTTP %2 (%3).")
                                 .arg(hostOf(base))
                                 .arg(token.status)
                                 .arg(token.message);
        }
        qCInfo(lcAuth) << "client credentials check:" << (result.ok ? "accepted" : "refused")
                       << token.status << token.error;
        finish(result);
    });
}

void ConnectionCheck::finish(const ConnectionCheckResult& result)
{
    m_running = false;
    m_job.clear();
    Q_EMIT finished(result);
}

} // namespace ContactDesk::Auth
