#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

// One custom-field value of a contact. The API reads and writes them in different shapes:
// responses carry {id, value}, request bodies take {id | key, field_value}. `value` is a string,
// a number, an array of strings or a file object, by the field's type.
struct CustomFieldValue
{
    QString id;
    QString key; // the field key ("my_custom_field"), for writing when the id is not known
    QJsonValue value;

    // Reads the response shape {id, value}. `path` names the item in errors.
    static std::optional<CustomFieldValue> fromJson(
        const QJsonObject& json, const QString& path, QString* error);
    // The response shape, for caching.
    QJsonObject toJson() const;
    // The request shape: {id, field_value}, or {key, field_value} without an id.
    QJsonObject toInput() const;

    bool operator==(const CustomFieldValue& other) const = default;
};

namespace CustomFields {

// A `customFields` array of the response shape; another shape is an error naming its item.
std::optional<QList<CustomFieldValue>> fromJson(
    const QJsonValue& json, const QString& path, QString* error);
QJsonArray toJson(const QList<CustomFieldValue>& values);
QJsonArray toInputs(const QList<CustomFieldValue>& values);

// The inputs that turn `before` into `after`: every new or changed value, and a blank value
// (which the API takes as "remove") for every field `after` no longer has. Fields match by id,
// or by key when they have no id.
QJsonArray changes(const QList<CustomFieldValue>& before, const QList<CustomFieldValue>& after);

} // namespace CustomFields

} // namespace ContactDesk::Api
