#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringList>
#include <QTimeZone>

#include <cstddef>
#include <initializer_list>
#include <optional>

namespace ContactDesk::Api {

// How decoder errors name a JSON value's type: "a string", "an array", "null", ...
QString jsonTypeName(const QJsonValue& value);

// Stores `message` in *error when error is not null; always returns std::nullopt so decoders can
// `return failed(error, ...)`.
std::nullopt_t failed(QString* error, const QString& message);

// Reads typed fields out of one JSON object for a decoder. Absent and null both mean "not
// sent"; a present value of the wrong type is an error naming the field by its path
// ("contacts[3].tags[2]"). The first error is kept and later reads return empty values, so a
// decoder reads straight through and checks the result once. Errors name types, never values:
// they reach logs, and values are contact data.
class JsonReader
{
public:
    JsonReader(const QJsonObject& object, const QString& path);

    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    // Copies the error to *error (when there is one and error is not null); returns ok().
    bool finish(QString* error) const;

    // Present and not null.
    bool has(QLatin1StringView key) const;
    QString path(QLatin1StringView key) const;
    void fail(QLatin1StringView key, const QString& problem);
    // An error a nested decoder produced; it already names its path.
    void failWith(const QString& error);

    QString string(QLatin1StringView key);
    QString requiredString(QLatin1StringView key);
    bool boolean(QLatin1StringView key, bool absent = false);
    std::optional<bool> requiredBoolean(QLatin1StringView key);
    // A whole number of JSON; absent gives std::nullopt without an error.
    std::optional<qint64> integer(QLatin1StringView key);
    QStringList stringList(QLatin1StringView key);
    QJsonObject object(QLatin1StringView key);
    QJsonArray array(QLatin1StringView key);
    // A required array: missing, null or another type is an error.
    QJsonArray requiredArray(QLatin1StringView key);
    // Any JSON value; absent and null give an undefined value.
    QJsonValue value(QLatin1StringView key) const;
    // A timestamp in UTC (zone-less texts are UTC); absent gives an invalid QDateTime.
    QDateTime utcTime(QLatin1StringView key);
    // A timestamp kept in its written offset; zone-less texts are read in `zoneless`.
    QDateTime offsetTime(QLatin1StringView key, const QTimeZone& zoneless);
    QDate date(QLatin1StringView key);

private:
    QJsonValue typed(QLatin1StringView key, QJsonValue::Type type, const char* expected);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

// `path` + "[index]", the way errors name an array element.
QString elementPath(const QString& path, qsizetype index);

// A JSON array of strings read strictly: another element type is an error naming its index.
std::optional<QStringList> readStringArray(
    const QJsonValue& value, const QString& path, QString* error);

// The keys of `object` that `known` does not list: what a model keeps in `extra`.
QJsonObject unknownKeys(QJsonObject object, std::initializer_list<QLatin1StringView> known);

// `body` with only the properties that operation `operationId` takes (endpoint catalog).
QJsonObject allowedBody(const QJsonObject& body, QLatin1StringView operationId);

// The value an update body sends to clear `field` of `operationId`: null where the DTO marks the
// field nullable, "" otherwise.
QJsonValue clearedValue(QLatin1StringView operationId, QStringView field);

// In an update body: `key` with `after`'s value when it differs from `before`'s. Strings that
// became empty are sent as clearedValue().
void putChanged(QJsonObject* body, QLatin1StringView operationId, const QString& key,
    const QJsonValue& before, const QJsonValue& after);

// In a model's toJson(): `key` with `value` when `present`; otherwise no `key` at all, not even
// one kept in `extra`.
void putIf(QJsonObject* json, QLatin1StringView key, bool present, const QJsonValue& value);

// A plain string field of a model. Each model lists its own in a table that its decoder, its
// toJson() and its `extra` all go by.
template <typename Model>
struct TextField
{
    QLatin1StringView key;
    QString Model::*member;
};

// Reads `fields` into `model` in table order; only the id is required.
template <typename Model, std::size_t N>
void readTextFields(JsonReader& r, Model* model, const TextField<Model> (&fields)[N])
{
    for (const TextField<Model>& field : fields) {
        model->*field.member
            = field.member == &Model::id ? r.requiredString(field.key) : r.string(field.key);
    }
}

// Puts `fields` of `model` into `json`; empty ones are left out.
template <typename Model, std::size_t N>
void writeTextFields(QJsonObject* json, const Model& model, const TextField<Model> (&fields)[N])
{
    for (const TextField<Model>& field : fields)
        putIf(json, field.key, !(model.*field.member).isEmpty(), model.*field.member);
}

// `object` without the keys of `fields`: what a model keeps in `extra`, before its other keys go.
template <typename Model, std::size_t N>
QJsonObject withoutTextFields(QJsonObject object, const TextField<Model> (&fields)[N])
{
    for (const TextField<Model>& field : fields)
        object.remove(field.key);
    return object;
}

// Every element of the (required) array under `key` of a response body through
// `decode(object, error, path)`; an element that is not an object fails with its path.
template <typename T, typename Decode>
std::optional<QList<T>> decodeList(
    const QJsonObject& body, QLatin1StringView key, QString* error, Decode decode)
{
    JsonReader r(body, {});
    const QJsonArray items = r.requiredArray(key);
    if (!r.finish(error))
        return std::nullopt;
    QList<T> result;
    result.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = elementPath(QString(key), i);
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            return failed(error,
                QStringLiteral("%1: expected an object, got %2").arg(path, jsonTypeName(item)));
        }
        auto decoded = decode(item.toObject(), error, path);
        if (!decoded)
            return std::nullopt;
        result.append(std::move(*decoded));
    }
    return result;
}

} // namespace ContactDesk::Api
