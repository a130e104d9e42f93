#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Webhooks {

// What a HighLevel webhook is about, read from its payload (contract 5.1).
enum class WebhookSubject
{
    Contact, // ContactCreate, ContactUpdate, ContactDelete, ContactTagUpdate, ContactDndUpdate
    Task,
    Note,
    Appointment,
    App, // INSTALL, UNINSTALL
    Other, // a type this client does not know: stored and acknowledged, not applied
};

struct WebhookPayload
{
    QString type;
    QString locationId;
    QString appId;
    QString versionId;
    QString webhookId;
    qint64 timestampMs = 0;
    QString recordId; // the contact, task, note or appointment id
    QString contactId; // the contact it belongs to (the record itself for contact events)
    WebhookSubject subject = WebhookSubject::Other;
    QJsonObject object; // the whole payload

    bool isDelete() const { return type.endsWith(QLatin1String("Delete")); }
};

// The payload of one delivery, or nullopt with *error saying what is wrong: not a JSON object,
// no `type`, no `webhookId`, no `timestamp` (ISO 8601 text or milliseconds since the epoch), no
// `locationId` (except on app events that carry a companyId), or a contact, task or note event
// without its `id`.
std::optional<WebhookPayload> parseWebhookPayload(const QByteArray& rawBody, QString* error);

// Who this receiver serves.
struct ReceiptPolicy
{
    QString locationId; // the connection's location; empty: any
    // The app's client id ("<appId>-<suffix>" as the marketplace issues it) or the app id;
    // empty: any. A payload without appId is accepted.
    QString clientId;
    qint64 toleranceSecs = 300;
};

enum class ReceiptVerdict
{
    Accept,
    TooOld, // timestamp before now - tolerance
    TooNew, // timestamp after now + tolerance
    OtherLocation,
    OtherApp,
};

ReceiptVerdict checkReceipt(
    const WebhookPayload& payload, const ReceiptPolicy& policy, qint64 nowMs);
QString receiptVerdictMessage(ReceiptVerdict verdict, const WebhookPayload& payload);

} // namespace ContactDesk::Webhooks
