#include "clirunner.h"

#include "api/apiclient.h"
#include "api/contactwalker.h"
#include "api/endpointverifier.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "auth/connectioncheck.h"
#include "auth/connectionstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/oauthflow.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/syncstate.h"
#include "store/trash.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

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
    case Action::Sync:
    case Action::OutboxList:
    case Action::OutboxRetry:
    case Action::OutboxDiscard:
    case Action::TrashList:
    case Action::TrashRestore:
    case Action::CacheSearch:
    case Action::CacheStats:
        return runData(command);
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
    Api::ApiError error;
    waitFor([&](auto done) {
        Auth::startConnectionCheck(*m_client, m_target.locationId)
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

// The offline cache ---------------------------------------------------------------------------

namespace {

QString isoOrEmpty(qint64 ms)
{
    return ms > 0 ? isoUtc(ms) : QString();
}

QJsonObject outboxItemJson(const Store::OutboxItem& item)
{
    QJsonObject json {{QStringLiteral("id"), item.id},
        {QStringLiteral("kind"), Store::Outbox::kindName(item.kind)},
        {QStringLiteral("state"), Store::Outbox::stateName(item.state)},
        {QStringLiteral("contactId"), item.contactId}, {QStringLiteral("attempts"), item.attempts},
        {QStringLiteral("createdAt"), isoOrEmpty(item.createdAtMs)},
        {QStringLiteral("payload"), item.payload}};
    if (!item.childId.isEmpty())
        json.insert(QStringLiteral("childId"), item.childId);
    if (!item.base.isEmpty())
        json.insert(QStringLiteral("base"), item.base);
    if (!item.theirs.isEmpty())
        json.insert(QStringLiteral("theirs"), item.theirs);
    if (!item.lastError.isEmpty())
        json.insert(QStringLiteral("lastError"), item.lastError);
    if (item.nextAttemptAtMs > 0)
        json.insert(QStringLiteral("nextAttemptAt"), isoUtc(item.nextAttemptAtMs));
    if (!item.dependsOn.isEmpty())
        json.insert(QStringLiteral("dependsOn"), item.dependsOn);
    return json;
}

QJsonObject trashEntryJson(const Store::TrashEntry& entry)
{
    QJsonObject json {{QStringLiteral("id"), entry.id},
        {QStringLiteral("contactId"), entry.contactId},
        {QStringLiteral("name"), Store::ContactCache::displayName(entry.contact)},
        {QStringLiteral("deletedAt"), isoOrEmpty(entry.deletedAtMs)},
        {QStringLiteral("tasks"), int(entry.tasks.size())},
        {QStringLiteral("notes"), int(entry.notes.size())}};
    if (!entry.contact.email.isEmpty())
        json.insert(QStringLiteral("email"), entry.contact.email);
    if (!entry.restoredAs.isEmpty())
        json.insert(QStringLiteral("restoredAs"), entry.restoredAs);
    return json;
}

QString statusName(Store::LocalStatus status)
{
    switch (status) {
    case Store::LocalStatus::Synced:
        return QStringLiteral("synced");
    case Store::LocalStatus::Pending:
        return QStringLiteral("pending");
    case Store::LocalStatus::Failed:
        return QStringLiteral("failed");
    case Store::LocalStatus::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

QString kindName(Sync::SyncKind kind)
{
    return kind == Sync::SyncKind::Full ? QStringLiteral("full") : QStringLiteral("incremental");
}

QString progressLine(const Sync::SyncProgress& progress)
{
    const QString prefix = QStringLiteral("sync (%1): ").arg(kindName(progress.kind));
    switch (progress.phase) {
    case Sync::SyncProgress::Phase::Planning:
        return prefix + QStringLiteral("starting");
    case Sync::SyncProgress::Phase::Walking: {
        QString line
            = prefix + QStringLiteral("%1 pages, %2").arg(progress.pages).arg(progress.contacts);
        if (progress.total >= 0)
            line += QStringLiteral(" of %1").arg(progress.total);
        line += QStringLiteral(" contacts");
        if (progress.msLeft >= 0)
            line += QStringLiteral(", about %1 s left").arg((progress.msLeft + 999) / 1000);
        return line;
    }
    case Sync::SyncProgress::Phase::Reconciling:
        return prefix + QStringLiteral("looking for contacts deleted on the server");
    case Sync::SyncProgress::Phase::Refreshing:
        return prefix + QStringLiteral("fetching contacts whose local change was discarded");
    }
    return prefix;
}

// One progress line at a time: rewritten in place on a terminal, one line per update (at most a
// few a second) when stderr goes to a file or a pipe.
class ProgressLine
{
public:
    ProgressLine()
        : m_terminal(::isatty(fileno(stderr)) == 1)
    {
        m_sinceLast.start();
    }
    ~ProgressLine() { finish(); }

    void show(const QString& text, bool force = false)
    {
        if (text == m_last || (!force && m_shown && m_sinceLast.elapsed() < 250)) {
            m_pending = text;
            return;
        }
        m_pending.clear();
        m_last = text;
        m_shown = true;
        m_sinceLast.restart();
        writeErr(m_terminal ? QStringLiteral("\r\033[K") + text : text + u'\n');
    }

    void finish()
    {
        if (!m_pending.isEmpty())
            show(std::exchange(m_pending, {}), true);
        if (m_terminal && m_shown)
            writeErr(QStringLiteral("\n"));
        m_shown = false;
    }

private:
    bool m_terminal;
    bool m_shown = false;
    QString m_last;
    QString m_pending;
    QElapsedTimer m_sinceLast;
};

QString hashed(const QString& text, int length)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(length));
}

} // namespace

int CliRunner::resolveCacheTarget(Target& target, const QString& keychainService, bool needsToken)
{
    if (!target.saved)
        return ExitOk;
    Auth::ConnectionStore& store = connectionStore();
    const QString id = target.connectionId.isEmpty() ? store.activeId() : target.connectionId;
    if (needsToken) {
        const int resolved = resolveSaved(target, keychainService);
        if (resolved != ExitOk)
            return resolved;
        target.connectionId = id;
        return ExitOk;
    }
    const std::optional<Auth::Connection> connection = store.find(id);
    if (!connection)
        return usageFailure(
            QStringLiteral("there is no saved connection %1 (see connections list)").arg(id));
    target.connectionId = id;
    target.sandbox = connection->isSandbox();
    return ExitOk;
}

QString CliRunner::cachePath(const Target& target)
{
    QString connectionId;
    if (target.sandbox) {
        if (!target.sandboxDataFile.isEmpty())
            connectionId = QStringLiteral("sandbox-") + hashed(target.sandboxDataFile, 12);
    } else if (target.saved) {
        connectionId = target.connectionId;
    } else {
        const QString base
            = target.baseUrl.adjusted(QUrl::StripTrailingSlash).toString(QUrl::FullyEncoded);
        connectionId = QStringLiteral("direct-") + hashed(base + u'|' + target.locationId, 16);
    }
    if (connectionId.isEmpty()) {
        // The embedded sandbox is gone when this process ends; so is a cache of it.
        m_scratchCache = std::make_unique<QTemporaryDir>();
        return m_scratchCache->filePath(QStringLiteral("cache.sqlite"));
    }
    // The desktop app's folder, so both see the same cache, outbox and trash.
    QCoreApplication::setOrganizationName(QStringLiteral("ContactDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ContactDesk"));
    return Store::Database::defaultPath(connectionId);
}

int CliRunner::runData(const Command& command)
{
    const bool online = command.action == Action::Sync;
    Target target = command.target;
    const int resolved = resolveCacheTarget(target, command.keychainService, online);
    if (resolved != ExitOk)
        return resolved;
    const QString path = cachePath(target);
    if (online) {
        if (!setUp(target, command.verbose))
            return ExitNetwork;
    } else {
        // The cache commands never send anything; the workspace still wants a client.
        m_clock = std::make_unique<SystemClock>();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_tokens = std::make_unique<Api::StaticTokenProvider>(QString());
        m_budget = std::make_unique<Api::RateBudget>(*m_clock);
        m_target = target;
    }
    Api::ApiConfig config;
    config.baseUrl = m_target.baseUrl;
    config.locationId = m_target.locationId;
    config.retry = cliRetryPolicy();
    Sync::Workspace workspace(*m_network, *m_tokens, *m_budget, *m_clock, config, path);
    if (online && command.verbose)
        connect(&workspace.client(), &Api::ApiClient::exchanged, this, &CliRunner::printExchange);
    const Store::Database::OpenResult& opened = workspace.open();
    if (!opened.ok) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(opened.message));
        return ExitApiError;
    }
    if (!opened.movedAsidePath.isEmpty())
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(opened.message));

    switch (command.action) {
    case Action::Sync:
        return runSync(command, workspace);
    case Action::OutboxList:
        return runOutboxList(workspace);
    case Action::OutboxRetry:
        return runOutboxRetry(command, workspace);
    case Action::OutboxDiscard:
        return runOutboxDiscard(command, workspace);
    case Action::TrashList:
        return runTrashList(workspace);
    case Action::TrashRestore:
        return runTrashRestore(command, workspace);
    case Action::CacheSearch:
        return runCacheSearch(command, workspace);
    case Action::CacheStats:
        return runCacheStats(workspace);
    default:
        break;
    }
    return ExitUsage;
}

