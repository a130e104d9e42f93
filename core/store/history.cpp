#include "store/history.h"

#include "store/database.h"
#include "store/sqlutil.h"

#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

namespace {

QList<HistoryEntry> readEntries(Database& db, QSqlQuery& query)
{
    QList<HistoryEntry> entries;
    if (!Sql::exec(db, query))
        return entries;
    while (query.next()) {
        HistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.atMs = query.value(1).toLongLong();
        entry.action = query.value(2).toString();
        entry.contactId = query.value(3).toString();
        entry.summary = query.value(4).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace

History::History(Database& database)
    : m_db(database)
{ }

QList<HistoryEntry> History::history(const QString& contactId, int limit) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT id, at, action, contact_id, summary FROM history"
                       " WHERE contact_id = ? ORDER BY id DESC LIMIT ?"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    query.addBindValue(limit);
    return readEntries(m_db, query);
}

QList<HistoryEntry> History::recent(int limit) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT id, at, action, contact_id, summary FROM history"
                       " ORDER BY id DESC LIMIT ?"));
    query.setForwardOnly(true);
    query.addBindValue(limit);
    return readEntries(m_db, query);
}

StoreError History::lastError() const
{
    return m_db.lastError();
}

} // namespace ContactDesk::Store
