#include "webhooks/webhookintake.h"

#include "api/contactsapi.h"
#include "automation/eventreceiver.h"
#include "common/clock.h"
#include "sync/workspace.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookledger.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

Q_LOGGING_CATEGORY(lcIntake, "contactdesk.webhooks.intake", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

using L = QLatin1StringView;

// A control call that takes longer than this has failed: the sandbox answers at once.
constexpr int controlTimeoutMs = 10000;

QJsonObject jsonAnswer(const QString& state, const QString& error)
{
    return {{QStringLiteral("status"), state}, {QStringLiteral("error"), error}};
}

QUrl controlUrl(const QUrl& base, const QString& route)
{
    QByteArray root = base.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (root.endsWith('/'))
        root.chop(1);
    return QUrl::fromEncoded(root + "/__sandbox" + route.toUtf8());
}

QNetworkRequest controlRequest(const QUrl& url, const QString& adminKey)
{
    QNetworkRequest request(url);
    request.setRawHeader("X-Sandbox-Admin-Key", adminKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(controlTimeoutMs);
    return request;
}

// "GET /__sandbox/info answered HTTP 401: ..." or empty when the reply is a 200.
QString controlFailure(QNetworkReply* reply, const QString& what, QJsonObject* body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    *body = QJsonDocument::fromJson(bytes).object();
    if (status / 100 == 2)
        return {};
    if (status == 0)
        return QStringLiteral("%1 got no answer: %2").arg(what, reply->errorString());
    const QString detail = body->value(L("message")).toString();
    return detail.isEmpty()
        ? QStringLiteral("%1 answered HTTP %2").arg(what).arg(status)
        : QStringLiteral("%1 answered HTTP %2: %3").arg(what).arg(status).arg(detail);
}

} // namespace

QString webhookKeySourceName(WebhookKeySource source)
{
    switch (source) {
    case WebhookKeySource::None:
        return QStringLiteral("none");
    case WebhookKeySource::Sandbox:
        return QStringLiteral("sandbox");
    case WebhookKeySource::Files:
        return QStringLiteral("files");
    case WebhookKeySource::Given:
        return QStringLiteral("given");
    }
    return {};
}

WebhookIntake::WebhookIntake(Sync::Workspace& workspace, const Clock& clock,
    HighLevelReceiverOptions options, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_keyHint(QStringLiteral("set the path of HighLevel's webhook public key (PEM) in the "
                               "connection's webhook settings"))
{
    if (m_options.policy.locationId.isEmpty())
        m_options.policy.locationId = workspace.client().locationId();
    m_contacts = std::make_unique<Api::ContactsApi>(
        workspace.client(), Api::Priority::Background, Api::RequestCause::Webhook);
    m_ledger = std::make_unique<WebhookLedger>(workspace.database());
    m_applier = std::make_unique<WebhookApplier>(
        workspace.cache(), workspace.children(), *m_contacts, *m_ledger, m_clock);
    m_receiver = std::make_unique<HighLevelReceiver>(
        m_verifier, *m_ledger, m_applier.get(), m_clock, m_options);
    // Emitted synchronously inside receive(): the type it read, for count() there.
    connect(m_receiver.get(), &HighLevelReceiver::received, this,
        [this](int, const QString& type, const QString&) { m_answeredType = type; });
    connect(m_applier.get(), &WebhookApplier::finished, this,
        [this](const QString& webhookId, const QString& status, const QString& reason) {
            if (status == L("applied"))
                ++m_summary.applied;
            Q_EMIT applied(webhookId, status, reason);
            Q_EMIT summaryChanged();
        });
    // What was accepted before a restart (or a crash) and not applied yet goes first.
    if (m_ledger->pendingCount() > 0) {
        qCInfo(lcIntake) << m_ledger->pendingCount() << "webhooks received earlier are applied now";
        applyPending();
    }
}

WebhookIntake::~WebhookIntake() = default;

bool WebhookIntake::useKeyFiles(
    const QString& rsaPemPath, const QString& ed25519PemPath, QString* error)
{
    QString problem;
    const std::optional<HighLevelVerifier> verifier
        = HighLevelVerifier::fromPemFiles(rsaPemPath, ed25519PemPath, &problem);
    if (!verifier) {
        if (error)
            *error = problem;
        return false;
    }
    useVerifier(*verifier, WebhookKeySource::Files);
    return true;
}

void WebhookIntake::useVerifier(const HighLevelVerifier& verifier, WebhookKeySource source)
{
    m_verifier = verifier;
    m_keySource = verifier.hasKey() ? source : WebhookKeySource::None;
    m_receiver->setVerifier(m_verifier);
    Q_EMIT summaryChanged();
}

void WebhookIntake::clearKeys()
{
    ++m_linkGeneration;
    m_linkedUrl.clear();
    useVerifier(HighLevelVerifier(), WebhookKeySource::None);
}

QString WebhookIntake::keyProblem() const
{
    return QStringLiteral("no HighLevel webhook public key is configured, so webhooks cannot be "
                          "verified and are refused: %1")
        .arg(m_keyHint);
}

void WebhookIntake::linkSandbox(QNetworkAccessManager& network, const QUrl& sandboxBaseUrl,
    const QString& adminKey, const QUrl& receiverUrl, std::function<void(const QString&)> done)
{
    const int generation = ++m_linkGeneration;
    QPointer<WebhookIntake> self(this);
    const auto finish = [self, generation, done](const QString& error) {
        if (!self || self->m_linkGeneration != generation)
            return;
        if (!error.isEmpty())
            qCWarning(lcIntake).noquote() << "the sandbox cannot deliver webhooks here:" << error;
        Q_EMIT self->sandboxLinked(error);
        if (done)
            done(error);
    };
    QNetworkReply* info = network.get(
        controlRequest(controlUrl(sandboxBaseUrl, QStringLiteral("/info")), adminKey));
    connect(info, &QNetworkReply::finished, this,
        [this, info, generation, finish, &network, sandboxBaseUrl, adminKey, receiverUrl] {
            info->deleteLater();
            if (m_linkGeneration != generation)
                return;
            QJsonObject body;
            if (const QString failure
                = controlFailure(info, QStringLiteral("GET /__sandbox/info"), &body);
                !failure.isEmpty()) {
                finish(failure);
                return;
            }
            const QJsonObject keys = body.value(L("webhookPublicKeys")).toObject();
            QString rsaError;
            QString edError;
            const PublicKey rsa
                = PublicKey::fromPem(keys.value(L("rsa")).toString().toLatin1(), &rsaError);
            const PublicKey ed
                = PublicKey::fromPem(keys.value(L("ed25519")).toString().toLatin1(), &edError);
            if (rsa.kind() != PublicKey::Kind::Rsa || ed.kind() != PublicKey::Kind::Ed25519) {
                finish(QStringLiteral("the sandbox's webhookPublicKeys do not load (rsa: %1; "
                                      "ed25519: %2)")
                           .arg(rsaError.isEmpty() ? QStringLiteral("ok") : rsaError,
                               edError.isEmpty() ? QStringLiteral("ok") : edError));
                return;
            }
            HighLevelVerifier verifier;
            verifier.setRsaKey(rsa);
            verifier.setEd25519Key(ed);
            useVerifier(verifier, WebhookKeySource::Sandbox);

            QUrl target = receiverUrl;
            target.setPath(QString(HighLevelReceiver::path));
            const QByteArray payload = QJsonDocument(
                QJsonObject {{QStringLiteral("url"),
                    target.toString()}}).toJson(QJsonDocument::Compact);
            QNetworkReply* put = network.put(
                controlRequest(controlUrl(sandboxBaseUrl, QStringLiteral("/webhooks")), adminKey),
                payload);
            connect(put, &QNetworkReply::finished, this, [this, put, generation, finish, target] {
                put->deleteLater();
                if (m_linkGeneration != generation)
                    return;
                QJsonObject answer;
                if (const QString failure
                    = controlFailure(put, QStringLiteral("PUT /__sandbox/webhooks"), &answer);
                    !failure.isEmpty()) {
                    finish(failure);
                    return;
                }
                m_linkedUrl = target;
                qCInfo(lcIntake).noquote() << "the sandbox delivers its webhooks to" << target;
                finish({});
            });
        });
}

void WebhookIntake::sendSandboxTestWebhook(QNetworkAccessManager& network,
    const QUrl& sandboxBaseUrl, const QString& adminKey,
    std::function<void(const QString& webhookId, const QString& error)> done)
{
    QNetworkReply* reply = network.post(
        controlRequest(controlUrl(sandboxBaseUrl, QStringLiteral("/webhooks/test")), adminKey),
        QByteArrayLiteral("{}"));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        QJsonObject body;
        const QString failure
            = controlFailure(reply, QStringLiteral("POST /__sandbox/webhooks/test"), &body);
        done(failure.isEmpty() ? body.value(L("webhookId")).toString() : QString(), failure);
    });
}

