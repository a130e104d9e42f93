#include "common/clock.h"
#include "sandbox/operations.h"
#include "sandbox/sandboxdata.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <optional>

namespace ContactDesk::Sandbox {

namespace {

using Records = QList<QJsonObject>;

const QString kId = QStringLiteral("id");
const QString kContactId = QStringLiteral("contactId");
const QString kDateAdded = QStringLiteral("dateAdded");

// HighLevel stores due dates as dates and echoes them as ISO UTC with milliseconds, whatever
// form the client sent; a date or time without an offset is read as UTC.
std::optional<QString> normalizedIsoDate(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return isoUtc(time);
}

qsizetype indexOfId(const Records& records, const QString& id)
{
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records.at(i).value(kId).toString() == id)
            return i;
    }
    return -1;
}

Reply succeeded()
{
    return Reply::json(200, {{QStringLiteral("succeded"), true}});
}

class TaskRoutes
{
public:
    explicit TaskRoutes(SandboxData& data)
        : m_data(data)
    { }

    Reply list(const Request& request) const
    {
        const Records tasks = m_data.tasks().value(contactId(request));
        return Reply::json(200, {{QStringLiteral("tasks"), recordsToJson(tasks)}});
    }

    Reply create(const Request& request)
    {
        const QJsonObject dto = request.object();
        QJsonObject task {
            {kId, m_data.newId()},
            {kContactId, contactId(request)},
            {QStringLiteral("completed"), false},
            {kDateAdded, isoUtc(m_data.clock().nowMs())},
        };
        if (const QStringList errors = applyDto(task, dto); !errors.isEmpty())
            return Reply::validation(errors);
        m_data.tasks()[contactId(request)].append(task);
        return Reply::json(201, {{QStringLiteral("task"), task}});
    }

    Reply get(const Request& request) const
    {
        const Records tasks = m_data.tasks().value(contactId(request));
        const qsizetype index = indexOfId(tasks, taskId(request));
        if (index < 0)
            return notFound(request);
        return Reply::json(200, {{QStringLiteral("task"), tasks.at(index)}});
    }

    Reply update(const Request& request)
    {
        Records& tasks = m_data.tasks()[contactId(request)];
        const qsizetype index = indexOfId(tasks, taskId(request));
        if (index < 0)
            return notFound(request);
        QJsonObject task = tasks.at(index);
        if (const QStringList errors = applyDto(task, request.object()); !errors.isEmpty())
            return Reply::validation(errors);
        tasks[index] = task;
        return Reply::json(200, {{QStringLiteral("task"), task}});
    }

    Reply setCompleted(const Request& request)
    {
        Records& tasks = m_data.tasks()[contactId(request)];
        const qsizetype index = indexOfId(tasks, taskId(request));
        if (index < 0)
            return notFound(request);
        const QString completed = QStringLiteral("completed");
        tasks[index].insert(completed, request.object().value(completed).toBool());
        return Reply::json(200, {{QStringLiteral("task"), tasks.at(index)}});
    }

    Reply remove(const Request& request)
    {
        Records& tasks = m_data.tasks()[contactId(request)];
        const qsizetype index = indexOfId(tasks, taskId(request));
        if (index < 0)
            return notFound(request);
        tasks.removeAt(index);
        return succeeded();
    }

private:
    static QString contactId(const Request& request)
    {
        return request.pathParams.value(kContactId);
    }
    static QString taskId(const Request& request)
    {
        return request.pathParams.value(QStringLiteral("taskId"));
    }

    static Reply notFound(const Request& request)
    {
        return Reply::error(400, QStringLiteral("Task with id %1 not found").arg(taskId(request)));
    }

    // The pipeline has checked names and JSON types; what is left is the due date's format.
    static QStringList applyDto(QJsonObject& task, const QJsonObject& dto)
    {
        QStringList errors;
        for (auto it = dto.begin(); it != dto.end(); ++it) {
            if (it.key() == QLatin1StringView("dueDate")) {
                const std::optional<QString> due = normalizedIsoDate(it.value().toString());
                if (!due) {
                    errors.append(QStringLiteral("dueDate must be a valid ISO 8601 date string"));
                    continue;
                }
                task.insert(it.key(), *due);
            } else {
                task.insert(it.key(), it.value());
            }
        }
        return errors;
    }

    SandboxData& m_data;
};

class NoteRoutes
{
public:
    explicit NoteRoutes(SandboxData& data)
        : m_data(data)
    { }

