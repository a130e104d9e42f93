#pragma once

// A temporary cache on a fake clock for the detail pane tests, filled through the store as the
// sync engine fills it, with tasks, notes and appointments that look like the server's.

#include "api/models/appointment.h"
#include "api/models/contact.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "fakeclock.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace DetailFixture {

using namespace ContactDesk;

inline QDateTime utcMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

constexpr qint64 hourMs = 60LL * 60 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

inline Api::Contact contact(const QString& id, const QString& first, const QString& last,
    const QString& email, const QString& phone, const QStringList& tags = {})
{
    Api::Contact c;
    c.id = id;
    c.locationId = QStringLiteral("ve9EPM428h8vShlRW1KT");
    c.firstName = first;
    c.lastName = last;
    c.name = first + QLatin1Char(' ') + last;
    c.email = email;
    c.phone = phone;
    c.tags = tags;
    c.dateAdded = utcMs(1767225600000); // 2026-01-01
    c.dateUpdated = utcMs(1767225600000 + 3 * dayMs);
    return c;
}

inline Api::Task task(const QString& id, const QString& contactId, const QString& title,
    const QDateTime& due, bool completed = false)
{
    Api::Task t;
    t.id = id;
    t.contactId = contactId;
    t.title = title;
    t.dueDate = due;
    t.completed = completed;
    t.dateAdded = utcMs(1767225600000);
    return t;
}

inline Api::Note note(
    const QString& id, const QString& contactId, const QString& body, const QDateTime& added)
{
    Api::Note n;
    n.id = id;
    n.contactId = contactId;
    n.body = body;
    n.dateAdded = added;
    return n;
}

inline Api::Appointment appointment(const QString& id, const QString& contactId,
    const QString& title, const QDateTime& start, const QString& status, const QString& calendarId)
{
    Api::Appointment a;
    a.id = id;
    a.contactId = contactId;
    a.title = title;
    a.startTime = start;
    a.endTime = start.addSecs(30 * 60);
    a.appointmentStatus = status;
    a.status = QStringLiteral("booked");
    a.calendarId = calendarId;
    return a;
}

// One cache file in a temporary folder, with the store objects the pane takes.
class TempCache
{
public:
    TempCache()
        : db(std::make_unique<Store::Database>(
            dir.path() + QStringLiteral("/connections/test/cache.sqlite"), clock))
        , opened(db->open())
        , contacts(*db)
        , children(*db)
        , edits(*db)
        , outbox(*db)
    { }

    bool isOpen() const { return opened.ok; }

    // The outbox items of `kind`, oldest first.
    QList<Store::OutboxItem> items(Store::OutboxKind kind) const
    {
        QList<Store::OutboxItem> found;
        const QList<Store::OutboxItem> all = outbox.list();
        for (const Store::OutboxItem& item : all) {
            if (item.kind == kind)
                found << item;
        }
        return found;
    }

    Testing::FakeClock clock;
    QTemporaryDir dir;
    std::unique_ptr<Store::Database> db;
    Store::Database::OpenResult opened;
    Store::ContactCache contacts;
    Store::ChildCache children;
    Store::LocalEdits edits;
    Store::Outbox outbox;
};

} // namespace DetailFixture
