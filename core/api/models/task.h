#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

// A contact's task (TaskSchema). `dateAdded` is invalid when the server did not send it.
struct Task
{
    QString id;
    QString contactId;
    QString title;
    QString body;
    QString assignedTo;
    QDateTime dueDate; // UTC
    bool completed = false;
    QDateTime dateAdded; // UTC
    QJsonObject extra; // any other key the server sent

    static std::optional<Task> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("task"));
    QJsonObject toJson() const;

    // POST /contacts/{contactId}/tasks: title, dueDate and completed always, the rest when set.
    QJsonObject createBody() const;
    // PUT /contacts/{contactId}/tasks/{taskId}: only the fields that changed.
    static QJsonObject updateBody(const Task& before, const Task& after);
    // PUT /contacts/{contactId}/tasks/{taskId}/completed.
    static QJsonObject completionBody(bool completed);

    bool operator==(const Task& other) const = default;
};

} // namespace ContactDesk::Api
