#include "clirunner.h"

#include "api/apiclient.h"
#include "api/contactwalker.h"
#include "api/endpointverifier.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>

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
    if (command.action == Action::Help) {
        writeOut(helpText().toUtf8());
        return ExitOk;
    }
    if (!setUp(command))
        return ExitNetwork;
    if (command.verbose)
        connect(m_client.get(), &Api::ApiClient::exchanged, this, &CliRunner::printExchange);
    switch (command.action) {
    case Action::Call:
        return runCall(command);
    case Action::ListAll:
        return runListAll(command);
    case Action::Verify:
        return runVerify(command);
    case Action::Help:
        break;
    }
    return ExitOk;
}

bool CliRunner::setUp(const Command& command)
{
    m_clock = std::make_unique<SystemClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_target = command.target;
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
    return true;
}

int CliRunner::fail(const Api::ApiError& error)
{
    QStringList detail;
    if (error.httpStatus() > 0)
        detail.append(QStringLiteral("HTTP %1").arg(error.httpStatus()));
    else if (exitCodeFor(error) == ExitNetwork)
        detail.append(QStringLiteral("no HTTP answer"));
    if (!error.traceId().isEmpty())
        detail.append(QStringLiteral("traceId %1").arg(error.traceId()));
    QString line = QStringLiteral("contactdesk-cli: ") + error.userText();
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
