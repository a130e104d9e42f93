#pragma once

#include "api/contactsapi.h"
#include "api/models/locationlists.h"

namespace ContactDesk::Api {

// The location lists ContactDesk reads names from, on one ApiClient: the Locations API's custom
// fields and tags, the Users API and the Calendars API, each operation from the catalog.
class LocationApi
{
public:
    // `cause`: what every request of this instance is sent for (see ContactsApi).
    explicit LocationApi(ApiClient& client, RequestCause cause = RequestCause::User);

    RequestCause cause() const { return m_cause; }
    void setCause(RequestCause cause) { m_cause = cause; }

    // Custom fields. `model` is "contact", "opportunity" or "all".
    Call<QList<CustomFieldDefinition>> customFields(
        const QString& model = QStringLiteral("contact"), Priority priority = Priority::Foreground);
    Call<CustomFieldDefinition> customField(const QString& id);
    // Sends name, dataType, placeholder, position, model and (for option types) the options.
    Call<CustomFieldDefinition> createCustomField(const CustomFieldDefinition& field);
    Call<CustomFieldDefinition> updateCustomField(
        const CustomFieldDefinition& before, const CustomFieldDefinition& after);
    Call<bool> deleteCustomField(const QString& id);

    // Tags
    Call<QList<LocationTag>> tags(Priority priority = Priority::Foreground);
    Call<LocationTag> tag(const QString& id);
    Call<LocationTag> createTag(const QString& name);
    Call<LocationTag> renameTag(const QString& id, const QString& name);
    Call<bool> deleteTag(const QString& id);

    // Users: search-users with the connection's company and location (every page).
    Call<QList<User>> users(Priority priority = Priority::Foreground);
    Call<User> user(const QString& id);
    // GET /users/?locationId, which the spec still lists.
    Call<QList<User>> usersOfLocation();

    // Calendars
    Call<QList<Calendar>> calendars(Priority priority = Priority::Foreground);
    Call<Calendar> calendar(const QString& id);

    // How many users users() asks for per page (the spec's default is 25, and it names no
    // maximum).
    static constexpr int defaultUserPageSize = 100;
    void setUserPageSize(int size) { m_userPageSize = qMax(1, size); }

private:
    template <typename T>
    Call<T> call(const char* operationId, RequestSpec spec, typename Call<T>::Decoder decode) const;
    RequestSpec locationPath() const;

    ApiClient& m_client;
    RequestCause m_cause = RequestCause::User;
    int m_userPageSize = defaultUserPageSize;
};

} // namespace ContactDesk::Api
