#include "api/models/jsonreader.h"

#include "api/endpointcatalog.h"
#include "api/models/wiretime.h"

#include <cmath>

namespace ContactDesk::Api {

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::nullopt_t failed(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString elementPath(const QString& path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

JsonReader::JsonReader(const QJsonObject& object, const QString& path)
    : m_object(object)
    , m_path(path)
{ }

bool JsonReader::finish(QString* error) const
{
    if (!ok() && error)
        *error = m_error;
    return ok();
}

bool JsonReader::has(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QString JsonReader::path(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

void JsonReader::fail(QLatin1StringView key, const QString& problem)
{
    failWith(path(key) + QStringLiteral(": ") + problem);
}

void JsonReader::failWith(const QString& error)
{
    if (ok())
        m_error = error;
}

QJsonValue JsonReader::value(QLatin1StringView key) const
{
    const QJsonValue v = m_object.value(key);
    return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
}

QJsonValue JsonReader::typed(QLatin1StringView key, QJsonValue::Type type, const char* expected)
{
    if (!ok())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.type() == type)
        return v;
    fail(key,
        QStringLiteral("expected %1, got %2").arg(QLatin1StringView(expected), jsonTypeName(v)));
    return QJsonValue(QJsonValue::Undefined);
}

QString JsonReader::string(QLatin1StringView key)
{
    return typed(key, QJsonValue::String, "a string").toString();
}

QString JsonReader::requiredString(QLatin1StringView key)
{
    const QString text = string(key);
    if (ok() && text.isEmpty())
        fail(key, has(key) ? QStringLiteral("empty") : QStringLiteral("missing"));
    return text;
}

bool JsonReader::boolean(QLatin1StringView key, bool absent)
{
    const QJsonValue v = typed(key, QJsonValue::Bool, "a boolean");
    return v.isBool() ? v.toBool() : absent;
}

std::optional<bool> JsonReader::requiredBoolean(QLatin1StringView key)
{
    const QJsonValue v = typed(key, QJsonValue::Bool, "a boolean");
    if (v.isBool())
        return v.toBool();
    if (ok())
        fail(key, QStringLiteral("missing"));
    return std::nullopt;
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key)
{
    const QJsonValue v = typed(key, QJsonValue::Double, "a number");
    if (!v.isDouble())
        return std::nullopt;
    const double number = v.toDouble();
    // Beyond 2^53 a double no longer holds every whole number; no count gets there.
    constexpr double limit = 9007199254740992.0;
    if (!std::isfinite(number) || std::trunc(number) != number || std::abs(number) > limit) {
        fail(key, QStringLiteral("expected a whole number"));
        return std::nullopt;
    }
    return qint64(number);
}

QStringList JsonReader::stringList(QLatin1StringView key)
{
    const QJsonValue v = typed(key, QJsonValue::Array, "an array of strings");
    if (!v.isArray())
        return {};
    QString error;
    const auto list = readStringArray(v, path(key), &error);
    if (!list) {
        failWith(error);
        return {};
    }
    return *list;
}

QJsonObject JsonReader::object(QLatin1StringView key)
{
    return typed(key, QJsonValue::Object, "an object").toObject();
}

QJsonArray JsonReader::array(QLatin1StringView key)
{
    return typed(key, QJsonValue::Array, "an array").toArray();
}

QJsonArray JsonReader::requiredArray(QLatin1StringView key)
{
    const QJsonValue v = typed(key, QJsonValue::Array, "an array");
    if (ok() && !v.isArray())
        fail(key, QStringLiteral("missing"));
    return v.toArray();
}

QDateTime JsonReader::utcTime(QLatin1StringView key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const auto time = parseUtcTime(text);
    if (!time) {
        fail(key, QStringLiteral("not an ISO-8601 timestamp"));
        return {};
    }
    return *time;
}

QDateTime JsonReader::offsetTime(QLatin1StringView key, const QTimeZone& zoneless)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const auto time = parseWireTime(text, zoneless);
    if (!time) {
        fail(key, QStringLiteral("not a timestamp (ISO-8601 or YYYY-MM-DD HH:mm:ss)"));
        return {};
    }
    return time->time;
}

QDate JsonReader::date(QLatin1StringView key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const auto date = parseWireDate(text);
    if (!date) {
        fail(key, QStringLiteral("not a date"));
        return {};
    }
    return *date;
}

std::optional<QStringList> readStringArray(
    const QJsonValue& value, const QString& path, QString* error)
{
    if (!value.isArray()) {
        return failed(error,
            QStringLiteral("%1: expected an array of strings, got %2")
                .arg(path, jsonTypeName(value)));
    }
    const QJsonArray array = value.toArray();
    QStringList list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            return failed(error,
                QStringLiteral("%1: expected a string, got %2")
                    .arg(elementPath(path, i), jsonTypeName(item)));
        }
        list.append(item.toString());
    }
    return list;
}

QJsonObject unknownKeys(QJsonObject object, std::initializer_list<QLatin1StringView> known)
{
    for (const QLatin1StringView key : known)
        object.remove(key);
    return object;
}

QJsonObject allowedBody(const QJsonObject& body, QLatin1StringView operationId)
{
    const Endpoint* endpoint = findEndpoint(QString(operationId));
    Q_ASSERT(endpoint);
    QJsonObject allowed;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (endpoint && endpoint->field(it.key()))
            allowed.insert(it.key(), it.value());
    }
    return allowed;
}

QJsonValue clearedValue(QLatin1StringView operationId, QStringView field)
{
    const Endpoint* endpoint = findEndpoint(QString(operationId));
    const BodyField* dto = endpoint ? endpoint->field(field) : nullptr;
    return dto && dto->nullable ? QJsonValue(QJsonValue::Null) : QJsonValue(QString());
}

void putChanged(QJsonObject* body, QLatin1StringView operationId, const QString& key,
    const QJsonValue& before, const QJsonValue& after)
{
    if (before == after)
        return;
    const bool cleared
        = after.isUndefined() || after.isNull() || (after.isString() && after.toString().isEmpty());
    body->insert(key, cleared ? clearedValue(operationId, key) : after);
}

void putIf(QJsonObject* json, QLatin1StringView key, bool present, const QJsonValue& value)
{
    if (present)
        json->insert(key, value);
    else
        json->remove(key);
}

} // namespace ContactDesk::Api
