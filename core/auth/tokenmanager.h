#pragma once

#include "api/tokenprovider.h"
#include "auth/connection.h"
#include "auth/oauthflow.h"
#include "auth/secretstore.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Auth {

// The bearer token of one OAuth connection. The access token lives in memory (and in the
// secret store); it is refreshed 5 minutes before it expires, and once when the server rejects
// it. Refreshes are single-flight: whoever asks while one runs waits for its result, so a
// rotating refresh token is never presented twice. The rotated refresh token is written to the
// secret store, and the write confirmed, before the new access token is handed to anyone, so a
// crash cannot leave the only valid refresh token in memory. A refresh in flight when the
// provider is destroyed (the connection switched or closed, the app quitting) is not aborted:
// its answer is awaited and the rotated tokens stored all the same.
//
// When HighLevel answers `invalid_grant` the connection needs a new sign-in: needsSignIn() is
// emitted, and every waiting and later caller gets an error until signIn() supplies new tokens.
// The API client finishes such requests with ApiError::Kind::Unauthorized; it drops nothing on
// its own, so the layer that owns the work (the outbox, the sync engine) keeps it and sends it
// again after the sign-in.
class OAuthTokenProvider : public QObject, public Api::TokenProvider
{
    Q_OBJECT

public:
    enum class State
    {
        Unloaded, // secrets not read yet; the first withToken() reads them
        Loading,
        Ready,
        Refreshing, // a refresh (or its secret-store writes) is in flight; callers wait
        NeedsSignIn,
    };
    Q_ENUM(State)

    static constexpr qint64 refreshMarginMs = 5LL * 60 * 1000;

    OAuthTokenProvider(QNetworkAccessManager& network, SecretStore& secrets, const Clock& clock,
        Connection connection, QObject* parent = nullptr);
    ~OAuthTokenProvider() override;

    const Connection& connection() const { return m_connection; }
    State state() const { return m_state; }

    // Reads the refresh token, access token and client secret from the secret store. Optional:
    // the first withToken() does it too.
    void load();

    void withToken(Callback done) override;
    void tokenRejected(const QString& rejected, Callback done) override;
    QStringList grantedScopes() const override { return m_scopes; }

    // A finished sign-in for this connection: stores the refresh and then the access token,
    // takes the connection out of NeedsSignIn and serves callers again. `done` gets an error
    // text when the tokens are for another location or could not be stored.
    void signIn(const TokenSet& tokens, SecretStore::Done done);
    // The client secret was rotated (and already stored by whoever rotated it).
    void setClientSecret(const QString& clientSecret);

Q_SIGNALS:
    void stateChanged(ContactDesk::Auth::OAuthTokenProvider::State state);
    void needsSignIn(const QString& connectionId);
    // The non-secret fields changed (expiry, scopes, state, ids after a sign-in); the
    // connection store persists them.
    void connectionChanged(const ContactDesk::Auth::Connection& connection);

private:
    enum class Reason
    {
        Expiring,
        Rejected,
    };

    void setState(State state);
    bool expiringSoon() const;
    bool stillValid() const;
    void serve(Callback done);
    // Reads one secret while loading; a read error ends the load and fails the waiters.
    void readWhileLoading(SecretKind kind, std::function<void(const QString&)> next);
    void loaded();
    void refresh(Reason reason);
    void sendRefresh(Reason reason);
    void handleRefreshReply(
        QNetworkReply* reply, const QByteArray& body, qint64 sentAtMs, Reason reason);
    // Writes m_pending (refresh token first), then makes it current and answers the waiters.
    void persistPending(SecretStore::Done done = {});
    void adopt(const TokenSet& tokens, bool fromRejection);
    void enterNeedsSignIn(const QString& why);
    void answerWaiters(const QString& token, const QString& error);
    QString needsSignInText() const;
    // Waits for a refresh whose provider is going away and stores the tokens it brings.
    static void finishWithoutProvider(QNetworkReply* reply, SecretStore& secrets,
        const QString& connectionId, const QString& spentRefreshToken, qint64 sentAtMs);

    QNetworkAccessManager& m_network;
    SecretStore& m_secrets;
    const Clock& m_clock;
    Connection m_connection;
    State m_state = State::Unloaded;

    QString m_accessToken;
    QString m_refreshToken;
    QString m_clientSecret;
    qint64 m_expiresAtMs = 0; // 0: unknown; the token is used until a 401
    QStringList m_scopes;
    QString m_userType = QStringLiteral("Location");
    qint64 m_issuedAtMs = 0;
    bool m_issuedAfterRejection = false;
    QString m_signInReason;

    // Tokens from a refresh or sign-in whose refresh token is not confirmed stored yet. The old
    // refresh token is already spent, so these are retried before anything else.
    std::optional<TokenSet> m_pending;
    bool m_pendingFromRejection = false;

    QList<Callback> m_waiters;
    QPointer<QNetworkReply> m_reply;
    qint64 m_sentAtMs = 0; // when m_reply was sent
    // Bumped by signIn(): answers to an older refresh or load are ignored.
    quint64 m_generation = 0;
};

} // namespace ContactDesk::Auth