int CliRunner::runSync(const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    // The user asked for a sync: edits waiting for a back-off go now. Failed ones and
    // conflicts wait for `outbox retry` or the app.
    int toSend = 0;
    for (const Store::OutboxItem& item : outbox.list()) {
        const bool sendable = item.state == Store::OutboxState::Queued
            || item.state == Store::OutboxState::OutcomeUnknown;
        if (sendable && item.nextAttemptAtMs > m_clock->nowMs())
            outbox.retry(item.id);
        toSend += sendable ? 1 : 0;
    }

    ProgressLine line;
    QEventLoop loop;
    Sync::OutboxWorker& worker = workspace.outboxWorker();
    int sent = 0;
    int failed = 0;
    int conflicts = 0;
    QString pausedFor;
    connect(&worker, &Sync::OutboxWorker::itemDone, &loop, [&](qint64) {
        ++sent;
        line.show(QStringLiteral("outbox: %1 of %2 sent").arg(sent).arg(toSend));
    });
    connect(&worker, &Sync::OutboxWorker::itemFailed, &loop, [&](qint64) { ++failed; });
    connect(&worker, &Sync::OutboxWorker::itemConflict, &loop, [&](qint64) { ++conflicts; });
    connect(&worker, &Sync::OutboxWorker::idle, &loop, [&] {
        if (worker.isIdle())
            loop.quit();
    });
    connect(&worker, &Sync::OutboxWorker::pausedForSignIn, &loop, [&](const QString& why) {
        pausedFor = why;
        loop.quit();
    });
    if (toSend > 0) {
        line.show(QStringLiteral("outbox: sending %1 edit(s)").arg(toSend), true);
        worker.start();
        loop.exec();
        worker.stop();
        line.show(QStringLiteral("outbox: %1 of %2 sent").arg(sent).arg(toSend), true);
    }

    Sync::SyncEngine& engine = workspace.syncEngine();
    Sync::SyncResult result;
    connect(&engine, &Sync::SyncEngine::progressChanged, &loop,
        [&line](const Sync::SyncProgress& progress) {
            line.show(progressLine(progress), progress.phase != Sync::SyncProgress::Phase::Walking);
        });
    connect(&engine, &Sync::SyncEngine::finished, &loop, [&](const Sync::SyncResult& finished) {
        result = finished;
        loop.quit();
    });
    if (engine.sync(command.reconcile))
        loop.exec();
    line.finish();

    const int waiting = outbox.pendingCount();
    QJsonObject json {{QStringLiteral("ok"), result.ok},
        {QStringLiteral("kind"), kindName(result.kind)}, {QStringLiteral("pages"), result.pages},
        {QStringLiteral("contacts"), result.contacts}, {QStringLiteral("removed"), result.removed},
        {QStringLiteral("reconciled"), result.reconciled},
        {QStringLiteral("refreshed"), result.refreshed},
        {QStringLiteral("elapsedMs"), result.elapsedMs},
        {QStringLiteral("outbox"),
            QJsonObject {{QStringLiteral("sent"), sent}, {QStringLiteral("failed"), failed},
                {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("waiting"), waiting}}},
        {QStringLiteral("cache"),
            QJsonObject {{QStringLiteral("contacts"), workspace.cache().count()}}}};
    if (!result.ok)
        json.insert(QStringLiteral("error"), result.message());
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (waiting > 0) {
        writeErr(QStringLiteral("contactdesk-cli: %1 local edit(s) are not on the server yet (see "
                                "outbox list)%2\n")
                     .arg(waiting)
                     .arg(pausedFor.isEmpty() ? QString() : QStringLiteral(": ") + pausedFor));
    }
    if (result.ok)
        return ExitOk;
    if (result.storeError.isError()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(result.storeError.message));
        return ExitApiError;
    }
    return fail(result.apiError, QStringLiteral("the sync stopped: "));
}

