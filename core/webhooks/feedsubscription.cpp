#include "webhooks/feedsubscription.h"

#include "store/database.h"
#include "webhooks/sseparser.h"
#include "webhooks/webhookapplier.h"
#include "webhooks/webhookledger.h"
#include "webhooks/webhookreceipt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSubscribe, "contactdesk.webhooks.subscribe", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

QString subscriptionKey(const QUrl& serveUrl)
{
    return serveUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

QUrl streamUrl(const QUrl& serveUrl)
{
    QUrl url
        = serveUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    url.setPath(url.path() + QStringLiteral("/stream"));
    return url;
}

std::optional<qint64> eventId(const std::optional<QByteArray>& id)
{
    if (!id)
        return std::nullopt;
    bool ok = false;
    const qint64 value = id->toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

} // namespace

FeedSubscription::FeedSubscription(QNetworkAccessManager& network, Store::Database& database,
    WebhookLedger& ledger, WebhookApplier* applier, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_db(database)
    , m_ledger(ledger)
    , m_applier(applier)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &FeedSubscription::connectNow);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &FeedSubscription::onIdle);
}

FeedSubscription::~FeedSubscription()
{
    stop();
}

void FeedSubscription::setOptions(const FeedSubscriptionOptions& options)
{
    m_options = options;
}

QString FeedSubscription::key() const
{
    return subscriptionKey(m_options.serveUrl);
}

