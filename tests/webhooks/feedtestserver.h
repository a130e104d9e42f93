#pragma once

#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "fakeclock.h"
#include "store/database.h"
#include "webhooks/changefeed.h"
#include "webhooks/feeddevices.h"
#include "webhooks/streamroute.h"
#include "webhooks/webhookledger.h"

#include <QByteArray>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace ContactDesk::Testing {

// A JSON webhook payload as HighLevel sends it, which parseWebhookPayload() takes.
QByteArray contactUpdatePayload(const QString& webhookId, const QString& contactId,
    qint64 timestampMs, const QString& firstName = QStringLiteral("Ada"));

// The serve side of the change feed on 127.0.0.1: its own data folder (a temporary one), the
// ledger, the feed, one registered device, and the receiver with /stream installed. stop() and
// start() take the HTTP side down and up again on the same port, the data staying.
class FeedTestServer
{
public:
    explicit FeedTestServer(Webhooks::StreamRouteOptions options = {});
    ~FeedTestServer();

    bool start(quint16 port = 0);
    void stop();
    QUrl url() const { return m_url; }

    // Records a delivery in the ledger the way the /hooks/highlevel route does (the trigger
    // copies it into the feed) and tells the route; the feed id, 0 when it was a duplicate.
    qint64 deliver(const QString& webhookId, const QString& contactId,
        const QString& firstName = QStringLiteral("Ada"));

    FakeClock clock;
    QTemporaryDir dir;
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<Webhooks::WebhookLedger> ledger;
    std::unique_ptr<Webhooks::ChangeFeed> feed;
    std::unique_ptr<Webhooks::FeedDevices> devices;
    std::unique_ptr<Automation::Inbox> inbox;
    std::unique_ptr<Automation::EventReceiver> receiver;
    std::unique_ptr<Webhooks::StreamRoute> route;
    QByteArray token; // the device "laptop"'s

private:
    Webhooks::StreamRouteOptions m_options;
    QUrl m_url;
};

} // namespace ContactDesk::Testing
