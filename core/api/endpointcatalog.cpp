#include "api/endpointcatalog.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;
using T = FieldType;

// The contact fields shared by the create, update and upsert DTOs.
QList<BodyField> contactFields(bool forCreate)
{
    QList<BodyField> fields {
        {L("firstName"), T::String, false, true},
        {L("lastName"), T::String, false, true},
        {L("name"), T::String, false, true},
        {L("email"), T::String, false, true},
        {L("phone"), T::String, false, true},
        {L("address1"), T::String, false, true},
        {L("city"), T::String, false, true},
        {L("state"), T::String, false, true},
        {L("postalCode"), T::String},
        {L("website"), T::String, false, true},
        {L("timezone"), T::String, false, true},
        {L("dnd"), T::Boolean},
        {L("dndSettings"), T::Object},
        {L("inboundDndSettings"), T::Object},
        {L("tags"), T::StringArray},
        {L("customFields"), T::Array},
        {L("source"), T::String, false, !forCreate},
        {L("dateOfBirth"), T::String, false, true},
        {L("country"), T::String},
        {L("assignedTo"), T::String, false, !forCreate},
    };
    if (forCreate) {
        fields.append({L("locationId"), T::String, true});
        fields.append({L("gender"), T::String});
        fields.append({L("companyName"), T::String, false, true});
    }
    return fields;
}

QList<BodyField> upsertFields()
{
    QList<BodyField> fields = contactFields(true);
    fields.append({L("createNewIfDuplicateAllowed"), T::Boolean});
    return fields;
}

QList<BodyField> taskFields(bool forCreate)
{
    return {
        {L("title"), T::String, forCreate},
        {L("body"), T::String},
        {L("dueDate"), T::String, forCreate},
        {L("completed"), T::Boolean, forCreate},
        {L("assignedTo"), T::String},
    };
}

QList<BodyField> noteFields(bool forCreate)
{
    return {
        {L("userId"), T::String},
        {L("body"), T::String, forCreate},
        {L("title"), T::String},
        {L("color"), T::String},
        {L("pinned"), T::Boolean},
    };
}

// CreateCustomFieldsDTO; UpdateCustomFieldsDTO is the same less `dataType`.
QList<BodyField> customFieldFields(bool forCreate)
{
    QList<BodyField> fields {
        {L("name"), T::String, true},
        {L("placeholder"), T::String},
        {L("acceptedFormat"), T::StringArray},
        {L("isMultipleFile"), T::Boolean},
        {L("maxNumberOfFiles"), T::Number},
        {L("textBoxListOptions"), T::Array},
        {L("position"), T::Number},
        {L("model"), T::String},
    };
    if (forCreate)
        fields.insert(1, {L("dataType"), T::String, true});
    return fields;
}

