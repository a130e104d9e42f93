#include "store/childrows.h"

#include "store/sqlutil.h"

#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store::Rows {

namespace {

qint64 ms(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString table(ChildKind kind)
{
    return kind == ChildKind::Task ? QStringLiteral("tasks") : QStringLiteral("notes");
}

} // namespace

bool writeTask(Database& db, const Api::Task& task)
{
    return Sql::run(db,
        QStringLiteral("INSERT OR REPLACE INTO tasks (id, contact_id, json, due_date, completed)"
                       " VALUES (?, ?, ?, ?, ?)"),
        {task.id, task.contactId, Sql::toText(task.toJson()), ms(task.dueDate), task.completed});
}

bool writeNote(Database& db, const Api::Note& note)
{
    return Sql::run(db,
        QStringLiteral("INSERT OR REPLACE INTO notes (id, contact_id, json, date_added)"
                       " VALUES (?, ?, ?, ?)"),
        {note.id, note.contactId, Sql::toText(note.toJson()), ms(note.dateAdded)});
}

std::optional<QJsonObject> childJson(
    Database& db, ChildKind kind, const QString& contactId, const QString& childId)
{
    const QVariant json = Sql::scalar(db,
        QStringLiteral("SELECT json FROM %1 WHERE id = ? AND contact_id = ?").arg(table(kind)),
        {childId, contactId});
    if (json.isNull())
        return std::nullopt;
    return Sql::objectFromText(json.toString());
}

bool writeChildJson(Database& db, ChildKind kind, const QJsonObject& json)
{
    QString error;
    if (kind == ChildKind::Task) {
        const auto task = Api::Task::fromJson(json, &error);
        return task && writeTask(db, *task);
    }
    const auto note = Api::Note::fromJson(json, &error);
    return note && writeNote(db, *note);
}

bool removeChild(Database& db, ChildKind kind, const QString& childId)
{
    return Sql::run(db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table(kind)), {childId});
}

QList<Api::Task> tasksOf(Database& db, const QString& contactId)
{
    QList<Api::Task> tasks;
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT json FROM tasks WHERE contact_id = ?"
                       " ORDER BY due_date = 0, due_date, id"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(db, query))
        return tasks;
    while (query.next()) {
        QString error;
        if (auto task = Api::Task::fromJson(Sql::objectFromText(query.value(0).toString()), &error))
            tasks.append(*task);
    }
    return tasks;
}

QList<Api::Note> notesOf(Database& db, const QString& contactId)
{
    QList<Api::Note> notes;
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT json FROM notes WHERE contact_id = ? ORDER BY date_added DESC, id"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(db, query))
        return notes;
    while (query.next()) {
        QString error;
        if (auto note = Api::Note::fromJson(Sql::objectFromText(query.value(0).toString()), &error))
            notes.append(*note);
    }
    return notes;
}

bool invalidateFetch(Database& db, const QString& contactId, const QString& fetchKind)
{
    return Sql::run(db,
        QStringLiteral("DELETE FROM child_fetches WHERE contact_id = ? AND kind = ?"),
        {contactId, fetchKind});
}

} // namespace ContactDesk::Store::Rows
