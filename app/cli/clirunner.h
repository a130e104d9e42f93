#pragma once

#include "clicommands.h"

#include "api/apierror.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace ContactDesk {
class SystemClock;
}

namespace ContactDesk::Sandbox {
class SandboxServer;
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
// --sandbox), sends, writes JSON to stdout and errors to stderr, and returns the exit code.
class CliRunner : public QObject
{
    Q_OBJECT

public:
    CliRunner();
    ~CliRunner() override;

    int run(const Command& command);

private:
    bool setUp(const Command& command);
    int runCall(const Command& command);
    int runListAll(const Command& command);
    int runVerify(const Command& command);
    // Whether the target is a sandbox `verify` may write to, and why (for the report).
    bool targetIsSandbox(const Target& target, QString* why);
    void printExchange(const ContactDesk::Api::ApiExchange& exchange);
    int fail(const Api::ApiError& error);

    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Api::StaticTokenProvider> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    std::unique_ptr<Api::ApiClient> m_client;
    Target m_target;
};

} // namespace ContactDesk::Cli
