#include "sandbox/webhookemitter.h"

#include "common/clock.h"
#include "sandbox/sandboxdata.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace ContactDesk::Sandbox {

namespace {

constexpr int transferTimeoutMs = 10000;
constexpr int heldBackMs = 1000; // an out-of-order event waits this long for a successor
constexpr qint64 maxRetryIntervalMs = 24LL * 3600 * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString faultName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Drop:
        return QStringLiteral("drop");
    case FaultKind::Latency:
        return QStringLiteral("latency");
    case FaultKind::Duplicate:
        return QStringLiteral("duplicate");
    case FaultKind::OutOfOrder:
        return QStringLiteral("out-of-order");
    case FaultKind::BadSignature:
        return QStringLiteral("bad-signature");
    default:
        return {};
    }
}

} // namespace

WebhookEmitter::WebhookEmitter(SandboxData& data, FaultInjector& faults, QObject* parent)
    : QObject(parent)
    , m_data(data)
    , m_faults(faults)
{
    m_network.setTransferTimeout(transferTimeoutMs);
    m_heldTimer.setSingleShot(true);
    connect(&m_heldTimer, &QTimer::timeout, this, &WebhookEmitter::releaseHeld);
    m_delayTimer.setSingleShot(true);
    connect(&m_delayTimer, &QTimer::timeout, this, &WebhookEmitter::pump);
}

WebhookEmitter::~WebhookEmitter() = default;

QString WebhookEmitter::configure(const QJsonObject& json)
{
    QUrl url = m_url;
    if (json.contains(QStringLiteral("url"))) {
        const QJsonValue value = json.value(QStringLiteral("url"));
        if (!value.isNull() && !value.isString())
            return QStringLiteral("url must be a string (empty or null turns webhooks off)");
        url = QUrl(value.toString(), QUrl::StrictMode);
        if (!value.toString().isEmpty()
            && (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != QStringLiteral("http")
                    && url.scheme() != QStringLiteral("https"))))
            return QStringLiteral("url must be an http or https URL");
    }
    qint64 interval = m_retryIntervalMs;
    if (json.contains(QStringLiteral("retryIntervalMs"))) {
        const QJsonValue value = json.value(QStringLiteral("retryIntervalMs"));
        interval = value.toInteger(-1);
        if (!value.isDouble() || interval < 0 || interval > maxRetryIntervalMs)
            return QStringLiteral("retryIntervalMs must be a number from 0 to %1")
                .arg(maxRetryIntervalMs);
    }
    int attempts = m_maxAttempts;
    if (json.contains(QStringLiteral("maxAttempts"))) {
        const QJsonValue value = json.value(QStringLiteral("maxAttempts"));
        attempts = value.toInt(-1);
        if (!value.isDouble() || attempts < 1 || attempts > 100)
            return QStringLiteral("maxAttempts must be a number from 1 to 100");
    }
    m_url = url;
    m_retryIntervalMs = interval;
    m_maxAttempts = attempts;
    return {};
}

QJsonObject WebhookEmitter::toJson(qint64 sinceSeq) const
{
    QJsonArray deliveries;
    for (qsizetype i = qsizetype(qMax<qint64>(0, sinceSeq - m_firstSeq + 1));
         i < m_deliveries.size(); ++i)
        deliveries.append(m_deliveries.at(i));
    return {{QStringLiteral("url"), m_url.toString()},
        {QStringLiteral("retryIntervalMs"), m_retryIntervalMs},
        {QStringLiteral("maxAttempts"), m_maxAttempts}, {QStringLiteral("deliveries"), deliveries},
        {QStringLiteral("lastSeq"), m_firstSeq + m_deliveries.size() - 1}};
}

void WebhookEmitter::clearDeliveries()
{
    trim(0);
}

// Entries go from the front only, so the others keep their place; one still on its way stops
// the trim.
void WebhookEmitter::trim(qsizetype keep)
{
    while (m_deliveries.size() > keep && !m_outstanding.contains(m_firstSeq)) {
        m_deliveries.removeFirst();
        ++m_firstSeq;
    }
}

void WebhookEmitter::settle(qint64 seq)
{
    const auto it = m_outstanding.find(seq);
    if (it != m_outstanding.end() && --it.value() <= 0)
        m_outstanding.erase(it);
    trim(maxKeptDeliveries);
}

