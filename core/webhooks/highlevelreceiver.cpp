#include "webhooks/highlevelreceiver.h"

#include "automation/eventreceiver.h"
#include "common/clock.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookledger.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHooks, "contactdesk.webhooks.receiver", QtInfoMsg)

namespace ContactDesk::Webhooks {

HighLevelReceiver::HighLevelReceiver(HighLevelVerifier verifier, WebhookLedger& ledger,
    WebhookApplier* applier, const Clock& clock, HighLevelReceiverOptions options, QObject* parent)
    : QObject(parent)
    , m_verifier(std::move(verifier))
    , m_ledger(ledger)
    , m_applier(applier)
    , m_clock(clock)
    , m_options(std::move(options))
{ }

bool HighLevelReceiver::install(Automation::EventReceiver& receiver)
{
    return receiver.addRoute(QString(path), [this](const QHttpServerRequest& request) {
        if (request.method() != QHttpServerRequest::Method::Post) {
            Automation::RouteAnswer refused
                = reply(405, QStringLiteral("refused"), QStringLiteral("webhooks are POSTed"));
            refused.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
            return refused;
        }
        return receive(request.headers(), request.body());
    });
}

Automation::RouteAnswer HighLevelReceiver::reply(int status, const QString& state,
    const QString& reason, const QString& type, QList<QPair<QByteArray, QByteArray>> headers)
{
    QJsonObject body {{QStringLiteral("status"), state}};
    if (status >= 400)
        body.insert(QStringLiteral("error"), reason);
    else
        body.insert(QStringLiteral("reason"), reason);
    Q_EMIT received(status, type, reason);
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), reason, std::move(headers)};
}

Automation::RouteAnswer HighLevelReceiver::receive(
    const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& rawBody)
{
    // The signature first, over the bytes exactly as they came.
    const SignatureCheck check = m_verifier.verify(SignatureHeaders::fromHeaders(headers), rawBody);
    if (!isValid(check))
        return reply(401, QStringLiteral("refused"), signatureCheckMessage(check));
    QString error;
    const std::optional<WebhookPayload> payload = parseWebhookPayload(rawBody, &error);
    if (!payload)
        return reply(400, QStringLiteral("refused"), error);
    const ReceiptVerdict verdict = checkReceipt(*payload, m_options.policy, m_clock.nowMs());
    const QString message = receiptVerdictMessage(verdict, *payload);
    switch (verdict) {
    case ReceiptVerdict::Accept:
        break;
    case ReceiptVerdict::TooOld:
    case ReceiptVerdict::TooNew:
        return reply(401, QStringLiteral("refused"), message, payload->type);
    case ReceiptVerdict::OtherLocation:
    case ReceiptVerdict::OtherApp:
        qCWarning(lcHooks).noquote() << "webhook" << payload->webhookId << payload->type << message;
        return reply(200, QStringLiteral("ignored"), message, payload->type);
    }
    if (m_ledger.pendingCount() >= m_options.maxBacklog)
        return reply(429, QStringLiteral("busy"),
            QStringLiteral("%1 webhooks wait to be applied; send it again later")
                .arg(m_options.maxBacklog),
            payload->type, {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("10")}});
    switch (m_ledger.record(*payload, rawBody)) {
    case WebhookLedger::Recorded::Duplicate:
        return reply(200, QStringLiteral("duplicate"),
            QStringLiteral("webhookId %1 was received before").arg(payload->webhookId),
            payload->type);
    case WebhookLedger::Recorded::Failed:
        qCWarning(lcHooks) << "cannot store webhook" << payload->webhookId << m_ledger.lastError();
        return reply(503, QStringLiteral("refused"),
            QStringLiteral("the webhook could not be stored"), payload->type,
            {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")}});
    case WebhookLedger::Recorded::Stored:
        break;
    }
    if (m_applier)
        m_applier->schedule();
    // Ids older than the window are forgotten at most once an hour.
    const qint64 now = m_clock.nowMs();
    const qint64 keep = std::max(m_options.keepIdsMs, 2 * m_options.policy.toleranceSecs * 1000);
    if (now - m_lastPruneMs > 3600 * 1000) {
        m_lastPruneMs = now;
        m_ledger.prune(now - keep);
    }
    return reply(200, QStringLiteral("accepted"),
        message + QStringLiteral(" (") + signatureCheckMessage(check) + u')', payload->type);
}

} // namespace ContactDesk::Webhooks