int CliRunner::runOutboxList(Sync::Workspace& workspace)
{
    QJsonArray items;
    for (const Store::OutboxItem& item : workspace.outbox().list())
        items.append(outboxItemJson(item));
    writeOut(QJsonDocument(items).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runOutboxRetry(const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    const std::optional<Store::OutboxItem> item = outbox.item(command.itemId);
    if (!item || item->state == Store::OutboxState::Done)
        return usageFailure(
            QStringLiteral("there is no outbox item %1 (see outbox list)").arg(command.itemId));
    if (!outbox.retry(command.itemId)) {
        writeErr(QStringLiteral("contactdesk-cli: outbox item %1 is %2 and cannot be retried%3\n")
                     .arg(command.itemId)
                     .arg(Store::Outbox::stateName(item->state),
                         item->state == Store::OutboxState::Conflict
                             ? QStringLiteral(" (a conflict is resolved in the app, or discarded)")
                             : QString()));
        return ExitApiError;
    }
    writeOut(QJsonDocument(outboxItemJson(*outbox.item(command.itemId)))
                 .toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runOutboxDiscard(const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    const std::optional<Store::OutboxItem> item = outbox.item(command.itemId);
    if (!item || item->state == Store::OutboxState::Done)
        return usageFailure(
            QStringLiteral("there is no outbox item %1 (see outbox list)").arg(command.itemId));
    if (!outbox.discard(command.itemId)) {
        const Store::StoreError error = outbox.lastError();
        writeErr(QStringLiteral("contactdesk-cli: outbox item %1 cannot be discarded%2\n")
                     .arg(command.itemId)
                     .arg(error.isError() ? QStringLiteral(": ") + error.message
                                          : QStringLiteral(" while it is being sent")));
        return ExitApiError;
    }
    writeOut(compact(QJsonObject {{QStringLiteral("discarded"), command.itemId},
                 {QStringLiteral("kind"), Store::Outbox::kindName(item->kind)}})
        + '\n');
    return ExitOk;
}

int CliRunner::runTrashList(Sync::Workspace& workspace)
{
    QJsonArray entries;
    for (const Store::TrashEntry& entry : workspace.trash().list())
        entries.append(trashEntryJson(entry));
    writeOut(QJsonDocument(entries).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runTrashRestore(const Command& command, Sync::Workspace& workspace)
{
    const std::optional<Store::TrashEntry> entry = workspace.trash().entry(command.itemId);
    if (!entry)
        return usageFailure(
            QStringLiteral("there is no trash entry %1 (see trash list)").arg(command.itemId));
    if (!entry->restoredAs.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: trash entry %1 was already restored as %2\n")
                     .arg(command.itemId)
                     .arg(entry->restoredAs));
        return ExitApiError;
    }
    const QString restoredAs = workspace.edits().restore(command.itemId);
    if (restoredAs.isEmpty() || !workspace.edits().unsavedEdits().isEmpty()) {
        const Store::StoreError error = workspace.database().lastError();
        writeErr(QStringLiteral("contactdesk-cli: the restore could not be saved%1\n")
                     .arg(error.isError() ? QStringLiteral(": ") + error.message : QString()));
        return ExitApiError;
    }
    QJsonObject json = trashEntryJson(*workspace.trash().entry(command.itemId));
    json.insert(QStringLiteral("restoredAs"), restoredAs);
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runCacheSearch(const Command& command, Sync::Workspace& workspace)
{
    Store::ContactCache& cache = workspace.cache();
    QVector<qint64> rowIds = cache.matchingRowIds(command.searchText);
    if (rowIds.size() > command.searchLimit)
        rowIds.resize(command.searchLimit);
    QJsonArray matches;
    for (const Store::ContactSummary& summary : cache.summaries(rowIds)) {
        matches.append(QJsonObject {{QStringLiteral("id"), summary.id},
            {QStringLiteral("name"), summary.displayName}, {QStringLiteral("email"), summary.email},
            {QStringLiteral("phone"), summary.phone}, {QStringLiteral("company"), summary.company},
            {QStringLiteral("tags"), QJsonArray::fromStringList(summary.tags)},
            {QStringLiteral("status"), statusName(summary.localStatus)}});
    }
    if (cache.lastError().isError()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(cache.lastError().message));
        return ExitApiError;
    }
    writeOut(QJsonDocument(matches).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int CliRunner::runCacheStats(Sync::Workspace& workspace)
{
    QJsonObject outbox;
    int pending = 0;
    for (const Store::OutboxItem& item : workspace.outbox().list()) {
        const QString state = Store::Outbox::stateName(item.state);
        outbox.insert(state, outbox.value(state).toInt() + 1);
        ++pending;
    }
    outbox.insert(QStringLiteral("pending"), pending);
    Store::SyncState& state = workspace.syncState();
    QJsonObject json {{QStringLiteral("path"), workspace.database().path()},
        {QStringLiteral("schemaVersion"), workspace.database().schemaVersion()},
        {QStringLiteral("contacts"), workspace.cache().count()}, {QStringLiteral("outbox"), outbox},
        {QStringLiteral("trash"), workspace.trash().count()},
        {QStringLiteral("fullSyncComplete"), state.fullSyncComplete()}};
    const auto time = [&json](const char* key, const std::optional<qint64>& ms) {
        if (ms)
            json.insert(QLatin1StringView(key), isoUtc(*ms));
    };
    time("lastFullSync", state.lastFullSyncMs());
    time("lastIncrementalSync", state.lastIncrementalSyncMs());
    time("lastReconciliation", state.lastReconciliationMs());
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

} // namespace ContactDesk::Cli
