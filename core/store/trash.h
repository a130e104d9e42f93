#pragma once

#include "api/models/contact.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "store/storeerror.h"

#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {

class Database;

// A deleted contact as it was, with its tasks and notes: HighLevel's own restore loses tasks and
// notes, so we keep them to re-create everything (LocalEdits::restore).
struct TrashEntry
{
    qint64 id = 0;
    QString contactId; // the id it had when deleted
    Api::Contact contact;
    QList<Api::Task> tasks;
    QList<Api::Note> notes;
    qint64 deletedAtMs = 0;
    // The id of the contact the restore created (local until its create lands); empty while
    // not restored.
    QString restoredAs;

    bool operator==(const TrashEntry& other) const = default;
};

class Trash
{
public:
    explicit Trash(Database& database);

    // Newest first.
    QList<TrashEntry> list() const;
    std::optional<TrashEntry> entry(qint64 id) const;
    // The newest entry not yet restored (what Undo restores).
    std::optional<TrashEntry> latestUnrestored() const;
    int count() const;
    // Drops entries deleted before `ms` (a restore no longer possible).
    bool purge(qint64 deletedBeforeMs);
    // Completes the newest unrestored entry of `contactId` with the server's tasks and notes it
    // lacks (by id): the cache loads them lazily, so a contact deleted without being opened
    // reaches the trash without them. Ones the entry holds keep their local version. True when
    // there is no such entry; false on a write failure.
    bool addServerChildren(
        const QString& contactId, const QList<Api::Task>& tasks, const QList<Api::Note>& notes);

    StoreError lastError() const;

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
