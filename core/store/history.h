#pragma once

#include "store/storeerror.h"

#include <QList>
#include <QString>

namespace ContactDesk::Store {

class Database;

// One local edit as the user made it, appended in the same transaction as the edit.
struct HistoryEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString action; // "createContact", "updateContact", "restoreContact", ... (stable key)
    QString contactId;
    QString summary; // user text: "Changed email, phone", "Added task “Call back”"

    bool operator==(const HistoryEntry& other) const = default;
};

class History
{
public:
    explicit History(Database& database);

    // Newest first.
    QList<HistoryEntry> history(const QString& contactId, int limit = 200) const;
    QList<HistoryEntry> recent(int limit = 200) const;

    StoreError lastError() const;

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
