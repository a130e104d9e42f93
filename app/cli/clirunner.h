#pragma once

#include "clicommands.h"

#include "api/apierror.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace ContactDesk {
class SystemClock;
}

namespace ContactDesk::Sandbox {
class SandboxServer;
}

namespace ContactDesk::Auth {
class ConnectionStore;
class KeychainSecretStore;
struct Connection;
} // namespace ContactDesk::Auth

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Api {
class ApiClient;
class RateBudget;
class StaticTokenProvider;
struct ApiExchange;
} // namespace ContactDesk::Api

namespace ContactDesk::Cli {

enum ExitCode
{
    ExitOk = 0,
    ExitApiError = 1,
    ExitUsage = 2,
    ExitNetwork = 3,
};

// Network trouble (unreachable, timeout, a write whose outcome is unknown) exits with 3, every
// other failure of a request with 1.
int exitCodeFor(const Api::ApiError& error);

// Runs one parsed command to the end: sets up the target (starting the embedded sandbox for
// --sandbox, reading a saved connection and its token from the system keychain), sends, writes
// JSON to stdout and errors to stderr, and returns the exit code. Saved connections live in
// the settings of organisation and application "ContactDesk", shared with the desktop app.
class CliRunner : public QObject
{
    Q_OBJECT

public:
    CliRunner();
    ~CliRunner() override;

    int run(const Command& command);

private:
    bool setUp(const Target& target, bool verbose);
    // Turns a saved connection into a target; an exit code other than ExitOk when it cannot.
    int resolveSaved(Target& target, const QString& keychainService);
    int runConnectionsList();
    int runConnectionsAdd(const Command& command);
    int runConnectionsRemove(const Command& command);
    int runConnectionsUse(const Command& command);
    Auth::ConnectionStore& connectionStore();
    Auth::KeychainSecretStore& secretStore(const QString& service);
    int runCall(const Command& command);
    int runListAll(const Command& command);
    int runVerify(const Command& command);
    // Whether the target is a sandbox `verify` may write to, and why (for the report).
    bool targetIsSandbox(const Target& target, QString* why);
    void printExchange(const ContactDesk::Api::ApiExchange& exchange);
    int fail(const Api::ApiError& error, const QString& context = {});

    // The offline cache of the target's connection: `sync` (the only one that needs the
    // network), outbox, trash, search and cache stats.
    int runData(const Command& command);
    // The connection whose cache the target uses (resolving a saved one without its token);
    // an exit code other than ExitOk when it cannot.
    int resolveCacheTarget(Target& target, const QString& keychainService, bool needsToken);
    // Where that cache lives: the desktop app's data folder, or a temporary one for the
    // throw-away embedded sandbox.
    QString cachePath(const Target& target);
    int runSync(const Command& command, Sync::Workspace& workspace);
    int runOutboxList(Sync::Workspace& workspace);
    int runOutboxRetry(const Command& command, Sync::Workspace& workspace);
    int runOutboxDiscard(const Command& command, Sync::Workspace& workspace);
    int runTrashList(Sync::Workspace& workspace);
    int runTrashRestore(const Command& command, Sync::Workspace& workspace);
    int runCacheSearch(const Command& command, Sync::Workspace& workspace);
    int runCacheStats(Sync::Workspace& workspace);

    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Api::StaticTokenProvider> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    std::unique_ptr<Api::ApiClient> m_client;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Auth::ConnectionStore> m_connections;
    std::unique_ptr<Auth::KeychainSecretStore> m_secrets;
    std::unique_ptr<QTemporaryDir> m_scratchCache;
    Target m_target;
};

} // namespace ContactDesk::Cli
