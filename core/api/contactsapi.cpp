#include "api/contactsapi.h"

#include "api/models/wiretime.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

RequestSpec contactPath(const QString& contactId)
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), contactId);
    return spec;
}

RequestSpec contactPath(const QString& contactId, const QString& name, const QString& value)
{
    RequestSpec spec = contactPath(contactId);
    spec.path.insert(name, value);
    return spec;
}

QJsonObject list(const QString& key, const QStringList& values)
{
    return {{key, QJsonArray::fromStringList(values)}};
}

// Always with its offset: Qt::ISODate writes a local time without one, and the server would
// read that wall-clock time in its own zone.
QJsonObject workflowBody(const QDateTime& eventStartTime)
{
    if (!eventStartTime.isValid())
        return {};
    return {{QStringLiteral("eventStartTime"), formatOffsetTime(eventStartTime)}};
}

} // namespace

ContactsApi::ContactsApi(ApiClient& client, RequestCause cause)
    : m_client(client)
    , m_cause(cause)
{ }

ContactsApi::ContactsApi(ApiClient& client, Priority priority, RequestCause cause)
    : m_client(client)
    , m_priority(priority)
    , m_cause(cause)
{ }

template <typename T>
Call<T> ContactsApi::call(
    const char* operationId, RequestSpec spec, typename Call<T>::Decoder decode) const
{
    if (m_priority == Priority::Background)
        spec.priority = Priority::Background;
    if (spec.cause == RequestCause::User)
        spec.cause = m_cause;
    return Call<T>(
        m_client.call(QLatin1StringView(operationId), std::move(spec)), std::move(decode));
}

Call<Contact> ContactsApi::getContact(const QString& id, Priority priority)
{
    RequestSpec spec = contactPath(id);
    spec.priority = priority;
    return call<Contact>("get-contact", spec, Envelopes::contact);
}

Call<Contact> ContactsApi::createContact(const Contact& contact)
{
    RequestSpec spec;
    spec.body = contact.createBody(m_client.locationId());
    return call<Contact>("create-contact", spec, Envelopes::contact);
}

Call<UpdateResult> ContactsApi::updateContact(
    const Contact& before, const Contact& after, bool replaceTags)
{
    RequestSpec spec = contactPath(before.id);
    spec.body = Contact::updateBody(before, after, replaceTags);
    return call<UpdateResult>("update-contact", spec, Envelopes::updatedContact);
}

Call<bool> ContactsApi::deleteContact(const QString& id)
{
    return call<bool>("delete-contact", contactPath(id), Envelopes::succeeded);
}

Call<UpsertResult> ContactsApi::upsertContact(
    const Contact& contact, bool createNewIfDuplicateAllowed)
{
    RequestSpec spec;
    spec.body = contact.upsertBody(m_client.locationId(), createNewIfDuplicateAllowed);
    return call<UpsertResult>("upsert-contact", spec, Envelopes::upsert);
}

Call<ContactPage> ContactsApi::search(const SearchQuery& query, Priority priority)
{
    RequestSpec spec;
    spec.body = query.toJson();
    spec.priority = priority;
    return call<ContactPage>("search-contacts-advanced", spec, Envelopes::contactPage);
}

Call<ContactPage> ContactsApi::listContacts(
    int limit, const QJsonObject& afterMeta, const QString& query, Priority priority)
{
    RequestSpec spec;
    spec.priority = priority;
    spec.query = {{QStringLiteral("locationId"), m_client.locationId()},
        {QStringLiteral("limit"), QString::number(qBound(1, limit, 100))}};
    const QJsonValue startAfter = afterMeta.value(QStringLiteral("startAfter"));
    const QJsonValue startAfterId = afterMeta.value(QStringLiteral("startAfterId"));
    if (!startAfter.isNull() && !startAfter.isUndefined() && startAfterId.isString()) {
        spec.query.append(
            {QStringLiteral("startAfter"), QString::number(qint64(startAfter.toDouble()))});
        spec.query.append({QStringLiteral("startAfterId"), startAfterId.toString()});
    }
    if (!query.isEmpty())
        spec.query.append({QStringLiteral("query"), query});
    return call<ContactPage>("get-contacts", spec, Envelopes::contactPage);
}

