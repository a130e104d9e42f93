#pragma once

#include "webhooks/highlevelsignature.h"
#include "webhooks/webhookreceipt.h"

#include <QObject>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Automation {
class EventReceiver;
struct RouteAnswer;
} // namespace ContactDesk::Automation

namespace ContactDesk::Webhooks {

class WebhookApplier;
class WebhookLedger;

struct HighLevelReceiverOptions
{
    ReceiptPolicy policy;
    // Pending (stored, not yet applied) deliveries over this answer 429, so HighLevel retries.
    int maxBacklog = 10000;
    // Delivered ids are kept this long (at least the replay window), then pruned.
    qint64 keepIdsMs = 24 * 3600 * 1000;
};

// POST /hooks/highlevel: the signature over the raw bytes (401 when it is missing or wrong),
// the payload (400 when it is not one), the replay window (401 outside it), the location and
// app (200 "ignored", logged, nothing stored), the backlog (429 with Retry-After), then the
// delivery is stored durably in the ledger (a duplicate webhookId answers 200 "duplicate"),
// answered 200 "accepted" and handed to the applier.
class HighLevelReceiver : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView path {"/hooks/highlevel"};

    HighLevelReceiver(HighLevelVerifier verifier, WebhookLedger& ledger, WebhookApplier* applier,
        const Clock& clock, HighLevelReceiverOptions options = {}, QObject* parent = nullptr);

    // Adds the route to `receiver`; false when it cannot.
    bool install(Automation::EventReceiver& receiver);
    // One delivery: its headers and raw body, as received.
    Automation::RouteAnswer receive(
        const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& rawBody);

    void setVerifier(const HighLevelVerifier& verifier) { m_verifier = verifier; }
    void setOptions(const HighLevelReceiverOptions& options) { m_options = options; }

Q_SIGNALS:
    // Each delivery: the status answered, the signature result, the type and why.
    void received(int status, const QString& type, const QString& reason);

private:
    Automation::RouteAnswer reply(int status, const QString& state, const QString& reason,
        const QString& type = {}, QList<QPair<QByteArray, QByteArray>> headers = {});

    HighLevelVerifier m_verifier;
    WebhookLedger& m_ledger;
    WebhookApplier* m_applier;
    const Clock& m_clock;
    HighLevelReceiverOptions m_options;
    qint64 m_lastPruneMs = 0;
};

} // namespace ContactDesk::Webhooks
