#include "api/models/task.h"

#include "api/models/jsonreader.h"
#include "common/clock.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const L createOperation("create-task");
const L updateOperation("update-task");

const TextField<Task> textFields[] = {
    {L("id"), &Task::id},
    {L("contactId"), &Task::contactId},
    {L("title"), &Task::title},
    {L("body"), &Task::body},
    {L("assignedTo"), &Task::assignedTo},
};

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
    readTextFields(r, &task, textFields);
    task.dueDate = r.utcTime(L("dueDate"));
    task.completed = r.boolean(L("completed"));
    task.dateAdded = r.utcTime(L("dateAdded"));
    if (!r.finish(error))
        return std::nullopt;
    task.extra = unknownKeys(
        withoutTextFields(json, textFields), {L("dueDate"), L("completed"), L("dateAdded")});
    return task;
}

QJsonObject Task::toJson() const
{
    QJsonObject json = extra;
    writeTextFields(&json, *this, textFields);
    putIf(&json, L("dueDate"), dueDate.isValid(), isoUtc(dueDate));
    json.insert(QStringLiteral("completed"), completed);
    putIf(&json, L("dateAdded"), dateAdded.isValid(), isoUtc(dateAdded));
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
