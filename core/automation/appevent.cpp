#include "automation/appevent.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <memory>

// The schemas are resources of this static library; the consumers' startup registers them.
static void initAutomationResources()
{
    Q_INIT_RESOURCE(automation_schemas);
}

namespace ContactDesk::Automation {

namespace {

using L = QLatin1StringView;

QString tr(const char* text)
{
    return QCoreApplication::translate("AppEvent", text);
}

struct CompiledSchema
{
    QJsonObject document; // for the messages: the expected types, descriptions
    valijson::Schema schema;
};

// Parsed once: a schema of the project that fails to load is a build defect, not bad input.
const QHash<QString, std::shared_ptr<CompiledSchema>>& schemas()
{
    static const QHash<QString, std::shared_ptr<CompiledSchema>> compiled = [] {
        initAutomationResources();
        QHash<QString, std::shared_ptr<CompiledSchema>> all;
        for (const QString& type : appEventTypes()) {
            QFile file(QStringLiteral(":/contactdesk/automation/schemas/%1.schema.json").arg(type));
            if (!file.open(QIODevice::ReadOnly))
                qFatal("the schema of %s is missing from the resources", qPrintable(type));
            auto entry = std::make_shared<CompiledSchema>();
            entry->document = QJsonDocument::fromJson(file.readAll()).object();
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
            parser.populateSchema(
                valijson::adapters::QtJsonAdapter(QJsonValue(entry->document)), entry->schema);
            all.insert(type, entry);
        }
        return all;
    }();
    return compiled;
}

// valijson's context ("<root>", "[email]", "[0]") as a path into the event ("data.email").
QString contextPath(const std::vector<std::string>& context, QStringList* keys)
{
    QString path = QStringLiteral("data");
    for (std::size_t i = 1; i < context.size(); ++i) {
        QString part = QString::fromStdString(context[i]);
        if (part.startsWith(u'[') && part.endsWith(u']'))
            part = part.mid(1, part.size() - 2);
        bool index = false;
        part.toInt(&index);
        path += index ? u'[' + part + u']' : u'.' + part;
        keys->append(part);
    }
    return path;
}

// The schema node that `keys` (property names, indexes) lead to.
QJsonObject schemaNode(const QJsonObject& root, const QStringList& keys)
{
    QJsonObject node = root;
    for (const QString& key : keys) {
        const QJsonObject properties = node.value(L("properties")).toObject();
        if (properties.contains(key))
            node = properties.value(key).toObject();
        else if (node.value(L("items")).isObject())
            node = node.value(L("items")).toObject();
        else
            return {};
    }
    return node;
}

QString expectedTypes(const QJsonObject& node)
{
    const QJsonValue type = node.value(L("type"));
    if (type.isString())
        return type.toString();
    QStringList names;
    for (const QJsonValue& name : type.toArray())
        names.append(name.toString());
    return names.join(QStringLiteral(" or "));
}

// The first (innermost) problem valijson found, in the user's terms; a failed alternative
// ("an email or a phone") is told by the schema's own x-message rather than by its branches.
QString describe(const CompiledSchema& compiled, valijson::ValidationResults& results)
{
    std::vector<valijson::ValidationResults::Error> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error))
        errors.push_back(error);
    if (errors.empty())
        return tr("data does not match its schema");
    for (const auto& candidate : errors) {
        QStringList keys;
        const QString path = contextPath(candidate.context, &keys);
        const QJsonObject node = schemaNode(compiled.document, keys);
        if (QString::fromStdString(candidate.description).contains(L("anyOf"))
            && node.contains(L("x-message")))
            return tr("%1: %2").arg(path, node.value(L("x-message")).toString());
    }
    const auto& first = errors.front();
    QStringList keys;
    const QString path = contextPath(first.context, &keys);
    const QJsonObject node = schemaNode(compiled.document, keys);
    const QString description = QString::fromStdString(first.description);
    if (description.startsWith(L("Value type not permitted")))
        return tr("%1: expected %2").arg(path, expectedTypes(node));
    if (description.startsWith(L("Missing required property"))) {
        const qsizetype open = description.indexOf(u'\'');
        const QString name = description.mid(open + 1, description.lastIndexOf(u'\'') - open - 1);
        return tr("%1.%2: required").arg(path, name);
    }
    if (description.startsWith(L("Failed to match regex")))
        return tr("%1: expected %2").arg(path, node.value(L("description")).toString());
    if (description.startsWith(L("String should be no fewer")))
        return tr("%1: must not be empty").arg(path);
    return tr("%1: %2").arg(path, description);
}

QString idText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace

QStringList appEventTypes()
{
    return {QStringLiteral("user.signed_up"), QStringLiteral("user.updated"),
        QStringLiteral("user.deleted"), QStringLiteral("task.created"),
        QStringLiteral("task.completed"), QStringLiteral("note.created")};
}

std::optional<AppEvent> parseAppEvent(const QByteArray& body, const QString& webhookId,
    qint64 timestampSecs, const QString& source, QString* reason)
{
    const auto fail = [reason](const QString& message) -> std::optional<AppEvent> {
        if (reason)
            *reason = message;
        return std::nullopt;
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(
            tr("malformed JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return fail(tr("the event must be a JSON object {\"type\": ..., \"data\": {...}}"));
    const QJsonObject root = document.object();
    const QJsonValue type = root.value(L("type"));
    if (!type.isString() || type.toString().isEmpty())
        return fail(tr("type: expected a string such as \"user.signed_up\""));
    const auto schema = schemas().constFind(type.toString());
    if (schema == schemas().constEnd())
        return fail(tr("unknown event type '%1'").arg(type.toString()));
    const QJsonValue data = root.value(L("data"));
    if (!data.isObject())
        return fail(tr("data: expected object"));

    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    if (!validator.validate((*schema)->schema, valijson::adapters::QtJsonAdapter(data), &results))
        return fail(describe(**schema, results));

    AppEvent event;
    event.webhookId = webhookId;
    event.type = type.toString();
    event.data = data.toObject();
    event.userId = idText(event.type.startsWith(L("user.")) ? event.data.value(L("id"))
                                                            : event.data.value(L("userId")));
    event.timestampSecs = timestampSecs;
    event.source = source;
    return event;
}

QByteArray appEventBody(const QString& type, const QJsonObject& data)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("type"), type}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

} // namespace ContactDesk::Automation
