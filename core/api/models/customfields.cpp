#include "api/models/customfields.h"

#include "api/models/jsonreader.h"

#include <algorithm>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

bool sameField(const CustomFieldValue& a, const CustomFieldValue& b)
{
    return a.id.isEmpty() && b.id.isEmpty() ? a.key == b.key : a.id == b.id;
}

} // namespace

std::optional<CustomFieldValue> CustomFieldValue::fromJson(
    const QJsonObject& json, const QString& path, QString* error)
{
    JsonReader r(json, path);
    CustomFieldValue field;
    field.id = r.string(L("id"));
    field.key = r.string(L("key"));
    if (r.ok() && field.id.isEmpty() && field.key.isEmpty())
        r.fail(L("id"), QStringLiteral("missing"));
    const QJsonValue value = json.value(L("value"));
    field.value = value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
    if (!r.finish(error))
        return std::nullopt;
    return field;
}

QJsonObject CustomFieldValue::toJson() const
{
    QJsonObject json {{QStringLiteral("value"), value}};
    if (!id.isEmpty())
        json.insert(QStringLiteral("id"), id);
    if (!key.isEmpty())
        json.insert(QStringLiteral("key"), key);
    return json;
}

QJsonObject CustomFieldValue::toInput() const
{
    QJsonObject json {{QStringLiteral("field_value"), value}};
    if (!id.isEmpty())
        json.insert(QStringLiteral("id"), id);
    else
        json.insert(QStringLiteral("key"), key);
    return json;
}

namespace CustomFields {

std::optional<QList<CustomFieldValue>> fromJson(
    const QJsonValue& json, const QString& path, QString* error)
{
    if (!json.isArray()) {
        return failed(
            error, QStringLiteral("%1: expected an array, got %2").arg(path, jsonTypeName(json)));
    }
    const QJsonArray items = json.toArray();
    QList<CustomFieldValue> values;
    values.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = elementPath(path, i);
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            return failed(error,
                QStringLiteral("%1: expected an object, got %2").arg(itemPath, jsonTypeName(item)));
        }
        const auto value = CustomFieldValue::fromJson(item.toObject(), itemPath, error);
        if (!value)
            return std::nullopt;
        // A field holds one value: a later entry for the same field replaces an earlier one,
        // so a contact never carries two values that a diff would tell apart.
        const auto same = std::find_if(values.begin(), values.end(),
            [&value](const CustomFieldValue& v) { return sameField(v, *value); });
        if (same != values.end())
            *same = *value;
        else
            values.append(*value);
    }
    return values;
}

QJsonArray toJson(const QList<CustomFieldValue>& values)
{
    QJsonArray array;
    for (const CustomFieldValue& value : values)
        array.append(value.toJson());
    return array;
}

QJsonArray toInputs(const QList<CustomFieldValue>& values)
{
    QJsonArray array;
    for (const CustomFieldValue& value : values)
        array.append(value.toInput());
    return array;
}

QJsonArray changes(const QList<CustomFieldValue>& before, const QList<CustomFieldValue>& after)
{
    QJsonArray inputs;
    for (const CustomFieldValue& now : after) {
        const auto old = std::find_if(before.begin(), before.end(),
            [&now](const CustomFieldValue& b) { return sameField(b, now); });
        if (old == before.end() || old->value != now.value)
            inputs.append(now.toInput());
    }
    for (const CustomFieldValue& old : before) {
        const bool kept = std::any_of(after.begin(), after.end(),
            [&old](const CustomFieldValue& a) { return sameField(old, a); });
        if (!kept) {
            CustomFieldValue removed = old;
            removed.value = QString();
            inputs.append(removed.toInput());
        }
    }
    return inputs;
}

} // namespace CustomFields

} // namespace ContactDesk::Api
