#include "sandbox/webhookpayloads.h"

#include <QDate>
#include <QJsonArray>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;

const L contactStrings[] = {L("id"), L("locationId"), L("address1"), L("city"), L("state"),
    L("companyName"), L("country"), L("source"), L("dateAdded"), L("email"), L("name"),
    L("firstName"), L("lastName"), L("phone"), L("postalCode"), L("website"), L("assignedTo")};
const L dndChannels[] = {L("SMS"), L("Email"), L("GMB"), L("FB"), L("WhatsApp"), L("Call")};
const L taskStrings[] = {
    L("id"), L("assignedTo"), L("body"), L("contactId"), L("title"), L("dateAdded"), L("dueDate")};
const L noteStrings[] = {L("id"), L("body"), L("contactId"), L("dateAdded")};
const L appointmentStrings[] = {L("id"), L("address"), L("title"), L("calendarId"), L("contactId"),
    L("groupId"), L("appointmentStatus"), L("assignedUserId"), L("notes"), L("source"),
    L("startTime"), L("endTime"), L("dateAdded"), L("dateUpdated")};

// Copies the keys whose value is a non-empty string; the schemas type every field, so a null
// or a stray type is left out rather than sent wrong.
template <qsizetype N>
void copyStrings(QJsonObject& to, const QJsonObject& from, const L (&keys)[N])
{
    for (const L key : keys) {
        const QJsonValue value = from.value(key);
        if (value.isString() && !value.toString().isEmpty())
            to.insert(key, value);
    }
}

// Stored as a day ("1990-05-17") or already ISO; the webhook sends an ISO date-time.
QString isoBirthDate(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text.contains(u'T'))
        return text;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? date.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z")
                          : QString();
}

QJsonArray customFieldValues(const QJsonArray& fields)
{
    QJsonArray out;
    for (const QJsonValue& entry : fields) {
        const QJsonObject field = entry.toObject();
        const QJsonValue value = field.value(L("value"));
        QJsonObject item {{QStringLiteral("id"), field.value(L("id")).toString()}};
        if (value.isString() || value.isDouble() || value.isArray() || value.isObject())
            item.insert(QStringLiteral("value"), value);
        else if (value.isBool())
            item.insert(QStringLiteral("value"), value.toBool() ? L("true") : L("false"));
        else
            continue;
        out.append(item);
    }
    return out;
}

QJsonObject dndSettings(const QJsonObject& stored)
{
    QJsonObject out;
    for (const L channel : dndChannels) {
        const QJsonObject setting = stored.value(channel).toObject();
        if (setting.isEmpty())
            continue;
        QJsonObject item;
        for (const L key : {L("status"), L("message"), L("code")}) {
            const QJsonValue value = setting.value(key);
            if (value.isString())
                item.insert(key, value);
            else if (value.isDouble())
                item.insert(key, QString::number(value.toDouble()));
        }
        out.insert(channel, item);
    }
    return out;
}

} // namespace

QJsonObject contactPayload(const QString& type, const QJsonObject& contact)
{
    QJsonObject payload {{QStringLiteral("type"), type}};
    copyStrings(payload, contact, contactStrings);
    if (const QString birth = isoBirthDate(contact.value(L("dateOfBirth"))); !birth.isEmpty())
        payload.insert(QStringLiteral("dateOfBirth"), birth);
    payload.insert(QStringLiteral("dnd"), contact.value(L("dnd")).toBool());
    QJsonArray tags;
    for (const QJsonValue& tag : contact.value(L("tags")).toArray()) {
        if (tag.isString())
            tags.append(tag);
    }
    payload.insert(QStringLiteral("tags"), tags);
    payload.insert(QStringLiteral("attachments"),
        contact.value(L("attachments")).isArray() ? contact.value(L("attachments")).toArray()
                                                  : QJsonArray());
    payload.insert(QStringLiteral("customFields"),
        customFieldValues(contact.value(L("customFields")).toArray()));
    if (type == L("ContactDndUpdate"))
        payload.insert(
            QStringLiteral("dndSettings"), dndSettings(contact.value(L("dndSettings")).toObject()));
    return payload;
}

QJsonObject taskPayload(const QString& type, const QJsonObject& task, const QString& locationId)
{
    QJsonObject payload {
        {QStringLiteral("type"), type}, {QStringLiteral("locationId"), locationId}};
    copyStrings(payload, task, taskStrings);
    return payload;
}

QJsonObject notePayload(const QString& type, const QJsonObject& note, const QString& locationId)
{
    QJsonObject payload {
        {QStringLiteral("type"), type}, {QStringLiteral("locationId"), locationId}};
    copyStrings(payload, note, noteStrings);
    return payload;
}

QJsonObject appointmentPayload(
    const QString& type, const QJsonObject& appointment, const QString& locationId)
{
    QJsonObject record;
    copyStrings(record, appointment, appointmentStrings);
    QJsonArray users;
    for (const QJsonValue& user : appointment.value(L("users")).toArray()) {
        if (user.isString())
            users.append(user);
    }
    record.insert(QStringLiteral("users"), users);
    return {{QStringLiteral("type"), type}, {QStringLiteral("locationId"), locationId},
        {QStringLiteral("appointment"), record}};
}

} // namespace ContactDesk::Sandbox
