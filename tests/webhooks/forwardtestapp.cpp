#include "forwardtestapp.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>

ForwardTestApp::ForwardTestApp()
{
    m_server.route(QStringLiteral("/hook"), [this](const QHttpServerRequest& request) {
        m_deliveries.append({request.value("webhook-id"), request.value("webhook-timestamp"),
            request.value("webhook-signature"), request.body()});
        const Answer answer = m_script.isEmpty() ? Answer() : m_script.takeFirst();
        QHttpServerResponse response(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok"),
            static_cast<QHttpServerResponse::StatusCode>(answer.status));
        if (!answer.retryAfter.isEmpty())
            response.setHeader(QByteArrayLiteral("Retry-After"), answer.retryAfter);
        return response;
    });
}

bool ForwardTestApp::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost);
    return m_port != 0;
}

QString ForwardTestApp::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port);
}
