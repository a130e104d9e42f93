#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ContactDesk::Auth {

enum class Environment
{
    Sandbox, // the built-in sandbox
    Production, // services.leadconnectorhq.com
    Custom, // any other base URL (a standalone sandbox, a staging host)
};

enum class AuthKind
{
    OAuth, // an OAuth app: access + rotating refresh token
    PrivateIntegrationToken, // a static token pasted by the user
};

enum class ConnectionState
{
    Ready,
    NeedsSignIn, // the refresh token was refused; queued work waits for a new sign-in
};

// One HighLevel location ContactDesk works with. Only non-secret fields live here (and in
// QSettings); tokens and the client secret are in the OS keychain, keyed by `id`.
struct Connection
{
    QString id; // a UUID; "sandbox" for the built-in sandbox connection
    QString displayName;
    Environment environment = Environment::Sandbox;
    QUrl baseUrl; // API origin; the sandbox's is set when it starts
    QUrl authorizeBaseUrl; // marketplace.gohighlevel.com, the white-label host, or the sandbox
    AuthKind authKind = AuthKind::PrivateIntegrationToken;
    QString clientId; // OAuth apps only; not a secret
    QString locationId;
    QString companyId;
    QString userId;
    QStringList scopes; // granted
    QDateTime accessTokenExpiresAt;
    ConnectionState state = ConnectionState::Ready;

    bool isSandbox() const { return environment == Environment::Sandbox; }
    bool operator==(const Connection& other) const = default;
};

// Stable lower-case names ("sandbox", "production", "custom"; "oauth", "pit"; "ready",
// "needs-sign-in") for the settings file, the CLI and logs; not translated UI text. The
// parsers return nothing for an unknown name.
QString environmentName(Environment environment);
std::optional<Environment> environmentFromName(QStringView name);
QString authKindName(AuthKind kind);
std::optional<AuthKind> authKindFromName(QStringView name);
QString connectionStateName(ConnectionState state);
std::optional<ConnectionState> connectionStateFromName(QStringView name);

// This machine: 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString& host);
// Whether tokens may be sent to `url`: https to any host, plain http only to this machine, so no
// token or client secret crosses a network in clear. Needs a host; no user info.
bool isAllowedBaseUrl(const QUrl& url);
// Why isAllowedBaseUrl() refuses `url`, for the user; empty when it is allowed.
QString baseUrlProblem(const QUrl& url);

} // namespace ContactDesk::Auth
