#include "store/childcache.h"

#include "store/childrows.h"
#include "store/contactrows.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlutil.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

namespace {

// What the outbox still has to send for the tasks (or notes) of a contact: the fields each item
// changed, and the items deleted here.
struct PendingChildren
{
    QHash<QString, QStringList> keys;
    QSet<QString> deleted;
};

bool pendingChildren(
    Database& db, const QString& contactId, Rows::ChildKind kind, PendingChildren* pending)
{
    const QString kinds = kind == Rows::ChildKind::Task
        ? QStringLiteral("'updateTask', 'completeTask', 'deleteTask'")
        : QStringLiteral("'updateNote', 'deleteNote'");
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT kind, child_id, payload FROM outbox WHERE contact_id = ?"
                       " AND state <> 'done' AND kind IN (%1) ORDER BY id")
            .arg(kinds));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(db, query))
        return false;
    while (query.next()) {
        const auto itemKind = Outbox::kindFromName(query.value(0).toString());
        const QString childId = query.value(1).toString();
        if (itemKind == OutboxKind::DeleteTask || itemKind == OutboxKind::DeleteNote) {
            pending->deleted.insert(childId);
            continue;
        }
        QStringList& keys = pending->keys[childId];
        const QJsonObject payload = Sql::objectFromText(query.value(2).toString());
        for (auto it = payload.begin(); it != payload.end(); ++it) {
            if (!keys.contains(it.key()))
                keys.append(it.key());
        }
    }
    return true;
}

bool setFetched(Database& db, const QString& contactId, const QString& kind, qint64 fetchedAtMs)
{
    return Sql::run(db,
        QStringLiteral("INSERT OR REPLACE INTO child_fetches (contact_id, kind, fetched_at)"
                       " VALUES (?, ?, ?)"),
        {contactId, kind, fetchedAtMs});
}

std::optional<qint64> fetchedAt(Database& db, const QString& contactId, const QString& kind)
{
    const QVariant value = Sql::scalar(db,
        QStringLiteral("SELECT fetched_at FROM child_fetches WHERE contact_id = ? AND kind = ?"),
        {contactId, kind});
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

// Replaces the server's rows of one kind for a contact, keeping what the outbox still owes.
template <typename T>
bool replaceChildren(Database& db, Rows::ChildKind kind, const QString& contactId,
    const QList<T>& items, qint64 fetchedAtMs, const QString& fetchKind)
{
    Sql::Transaction transaction(db);
    if (!transaction.isActive())
        return false;
    PendingChildren pending;
    if (!pendingChildren(db, contactId, kind, &pending))
        return false;
    const QString table
        = kind == Rows::ChildKind::Task ? QStringLiteral("tasks") : QStringLiteral("notes");
    QHash<QString, QJsonObject> local;
    {
        QSqlQuery query = Sql::prepare(
            db, QStringLiteral("SELECT id, json FROM %1 WHERE contact_id = ?").arg(table));
        query.setForwardOnly(true);
        query.addBindValue(contactId);
        if (!Sql::exec(db, query))
            return false;
        while (query.next())
            local.insert(query.value(0).toString(), Sql::objectFromText(query.value(1).toString()));
    }
    // Local creates stay until their create lands; everything else is what the server says.
    if (!Sql::run(db,
            QStringLiteral("DELETE FROM %1 WHERE contact_id = ? AND id NOT LIKE 'local-%'")
                .arg(table),
            {contactId}))
        return false;
    for (const T& item : items) {
        if (item.id.isEmpty() || pending.deleted.contains(item.id))
            continue;
        QJsonObject json = item.toJson();
        json.insert(QStringLiteral("contactId"), contactId);
        const auto keys = pending.keys.constFind(item.id);
        const auto mine = local.constFind(item.id);
        if (keys != pending.keys.cend() && mine != local.cend()) {
            for (const QString& key : *keys) {
                const QJsonValue value = mine->value(key);
                if (value.isUndefined())
                    json.remove(key);
                else
                    json.insert(key, value);
            }
        }
        if (!Rows::writeChildJson(db, kind, json))
            return false;
    }
    if (!setFetched(db, contactId, fetchKind, fetchedAtMs))
        return false;
    db.notifyChildrenChanged(contactId);
    return transaction.commit();
}

} // namespace

ChildCache::ChildCache(Database& database)
    : m_db(database)
{ }