qint64 FeedSubscription::storedLastEventId(Store::Database& database, const QUrl& serveUrl)
{
    QSqlQuery query(database.sql());
    query.prepare(QStringLiteral("SELECT last_seq FROM feed_subscriptions WHERE url = ?"));
    query.addBindValue(subscriptionKey(serveUrl));
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

bool FeedSubscription::storeLastId(qint64 id)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("INSERT INTO feed_subscriptions (url, last_seq) VALUES (?, ?)"
                                 " ON CONFLICT(url) DO UPDATE SET last_seq = excluded.last_seq"));
    query.addBindValue(key());
    query.addBindValue(id);
    if (!query.exec()) {
        m_lastError
            = QStringLiteral("cannot store the last event id: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool FeedSubscription::start()
{
    stop();
    const QString scheme = m_options.serveUrl.scheme();
    if (!m_options.serveUrl.isValid() || m_options.serveUrl.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        m_lastError = QStringLiteral("the serve address must be an http:// or https:// URL, "
                                     "got \"%1\"")
                          .arg(m_options.serveUrl.toString());
        return false;
    }
    if (m_options.deviceToken.isEmpty()) {
        m_lastError = QStringLiteral("no device token; make one with `contactdesk-cli serve "
                                     "devices add NAME` on the server");
        return false;
    }
    m_lastId = storedLastEventId(m_db, m_options.serveUrl);
    m_received = 0;
    m_backoffMs = 0;
    connectNow();
    return true;
}

void FeedSubscription::stop()
{
    m_retryTimer.stop();
    m_idleTimer.stop();
    const bool wasRunning = m_state != State::Stopped;
    m_state = State::Stopped;
    if (QNetworkReply* reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (wasRunning)
        Q_EMIT statusChanged(m_state, statusText());
}

QString FeedSubscription::statusText() const
{
    if (m_state == State::Live)
        return QStringLiteral("live");
    return QStringLiteral("polling every %1 min").arg(m_options.reconcileMinutes);
}

int FeedSubscription::retryInMs() const
{
    return m_state == State::Waiting ? std::max(0, m_retryTimer.remainingTime()) : 0;
}

void FeedSubscription::setState(State state, const QString& error)
{
    const bool changed = state != m_state;
    m_state = state;
    m_lastError = state == State::Live ? QString() : error;
    if (changed)
        Q_EMIT statusChanged(m_state, statusText());
}

void FeedSubscription::connectNow()
{
    m_parser = std::make_unique<SseParser>();
    QNetworkRequest request(streamUrl(m_options.serveUrl));
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    request.setRawHeader("Authorization", "Bearer " + m_options.deviceToken);
    request.setRawHeader("Last-Event-ID", QByteArray::number(m_lastId));
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // The stream has no end; the idle watchdog below notices a dead one.
    request.setTransferTimeout(0);
    QNetworkReply* reply = m_network.get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &FeedSubscription::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &FeedSubscription::onFinished);
    m_idleTimer.start(m_options.idleTimeoutMs);
    setState(State::Connecting, m_lastError);
    qCDebug(lcSubscribe) << "subscribing to" << request.url().toString() << "after" << m_lastId;
}

void FeedSubscription::onReadyRead()
{
    QNetworkReply* reply = m_reply.data();
    if (!reply || sender() != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the whole answer is read in onFinished()
    m_idleTimer.start(m_options.idleTimeoutMs);
    if (m_state != State::Live) {
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (!type.startsWith("text/event-stream")) {
            m_lastError = QStringLiteral("%1 did not answer with an event stream (%2)")
                              .arg(reply->url().toString(), QString::fromLatin1(type));
            QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
            return;
        }
        m_backoffMs = 0;
        setState(State::Live);
        qCInfo(lcSubscribe) << "live from" << reply->url().toString() << "after" << m_lastId;
    }
    const QList<SseEvent> events = m_parser->feed(reply->readAll());
    for (const SseEvent& event : events) {
        if (!handleEvent(event)) {
            // What was recorded stays; the rest comes again after the last id recorded.
            QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
            return;
        }
    }
    if (m_parser->failed()) {
        m_lastError = m_parser->error();
        QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
    }
}

bool FeedSubscription::handleEvent(const SseEvent& event)
{
    const std::optional<qint64> id = eventId(event.id);
    if (!id) {
        qCWarning(lcSubscribe) << "an event without an id was skipped:" << event.type;
        return true;
    }
    if (event.type == QLatin1String("gap")) {
        const qint64 resumeAt = QJsonDocument::fromJson(event.data)
                                    .object()
                                    .value(QStringLiteral("resumeAt"))
                                    .toInteger(*id);
        qCWarning(lcSubscribe) << "serve no longer has the events after" << m_lastId
                               << "; a reconcile catches up, the stream resumes at" << resumeAt;
        if (!storeLastId(resumeAt))
            return false;
        const qint64 missedAfter = std::exchange(m_lastId, resumeAt);
        Q_EMIT gapDetected(missedAfter, resumeAt);
        return true;
    }
    if (*id <= m_lastId)
        return true; // had it already
    QString error;
    const std::optional<WebhookPayload> payload = parseWebhookPayload(event.data, &error);
    if (!m_db.beginTransaction()) {
        m_lastError = QStringLiteral("cannot record the event: the cache is not writable");
        return false;
    }
    if (payload) {
        if (m_ledger.record(*payload, event.data) == WebhookLedger::Recorded::Failed) {
            m_db.rollbackTransaction();
            m_lastError
                = QStringLiteral("cannot record event %1: %2").arg(*id).arg(m_ledger.lastError());
            return false;
        }
    } else {
        qCWarning(lcSubscribe).noquote() << "event" << *id << "is not a webhook payload:" << error;
    }
    if (!storeLastId(*id) || !m_db.commitTransaction()) {
        m_db.rollbackTransaction();
        return false;
    }
    m_lastId = *id;
    ++m_received;
    if (payload) {
        Q_EMIT eventReceived(*id, payload->type, payload->webhookId);
        if (m_applier)
            m_applier->schedule();
    }
    return true;
}

void FeedSubscription::onFinished()
{
    QNetworkReply* reply = qobject_cast<QNetworkReply*>(sender());
    if (!reply)
        return;
    reply->deleteLater();
    if (reply != m_reply.data())
        return;
    m_reply.clear();
    m_idleTimer.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401) {
        const QString why = QJsonDocument::fromJson(reply->readAll())
                                .object()
                                .value(QStringLiteral("error"))
                                .toString(QStringLiteral("the device token was refused"));
        qCWarning(lcSubscribe).noquote() << "serve refused the device token:" << why;
        setState(State::Refused, QStringLiteral("serve refused the device token (%1)").arg(why));
        return;
    }
    QString why = m_lastError;
    if (why.isEmpty() || m_state == State::Live) {
        if (status != 0 && status != 200)
            why = QStringLiteral("serve answered %1").arg(status);
        else if (reply->error() != QNetworkReply::NoError)
            why = reply->errorString();
        else
            why = QStringLiteral("the stream ended");
    }
    scheduleRetry(why);
}

void FeedSubscription::onIdle()
{
    if (QNetworkReply* reply = m_reply.data()) {
        m_lastError = QStringLiteral("nothing came from serve for %1 s")
                          .arg(m_options.idleTimeoutMs / 1000.0);
        reply->abort();
    }
}

void FeedSubscription::scheduleRetry(const QString& why)
{
    m_backoffMs = m_backoffMs == 0 ? m_options.minBackoffMs
                                   : std::min(m_backoffMs * 2, m_options.maxBackoffMs);
    qCInfo(lcSubscribe).noquote() << "stream down:" << why << "; again in" << m_backoffMs << "ms";
    m_retryTimer.start(m_backoffMs);
    setState(State::Waiting, why);
}

} // namespace ContactDesk::Webhooks
