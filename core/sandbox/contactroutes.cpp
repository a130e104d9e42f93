#include "common/clock.h"
#include "sandbox/contactsearch.h"
#include "sandbox/contactwriter.h"
#include "sandbox/operations.h"
#include "sandbox/sandboxdata.h"

#include <QJsonArray>

#include <memory>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;

class ContactRoutes
{
public:
    explicit ContactRoutes(SandboxData& data)
        : m_data(data)
        , m_writer(data)
        , m_search(data)
    { }

    Reply getContact(const Request& request) const
    {
        const QJsonObject* contact = m_data.liveContact(contactId(request));
        return Reply::json(200, {{QStringLiteral("contact"), *contact}});
    }

    Reply createContact(const Request& request)
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        QStringList errors;
        const std::optional<QJsonObject> contact
            = m_writer.build(request.object(), *location, &errors);
        if (!contact)
            return Reply::validation(errors);
        if (!m_data.settings().allowDuplicates) {
            const auto duplicate = m_writer.findDuplicate(location->id,
                contact->value(L("email")).toString(), contact->value(L("phone")).toString());
            if (duplicate)
                return duplicateRefusal(*duplicate);
        }
        m_writer.save(*contact);
        return Reply::json(201, {{QStringLiteral("contact"), *contact}});
    }

    Reply updateContact(const Request& request)
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        QJsonObject contact = *m_data.liveContact(contactId(request));
        if (const QStringList errors = m_writer.apply(contact, request.object(), *location);
            !errors.isEmpty())
            return Reply::validation(errors);
        m_writer.save(contact);
        return Reply::json(
            200, {{QStringLiteral("succeded"), true}, {QStringLiteral("contact"), contact}});
    }

    Reply deleteContact(const Request& request)
    {
        m_data.deleteContact(contactId(request));
        return Reply::json(200, {{QStringLiteral("succeded"), true}});
    }

    Reply upsertContact(const Request& request)
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        QJsonObject dto = request.object();
        const bool createNew = dto.take(L("createNewIfDuplicateAllowed")).toBool();
        const auto reply = [&request](bool created, const QJsonObject& contact) {
            return Reply::json(200,
                {{QStringLiteral("new"), created}, {QStringLiteral("contact"), contact},
                    {QStringLiteral("traceId"), request.traceId}});
        };

        // createNewIfDuplicateAllowed only skips matching where duplicates are allowed at all.
        if (!(createNew && m_data.settings().allowDuplicates)) {
            const QString email = dto.value(L("email")).toString();
            const QString phone = dto.value(L("phone")).toString();
            if (const auto match = m_writer.findDuplicate(location->id, email, phone)) {
                // Email wins over phone; a phone that belongs to another contact is not merged
                // into the email match (ISSUE #37), and gender is dropped silently (ISSUE #313).
                if (match->matchingField == L("email") && !phone.isEmpty()) {
                    const auto byPhone = m_writer.findDuplicate(location->id, {}, phone);
                    if (byPhone && byPhone->contactId != match->contactId)
                        dto.remove(L("phone"));
                }
                dto.remove(L("gender"));
                QJsonObject contact = *m_data.liveContact(match->contactId);
                if (const QStringList errors = m_writer.apply(contact, dto, *location);
                    !errors.isEmpty())
                    return Reply::validation(errors);
                m_writer.save(contact);
                return reply(false, contact);
            }
        }
        QStringList errors;
        const std::optional<QJsonObject> contact = m_writer.build(dto, *location, &errors);
        if (!contact)
            return Reply::validation(errors);
        m_writer.save(*contact);
        return reply(true, *contact);
    }

    Reply getContacts(const Request& request)
    {
        const Location* location = locationOf(request);
        return location ? m_search.list(*location, request) : noLocation();
    }

    Reply searchContacts(const Request& request)
    {
        const Location* location = locationOf(request);
        return location ? m_search.search(*location, request.object()) : noLocation();
    }

    Reply duplicateContact(const Request& request) const
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        if (request.queryValue(QStringLiteral("locationId")).isEmpty())
            return Reply::validation({QStringLiteral("locationId should not be empty")});
        const auto match
            = m_writer.findDuplicate(location->id, request.queryValue(QStringLiteral("email")),
                request.queryValue(QStringLiteral("number")));
        const QJsonValue contact = match ? QJsonValue(*m_data.liveContact(match->contactId))
                                         : QJsonValue(QJsonValue::Null);
        return Reply::json(200, {{QStringLiteral("contact"), contact}});
    }

    Reply contactsByBusiness(const Request& request)
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        return m_search.listByBusiness(
            *location, request.pathParams.value(QStringLiteral("businessId")), request);
    }

    Reply bulkBusiness(const Request& request)
    {
        const Location* location = locationOf(request);
        if (!location)
            return noLocation();
        const QJsonObject body = request.object();
        const QJsonValue businessId = body.value(L("businessId"));
        if (businessId.isString()) {
            const QJsonObject business = m_data.businesses().value(businessId.toString());
            const QString owner = business.value(L("locationId")).toString();
            if (business.isEmpty() || (!owner.isEmpty() && owner != location->id)) {
                return Reply::error(400,
                    QStringLiteral("Business with id %1 not found").arg(businessId.toString()));
            }
        }
        const QJsonArray ids = body.value(L("ids")).toArray();
        if (ids.isEmpty())
            return Reply::validation({QStringLiteral("ids should not be empty")});

        const QString now = isoUtc(m_data.clock().nowMs());
        QJsonArray updated;
        for (const QJsonValue& id : ids) {
            const QJsonObject* live = m_data.liveContact(id.toString());
            if (!live || live->value(L("locationId")).toString() != location->id)
                continue;
            QJsonObject contact = *live;
            if (businessId.isString())
                contact.insert(QStringLiteral("businessId"), businessId);
            else
                contact.remove(QStringLiteral("businessId"));
            contact.insert(QStringLiteral("dateUpdated"), now);
            m_writer.save(contact);
            updated.append(id);
        }
        return Reply::json(
            200, {{QStringLiteral("success"), true}, {QStringLiteral("ids"), updated}});
    }