bool WebhookIntake::install(Automation::EventReceiver& receiver)
{
    return receiver.addRoute(QString(HighLevelReceiver::path),
        [this](const QHttpServerRequest& request) -> Automation::RouteAnswer {
            if (request.method() != QHttpServerRequest::Method::Post) {
                const QString why = QStringLiteral("webhooks are POSTed");
                count(405, QStringLiteral("refused"), {}, why);
                return {405,
                    QJsonDocument(jsonAnswer(QStringLiteral("refused"), why))
                        .toJson(QJsonDocument::Compact),
                    why, {{QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")}}};
            }
            return receive(request.headers(), request.body());
        });
}

Automation::RouteAnswer WebhookIntake::receive(
    const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& rawBody)
{
    if (!m_verifier.hasKey()) {
        // Verifying against nothing would let anyone write to the cache: refuse, and say how to
        // fix it. 503: the delivery is fine, this server is not ready for it.
        const QString why = keyProblem();
        qCWarning(lcIntake).noquote() << "webhook refused:" << why;
        count(503, QStringLiteral("refused"), {}, why);
        return {503,
            QJsonDocument(jsonAnswer(QStringLiteral("refused"), why))
                .toJson(QJsonDocument::Compact),
            why, {}};
    }
    m_answeredType.clear();
    Automation::RouteAnswer answer = m_receiver->receive(headers, rawBody);
    const QString state
        = QJsonDocument::fromJson(answer.body).object().value(L("status")).toString();
    count(answer.status, state, m_answeredType, answer.reason);
    return answer;
}

void WebhookIntake::applyPending()
{
    m_applier->schedule();
}

bool WebhookIntake::isIdle() const
{
    return m_applier->isIdle();
}

void WebhookIntake::count(
    int status, const QString& state, const QString& type, const QString& reason)
{
    ++m_summary.received;
    if (status >= 400)
        ++m_summary.rejected;
    else if (state == L("accepted"))
        ++m_summary.accepted;
    else
        ++m_summary.ignored;
    m_summary.lastDeliveryMs = m_clock.nowMs();
    m_summary.lastStatus = status;
    m_summary.lastType = type;
    m_summary.lastReason = reason;
    Q_EMIT received(status, type, reason);
    Q_EMIT summaryChanged();
}

WebhookIntakeSummary WebhookIntake::summary() const
{
    WebhookIntakeSummary summary = m_summary;
    summary.pending = m_ledger->pendingCount();
    return summary;
}

} // namespace ContactDesk::Webhooks