Call<std::optional<Contact>> ContactsApi::findDuplicate(const QString& email, const QString& phone)
{
    RequestSpec spec;
    spec.query = {{QStringLiteral("locationId"), m_client.locationId()}};
    if (!email.isEmpty())
        spec.query.append({QStringLiteral("email"), email});
    if (!phone.isEmpty())
        spec.query.append({QStringLiteral("number"), phone});
    return call<std::optional<Contact>>("get-duplicate-contact", spec, Envelopes::duplicate);
}

Call<ContactPage> ContactsApi::contactsOfBusiness(const QString& businessId, int skip, int limit)
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("businessId"), businessId);
    spec.query = {{QStringLiteral("locationId"), m_client.locationId()},
        {QStringLiteral("skip"), QString::number(skip)},
        {QStringLiteral("limit"), QString::number(limit)}};
    return call<ContactPage>("get-contacts-by-businessId", spec, Envelopes::contactPage);
}

Call<BulkBusinessResult> ContactsApi::setBusiness(
    const QStringList& contactIds, const std::optional<QString>& businessId)
{
    RequestSpec spec;
    spec.body = QJsonObject {{QStringLiteral("locationId"), m_client.locationId()},
        {QStringLiteral("ids"), QJsonArray::fromStringList(contactIds)},
        {QStringLiteral("businessId"), businessId ? QJsonValue(*businessId) : QJsonValue()}};
    return call<BulkBusinessResult>(
        "add-remove-contact-from-business", spec, Envelopes::bulkBusiness);
}

Call<QList<Task>> ContactsApi::tasks(const QString& contactId, Priority priority)
{
    RequestSpec spec = contactPath(contactId);
    spec.priority = priority;
    return call<QList<Task>>("get-all-tasks", spec, Envelopes::tasks);
}

Call<Task> ContactsApi::task(const QString& contactId, const QString& taskId)
{
    return call<Task>(
        "get-task", contactPath(contactId, QStringLiteral("taskId"), taskId), Envelopes::task);
}

Call<Task> ContactsApi::createTask(const Task& task)
{
    RequestSpec spec = contactPath(task.contactId);
    spec.body = task.createBody();
    return call<Task>("create-task", spec, Envelopes::task);
}

Call<Task> ContactsApi::updateTask(const Task& before, const Task& after)
{
    RequestSpec spec = contactPath(before.contactId, QStringLiteral("taskId"), before.id);
    spec.body = Task::updateBody(before, after);
    return call<Task>("update-task", spec, Envelopes::task);
}

Call<Task> ContactsApi::completeTask(
    const QString& contactId, const QString& taskId, bool completed)
{
    RequestSpec spec = contactPath(contactId, QStringLiteral("taskId"), taskId);
    spec.body = Task::completionBody(completed);
    return call<Task>("update-task-completed", spec, Envelopes::task);
}

Call<bool> ContactsApi::deleteTask(const QString& contactId, const QString& taskId)
{
    return call<bool>("delete-task", contactPath(contactId, QStringLiteral("taskId"), taskId),
        Envelopes::succeeded);
}

Call<QList<Note>> ContactsApi::notes(const QString& contactId, Priority priority)
{
    RequestSpec spec = contactPath(contactId);
    spec.priority = priority;
    return call<QList<Note>>("get-all-notes", spec, Envelopes::notes);
}

Call<Note> ContactsApi::note(const QString& contactId, const QString& noteId)
{
    return call<Note>(
        "get-note", contactPath(contactId, QStringLiteral("id"), noteId), Envelopes::note);
}

Call<Note> ContactsApi::createNote(const Note& note)
{
    RequestSpec spec = contactPath(note.contactId);
    spec.body = note.createBody();
    return call<Note>("create-note", spec, Envelopes::note);
}

Call<Note> ContactsApi::updateNote(const Note& before, const Note& after)
{
    RequestSpec spec = contactPath(before.contactId, QStringLiteral("id"), before.id);
    spec.body = Note::updateBody(before, after);
    return call<Note>("update-note", spec, Envelopes::note);
}

