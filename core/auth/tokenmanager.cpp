#include "auth/tokenmanager.h"

#include "auth/logging.h"
#include "common/clock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace ContactDesk::Auth {

namespace {

// A token the server refuses within this long of issuing it is not refreshed again: the
// refusal is about something else (a revoked install, a location mismatch), and refreshing in a
// loop would only burn refresh tokens.
constexpr qint64 freshTokenWindowMs = 60LL * 1000;

const char* reasonName(bool rejected)
{
    return rejected ? "rejected by the server" : "about to expire";
}

} // namespace

OAuthTokenProvider::OAuthTokenProvider(QNetworkAccessManager& network, SecretStore& secrets,
    const Clock& clock, Connection connection, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_connection(std::move(connection))
    , m_scopes(m_connection.scopes)
{
    if (m_connection.accessTokenExpiresAt.isValid())
        m_expiresAtMs = m_connection.accessTokenExpiresAt.toMSecsSinceEpoch();
}

OAuthTokenProvider::~OAuthTokenProvider()
{
    ++m_generation;
    // A refresh already sent has spent the old refresh token on the server: aborting it would
    // leave nobody holding its successor. Its answer is awaited without us and the rotated
    // tokens stored, so the next session of this connection starts from them.
    if (m_reply && !m_reply->isFinished())
        finishWithoutProvider(m_reply, m_secrets, m_connection.id, m_refreshToken, m_sentAtMs);
    answerWaiters({}, tr("The connection was closed."));
}

void OAuthTokenProvider::finishWithoutProvider(QNetworkReply* reply, SecretStore& secrets,
    const QString& connectionId, const QString& spentRefreshToken, qint64 sentAtMs)
{
    qCInfo(lcAuth) << "connection" << connectionId
                   << "closed during a refresh; its answer is awaited and stored";
    QPointer<SecretStore> store(&secrets);
    // The reply is the context: it lives until it is answered (or its network manager goes).
    connect(reply, &QNetworkReply::finished, reply,
        [reply, store, connectionId, spentRefreshToken, sentAtMs] {
            reply->deleteLater();
            const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
            const TokenReply result = OAuthWire::readTokenReply(reply, answer, sentAtMs);
            if (!result.tokens || !store) {
                qCWarning(lcAuth) << "connection" << connectionId
                                  << "the refresh that outlived its session brought no tokens:"
                                  << result.message;
                return;
            }
            const TokenSet tokens = *result.tokens;
            const auto storeAccess = [store, connectionId, tokens] {
                if (store)
                    store->write(connectionId, SecretKind::AccessToken, tokens.accessToken,
                        [](const QString&) {});
            };
            if (tokens.refreshToken.isEmpty() || tokens.refreshToken == spentRefreshToken) {
                storeAccess();
                return;
            }
            store->write(connectionId, SecretKind::RefreshToken, tokens.refreshToken,
                [connectionId, storeAccess](const QString& error) {
                    if (!error.isEmpty()) {
                        qCWarning(lcAuth) << "connection" << connectionId
                                          << "could not store its rotated refresh token:" << error;
                        return;
                    }
                    storeAccess();
                });
        });
}

void OAuthTokenProvider::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool OAuthTokenProvider::expiringSoon() const
{
    if (m_expiresAtMs == 0)
        return false;
    // A token issued for less than twice the margin is renewed at half its life, not at once:
    // otherwise a 4-minute token would be refreshed before every request.
    qint64 margin = refreshMarginMs;
    if (m_issuedAtMs > 0 && m_expiresAtMs > m_issuedAtMs)
        margin = std::min(margin, (m_expiresAtMs - m_issuedAtMs) / 2);
    return m_clock.nowMs() >= m_expiresAtMs - margin;
}

bool OAuthTokenProvider::stillValid() const
{
    return !m_accessToken.isEmpty() && (m_expiresAtMs == 0 || m_clock.nowMs() < m_expiresAtMs);
}

QString OAuthTokenProvider::needsSignInText() const
{
    const QString name
        = m_connection.displayName.isEmpty() ? m_connection.id : m_connection.displayName;
    return tr("The connection \"%1\" needs a new sign-in (%2). Sign in again to continue.")
        .arg(name, m_signInReason);
}

void OAuthTokenProvider::load()
{
    if (m_state != State::Unloaded)
        return;
    setState(State::Loading);
    readWhileLoading(SecretKind::RefreshToken, [this](const QString& refreshToken) {
        m_refreshToken = refreshToken;
        readWhileLoading(SecretKind::AccessToken, [this](const QString& accessToken) {
            m_accessToken = accessToken;
            loaded();
        });
    });
}

void OAuthTokenProvider::readWhileLoading(SecretKind kind, std::function<void(const QString&)> next)
{
    QPointer<OAuthTokenProvider> self(this);
    const quint64 generation = m_generation;
    m_secrets.read(m_connection.id, kind,
        [self, generation, kind, next = std::move(next)](
            const QString& value, bool, const QString& error) {
            if (!self || self->m_generation != generation || self->m_state != State::Loading)
                return;
            if (!error.isEmpty()) {
                qCWarning(lcAuth) << "connection" << self->m_connection.id << "could not read"
                                  << secretKindKey(kind) << "from the secret store:" << error;
                self->setState(State::Unloaded);
                self->answerWaiters(
                    {}, tr("Could not read the sign-in from the keychain: %1").arg(error));
                return;
            }
            next(value);
        });
}

void OAuthTokenProvider::loaded()
{
    if (m_connection.state == ConnectionState::NeedsSignIn) {
        enterNeedsSignIn(tr("the last refresh was refused"));
        return;
    }
    if (m_refreshToken.isEmpty() && !stillValid()) {
        enterNeedsSignIn(tr("no sign-in is stored for it"));
        return;
    }
    setState(State::Ready);
    const QList<Callback> waiters = std::exchange(m_waiters, {});
    for (const Callback& done : waiters)
        serve(done);
}

void OAuthTokenProvider::withToken(Callback done)
{
    serve(std::move(done));
}

void OAuthTokenProvider::serve(Callback done)
{
    switch (m_state) {
    case State::NeedsSignIn:
        done({}, needsSignInText());
        return;
    case State::Unloaded:
        m_waiters.append(std::move(done));
        load();
        return;
    case State::Loading:
    case State::Refreshing:
        m_waiters.append(std::move(done));
        return;
    case State::Ready:
        break;
    }
    if (m_pending) {
        m_waiters.append(std::move(done));
        persistPending();
        return;
    }
    if (!m_accessToken.isEmpty() && !expiringSoon()) {
        done(m_accessToken, {});
        return;
    }
    m_waiters.append(std::move(done));
    refresh(Reason::Expiring);
}

void OAuthTokenProvider::tokenRejected(const QString& rejected, Callback done)
{
    if (m_state != State::Ready || m_pending) {
        serve(std::move(done));
        return;
    }
    // Another caller's refresh already replaced the rejected token.
    if (rejected != m_accessToken && !m_accessToken.isEmpty() && !expiringSoon()) {
        done(m_accessToken, {});
        return;
    }
    if (rejected == m_accessToken && m_issuedAfterRejection
        && m_clock.nowMs() - m_issuedAtMs < freshTokenWindowMs) {
        qCWarning(lcAuth) << "connection" << m_connection.id
                          << "a just-renewed access token was rejected; not refreshing again";
        done({},
            tr("HighLevel refused an access token it had just issued. Check that the app is "
               "still installed on this sub-account."));
        return;
    }
    m_waiters.append(std::move(done));
    refresh(Reason::Rejected);
}

void OAuthTokenProvider::refresh(Reason reason)
{
    if (m_refreshToken.isEmpty()) {
        enterNeedsSignIn(tr("no refresh token is stored for it"));
        return;
    }
    setState(State::Refreshing);
    if (!m_clientSecret.isEmpty()) {
        sendRefresh(reason);
        return;
    }
    QPointer<OAuthTokenProvider> self(this);
    const quint64 generation = m_generation;
    m_secrets.read(m_connection.id, SecretKind::ClientSecret,
        [self, generation, reason](const QString& secret, bool found, const QString& error) {
            if (!self || self->m_generation != generation)
                return;
            if (!error.isEmpty()) {
                self->setState(State::Ready);
                self->answerWaiters(
                    {}, tr("Could not read the client secret from the keychain: %1").arg(error));
                return;
            }
            if (!found || secret.isEmpty()) {
                self->enterNeedsSignIn(tr("its client secret is missing"));
                return;
            }
            self->m_clientSecret = secret;
            self->sendRefresh(reason);
        });
}

void OAuthTokenProvider::sendRefresh(Reason reason)
{
    const QUrl url
        = OAuthWire::endpoint(OAuthWire::apiBaseUrl(m_connection), QStringLiteral("/oauth/token"));
    qCInfo(lcAuth) << "connection" << m_connection.id << "refreshing its access token,"
                   << reasonName(reason == Reason::Rejected);
    const QByteArray body = OAuthWire::formEncode({
        {QStringLiteral("client_id"), m_connection.clientId},
        {QStringLiteral("client_secret"), m_clientSecret},
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), m_refreshToken},
        {QStringLiteral("user_type"), m_userType},
    });
    const qint64 sentAtMs = m_clock.nowMs();
    m_sentAtMs = sentAtMs;
    const quint64 generation = m_generation;
    QNetworkReply* reply = m_network.post(OAuthWire::formRequest(url), body);
    OAuthWire::capAnswer(reply);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation, sentAtMs, reason] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_reply.clear();
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        handleRefreshReply(reply, answer, sentAtMs, reason);
    });
}

