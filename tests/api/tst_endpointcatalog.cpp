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
    };

    QJsonObject resolve(const QJsonObject& schema) const;
    // The field type a spec property maps to in the catalog; empty when it maps to none.
    QString specFieldType(const QJsonObject& property) const;

    QJsonObject m_spec;
    QHash<QString, SpecOperation> m_operations; // by operationId
    QStringList m_specOrder; // operationIds as the spec file lists them
};

void TestEndpointCatalog::initTestCase()
{
    const QString path = QStringLiteral(CONTACTDESK_SPEC_DIR "/contacts.openapi.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        QSKIP(qPrintable(QStringLiteral("official spec not found at %1: catalog cross-check "
                                        "skipped")
                             .arg(path)));
    const QByteArray text = file.readAll();
    QJsonParseError error {};
    m_spec = QJsonDocument::fromJson(text, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

    const QJsonObject paths = m_spec.value(QLatin1StringView("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject methods = p.value().toObject();
        for (auto m = methods.begin(); m != methods.end(); ++m) {
            const QJsonObject operation = m.value().toObject();
            const QString id = operation.value(QLatin1StringView("operationId")).toString();
            QVERIFY2(!id.isEmpty(), qPrintable(m.key() + QLatin1Char(' ') + p.key()));
            QVERIFY2(!m_operations.contains(id), qPrintable(id));
            m_operations.insert(id, {m.key(), p.key(), operation});
        }
    }

    // QJsonObject sorts its keys, so the file's own order comes from the text.
    static const QRegularExpression operationId(
        QStringLiteral("\"operationId\"\\s*:\\s*\"([^\"]+)\""));
    for (const QRegularExpressionMatch& match : operationId.globalMatch(QString::fromUtf8(text))) {
        m_specOrder.append(match.captured(1));
    }
    QCOMPARE(m_specOrder.size(), m_operations.size());
}

void TestEndpointCatalog::catalogHasEveryOperationOnce()
{
    QCOMPARE(m_operations.size(), 32);
    QCOMPARE(endpoints().size(), 32);
    QStringList ids;
    for (const Endpoint& e : endpoints()) {
        const QString id = e.operationId;
        QVERIFY2(!ids.contains(id), qPrintable(QStringLiteral("%1 is listed twice").arg(id)));
        QVERIFY2(
            m_operations.contains(id), qPrintable(QStringLiteral("%1 is not in the spec").arg(id)));
        QCOMPARE(findEndpoint(id), &e);
        ids.append(id);
    }
    QCOMPARE(findEndpoint(u"no-such-operation"), nullptr);
}

void TestEndpointCatalog::catalogFollowsSpecOrder()
{
    QStringList catalogOrder;
    for (const Endpoint& e : endpoints())
        catalogOrder.append(e.operationId);
    QCOMPARE(catalogOrder, m_specOrder);
}

void TestEndpointCatalog::operationMatchesSpec_data()
{
    QTest::addColumn<QString>("operationId");
    for (const QString& id : std::as_const(m_specOrder))
        QTest::newRow(qPrintable(id)) << id;
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

    // `security: [{bearer: [scope]}]`; the bulk operations declare none.
    QString scope;
    const QJsonArray security = spec.operation.value(QLatin1StringView("security")).toArray();
    QVERIFY(security.size() <= 1);
    if (!security.isEmpty()) {
        const QJsonArray scopes
            = security.first().toObject().value(QLatin1StringView("bearer")).toArray();
        QCOMPARE(scopes.size(), 1);
        scope = scopes.first().toString();
    }
    QCOMPARE(scopeName(endpoint->scope), scope);

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
                                        .toObject());
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
            : specFieldType(property);
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

QJsonObject TestEndpointCatalog::resolve(const QJsonObject& schema) const
{
    const QString ref = schema.value(QLatin1StringView("$ref")).toString();
    const QLatin1StringView prefix("#/components/schemas/");
    if (!ref.startsWith(prefix))
        return schema;
    return m_spec.value(QLatin1StringView("components"))
        .toObject()
        .value(QLatin1StringView("schemas"))
        .toObject()
        .value(ref.mid(prefix.size()))
        .toObject();
}

QString TestEndpointCatalog::specFieldType(const QJsonObject& property) const
{
    const QJsonObject schema = resolve(property);
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
        const QJsonObject items = resolve(schema.value(QLatin1StringView("items")).toObject());
        return items.value(QLatin1StringView("type")).toString() == QLatin1StringView("string")
            ? typeName(FieldType::StringArray)
            : typeName(FieldType::Array);
    }
    return QStringLiteral("unknown (%1)").arg(type);
}

QTEST_GUILESS_MAIN(TestEndpointCatalog)
#include "tst_endpointcatalog.moc"
