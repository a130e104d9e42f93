#pragma once

// Internal to core/store: outbox and history rows, shared by Outbox and LocalEdits.

#include "store/database.h"
#include "store/outbox.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace ContactDesk::Store::Rows {

// Appends an item (its id is ignored) and returns the new id, 0 on failure. Notifies the outbox
// change.
qint64 appendItem(Database& db, const OutboxItem& item);
// Writes back everything but id, kind and createdAtMs.
bool saveItem(Database& db, const OutboxItem& item);
bool deleteItem(Database& db, qint64 id);
std::optional<OutboxItem> readItem(Database& db, qint64 id);
// Items matching `where` (SQL over the outbox columns), in order.
QList<OutboxItem> readItems(
    Database& db, const QString& where, const QVariantList& values = {}, int limit = -1);
// The newest item not done for the contact (and, when childId is set, that child).
std::optional<OutboxItem> lastOpenItem(
    Database& db, const QString& contactId, const QString& childId = {});
bool appendHistory(
    Database& db, const QString& action, const QString& contactId, const QString& summary);

} // namespace ContactDesk::Store::Rows
