#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/contactwriter.h"
#include "sandbox/operations.h"
#include "sandbox/sandboxdata.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

namespace ContactDesk::Sandbox {

namespace {

const QString kTags = QStringLiteral("tags");
const QString kFollowers = QStringLiteral("followers");
const QString kContactId = QStringLiteral("contactId");

Reply succeeded(int status)
{
    return Reply::json(status, {{QStringLiteral("succeded"), true}});
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list.append(item.toString());
    return list;
}

// Tags are matched without regard to case and kept in the spelling they were first written in,
// as the contact writer does for `tags` on create and update.
qsizetype indexOfTag(const QStringList& tags, const QString& tag)
{
    for (qsizetype i = 0; i < tags.size(); ++i) {
        if (tags.at(i).compare(tag, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

struct TagChange
{
    QStringList before;
    QStringList after;
    QStringList added;
    QStringList removed;
};

TagChange addTags(const QStringList& current, const QStringList& wanted)
{
    TagChange change {current, current, {}, {}};
    for (const QString& raw : wanted) {
        const QString tag = raw.trimmed();
        if (tag.isEmpty() || indexOfTag(change.after, tag) >= 0)
            continue;
        change.after.append(tag);
        change.added.append(tag);
    }
    return change;
}

TagChange removeTags(const QStringList& current, const QStringList& unwanted, bool all)
{
    TagChange change {current, current, {}, {}};
    if (all) {
        change.removed = current;
        change.after.clear();
        return change;
    }
    for (const QString& raw : unwanted) {
        const qsizetype index = indexOfTag(change.after, raw.trimmed());
        if (index < 0)
            continue;
        change.removed.append(change.after.takeAt(index));
    }
    return change;
}

// ISO 8601 date-times as clients send them ("2021-06-23T03:30:00+01:00",
// "2021-06-23T02:30:00.000Z"); a missing offset is allowed, as class-validator allows it.
bool isIsoDateTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

class MembershipRoutes
{
public:
    explicit MembershipRoutes(SandboxData& data)
        : m_data(data)
        , m_writer(data)
    { }

    Reply addTagsToContact(const Request& request)
    {
        const QJsonObject* stored = m_data.liveContact(contactId(request));
        if (!stored)
            return contactNotFound(request);
        QJsonObject contact = *stored;
        const TagChange change
            = addTags(stringList(contact.value(kTags)), stringList(request.object().value(kTags)));
        saveTags(contact, change);
        return Reply::json(201, {{kTags, QJsonArray::fromStringList(change.after)}});
    }

    Reply removeTagsFromContact(const Request& request)
    {
        const QJsonObject* stored = m_data.liveContact(contactId(request));
        if (!stored)
            return contactNotFound(request);
        QJsonObject contact = *stored;
        const TagChange change = removeTags(
            stringList(contact.value(kTags)), stringList(request.object().value(kTags)), false);
        saveTags(contact, change);
        return Reply::json(200, {{kTags, QJsonArray::fromStringList(change.after)}});
    }

    // POST /contacts/bulk/tags/update/{type}: one result per listed id, errors included; the
    // request as a whole only fails for a bad type or option.
    Reply bulkTags(const Request& request)
    {
        const QString type = request.pathParams.value(QStringLiteral("type"));
        const bool adding = type == QLatin1StringView("add");
        if (!adding && type != QLatin1StringView("remove")) {
            // The SDK posts to the literal `{type}` template; a NestJS pipe answers it this way.
            return Reply::json(400,
                {{QStringLiteral("statusCode"), 400},
                    {QStringLiteral("message"),
                        QJsonArray {QStringLiteral("type must be one of add, remove")}},
                    {QStringLiteral("error"), reasonPhrase(400)}});
        }
        const QJsonObject dto = request.object();
        const bool removeAll = dto.value(QStringLiteral("removeAllTags")).toBool();
        if (adding && removeAll)
            return Reply::error(
                400, QStringLiteral("removeAllTags can only be used with type remove"));

        const QString locationId = dto.value(QStringLiteral("locationId")).toString();
        const QStringList tags = stringList(dto.value(kTags));
        QJsonArray responses;
        int errorCount = 0;
        for (const QString& id : stringList(dto.value(QStringLiteral("contacts")))) {
            const QString problem = bulkProblem(id, locationId);
            if (!problem.isEmpty()) {
                ++errorCount;
                responses.append(
                    QJsonObject {{kContactId, id}, {QStringLiteral("message"), problem},
                        {QStringLiteral("type"), QStringLiteral("error")}});
                continue;
            }
            QJsonObject contact = m_data.contacts().value(id);
            const QStringList current = stringList(contact.value(kTags));
            const TagChange change
                = adding ? addTags(current, tags) : removeTags(current, tags, removeAll);
            saveTags(contact, change);
            responses.append(QJsonObject {
                {kContactId, id},
                {QStringLiteral("message"), QStringLiteral("Tags updated")},
                {QStringLiteral("type"), QStringLiteral("success")},
                {QStringLiteral("oldTags"), QJsonArray::fromStringList(change.before)},
                {QStringLiteral("tagsAdded"), QJsonArray::fromStringList(change.added)},
                {QStringLiteral("tagsRemoved"), QJsonArray::fromStringList(change.removed)},
            });
        }
        // Succeeded unless every listed contact failed.
        const bool anyUpdated = errorCount == 0 || errorCount < responses.size();
        return Reply::json(201,
            {{QStringLiteral("succeded"), anyUpdated}, {QStringLiteral("errorCount"), errorCount},
                {QStringLiteral("responses"), responses}});
    }

    Reply addFollowers(const Request& request)
    {
        const QStringList wanted = stringList(request.object().value(kFollowers));
        const QStringList users = m_data.userIds();
        for (const QString& user : wanted) {
            if (!users.contains(user))
                return Reply::error(400, QStringLiteral("User with id %1 not found").arg(user));
        }
        const QString id = contactId(request);
        QStringList followers = m_data.followers().value(id);
        QStringList added;
        for (const QString& user : wanted) {
            if (followers.contains(user))
                continue;
            followers.append(user);
            added.append(user);
        }
        if (!followers.isEmpty())
            m_data.followers().insert(id, followers);
        saveFollowers(id, followers);
        return Reply::json(201,
            {{kFollowers, QJsonArray::fromStringList(followers)},
                {QStringLiteral("followersAdded"), QJsonArray::fromStringList(added)}});
    }

    Reply removeFollowers(const Request& request)
    {
        const QString id = contactId(request);
        QStringList followers = m_data.followers().value(id);
        QStringList removed;
        for (const QString& user : stringList(request.object().value(kFollowers))) {
            if (followers.removeAll(user) > 0)
                removed.append(user);
        }
        if (followers.isEmpty())
            m_data.followers().remove(id);
        else
            m_data.followers().insert(id, followers);
        saveFollowers(id, followers);
        return Reply::json(200,
            {{kFollowers, QJsonArray::fromStringList(followers)},
                {QStringLiteral("followersRemoved"), QJsonArray::fromStringList(removed)}});
    }

    Reply addToCampaign(const Request& request)
    {
        m_data.campaigns()[contactId(request)].insert(campaignId(request));
        return succeeded(201);
    }

    Reply removeFromCampaign(const Request& request)
    {
        m_data.campaigns()[contactId(request)].remove(campaignId(request));
        return succeeded(200);
    }

    Reply removeFromEveryCampaign(const Request& request)
    {
        m_data.campaigns().remove(contactId(request));
        return succeeded(200);
    }

    Reply addToWorkflow(const Request& request)
    {
        const std::optional<QString> start = eventStartTime(request);
        if (!start)
            return badStartTime();
        const QString stored = start->isEmpty() ? isoUtc(m_data.clock().nowMs()) : *start;
        m_data.workflows()[contactId(request)].insert(workflowId(request), stored);
        return succeeded(200);
    }

    Reply removeFromWorkflow(const Request& request)
    {
        if (!eventStartTime(request))
            return badStartTime();
        const QString id = contactId(request);
        auto found = m_data.workflows().find(id);
        if (found != m_data.workflows().end()) {
            found->remove(workflowId(request));
            if (found->isEmpty())
                m_data.workflows().erase(found);
        }
        return succeeded(200);
    }

private:
    static QString contactId(const Request& request)
    {
        return request.pathParams.value(kContactId);
    }
    static QString campaignId(const Request& request)
    {
        return request.pathParams.value(QStringLiteral("campaignId"));
    }
    static QString workflowId(const Request& request)
    {
        return request.pathParams.value(QStringLiteral("workflowId"));
    }

    // The pipeline has already answered this for unknown contacts; kept so a handler never
    // writes a record that is not there.
    static Reply contactNotFound(const Request& request)
    {
        return Reply::error(
            400, QStringLiteral("Contact with id %1 not found").arg(contactId(request)));
    }

    void saveTags(QJsonObject& contact, const TagChange& change)
    {
        if (change.added.isEmpty() && change.removed.isEmpty())
            return;
        contact.insert(kTags, QJsonArray::fromStringList(change.after));
        contact.insert(QStringLiteral("dateUpdated"), isoUtc(m_data.clock().nowMs()));
        m_writer.save(contact);
    }

    // Followers live beside the contact for the API and on the record for list and search.
    void saveFollowers(const QString& id, const QStringList& followers)
    {
        const QJsonObject* stored = m_data.liveContact(id);
        if (!stored)
            return;
        QJsonObject contact = *stored;
        if (stringList(contact.value(kFollowers)) == followers)
            return;
        contact.insert(kFollowers, QJsonArray::fromStringList(followers));
        contact.insert(QStringLiteral("dateUpdated"), isoUtc(m_data.clock().nowMs()));
        m_writer.save(contact);
    }

    QString bulkProblem(const QString& id, const QString& locationId) const
    {
        if (!isFirestoreId(id))
            return QStringLiteral("contact id is not a valid firebase id");
        const auto found = m_data.contacts().constFind(id);
        if (found == m_data.contacts().cend())
            return QStringLiteral("contact not found");
        if (m_data.deletedContacts().contains(id))
            return QStringLiteral("contact is deleted");
        if (found->value(QStringLiteral("locationId")).toString() != locationId)
            return QStringLiteral("contact does not belong to location");
        return {};
    }

    // Empty when the body has no eventStartTime, nothing when it has a bad one.
    static std::optional<QString> eventStartTime(const Request& request)
    {
        const QJsonValue value = request.object().value(QStringLiteral("eventStartTime"));
        if (value.isUndefined())
            return QString();
        const QString text = value.toString();
        if (!isIsoDateTime(text))
            return std::nullopt;
        return text;
    }

    static Reply badStartTime()
    {
        return Reply::validation(
            {QStringLiteral("eventStartTime must be a valid ISO 8601 date string")});
    }

    SandboxData& m_data;
    ContactWriter m_writer;
};

} // namespace

void addMembershipHandlers(HandlerTable& table, SandboxData& data)
{
    auto routes = std::make_shared<MembershipRoutes>(data);
    const auto bind = [&table, routes](const char* operationId,
                          Reply (MembershipRoutes::*method)(const Request&)) {
        table.insert(QString::fromLatin1(operationId),
            [routes, method](const Request& r) { return ((*routes).*method)(r); });
    };
    bind("add-tags", &MembershipRoutes::addTagsToContact);
    bind("remove-tags", &MembershipRoutes::removeTagsFromContact);
    bind("create-association", &MembershipRoutes::bulkTags);
    bind("add-followers-contact", &MembershipRoutes::addFollowers);
    bind("remove-followers-contact", &MembershipRoutes::removeFollowers);
    bind("add-contact-to-campaign", &MembershipRoutes::addToCampaign);
    bind("remove-contact-from-campaign", &MembershipRoutes::removeFromCampaign);
    bind("remove-contact-from-every-campaign", &MembershipRoutes::removeFromEveryCampaign);
    bind("add-contact-to-workflow", &MembershipRoutes::addToWorkflow);
    bind("delete-contact-from-workflow", &MembershipRoutes::removeFromWorkflow);
}

} // namespace ContactDesk::Sandbox
