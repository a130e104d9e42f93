#include "sandboxfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <stdexcept>

namespace ContactDesk::Testing {

namespace {

const QString mainDocument = QStringLiteral("contacts.openapi.json");
// The location lists' operations come from these, beside the Contacts spec.
const QStringList otherDocuments {QStringLiteral("locations.openapi.json"),
    QStringLiteral("users.openapi.json"), QStringLiteral("calendars.openapi.json")};

// OpenAPI 3.0 keywords that are not JSON Schema; `nullable` is turned into a type union
// before these are dropped.
bool isOpenApiOnly(const QString& keyword)
{
    static const QStringList keywords {
        QStringLiteral("nullable"),
        QStringLiteral("example"),
        QStringLiteral("readOnly"),
        QStringLiteral("writeOnly"),
        QStringLiteral("deprecated"),
        QStringLiteral("xml"),
        QStringLiteral("externalDocs"),
        QStringLiteral("discriminator"),
    };
    return keywords.contains(keyword);
}

// Keywords whose value is one schema, an array of schemas, or a map of name to schema.
enum class Holds
{
    Nothing,
    Schema,
    SchemaList,
    SchemaMap,
};

Holds holds(const QString& keyword)
{
    if (keyword == QLatin1StringView("items"))
        return Holds::Schema; // or a list of schemas; told apart by the value
    if (keyword == QLatin1StringView("additionalProperties")
        || keyword == QLatin1StringView("additionalItems") || keyword == QLatin1StringView("not"))
        return Holds::Schema;
    if (keyword == QLatin1StringView("allOf") || keyword == QLatin1StringView("anyOf")
        || keyword == QLatin1StringView("oneOf"))
        return Holds::SchemaList;
    if (keyword == QLatin1StringView("properties")
        || keyword == QLatin1StringView("patternProperties"))
        return Holds::SchemaMap;
    return Holds::Nothing;
}

// RFC 6901: `~1` is `/`, `~0` is `~`; refs in the spec may also be percent-encoded.
QJsonValue resolvePointer(const QJsonObject& document, const QString& pointer)
{
    QJsonValue node = document;
    const QStringList tokens = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString token : tokens) {
        token = QUrl::fromPercentEncoding(token.toUtf8());
        token.replace(QLatin1StringView("~1"), QLatin1StringView("/"));
        token.replace(QLatin1StringView("~0"), QLatin1StringView("~"));
        if (node.isObject()) {
            node = node.toObject().value(token);
        } else if (node.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok)
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
        if (node.isUndefined())
            return node;
    }
    return node;
}

// Replaces the value at `path` (object keys only) inside `node`; false when the path is absent.
bool replaceAt(QJsonObject& node, QStringList path, const QJsonValue& value)
{
    const QString key = path.takeFirst();
    if (!node.contains(key))
        return false;
    if (path.isEmpty()) {
        node.insert(key, value);
        return true;
    }
    QJsonObject child = node.value(key).toObject();
    if (!replaceAt(child, path, value))
        return false;
    node.insert(key, child);
    return true;
}

// Response schemas the official spec gets wrong, corrected from the API contract so a faithful
// response is not reported as a violation. A custom field's `value` on the read side is a
// string, number, array or object depending on the field type (contract §1.2); the spec types
// it as a string only.
void correctKnownSpecErrors(QJsonObject& spec)
{
    const QStringList customFieldValue {
        QStringLiteral("components"),
        QStringLiteral("schemas"),
        QStringLiteral("CustomFieldSchema"),
        QStringLiteral("properties"),
        QStringLiteral("value"),
    };
    const QJsonObject anyFieldValue {
        {QStringLiteral("type"),
            QJsonArray {QStringLiteral("string"), QStringLiteral("number"), QStringLiteral("array"),
                QStringLiteral("object")}},
    };
    replaceAt(spec, customFieldValue, anyFieldValue);
}

} // namespace

struct SpecValidator::Private
{
    QString specDir;
    QString reason;
    QHash<QString, QJsonObject> operations; // by operationId
    QHash<QString, QString> operationDocuments; // operationId -> the file that defines it

    void addOperations(const QString& documentName);

    // Mutable because documents load and schemas compile on first use, inside const validate().
    mutable QHash<QString, QJsonObject> documents; // by file name
    mutable QHash<QString, QString> documentErrors; // by file name
    mutable QHash<QString, std::shared_ptr<valijson::Schema>> schemas; // "<opId> <status>"
    mutable QHash<QString, QString> schemaErrors;

    const QJsonObject* document(const QString& name, QString* error) const;
    QJsonValue toJsonSchema(const QJsonValue& node, const QString& documentName,
        QStringList& refStack, QString* error) const;
    std::shared_ptr<valijson::Schema> schemaFor(
        const QString& operationId, int status, QString* error) const;
};

