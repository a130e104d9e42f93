#include "api/locationapi.h"

#include "api/models/jsonreader.h"
#include "api/models/locationenvelopes.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

// The data types whose fields carry a list of options (picklistOptions on the read side).
bool takesOptions(const QString& dataType)
{
    static const QStringList types {QStringLiteral("SINGLE_OPTIONS"),
        QStringLiteral("MULTIPLE_OPTIONS"), QStringLiteral("RADIO"), QStringLiteral("CHECKBOX"),
        QStringLiteral("TEXTBOX_LIST")};
    return types.contains(dataType);
}

// The write side of picklistOptions: textBoxListOptions [{label, prefillValue}].
QJsonArray optionsBody(const QStringList& options)
{
    QJsonArray array;
    for (const QString& option : options)
        array.append(QJsonObject {
            {QStringLiteral("label"), option}, {QStringLiteral("prefillValue"), QString()}});
    return array;
}

// Every page of search-users, one request after another, into `deferred`.
void readUserPages(ApiClient& client, std::shared_ptr<Deferred<QList<User>>> deferred, ApiJob* job,
    int skip, int pageSize, QList<User> sofar);

ApiJob* userPageRequest(
    ApiClient& client, int skip, int pageSize, Priority priority, RequestCause cause)
{
    RequestSpec spec;
    spec.priority = priority;
    spec.cause = cause;
    spec.query = {{QStringLiteral("companyId"), client.config().companyId},
        {QStringLiteral("locationId"), client.locationId()},
        {QStringLiteral("skip"), QString::number(skip)},
        {QStringLiteral("limit"), QString::number(pageSize)}};
    return client.call(QStringLiteral("search-users"), std::move(spec));
}

void readUserPages(ApiClient& client, std::shared_ptr<Deferred<QList<User>>> deferred, ApiJob* job,
    int skip, int pageSize, QList<User> sofar)
{
    deferred->chain.current = job;
    const Priority priority = job->spec().priority;
    const RequestCause cause = job->spec().cause;
    job->onFinished(&deferred->chain,
        [&client, deferred, skip, pageSize, priority, cause, sofar = std::move(sofar)](
            ApiJob& page) {
            Result<QList<User>> outcome;
            if (!page.succeeded()) {
                outcome.error = page.error();
                deferred->finish(std::move(outcome));
                return;
            }
            QString problem;
            std::optional<UserPage> decoded = LocationEnvelopes::userPage(page.result(), &problem);
            if (!decoded) {
                outcome.error = ApiError::incorrectResponse(
                    QStringLiteral("page at %1: %2").arg(skip).arg(problem), page.httpStatus());
                deferred->finish(std::move(outcome));
                return;
            }
            const qsizetype received = decoded->users.size();
            QList<User> all = sofar;
            all.append(std::move(decoded->users));
            // The last page is short (or empty); `count`, when sent, says so earlier.
            const bool last
                = received < pageSize || (decoded->count >= 0 && all.size() >= decoded->count);
            if (last || deferred->chain.cancelled) {
                if (deferred->chain.cancelled)
                    outcome.error = ApiError(ApiError::Kind::Cancelled, 0, {});
                else
                    outcome.value = std::move(all);
                deferred->finish(std::move(outcome));
                return;
            }
            const int next = skip + int(received);
            readUserPages(client, deferred,
                userPageRequest(client, next, pageSize, priority, cause), next, pageSize,
                std::move(all));
        });
}

} // namespace

LocationApi::LocationApi(ApiClient& client, RequestCause cause)
    : m_client(client)
    , m_cause(cause)
{ }

template <typename T>
Call<T> LocationApi::call(
    const char* operationId, RequestSpec spec, typename Call<T>::Decoder decode) const
{
    spec.cause = m_cause;
    return Call<T>(
        m_client.call(QLatin1StringView(operationId), std::move(spec)), std::move(decode));
}

RequestSpec LocationApi::locationPath() const
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("locationId"), m_client.locationId());
    return spec;
}

Call<QList<CustomFieldDefinition>> LocationApi::customFields(
    const QString& model, Priority priority)
{
    RequestSpec spec = locationPath();
    spec.priority = priority;
    if (!model.isEmpty())
        spec.query = {{QStringLiteral("model"), model}};
    return call<QList<CustomFieldDefinition>>(
        "get-custom-fields", spec, LocationEnvelopes::customFields);
}

Call<CustomFieldDefinition> LocationApi::customField(const QString& id)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("id"), id);
    return call<CustomFieldDefinition>("get-custom-field", spec, LocationEnvelopes::customField);
}

