#include "api/endpointcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace ContactDesk::Api;

namespace {

// The official spec does not give these DTO fields the type the live API takes. The catalog
// follows the API contract (docs/ghl-api-contract.md §1.2): the spec types `dateOfBirth` as a
// nullable object, yet its own description and example are date strings.
const QHash<QString, FieldType> typeExceptions {
    {QStringLiteral("dateOfBirth"), FieldType::String},
};

// The spec leaves SearchBodyV2DTO empty (`properties: {}`); the catalog lists the fields the
// live API takes (contract §1.4), with locationId and pageLimit required (missing → 422).
const QString searchOperation = QStringLiteral("search-contacts-advanced");
const QStringList searchFields {
    QStringLiteral("locationId"),
    QStringLiteral("pageLimit"),
    QStringLiteral("page"),
    QStringLiteral("searchAfter"),
    QStringLiteral("query"),
    QStringLiteral("filters"),
    QStringLiteral("sort"),
};
const QStringList searchRequired {QStringLiteral("locationId"), QStringLiteral("pageLimit")};

// The Locations spec declares `security: [{bearer: []}]` (no scope) on the operations that name
// one custom field or tag by id. The Scopes documentation puts them under the list's scopes, and
// that is what the catalog asks for and the sandbox enforces.
const QHash<QString, QString> scopeExceptions {
    {QStringLiteral("get-custom-field"), QStringLiteral("locations/customFields.readonly")},
    {QStringLiteral("update-custom-field"), QStringLiteral("locations/customFields.write")},
    {QStringLiteral("delete-custom-field"), QStringLiteral("locations/customFields.write")},
    {QStringLiteral("get-tag-by-id"), QStringLiteral("locations/tags.readonly")},
    {QStringLiteral("update-tag"), QStringLiteral("locations/tags.write")},
    {QStringLiteral("delete-tag"), QStringLiteral("locations/tags.write")},
};

// The spec files the catalog is checked against; every Contacts operation is in the catalog,
// the others only where ContactDesk uses them.
const QStringList specFiles {QStringLiteral("contacts"), QStringLiteral("locations"),
    QStringLiteral("users"), QStringLiteral("calendars")};
constexpr int contactsOperations = 32;
constexpr int locationListOperations = 15;

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::StringArray:
        return QStringLiteral("string[]");
    case FieldType::Array:
        return QStringLiteral("array");
    case FieldType::Object:
        return QStringLiteral("object");
    }
    return {};
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestEndpointCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogHasEveryOperationOnce();
    void catalogFollowsSpecOrder();
    void operationMatchesSpec_data();
    void operationMatchesSpec();
    void searchBodyFollowsContract();

private:
    struct SpecOperation
    {
        QString method; // lower case, as the spec keys it
        QString path;
        QJsonObject operation;
        int spec = 0; // index into m_specs
    };

    QJsonObject resolve(const QJsonObject& schema, int spec) const;
    // The field type a spec property maps to in the catalog; empty when it maps to none.
    QString specFieldType(const QJsonObject& property, int spec) const;

    QList<QJsonObject> m_specs; // in specFiles order
    QHash<QString, SpecOperation> m_operations; // by operationId
    QStringList m_specOrder; // the Contacts operationIds as its spec file lists them
};

