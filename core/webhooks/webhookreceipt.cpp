#include "webhooks/webhookreceipt.h"

#include "common/clock.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ContactDesk::Webhooks {

namespace {

using L = QLatin1StringView;

WebhookSubject subjectOf(const QString& type)
{
    if (type.startsWith(L("Contact")))
        return WebhookSubject::Contact;
    if (type.startsWith(L("Task")))
        return WebhookSubject::Task;
    if (type.startsWith(L("Note")))
        return WebhookSubject::Note;
    if (type.startsWith(L("Appointment")))
        return WebhookSubject::Appointment;
    if (type == L("INSTALL") || type == L("UNINSTALL"))
        return WebhookSubject::App;
    return WebhookSubject::Other;
}

std::optional<qint64> timestampOf(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!(number >= 1 && number <= 1e15))
            return std::nullopt;
        return qint64(number);
    }
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    // A time without a zone would be read in local time: refused.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    // Before 1970 or absurdly far ahead: not a delivery time.
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms <= 0 || ms > qint64(1e15))
        return std::nullopt;
    return ms;
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<WebhookPayload> parseWebhookPayload(const QByteArray& rawBody, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(rawBody, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, QStringLiteral("the body is not JSON: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, QStringLiteral("the body is not a JSON object"));
        return std::nullopt;
    }
    WebhookPayload payload;
    payload.object = document.object();
    const QJsonObject& o = payload.object;
    const auto text = [&o](const char* key) { return o.value(L(key)).toString(); };
    payload.type = text("type");
    if (payload.type.isEmpty()) {
        fail(error, QStringLiteral("the payload has no \"type\""));
        return std::nullopt;
    }
    payload.subject = subjectOf(payload.type);
    payload.webhookId = text("webhookId");
    if (payload.webhookId.isEmpty()) {
        fail(error, QStringLiteral("the payload has no \"webhookId\""));
        return std::nullopt;
    }
    const std::optional<qint64> timestamp = timestampOf(o.value(L("timestamp")));
    if (!timestamp) {
        fail(error,
            QStringLiteral("the payload has no \"timestamp\" (ISO 8601 with a zone, or "
                           "milliseconds)"));
        return std::nullopt;
    }
    payload.timestampMs = *timestamp;
    payload.locationId = text("locationId");
    payload.appId = text("appId");
    payload.versionId = text("versionId");
    if (payload.locationId.isEmpty()
        && !(payload.subject == WebhookSubject::App && o.value(L("companyId")).isString())) {
        fail(error, QStringLiteral("the payload has no \"locationId\""));
        return std::nullopt;
    }
    switch (payload.subject) {
    case WebhookSubject::Contact:
        payload.recordId = text("id");
        payload.contactId = payload.recordId;
        break;
    case WebhookSubject::Task:
    case WebhookSubject::Note:
        payload.recordId = text("id");
        payload.contactId = text("contactId");
        break;
    case WebhookSubject::Appointment: {
        const QJsonObject appointment = o.value(L("appointment")).toObject();
        payload.recordId = appointment.value(L("id")).toString();
        payload.contactId = appointment.value(L("contactId")).toString();
        break;
    }
    case WebhookSubject::App:
    case WebhookSubject::Other:
        break;
    }
    if (payload.recordId.isEmpty() && payload.subject != WebhookSubject::App
        && payload.subject != WebhookSubject::Other) {
        fail(error, QStringLiteral("the %1 payload has no record id").arg(payload.type));
        return std::nullopt;
    }
    return payload;
}

ReceiptVerdict checkReceipt(
    const WebhookPayload& payload, const ReceiptPolicy& policy, qint64 nowMs)
{
    const qint64 tolerance = policy.toleranceSecs * 1000;
    if (payload.timestampMs < nowMs - tolerance)
        return ReceiptVerdict::TooOld;
    if (payload.timestampMs > nowMs + tolerance)
        return ReceiptVerdict::TooNew;
    if (!policy.locationId.isEmpty() && !payload.locationId.isEmpty()
        && payload.locationId != policy.locationId)
        return ReceiptVerdict::OtherLocation;
    // As HighLevel's SDK does: the app id is the client id's part before the first '-'.
    const QString appId = policy.clientId.section(u'-', 0, 0);
    if (!appId.isEmpty() && !payload.appId.isEmpty() && payload.appId != appId)
        return ReceiptVerdict::OtherApp;
    return ReceiptVerdict::Accept;
}

QString receiptVerdictMessage(ReceiptVerdict verdict, const WebhookPayload& payload)
{
    switch (verdict) {
    case ReceiptVerdict::Accept:
        return QStringLiteral("accepted %1").arg(payload.type);
    case ReceiptVerdict::TooOld:
        return QStringLiteral("the timestamp %1 is too old (replay window)")
            .arg(isoUtc(payload.timestampMs));
    case ReceiptVerdict::TooNew:
        return QStringLiteral("the timestamp %1 is in the future (replay window)")
            .arg(isoUtc(payload.timestampMs));
    case ReceiptVerdict::OtherLocation:
        return QStringLiteral("ignored: location %1 is not served here").arg(payload.locationId);
    case ReceiptVerdict::OtherApp:
        return QStringLiteral("ignored: app %1 is not this app").arg(payload.appId);
    }
    return {};
}

} // namespace ContactDesk::Webhooks
