#pragma once

#include "clicommands.h"

#include "api/apiclient.h"
#include "api/apierror.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace ContactDesk {
class SystemClock;
}

namespace ContactDesk::Sandbox {
class SandboxServer;
}

namespace ContactDesk::Inspector {
class TrafficLog;
}

namespace ContactDesk::Auth {
class ConnectionStore;
class KeychainSecretStore;
struct Connection;
} // namespace ContactDesk::Auth

namespace ContactDesk::Api {
class RateBudget;
class StaticTokenProvider;
struct ApiExchange;
} // namespace ContactDesk::Api

namespace ContactDesk::Cli {

// What every verb group shares while one command runs: the target, the embedded sandbox when
// there is one, the API client on its network manager, and the saved connections with their
// keychain. Saved connections live in the settings of organisation and application
// "ContactDesk", shared with the desktop app.
class CliSession : public QObject
{
    Q_OBJECT

public:
    CliSession();
    ~CliSession() override;

    // Sets up the target: starts the embedded sandbox for --sandbox, then the client. False
    // (after the one-line error) when the sandbox cannot start.
    bool setUp(const Target& target, bool verbose);
    // The parts a client needs, for commands that never send anything.
    void setUpOffline(const Target& target);
    // Turns a saved connection into a target; an exit code other than ExitOk when it cannot.
    int resolveSaved(Target& target, const QString& keychainService);

    Auth::ConnectionStore& connectionStore();
    QSettings& settings();
    Auth::KeychainSecretStore& secretStore(const QString& service);

    // The one-line error for a failed request; returns its exit code.
    int fail(const Api::ApiError& error, const QString& context = {});
    // --verbose: every HTTP exchange on stderr (redacted by the client).
    void printExchange(const Api::ApiExchange& exchange);

    // --har FILE: from now on the exchanges of the session's client (setUp() attaches it) and
    // of every client given to record() are kept, and writeHar() puts them into FILE.
    void recordHar(const QString& file);
    void record(Api::ApiClient& client);
    // Writes the HAR (an empty log when nothing was sent); false after the one-line error.
    bool writeHar();

    // The client's configuration for the current target, with the command line's retries.
    Api::ApiConfig apiConfig() const;

    const Target& target() const { return m_target; }
    Api::ApiClient& client() { return *m_client; }
    // Null unless the target is the embedded sandbox.
    Sandbox::SandboxServer* sandbox() { return m_sandbox.get(); }
    SystemClock& clock() { return *m_clock; }
    QNetworkAccessManager& network() { return *m_network; }
    Api::StaticTokenProvider& tokens() { return *m_tokens; }
    Api::RateBudget& budget() { return *m_budget; }

private:
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Api::StaticTokenProvider> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    std::unique_ptr<Api::ApiClient> m_client;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Auth::ConnectionStore> m_connections;
    std::unique_ptr<Auth::KeychainSecretStore> m_secrets;
    std::unique_ptr<Inspector::TrafficLog> m_traffic;
    QString m_harFile;
    Target m_target;
};

// Describes a saved connection in messages: "NAME" (ID).
QString describe(const Auth::Connection& connection);

} // namespace ContactDesk::Cli
