#include "api/models/appointment.h"

#include "api/models/jsonreader.h"
#include "api/models/wiretime.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const TextField<Appointment> textFields[] = {
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
    readTextFields(r, &appointment, textFields);
    appointment.users = r.stringList(L("users"));
    for (const TimeField& field : timeFields)
        appointment.*field.member = r.offsetTime(field.key, wallClockZone);
    if (!r.finish(error))
        return std::nullopt;
    appointment.extra = unknownKeys(withoutTextFields(json, textFields), {L("users")});
    for (const TimeField& field : timeFields)
        appointment.extra.remove(field.key);
    return appointment;
}

QJsonObject Appointment::toJson() const
{
    QJsonObject json = extra;
    writeTextFields(&json, *this, textFields);
    for (const TimeField& field : timeFields) {
        const QDateTime& time = this->*field.member;
        putIf(&json, field.key, time.isValid(), formatOffsetTime(time));
    }
    putIf(&json, L("users"), !users.isEmpty(), QJsonArray::fromStringList(users));
    return json;
}

} // namespace ContactDesk::Api
