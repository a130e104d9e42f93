#include "auth/connectionsession.h"

#include "api/apiclient.h"
#include "auth/logging.h"
#include "auth/oauthflow.h"
#include "auth/tokenmanager.h"

namespace ContactDesk::Auth {

PrivateTokenProvider::PrivateTokenProvider(
    SecretStore& secrets, QString connectionId, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_connectionId(std::move(connectionId))
{ }

PrivateTokenProvider::~PrivateTokenProvider()
{
    ++m_generation;
    answer({}, tr("The connection was closed."));
}

void PrivateTokenProvider::withToken(Callback done)
{
    if (!m_token.isEmpty()) {
        done(m_token, {});
        return;
    }
    m_waiters.append(std::move(done));
    if (m_reading)
        return;
    m_reading = true;
    const quint64 generation = m_generation;
    QPointer<PrivateTokenProvider> self(this);
    m_secrets.read(m_connectionId, SecretKind::PrivateIntegrationToken,
        [self, generation](const QString& value, bool found, const QString& error) {
            if (!self || self->m_generation != generation)
                return;
            self->m_reading = false;
            if (!error.isEmpty()) {
                self->answer({}, error);
                return;
            }
            if (!found || value.isEmpty()) {
                qCWarning(lcAuth) << "connection" << self->m_connectionId
                                  << "has no private integration token stored";
                self->answer({},
                    tr("No private integration token is stored for this connection. Use "
                       "\"Replace token\" in the connection settings."));
                return;
            }
            self->m_token = value;
            self->answer(value, {});
        });
}

void PrivateTokenProvider::tokenRejected(const QString& rejected, Callback done)
{
    // Replaced while the request was out: the new token gets its chance.
    if (!m_token.isEmpty() && rejected != m_token) {
        done(m_token, {});
        return;
    }
    qCWarning(lcAuth) << "connection" << m_connectionId
                      << "its private integration token was refused";
    Q_EMIT refused(m_connectionId);
    done({},
        tr("HighLevel refused the private integration token. Use \"Replace token\" in the "
           "connection settings to paste a new one."));
}

void PrivateTokenProvider::setToken(const QString& token)
{
    // A read still in flight would bring back the old token.
    ++m_generation;
    m_reading = false;
    m_token = token;
    if (!token.isEmpty())
        answer(token, {});
}

void PrivateTokenProvider::answer(const QString& token, const QString& error)
{
    const QList<Callback> waiters = std::exchange(m_waiters, {});
    for (const Callback& done : waiters)
        done(token, error);
}

ConnectionSession::ConnectionSession(QNetworkAccessManager& network, SecretStore& secrets,
    const Clock& clock, Connection connection, QObject* parent)
    : QObject(parent)
    , m_connection(std::move(connection))
{
    if (m_connection.authKind == AuthKind::OAuth) {
        m_oauth = new OAuthTokenProvider(network, secrets, clock, m_connection, this);
        connect(m_oauth, &OAuthTokenProvider::connectionChanged, this,
            [this](const Connection& changed) {
                m_connection = changed;
                Q_EMIT connectionChanged(changed);
            });
        connect(m_oauth, &OAuthTokenProvider::needsSignIn, this, &ConnectionSession::needsSignIn);
    } else {
        m_private = new PrivateTokenProvider(secrets, m_connection.id, this);
        connect(m_private, &PrivateTokenProvider::refused, this, &ConnectionSession::needsSignIn);
    }
}

ConnectionSession::~ConnectionSession()
{
    delete m_oauth;
    delete m_private;
}

Api::ApiConfig ConnectionSession::apiConfig() const
{
    Api::ApiConfig config;
    config.baseUrl = OAuthWire::apiBaseUrl(m_connection);
    config.locationId = m_connection.locationId;
    config.companyId = m_connection.companyId;
    return config;
}

Api::TokenProvider& ConnectionSession::tokens()
{
    if (m_oauth)
        return *m_oauth;
    return *m_private;
}

void ConnectionSession::setPrivateIntegrationToken(const QString& token)
{
    if (m_private)
        m_private->setToken(token);
}

void ConnectionSession::setClientSecret(const QString& clientSecret)
{
    if (m_oauth)
        m_oauth->setClientSecret(clientSecret);
}

} // namespace ContactDesk::Auth
