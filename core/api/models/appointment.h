#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace ContactDesk::Api {

// An appointment from GET /contacts/{contactId}/appointments (GetEventSchema); read-only, since
// appointments are booked through the calendars API.
//
// Times come in two spellings: ISO-8601 with Z or an offset, and the spec's zone-less
// "YYYY-MM-DD HH:mm:ss", a wall-clock time in the calendar's zone. The times keep the offset
// they were written or read in (toUTC() gives the instant); QDateTime compares instants.
struct Appointment
{
    QString id;
    QString calendarId;
    QString locationId;
    QString contactId;
    QString groupId;
    QString title;
    QString status; // "booked", "cancelled", ...
    QString appointmentStatus; // "confirmed", "showed", "noshow", ...
    QString assignedUserId;
    QString notes;
    QString address;
    QStringList users;
    QDateTime startTime;
    QDateTime endTime;
    QDateTime dateAdded;
    QDateTime dateUpdated;
    QJsonObject extra; // any other key the server sent (assignedResources, ...)

    // Zone-less times are read in `wallClockZone`: pass the contact's or the location's
    // timezone when it is known.
    static std::optional<Appointment> fromJson(const QJsonObject& json, QString* error,
        const QString& path = QStringLiteral("event"),
        const QTimeZone& wallClockZone = QTimeZone::utc());
    // The response shape with every time as ISO-8601 with its offset, which needs no zone to
    // read back.
    QJsonObject toJson() const;

    bool operator==(const Appointment& other) const = default;
};

} // namespace ContactDesk::Api
