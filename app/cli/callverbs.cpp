// call (any catalog operation) and verify (every operation once).
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "api/endpointverifier.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

constexpr int infoTimeoutMs = 10000;

// Whether the target is a sandbox `verify` may write to, and why (for the report). A confirmed
// external sandbox also names its company, which search-users needs.
bool targetIsSandbox(CliSession& session, const Target& target, QString* why, QString* companyId)
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
    QNetworkReply* reply = session.network().get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
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
    *companyId = info.value(L("companyId")).toString();
    return true;
}

} // namespace

Command parseCall(VerbParser& parser, const Command& command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("call"), {&options.path, &options.query, &options.body});
    parser.expectArguments(QStringLiteral("call"), 1,
        QStringLiteral("OPERATION_ID [--path K=V]... [--query K=V]... [--body JSON|@FILE]"));
    const QString operationId = parser.words().first();
    const Api::Endpoint* endpoint = Api::findEndpoint(operationId);
    if (!endpoint)
        usage(QStringLiteral("unknown operation %1").arg(operationId));
    Api::RequestSpec spec;
    const QStringList names = pathParameters(*endpoint);
    for (const QString& item : parser.values(options.path)) {
        const auto [key, value] = VerbParser::keyValue(item, QStringLiteral("path"));
        if (!names.contains(key))
            usage(QStringLiteral("%1 has no path parameter %2 (it takes: %3)")
                      .arg(operationId, key,
                          names.isEmpty() ? QStringLiteral("none") : names.join(u' ')));
        spec.path.insert(key, value);
    }
    for (const QString& name : names) {
        // The location comes from the target when not given (fillLocation).
        if (spec.path.value(name).isEmpty() && name != L("locationId"))
            usage(QStringLiteral("%1 needs --path %2=VALUE").arg(operationId, name));
    }
    for (const QString& item : parser.values(options.query))
        spec.query.append(VerbParser::keyValue(item, QStringLiteral("query")));
    if (parser.isSet(options.body)) {
        if (!endpoint->takesBody)
            usage(QStringLiteral("%1 takes no body").arg(operationId));
        spec.body = parser.body(true, operationId);
    }
    return VerbParser::request(command, operationId, spec);
}

Command parseVerify(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("verify"),
        {&options.allowWrites, &options.campaignId, &options.workflowId, &options.businessId,
            &options.userId});
    parser.expectArguments(QStringLiteral("verify"), 0,
        QStringLiteral("[--allow-writes] [--campaign-id ID] [--workflow-id ID] "
                       "[--business-id ID] [--user-id ID]"));
    command.action = Action::Verify;
    command.verify.allowWrites = parser.isSet(options.allowWrites);
    command.verify.campaignId = parser.value(options.campaignId);
    command.verify.workflowId = parser.value(options.workflowId);
    command.verify.businessId = parser.value(options.businessId);
    command.verify.userId = parser.value(options.userId);
    return command;
}

int runCall(CliSession& session, const Command& command)
{
    const Api::Endpoint* endpoint = Api::findEndpoint(command.operationId);
    Q_ASSERT(endpoint); // the parser accepts catalog ids only
    Api::RequestSpec spec = command.spec;
    fillLocation(*endpoint, spec, session.target().locationId, session.target().companyId);

    QEventLoop loop;
    Api::ApiError error;
    QJsonObject result;
    Api::ApiJob* job = session.client().call(command.operationId, spec);
    job->onFinished(&loop, [&](const Api::ApiJob& finished) {
        error = finished.error();
        result = finished.result();
        loop.quit();
    });
    loop.exec();
    if (error.isError())
        return session.fail(error);
    writeOut(QJsonDocument(result).toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runVerify(CliSession& session, const Command& command)
{
    Api::VerifyOptions options = command.verify;
    QString why;
    QString sandboxCompany;
    const bool sandbox = targetIsSandbox(session, session.target(), &why, &sandboxCompany);
    if (options.companyId.isEmpty())
        options.companyId
            = session.target().companyId.isEmpty() ? sandboxCompany : session.target().companyId;
    if (sandbox)
        options.allowWrites = true;
    else if (!options.allowWrites)
        writeErr(QStringLiteral("contactdesk-cli: the target is not known to be a sandbox (%1); "
                                "running the reads only. Give --allow-writes to run every "
                                "operation against it.\n")
                     .arg(why));
    if (session.sandbox()) {
        // The embedded sandbox knows the ids the Contacts API cannot list.
        Sandbox::SandboxData& data = session.sandbox()->data();
        if (options.userId.isEmpty())
            options.userId = data.userIds().value(0);
        if (options.businessId.isEmpty()) {
            QStringList businesses;
            for (const QJsonObject& business : std::as_const(data.businesses())) {
                if (business.value(L("locationId")).toString() == session.target().locationId)
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

    Api::EndpointVerifier verifier(session.client(), session.clock(), options);
    QObject::connect(&verifier, &Api::EndpointVerifier::resultReady, &verifier,
        [](const Api::VerifyResult& result) {
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
    QObject::connect(&verifier, &Api::EndpointVerifier::finished, &loop, &QEventLoop::quit);
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

} // namespace ContactDesk::Cli
