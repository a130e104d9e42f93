#include "clisession.h"

#include "clioutput.h"

#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "auth/connectionstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/oauthflow.h"
#include "common/clock.h"
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"
#include "sandbox/sandboxserver.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSettings>

namespace ContactDesk::Cli {

namespace {

constexpr int sandboxContacts = 50;
// A HAR keeps every exchange of the run (an import may send thousands), each body up to the
// inspector's limit.
constexpr int harCapacity = 1000000;

// A command line tool should give up sooner than the desktop app, which has the outbox behind
// it: three retries, about three seconds in all.
Api::RetryPolicy cliRetryPolicy()
{
    Api::RetryPolicy policy;
    policy.backoffMs = {300, 1000, 2000};
    return policy;
}

} // namespace

QString describe(const Auth::Connection& connection)
{
    return QStringLiteral("\"%1\" (%2)").arg(connection.displayName, connection.id);
}

CliSession::CliSession() = default;

CliSession::~CliSession()
{
    // The client and its jobs go before the network manager and the server they use.
    m_client.reset();
}

Auth::ConnectionStore& CliSession::connectionStore()
{
    if (!m_connections) {
        m_settings = std::make_unique<QSettings>(
            QStringLiteral("ContactDesk"), QStringLiteral("ContactDesk"));
        m_connections = std::make_unique<Auth::ConnectionStore>(*m_settings);
    }
    return *m_connections;
}

Auth::KeychainSecretStore& CliSession::secretStore(const QString& service)
{
    if (!m_secrets) {
        m_secrets = std::make_unique<Auth::KeychainSecretStore>(
            service.isEmpty() ? Auth::KeychainSecretStore::defaultService() : service);
    }
    return *m_secrets;
}

int CliSession::resolveSaved(Target& target, const QString& keychainService)
{
    Auth::ConnectionStore& store = connectionStore();
    const QString id = target.connectionId.isEmpty() ? store.activeId() : target.connectionId;
    const std::optional<Auth::Connection> connection = store.find(id);
    if (!connection)
        return usageFailure(
            QStringLiteral("there is no saved connection %1 (see connections list)").arg(id));
    if (connection->isSandbox()) {
        target.sandbox = true;
        return ExitOk;
    }
    if (connection->authKind != Auth::AuthKind::PrivateIntegrationToken)
        return usageFailure(QStringLiteral("the connection %1 signs in with OAuth, which the "
                                           "command line cannot do; add a private integration "
                                           "token connection with connections add")
                                .arg(describe(*connection)));
    target.baseUrl = connection->baseUrl;
    if (target.baseUrl.isEmpty() && connection->environment == Auth::Environment::Production)
        target.baseUrl = QUrl(Auth::OAuthWire::productionApiBase);
    target.locationId = connection->locationId;
    target.companyId = connection->companyId;
    if (target.baseUrl.isEmpty() || target.locationId.isEmpty())
        return usageFailure(
            QStringLiteral("the connection %1 has no base URL or location; remove it and add "
                           "it again")
                .arg(describe(*connection)));

    QString token;
    bool found = false;
    QString error;
    waitFor([&](auto done) {
        secretStore(keychainService)
            .read(connection->id, Auth::SecretKind::PrivateIntegrationToken,
                [&, done](const QString& value, bool exists, const QString& failure) {
                    token = value;
                    found = exists;
                    error = failure;
                    done();
                });
    });
    if (!error.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitApiError;
    }
    if (!found || token.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: the system keychain holds no token for the "
                                "connection %1; remove it and add it again\n")
                     .arg(describe(*connection)));
        return ExitApiError;
    }
    target.token = token;
    return ExitOk;
}

QSettings& CliSession::settings()
{
    connectionStore();
    return *m_settings;
}

