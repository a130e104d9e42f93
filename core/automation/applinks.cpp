#include "automation/applinks.h"

#include "store/database.h"
#include "store/sqlutil.h"

#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Automation {

namespace Sql = Store::Sql;

AppLinks::AppLinks(Store::Database& database)
    : m_db(database)
{ }

QString AppLinks::contactFor(const QString& userId) const
{
    return Sql::scalar(
        m_db, QStringLiteral("SELECT contact_id FROM app_links WHERE user_id = ?"), {userId})
        .toString();
}

QString AppLinks::userFor(const QString& contactId) const
{
    return Sql::scalar(m_db,
        QStringLiteral("SELECT user_id FROM app_links WHERE contact_id = ? LIMIT 1"), {contactId})
        .toString();
}

bool AppLinks::link(
    const QString& userId, const QString& contactId, qint64 atMs, const QJsonObject& lastValues)
{
    return Sql::run(m_db,
        QStringLiteral("INSERT INTO app_links (user_id, contact_id, linked_at, last_values)"
                       " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                       " contact_id = excluded.contact_id, last_values = excluded.last_values,"
                       " linked_at = CASE WHEN contact_id = excluded.contact_id THEN linked_at"
                       " ELSE excluded.linked_at END"),
        {userId, contactId, atMs, Sql::toText(lastValues)});
}

bool AppLinks::unlink(const QString& userId)
{
    return Sql::run(m_db, QStringLiteral("DELETE FROM app_links WHERE user_id = ?"), {userId});
}

QJsonObject AppLinks::lastValues(const QString& userId) const
{
    return Sql::objectFromText(
        Sql::scalar(m_db, QStringLiteral("SELECT last_values FROM app_links WHERE user_id = ?"),
            {userId}, QStringLiteral("{}"))
            .toString());
}

std::optional<AppLinks::TaskLink> AppLinks::taskFor(const QString& appTaskId) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT user_id, contact_id, task_id FROM app_tasks WHERE app_task_id = ?"));
    query.addBindValue(appTaskId);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return TaskLink {
        query.value(0).toString(), query.value(1).toString(), query.value(2).toString()};
}

bool AppLinks::linkTask(const QString& appTaskId, const TaskLink& link)
{
    return Sql::run(m_db,
        QStringLiteral("INSERT OR REPLACE INTO app_tasks (app_task_id, user_id, contact_id,"
                       " task_id) VALUES (?, ?, ?, ?)"),
        {appTaskId, link.userId, link.contactId, link.taskId});
}

} // namespace ContactDesk::Automation
