// What hangs off a demo contact: tasks, notes and appointments, dated between the contact's
// dateAdded and a little after the clock's now.
#include "common/ids.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxseeder_p.h"

#include <QJsonArray>

#include <algorithm>

namespace ContactDesk::Sandbox::Seeding {

using namespace SeedText;

void Seeder::store(QList<QJsonObject>& list)
{
    const QJsonArray records = m_json.take().toArray();
    for (const QJsonValue& record : records)
        list.append(record.toObject());
}

void Seeder::addTasks(const Person& person)
{
    JsonText& j = m_json;
    const int count = 1 + pick(3);
    std::array<qint64, 3> added {};
    for (int i = 0; i < count; ++i)
        added[i] = between(person.addedMs, m_now);
    std::sort(added.begin(), added.begin() + count);
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        const qint64 due
            = between(added[i], m_now + 30 * dayMs) / (15 * minuteMs) * (15 * minuteMs);
        j.beginObject();
        if (!m_users.isEmpty() && chance(70))
            j.field("assignedTo", userId());
        if (chance(70))
            j.field("body", pick(m_taskBodies));
        j.flag("completed", due < m_now ? chance(70) : chance(10));
        j.field("contactId", person.id);
        j.field("dateAdded", TimeText(added[i], TimeStyle::IsoUtc));
        j.field("dueDate", TimeText(due, TimeStyle::IsoUtc));
        j.field("id", firestoreId(m_random).toLatin1());
        j.field("title", pick(m_taskTitles));
        j.endObject();
    }
    j.endArray();
    store(m_data.tasks()[QString::fromLatin1(person.id)]);
}

void Seeder::addNotes(const Person& person)
{
    const int count = pick(4);
    if (count == 0)
        return;
    JsonText& j = m_json;
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        j.beginObject();
        j.field("body", pick(m_noteBodies));
        if (chance(20))
            j.field("color", pick(m_noteColors));
        j.field("contactId", person.id);
        j.field("dateAdded", TimeText(between(person.addedMs, m_now), TimeStyle::IsoUtc));
        j.field("id", firestoreId(m_random).toLatin1());
        j.flag("pinned", chance(10));
        if (chance(50))
            j.field("title", pick(m_noteTitles));
        if (!m_users.isEmpty() && chance(80))
            j.field("userId", userId());
        j.endObject();
    }
    j.endArray();
    store(m_data.notes()[QString::fromLatin1(person.id)]);
}

// Times in both spellings HighLevel uses for appointments, in the contact's local time: the
// spec's "YYYY-MM-DD HH:mm:ss" and webhook-style ISO with the zone's offset.
void Seeder::addAppointments(const Person& person)
{
    const int count = pick(3);
    if (count == 0)
        return;
    const ZoneOffsets& offsets = m_zones.at(person.zone);
    std::array<qint64, 2> starts {};
    for (int i = 0; i < count; ++i) {
        const qint64 day = between(person.addedMs, m_now + 60 * dayMs) / dayMs * dayMs;
        const int hour = 9 + pick(8);
        starts[i] = day + hour * hourMs + pick(2) * 30 * minuteMs
            - qint64(offsets.offsetAt(day + 12 * hourMs)) * 1000;
    }
    std::sort(starts.begin(), starts.begin() + count);

    JsonText& j = m_json;
    j.beginArray();
    for (int i = 0; i < count; ++i) {
        const qint64 start = starts[i];
        const qint64 end = start + (chance(50) ? 30 : 60) * minuteMs;
        const qint64 added = between(person.addedMs, std::min(start, m_now));
        const qint64 updated = between(added, m_now);
        const TimeStyle style = chance(50) ? TimeStyle::Spaced : TimeStyle::IsoOffset;
        const auto time = [&](qint64 ms) { return TimeText(ms, style, offsets.offsetAt(ms)); };
        const char* status = nullptr;
        if (start >= m_now)
            status = chance(80) ? "confirmed" : "new";
        else if (const int outcome = pick(100); outcome < 60)
            status = "showed";
        else
            status = outcome < 75 ? "noshow" : "cancelled";
        const QByteArray user = userId();

        j.beginObject();
        if (chance(50))
            j.field(
                "address", "https://zoom.us/j/" + QByteArray::number(1000000000 + pick(999999999)));
        else
            j.field("address", m_locationAddress);
        j.field("appointmentStatus", status);
        if (!user.isEmpty())
            j.field("assignedUserId", user);
        const CalendarRef& calendar = m_calendars.at(pick(m_calendars.size()));
        j.field("calendarId", calendar.id);
        j.field("contactId", person.id);
        j.field("dateAdded", time(added));
        j.field("dateUpdated", time(updated));
        j.field("endTime", time(end));
        j.field("groupId", calendar.groupId);
        j.field("id", firestoreId(m_random).toLatin1());
        j.field("locationId", m_locationId);
        if (chance(40))
            j.field("notes", pick(m_appointmentNotes));
        j.field("startTime", time(start));
        j.field("status", qstrcmp(status, "cancelled") == 0 ? "cancelled" : "booked");
        j.field("title", pick(m_appointmentKinds) + " with " + person.name);
        if (!user.isEmpty()) {
            j.key("users");
            j.beginArray();
            j.string(user);
            j.endArray();
        }
        j.endObject();
    }
    j.endArray();
    store(m_data.appointments()[QString::fromLatin1(person.id)]);
}

} // namespace ContactDesk::Sandbox::Seeding
