#include "store/syncstate.h"

#include "store/database.h"
#include "store/sqlutil.h"

#include <QVariant>

namespace ContactDesk::Store {

namespace {

const QString cursorKey = QStringLiteral("searchCursor");
const QString fullSyncCompleteKey = QStringLiteral("fullSyncComplete");
const QString lastFullSyncKey = QStringLiteral("lastFullSyncMs");
const QString lastIncrementalSyncKey = QStringLiteral("lastIncrementalSyncMs");
const QString lastReconciliationKey = QStringLiteral("lastReconciliationMs");

} // namespace

SyncState::SyncState(Database& database)
    : m_db(database)
{ }

std::optional<QString> SyncState::value(const QString& key) const
{
    const QVariant value
        = Sql::scalar(m_db, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

bool SyncState::setValue(const QString& key, const QString& value)
{
    return Sql::run(m_db,
        QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
        {key, value});
}

bool SyncState::remove(const QString& key)
{
    return Sql::run(m_db, QStringLiteral("DELETE FROM sync_state WHERE key = ?"), {key});
}

QJsonObject SyncState::searchCursor() const
{
    return Sql::objectFromText(value(cursorKey).value_or(QString()));
}

bool SyncState::setSearchCursor(const QJsonObject& cursor)
{
    return setValue(cursorKey, Sql::toText(cursor));
}

bool SyncState::clearSearchCursor()
{
    return remove(cursorKey);
}

bool SyncState::fullSyncComplete() const
{
    return value(fullSyncCompleteKey) == QStringLiteral("1");
}

bool SyncState::setFullSyncComplete(bool complete)
{
    return setValue(fullSyncCompleteKey, complete ? QStringLiteral("1") : QStringLiteral("0"));
}

std::optional<qint64> SyncState::lastFullSyncMs() const
{
    return msValue(lastFullSyncKey);
}

bool SyncState::setLastFullSyncMs(qint64 ms)
{
    return setMsValue(lastFullSyncKey, ms);
}

std::optional<qint64> SyncState::lastIncrementalSyncMs() const
{
    return msValue(lastIncrementalSyncKey);
}

bool SyncState::setLastIncrementalSyncMs(qint64 ms)
{
    return setMsValue(lastIncrementalSyncKey, ms);
}

std::optional<qint64> SyncState::lastReconciliationMs() const
{
    return msValue(lastReconciliationKey);
}

bool SyncState::setLastReconciliationMs(qint64 ms)
{
    return setMsValue(lastReconciliationKey, ms);
}

StoreError SyncState::lastError() const
{
    return m_db.lastError();
}

std::optional<qint64> SyncState::msValue(const QString& key) const
{
    const auto text = value(key);
    if (!text)
        return std::nullopt;
    bool ok = false;
    const qint64 ms = text->toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return ms;
}

bool SyncState::setMsValue(const QString& key, qint64 ms)
{
    return setValue(key, QString::number(ms));
}

} // namespace ContactDesk::Store