    // Newest first; notes added in the same millisecond keep the order they were written in,
    // latest first.
    Reply list(const Request& request) const
    {
        Records notes = m_data.notes().value(contactId(request));
        std::reverse(notes.begin(), notes.end());
        std::stable_sort(
            notes.begin(), notes.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a.value(kDateAdded).toString() > b.value(kDateAdded).toString();
            });
        return Reply::json(200, {{QStringLiteral("notes"), recordsToJson(notes)}});
    }

    Reply create(const Request& request)
    {
        QJsonObject note {
            {kId, m_data.newId()},
            {kContactId, contactId(request)},
            {QStringLiteral("pinned"), false},
            {kDateAdded, isoUtc(m_data.clock().nowMs())},
        };
        // The note's author is the token's user unless the client names one.
        if (request.grant && !request.grant->userId.isEmpty())
            note.insert(QStringLiteral("userId"), request.grant->userId);
        apply(note, request.object());
        m_data.notes()[contactId(request)].append(note);
        return Reply::json(201, {{QStringLiteral("note"), note}});
    }

    Reply get(const Request& request) const
    {
        const Records notes = m_data.notes().value(contactId(request));
        const qsizetype index = indexOfId(notes, noteId(request));
        if (index < 0)
            return notFound(request);
        return Reply::json(200, {{QStringLiteral("note"), notes.at(index)}});
    }

    Reply update(const Request& request)
    {
        Records& notes = m_data.notes()[contactId(request)];
        const qsizetype index = indexOfId(notes, noteId(request));
        if (index < 0)
            return notFound(request);
        apply(notes[index], request.object());
        return Reply::json(200, {{QStringLiteral("note"), notes.at(index)}});
    }

    Reply remove(const Request& request)
    {
        Records& notes = m_data.notes()[contactId(request)];
        const qsizetype index = indexOfId(notes, noteId(request));
        if (index < 0)
            return notFound(request);
        notes.removeAt(index);
        return succeeded();
    }

private:
    static QString contactId(const Request& request)
    {
        return request.pathParams.value(kContactId);
    }
    static QString noteId(const Request& request) { return request.pathParams.value(kId); }

    static Reply notFound(const Request& request)
    {
        return Reply::error(400, QStringLiteral("Note with id %1 not found").arg(noteId(request)));
    }

    static void apply(QJsonObject& note, const QJsonObject& dto)
    {
        for (auto it = dto.begin(); it != dto.end(); ++it)
            note.insert(it.key(), it.value());
    }

    SandboxData& m_data;
};

} // namespace

void addSubresourceHandlers(HandlerTable& table, SandboxData& data)
{
    auto tasks = std::make_shared<TaskRoutes>(data);
    table.insert(
        QStringLiteral("get-all-tasks"), [tasks](const Request& r) { return tasks->list(r); });
    table.insert(
        QStringLiteral("create-task"), [tasks](const Request& r) { return tasks->create(r); });
    table.insert(QStringLiteral("get-task"), [tasks](const Request& r) { return tasks->get(r); });
    table.insert(
        QStringLiteral("update-task"), [tasks](const Request& r) { return tasks->update(r); });
    table.insert(
        QStringLiteral("delete-task"), [tasks](const Request& r) { return tasks->remove(r); });
    table.insert(QStringLiteral("update-task-completed"),
        [tasks](const Request& r) { return tasks->setCompleted(r); });

    auto notes = std::make_shared<NoteRoutes>(data);
    table.insert(
        QStringLiteral("get-all-notes"), [notes](const Request& r) { return notes->list(r); });
    table.insert(
        QStringLiteral("create-note"), [notes](const Request& r) { return notes->create(r); });
    table.insert(QStringLiteral("get-note"), [notes](const Request& r) { return notes->get(r); });
    table.insert(
        QStringLiteral("update-note"), [notes](const Request& r) { return notes->update(r); });
    table.insert(
        QStringLiteral("delete-note"), [notes](const Request& r) { return notes->remove(r); });

    // Appointments are booked through the calendars API, which the sandbox does not serve; the
    // contact endpoint only lists them, in the order they were booked.
    table.insert(QStringLiteral("get-appointments-for-contact"), [&data](const Request& r) {
        const Records events = data.appointments().value(r.pathParams.value(kContactId));
        return Reply::json(200, {{QStringLiteral("events"), recordsToJson(events)}});
    });
}

} // namespace ContactDesk::Sandbox
