#include "api/models/locationenvelopes.h"

#include "api/models/jsonreader.h"

#include <algorithm>
#include <climits>

namespace ContactDesk::Api::LocationEnvelopes {

namespace {

using L = QLatin1StringView;

// Every element of the array under `key`, each through T::fromJson with its path.
template <typename T>
std::optional<QList<T>> list(const QJsonObject& body, L key, QString* error)
{
    return decodeList<T>(
        body, key, error, [](const QJsonObject& item, QString* e, const QString& path) {
            return T::fromJson(item, e, path);
        });
}

// The object under `key`, which must be there, through T::fromJson.
template <typename T>
std::optional<T> member(const QJsonObject& body, L key, QString* error)
{
    JsonReader r(body, {});
    const QJsonObject object = r.object(key);
    if (r.ok() && !r.has(key))
        r.fail(key, QStringLiteral("missing"));
    if (!r.finish(error))
        return std::nullopt;
    return T::fromJson(object, error, QString(key));
}

} // namespace

std::optional<QList<CustomFieldDefinition>> customFields(const QJsonObject& body, QString* error)
{
    std::optional<QList<CustomFieldDefinition>> fields
        = list<CustomFieldDefinition>(body, L("customFields"), error);
    if (fields) {
        std::stable_sort(fields->begin(), fields->end(),
            [](const CustomFieldDefinition& a, const CustomFieldDefinition& b) {
                return a.position < b.position;
            });
    }
    return fields;
}

std::optional<CustomFieldDefinition> customField(const QJsonObject& body, QString* error)
{
    return member<CustomFieldDefinition>(body, L("customField"), error);
}

std::optional<QList<LocationTag>> tags(const QJsonObject& body, QString* error)
{
    return list<LocationTag>(body, L("tags"), error);
}

std::optional<LocationTag> tag(const QJsonObject& body, QString* error)
{
    return member<LocationTag>(body, L("tag"), error);
}

std::optional<UserPage> userPage(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const std::optional<qint64> count = r.integer(L("count"));
    if (r.ok() && count && (*count < 0 || *count > INT_MAX))
        r.fail(L("count"), QStringLiteral("expected a count"));
    if (!r.finish(error))
        return std::nullopt;
    std::optional<QList<User>> users = list<User>(body, L("users"), error);
    if (!users)
        return std::nullopt;
    return UserPage {std::move(*users), count ? int(*count) : -1};
}

std::optional<QList<User>> users(const QJsonObject& body, QString* error)
{
    return list<User>(body, L("users"), error);
}

std::optional<User> user(const QJsonObject& body, QString* error)
{
    return User::fromJson(body, error);
}

std::optional<QList<Calendar>> calendars(const QJsonObject& body, QString* error)
{
    return list<Calendar>(body, L("calendars"), error);
}

std::optional<Calendar> calendar(const QJsonObject& body, QString* error)
{
    return member<Calendar>(body, L("calendar"), error);
}

} // namespace ContactDesk::Api::LocationEnvelopes