QString WebhookEmitter::send(QJsonObject payload)
{
    const QString type = payload.value(QStringLiteral("type")).toString();
    const QString webhookId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    payload.insert(QStringLiteral("timestamp"), isoUtc(m_data.clock().nowMs()));
    payload.insert(QStringLiteral("webhookId"), webhookId);
    payload.insert(QStringLiteral("appId"), m_data.oauthApp().appId);
    payload.insert(QStringLiteral("versionId"), m_data.oauthApp().versionId);

    Pending pending;
    pending.seq = m_firstSeq + m_deliveries.size();
    pending.body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    QJsonObject delivery {{QStringLiteral("seq"), pending.seq},
        {QStringLiteral("webhookId"), webhookId}, {QStringLiteral("type"), type},
        {QStringLiteral("url"), m_url.toString()},
        {QStringLiteral("state"), QStringLiteral("queued")}, {QStringLiteral("attempts"), 0},
        {QStringLiteral("status"), 0}, {QStringLiteral("payload"), payload}};

    const std::optional<FaultRule> fault = m_faults.takeWebhook(type, m_data.random());
    if (fault)
        delivery.insert(QStringLiteral("fault"), faultName(fault->kind));
    m_deliveries.append(delivery);

    if (fault && fault->kind == FaultKind::Drop) {
        update(pending.seq, {{QStringLiteral("state"), QStringLiteral("dropped")}});
        trim(maxKeptDeliveries);
        return webhookId;
    }
    const bool twice = fault && fault->kind == FaultKind::Duplicate;
    m_outstanding.insert(pending.seq, twice ? 2 : 1);
    if (fault && fault->kind == FaultKind::BadSignature)
        pending.badSignature = true;
    if (fault && fault->kind == FaultKind::Latency)
        pending.notBeforeMs = nowMs() + fault->latencyMs;
    if (fault && fault->kind == FaultKind::OutOfOrder) {
        m_held.append(pending);
        m_heldTimer.start(
            fault->latencyMs > 0 ? int(qMin<qint64>(fault->latencyMs, INT_MAX)) : heldBackMs);
        return webhookId;
    }
    enqueue(pending);
    if (twice)
        enqueue(pending);
    releaseHeld();
    return webhookId;
}

void WebhookEmitter::enqueue(Pending pending)
{
    m_queue.push_back(std::move(pending));
    pump();
}

void WebhookEmitter::releaseHeld()
{
    m_heldTimer.stop();
    const QList<Pending> held = std::exchange(m_held, {});
    for (const Pending& pending : held)
        m_queue.push_back(pending);
    pump();
}

void WebhookEmitter::pump()
{
    if (m_busy || m_queue.empty())
        return;
    const qint64 wait = m_queue.front().notBeforeMs - nowMs();
    if (wait > 0) {
        m_delayTimer.start(int(qMin<qint64>(wait, INT_MAX)));
        return;
    }
    Pending pending = std::move(m_queue.front());
    m_queue.pop_front();
    post(std::move(pending));
}

void WebhookEmitter::post(Pending pending)
{
    const QUrl url = QUrl(entry(pending.seq).value(QStringLiteral("url")).toString());
    if (url.isEmpty()) {
        update(pending.seq,
            {{QStringLiteral("state"), QStringLiteral("failed")},
                {QStringLiteral("error"), QStringLiteral("no webhook URL")}});
        settle(pending.seq);
        pump();
        return;
    }
    m_busy = true;
    // A bad signature is a real one over other bytes: well-formed, and wrong for this body.
    const QByteArray signed_ = pending.badSignature ? pending.body + ' ' : pending.body;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("x-wh-signature"), m_signer.signRsa(signed_));
    request.setRawHeader(QByteArrayLiteral("x-ghl-signature"), m_signer.signEd25519(signed_));
    const int attempts = entry(pending.seq).value(QStringLiteral("attempts")).toInt();
    update(pending.seq,
        {{QStringLiteral("state"), QStringLiteral("sending")},
            {QStringLiteral("attempts"), attempts + 1}});
    QNetworkReply* reply = m_network.post(request, pending.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        finished(pending, status, status == 0 ? reply->errorString() : QString());
    });
}

void WebhookEmitter::finished(Pending pending, int status, const QString& error)
{
    m_busy = false;
    const qint64 seq = pending.seq;
    const int attempts = entry(seq).value(QStringLiteral("attempts")).toInt();
    QJsonObject changes {{QStringLiteral("status"), status}};
    if (!error.isEmpty())
        changes.insert(QStringLiteral("error"), error);
    if (status >= 200 && status < 300) {
        changes.insert(QStringLiteral("state"), QStringLiteral("delivered"));
    } else if (status == 429 && attempts < m_maxAttempts) {
        changes.insert(QStringLiteral("state"), QStringLiteral("retrying"));
        const qint64 jitter = m_retryIntervalMs >= 10
            ? qint64(m_data.random().bounded(quint64(m_retryIntervalMs / 10 + 1)))
            : 0;
        QTimer::singleShot(
            int(qMin<qint64>(m_retryIntervalMs + jitter, INT_MAX)), this, [this, pending] {
                m_queue.push_front(pending);
                pump();
            });
    } else {
        // HighLevel gives up on anything but 429, and after the last 429.
        changes.insert(QStringLiteral("state"), QStringLiteral("failed"));
    }
    update(seq, changes);
    if (changes.value(QStringLiteral("state")).toString() != QStringLiteral("retrying"))
        settle(seq);
    pump();
}

void WebhookEmitter::update(qint64 seq, const QJsonObject& changes)
{
    QJsonObject& delivery = entry(seq);
    for (auto it = changes.begin(); it != changes.end(); ++it)
        delivery.insert(it.key(), it.value());
    Q_EMIT deliveryChanged(delivery);
}

} // namespace ContactDesk::Sandbox