bool CliSession::setUp(const Target& target, bool verbose)
{
    m_clock = std::make_unique<SystemClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_target = target;
    if (m_target.sandbox) {
        const quint64 seed = QRandomGenerator::system()->generate64();
        m_sandbox = std::make_unique<Sandbox::SandboxServer>(*m_clock, seed);
        if (!m_sandbox->listenLocal(0)) {
            writeErr(QStringLiteral("contactdesk-cli: the embedded sandbox cannot listen on "
                                    "127.0.0.1\n"));
            return false;
        }
        if (!m_target.sandboxDataFile.isEmpty()) {
            QString error;
            if (!m_sandbox->useDataFile(m_target.sandboxDataFile, &error)) {
                writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
                return false;
            }
        }
        // A --data file from an earlier run brings its own contacts.
        if (m_sandbox->data().contacts().isEmpty())
            m_sandbox->seed(sandboxContacts, seed);
        m_target.baseUrl = m_sandbox->baseUrl();
        m_target.token = m_sandbox->data().privateIntegrationToken();
        m_target.locationId = m_sandbox->data().mainLocation().id;
        m_target.companyId = m_sandbox->data().mainLocation().companyId;
        m_target.sandboxAdminKey = m_sandbox->data().adminKey();
        // An http_proxy in the environment must not take loopback traffic elsewhere.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    m_tokens = std::make_unique<Api::StaticTokenProvider>(m_target.token);
    m_budget = std::make_unique<Api::RateBudget>(*m_clock);
    m_client
        = std::make_unique<Api::ApiClient>(*m_network, *m_tokens, *m_budget, *m_clock, apiConfig());
    if (verbose)
        connect(m_client.get(), &Api::ApiClient::exchanged, this, &CliSession::printExchange);
    if (m_traffic)
        record(*m_client);
    return true;
}

void CliSession::recordHar(const QString& file)
{
    m_harFile = file;
    Inspector::TrafficOptions options;
    options.capacity = harCapacity;
    m_traffic = std::make_unique<Inspector::TrafficLog>(options);
}

void CliSession::record(Api::ApiClient& client)
{
    if (!m_traffic)
        return;
    const QString environment = m_target.sandbox ? QStringLiteral("sandbox")
        : m_target.baseUrl == QUrl(Auth::OAuthWire::productionApiBase)
        ? QStringLiteral("production")
        : QStringLiteral("custom");
    const QString name = m_target.sandbox  ? QStringLiteral("Embedded sandbox")
        : !m_target.connectionId.isEmpty() ? m_target.connectionId
                                           : m_target.baseUrl.host();
    m_traffic->attach(client, name, environment);
}

bool CliSession::writeHar()
{
    if (!m_traffic)
        return true;
    const QByteArray text = indented(Inspector::harLog(m_traffic->entries()));
    QSaveFile file(m_harFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        writeErr(QStringLiteral("contactdesk-cli: cannot write the HAR to %1: %2\n")
                     .arg(m_harFile, file.errorString()));
        return false;
    }
    return true;
}

void CliSession::setUpOffline(const Target& target)
{
    m_clock = std::make_unique<SystemClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<Api::StaticTokenProvider>(QString());
    m_budget = std::make_unique<Api::RateBudget>(*m_clock);
    m_target = target;
}

Api::ApiConfig CliSession::apiConfig() const
{
    Api::ApiConfig config;
    config.baseUrl = m_target.baseUrl;
    config.locationId = m_target.locationId;
    config.companyId = m_target.companyId;
    config.retry = cliRetryPolicy();
    return config;
}

int CliSession::fail(const Api::ApiError& error, const QString& context)
{
    QStringList detail;
    if (error.httpStatus() > 0)
        detail.append(QStringLiteral("HTTP %1").arg(error.httpStatus()));
    else if (exitCodeFor(error) == ExitNetwork)
        detail.append(QStringLiteral("no HTTP answer"));
    if (!error.traceId().isEmpty())
        detail.append(QStringLiteral("traceId %1").arg(error.traceId()));
    QString line = QStringLiteral("contactdesk-cli: ") + context + error.userText();
    if (!detail.isEmpty())
        line += QStringLiteral(" (%1)").arg(detail.join(QStringLiteral(", ")));
    // One line, whatever the server put in its messages.
    line.replace(u'\n', u' ');
    writeErr(line + u'\n');
    return exitCodeFor(error);
}

void CliSession::printExchange(const Api::ApiExchange& exchange)
{
    QString text = QStringLiteral("> %1 %2 %3 (attempt %4)\n")
                       .arg(exchange.operationId, QString::fromLatin1(exchange.method),
                           exchange.url.toString(QUrl::FullyEncoded))
                       .arg(exchange.attempt);
    for (const auto& [name, value] : exchange.requestHeaders)
        text += QStringLiteral("> %1: %2\n")
                    .arg(QString::fromLatin1(name), QString::fromUtf8(value));
    if (!exchange.requestBody.isEmpty())
        text += QStringLiteral("> %1\n").arg(QString::fromUtf8(exchange.requestBody));
    if (exchange.status > 0)
        text += QStringLiteral("< %1 in %2 ms\n").arg(exchange.status).arg(exchange.durationMs);
    else
        text += QStringLiteral("< no answer after %1 ms: %2\n")
                    .arg(exchange.durationMs)
                    .arg(exchange.transportError);
    for (const auto& [name, value] : exchange.responseHeaders)
        text += QStringLiteral("< %1: %2\n")
                    .arg(QString::fromLatin1(name), QString::fromUtf8(value));
    if (!exchange.responseBody.isEmpty())
        text += QStringLiteral("< %1\n").arg(QString::fromUtf8(exchange.responseBody));
    writeErr(text);
}
} // namespace ContactDesk::Cli
