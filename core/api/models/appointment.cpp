#include "api/models/appointment.h"

#include "api/models/jsonreader.h"
#include "api/models/wiretime.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

struct TextField
{
    L key;
    QString Appointment::*member;
};

const TextField textFields[] = {
    {L("id"), &Appointment::id},
    {L("calendarId"), &Appointment::calendarId},
    {L("locationId"), &Appointment::locationId},
    {L("contactId"), &Appointment::contactId},
    {L("groupId"), &Appointment::groupId},
    {L("title"), &Appointment::title},
    {L("status"), &Appointment::status},
    {L("appointmentStatus"), &Appointment::appointmentStatus},
    {L("assignedUserId"), &Appointment::assignedUserId},
    {L("notes"), &Appointment::notes},
    {L("address"), &Appointment::address},
};

struct TimeField
{
    L key;
    QDateTime Appointment::*member;
};

const TimeField timeFields[] = {
    {L("startTime"), &Appointment::startTime},
    {L("endTime"), &Appointment::endTime},
    {L("dateAdded"), &Appointment::dateAdded},
    {L("dateUpdated"), &Appointment::dateUpdated},
};

} // namespace

std::optional<Appointment> Appointment::fromJson(
    const QJsonObject& json, QString* error, const QString& path, const QTimeZone& wallClockZone)
{
    JsonReader r(json, path);
    Appointment appointment;
    appointment.id = r.requiredString(L("id"));
    for (const TextField& field : textFields) {
        if (field.member != &Appointment::id)
            appointment.*field.member = r.string(field.key);
    }
    appointment.users = r.stringList(L("users"));
    for (const TimeField& field : timeFields)
        appointment.*field.member = r.offsetTime(field.key, wallClockZone);
    if (!r.finish(error))
        return std::nullopt;
    QJsonObject extra = json;
    for (const TextField& field : textFields)
        extra.remove(field.key);
    for (const TimeField& field : timeFields)
        extra.remove(field.key);
    extra.remove(QStringLiteral("users"));
    appointment.extra = extra;
    return appointment;
}

QJsonObject Appointment::toJson() const
{
    QJsonObject json = extra;
    for (const TextField& field : textFields) {
        const QString& text = this->*field.member;
        if (!text.isEmpty())
            json.insert(field.key, text);
        else
            json.remove(field.key);
    }
    for (const TimeField& field : timeFields) {
        const QDateTime& time = this->*field.member;
        if (time.isValid())
            json.insert(field.key, formatOffsetTime(time));
        else
            json.remove(field.key);
    }
    if (!users.isEmpty())
        json.insert(QStringLiteral("users"), QJsonArray::fromStringList(users));
    else
        json.remove(QStringLiteral("users"));
    return json;
}

} // namespace ContactDesk::Api