void OAuthTokenProvider::handleRefreshReply(
    QNetworkReply* reply, const QByteArray& body, qint64 sentAtMs, Reason reason)
{
    const TokenReply result = OAuthWire::readTokenReply(reply, body, sentAtMs);
    if (result.tokens) {
        TokenSet tokens = *result.tokens;
        // A server that does not rotate leaves the stored refresh token valid.
        if (tokens.refreshToken.isEmpty())
            tokens.refreshToken = m_refreshToken;
        m_pending = tokens;
        m_pendingFromRejection = reason == Reason::Rejected;
        persistPending();
        return;
    }
    if (result.invalidGrant()) {
        enterNeedsSignIn(tr("HighLevel refused its refresh token: %1").arg(result.message));
        return;
    }
    qCWarning(lcAuth) << "connection" << m_connection.id << "refresh failed, status"
                      << result.status << result.error;
    setState(State::Ready);
    // A failed early refresh still leaves a token that works for a few more minutes.
    if (reason == Reason::Expiring && stillValid()) {
        answerWaiters(m_accessToken, {});
        return;
    }
    if (result.error == QLatin1StringView("invalid_client")) {
        answerWaiters({},
            tr("HighLevel did not accept the app's client id and secret (%1). Check the client "
               "secret in the connection settings.")
                .arg(result.message));
        return;
    }
    answerWaiters({}, tr("Could not renew the sign-in: %1").arg(result.message));
}

