#pragma once

#include "store/storeerror.h"

#include "api/models/locationlists.h"

#include <QDateTime>
#include <QString>

namespace ContactDesk::Store {

class Database;

// The four lists of the connection's location (custom fields, tags, users, calendars) in the
// cache, so names are readable offline. Each kind is saved on its own and replaces what was
// there in one transaction; a kind the connection may not read is saved as unavailable with its
// reason (and keeps no items).
class LocationListCache
{
public:
    explicit LocationListCache(Database& database);

    bool saveCustomFields(const QList<Api::CustomFieldDefinition>& fields, const QDateTime& at);
    bool saveTags(const QList<Api::LocationTag>& tags, const QDateTime& at);
    bool saveUsers(const QList<Api::User>& users, const QDateTime& at);
    bool saveCalendars(const QList<Api::Calendar>& calendars, const QDateTime& at);
    // Marks `kind` unavailable with a user-facing reason ("this connection can't read users:
    // add the users.readonly scope"); its items are dropped.
    bool saveUnavailable(Api::LocationLists::Kind kind, const QString& reason, const QDateTime& at);

    // Everything saved: custom fields by position then name, the other lists by name (case
    // insensitive, then id). `refreshedAt` is the latest save of any kind. A row whose JSON
    // cannot be read counts as empty (the next refresh rewrites it).
    Api::LocationLists load() const;
    // When `kind` was last saved; invalid when never.
    QDateTime refreshedAt(Api::LocationLists::Kind kind) const;

    static QString kindName(Api::LocationLists::Kind kind);
    StoreError lastError() const;

private:
    bool save(Api::LocationLists::Kind kind, const QJsonArray& items, const QString& unavailable,
        const QDateTime& at);

    Database& m_db;
};

} // namespace ContactDesk::Store
