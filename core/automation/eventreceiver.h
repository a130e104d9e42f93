#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Automation {

class Inbox;

// The answer of a route added with EventReceiver::addRoute(): a JSON body, its status, the
// reason requestAnswered() reports, and any extra headers (Retry-After).
struct RouteAnswer
{
    int status = 200;
    QByteArray body;
    QString reason;
    QList<QPair<QByteArray, QByteArray>> headers;
};
using RouteHandler = std::function<RouteAnswer(const QHttpServerRequest&)>;
// A route that answers in its own time: the handler takes the responder (and through it the
// socket) and may keep it to answer later or to stream a body that does not end (Server-Sent
// Events). It writes the whole answer itself.
using StreamingHandler = std::function<void(const QHttpServerRequest&, QHttpServerResponder&&)>;

struct ReceiverOptions
{
    QHostAddress address = QHostAddress::LocalHost; // another address only when asked
    quint16 port = 0; // 0: any free port
    qint64 maxBodyBytes = 256 * 1024; // larger: 413
    qint64 toleranceSecs = 300;
};

// The HTTP receiver of Your App's events: POST /events with the Standard Webhooks headers.
// Verifies the signature over the raw body before parsing (401 and nothing stored when it fails,
// or the timestamp is outside the tolerance), checks the event against its schema (400 with the
// reason), stores it durably in the inbox and only then answers 202; a webhook-id seen before
// answers 200 and is not applied twice; a body over the limit answers 413. Answers are JSON
// ({"status": "accepted", "seq": N} or {"error": "..."}).
class EventReceiver : public QObject
{
    Q_OBJECT

public:
    EventReceiver(Inbox& inbox, const Clock& clock, QObject* parent = nullptr);
    ~EventReceiver() override;

    // `signingKey`: decodeSigningSecret() of the whsec_ secret.
    void setSigningKey(const QByteArray& signingKey);
    // Another path on the same server (HighLevel's webhooks on /hooks/highlevel). The handler
    // answers synchronously, with the raw request; the body limit (413) applies to it too.
    // /events cannot be replaced.
    bool addRoute(const QString& path, RouteHandler handler);
    // The same for a handler that keeps the responder (the change feed's /stream).
    bool addStreamingRoute(const QString& path, StreamingHandler handler);
    bool listen(const ReceiverOptions& options, QString* error = nullptr);
    void close();
    bool isListening() const;
    QUrl url() const; // http://127.0.0.1:PORT

Q_SIGNALS:
    // Every answered request, for the UI's receiver status: the status code and the reason.
    void requestAnswered(int status, const QString& reason);

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace ContactDesk::Automation
