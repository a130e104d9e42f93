#pragma once

#include "webhooks/changefeed.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;

namespace ContactDesk::Automation {
class EventReceiver;
}

namespace ContactDesk::Webhooks {

class FeedDevices;

struct StreamRouteOptions
{
    // A comment line this often keeps proxies and the client's idle watchdog from dropping a
    // quiet stream.
    int heartbeatMs = 15000;
    // How often the feed is looked at while a stream is open, for events notify() was not
    // told about (a delivery recorded by another route or process).
    int pollMs = 250;
    // The longest long-poll wait a client may ask for.
    int maxWaitSecs = 60;
    // Events per write (and per long-poll answer).
    int batch = 500;
};

// GET /stream on serve's receiver: the change feed to the desktops behind NAT.
//
// Authentication: `Authorization: Bearer <device token>` (FeedDevices); a missing or unknown
// token answers 401 with a JSON error and nothing of the feed.
//
// Server-Sent Events (the default): 200 `text/event-stream`, sent with chunked transfer
// encoding on a connection that stays open. Each event is
//     id: <feed id>
//     event: <webhook type>
//     data: <payload as received>
// and a `: keep-alive` comment goes out every heartbeat. A client resumes with the
// `Last-Event-ID` header (or `?after=N`): everything after that id comes first, then new
// events as they are accepted. When events after that id were pruned, or the id is beyond
// the feed (its data folder was replaced), the stream starts with
//     id: <resume id>
//     event: gap
//     data: {"after": N, "resumeAt": M}
// so the client runs a reconcile and carries on from M.
//
// QAbstractHttpServer in Qt 6.4 keeps a response open for as long as its handler holds the
// QHttpServerResponder (through EventReceiver::addStreamingRoute): the socket is only closed
// when the client or this route closes it, so SSE is the primary transport.
//
// Long-poll (`?after=N&wait=S`, for clients or proxies that cannot stream): 200
// `application/json` {"events": [{"id", "type", "webhookId", "payload"}...], "lastId": L,
// "gap": bool}, answered at once when there are events after N, else after the first one comes
// or S seconds (at most maxWaitSecs) with an empty list.
class StreamRoute : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView path {"/stream"};

    StreamRoute(ChangeFeed& feed, FeedDevices& devices, StreamRouteOptions options = {},
        QObject* parent = nullptr);
    ~StreamRoute() override;

    bool install(Automation::EventReceiver& receiver);
    // New events may be in the feed (the webhook receiver accepted one): sends them now.
    void notify();
    // Open streams and waiting long-polls.
    int subscriberCount() const;
    // Ends every open stream and long-poll (the client sees its connection end).
    void closeAll();

Q_SIGNALS:
    // A device's stream opened (after the id it resumes from) or closed.
    void subscribed(const QString& device, qint64 afterId);
    void unsubscribed(const QString& device);
    // A request refused: 401, 400, 405 and why.
    void refused(int status, const QString& reason);

private:
    struct Subscriber;
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void deliver();
    // Sends what `subscriber` has not had yet; false when it is finished (answered or gone).
    bool deliverTo(Subscriber& subscriber, const ChangeFeed::Bounds& bounds);
    void heartbeat();
    void updateTimers();
    void refuse(QHttpServerResponder& responder, int status, const QString& reason,
        const QList<QPair<QByteArray, QByteArray>>& headers = {});

    ChangeFeed& m_feed;
    FeedDevices& m_devices;
    StreamRouteOptions m_options;
    QTimer m_pollTimer;
    QTimer m_heartbeatTimer;
    QList<std::shared_ptr<Subscriber>> m_subscribers;
};

} // namespace ContactDesk::Webhooks
