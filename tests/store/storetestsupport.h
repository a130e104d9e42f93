#pragma once

// Shared by the store tests: a cache file in a temporary folder on a fake clock, and contacts
// that look like real ones.

#include "fakeclock.h"
#include "store/database.h"

#include "api/models/contact.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ContactDesk::Store::Testing {

inline QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// A server contact with a 20-character id, the way the API returns it.
inline Api::Contact serverContact(const QString& id, const QString& first, const QString& last,
    const QString& email = {}, const QString& phone = {}, const QString& company = {},
    const QStringList& tags = {})
{
    Api::Contact contact;
    contact.id = id;
    contact.locationId = QStringLiteral("ve9EPM428h8vShlRW1KT");
    contact.firstName = first;
    contact.lastName = last;
    contact.name = (first + QLatin1Char(' ') + last).trimmed();
    contact.email = email;
    contact.phone = phone;
    contact.companyName = company;
    contact.tags = tags;
    contact.dateAdded = utc(1700000000000);
    contact.dateUpdated = utc(1700000000000);
    return contact;
}

// The n-th id of a family of server ids ("c000000000000000042").
inline QString serverId(int n, QLatin1Char family = QLatin1Char('c'))
{
    return family + QStringLiteral("%1").arg(n, 19, 10, QLatin1Char('0'));
}

// A cache in a fresh temporary folder that a test can close and open again.
class TempStore
{
public:
    TempStore()
        : m_path(m_dir.path() + QStringLiteral("/connections/test/cache.sqlite"))
    { }

    QString path() const { return m_path; }
    QString folder() const { return m_dir.path() + QStringLiteral("/connections/test"); }
    ContactDesk::Testing::FakeClock& clock() { return m_clock; }
    Database& db() { return *m_db; }

    Database::OpenResult open(int upToVersion = Database::currentSchemaVersion)
    {
        m_db = std::make_unique<Database>(m_path, m_clock);
        return m_db->open(upToVersion);
    }
    void close() { m_db.reset(); }

    // A raw statement on the cache's connection (PRAGMAs, inspecting rows).
    QVariant scalar(const QString& statement)
    {
        QSqlQuery query(m_db->sql());
        if (!query.exec(statement) || !query.next())
            return {};
        return query.value(0);
    }
    bool exec(const QString& statement)
    {
        QSqlQuery query(m_db->sql());
        return query.exec(statement);
    }

    // Makes the cache refuse every write, as a read-only disk does.
    void makeReadOnly(bool readOnly)
    {
        exec(readOnly ? QStringLiteral("PRAGMA query_only = 1")
                      : QStringLiteral("PRAGMA query_only = 0"));
    }
    // Caps the file at its current size: any write that needs a new page fails with
    // SQLITE_FULL, as on a full disk.
    void fillDisk(bool full)
    {
        if (full) {
            const qint64 pages = scalar(QStringLiteral("PRAGMA page_count")).toLongLong();
            exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
        } else {
            exec(QStringLiteral("PRAGMA max_page_count = 1073741823"));
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ContactDesk::Testing::FakeClock m_clock;
    std::unique_ptr<Database> m_db;
};

} // namespace ContactDesk::Store::Testing
