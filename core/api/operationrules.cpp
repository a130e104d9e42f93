// What the client knows about each operation beyond the catalog: which ones create a record
// (never resent blindly) and which keys a successful answer must carry.
#include "api/apiclient.h"

#include <QHash>

namespace ContactDesk::Api {

bool createsRecord(const Endpoint& endpoint)
{
    const QLatin1StringView id = endpoint.operationId;
    return id == QLatin1StringView("create-contact") || id == QLatin1StringView("create-task")
        || id == QLatin1StringView("create-note")
        || id == QLatin1StringView("add-contact-to-workflow")
        || id == QLatin1StringView("create-custom-field") || id == QLatin1StringView("create-tag");
}

QStringList expectedResultKeys(const Endpoint& endpoint)
{
    static const QHash<QString, QStringList> keys {
        {QStringLiteral("search-contacts-advanced"), {QStringLiteral("contacts")}},
        {QStringLiteral("get-duplicate-contact"), {QStringLiteral("contact")}},
        {QStringLiteral("get-all-tasks"), {QStringLiteral("tasks")}},
        {QStringLiteral("create-task"), {QStringLiteral("task")}},
        {QStringLiteral("get-task"), {QStringLiteral("task")}},
        {QStringLiteral("update-task"), {QStringLiteral("task")}},
        {QStringLiteral("delete-task"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("update-task-completed"), {QStringLiteral("task")}},
        {QStringLiteral("get-appointments-for-contact"), {QStringLiteral("events")}},
        {QStringLiteral("add-tags"), {QStringLiteral("tags")}},
        {QStringLiteral("remove-tags"), {QStringLiteral("tags")}},
        {QStringLiteral("get-all-notes"), {QStringLiteral("notes")}},
        {QStringLiteral("create-note"), {QStringLiteral("note")}},
        {QStringLiteral("get-note"), {QStringLiteral("note")}},
        {QStringLiteral("update-note"), {QStringLiteral("note")}},
        {QStringLiteral("delete-note"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("create-association"),
            {QStringLiteral("succeded|succeeded"), QStringLiteral("responses")}},
        {QStringLiteral("add-remove-contact-from-business"),
            {QStringLiteral("success|succeded|succeeded")}},
        {QStringLiteral("get-contact"), {QStringLiteral("contact")}},
        {QStringLiteral("update-contact"), {QStringLiteral("contact")}},
        {QStringLiteral("delete-contact"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("upsert-contact"), {QStringLiteral("contact"), QStringLiteral("new")}},
        {QStringLiteral("get-contacts-by-businessId"), {QStringLiteral("contacts")}},
        {QStringLiteral("add-followers-contact"), {QStringLiteral("followers")}},
        {QStringLiteral("remove-followers-contact"), {QStringLiteral("followers")}},
        {QStringLiteral("add-contact-to-campaign"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("remove-contact-from-campaign"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("remove-contact-from-every-campaign"),
            {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("add-contact-to-workflow"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("delete-contact-from-workflow"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("create-contact"), {QStringLiteral("contact")}},
        {QStringLiteral("get-contacts"), {QStringLiteral("contacts")}},
        {QStringLiteral("get-custom-fields"), {QStringLiteral("customFields")}},
        {QStringLiteral("create-custom-field"), {QStringLiteral("customField")}},
        {QStringLiteral("get-custom-field"), {QStringLiteral("customField")}},
        {QStringLiteral("update-custom-field"), {QStringLiteral("customField")}},
        {QStringLiteral("delete-custom-field"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("get-location-tags"), {QStringLiteral("tags")}},
        {QStringLiteral("create-tag"), {QStringLiteral("tag")}},
        {QStringLiteral("get-tag-by-id"), {QStringLiteral("tag")}},
        {QStringLiteral("update-tag"), {QStringLiteral("tag")}},
        {QStringLiteral("delete-tag"), {QStringLiteral("succeded|succeeded")}},
        {QStringLiteral("search-users"), {QStringLiteral("users")}},
        // UserSuccessfulResponseDto is the user itself, not an envelope.
        {QStringLiteral("get-user"), {QStringLiteral("id")}},
        {QStringLiteral("get-user-by-location"), {QStringLiteral("users")}},
        {QStringLiteral("get-calendars"), {QStringLiteral("calendars")}},
        {QStringLiteral("get-calendar"), {QStringLiteral("calendar")}},
    };
    return keys.value(QString(endpoint.operationId));
}

} // namespace ContactDesk::Api