void TestEndpointCatalog::initTestCase()
{
    for (const QString& name : specFiles) {
        const QString path = QStringLiteral(CONTACTDESK_SPEC_DIR "/%1.openapi.json").arg(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            QSKIP(qPrintable(QStringLiteral("official spec not found at %1: catalog cross-check "
                                            "skipped")
                                 .arg(path)));
        const QByteArray text = file.readAll();
        QJsonParseError error {};
        const QJsonObject spec = QJsonDocument::fromJson(text, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const int index = int(m_specs.size());
        m_specs.append(spec);

        const QJsonObject paths = spec.value(QLatin1StringView("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject methods = p.value().toObject();
            for (auto m = methods.begin(); m != methods.end(); ++m) {
                const QJsonObject operation = m.value().toObject();
                const QString id = operation.value(QLatin1StringView("operationId")).toString();
                QVERIFY2(!id.isEmpty(), qPrintable(m.key() + QLatin1Char(' ') + p.key()));
                QVERIFY2(!m_operations.contains(id), qPrintable(id));
                m_operations.insert(id, {m.key(), p.key(), operation, index});
            }
        }
        if (index != 0)
            continue;
        // QJsonObject sorts its keys, so the file's own order comes from the text.
        static const QRegularExpression operationId(
            QStringLiteral("\"operationId\"\\s*:\\s*\"([^\"]+)\""));
        for (const QRegularExpressionMatch& match :
            operationId.globalMatch(QString::fromUtf8(text))) {
            m_specOrder.append(match.captured(1));
        }
        QCOMPARE(m_specOrder.size(), m_operations.size());
    }
}

void TestEndpointCatalog::catalogHasEveryOperationOnce()
{
    QCOMPARE(m_specOrder.size(), contactsOperations);
    QCOMPARE(endpoints().size(), contactsOperations + locationListOperations);
    QStringList ids;
    for (const Endpoint& e : endpoints()) {
        const QString id = e.operationId;
        QVERIFY2(!ids.contains(id), qPrintable(QStringLiteral("%1 is listed twice").arg(id)));
        QVERIFY2(m_operations.contains(id),
            qPrintable(QStringLiteral("%1 is not in the specs").arg(id)));
        QCOMPARE(findEndpoint(id), &e);
        ids.append(id);
    }
    QCOMPARE(findEndpoint(u"no-such-operation"), nullptr);
}

void TestEndpointCatalog::catalogFollowsSpecOrder()
{
    // The Contacts operations first, in their spec's order; the location lists after them.
    QStringList catalogOrder;
    for (const Endpoint& e : endpoints())
        catalogOrder.append(e.operationId);
    QCOMPARE(catalogOrder.mid(0, contactsOperations), m_specOrder);
    for (const QString& id : catalogOrder.mid(contactsOperations))
        QVERIFY2(m_operations.value(id).spec != 0, qPrintable(id));
}

void TestEndpointCatalog::operationMatchesSpec_data()
{
    QTest::addColumn<QString>("operationId");
    for (const Endpoint& endpoint : endpoints())
        QTest::newRow(endpoint.operationId.data()) << QString(endpoint.operationId);
}

void TestEndpointCatalog::operationMatchesSpec()
{
    QFETCH(QString, operationId);
    const SpecOperation& spec = m_operations[operationId];
    const Endpoint* endpoint = findEndpoint(operationId);
    QVERIFY2(endpoint, "missing from the catalog");

    QCOMPARE(methodName(endpoint->method), spec.method.toUpper().toLatin1());
    QCOMPARE(QString(endpoint->path), spec.path);

    QList<int> successes;
    const QJsonObject responses = spec.operation.value(QLatin1StringView("responses")).toObject();
    for (const QString& code : responses.keys()) {
        const int status = code.toInt();
        if (status >= 200 && status < 300)
            successes.append(status);
    }
    QCOMPARE(successes.size(), 1);
    QCOMPARE(endpoint->successStatus, successes.first());

    // `security: [{bearer: [scope]}]`, or one entry per kind of token (Agency-Access,
    // Location-Access) naming the same scope; the bulk operations declare none.
    QString scope;
    const QJsonArray security = spec.operation.value(QLatin1StringView("security")).toArray();
    for (const QJsonValue& requirement : security) {
        const QJsonObject kinds = requirement.toObject();
        QCOMPARE(kinds.size(), 1);
        const QJsonArray scopes = kinds.begin().value().toArray();
        QVERIFY(scopes.size() <= 1);
        const QString named = scopes.isEmpty() ? QString() : scopes.first().toString();
        QVERIFY2(scope.isEmpty() || scope == named, qPrintable(scope + u' ' + named));
        scope = named;
    }
    if (scopeExceptions.contains(operationId)) {
        QVERIFY2(scope.isEmpty(), "the spec names a scope now: drop the exception");
        scope = scopeExceptions.value(operationId);
    }
    QCOMPARE(scopeName(endpoint->scope), scope);
    // Reads are the operations under a readonly scope (search is a POST that reads).
    QCOMPARE(endpoint->writes(), !scope.endsWith(QLatin1StringView(".readonly")));

    // The Version header the operation's spec allows.
    for (const QJsonValue& parameter :
        spec.operation.value(QLatin1StringView("parameters")).toArray()) {
        const QJsonObject p = parameter.toObject();
        if (p.value(QLatin1StringView("name")).toString() != QLatin1StringView("Version"))
            continue;
        const QJsonArray versions = p.value(QLatin1StringView("schema"))
                                        .toObject()
                                        .value(QLatin1StringView("enum"))
                                        .toArray();
        if (!versions.isEmpty())
            QCOMPARE(QString(endpoint->version), versions.first().toString());
    }

    const QJsonObject requestBody
        = spec.operation.value(QLatin1StringView("requestBody")).toObject();
    QCOMPARE(endpoint->takesBody, !requestBody.isEmpty());
    if (requestBody.isEmpty()) {
        QVERIFY(endpoint->body.isEmpty());
        return;
    }

    const QJsonObject dto = resolve(requestBody.value(QLatin1StringView("content"))
                                        .toObject()
                                        .value(QLatin1StringView("application/json"))
                                        .toObject()
                                        .value(QLatin1StringView("schema"))
                                        .toObject(),
        spec.spec);
    const QJsonObject properties = dto.value(QLatin1StringView("properties")).toObject();
    if (operationId == searchOperation) {
        QVERIFY2(properties.isEmpty(),
            "the spec now defines the search DTO: check the catalog "
            "against it instead of the contract");
        return; // searchBodyFollowsContract() checks the catalog's fields
    }

    QStringList catalogNames;
    QStringList catalogRequired;
    for (const BodyField& field : endpoint->body) {
        catalogNames.append(field.name);
        if (field.required)
            catalogRequired.append(field.name);
    }
    QStringList specRequired;
    for (const QJsonValue& name : dto.value(QLatin1StringView("required")).toArray())
        specRequired.append(name.toString());
    QCOMPARE(sorted(catalogNames), sorted(properties.keys()));
    QCOMPARE(sorted(catalogRequired), sorted(specRequired));

    for (const BodyField& field : endpoint->body) {
        const QString name = field.name;
        const QJsonObject property = properties.value(name).toObject();
        const QString expectedType = typeExceptions.contains(name)
            ? typeName(typeExceptions.value(name))
            : specFieldType(property, spec.spec);
        QVERIFY2(typeName(field.type) == expectedType,
            qPrintable(QStringLiteral("%1: catalog type %2, spec type %3")
                           .arg(name, typeName(field.type), expectedType)));
        const bool nullable = property.value(QLatin1StringView("nullable")).toBool();
        QVERIFY2(field.nullable == nullable,
            qPrintable(
                QStringLiteral("%1: catalog nullable %2, spec nullable %3")
                    .arg(name, field.nullable ? QStringLiteral("true") : QStringLiteral("false"),
                        nullable ? QStringLiteral("true") : QStringLiteral("false"))));
    }
}

void TestEndpointCatalog::searchBodyFollowsContract()
{
    const Endpoint* search = findEndpoint(searchOperation);
    QVERIFY(search);
    QVERIFY(search->takesBody);
    QStringList names;
    QStringList required;
    for (const BodyField& field : search->body) {
        names.append(field.name);
        if (field.required)
            required.append(field.name);
    }
    QCOMPARE(names, searchFields);
    QCOMPARE(required, searchRequired);
    QCOMPARE(search->field(u"locationId")->type, FieldType::String);
    QCOMPARE(search->field(u"pageLimit")->type, FieldType::Number);
    QCOMPARE(search->field(u"page")->type, FieldType::Number);
    QCOMPARE(search->field(u"searchAfter")->type, FieldType::Array);
    QCOMPARE(search->field(u"query")->type, FieldType::String);
    QCOMPARE(search->field(u"filters")->type, FieldType::Array);
    QCOMPARE(search->field(u"sort")->type, FieldType::Array);
    QCOMPARE(search->field(u"nope"), nullptr);
}

QJsonObject TestEndpointCatalog::resolve(const QJsonObject& schema, int spec) const
{
    const QString ref = schema.value(QLatin1StringView("$ref")).toString();
    const QLatin1StringView prefix("#/components/schemas/");
    if (!ref.startsWith(prefix))
        return schema;
    return m_specs.at(spec)
        .value(QLatin1StringView("components"))
        .toObject()
        .value(QLatin1StringView("schemas"))
        .toObject()
        .value(ref.mid(prefix.size()))
        .toObject();
}

QString TestEndpointCatalog::specFieldType(const QJsonObject& property, int spec) const
{
    const QJsonObject schema = resolve(property, spec);
    const QString type = schema.value(QLatin1StringView("type")).toString();
    if (type == QLatin1StringView("string"))
        return typeName(FieldType::String);
    if (type == QLatin1StringView("number") || type == QLatin1StringView("integer"))
        return typeName(FieldType::Number);
    if (type == QLatin1StringView("boolean"))
        return typeName(FieldType::Boolean);
    if (type == QLatin1StringView("object"))
        return typeName(FieldType::Object);
    if (type == QLatin1StringView("array")) {
        const QJsonObject items
            = resolve(schema.value(QLatin1StringView("items")).toObject(), spec);
        return items.value(QLatin1StringView("type")).toString() == QLatin1StringView("string")
            ? typeName(FieldType::StringArray)
            : typeName(FieldType::Array);
    }
    return QStringLiteral("unknown (%1)").arg(type);
}

QTEST_GUILESS_MAIN(TestEndpointCatalog)
#include "tst_endpointcatalog.moc"