QList<Endpoint> buildCatalog()
{
    const auto get = HttpMethod::Get;
    const auto post = HttpMethod::Post;
    const auto put = HttpMethod::Put;
    const auto del = HttpMethod::Delete;
    const auto read = Scope::ContactsReadonly;
    const auto write = Scope::ContactsWrite;
    const QList<BodyField> tags {{L("tags"), T::StringArray, true}};
    const QList<BodyField> followers {{L("followers"), T::StringArray, true}};
    const QList<BodyField> workflow {{L("eventStartTime"), T::String}};
    const QList<BodyField> tagName {{L("name"), T::String, true}};
    return {
        {L("search-contacts-advanced"), post, L("/contacts/search"), read, 200, true,
            {{L("locationId"), T::String, true}, {L("pageLimit"), T::Number, true},
                {L("page"), T::Number}, {L("searchAfter"), T::Array}, {L("query"), T::String},
                {L("filters"), T::Array}, {L("sort"), T::Array}}},
        {L("get-duplicate-contact"), get, L("/contacts/search/duplicate"), read, 200, false, {}},
        {L("get-all-tasks"), get, L("/contacts/{contactId}/tasks"), read, 200, false, {}},
        {L("create-task"), post, L("/contacts/{contactId}/tasks"), write, 201, true,
            taskFields(true)},
        {L("get-task"), get, L("/contacts/{contactId}/tasks/{taskId}"), read, 200, false, {}},
        {L("update-task"), put, L("/contacts/{contactId}/tasks/{taskId}"), write, 200, true,
            taskFields(false)},
        {L("delete-task"), del, L("/contacts/{contactId}/tasks/{taskId}"), write, 200, false, {}},
        {L("update-task-completed"), put, L("/contacts/{contactId}/tasks/{taskId}/completed"),
            write, 200, true, {{L("completed"), T::Boolean, true}}},
        {L("get-appointments-for-contact"), get, L("/contacts/{contactId}/appointments"), read, 200,
            false, {}},
        {L("add-tags"), post, L("/contacts/{contactId}/tags"), write, 201, true, tags},
        {L("remove-tags"), del, L("/contacts/{contactId}/tags"), write, 200, true, tags},
        {L("get-all-notes"), get, L("/contacts/{contactId}/notes"), read, 200, false, {}},
        {L("create-note"), post, L("/contacts/{contactId}/notes"), write, 201, true,
            noteFields(true)},
        {L("get-note"), get, L("/contacts/{contactId}/notes/{id}"), read, 200, false, {}},
        {L("update-note"), put, L("/contacts/{contactId}/notes/{id}"), write, 200, true,
            noteFields(false)},
        {L("delete-note"), del, L("/contacts/{contactId}/notes/{id}"), write, 200, false, {}},
        {L("create-association"), post, L("/contacts/bulk/tags/update/{type}"), Scope::None, 201,
            true,
            {{L("contacts"), T::StringArray, true}, {L("tags"), T::StringArray, true},
                {L("locationId"), T::String, true}, {L("removeAllTags"), T::Boolean}}},
        {L("add-remove-contact-from-business"), post, L("/contacts/bulk/business"), Scope::None,
            200, true,
            {{L("locationId"), T::String, true}, {L("ids"), T::StringArray, true},
                {L("businessId"), T::String, true, true}}},
        {L("get-contact"), get, L("/contacts/{contactId}"), read, 200, false, {}},
        {L("update-contact"), put, L("/contacts/{contactId}"), write, 200, true,
            contactFields(false)},
        {L("delete-contact"), del, L("/contacts/{contactId}"), write, 200, false, {}},
        {L("upsert-contact"), post, L("/contacts/upsert"), write, 200, true, upsertFields()},
        {L("get-contacts-by-businessId"), get, L("/contacts/business/{businessId}"), read, 200,
            false, {}},
        {L("add-followers-contact"), post, L("/contacts/{contactId}/followers"), write, 201, true,
            followers},
        {L("remove-followers-contact"), del, L("/contacts/{contactId}/followers"), write, 200, true,
            followers},
        {L("add-contact-to-campaign"), post, L("/contacts/{contactId}/campaigns/{campaignId}"),
            write, 201, true, {}},
        {L("remove-contact-from-campaign"), del, L("/contacts/{contactId}/campaigns/{campaignId}"),
            write, 200, false, {}},
        {L("remove-contact-from-every-campaign"), del,
            L("/contacts/{contactId}/campaigns/removeAll"), write, 200, false, {}},
        {L("add-contact-to-workflow"), post, L("/contacts/{contactId}/workflow/{workflowId}"),
            write, 200, true, workflow},
        {L("delete-contact-from-workflow"), del, L("/contacts/{contactId}/workflow/{workflowId}"),
            write, 200, true, workflow},
        {L("create-contact"), post, L("/contacts/"), write, 201, true, contactFields(true)},
        {L("get-contacts"), get, L("/contacts/"), read, 200, false, {}},

        // Locations: custom fields and tags
        {L("get-custom-fields"), get, L("/locations/{locationId}/customFields"),
            Scope::CustomFieldsReadonly, 200, false, {}},
        {L("create-custom-field"), post, L("/locations/{locationId}/customFields"),
            Scope::CustomFieldsWrite, 201, true, customFieldFields(true)},
        {L("get-custom-field"), get, L("/locations/{locationId}/customFields/{id}"),
            Scope::CustomFieldsReadonly, 200, false, {}},
        {L("update-custom-field"), put, L("/locations/{locationId}/customFields/{id}"),
            Scope::CustomFieldsWrite, 200, true, customFieldFields(false)},
        {L("delete-custom-field"), del, L("/locations/{locationId}/customFields/{id}"),
            Scope::CustomFieldsWrite, 200, false, {}},
        {L("get-location-tags"), get, L("/locations/{locationId}/tags"), Scope::TagsReadonly, 200,
            false, {}},
        {L("create-tag"), post, L("/locations/{locationId}/tags"), Scope::TagsWrite, 200, true,
            tagName},
        {L("get-tag-by-id"), get, L("/locations/{locationId}/tags/{tagId}"), Scope::TagsReadonly,
            200, false, {}},
        {L("update-tag"), put, L("/locations/{locationId}/tags/{tagId}"), Scope::TagsWrite, 200,
            true, tagName},
        {L("delete-tag"), del, L("/locations/{locationId}/tags/{tagId}"), Scope::TagsWrite, 200,
            false, {}},

        // Users
        {L("search-users"), get, L("/users/search"), Scope::UsersReadonly, 200, false, {}},
        {L("get-user"), get, L("/users/{userId}"), Scope::UsersReadonly, 200, false, {}},
        {L("get-user-by-location"), get, L("/users/"), Scope::UsersReadonly, 200, false, {}},

        // Calendars
        {L("get-calendars"), get, L("/calendars/"), Scope::CalendarsReadonly, 200, false, {},
            calendarsApiVersion},
        {L("get-calendar"), get, L("/calendars/{calendarId}"), Scope::CalendarsReadonly, 200, false,
            {}, calendarsApiVersion},
    };
}

} // namespace

