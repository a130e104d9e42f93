#pragma once

#include "store/storeerror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Store {

class Database;

// Sync checkpoints in a key/value table, written after every page so a sync resumes after a
// crash or quit. Each setter is its own small transaction (or joins the caller's).
class SyncState
{
public:
    explicit SyncState(Database& database);

    std::optional<QString> value(const QString& key) const;
    bool setValue(const QString& key, const QString& value);
    bool remove(const QString& key);

    // The incremental sync's position: the search cursor (searchAfter and the dateUpdated
    // high-water mark) as JSON. Empty when no sync has started.
    QJsonObject searchCursor() const;
    bool setSearchCursor(const QJsonObject& cursor);
    bool clearSearchCursor();

    // The first full sync finished (until then a sync resumes the full walk).
    bool fullSyncComplete() const;
    bool setFullSyncComplete(bool complete);

    std::optional<qint64> lastFullSyncMs() const;
    bool setLastFullSyncMs(qint64 ms);
    std::optional<qint64> lastIncrementalSyncMs() const;
    bool setLastIncrementalSyncMs(qint64 ms);
    std::optional<qint64> lastReconciliationMs() const;
    bool setLastReconciliationMs(qint64 ms);

    StoreError lastError() const;

private:
    std::optional<qint64> msValue(const QString& key) const;
    bool setMsValue(const QString& key, qint64 ms);

    Database& m_db;
};

} // namespace ContactDesk::Store