private:
    static QString contactId(const Request& request)
    {
        return request.pathParams.value(QStringLiteral("contactId"));
    }

    const Location* locationOf(const Request& request) const
    {
        return request.grant ? m_data.location(request.grant->locationId) : nullptr;
    }

    static Reply noLocation()
    {
        return Reply::error(
            403, QStringLiteral("The token does not have access to this location."));
    }

    Reply duplicateRefusal(const ContactWriter::Duplicate& duplicate) const
    {
        const QJsonObject* existing = m_data.liveContact(duplicate.contactId);
        return Reply::json(400,
            {{QStringLiteral("statusCode"), 400},
                {QStringLiteral("message"),
                    QStringLiteral("This location does not allow duplicated contacts.")},
                {QStringLiteral("meta"),
                    QJsonObject {{QStringLiteral("contactId"), duplicate.contactId},
                        {QStringLiteral("contactName"), existing->value(L("name")).toString()},
                        {QStringLiteral("matchingField"), duplicate.matchingField}}}});
    }

    SandboxData& m_data;
    ContactWriter m_writer;
    ContactSearch m_search;
};

} // namespace

void addContactHandlers(HandlerTable& table, SandboxData& data)
{
    // The handlers share one instance; the table's std::functions keep it alive.
    const auto routes = std::make_shared<ContactRoutes>(data);
    const auto bind = [routes](Reply (ContactRoutes::*method)(const Request&)) -> Handler {
        return
            [routes, method](const Request& request) { return (routes.get()->*method)(request); };
    };
    const auto bindConst
        = [routes](Reply (ContactRoutes::*method)(const Request&) const) -> Handler {
        return
            [routes, method](const Request& request) { return (routes.get()->*method)(request); };
    };
    table.insert(QStringLiteral("get-contact"), bindConst(&ContactRoutes::getContact));
    table.insert(QStringLiteral("create-contact"), bind(&ContactRoutes::createContact));
    table.insert(QStringLiteral("update-contact"), bind(&ContactRoutes::updateContact));
    table.insert(QStringLiteral("delete-contact"), bind(&ContactRoutes::deleteContact));
    table.insert(QStringLiteral("upsert-contact"), bind(&ContactRoutes::upsertContact));
    table.insert(QStringLiteral("get-contacts"), bind(&ContactRoutes::getContacts));
    table.insert(QStringLiteral("search-contacts-advanced"), bind(&ContactRoutes::searchContacts));
    table.insert(
        QStringLiteral("get-duplicate-contact"), bindConst(&ContactRoutes::duplicateContact));
    table.insert(
        QStringLiteral("get-contacts-by-businessId"), bind(&ContactRoutes::contactsByBusiness));
    table.insert(
        QStringLiteral("add-remove-contact-from-business"), bind(&ContactRoutes::bulkBusiness));
}

} // namespace ContactDesk::Sandbox