Call<CustomFieldDefinition> LocationApi::createCustomField(const CustomFieldDefinition& field)
{
    RequestSpec spec = locationPath();
    QJsonObject body {{QStringLiteral("name"), field.name},
        {QStringLiteral("dataType"), field.dataType}, {QStringLiteral("position"), field.position}};
    if (!field.placeholder.isEmpty())
        body.insert(QStringLiteral("placeholder"), field.placeholder);
    if (!field.model.isEmpty())
        body.insert(QStringLiteral("model"), field.model);
    if (takesOptions(field.dataType) && !field.picklistOptions.isEmpty())
        body.insert(QStringLiteral("textBoxListOptions"), optionsBody(field.picklistOptions));
    spec.body = allowedBody(body, L("create-custom-field"));
    return call<CustomFieldDefinition>("create-custom-field", spec, LocationEnvelopes::customField);
}

Call<CustomFieldDefinition> LocationApi::updateCustomField(
    const CustomFieldDefinition& before, const CustomFieldDefinition& after)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("id"), before.id);
    const L operation("update-custom-field");
    // `name` is the one property UpdateCustomFieldsDTO requires, so it goes even unchanged;
    // everything else only when it changed. The data type cannot change (the DTO has none).
    QJsonObject body {{QStringLiteral("name"), after.name}};
    putChanged(
        &body, operation, QStringLiteral("placeholder"), before.placeholder, after.placeholder);
    putChanged(&body, operation, QStringLiteral("model"), before.model, after.model);
    if (before.position != after.position)
        body.insert(QStringLiteral("position"), after.position);
    if (before.picklistOptions != after.picklistOptions && takesOptions(before.dataType))
        body.insert(QStringLiteral("textBoxListOptions"), optionsBody(after.picklistOptions));
    spec.body = allowedBody(body, operation);
    return call<CustomFieldDefinition>("update-custom-field", spec, LocationEnvelopes::customField);
}

Call<bool> LocationApi::deleteCustomField(const QString& id)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("id"), id);
    return call<bool>("delete-custom-field", spec, Envelopes::succeeded);
}

Call<QList<LocationTag>> LocationApi::tags(Priority priority)
{
    RequestSpec spec = locationPath();
    spec.priority = priority;
    return call<QList<LocationTag>>("get-location-tags", spec, LocationEnvelopes::tags);
}

Call<LocationTag> LocationApi::tag(const QString& id)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("tagId"), id);
    return call<LocationTag>("get-tag-by-id", spec, LocationEnvelopes::tag);
}

Call<LocationTag> LocationApi::createTag(const QString& name)
{
    RequestSpec spec = locationPath();
    spec.body = QJsonObject {{QStringLiteral("name"), name}};
    return call<LocationTag>("create-tag", spec, LocationEnvelopes::tag);
}

Call<LocationTag> LocationApi::renameTag(const QString& id, const QString& name)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("tagId"), id);
    spec.body = QJsonObject {{QStringLiteral("name"), name}};
    return call<LocationTag>("update-tag", spec, LocationEnvelopes::tag);
}

Call<bool> LocationApi::deleteTag(const QString& id)
{
    RequestSpec spec = locationPath();
    spec.path.insert(QStringLiteral("tagId"), id);
    return call<bool>("delete-tag", spec, Envelopes::succeeded);
}

Call<QList<User>> LocationApi::users(Priority priority)
{
    // search-users needs the company; a connection that does not know its company (a token
    // given on the command line) still has the location's list.
    if (m_client.config().companyId.isEmpty()) {
        RequestSpec spec;
        spec.priority = priority;
        spec.query = {{QStringLiteral("locationId"), m_client.locationId()}};
        return call<QList<User>>("get-user-by-location", spec, LocationEnvelopes::users);
    }
    auto deferred = std::make_shared<Deferred<QList<User>>>();
    ApiJob* first = userPageRequest(m_client, 0, m_userPageSize, priority, m_cause);
    readUserPages(m_client, deferred, first, 0, m_userPageSize, {});
    return Call<QList<User>>(first, deferred);
}

Call<User> LocationApi::user(const QString& id)
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("userId"), id);
    return call<User>("get-user", spec, LocationEnvelopes::user);
}

Call<QList<User>> LocationApi::usersOfLocation()
{
    RequestSpec spec;
    spec.query = {{QStringLiteral("locationId"), m_client.locationId()}};
    return call<QList<User>>("get-user-by-location", spec, LocationEnvelopes::users);
}

Call<QList<Calendar>> LocationApi::calendars(Priority priority)
{
    RequestSpec spec;
    spec.priority = priority;
    spec.query = {{QStringLiteral("locationId"), m_client.locationId()}};
    return call<QList<Calendar>>("get-calendars", spec, LocationEnvelopes::calendars);
}

Call<Calendar> LocationApi::calendar(const QString& id)
{
    RequestSpec spec;
    spec.path.insert(QStringLiteral("calendarId"), id);
    return call<Calendar>("get-calendar", spec, LocationEnvelopes::calendar);
}

} // namespace ContactDesk::Api
