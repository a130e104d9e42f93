#include "store/trash.h"

#include "store/database.h"
#include "store/sqlutil.h"
#include "store/trashrows.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

namespace {

const QString entryColumns = QStringLiteral("id, contact_id, snapshot, deleted_at, restored_as");

QList<TrashEntry> readEntries(Database& db, QSqlQuery& query)
{
    QList<TrashEntry> entries;
    if (!Sql::exec(db, query))
        return entries;
    while (query.next()) {
        TrashEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.contactId = query.value(1).toString();
        Rows::decodeSnapshot(query.value(2).toString(), &entry);
        entry.deletedAtMs = query.value(3).toLongLong();
        entry.restoredAs = query.value(4).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace

namespace Rows {

QString encodeSnapshot(
    const QJsonObject& contact, const QList<Api::Task>& tasks, const QList<Api::Note>& notes)
{
    QJsonArray taskArray;
    for (const Api::Task& task : tasks)
        taskArray.append(task.toJson());
    QJsonArray noteArray;
    for (const Api::Note& note : notes)
        noteArray.append(note.toJson());
    return Sql::toText(QJsonObject {
        {QStringLiteral("contact"), contact},
        {QStringLiteral("tasks"), taskArray},
        {QStringLiteral("notes"), noteArray},
    });
}

void decodeSnapshot(const QString& text, TrashEntry* entry)
{
    const QJsonObject snapshot = Sql::objectFromText(text);
    QString error;
    if (auto contact
        = Api::Contact::fromJson(snapshot.value(QStringLiteral("contact")).toObject(), &error))
        entry->contact = *contact;
    for (const QJsonValue& value : snapshot.value(QStringLiteral("tasks")).toArray()) {
        if (auto task = Api::Task::fromJson(value.toObject(), &error))
            entry->tasks.append(*task);
    }
    for (const QJsonValue& value : snapshot.value(QStringLiteral("notes")).toArray()) {
        if (auto note = Api::Note::fromJson(value.toObject(), &error))
            entry->notes.append(*note);
    }
}

std::optional<TrashEntry> trashEntry(Database& db, qint64 id)
{
    QSqlQuery query
        = Sql::prepare(db, QStringLiteral("SELECT %1 FROM trash WHERE id = ?").arg(entryColumns));
    query.setForwardOnly(true);
    query.addBindValue(id);
    const QList<TrashEntry> entries = readEntries(db, query);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

} // namespace Rows

Trash::Trash(Database& database)
    : m_db(database)
{ }

QList<TrashEntry> Trash::list() const
{
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT %1 FROM trash ORDER BY id DESC").arg(entryColumns));
    query.setForwardOnly(true);
    return readEntries(m_db, query);
}

std::optional<TrashEntry> Trash::entry(qint64 id) const
{
    return Rows::trashEntry(m_db, id);
}

std::optional<TrashEntry> Trash::latestUnrestored() const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM trash WHERE restored_as = '' ORDER BY id DESC LIMIT 1")
            .arg(entryColumns));
    query.setForwardOnly(true);
    const QList<TrashEntry> entries = readEntries(m_db, query);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

int Trash::count() const
{
    return Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM trash"), {}, 0).toInt();
}

bool Trash::purge(qint64 deletedBeforeMs)
{
    return Sql::run(
        m_db, QStringLiteral("DELETE FROM trash WHERE deleted_at < ?"), {deletedBeforeMs});
}

bool Trash::addServerChildren(
    const QString& contactId, const QList<Api::Task>& tasks, const QList<Api::Note>& notes)
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT id, snapshot FROM trash WHERE contact_id = ? AND restored_as = ''"
                       " ORDER BY id DESC LIMIT 1"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(m_db, query))
        return false;
    if (!query.next())
        return true;
    const qint64 id = query.value(0).toLongLong();
    QJsonObject snapshot = Sql::objectFromText(query.value(1).toString());
    query.finish();

    // The snapshot's own JSON is extended rather than re-encoded, so nothing it held is lost.
    const auto merged = [&snapshot](const QString& key, const QList<QJsonObject>& fromServer) {
        QJsonArray held = snapshot.value(key).toArray();
        QSet<QString> ids;
        for (const QJsonValue& value : std::as_const(held))
            ids.insert(value.toObject().value(QStringLiteral("id")).toString());
        bool added = false;
        for (const QJsonObject& child : fromServer) {
            if (ids.contains(child.value(QStringLiteral("id")).toString()))
                continue;
            held.append(child);
            added = true;
        }
        snapshot.insert(key, held);
        return added;
    };
    QList<QJsonObject> taskJson;
    for (const Api::Task& task : tasks)
        taskJson.append(task.toJson());
    QList<QJsonObject> noteJson;
    for (const Api::Note& note : notes)
        noteJson.append(note.toJson());
    const bool tasksAdded = merged(QStringLiteral("tasks"), taskJson);
    const bool notesAdded = merged(QStringLiteral("notes"), noteJson);
    if (!tasksAdded && !notesAdded)
        return true;
    return Sql::run(m_db, QStringLiteral("UPDATE trash SET snapshot = ? WHERE id = ?"),
        {Sql::toText(snapshot), id});
}

StoreError Trash::lastError() const
{
    return m_db.lastError();
}

} // namespace ContactDesk::Store
