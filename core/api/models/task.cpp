#include "api/models/task.h"

#include "api/models/jsonreader.h"
#include "common/clock.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const L createOperation("create-task");
const L updateOperation("update-task");

// The request fields of `task`, empty ones included.
QJsonObject requestFields(const Task& task)
{
    return {
        {QStringLiteral("title"), task.title},
        {QStringLiteral("body"), task.body},
        {QStringLiteral("dueDate"), task.dueDate.isValid() ? isoUtc(task.dueDate) : QString()},
        {QStringLiteral("completed"), task.completed},
        {QStringLiteral("assignedTo"), task.assignedTo},
    };
}

} // namespace

std::optional<Task> Task::fromJson(const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    Task task;
    task.id = r.requiredString(L("id"));
    task.contactId = r.string(L("contactId"));
    task.title = r.string(L("title"));
    task.body = r.string(L("body"));
    task.assignedTo = r.string(L("assignedTo"));
    task.dueDate = r.utcTime(L("dueDate"));
    task.completed = r.boolean(L("completed"));
    task.dateAdded = r.utcTime(L("dateAdded"));
    if (!r.finish(error))
        return std::nullopt;
    task.extra = unknownKeys(json,
        {L("id"), L("contactId"), L("title"), L("body"), L("assignedTo"), L("dueDate"),
            L("completed"), L("dateAdded")});
    return task;
}

QJsonObject Task::toJson() const
{
    QJsonObject json = extra;
    const auto put = [&json](QLatin1StringView key, const QString& text) {
        if (!text.isEmpty())
            json.insert(key, text);
        else
            json.remove(key);
    };
    put(L("id"), id);
    put(L("contactId"), contactId);
    put(L("title"), title);
    put(L("body"), body);
    put(L("assignedTo"), assignedTo);
    put(L("dueDate"), dueDate.isValid() ? isoUtc(dueDate) : QString());
    json.insert(QStringLiteral("completed"), completed);
    put(L("dateAdded"), dateAdded.isValid() ? isoUtc(dateAdded) : QString());
    return json;
}

QJsonObject Task::createBody() const
{
    QJsonObject body = requestFields(*this);
    for (const L optional : {L("body"), L("assignedTo")}) {
        if (body.value(optional).toString().isEmpty())
            body.remove(optional);
    }
    return allowedBody(body, createOperation);
}

QJsonObject Task::updateBody(const Task& before, const Task& after)
{
    const QJsonObject old = requestFields(before);
    const QJsonObject now = requestFields(after);
    QJsonObject body;
    for (auto it = now.begin(); it != now.end(); ++it)
        putChanged(&body, updateOperation, it.key(), old.value(it.key()), it.value());
    // A task always has a due date; an unset one is a date nobody chose, not one to erase.
    if (!after.dueDate.isValid())
        body.remove(QStringLiteral("dueDate"));
    return allowedBody(body, updateOperation);
}

QJsonObject Task::completionBody(bool completed)
{
    return allowedBody({{QStringLiteral("completed"), completed}}, L("update-task-completed"));
}

} // namespace ContactDesk::Api
