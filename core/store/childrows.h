#pragma once

// Internal to core/store: reading and writing task, note and appointment rows, shared by
// ChildCache (server lists), LocalEdits (optimistic writes) and Outbox (id rewrites, discards).

#include "api/models/note.h"
#include "api/models/task.h"
#include "store/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store::Rows {

enum class ChildKind
{
    Task,
    Note,
};

// The fetch-time kinds in child_fetches.
inline const QString tasksFetch = QStringLiteral("tasks");
inline const QString notesFetch = QStringLiteral("notes");
inline const QString appointmentsFetch = QStringLiteral("appointments");

bool writeTask(Database& db, const Api::Task& task);
bool writeNote(Database& db, const Api::Note& note);
// The stored wire JSON of a task or note of `contactId`; nullopt when absent (or on error,
// with the database's lastError set).
std::optional<QJsonObject> childJson(
    Database& db, ChildKind kind, const QString& contactId, const QString& childId);
// Writes back edited JSON (decoded first, so only valid values are stored); false when it does
// not decode.
bool writeChildJson(Database& db, ChildKind kind, const QJsonObject& json);
bool removeChild(Database& db, ChildKind kind, const QString& childId);
QList<Api::Task> tasksOf(Database& db, const QString& contactId);
QList<Api::Note> notesOf(Database& db, const QString& contactId);
// Forget the fetch time so the sync engine fetches the list again.
bool invalidateFetch(Database& db, const QString& contactId, const QString& fetchKind);

} // namespace ContactDesk::Store::Rows
