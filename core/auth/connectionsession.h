#pragma once

#include "api/tokenprovider.h"
#include "auth/connection.h"
#include "auth/secretstore.h"
#include "auth/tokenmanager.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
struct ApiConfig;
} // namespace ContactDesk::Api

namespace ContactDesk::Auth {

// The bearer token of a private integration token connection. The token is read from the
// secret store on first use (callers wait for the one read) and kept in memory; a pasted
// replacement takes over at once through setToken(). A token HighLevel refuses cannot be renewed:
// tokenRejected() answers with an error naming "Replace token", and refused() is emitted.
class PrivateTokenProvider : public QObject, public Api::TokenProvider
{
    Q_OBJECT

public:
    PrivateTokenProvider(SecretStore& secrets, QString connectionId, QObject* parent = nullptr);
    ~PrivateTokenProvider() override;

    void withToken(Callback done) override;
    void tokenRejected(const QString& rejected, Callback done) override;

    // A replaced token (already stored by whoever replaced it), or a token that lives in memory
    // only (the built-in sandbox's).
    void setToken(const QString& token);
    bool hasToken() const { return !m_token.isEmpty(); }

Q_SIGNALS:
    void refused(const QString& connectionId);

private:
    void answer(const QString& token, const QString& error);

    SecretStore& m_secrets;
    QString m_connectionId;
    QString m_token;
    bool m_reading = false;
    quint64 m_generation = 0;
    QList<Callback> m_waiters;
};

// What one saved connection needs to talk to HighLevel: its token provider (a
// PrivateTokenProvider or an OAuthTokenProvider, by the connection's auth kind) on the app's
// network manager, secret store and clock, and the API settings an ApiClient over that provider
// takes. The app keeps one per connection it uses (its workspace owns the one ApiClient); the
// credential dialogs hand rotated secrets to it so the running session picks them up without a
// restart.
class ConnectionSession : public QObject
{
    Q_OBJECT

public:
    ConnectionSession(QNetworkAccessManager& network, SecretStore& secrets, const Clock& clock,
        Connection connection, QObject* parent = nullptr);
    ~ConnectionSession() override;

    const Connection& connection() const { return m_connection; }
    Api::TokenProvider& tokens();
    // The API base URL and location of the connection.
    Api::ApiConfig apiConfig() const;
    // Null for a private integration token connection, and the reverse.
    OAuthTokenProvider* oauthTokens() const { return m_oauth; }
    PrivateTokenProvider* privateTokens() const { return m_private; }

    // After "Replace token" (PIT) or "Rotate client secret" (OAuth app); the new value must be
    // in the secret store already. Ignored for the other auth kind.
    void setPrivateIntegrationToken(const QString& token);
    void setClientSecret(const QString& clientSecret);

Q_SIGNALS:
    // The non-secret fields changed (a refresh's expiry and scopes, "needs sign-in"): the
    // connection store saves them.
    void connectionChanged(const ContactDesk::Auth::Connection& connection);
    // The stored credentials no longer work: OAuth needs a new sign-in, a private integration
    // token needs replacing. Queued work stays queued.
    void needsSignIn(const QString& connectionId);

private:
    Connection m_connection;
    QPointer<OAuthTokenProvider> m_oauth;
    QPointer<PrivateTokenProvider> m_private;
};

} // namespace ContactDesk::Auth
