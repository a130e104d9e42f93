#include "api/models/locationlists.h"

#include "api/models/jsonreader.h"

#include <QJsonArray>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

QJsonObject without(QJsonObject json, std::initializer_list<L> keys)
{
    for (L key : keys)
        json.remove(key);
    return json;
}

void putText(QJsonObject* json, L key, const QString& value)
{
    if (!value.isEmpty())
        json->insert(key, value);
}

template <typename T>
const T* findById(const QList<T>& list, const QString& id)
{
    for (const T& item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

std::optional<CustomFieldDefinition> CustomFieldDefinition::fromJson(
    const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    CustomFieldDefinition field;
    field.id = r.requiredString(L("id"));
    field.name = r.string(L("name"));
    field.fieldKey = r.string(L("fieldKey"));
    field.dataType = r.string(L("dataType"));
    field.placeholder = r.string(L("placeholder"));
    field.model = r.string(L("model"));
    if (r.has(L("position"))) {
        const QJsonValue position = r.value(L("position"));
        if (!position.isDouble())
            r.fail(
                L("position"), QStringLiteral("is %1, not a number").arg(jsonTypeName(position)));
        field.position = position.toInt();
    }
    field.picklistOptions = r.stringList(L("picklistOptions"));
    if (!r.finish(error))
        return std::nullopt;
    field.extra = without(json,
        {L("id"), L("name"), L("fieldKey"), L("dataType"), L("placeholder"), L("model"),
            L("position"), L("picklistOptions")});
    return field;
}

QJsonObject CustomFieldDefinition::toJson() const
{
    QJsonObject json = extra;
    json.insert(L("id"), id);
    putText(&json, L("name"), name);
    putText(&json, L("fieldKey"), fieldKey);
    putText(&json, L("dataType"), dataType);
    putText(&json, L("placeholder"), placeholder);
    putText(&json, L("model"), model);
    json.insert(L("position"), position);
    if (!picklistOptions.isEmpty())
        json.insert(L("picklistOptions"), QJsonArray::fromStringList(picklistOptions));
    return json;
}

std::optional<LocationTag> LocationTag::fromJson(
    const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    LocationTag tag;
    tag.id = r.requiredString(L("id"));
    tag.name = r.string(L("name"));
    tag.locationId = r.string(L("locationId"));
    if (!r.finish(error))
        return std::nullopt;
    return tag;
}

QJsonObject LocationTag::toJson() const
{
    QJsonObject json {{L("id"), id}, {L("name"), name}};
    putText(&json, L("locationId"), locationId);
    return json;
}

std::optional<User> User::fromJson(const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    User user;
    user.id = r.requiredString(L("id"));
    user.name = r.string(L("name"));
    user.firstName = r.string(L("firstName"));
    user.lastName = r.string(L("lastName"));
    user.email = r.string(L("email"));
    user.phone = r.string(L("phone"));
    if (!r.finish(error))
        return std::nullopt;
    user.extra = without(
        json, {L("id"), L("name"), L("firstName"), L("lastName"), L("email"), L("phone")});
    return user;
}

QJsonObject User::toJson() const
{
    QJsonObject json = extra;
    json.insert(L("id"), id);
    putText(&json, L("name"), name);
    putText(&json, L("firstName"), firstName);
    putText(&json, L("lastName"), lastName);
    putText(&json, L("email"), email);
    putText(&json, L("phone"), phone);
    return json;
}

QString User::displayName() const
{
    const QString full = QStringList {firstName, lastName}.join(u' ').trimmed();
    if (!full.isEmpty())
        return full;
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    return email.isEmpty() ? id : email;
}

std::optional<Calendar> Calendar::fromJson(
    const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    Calendar calendar;
    calendar.id = r.requiredString(L("id"));
    calendar.name = r.string(L("name"));
    calendar.locationId = r.string(L("locationId"));
    calendar.description = r.string(L("description"));
    calendar.isActive = r.boolean(L("isActive"), true);
    if (!r.finish(error))
        return std::nullopt;
    calendar.extra
        = without(json, {L("id"), L("name"), L("locationId"), L("description"), L("isActive")});
    return calendar;
}

QJsonObject Calendar::toJson() const
{
    QJsonObject json = extra;
    json.insert(L("id"), id);
    putText(&json, L("name"), name);
    putText(&json, L("locationId"), locationId);
    putText(&json, L("description"), description);
    json.insert(L("isActive"), isActive);
    return json;
}

const CustomFieldDefinition* LocationLists::customField(const QString& idOrKey) const
{
    for (const CustomFieldDefinition& field : customFields) {
        if (field.id == idOrKey || field.fieldKey == idOrKey)
            return &field;
    }
    return nullptr;
}

const User* LocationLists::user(const QString& id) const
{
    return findById(users, id);
}

const Calendar* LocationLists::calendar(const QString& id) const
{
    return findById(calendars, id);
}

QString LocationLists::userName(const QString& id) const
{
    const User* found = user(id);
    return found ? found->displayName() : id;
}

QString LocationLists::calendarName(const QString& id) const
{
    const Calendar* found = calendar(id);
    return found && !found->name.isEmpty() ? found->name : id;
}

} // namespace ContactDesk::Api
