#include "feedtestserver.h"

#include "webhooks/webhookreceipt.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ContactDesk::Testing {

QByteArray contactUpdatePayload(const QString& webhookId, const QString& contactId,
    qint64 timestampMs, const QString& firstName)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("ContactUpdate")},
            {QStringLiteral("locationId"), QStringLiteral("loc-feed")},
            {QStringLiteral("id"), contactId}, {QStringLiteral("firstName"), firstName},
            {QStringLiteral("webhookId"), webhookId},
            {QStringLiteral("timestamp"), isoUtc(timestampMs)}})
        .toJson(QJsonDocument::Compact);
}

FeedTestServer::FeedTestServer(Webhooks::StreamRouteOptions options)
    : m_options(options)
{
    db = std::make_unique<Store::Database>(dir.filePath(QStringLiteral("serve.sqlite")), clock);
    db->open();
    ledger = std::make_unique<Webhooks::WebhookLedger>(*db);
    feed = std::make_unique<Webhooks::ChangeFeed>(*db);
    devices = std::make_unique<Webhooks::FeedDevices>(*db);
    devices->add(QStringLiteral("laptop"), &token);
    inbox = std::make_unique<Automation::Inbox>(*db, clock);
}

FeedTestServer::~FeedTestServer()
{
    stop();
}

bool FeedTestServer::start(quint16 port)
{
    receiver = std::make_unique<Automation::EventReceiver>(*inbox, clock);
    route = std::make_unique<Webhooks::StreamRoute>(*feed, *devices, m_options);
    if (!route->install(*receiver))
        return false;
    Automation::ReceiverOptions options;
    options.port = port;
    if (!receiver->listen(options))
        return false;
    m_url = receiver->url();
    return true;
}

void FeedTestServer::stop()
{
    // The open connections go with the listening socket, cut as when the process ends; the
    // route finds them gone.
    receiver.reset();
    route.reset();
}

qint64 FeedTestServer::deliver(
    const QString& webhookId, const QString& contactId, const QString& firstName)
{
    const QByteArray body = contactUpdatePayload(webhookId, contactId, clock.nowMs(), firstName);
    QString error;
    const std::optional<Webhooks::WebhookPayload> payload
        = Webhooks::parseWebhookPayload(body, &error);
    if (!payload || ledger->record(*payload, body) != Webhooks::WebhookLedger::Recorded::Stored)
        return 0;
    if (route)
        route->notify();
    return feed->lastId();
}

} // namespace ContactDesk::Testing
