#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ContactDesk::Sandbox {

class SandboxData;
struct Location;

// The lists a HighLevel location's settings hold, as the sandbox seeds them: custom fields
// (every dataType, contact and opportunity models), tags, calendars, and the company's users.
// Records are in the Locations, Users and Calendars specs' wire form with a `locationId`
// (users: `roles.locationIds`) saying whose they are.
namespace Directory {

// Fills the lists of every location of `data` and the company's users; ids come from the
// data's own generator, so the same seed gives the same ids.
void seed(SandboxData& data);

// The custom fields of one location in the location's field order (by `position`).
QList<QJsonObject> customFieldsOf(const SandboxData& data, const QString& locationId);
// The user ids of a location, first the sandbox's own user.
QStringList userIdsOf(const SandboxData& data, const QString& locationId);
QStringList calendarIdsOf(const SandboxData& data, const QString& locationId);

bool userBelongsTo(const QJsonObject& user, const QString& locationId);

} // namespace Directory

} // namespace ContactDesk::Sandbox
