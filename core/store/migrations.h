#pragma once

// Internal to core/store: the schema, one list of statements per version (Database runs each
// list in its own transaction and records PRAGMA user_version).

#include <QStringList>

namespace ContactDesk::Store::Migrations {

// The statements that take a file from version - 1 to `version`; null for an unknown version.
const QStringList* statements(int version);

} // namespace ContactDesk::Store::Migrations
