#include "webhooks/streamroute.h"

#include "automation/eventreceiver.h"
#include "webhooks/feeddevices.h"

#include <QDeadlineTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStream, "contactdesk.webhooks.stream", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

using Status = QHttpServerResponder::StatusCode;

// A slow reader is not sent more while this much waits in its socket's buffer.
constexpr qint64 maxUnsentBytes = 4 * 1024 * 1024;

QByteArray chunk(const QByteArray& bytes)
{
    return QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n";
}

// One event in the text/event-stream format: the payload's lines become data: lines (the
// client joins them with LF again).
QByteArray sseEvent(qint64 id, QByteArrayView type, QByteArrayView data)
{
    QByteArray out = "id: " + QByteArray::number(id) + "\nevent: ";
    for (const char c : type)
        out.append(c == '\r' || c == '\n' ? ' ' : c);
    out.append('\n');
    qsizetype start = 0;
    while (start <= data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        QByteArrayView line = data.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        out.append("data: ");
        out.append(line);
        out.append('\n');
        start = end + 1;
    }
    out.append('\n');
    return out;
}

QByteArray gapData(qint64 after, qint64 resumeAt)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("after"), after}, {QStringLiteral("resumeAt"), resumeAt}})
        .toJson(QJsonDocument::Compact);
}

std::optional<qint64> parseId(const QByteArray& text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    if (!ok || id < 0)
        return std::nullopt;
    return id;
}

QByteArray header(const QHttpServerRequest& request, QByteArrayView name)
{
    for (const auto& [key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

} // namespace

struct StreamRoute::Subscriber
{
    explicit Subscriber(QHttpServerResponder&& responder)
        : responder(std::move(responder))
        , socket(this->responder.socket())
    { }

    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QString device;
    qint64 afterId = 0;
    bool longPoll = false;
    QDeadlineTimer deadline;
    bool done = false;
};

StreamRoute::StreamRoute(
    ChangeFeed& feed, FeedDevices& devices, StreamRouteOptions options, QObject* parent)
    : QObject(parent)
    , m_feed(feed)
    , m_devices(devices)
    , m_options(options)
{
    m_pollTimer.setInterval(std::max(10, m_options.pollMs));
    connect(&m_pollTimer, &QTimer::timeout, this, &StreamRoute::deliver);
    m_heartbeatTimer.setInterval(std::max(10, m_options.heartbeatMs));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &StreamRoute::heartbeat);
}

StreamRoute::~StreamRoute()
{
    closeAll();
}

bool StreamRoute::install(Automation::EventReceiver& receiver)
{
    return receiver.addStreamingRoute(
        QString(path), [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            handle(request, std::move(responder));
        });
}

int StreamRoute::subscriberCount() const
{
    return int(std::count_if(m_subscribers.cbegin(), m_subscribers.cend(),
        [](const auto& subscriber) { return !subscriber->done && subscriber->socket; }));
}

void StreamRoute::refuse(QHttpServerResponder& responder, int status, const QString& reason,
    const QList<QPair<QByteArray, QByteArray>>& headers)
{
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("error"),
            reason}}).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<Status>(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto& [name, value] : headers)
        responder.writeHeader(name, value);
    responder.writeBody(body);
    qCInfo(lcStream).noquote() << "refused a subscriber:" << status << reason;
    Q_EMIT refused(status, reason);
}

