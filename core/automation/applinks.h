#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Automation {

// The links between Your App and the workspace's cache (tables app_links and app_tasks, schema
// 7): which contact a Your App user id is, and which task a Your App task id made. Each call
// is one statement, so the engine writes them inside the transaction of the event they belong
// to; Outbox::resolveLocalId moves them from a local id to the server id in its own.
class AppLinks
{
public:
    explicit AppLinks(Store::Database& database);

    // The linked contact (a server id, or a local id not sent yet); empty when none.
    QString contactFor(const QString& userId) const;
    // The Your App user linked to a contact; empty when none.
    QString userFor(const QString& contactId) const;
    // `lastValues`: the event data the link was last written from.
    bool link(const QString& userId, const QString& contactId, qint64 atMs,
        const QJsonObject& lastValues = {});
    bool unlink(const QString& userId);
    QJsonObject lastValues(const QString& userId) const;

    struct TaskLink
    {
        QString userId;
        QString contactId;
        QString taskId;
    };
    std::optional<TaskLink> taskFor(const QString& appTaskId) const;
    bool linkTask(const QString& appTaskId, const TaskLink& link);

private:
    Store::Database& m_db;
};

} // namespace ContactDesk::Automation
