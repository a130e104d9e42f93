#pragma once

// Internal to core/store: the trash snapshot format, shared by Trash, LocalEdits and Outbox.

#include "store/database.h"
#include "store/trash.h"

#include <QJsonObject>

#include <optional>

namespace ContactDesk::Store::Rows {

// {"contact": {...}, "tasks": [...], "notes": [...]}, each in its wire shape.
QString encodeSnapshot(
    const QJsonObject& contact, const QList<Api::Task>& tasks, const QList<Api::Note>& notes);
void decodeSnapshot(const QString& text, TrashEntry* entry);
std::optional<TrashEntry> trashEntry(Database& db, qint64 id);

} // namespace ContactDesk::Store::Rows