void OAuthTokenProvider::persistPending(SecretStore::Done done)
{
    Q_ASSERT(m_pending);
    setState(State::Refreshing);
    const TokenSet tokens = *m_pending;
    const quint64 generation = m_generation;
    QPointer<OAuthTokenProvider> self(this);

    const auto storeAccessToken = [self, generation, tokens, done] {
        self->m_secrets.write(self->m_connection.id, SecretKind::AccessToken, tokens.accessToken,
            [self, generation, tokens, done](const QString& error) {
                if (!self || self->m_generation != generation)
                    return;
                // Only the refresh token is irreplaceable; without a stored access token the
                // next start refreshes once more.
                if (!error.isEmpty())
                    qCWarning(lcAuth) << "connection" << self->m_connection.id
                                      << "could not store its access token:" << error;
                self->adopt(tokens, self->m_pendingFromRejection);
                self->m_pending.reset();
                self->setState(State::Ready);
                Q_EMIT self->connectionChanged(self->m_connection);
                if (done)
                    done({});
                self->answerWaiters(self->m_accessToken, {});
            });
    };

    if (tokens.refreshToken == m_refreshToken) {
        storeAccessToken();
        return;
    }
    m_secrets.write(m_connection.id, SecretKind::RefreshToken, tokens.refreshToken,
        [self, generation, done, storeAccessToken](const QString& error) {
            if (!self || self->m_generation != generation)
                return;
            if (!error.isEmpty()) {
                qCWarning(lcAuth) << "connection" << self->m_connection.id
                                  << "could not store its new refresh token:" << error;
                // m_pending stays: the old refresh token is spent, so the next caller retries
                // this write rather than refreshing again.
                self->setState(State::Ready);
                const QString message
                    = tr("Could not save the renewed sign-in to the keychain (%1). ContactDesk "
                         "will try again with the next request.")
                          .arg(error);
                if (done)
                    done(message);
                self->answerWaiters({}, message);
                return;
            }
            self->m_refreshToken = self->m_pending->refreshToken;
            storeAccessToken();
        });
}

