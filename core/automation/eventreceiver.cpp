#include "automation/eventreceiver.h"

#include "automation/appevent.h"
#include "automation/inbox.h"
#include "automation/standardwebhooks.h"
#include "common/clock.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcReceiver, "contactdesk.automation", QtInfoMsg)

namespace ContactDesk::Automation {

namespace {

using Status = QHttpServerResponder::StatusCode;

// How much of a request's start is looked at for its Content-Length before Qt reads the body.
constexpr qsizetype headPeekBytes = 16 * 1024;
// A refused oversize body is read and dropped for this long so the sender sees the 413 rather
// than a reset connection; then the socket goes.
constexpr int lingerMs = 5000;
// The most events one group commit takes.
constexpr int maxBatch = 512;

QByteArray answerBody(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString& message)
{
    return answerBody({{QStringLiteral("error"), message}});
}

// The Content-Length of the request head at the start of `bytes`, or -1 when `bytes` does not
// start with a complete head that has one.
qint64 headContentLength(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0)
        return -1;
    const QByteArray head = bytes.first(end).toByteArray();
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty() || !lines.first().contains(" HTTP/1."))
        return -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        bool ok = false;
        const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
        return ok ? length : -1;
    }
    return -1;
}

// A listening socket whose connections are looked at before the HTTP server reads them: a
// request that announces a body over the limit is answered 413 from its head alone, so an
// oversize body is never held in memory.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(
        qint64 maxBodyBytes, std::function<void(int, const QString&)> answered, QObject* parent)
        : QTcpServer(parent)
        , m_maxBodyBytes(maxBodyBytes)
        , m_answered(std::move(answered))
    { }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        // Connected before the HTTP server's own slot, so it runs first.
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { checkHead(socket); });
        addPendingConnection(socket);
    }

private:
    void checkHead(QTcpSocket* socket)
    {
        const QByteArray start = socket->peek(headPeekBytes);
        const qint64 length = headContentLength(start);
        if (length <= m_maxBodyBytes)
            return;
        // The HTTP server never sees this request: its readers go, the answer goes out, our
        // half of the connection closes, and whatever else the sender sends is dropped.
        disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        const QString reason
            = QStringLiteral("the body is larger than %1 bytes").arg(m_maxBodyBytes);
        const QByteArray body = errorBody(reason);
        socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                      "Connection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->readAll();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
        connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
        socket->flush();
        QTimer::singleShot(lingerMs, socket, [socket] { socket->abort(); });
        m_answered(413, reason);
    }

    qint64 m_maxBodyBytes;
    std::function<void(int, const QString&)> m_answered;
};

} // namespace

class EventReceiver::Server : public QAbstractHttpServer
{
public:
    Server(EventReceiver& owner, Inbox& inbox, const Clock& clock)
        : m_owner(owner)
        , m_inbox(inbox)
        , m_clock(clock)
    {
        // The routes of this server; HighLevel's webhooks will join /events here.
        m_routes.insert(QStringLiteral("/events"),
            [this](const QHttpServerRequest& request, QTcpSocket* socket) {
                receiveEvent(request, socket);
            });
        m_flushTimer.setSingleShot(true);
        m_flushTimer.setInterval(0);
        QObject::connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
    }

    ~Server() override { flush(); }

    // The group commit: the events of the batch in one transaction, then every answer.
    void flush()
    {
        m_flushTimer.stop();
        if (m_pending.isEmpty())
            return;
        const QList<PendingEvent> batch = std::exchange(m_pending, {});
        QList<AppEvent> events;
        events.reserve(batch.size());
        for (const PendingEvent& pending : batch)
            events.append(pending.event);
        QList<qint64> seqs;
        const QList<Inbox::Accepted> results = m_inbox.acceptAll(events, &seqs);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (batch.at(i).socket)
                answerStored(batch.at(i), results.value(i, Inbox::Accepted::Failed), seqs.value(i));
        }
    }

    bool addRoute(const QString& path, RouteHandler handler)
    {
        if (path == QLatin1String("/events") || !path.startsWith(u'/') || !handler)
            return false;
        m_routes.insert(path,
            [this, handler = std::move(handler)](
                const QHttpServerRequest& request, QTcpSocket* socket) {
                const RouteAnswer routed = handler(request);
                QHttpServerResponder responder = makeResponder(request, socket);
                answer(responder, routed.status, routed.body, routed.reason, routed.headers);
            });
        return true;
    }

    bool addStreamingRoute(const QString& path, StreamingHandler handler)
    {
        if (path == QLatin1String("/events") || !path.startsWith(u'/') || !handler)
            return false;
        m_routes.insert(path,
            [this, handler = std::move(handler)](const QHttpServerRequest& request,
                QTcpSocket* socket) { handler(request, makeResponder(request, socket)); });
        return true;
    }

    QByteArray key;
    ReceiverOptions options;
    QPointer<GuardedTcpServer> tcp;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        const auto route = m_routes.constFind(request.url().path());
        if (route == m_routes.constEnd())
            return false;
        (*route)(request, socket);
        return true;
    }

    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        answer(responder, 404, errorBody(QStringLiteral("no such path; events go to POST /events")),
            QStringLiteral("no such path"));
    }