void StreamRoute::handle(const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        refuse(responder, 405, QStringLiteral("the stream is read with GET"),
            {{QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")}});
        return;
    }
    const QByteArray authorization = header(request, "authorization");
    const QByteArray token = authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0
        ? authorization.mid(7).trimmed()
        : QByteArray();
    const std::optional<QString> device
        = token.isEmpty() ? std::nullopt : m_devices.authenticate(token);
    if (!device) {
        refuse(responder, 401,
            token.isEmpty()
                ? QStringLiteral("the stream needs Authorization: Bearer <device token>")
                : QStringLiteral("unknown device token"),
            {{QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}});
        return;
    }
    const QUrlQuery query(request.url());
    std::optional<qint64> after = 0;
    if (query.hasQueryItem(QStringLiteral("after")))
        after = parseId(query.queryItemValue(QStringLiteral("after")).toLatin1());
    else if (const QByteArray last = header(request, "last-event-id"); !last.isEmpty())
        after = parseId(last);
    if (!after) {
        refuse(
            responder, 400, QStringLiteral("after and Last-Event-ID take an event id (0 or more)"));
        return;
    }
    auto subscriber = std::make_shared<Subscriber>(std::move(responder));
    subscriber->device = *device;
    subscriber->afterId = *after;
    if (query.hasQueryItem(QStringLiteral("wait"))) {
        bool ok = false;
        const int wait = query.queryItemValue(QStringLiteral("wait")).toInt(&ok);
        if (!ok || wait < 0) {
            refuse(subscriber->responder, 400, QStringLiteral("wait takes seconds (0 or more)"));
            return;
        }
        subscriber->longPoll = true;
        subscriber->deadline.setRemainingTime(std::min(wait, m_options.maxWaitSecs) * 1000);
    } else {
        QHttpServerResponder& out = subscriber->responder;
        out.writeStatusLine(Status::Ok);
        out.writeHeader(QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("text/event-stream; charset=utf-8"));
        out.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
        out.writeHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
        // nginx would hold the stream back in its buffer otherwise.
        out.writeHeader(QByteArrayLiteral("X-Accel-Buffering"), QByteArrayLiteral("no"));
        out.writeBody(chunk("retry: " + QByteArray::number(m_options.heartbeatMs / 5) + "\n\n"));
    }
    if (subscriber->socket) {
        connect(subscriber->socket, &QTcpSocket::disconnected, this,
            [this, weak = std::weak_ptr<Subscriber>(subscriber)] {
                if (const std::shared_ptr<Subscriber> gone = weak.lock())
                    gone->done = true;
                QTimer::singleShot(0, this, &StreamRoute::updateTimers);
            });
    }
    qCInfo(lcStream).noquote() << "device" << *device << "subscribed after" << *after
                               << (subscriber->longPoll ? "(long-poll)" : "(stream)");
    Q_EMIT subscribed(*device, *after);
    m_subscribers.append(subscriber);
    if (const std::optional<ChangeFeed::Bounds> bounds = m_feed.bounds())
        deliverTo(*subscriber, *bounds);
    updateTimers();
}

void StreamRoute::notify()
{
    deliver();
}

void StreamRoute::deliver()
{
    if (m_subscribers.isEmpty())
        return;
    const std::optional<ChangeFeed::Bounds> bounds = m_feed.bounds();
    if (!bounds) {
        qCWarning(lcStream) << "cannot read the change feed:" << m_feed.lastError();
        return;
    }
    for (const std::shared_ptr<Subscriber>& subscriber : std::as_const(m_subscribers)) {
        if (!subscriber->done)
            deliverTo(*subscriber, *bounds);
    }
    updateTimers();
}

bool StreamRoute::deliverTo(Subscriber& subscriber, const ChangeFeed::Bounds& bounds)
{
    if (!subscriber.socket || subscriber.socket->state() != QAbstractSocket::ConnectedState) {
        subscriber.done = true;
        return false;
    }
    const bool gap = m_feed.hasGap(subscriber.afterId, bounds);
    const qint64 resumeAt
        = subscriber.afterId > bounds.lastId ? bounds.lastId : bounds.prunedThrough;
    if (subscriber.longPoll) {
        const qint64 from = gap ? resumeAt : subscriber.afterId;
        const QList<FeedEvent> events = m_feed.after(from, m_options.batch);
        if (events.isEmpty() && !gap && !subscriber.deadline.hasExpired())
            return true;
        QJsonArray list;
        for (const FeedEvent& event : events)
            list.append(
                QJsonObject {{QStringLiteral("id"), event.id}, {QStringLiteral("type"), event.type},
                    {QStringLiteral("webhookId"), event.webhookId},
                    {QStringLiteral("payload"), QString::fromUtf8(event.body)}});
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("events"), list},
                {QStringLiteral("lastId"), events.isEmpty() ? from : events.last().id},
                {QStringLiteral("gap"),
                    gap}}).toJson(QJsonDocument::Compact);
        subscriber.responder.writeStatusLine(Status::Ok);
        subscriber.responder.writeHeader(
            QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        subscriber.responder.writeHeader(
            QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
        subscriber.responder.writeHeader(
            QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
        subscriber.responder.writeBody(body);
        subscriber.done = true;
        return false;
    }
    if (gap) {
        qCInfo(lcStream).noquote()
            << "device" << subscriber.device << "asked after" << subscriber.afterId
            << "; the feed has ids" << bounds.prunedThrough + 1 << "to" << bounds.lastId;
        subscriber.responder.writeBody(
            chunk(sseEvent(resumeAt, "gap", gapData(subscriber.afterId, resumeAt))));
        subscriber.afterId = resumeAt;
    }
    while (
        subscriber.afterId < bounds.lastId && subscriber.socket->bytesToWrite() < maxUnsentBytes) {
        const QList<FeedEvent> events = m_feed.after(subscriber.afterId, m_options.batch);
        if (events.isEmpty())
            break;
        QByteArray out;
        for (const FeedEvent& event : events)
            out.append(sseEvent(event.id, event.type.toUtf8(), event.body));
        subscriber.responder.writeBody(chunk(out));
        subscriber.afterId = events.last().id;
    }
    return true;
}

void StreamRoute::heartbeat()
{
    for (const std::shared_ptr<Subscriber>& subscriber : std::as_const(m_subscribers)) {
        if (!subscriber->done && !subscriber->longPoll && subscriber->socket)
            subscriber->responder.writeBody(chunk(": keep-alive\n\n"));
    }
}

void StreamRoute::updateTimers()
{
    const auto before = m_subscribers.size();
    m_subscribers.removeIf([this](const std::shared_ptr<Subscriber>& subscriber) {
        if (subscriber->done || !subscriber->socket) {
            Q_EMIT unsubscribed(subscriber->device);
            return true;
        }
        return false;
    });
    if (before != m_subscribers.size())
        qCDebug(lcStream) << m_subscribers.size() << "subscribers left";
    const bool anyStream = std::any_of(m_subscribers.cbegin(), m_subscribers.cend(),
        [](const auto& subscriber) { return !subscriber->longPoll; });
    if (m_subscribers.isEmpty())
        m_pollTimer.stop();
    else if (!m_pollTimer.isActive())
        m_pollTimer.start();
    if (!anyStream)
        m_heartbeatTimer.stop();
    else if (!m_heartbeatTimer.isActive())
        m_heartbeatTimer.start();
}

void StreamRoute::closeAll()
{
    for (const std::shared_ptr<Subscriber>& subscriber : std::as_const(m_subscribers)) {
        if (subscriber->done || !subscriber->socket)
            continue;
        if (!subscriber->longPoll)
            subscriber->responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
        subscriber->done = true;
        subscriber->socket->disconnectFromHost();
    }
    updateTimers();
}

} // namespace ContactDesk::Webhooks