const BodyField* Endpoint::field(QStringView name) const
{
    for (const BodyField& f : body) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

bool Endpoint::writes() const
{
    switch (scope) {
    case Scope::None:
        return method != HttpMethod::Get;
    case Scope::ContactsWrite:
    case Scope::CustomFieldsWrite:
    case Scope::TagsWrite:
        return true;
    case Scope::ContactsReadonly:
    case Scope::CustomFieldsReadonly:
    case Scope::TagsReadonly:
    case Scope::UsersReadonly:
    case Scope::CalendarsReadonly:
        return false;
    }
    return true;
}

const QList<Endpoint>& endpoints()
{
    static const QList<Endpoint> catalog = buildCatalog();
    return catalog;
}

const Endpoint* findEndpoint(QStringView operationId)
{
    for (const Endpoint& e : endpoints()) {
        if (e.operationId == operationId)
            return &e;
    }
    return nullptr;
}

QByteArray methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QByteArrayLiteral("GET");
    case HttpMethod::Post:
        return QByteArrayLiteral("POST");
    case HttpMethod::Put:
        return QByteArrayLiteral("PUT");
    case HttpMethod::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return {};
}

QString scopeName(Scope scope)
{
    switch (scope) {
    case Scope::None:
        return {};
    case Scope::ContactsReadonly:
        return QStringLiteral("contacts.readonly");
    case Scope::ContactsWrite:
        return QStringLiteral("contacts.write");
    case Scope::CustomFieldsReadonly:
        return QStringLiteral("locations/customFields.readonly");
    case Scope::CustomFieldsWrite:
        return QStringLiteral("locations/customFields.write");
    case Scope::TagsReadonly:
        return QStringLiteral("locations/tags.readonly");
    case Scope::TagsWrite:
        return QStringLiteral("locations/tags.write");
    case Scope::UsersReadonly:
        return QStringLiteral("users.readonly");
    case Scope::CalendarsReadonly:
        return QStringLiteral("calendars.readonly");
    }
    return {};
}

QStringList catalogScopes()
{
    QStringList scopes;
    for (const Endpoint& endpoint : endpoints()) {
        const QString name = scopeName(endpoint.scope);
        if (!name.isEmpty() && !scopes.contains(name))
            scopes.append(name);
    }
    return scopes;
}

} // namespace ContactDesk::Api
