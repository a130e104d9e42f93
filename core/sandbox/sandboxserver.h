#pragma once

#include "sandbox/faultinjector.h"
#include "sandbox/operations.h"
#include "sandbox/ratelimiter.h"
#include "sandbox/requestlog.h"
#include "sandbox/router.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/webhookemitter.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Sandbox {

class ControlRoutes;
class OAuthRoutes;

// The local HighLevel: the Contacts API v2, OAuth and the `/__sandbox/` control API on one
// origin, bound to 127.0.0.1 only.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // `seed` makes ids, credentials and seeded data repeatable.
    SandboxServer(const Clock& clock, quint64 seed, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns false when the port is taken.
    bool listenLocal(quint16 port = 0);
    QUrl baseUrl() const;

    SandboxData& data() { return m_data; }
    RequestLog& requestLog() { return m_log; }
    RateLimiter& rateLimiter() { return m_limiter; }
    FaultInjector& faults() { return m_faults; }
    // HighLevel's webhooks for every change made through HTTP (API and control calls, but not
    // seeding or reset), once a URL is set.
    WebhookEmitter& webhooks() { return *m_webhooks; }

    // Seeds N contacts with tasks, notes and appointments; the same seed gives the same data.
    void seed(int contacts, quint64 seed);
    void reset();

    // Keeps the state in `path` across restarts (atomic writes shortly after every change, and
    // on destruction). Loads it
    // when it exists; a corrupt file is reported through `error` and left untouched.
    bool useDataFile(const QString& path, QString* error);

    // Answers a request the way the HTTP pipeline does, minus faults and the socket; for the
    // fuzz target.
    Reply respond(Request& request);

    // The ready line of contactdesk-sandbox: baseUrl, locationId, companyId,
    // privateIntegrationToken, clientId, clientSecret, adminKey.
    QJsonObject connectionInfo() const;

Q_SIGNALS:
    // After every state change (API write, control call).
    void dataChanged();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Reply dispatchControl(Request& request);
    Reply dispatch(Request& request, const FaultRule* fault, QString* operationId);
    Reply dispatchApi(Request& request, const Api::Endpoint& endpoint);
    QStringList checkBody(const QJsonObject& body, const Api::Endpoint& endpoint) const;
    std::optional<Reply> checkLocation(const Request& request) const;
    void drop(
        QTcpSocket* socket, const Request& request, qint64 elapsedMs, const QString& operationId);
    void write(QHttpServerResponder& responder, const Request& request, Reply reply,
        qint64 elapsedMs, const QString& operationId);
    void log(
        const Request& request, const Reply& reply, qint64 elapsedMs, const QString& operationId);
    void saveDataFile();

    const Clock& m_clock;
    SandboxData m_data;
    Router m_router;
    RateLimiter m_limiter;
    FaultInjector m_faults;
    RequestLog m_log;
    HandlerTable m_handlers;
    std::unique_ptr<OAuthRoutes> m_oauth;
    std::unique_ptr<ControlRoutes> m_control;
    std::unique_ptr<WebhookEmitter> m_webhooks;
    QString m_dataFile;
    QTimer m_saveTimer;
    quint16 m_port = 0;
};

} // namespace ContactDesk::Sandbox
