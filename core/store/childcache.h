#pragma once

#include "api/models/appointment.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "store/contactcache.h"
#include "store/storeerror.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {

class Database;

// A task's or note's standing against the server (from the outbox), for the detail pane.
struct ChildStatus
{
    LocalStatus status = LocalStatus::Synced;
    QString message; // the failure or conflict text
};

// Tasks, notes and appointments of each contact, loaded lazily by the sync engine when a contact
// is opened: stored as wire JSON with the time they were fetched, so the detail pane shows them
// at once and marks them stale by age. Locally created tasks and notes carry "local-<uuid>" ids
// until their create lands.
class ChildCache
{
public:
    explicit ChildCache(Database& database);

    // Replace the server's list for a contact in ONE transaction. Local creates not yet on the
    // server are kept, items with pending local changes keep their local values, and items with
    // a pending delete are not brought back. Emits childrenChanged.
    bool replaceTasks(const QString& contactId, const QList<Api::Task>& tasks, qint64 fetchedAtMs);
    bool replaceNotes(const QString& contactId, const QList<Api::Note>& notes, qint64 fetchedAtMs);
    bool replaceAppointments(
        const QString& contactId, const QList<Api::Appointment>& appointments, qint64 fetchedAtMs);

    // Tasks by due date (undated last), notes newest first, appointments by start time.
    QList<Api::Task> tasks(const QString& contactId) const;
    QList<Api::Note> notes(const QString& contactId) const;
    QList<Api::Appointment> appointments(const QString& contactId) const;
    std::optional<Api::Task> task(const QString& contactId, const QString& taskId) const;
    std::optional<Api::Note> note(const QString& contactId, const QString& noteId) const;

    // When the list was last fetched from the server; nullopt when never fetched or invalidated
    // (a discarded local change): the sync engine then fetches it again.
    std::optional<qint64> tasksFetchedAt(const QString& contactId) const;
    std::optional<qint64> notesFetchedAt(const QString& contactId) const;
    std::optional<qint64> appointmentsFetchedAt(const QString& contactId) const;

    // Status of the tasks and notes of a contact that have outbox items; absent ids are Synced.
    QHash<QString, ChildStatus> childStatuses(const QString& contactId) const;

    StoreError lastError() const;

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