const QJsonObject* SpecValidator::Private::document(const QString& name, QString* error) const
{
    const auto found = documents.constFind(name);
    if (found != documents.cend())
        return &*found;
    if (const auto failed = documentErrors.constFind(name); failed != documentErrors.cend()) {
        *error = *failed;
        return nullptr;
    }
    const QString path = QDir(specDir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    } else {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            *error
                = QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString());
        } else {
            return &*documents.insert(name, doc.object());
        }
    }
    documentErrors.insert(name, *error);
    return nullptr;
}

// Inlines every $ref (so the result is one self-contained draft-4 schema) and turns OpenAPI's
// `nullable: true` into a type union with "null".
QJsonValue SpecValidator::Private::toJsonSchema(const QJsonValue& node, const QString& documentName,
    QStringList& refStack, QString* error) const
{
    if (!node.isObject())
        return node;
    const QJsonObject schema = node.toObject();

    if (const QJsonValue ref = schema.value(QLatin1StringView("$ref")); ref.isString()) {
        // OpenAPI 3.0 ignores the siblings of a $ref. Shared schemas sit in the spec directory
        // itself, whatever relative directory the upstream ref names.
        const QString text = ref.toString();
        const qsizetype hash = text.indexOf(QLatin1Char('#'));
        const QString file = hash < 0 ? text : text.left(hash);
        const QString fragment = hash < 0 ? QString() : text.mid(hash + 1);
        const QString targetDocument = file.isEmpty() ? documentName : QFileInfo(file).fileName();
        const QString key = targetDocument + QLatin1Char('#') + fragment;
        if (refStack.contains(key)) {
            *error = QStringLiteral("recursive $ref %1 cannot be inlined").arg(text);
            return {};
        }
        const QJsonObject* doc = document(targetDocument, error);
        if (!doc)
            return {};
        const QJsonValue target = resolvePointer(*doc, fragment);
        if (target.isUndefined()) {
            *error = QStringLiteral("unresolvable $ref %1 in %2").arg(text, documentName);
            return {};
        }
        refStack.append(key);
        const QJsonValue inlined = toJsonSchema(target, targetDocument, refStack, error);
        refStack.removeLast();
        return inlined;
    }

    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString keyword = it.key();
        if (isOpenApiOnly(keyword))
            continue;
        QJsonValue value = it.value();
        switch (holds(keyword)) {
        case Holds::Nothing:
            break;
        case Holds::Schema:
            if (value.isObject()) {
                value = toJsonSchema(value, documentName, refStack, error);
                break;
            }
            [[fallthrough]]; // `items` as a list of schemas
        case Holds::SchemaList:
            if (value.isArray()) {
                QJsonArray list;
                for (const QJsonValue& item : value.toArray())
                    list.append(toJsonSchema(item, documentName, refStack, error));
                value = list;
            }
            break;
        case Holds::SchemaMap:
            if (value.isObject()) {
                QJsonObject map;
                const QJsonObject in = value.toObject();
                for (auto member = in.begin(); member != in.end(); ++member)
                    map.insert(
                        member.key(), toJsonSchema(member.value(), documentName, refStack, error));
                value = map;
            }
            break;
        }
        if (!error->isEmpty())
            return {};
        out.insert(keyword, value);
    }

    if (schema.value(QLatin1StringView("nullable")).toBool()) {
        const QJsonValue null(QJsonValue::Null);
        const QJsonValue type = out.value(QLatin1StringView("type"));
        if (type.isString()) {
            out.insert(QLatin1StringView("type"), QJsonArray {type, QStringLiteral("null")});
        } else if (type.isArray()) {
            QJsonArray types = type.toArray();
            if (!types.contains(QStringLiteral("null")))
                types.append(QStringLiteral("null"));
            out.insert(QLatin1StringView("type"), types);
        }
        if (out.contains(QLatin1StringView("enum"))) {
            QJsonArray values = out.value(QLatin1StringView("enum")).toArray();
            if (!values.contains(null))
                values.append(null);
            out.insert(QLatin1StringView("enum"), values);
        }
    }
    return out;
}

