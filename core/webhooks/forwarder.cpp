#include "webhooks/forwarder.h"

#include "api/httpheaders.h"
#include "automation/standardwebhooks.h"
#include "common/clock.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcForward, "contactdesk.webhooks.forward", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

QString statusText(int status, QNetworkReply* reply)
{
    if (status == 0)
        return Forwarder::tr("no answer: %1").arg(reply->errorString());
    const QByteArray body = reply->readAll().left(200);
    return Forwarder::tr("HTTP %1 %2").arg(status).arg(QString::fromUtf8(body).simplified());
}

} // namespace

ForwardOutcome forwardOutcome(int httpStatus)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return ForwardOutcome::Delivered;
    if (httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500)
        return ForwardOutcome::Retry;
    return ForwardOutcome::Dead;
}

qint64 forwardBackoffMs(const ForwardOptions& options, int attempts, double unit)
{
    const int doublings = std::clamp(attempts - 1, 0, 40);
    const double plain = std::min(static_cast<double>(options.maxBackoffMs),
        static_cast<double>(options.baseBackoffMs) * std::pow(2.0, doublings));
    const double spread = plain * options.jitter * std::clamp(unit, -1.0, 1.0);
    return std::max<qint64>(0, std::llround(plain + spread));
}

Forwarder::Forwarder(ForwardQueue& queue, QNetworkAccessManager& network, const Clock& clock,
    ForwardOptions options, QObject* parent)
    : QObject(parent)
    , m_queue(queue)
    , m_network(network)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_jitter([] { return QRandomGenerator::global()->generateDouble() * 2.0 - 1.0; })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Forwarder::pump);
    connect(&m_queue, &ForwardQueue::changed, this, [this] {
        if (m_running)
            schedulePump();
    });
}

Forwarder::~Forwarder()
{
    // An answer that comes after us must not reach a dead object; what was in flight goes
    // again at the next start (recoverInFlight), with the same webhook-id.
    for (const QPointer<QNetworkReply>& reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

bool Forwarder::setSigningSecret(const QString& secret, QString* error)
{
    const std::optional<QByteArray> key = Automation::decodeSigningSecret(secret, error);
    if (!key)
        return false;
    m_key = *key;
    if (m_running)
        schedulePump();
    return true;
}

void Forwarder::start()
{
    if (m_running)
        return;
    m_running = true;
    const int recovered = m_queue.recoverInFlight();
    if (recovered > 0)
        qCInfo(lcForward) << recovered << "forwarded events were on their way at the last exit;"
                          << "sending them again";
    schedulePump();
}

void Forwarder::stop()
{
    m_running = false;
    m_timer.stop();
}

void Forwarder::wake()
{
    if (m_running)
        schedulePump();
}

bool Forwarder::isIdle() const
{
    if (!m_inFlight.isEmpty() || m_pumpScheduled)
        return false;
    if (!m_running || m_key.isEmpty())
        return true;
    const qint64 now = m_clock.nowMs();
    for (const QString& destination : m_queue.destinations()) {
        if (m_queue.nextReady(destination, now))
            return false;
    }
    return true;
}

void Forwarder::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void Forwarder::pump()
{
    if (!m_running)
        return;
    if (m_key.isEmpty()) {
        qCInfo(lcForward) << "no signing secret yet; forwarded events wait";
        return;
    }
    const qint64 now = m_clock.nowMs();
    for (const QString& destination : m_queue.destinations()) {
        // One at a time per destination, so Your App sees its events in order.
        if (std::find(m_inFlight.cbegin(), m_inFlight.cend(), destination) != m_inFlight.cend())
            continue;
        const std::optional<ForwardItem> item = m_queue.nextReady(destination, now);
        if (!item)
            continue;
        if (!m_queue.markInFlight(item->seq)) {
            qCWarning(lcForward) << "cannot mark event" << item->eventId
                                 << "in flight:" << m_queue.lastError();
            continue;
        }
        ForwardItem sent = *item;
        ++sent.attempts;
        send(sent);
    }
    armTimer();
    if (m_inFlight.isEmpty())
        Q_EMIT idle();
}

void Forwarder::armTimer()
{
    const std::optional<qint64> at = m_queue.nextAttemptAt();
    if (!at || !m_inFlight.isEmpty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = *at - m_clock.nowMs();
    if (wait <= 0) {
        // Due now but not sent: its destination is busy; the answer pumps again.
        m_timer.stop();
        return;
    }
    m_timer.start(static_cast<int>(std::min<qint64>(wait, 24LL * 3600 * 1000)));
}

void Forwarder::send(const ForwardItem& item)
{
    const qint64 timestamp = m_clock.nowMs() / 1000;
    QNetworkRequest request {QUrl(item.destination)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("ContactDesk"));
    request.setRawHeader("webhook-id", item.eventId.toLatin1());
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature",
        Automation::signStandardWebhook(m_key, item.eventId.toLatin1(), timestamp, item.body));
    request.setTransferTimeout(m_options.timeoutMs);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_inFlight.insert(item.seq, item.destination);
    QNetworkReply* reply = m_network.post(request, item.body);
    m_replies.removeIf([](const QPointer<QNetworkReply>& r) { return r.isNull(); });
    m_replies.append(reply);
    const qint64 seq = item.seq;
    connect(reply, &QNetworkReply::finished, this, [this, seq, reply] { answered(seq, reply); });
}

void Forwarder::answered(qint64 seq, QNetworkReply* reply)
{
    reply->deleteLater();
    m_inFlight.remove(seq);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 now = m_clock.nowMs();
    const std::optional<ForwardItem> item = m_queue.item(seq);
    if (!item) {
        schedulePump();
        return;
    }
    switch (forwardOutcome(status)) {
    case ForwardOutcome::Delivered:
        if (!m_queue.markDelivered(seq, status, now))
            qCWarning(lcForward) << "cannot record the delivery of" << item->eventId << ":"
                                 << m_queue.lastError();
        qCInfo(lcForward) << "forwarded" << item->type << item->eventId << "HTTP" << status;
        Q_EMIT delivered(seq, status);
        break;
    case ForwardOutcome::Dead: {
        const QString reason = tr("refused: %1").arg(statusText(status, reply));
        m_queue.markDead(seq, status, reason, now);
        qCWarning(lcForward).noquote() << "dead letter" << item->eventId << reason;
        Q_EMIT deadLettered(seq, reason);
        break;
    }
    case ForwardOutcome::Retry: {
        const QString error = statusText(status, reply);
        if (item->attempts >= m_options.maxAttempts) {
            const QString reason
                = tr("gave up after %n attempts; last: %1", nullptr, item->attempts).arg(error);
            m_queue.markDead(seq, status, reason, now);
            qCWarning(lcForward).noquote() << "dead letter" << item->eventId << reason;
            Q_EMIT deadLettered(seq, reason);
            break;
        }
        qint64 wait = forwardBackoffMs(m_options, item->attempts, m_jitter ? m_jitter() : 0.0);
        if (status == 429) {
            const qint64 asked = Api::retryAfterMs(reply->rawHeader("Retry-After"), now);
            if (asked >= 0)
                wait = std::min(asked, m_options.maxRetryAfterMs);
        }
        m_queue.scheduleRetry(seq, now + wait, status, error);
        qCInfo(lcForward).noquote() << "forwarding" << item->eventId << "failed (" << error
                                    << "); again in" << wait << "ms";
        Q_EMIT deferred(seq, now + wait, error);
        break;
    }
    }
    schedulePump();
}

} // namespace ContactDesk::Webhooks
