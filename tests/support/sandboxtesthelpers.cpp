#include "sandboxtesthelpers.h"

#include <QJsonDocument>

namespace ContactDesk::Testing {

QJsonValue jsonValue(const QByteArray& text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (!document.isArray() || document.array().size() != 1)
        qFatal("bad JSON in the test itself: %s in %s", qPrintable(error.errorString()),
            text.constData());
    return document.array().first();
}

QJsonObject json(const QByteArray& text)
{
    const QJsonValue value = jsonValue(text);
    if (!value.isObject())
        qFatal("not a JSON object in the test itself: %s", text.constData());
    return value.toObject();
}

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

QStringList idsOf(const QJsonArray& contacts)
{
    QStringList ids;
    for (const QJsonValue& contact : contacts)
        ids.append(contact.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

QStringList listOrder(SandboxFixture& fx)
{
    QStringList ids;
    for (const auto& entry : fx.data().contactOrder(fx.locationId()))
        ids.append(entry.second);
    return ids;
}

QStringList messages(const HttpResult& result)
{
    const QJsonValue message = result.object().value(QStringLiteral("message"));
    return message.isString() ? QStringList {message.toString()} : strings(message);
}

QString messageText(const HttpResult& result)
{
    return messages(result).join(u'\n');
}

QJsonObject postContact(SandboxFixture& fx, QJsonObject fields)
{
    fields.insert(QStringLiteral("locationId"), fx.locationId());
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/"), fields);
    if (result.status != 201)
        qWarning() << "create contact answered" << result.status << result.body;
    return result.object().value(QStringLiteral("contact")).toObject();
}

QJsonValue withStringCustomValues(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(withStringCustomValues(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out = value.toObject();
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (it.key() != QLatin1StringView("customFields")) {
            it.value() = withStringCustomValues(it.value());
            continue;
        }
        QJsonArray fields;
        for (const QJsonValue& field : it.value().toArray()) {
            QJsonObject entry = field.toObject();
            const QJsonValue v = entry.value(QStringLiteral("value"));
            if (!v.isString() && !v.isUndefined()) {
                const QByteArray text
                    = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
                entry.insert(QStringLiteral("value"), QString::fromUtf8(text));
            }
            fields.append(entry);
        }
        it.value() = fields;
    }
    return out;
}

QString specProblems(
    const SpecValidator& spec, const char* operationId, int status, const QJsonValue& body)
{
    if (!spec.available()) {
        qInfo("%s", qPrintable(spec.unavailableReason()));
        return {};
    }
    return spec.validate(str(operationId), status, withStringCustomValues(body));
}

} // namespace ContactDesk::Testing