void OAuthTokenProvider::adopt(const TokenSet& tokens, bool fromRejection)
{
    m_accessToken = tokens.accessToken;
    m_refreshToken = tokens.refreshToken;
    m_expiresAtMs = tokens.expiresAt.isValid() ? tokens.expiresAt.toMSecsSinceEpoch() : 0;
    if (!tokens.scopes.isEmpty())
        m_scopes = tokens.scopes;
    if (!tokens.userType.isEmpty())
        m_userType = tokens.userType;
    m_issuedAtMs = m_clock.nowMs();
    m_issuedAfterRejection = fromRejection;
    m_signInReason.clear();

    m_connection.accessTokenExpiresAt = tokens.expiresAt;
    m_connection.scopes = m_scopes;
    if (!tokens.locationId.isEmpty())
        m_connection.locationId = tokens.locationId;
    if (!tokens.companyId.isEmpty())
        m_connection.companyId = tokens.companyId;
    if (!tokens.userId.isEmpty())
        m_connection.userId = tokens.userId;
    m_connection.state = ConnectionState::Ready;
}

void OAuthTokenProvider::enterNeedsSignIn(const QString& why)
{
    qCWarning(lcAuth) << "connection" << m_connection.id << "needs a new sign-in:" << why;
    m_signInReason = why;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_pending.reset();
    m_expiresAtMs = 0;
    m_connection.state = ConnectionState::NeedsSignIn;
    setState(State::NeedsSignIn);
    answerWaiters({}, needsSignInText());
    Q_EMIT connectionChanged(m_connection);
    Q_EMIT needsSignIn(m_connection.id);
}

void OAuthTokenProvider::answerWaiters(const QString& token, const QString& error)
{
    // A callback may ask again (a retry); it then queues behind a fresh list.
    const QList<Callback> waiters = std::exchange(m_waiters, {});
    for (const Callback& done : waiters)
        done(token, error);
}

void OAuthTokenProvider::signIn(const TokenSet& tokens, SecretStore::Done done)
{
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || tokens.isCompany()) {
        done(tr("The sign-in did not produce a sub-account token."));
        return;
    }
    if (!m_connection.locationId.isEmpty() && tokens.locationId != m_connection.locationId) {
        done(tr("This sign-in is for sub-account %1, but the connection is for %2. Sign in to "
                "the same sub-account, or add a new connection.")
                 .arg(tokens.locationId, m_connection.locationId));
        return;
    }
    // Whatever was in flight belongs to the old sign-in.
    ++m_generation;
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply.clear();
        reply->abort();
    }
    qCInfo(lcAuth) << "connection" << m_connection.id << "signed in; storing the new tokens";
    m_pending = tokens;
    m_pendingFromRejection = false;
    // Until the refresh token is confirmed stored, nothing compares against the old one.
    m_refreshToken.clear();
    persistPending(std::move(done));
}

void OAuthTokenProvider::setClientSecret(const QString& clientSecret)
{
    m_clientSecret = clientSecret;
}

} // namespace ContactDesk::Auth