std::shared_ptr<valijson::Schema> SpecValidator::Private::schemaFor(
    const QString& operationId, int status, QString* error) const
{
    const QString key = operationId + QLatin1Char(' ') + QString::number(status);
    if (const auto failed = schemaErrors.constFind(key); failed != schemaErrors.cend()) {
        *error = *failed;
        return nullptr;
    }
    if (const auto found = schemas.constFind(key); found != schemas.cend())
        return *found;

    const auto remember = [&](std::shared_ptr<valijson::Schema> schema) {
        if (error->isEmpty())
            schemas.insert(key, schema);
        else
            schemaErrors.insert(key, *error);
        return schema;
    };

    const auto operation = operations.constFind(operationId);
    if (operation == operations.cend()) {
        *error = QStringLiteral("operation %1 is not in the spec").arg(operationId);
        return remember(nullptr);
    }
    // Status 0 stands for the request body.
    const QJsonObject responses = operation->value(QLatin1StringView("responses")).toObject();
    const QJsonObject response = status == 0
        ? operation->value(QLatin1StringView("requestBody")).toObject()
        : responses.value(QString::number(status)).toObject();
    const QJsonValue rawSchema = response.value(QLatin1StringView("content"))
                                     .toObject()
                                     .value(QLatin1StringView("application/json"))
                                     .toObject()
                                     .value(QLatin1StringView("schema"));
    // The spec leaves some responses without a schema (or with `{}`): nothing to check.
    if (!rawSchema.isObject() || rawSchema.toObject().isEmpty())
        return remember(nullptr);

    QStringList refStack;
    const QJsonValue converted
        = toJsonSchema(rawSchema, operationDocuments.value(operationId), refStack, error);
    if (!error->isEmpty()) {
        *error = QStringLiteral("the spec's schema for %1 %2 is unusable: %3")
                     .arg(operationId, QString::number(status), *error);
        return remember(nullptr);
    }
    auto schema = std::make_shared<valijson::Schema>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
        parser.populateSchema(valijson::adapters::QtJsonAdapter(converted), *schema);
    } catch (const std::exception& e) {
        *error = QStringLiteral("the spec's schema for %1 %2 does not parse: %3")
                     .arg(operationId, QString::number(status), QString::fromStdString(e.what()));
        return remember(nullptr);
    }
    return remember(schema);
}

SpecValidator::SpecValidator()
    : d(std::make_unique<Private>())
{
    d->specDir = QStringLiteral(CONTACTDESK_SPEC_DIR);
    const QString path = QDir(d->specDir).filePath(mainDocument);
    if (!QFileInfo::exists(path)) {
        d->reason = QStringLiteral("official spec not found at %1: response schema checks skipped")
                        .arg(path);
        return;
    }
    QString error;
    if (!d->document(mainDocument, &error)) {
        d->reason = QStringLiteral("official spec unusable: %1").arg(error);
        return;
    }
    correctKnownSpecErrors(d->documents[mainDocument]);
    d->addOperations(mainDocument);
    for (const QString& name : otherDocuments) {
        if (d->document(name, &error))
            d->addOperations(name);
        else
            d->reason = QStringLiteral("official spec unusable: %1").arg(error);
    }
    if (d->operations.isEmpty())
        d->reason = QStringLiteral("official spec at %1 declares no operations").arg(path);
}

void SpecValidator::Private::addOperations(const QString& documentName)
{
    const QJsonObject paths
        = documents.value(documentName).value(QLatin1StringView("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto method = methods.begin(); method != methods.end(); ++method) {
            const QJsonObject operation = method.value().toObject();
            const QString id = operation.value(QLatin1StringView("operationId")).toString();
            if (!id.isEmpty() && !operations.contains(id)) {
                operations.insert(id, operation);
                operationDocuments.insert(id, documentName);
            }
        }
    }
}

SpecValidator::~SpecValidator() = default;

bool SpecValidator::available() const
{
    return d->reason.isEmpty();
}

QString SpecValidator::unavailableReason() const
{
    return d->reason;
}

QString SpecValidator::validateRequest(const QString& operationId, const QJsonValue& body) const
{
    return validate(operationId, 0, body);
}

QString SpecValidator::validate(
    const QString& operationId, int status, const QJsonValue& body) const
{
    if (!available())
        return {};
    QString error;
    const std::shared_ptr<valijson::Schema> schema = d->schemaFor(operationId, status, &error);
    if (!error.isEmpty())
        return error;
    if (!schema)
        return {};

    const QString what = operationId + QLatin1Char(' ') + QString::number(status);
    if (body.isUndefined())
        return QStringLiteral("%1: the body is not JSON").arg(what);

    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    if (validator.validate(*schema, valijson::adapters::QtJsonAdapter(body), &results))
        return {};

    QStringList lines;
    valijson::ValidationResults::Error failure;
    while (results.popError(failure)) {
        QString where;
        for (const std::string& part : failure.context)
            where += QString::fromStdString(part);
        lines.append(where + QLatin1StringView(": ") + QString::fromStdString(failure.description));
    }
    return QStringLiteral("%1 body does not match the spec:\n    %2")
        .arg(what, lines.join(QLatin1StringView("\n    ")));
}

} // namespace ContactDesk::Testing
