#pragma once

#include "auth/connection.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuthHttpServerReplyHandler;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Auth {

// What HighLevel's token endpoint hands out: one access token with its rotating refresh token.
struct TokenSet
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // UTC; invalid when the server gave no lifetime
    QStringList scopes;
    QString userType; // "Location" or "Company"
    QString locationId; // Location tokens only
    QString companyId;
    QString userId;

    bool isCompany() const { return userType == QLatin1StringView("Company"); }
};

// A sub-account an agency-level install can be narrowed to.
struct InstalledLocation
{
    QString id;
    QString name;
    QString address;
};

struct SignInResult
{
    enum class Outcome
    {
        SignedIn,
        Cancelled, // the user said no (Deny, closed the window); not an error to report
        Failed,
    };

    Outcome outcome = Outcome::Failed;
    TokenSet tokens; // SignedIn only
    QString message; // Cancelled and Failed: text for the user

    bool ok() const { return outcome == Outcome::SignedIn; }
};

// One answer of `POST /oauth/token` or `/oauth/locationToken`.
struct TokenReply
{
    std::optional<TokenSet> tokens;
    int status = 0; // 0: no HTTP answer
    QString error; // the OAuth `error` code ("invalid_grant"), when the server sent one
    QString message; // what went wrong, for the user; empty on success

    bool invalidGrant() const { return error == QLatin1StringView("invalid_grant"); }
};

// The wire details shared by the sign-in flow and the token provider.
namespace OAuthWire {

inline constexpr QLatin1StringView standardAuthorizeBase {"https://marketplace.gohighlevel.com"};
inline constexpr QLatin1StringView whiteLabelAuthorizeBase {
    "https://marketplace.leadconnectorhq.com"};
inline constexpr QLatin1StringView productionApiBase {"https://services.leadconnectorhq.com"};

QStringList defaultScopes(); // every scope of the catalog's operations
// Where the consent page lives for a connection: its own authorize host, else the standard
// marketplace for production, else the connection's own server (the sandbox serves the page).
QUrl authorizeBaseUrl(const Connection& connection);
// The API origin, which also serves `/oauth/token`.
QUrl apiBaseUrl(const Connection& connection);
// `base` with `path` appended to its own path, without query or fragment.
QUrl endpoint(const QUrl& base, const QString& path);
// application/x-www-form-urlencoded with every reserved character escaped, so a '+' or '&' in
// a secret survives any server's decoder.
QByteArray formEncode(const QList<QPair<QString, QString>>& fields);
QNetworkRequest jsonRequest(const QUrl& url);
QNetworkRequest formRequest(const QUrl& url);
// A token answer is a few KiB; a larger one is cut off and refused.
inline constexpr qint64 maxTokenAnswerBytes = 64 * 1024;
// expires_in is clamped to this (a year); HighLevel issues day-long tokens.
inline constexpr qint64 maxTokenLifetimeS = 365LL * 24 * 60 * 60;
// Aborts `reply` once it has brought more than maxTokenAnswerBytes; readTokenReply() then says so.
void capAnswer(QNetworkReply* reply);
// Reads a finished token reply; `sentAtMs` anchors `expires_in`.
TokenReply readTokenReply(QNetworkReply* reply, const QByteArray& body, qint64 sentAtMs);
// The app id HighLevel's agency helpers ask for: the client id up to its '-'.
QString appIdFromClientId(const QString& clientId);

} // namespace OAuthWire

// One sign-in attempt with HighLevel's authorization code flow. The owner picks how the consent
// page is shown:
// - an embedded browser: setRedirectUri(), load authorizeUrl(), and hand every navigation for
//   which isRedirect() is true to handleRedirect() instead of loading it;
// - the system browser (RFC 8252): startLoopback() listens on 127.0.0.1 and receives the
//   redirect itself.
// The result arrives once through finished(). A Company (agency) token is first narrowed to a
// sub-account: locationChoiceNeeded() lists the installed locations and chooseLocation() finishes.
class OAuthFlow : public QObject
{
    Q_OBJECT

public:
    using BrowserOpener = std::function<void(const QUrl& authorizeUrl)>;

    OAuthFlow(QNetworkAccessManager& network, const Clock& clock, const Connection& connection,
        QString clientSecret, QObject* parent = nullptr);
    ~OAuthFlow() override;

    // Must match one of the redirect URIs registered for the app exactly.
    void setRedirectUri(const QUrl& redirectUri);
    QUrl redirectUri() const { return m_redirectUri; }
    void setScopes(const QStringList& scopes);
    // "Location" (the default) or "Company" for agency installs that pick a sub-account later.
    void setUserType(const QString& userType);

    QString state() const { return m_state; }
    // The PKCE verifier the code exchange sends (its S256 challenge is in authorizeUrl()).
    QString codeVerifier() const { return m_codeVerifier; }
    // The consent page URL; empty until a redirect URI is known.
    QUrl authorizeUrl() const;

    // Whether `url` is the redirect URI: the same scheme, host, port and path (query and
    // fragment are the answer's). A browser checks every navigation with it before loading.
    bool isRedirect(const QUrl& url) const;
    // Takes the redirect the browser caught. The state must match before anything else is
    // looked at; then an `error` ends the attempt, and a `code` is exchanged for tokens.
    void handleRedirect(const QUrl& url);

    // Listens on 127.0.0.1:`port` (0: any free port) and uses http://127.0.0.1:port`path` as the
    // redirect URI, then hands the authorize URL to `openBrowser`. Returns false (and finishes
    // with an error) when nothing can listen there.
    bool startLoopback(const BrowserOpener& openBrowser, quint16 port = 0,
        const QString& path = QStringLiteral("/callback"));

    // After locationChoiceNeeded(): trades the agency token for one of the sub-account `id`.
    void chooseLocation(const QString& locationId);
    // The window was closed or the user gave up.
    void cancel();

    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void locationChoiceNeeded(const QList<ContactDesk::Auth::InstalledLocation>& locations);
    void finished(const ContactDesk::Auth::SignInResult& result);

private:
    void exchangeCode(const QString& code);
    void handleTokens(const TokenSet& tokens);
    void listLocations(int skip);
    void finish(SignInResult::Outcome outcome, const QString& message, const TokenSet& tokens = {});
    void fail(const QString& message) { finish(SignInResult::Outcome::Failed, message); }
    void stopLoopback();
    // Sends a request, keeps track of it for cancel(), and calls `done` with its body.
    void send(const QNetworkRequest& request, const QByteArray& method, const QByteArray& body,
        std::function<void(QNetworkReply*, const QByteArray&)> done);

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Connection m_connection;
    QString m_clientSecret;
    QUrl m_redirectUri;
    QStringList m_scopes;
    QString m_userType = QStringLiteral("Location");
    QString m_state;
    // PKCE (RFC 7636): the authorize URL carries its S256 challenge, the code exchange the
    // verifier itself, so a code caught by another program on this machine is worthless.
    QString m_codeVerifier;
    bool m_redirectTaken = false;
    bool m_finished = false;
    TokenSet m_companyTokens;
    QList<InstalledLocation> m_locations;
    QPointer<QNetworkReply> m_reply;
    QOAuthHttpServerReplyHandler* m_loopback = nullptr;
};

} // namespace ContactDesk::Auth