private:
    struct PendingEvent
    {
        AppEvent event;
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
    };

    void answer(QHttpServerResponder& responder, int status, const QByteArray& body,
        const QString& reason, const QList<QPair<QByteArray, QByteArray>>& extra = {})
    {
        responder.writeStatusLine(static_cast<Status>(status));
        responder.writeHeader(
            QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
        for (const auto& [name, value] : extra)
            responder.writeHeader(name, value);
        responder.writeBody(body);
        Q_EMIT m_owner.requestAnswered(status, reason);
    }

    void refuse(const QHttpServerRequest& request, QTcpSocket* socket, int status,
        const QString& reason, const QList<QPair<QByteArray, QByteArray>>& extra = {})
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        answer(responder, status, errorBody(reason), reason, extra);
    }

    void receiveEvent(const QHttpServerRequest& request, QTcpSocket* socket)
    {
        if (request.method() != QHttpServerRequest::Method::Post) {
            refuse(request, socket, 405, QStringLiteral("events are sent with POST"),
                {{QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")}});
            return;
        }
        const QByteArray body = request.body();
        if (body.size() > options.maxBodyBytes) {
            refuse(request, socket, 413,
                QStringLiteral("the body is larger than %1 bytes").arg(options.maxBodyBytes));
            return;
        }
        WebhookHeaders headers;
        for (const auto& [name, value] : request.headers()) {
            const QByteArray lower = name.toLower();
            if (lower == "webhook-id")
                headers.id = value.trimmed();
            else if (lower == "webhook-timestamp")
                headers.timestamp = value.trimmed();
            else if (lower == "webhook-signature")
                headers.signature = value.trimmed();
        }
        // The signature is checked over the raw bytes, before anything reads them.
        const SignatureCheck check = key.isEmpty()
            ? SignatureCheck::BadSignature
            : verifyStandardWebhook(
                key, headers, body, m_clock.nowMs() / 1000, options.toleranceSecs);
        if (check != SignatureCheck::Valid) {
            refuse(request, socket, 401, signatureCheckMessage(check));
            return;
        }
        QString reason;
        std::optional<AppEvent> event = parseAppEvent(body, QString::fromUtf8(headers.id),
            headers.timestamp.toLongLong(), QStringLiteral("http"), &reason);
        if (!event) {
            refuse(request, socket, 400, reason);
            return;
        }
        m_pending.append({std::move(*event),
            std::make_shared<QHttpServerResponder>(makeResponder(request, socket)),
            QPointer<QTcpSocket>(socket)});
        // Everything that arrives in this turn of the event loop shares one commit.
        if (m_pending.size() >= maxBatch)
            flush();
        else if (!m_flushTimer.isActive())
            m_flushTimer.start();
    }

    // A sender whose socket went before the commit finds its event stored all the same; its
    // retry answers 200.
    void answerStored(const PendingEvent& pending, Inbox::Accepted result, qint64 seq)
    {
        switch (result) {
        case Inbox::Accepted::Stored:
            answer(*pending.responder, 202,
                answerBody({{QStringLiteral("status"), QStringLiteral("accepted")},
                    {QStringLiteral("seq"), seq}}),
                QStringLiteral("accepted %1").arg(pending.event.type));
            break;
        case Inbox::Accepted::Duplicate:
            answer(*pending.responder, 200,
                answerBody({{QStringLiteral("status"), QStringLiteral("duplicate")},
                    {QStringLiteral("seq"), seq}}),
                QStringLiteral("duplicate webhook-id %1").arg(pending.event.webhookId));
            break;
        case Inbox::Accepted::Failed:
            answer(*pending.responder, 503,
                errorBody(QStringLiteral("the event could not be stored; send it again")),
                QStringLiteral("the inbox refused the write"),
                {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")}});
            break;
        }
    }

    EventReceiver& m_owner;
    Inbox& m_inbox;
    const Clock& m_clock;
    QHash<QString, std::function<void(const QHttpServerRequest&, QTcpSocket*)>> m_routes;
    QList<PendingEvent> m_pending;
    QTimer m_flushTimer;
};

EventReceiver::EventReceiver(Inbox& inbox, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_server(std::make_unique<Server>(*this, inbox, clock))
{ }

EventReceiver::~EventReceiver() = default;

void EventReceiver::setSigningKey(const QByteArray& signingKey)
{
    m_server->key = signingKey;
}

bool EventReceiver::addRoute(const QString& path, RouteHandler handler)
{
    return m_server->addRoute(path, std::move(handler));
}

bool EventReceiver::addStreamingRoute(const QString& path, StreamingHandler handler)
{
    return m_server->addStreamingRoute(path, std::move(handler));
}

bool EventReceiver::listen(const ReceiverOptions& options, QString* error)
{
    close();
    m_server->options = options;
    auto* tcp = new GuardedTcpServer(
        options.maxBodyBytes,
        [this](int status, const QString& reason) { Q_EMIT requestAnswered(status, reason); },
        m_server.get());
    if (!tcp->listen(options.address, options.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(options.address.toString())
                         .arg(options.port)
                         .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_server->bind(tcp);
    m_server->tcp = tcp;
    qCInfo(lcReceiver) << "receiving events on" << url().toString();
    return true;
}

void EventReceiver::close()
{
    if (!m_server->tcp)
        return;
    m_server->flush();
    m_server->tcp->close();
    m_server->tcp->deleteLater();
    m_server->tcp = nullptr;
}

bool EventReceiver::isListening() const
{
    return m_server->tcp && m_server->tcp->isListening();
}

QUrl EventReceiver::url() const
{
    QUrl url;
    if (!isListening())
        return url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = m_server->tcp->serverAddress();
    url.setHost(address.toString());
    url.setPort(m_server->tcp->serverPort());
    return url;
}

} // namespace ContactDesk::Automation