Call<bool> ContactsApi::deleteNote(const QString& contactId, const QString& noteId)
{
    return call<bool>(
        "delete-note", contactPath(contactId, QStringLiteral("id"), noteId), Envelopes::succeeded);
}

Call<QList<Appointment>> ContactsApi::appointments(
    const QString& contactId, const QTimeZone& wallClockZone, Priority priority)
{
    RequestSpec spec = contactPath(contactId);
    spec.priority = priority;
    return call<QList<Appointment>>("get-appointments-for-contact", spec,
        [wallClockZone](const QJsonObject& body, QString* error) {
            return Envelopes::events(body, error, wallClockZone);
        });
}

Call<QStringList> ContactsApi::addTags(const QString& contactId, const QStringList& tags)
{
    RequestSpec spec = contactPath(contactId);
    spec.body = list(QStringLiteral("tags"), tags);
    return call<QStringList>("add-tags", spec, Envelopes::tags);
}

Call<QStringList> ContactsApi::removeTags(const QString& contactId, const QStringList& tags)
{
    RequestSpec spec = contactPath(contactId);
    spec.body = list(QStringLiteral("tags"), tags);
    return call<QStringList>("remove-tags", spec, Envelopes::tags);
}

Call<BulkTagsResult> ContactsApi::bulkTags(
    const QStringList& contactIds, const QStringList& tags, bool remove, bool removeAllTags)
{
    RequestSpec spec;
    spec.path.insert(
        QStringLiteral("type"), remove ? QStringLiteral("remove") : QStringLiteral("add"));
    QJsonObject body {{QStringLiteral("contacts"), QJsonArray::fromStringList(contactIds)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("locationId"), m_client.locationId()}};
    if (remove && removeAllTags)
        body.insert(QStringLiteral("removeAllTags"), true);
    spec.body = body;
    return call<BulkTagsResult>("create-association", spec, Envelopes::bulkTags);
}

Call<FollowersResult> ContactsApi::addFollowers(
    const QString& contactId, const QStringList& userIds)
{
    RequestSpec spec = contactPath(contactId);
    spec.body = list(QStringLiteral("followers"), userIds);
    return call<FollowersResult>("add-followers-contact", spec, Envelopes::followers);
}

Call<FollowersResult> ContactsApi::removeFollowers(
    const QString& contactId, const QStringList& userIds)
{
    RequestSpec spec = contactPath(contactId);
    spec.body = list(QStringLiteral("followers"), userIds);
    return call<FollowersResult>("remove-followers-contact", spec, Envelopes::followers);
}

Call<bool> ContactsApi::addToCampaign(const QString& contactId, const QString& campaignId)
{
    RequestSpec spec = contactPath(contactId, QStringLiteral("campaignId"), campaignId);
    spec.body = QJsonObject();
    return call<bool>("add-contact-to-campaign", spec, Envelopes::succeeded);
}

Call<bool> ContactsApi::removeFromCampaign(const QString& contactId, const QString& campaignId)
{
    return call<bool>("remove-contact-from-campaign",
        contactPath(contactId, QStringLiteral("campaignId"), campaignId), Envelopes::succeeded);
}

Call<bool> ContactsApi::removeFromAllCampaigns(const QString& contactId)
{
    return call<bool>(
        "remove-contact-from-every-campaign", contactPath(contactId), Envelopes::succeeded);
}

Call<bool> ContactsApi::addToWorkflow(
    const QString& contactId, const QString& workflowId, const QDateTime& eventStartTime)
{
    RequestSpec spec = contactPath(contactId, QStringLiteral("workflowId"), workflowId);
    spec.body = workflowBody(eventStartTime);
    return call<bool>("add-contact-to-workflow", spec, Envelopes::succeeded);
}

Call<bool> ContactsApi::removeFromWorkflow(
    const QString& contactId, const QString& workflowId, const QDateTime& eventStartTime)
{
    RequestSpec spec = contactPath(contactId, QStringLiteral("workflowId"), workflowId);
    spec.body = workflowBody(eventStartTime);
    return call<bool>("delete-contact-from-workflow", spec, Envelopes::succeeded);
}

} // namespace ContactDesk::Api