bool ChildCache::replaceTasks(
    const QString& contactId, const QList<Api::Task>& tasks, qint64 fetchedAtMs)
{
    return replaceChildren(
        m_db, Rows::ChildKind::Task, contactId, tasks, fetchedAtMs, Rows::tasksFetch);
}

bool ChildCache::replaceNotes(
    const QString& contactId, const QList<Api::Note>& notes, qint64 fetchedAtMs)
{
    return replaceChildren(
        m_db, Rows::ChildKind::Note, contactId, notes, fetchedAtMs, Rows::notesFetch);
}

bool ChildCache::replaceAppointments(
    const QString& contactId, const QList<Api::Appointment>& appointments, qint64 fetchedAtMs)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    if (!Sql::run(
            m_db, QStringLiteral("DELETE FROM appointments WHERE contact_id = ?"), {contactId}))
        return false;
    for (const Api::Appointment& appointment : appointments) {
        if (appointment.id.isEmpty())
            continue;
        const qint64 start
            = appointment.startTime.isValid() ? appointment.startTime.toMSecsSinceEpoch() : 0;
        if (!Sql::run(m_db,
                QStringLiteral("INSERT OR REPLACE INTO appointments (contact_id, id, json,"
                               " start_time) VALUES (?, ?, ?, ?)"),
                {contactId, appointment.id, Sql::toText(appointment.toJson()), start}))
            return false;
    }
    if (!setFetched(m_db, contactId, Rows::appointmentsFetch, fetchedAtMs))
        return false;
    m_db.notifyChildrenChanged(contactId);
    return transaction.commit();
}

QList<Api::Task> ChildCache::tasks(const QString& contactId) const
{
    return Rows::tasksOf(m_db, contactId);
}

QList<Api::Note> ChildCache::notes(const QString& contactId) const
{
    return Rows::notesOf(m_db, contactId);
}

QList<Api::Appointment> ChildCache::appointments(const QString& contactId) const
{
    QList<Api::Appointment> appointments;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT json FROM appointments WHERE contact_id = ?"
                       " ORDER BY start_time, id"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(m_db, query))
        return appointments;
    while (query.next()) {
        QString error;
        // Stored with offsets (toJson), so no zone is needed to read them back.
        if (auto appointment
            = Api::Appointment::fromJson(Sql::objectFromText(query.value(0).toString()), &error))
            appointments.append(*appointment);
    }
    return appointments;
}

std::optional<Api::Task> ChildCache::task(const QString& contactId, const QString& taskId) const
{
    const auto json = Rows::childJson(m_db, Rows::ChildKind::Task, contactId, taskId);
    if (!json)
        return std::nullopt;
    QString error;
    return Api::Task::fromJson(*json, &error);
}

std::optional<Api::Note> ChildCache::note(const QString& contactId, const QString& noteId) const
{
    const auto json = Rows::childJson(m_db, Rows::ChildKind::Note, contactId, noteId);
    if (!json)
        return std::nullopt;
    QString error;
    return Api::Note::fromJson(*json, &error);
}

std::optional<qint64> ChildCache::tasksFetchedAt(const QString& contactId) const
{
    return fetchedAt(m_db, contactId, Rows::tasksFetch);
}

std::optional<qint64> ChildCache::notesFetchedAt(const QString& contactId) const
{
    return fetchedAt(m_db, contactId, Rows::notesFetch);
}

std::optional<qint64> ChildCache::appointmentsFetchedAt(const QString& contactId) const
{
    return fetchedAt(m_db, contactId, Rows::appointmentsFetch);
}

QHash<QString, ChildStatus> ChildCache::childStatuses(const QString& contactId) const
{
    QHash<QString, ChildStatus> statuses;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT child_id, state, last_error FROM outbox WHERE contact_id = ?"
                       " AND child_id <> '' AND state <> 'done' ORDER BY id"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(m_db, query))
        return statuses;
    while (query.next()) {
        ChildStatus& status = statuses[query.value(0).toString()];
        const QString state = query.value(1).toString();
        if (state == QLatin1StringView("failed")) {
            if (status.status != LocalStatus::Failed)
                status = {LocalStatus::Failed, query.value(2).toString()};
        } else if (state == QLatin1StringView("conflict")) {
            if (status.status != LocalStatus::Failed && status.status != LocalStatus::Conflict)
                status = {LocalStatus::Conflict, query.value(2).toString()};
        } else if (status.status == LocalStatus::Synced) {
            status.status = LocalStatus::Pending;
        }
    }
    return statuses;
}

StoreError ChildCache::lastError() const
{
    return m_db.lastError();
}

} // namespace ContactDesk::Store
