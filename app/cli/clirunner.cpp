#include "clirunner.h"

#include "api/apiclient.h"
#include "api/contactwalker.h"
#include "api/endpointverifier.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "auth/connectionstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/oauthflow.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>

#include <cstdio>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

constexpr int sandboxContacts = 50;
constexpr int infoTimeoutMs = 10000;

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A command line tool should give up sooner than the desktop app, which has the outbox behind
// it: three retries, about three seconds in all.
Api::RetryPolicy cliRetryPolicy()
{
    Api::RetryPolicy policy;
    policy.backoffMs = {300, 1000, 2000};
    return policy;
}

int usageFailure(const QString& message)
{
    writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(message));
    return ExitUsage;
}

// The secret stores answer from the event loop; the command line has nothing else to do
// meanwhile. `start` gets the function to call once the answer is in.
template <typename Start>
void waitFor(Start start)
{
    QEventLoop loop;
    bool done = false;
    start([&done, &loop] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

// What `connections list` and `connections add` print: everything but secrets, which a
// Connection does not hold anyway. Absent values are left out rather than printed empty.
QJsonObject connectionJson(const Auth::Connection& connection, bool active)
{
    QJsonObject json {{QStringLiteral("id"), connection.id},
        {QStringLiteral("name"), connection.displayName},
        {QStringLiteral("environment"), Auth::environmentName(connection.environment)},
        {QStringLiteral("authKind"), Auth::authKindName(connection.authKind)},
        {QStringLiteral("state"), Auth::connectionStateName(connection.state)},
        {QStringLiteral("active"), active}};
    if (!connection.baseUrl.isEmpty())
        json.insert(QStringLiteral("baseUrl"), connection.baseUrl.toString(QUrl::FullyEncoded));
    if (!connection.locationId.isEmpty())
        json.insert(QStringLiteral("locationId"), connection.locationId);
    return json;
}

QString describe(const Auth::Connection& connection)
{
    return QStringLiteral("\"%1\" (%2)").arg(connection.displayName, connection.id);
}

bool isProduction(const QUrl& baseUrl)
{
    const QUrl production(Auth::OAuthWire::productionApiBase);
    return baseUrl.adjusted(QUrl::StripTrailingSlash) == production;
}

} // namespace

int exitCodeFor(const Api::ApiError& error)
{
    switch (error.kind()) {
    case Api::ApiError::Kind::None:
        return ExitOk;
    case Api::ApiError::Kind::Network:
    case Api::ApiError::Kind::Timeout:
    case Api::ApiError::Kind::OutcomeUnknown:
        return ExitNetwork;
    default:
        return ExitApiError;
    }
}

CliRunner::CliRunner() = default;

CliRunner::~CliRunner()
{
    // The client and its jobs go before the network manager and the server they use.
    m_client.reset();
}

int CliRunner::run(const Command& command)
{
    switch (command.action) {
    case Action::Help:
        writeOut(helpText().toUtf8());
        return ExitOk;
    case Action::ConnectionsList:
        return runConnectionsList();
    case Action::ConnectionsAdd:
        return runConnectionsAdd(command);
    case Action::ConnectionsRemove:
        return runConnectionsRemove(command);
    case Action::ConnectionsUse:
        return runConnectionsUse(command);
    case Action::Call:
    case Action::ListAll:
    case Action::Verify:
        break;
    }
    Target target = command.target;
    if (target.saved) {
        const int resolved = resolveSaved(target, command.keychainService);
        if (resolved != ExitOk)
            return resolved;
    }
    if (!setUp(target, command.verbose))
        return ExitNetwork;
    switch (command.action) {
    case Action::Call:
        return runCall(command);
    case Action::ListAll:
        return runListAll(command);
    case Action::Verify:
        return runVerify(command);
    default:
        break;
    }
    return ExitOk;
}

Auth::ConnectionStore& CliRunner::connectionStore()
{
    if (!m_connections) {
        m_settings = std::make_unique<QSettings>(
            QStringLiteral("ContactDesk"), QStringLiteral("ContactDesk"));
        m_connections = std::make_unique<Auth::ConnectionStore>(*m_settings);
    }
    return *m_connections;
}

Auth::KeychainSecretStore& CliRunner::secretStore(const QString& service)
{
    if (!m_secrets) {
        m_secrets = std::make_unique<Auth::KeychainSecretStore>(
            service.isEmpty() ? Auth::KeychainSecretStore::defaultService() : service);
    }
    return *m_secrets;
}

int CliRunner::resolveSaved(Target& target, const QString& keychainService)
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

int CliRunner::runConnectionsList()
{
    Auth::ConnectionStore& store = connectionStore();
    QJsonArray list;
    for (const Auth::Connection& connection : store.connections())
        list.append(connectionJson(connection, connection.id == store.activeId()));
    writeOut(QJsonDocument(list).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runConnectionsAdd(const Command& command)
{
    // The keychain first: a token checked against the API but then kept nowhere helps nobody,
    // and the command line has no session to keep it in memory for.
    Auth::KeychainSecretStore& secrets = secretStore(command.keychainService);
    bool available = false;
    QString reason;
    waitFor([&](auto done) {
        secrets.checkAvailable([&, done](bool usable, const QString& why) {
            available = usable;
            reason = why;
            done();
        });
    });
    if (!available) {
        writeErr(QStringLiteral("contactdesk-cli: %1. The command line keeps tokens in the "
                                "system keychain only; nothing was saved.\n")
                     .arg(reason));
        return ExitApiError;
    }

    if (!setUp(command.target, command.verbose))
        return ExitNetwork;
    Api::RequestSpec spec;
    spec.query = {{QStringLiteral("locationId"), m_target.locationId},
        {QStringLiteral("limit"), QStringLiteral("1")}};
    Api::ApiError error;
    waitFor([&](auto done) {
        m_client->call(QStringLiteral("get-contacts"), spec)
            ->onFinished(this, [&, done](const Api::ApiJob& finished) {
                error = finished.error();
                done();
            });
    });
    if (error.isError())
        return fail(error, QStringLiteral("the token check failed, nothing was saved: "));

    Auth::Connection connection;
    connection.id = Auth::ConnectionStore::newId();
    connection.displayName = command.connectionName;
    connection.environment = isProduction(m_target.baseUrl) ? Auth::Environment::Production
                                                            : Auth::Environment::Custom;
    connection.baseUrl = m_target.baseUrl;
    connection.authKind = Auth::AuthKind::PrivateIntegrationToken;
    connection.locationId = m_target.locationId;

    QString failure;
    waitFor([&](auto done) {
        secrets.write(connection.id, Auth::SecretKind::PrivateIntegrationToken, m_target.token,
            [&, done](const QString& writeError) {
                failure = writeError;
                done();
            });
    });
    if (!failure.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1; nothing was saved\n").arg(failure));
        return ExitApiError;
    }
    Auth::ConnectionStore& store = connectionStore();
    if (!store.save(connection)) {
        // A token whose connection is not saved could never be found again.
        waitFor([&](auto done) {
            secrets.removeAll(connection.id, [done](const QString&) { done(); });
        });
        writeErr(QStringLiteral("contactdesk-cli: the settings file %1 could not be written; "
                                "nothing was saved\n")
                     .arg(m_settings->fileName()));
        return ExitApiError;
    }
    writeOut(QJsonDocument(connectionJson(connection, store.activeId() == connection.id))
                 .toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runConnectionsRemove(const Command& command)
{
    Auth::ConnectionStore& store = connectionStore();
    const QString& id = command.connectionId;
    if (id == Auth::ConnectionStore::sandboxId())
        return usageFailure(QStringLiteral("the built-in sandbox connection cannot be removed"));
    const std::optional<Auth::Connection> connection = store.find(id);
    if (!connection)
        return usageFailure(
            QStringLiteral("there is no saved connection %1 (see connections list)").arg(id));
    // Secrets first: a connection forgotten while its token stays in the keychain would leave
    // that token where nothing ever deletes it.
    QString failure;
    waitFor([&](auto done) {
        secretStore(command.keychainService).removeAll(id, [&, done](const QString& error) {
            failure = error;
            done();
        });
    });
    if (!failure.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1; the connection %2 is kept, try again once "
                                "the keychain works\n")
                     .arg(QString(failure).replace(u'\n', u' '), describe(*connection)));
        return ExitApiError;
    }
    store.remove(id);
    return ExitOk;
}

int CliRunner::runConnectionsUse(const Command& command)
{
    Auth::ConnectionStore& store = connectionStore();
    if (!store.contains(command.connectionId))
        return usageFailure(QStringLiteral("there is no saved connection %1 (see connections list)")
                                .arg(command.connectionId));
    if (!store.setActive(command.connectionId)) {
        writeErr(QStringLiteral("contactdesk-cli: the settings file %1 could not be written\n")
                     .arg(m_settings->fileName()));
        return ExitApiError;
    }
    return ExitOk;
}

bool CliRunner::setUp(const Target& target, bool verbose)
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
        m_sandbox->seed(sandboxContacts, seed);
        m_target.baseUrl = m_sandbox->baseUrl();
        m_target.token = m_sandbox->data().privateIntegrationToken();
        m_target.locationId = m_sandbox->data().mainLocation().id;
        m_target.sandboxAdminKey = m_sandbox->data().adminKey();
        // An http_proxy in the environment must not take loopback traffic elsewhere.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    m_tokens = std::make_unique<Api::StaticTokenProvider>(m_target.token);
    m_budget = std::make_unique<Api::RateBudget>(*m_clock);
    Api::ApiConfig config;
    config.baseUrl = m_target.baseUrl;
    config.locationId = m_target.locationId;
    config.retry = cliRetryPolicy();
    m_client = std::make_unique<Api::ApiClient>(*m_network, *m_tokens, *m_budget, *m_clock, config);
    if (verbose)
        connect(m_client.get(), &Api::ApiClient::exchanged, this, &CliRunner::printExchange);
    return true;
}

int CliRunner::fail(const Api::ApiError& error, const QString& context)
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

int CliRunner::runCall(const Command& command)
{
    const Api::Endpoint* endpoint = Api::findEndpoint(command.operationId);
    Q_ASSERT(endpoint); // the parser accepts catalog ids only
    Api::RequestSpec spec = command.spec;
    fillLocation(*endpoint, spec, m_target.locationId);

    QEventLoop loop;
    Api::ApiError error;
    QJsonObject result;
    Api::ApiJob* job = m_client->call(command.operationId, spec);
    job->onFinished(&loop, [&](const Api::ApiJob& finished) {
        error = finished.error();
        result = finished.result();
        loop.quit();
    });
    loop.exec();
    if (error.isError())
        return fail(error);
    writeOut(QJsonDocument(result).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runListAll(const Command& command)
{
    Api::ContactWalkOptions options;
    options.pageLimit = command.pageLimit;
    Api::ContactWalker walker(*m_client, options);
    bool first = true;
    // One JSON array, written as the pages arrive, one contact per line.
    writeOut("[");
    connect(
        &walker, &Api::ContactWalker::pageReady, this, [&first](const Api::ContactWalkPage& page) {
            QByteArray chunk;
            for (const QJsonValue& contact : page.json) {
                chunk += first ? "\n" : ",\n";
                chunk += compact(contact.toObject());
                first = false;
            }
            writeOut(chunk);
        });
    if (command.verbose) {
        connect(&walker, &Api::ContactWalker::fellBack, this, [](const Api::ApiError& reason) {
            writeErr(QStringLiteral("search refused (HTTP %1); listing through GET /contacts/\n")
                         .arg(reason.httpStatus()));
        });
    }
    QEventLoop loop;
    connect(&walker, &Api::ContactWalker::finished, &loop, &QEventLoop::quit);
    walker.start();
    if (walker.isRunning())
        loop.exec();
    writeOut(first ? "]\n" : "\n]\n");
    if (walker.error().isError())
        return fail(walker.error());
    return ExitOk;
}

bool CliRunner::targetIsSandbox(const Target& target, QString* why)
{
    if (target.sandbox) {
        *why = QStringLiteral("the embedded sandbox");
        return true;
    }
    if (target.sandboxAdminKey.isEmpty()) {
        *why = QStringLiteral("no sandbox admin key was given");
        return false;
    }
    QByteArray base = target.baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (base.endsWith('/'))
        base.chop(1);
    QNetworkRequest request(QUrl::fromEncoded(base + "/__sandbox/info"));
    request.setRawHeader("X-Sandbox-Admin-Key", target.sandboxAdminKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(infoTimeoutMs);
    QNetworkReply* reply = m_network->get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject info = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    if (status != 200) {
        *why = status > 0 ? QStringLiteral("GET /__sandbox/info answered HTTP %1").arg(status)
                          : QStringLiteral("GET /__sandbox/info got no answer");
        return false;
    }
    // A server that knows the admin key and serves this very location is the sandbox.
    if (info.value(L("locationId")).toString() != target.locationId) {
        *why = QStringLiteral("GET /__sandbox/info names another location");
        return false;
    }
    *why = QStringLiteral("GET /__sandbox/info confirmed a sandbox");
    return true;
}

int CliRunner::runVerify(const Command& command)
{
    Api::VerifyOptions options = command.verify;
    QString why;
    const bool sandbox = targetIsSandbox(m_target, &why);
    if (sandbox)
        options.allowWrites = true;
    else if (!options.allowWrites)
        writeErr(QStringLiteral("contactdesk-cli: the target is not known to be a sandbox (%1); "
                                "running the reads only. Give --allow-writes to run every "
                                "operation against it.\n")
                     .arg(why));
    if (m_sandbox) {
        // The embedded sandbox knows the ids the Contacts API cannot list.
        Sandbox::SandboxData& data = m_sandbox->data();
        if (options.userId.isEmpty())
            options.userId = data.userIds().value(0);
        if (options.businessId.isEmpty()) {
            QStringList businesses;
            for (const QJsonObject& business : std::as_const(data.businesses())) {
                if (business.value(L("locationId")).toString() == m_target.locationId)
                    businesses.append(business.value(L("id")).toString());
            }
            businesses.sort();
            options.businessId = businesses.value(0);
        }
        // Campaigns and workflows are not records in the sandbox: any id names one.
        if (options.campaignId.isEmpty())
            options.campaignId = data.newId();
        if (options.workflowId.isEmpty())
            options.workflowId = data.newId();
    }

    Api::EndpointVerifier verifier(*m_client, *m_clock, options);
    connect(
        &verifier, &Api::EndpointVerifier::resultReady, this, [](const Api::VerifyResult& result) {
            const QString status
                = result.httpStatus > 0 ? QString::number(result.httpStatus) : QStringLiteral("-");
            const QString latency = result.latencyMs >= 0
                ? QStringLiteral("%1 ms").arg(result.latencyMs)
                : QStringLiteral("-");
            QString line = QStringLiteral("%1 %2 %3  %4")
                               .arg(result.operationId, -36)
                               .arg(status, 4)
                               .arg(latency, 8)
                               .arg(Api::VerifyResult::outcomeName(result.outcome), -7);
            if (!result.reason.isEmpty())
                line += u' ' + QString(result.reason).replace(u'\n', u' ');
            writeOut(line.trimmed().toUtf8() + '\n');
        });
    QEventLoop loop;
    connect(&verifier, &Api::EndpointVerifier::finished, &loop, &QEventLoop::quit);
    verifier.start();
    if (verifier.isRunning())
        loop.exec();

    const int failed = verifier.count(Api::VerifyOutcome::Failed);
    writeOut(QStringLiteral("%1 passed, %2 failed, %3 skipped\n")
                 .arg(verifier.count(Api::VerifyOutcome::Passed))
                 .arg(failed)
                 .arg(verifier.count(Api::VerifyOutcome::Skipped))
                 .toUtf8());
    if (failed == 0)
        return ExitOk;
    const bool allNetwork = std::all_of(
        verifier.results().cbegin(), verifier.results().cend(), [](const Api::VerifyResult& r) {
            return r.outcome != Api::VerifyOutcome::Failed
                || exitCodeFor(Api::ApiError(r.errorKind, 0, {})) == ExitNetwork;
        });
    return allNetwork ? ExitNetwork : ExitApiError;
}

void CliRunner::printExchange(const Api::ApiExchange& exchange)
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
