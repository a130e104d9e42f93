#include "sandboxtesthelpers.h"

#include "api/endpointcatalog.h"
#include "sandbox/sandboxdirectory.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace ContactDesk::Testing;
using ContactDesk::Sandbox::SandboxData;
namespace Directory = ContactDesk::Sandbox::Directory;

namespace {

const QStringList everyDataType {QStringLiteral("TEXT"), QStringLiteral("LARGE_TEXT"),
    QStringLiteral("NUMERICAL"), QStringLiteral("PHONE"), QStringLiteral("MONETORY"),
    QStringLiteral("CHECKBOX"), QStringLiteral("SINGLE_OPTIONS"),
    QStringLiteral("MULTIPLE_OPTIONS"), QStringLiteral("FLOAT"), QStringLiteral("TIME"),
    QStringLiteral("DATE"), QStringLiteral("TEXTBOX_LIST"), QStringLiteral("RADIO")};
const QStringList optionTypes {QStringLiteral("CHECKBOX"), QStringLiteral("SINGLE_OPTIONS"),
    QStringLiteral("MULTIPLE_OPTIONS"), QStringLiteral("RADIO")};

QJsonArray arrayOf(const HttpResult& result, const char* key)
{
    return result.object().value(QLatin1StringView(key)).toArray();
}

QStringList namesOf(const QJsonArray& records)
{
    QStringList names;
    for (const QJsonValue& record : records)
        names.append(record.toObject().value(QStringLiteral("name")).toString());
    return names;
}

QString fieldsPath(SandboxFixture& fx, const QString& rest = {})
{
    return QStringLiteral("/locations/%1/customFields%2").arg(fx.locationId(), rest);
}

QString tagsPath(SandboxFixture& fx, const QString& rest = {})
{
    return QStringLiteral("/locations/%1/tags%2").arg(fx.locationId(), rest);
}

// The first custom field of the main location with that dataType.
QJsonObject fieldOfType(SandboxFixture& fx, const QString& dataType)
{
    for (const QJsonObject& field : Directory::customFieldsOf(fx.data(), fx.locationId())) {
        if (field.value(QStringLiteral("dataType")).toString() == dataType)
            return field;
    }
    return {};
}

QString mint(SandboxFixture& fx, const QStringList& scopes, const QString& locationId = {})
{
    QJsonObject body {{QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}};
    if (!locationId.isEmpty())
        body.insert(QStringLiteral("locationId"), locationId);
    return fx.control("POST", QStringLiteral("/__sandbox/tokens"), body)
        .object()
        .value(QStringLiteral("access_token"))
        .toString();
}

} // namespace

class TestSandboxLocation : public QObject
{
    Q_OBJECT

private:
    SpecValidator m_spec;

private Q_SLOTS:
    void customFieldsCoverEveryDataTypeInFieldOrder();
    void customFieldsFilterByModel_data();
    void customFieldsFilterByModel();
    void customFieldRoundTrip();
    void customFieldRefusals();
    void tagsRoundTrip();
    void renamingOrDeletingATagChangesItsContacts();
    void aTagWrittenOnAContactBecomesALocationTag();
    void usersSearchAndGet();
    void usersOfLocation();
    void calendarsListAndGet();
    void everyOperationChecksTokenScopeAndLocation_data();
    void everyOperationChecksTokenScopeAndLocation();
    void contactWritesCheckFieldsAndOptions_data();
    void contactWritesCheckFieldsAndOptions();
    void seededContactsUseTheLocationLists();
    void dataFileKeepsTheLists();
};

void TestSandboxLocation::customFieldsCoverEveryDataTypeInFieldOrder()
{
    SandboxFixture fx;
    const HttpResult result = fx.api("GET", fieldsPath(fx) + QStringLiteral("?model=contact"));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-custom-fields", result);
    const QJsonArray fields = arrayOf(result, "customFields");
    QVERIFY(fields.size() >= 10 && fields.size() <= 20);
    QSet<QString> types;
    double lastPosition = -1;
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString type = field.value(QStringLiteral("dataType")).toString();
        types.insert(type);
        QVERIFY(field.value(QStringLiteral("fieldKey")).toString().startsWith(u"contact."));
        QCOMPARE(field.value(QStringLiteral("locationId")).toString(), fx.locationId());
        QVERIFY(!field.value(QStringLiteral("name")).toString().isEmpty());
        const double position = field.value(QStringLiteral("position")).toDouble();
        QVERIFY2(position > lastPosition, "fields come in the location's order");
        lastPosition = position;
        if (optionTypes.contains(type))
            QVERIFY2(!strings(field.value(QStringLiteral("picklistOptions"))).isEmpty(),
                qPrintable(type));
    }
    for (const QString& type : everyDataType)
        QVERIFY2(types.contains(type), qPrintable(type + QStringLiteral(" is missing")));
    QVERIFY(namesOf(fields).contains(QStringLiteral("Membership level")));
}

void TestSandboxLocation::customFieldsFilterByModel_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("contact");
    QTest::addColumn<int>("opportunity");
    QTest::newRow("contact") << QStringLiteral("?model=contact") << 14 << 0;
    QTest::newRow("opportunity") << QStringLiteral("?model=opportunity") << 0 << 2;
    QTest::newRow("all") << QStringLiteral("?model=all") << 14 << 2;
    QTest::newRow("no model: all") << QString() << 14 << 2;
}

void TestSandboxLocation::customFieldsFilterByModel()
{
    QFETCH(QString, query);
    QFETCH(int, contact);
    QFETCH(int, opportunity);
    SandboxFixture fx;
    const HttpResult result = fx.api("GET", fieldsPath(fx) + query);
    CHECK_STATUS(result, 200);
    int contacts = 0;
    int opportunities = 0;
    for (const QJsonValue& field : arrayOf(result, "customFields")) {
        const QString model = field.toObject().value(QStringLiteral("model")).toString();
        contacts += model == u"contact";
        opportunities += model == u"opportunity";
    }
    QCOMPARE(contacts, contact);
    QCOMPARE(opportunities, opportunity);
}

void TestSandboxLocation::customFieldRoundTrip()
{
    SandboxFixture fx;
    const HttpResult created = fx.api("POST", fieldsPath(fx),
        json(R"({"name": "Favourite treatment", "dataType": "SINGLE_OPTIONS",
                 "textBoxListOptions": [{"label": "Cleaning"}, {"label": "Whitening"}]})"));
    CHECK_STATUS(created, 201);
    CHECK_SPEC("create-custom-field", created);
    const QJsonObject field = created.object().value(QStringLiteral("customField")).toObject();
    const QString id = field.value(QStringLiteral("id")).toString();
    QCOMPARE(field.value(QStringLiteral("fieldKey")).toString(),
        QStringLiteral("contact.favourite_treatment"));
    QCOMPARE(strings(field.value(QStringLiteral("picklistOptions"))),
        QStringList({QStringLiteral("Cleaning"), QStringLiteral("Whitening")}));
    QCOMPARE(field.value(QStringLiteral("model")).toString(), QStringLiteral("contact"));
    // A new field comes last in the location's order.
    const QJsonArray all = arrayOf(fx.api("GET", fieldsPath(fx)), "customFields");
    QCOMPARE(all.last().toObject().value(QStringLiteral("id")).toString(), id);

    const HttpResult got = fx.api("GET", fieldsPath(fx, u'/' + id));
    CHECK_STATUS(got, 200);
    CHECK_SPEC("get-custom-field", got);
    QCOMPARE(got.object().value(QStringLiteral("customField")).toObject(), field);

    const HttpResult updated = fx.api("PUT", fieldsPath(fx, u'/' + id),
        json(R"({"name": "Preferred treatment", "placeholder": "Pick one"})"));
    CHECK_STATUS(updated, 200);
    CHECK_SPEC("update-custom-field", updated);
    const QJsonObject after = updated.object().value(QStringLiteral("customField")).toObject();
    QCOMPARE(after.value(QStringLiteral("name")).toString(), QStringLiteral("Preferred treatment"));
    QCOMPARE(after.value(QStringLiteral("placeholder")).toString(), QStringLiteral("Pick one"));
    // The key stays: contacts and filters refer to it.
    QCOMPARE(after.value(QStringLiteral("fieldKey")), field.value(QStringLiteral("fieldKey")));

    const HttpResult removed = fx.api("DELETE", fieldsPath(fx, u'/' + id));
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("delete-custom-field", removed);
    QCOMPARE(removed.object().value(QStringLiteral("succeded")), QJsonValue(true));
    const HttpResult gone = fx.api("GET", fieldsPath(fx, u'/' + id));
    CHECK_STATUS(gone, 404);
    QVERIFY(messageText(gone).contains(id));
}

void TestSandboxLocation::customFieldRefusals()
{
    SandboxFixture fx;
    const HttpResult noName = fx.api("POST", fieldsPath(fx), json(R"({"dataType": "TEXT"})"));
    CHECK_STATUS(noName, 422);
    QVERIFY(messages(noName).contains(QStringLiteral("name should not be empty")));
    const HttpResult badType
        = fx.api("POST", fieldsPath(fx), json(R"({"name": "X", "dataType": "COLOUR"})"));
    CHECK_STATUS(badType, 422);
    QVERIFY(messageText(badType).contains(QStringLiteral("dataType must be one of")));
    const HttpResult unknownProperty = fx.api(
        "POST", fieldsPath(fx), json(R"({"name": "X", "dataType": "TEXT", "colour": "red"})"));
    CHECK_STATUS(unknownProperty, 422);
    QVERIFY(messages(unknownProperty).contains(QStringLiteral("property colour should not exist")));
    const HttpResult twice = fx.api(
        "POST", fieldsPath(fx), json(R"({"name": "Lead score", "dataType": "NUMERICAL"})"));
    CHECK_STATUS(twice, 400);
    QVERIFY(messageText(twice).contains(QStringLiteral("contact.lead_score")));
    CHECK_STATUS(
        fx.api("PUT", fieldsPath(fx, QStringLiteral("/nope")), json(R"({"name": "X"})")), 404);
    CHECK_STATUS(fx.api("DELETE", fieldsPath(fx, QStringLiteral("/nope"))), 404);
    const HttpResult badModel = fx.api("GET", fieldsPath(fx) + QStringLiteral("?model=deal"));
    CHECK_STATUS(badModel, 422);
}

void TestSandboxLocation::tagsRoundTrip()
{
    SandboxFixture fx;
    const HttpResult listed = fx.api("GET", tagsPath(fx));
    CHECK_STATUS(listed, 200);
    CHECK_SPEC("get-location-tags", listed);
    const QStringList names = namesOf(arrayOf(listed, "tags"));
    QCOMPARE(names.size(), 15);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
        [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(names, sorted);

    const HttpResult created = fx.api("POST", tagsPath(fx), json(R"({"name": " spring-promo "})"));
    CHECK_STATUS(created, 200);
    CHECK_SPEC("create-tag", created);
    const QJsonObject tag = created.object().value(QStringLiteral("tag")).toObject();
    QCOMPARE(tag.value(QStringLiteral("name")).toString(), QStringLiteral("spring-promo"));
    const QString id = tag.value(QStringLiteral("id")).toString();
    CHECK_STATUS(fx.api("POST", tagsPath(fx), json(R"({"name": "Spring-Promo"})")), 400);
    CHECK_STATUS(fx.api("POST", tagsPath(fx), json(R"({"name": ""})")), 422);

    const HttpResult got = fx.api("GET", tagsPath(fx, u'/' + id));
    CHECK_STATUS(got, 200);
    CHECK_SPEC("get-tag-by-id", got);
    QCOMPARE(got.object().value(QStringLiteral("tag")).toObject(), tag);

    const HttpResult renamed
        = fx.api("PUT", tagsPath(fx, u'/' + id), json(R"({"name": "summer-promo"})"));
    CHECK_STATUS(renamed, 200);
    CHECK_SPEC("update-tag", renamed);
    QCOMPARE(renamed.object().value(QStringLiteral("tag")).toObject().value(QStringLiteral("name")),
        QJsonValue(QStringLiteral("summer-promo")));
    CHECK_STATUS(fx.api("PUT", tagsPath(fx, u'/' + id), json(R"({"name": "VIP"})")), 400);

    const HttpResult removed = fx.api("DELETE", tagsPath(fx, u'/' + id));
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("delete-tag", removed);
    CHECK_STATUS(fx.api("GET", tagsPath(fx, u'/' + id)), 404);
    QCOMPARE(arrayOf(fx.api("GET", tagsPath(fx)), "tags").size(), 15);
}

void TestSandboxLocation::renamingOrDeletingATagChangesItsContacts()
{
    SandboxFixture fx;
    const QJsonObject tagged
        = postContact(fx, json(R"({"firstName": "Tam", "tags": ["vip", "warm"]})"));
    const QString contactId = tagged.value(QStringLiteral("id")).toString();
    const QString vip = fx.data()
                            .findTag(fx.locationId(), QStringLiteral("vip"))
                            ->value(QStringLiteral("id"))
                            .toString();
    fx.clock().advance(1000);
    CHECK_STATUS(fx.api("PUT", tagsPath(fx, u'/' + vip), json(R"({"name": "platinum"})")), 200);
    const QJsonObject renamed = fx.api("GET", QStringLiteral("/contacts/") + contactId)
                                    .object()
                                    .value(QStringLiteral("contact"))
                                    .toObject();
    QCOMPARE(strings(renamed.value(QStringLiteral("tags"))),
        QStringList({QStringLiteral("platinum"), QStringLiteral("warm")}));
    QVERIFY2(
        renamed.value(QStringLiteral("dateUpdated")) != tagged.value(QStringLiteral("dateUpdated")),
        "a sync sees the contact changed");

    const QString warm = fx.data()
                             .findTag(fx.locationId(), QStringLiteral("warm"))
                             ->value(QStringLiteral("id"))
                             .toString();
    CHECK_STATUS(fx.api("DELETE", tagsPath(fx, u'/' + warm)), 200);
    const QJsonObject untagged = fx.api("GET", QStringLiteral("/contacts/") + contactId)
                                     .object()
                                     .value(QStringLiteral("contact"))
                                     .toObject();
    QCOMPARE(
        strings(untagged.value(QStringLiteral("tags"))), QStringList({QStringLiteral("platinum")}));
}

void TestSandboxLocation::aTagWrittenOnAContactBecomesALocationTag()
{
    SandboxFixture fx;
    postContact(fx, json(R"({"firstName": "Noor", "tags": ["Open-Day-2027"]})"));
    const QStringList names = namesOf(arrayOf(fx.api("GET", tagsPath(fx)), "tags"));
    QCOMPARE(names.size(), 16);
    QVERIFY(names.contains(QStringLiteral("Open-Day-2027")));
}

void TestSandboxLocation::usersSearchAndGet()
{
    SandboxFixture fx;
    const QString company = fx.data().mainLocation().companyId;
    const HttpResult found = fx.api("GET",
        QStringLiteral("/users/search?companyId=%1&locationId=%2").arg(company, fx.locationId()));
    CHECK_STATUS(found, 200);
    CHECK_SPEC("search-users", found);
    const QJsonArray users = arrayOf(found, "users");
    QCOMPARE(users.size(), 5);
    QCOMPARE(found.object().value(QStringLiteral("count")).toInt(), 5);
    QVERIFY(namesOf(users).contains(QStringLiteral("Maya Okafor")));

    const HttpResult page
        = fx.api("GET", QStringLiteral("/users/search?companyId=%1&skip=3&limit=2").arg(company));
    CHECK_STATUS(page, 200);
    QCOMPARE(namesOf(arrayOf(page, "users")), namesOf(users).mid(3, 2));
    QCOMPARE(page.object().value(QStringLiteral("count")).toInt(), 5);
    const HttpResult byText
        = fx.api("GET", QStringLiteral("/users/search?companyId=%1&query=priya").arg(company));
    QCOMPARE(namesOf(arrayOf(byText, "users")), QStringList({QStringLiteral("Priya Raman")}));

    const HttpResult noCompany = fx.api("GET", QStringLiteral("/users/search"));
    CHECK_STATUS(noCompany, 422);
    QVERIFY(messages(noCompany).contains(QStringLiteral("companyId should not be empty")));
    CHECK_STATUS(fx.api("GET", QStringLiteral("/users/search?companyId=someoneelse")), 403);
    CHECK_STATUS(
        fx.api("GET", QStringLiteral("/users/search?companyId=%1&limit=0").arg(company)), 422);

    const QString id = users.first().toObject().value(QStringLiteral("id")).toString();
    const HttpResult user = fx.api("GET", QStringLiteral("/users/") + id);
    CHECK_STATUS(user, 200);
    CHECK_SPEC("get-user", user);
    QCOMPARE(user.object().value(QStringLiteral("id")).toString(), id);
    QVERIFY(!user.object().value(QStringLiteral("email")).toString().isEmpty());
    CHECK_STATUS(fx.api("GET", QStringLiteral("/users/unknownUser000000000")), 404);
}

void TestSandboxLocation::usersOfLocation()
{
    SandboxFixture fx;
    const HttpResult main = fx.api("GET", QStringLiteral("/users/?locationId=") + fx.locationId());
    CHECK_STATUS(main, 200);
    CHECK_SPEC("get-user-by-location", main);
    QCOMPARE(arrayOf(main, "users").size(), 5);
    CHECK_STATUS(fx.api("GET", QStringLiteral("/users/")), 422);
    // The second location has two of the company's users.
    const QString second = fx.data().locations().at(1).id;
    const QString token = mint(fx, {QStringLiteral("users.readonly")}, second);
    const HttpResult other
        = fx.api("GET", QStringLiteral("/users/?locationId=") + second, {}, {}, token);
    CHECK_STATUS(other, 200);
    QCOMPARE(arrayOf(other, "users").size(), 2);
}

void TestSandboxLocation::calendarsListAndGet()
{
    SandboxFixture fx;
    const HttpResult listed
        = fx.api("GET", QStringLiteral("/calendars/?locationId=") + fx.locationId(), {},
            {{"Version", "2021-04-15"}});
    CHECK_STATUS(listed, 200);
    CHECK_SPEC("get-calendars", listed);
    const QJsonArray calendars = arrayOf(listed, "calendars");
    QCOMPARE(namesOf(calendars),
        QStringList({QStringLiteral("Discovery call"), QStringLiteral("Product demo"),
            QStringLiteral("Onboarding session")}));
    const QString id = calendars.first().toObject().value(QStringLiteral("id")).toString();
    const HttpResult got
        = fx.api("GET", QStringLiteral("/calendars/") + id, {}, {{"Version", "2021-04-15"}});
    CHECK_STATUS(got, 200);
    CHECK_SPEC("get-calendar", got);
    QCOMPARE(
        got.object().value(QStringLiteral("calendar")).toObject(), calendars.first().toObject());
    CHECK_STATUS(fx.api("GET", QStringLiteral("/calendars/unknownCalendar00000")), 404);
    CHECK_STATUS(fx.api("GET", QStringLiteral("/calendars/")), 422);
    const QString otherCalendar
        = Directory::calendarIdsOf(fx.data(), fx.data().locations().at(1).id).first();
    CHECK_STATUS(fx.api("GET", QStringLiteral("/calendars/") + otherCalendar), 403);
}

void TestSandboxLocation::everyOperationChecksTokenScopeAndLocation_data()
{
    QTest::addColumn<QString>("operationId");
    for (const ContactDesk::Api::Endpoint& endpoint : ContactDesk::Api::endpoints()) {
        if (!QString(endpoint.path).startsWith(u"/contacts"))
            QTest::newRow(endpoint.operationId.data()) << QString(endpoint.operationId);
    }
}

void TestSandboxLocation::everyOperationChecksTokenScopeAndLocation()
{
    QFETCH(QString, operationId);
    SandboxFixture fx;
    const ContactDesk::Api::Endpoint* endpoint = ContactDesk::Api::findEndpoint(operationId);
    QVERIFY(endpoint);
    const auto pathFor = [&](const QString& locationId) {
        QString path = QString(endpoint->path);
        path.replace(QStringLiteral("{locationId}"), locationId);
        path.replace(
            QRegularExpression(QStringLiteral("\\{[A-Za-z]+\\}")), QStringLiteral("someId"));
        if (path == u"/users/search")
            path += QStringLiteral("?companyId=") + fx.data().mainLocation().companyId;
        else if (path == u"/users/" || path == u"/calendars/")
            path += QStringLiteral("?locationId=") + locationId;
        return path;
    };
    const QByteArray method = ContactDesk::Api::methodName(endpoint->method);
    const QJsonValue body = endpoint->takesBody ? QJsonValue(json(R"({"name": "X"})"))
                                                : QJsonValue(QJsonValue::Undefined);

    const HttpResult anonymous
        = fx.api(method, pathFor(fx.locationId()), body, {{"Authorization", ""}});
    CHECK_STATUS(anonymous, 401);

    // A token with every scope but this operation's.
    QStringList others = ContactDesk::Api::catalogScopes();
    others.removeAll(ContactDesk::Api::scopeName(endpoint->scope));
    const HttpResult unscoped
        = fx.api(method, pathFor(fx.locationId()), body, {}, mint(fx, others));
    CHECK_STATUS(unscoped, 401);
    QCOMPARE(messageText(unscoped), QStringLiteral("The token is not authorized for this scope."));

    // The other location's id, in the path or the query, is refused.
    if (endpoint->path.contains(QLatin1StringView("{locationId}"))
        || pathFor(QString()).endsWith(u'='))
        CHECK_STATUS(fx.api(method, pathFor(fx.data().locations().at(1).id), body), 403);
}

void TestSandboxLocation::contactWritesCheckFieldsAndOptions_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("a number") << QStringLiteral("NUMERICAL") << QJsonValue(42) << QString();
    QTest::newRow("a word for a number")
        << QStringLiteral("NUMERICAL") << QJsonValue(QStringLiteral("many"))
        << QStringLiteral("must be a number");
    QTest::newRow("an option of the picklist")
        << QStringLiteral("SINGLE_OPTIONS") << QJsonValue(QStringLiteral("Gold")) << QString();
    QTest::newRow("an option outside the picklist")
        << QStringLiteral("SINGLE_OPTIONS") << QJsonValue(QStringLiteral("Diamond"))
        << QStringLiteral("has no option \"Diamond\"");
    QTest::newRow("radio outside the picklist")
        << QStringLiteral("RADIO") << QJsonValue(QStringLiteral("Midnight"))
        << QStringLiteral("has no option \"Midnight\"");
    QTest::newRow("checkbox options")
        << QStringLiteral("CHECKBOX") << QJsonValue(QJsonArray {QStringLiteral("Webinars")})
        << QString();
    QTest::newRow("one checkbox option outside")
        << QStringLiteral("MULTIPLE_OPTIONS")
        << QJsonValue(QJsonArray {QStringLiteral("Events"), QStringLiteral("Gossip")})
        << QStringLiteral("has no option \"Gossip\"");
    QTest::newRow("a decimal") << QStringLiteral("FLOAT") << QJsonValue(0.125) << QString();
    QTest::newRow("money") << QStringLiteral("MONETORY") << QJsonValue(1999.99) << QString();
    QTest::newRow("a date") << QStringLiteral("DATE") << QJsonValue(QStringLiteral("2027-03-15"))
                            << QString();
    QTest::newRow("a time") << QStringLiteral("TIME") << QJsonValue(QStringLiteral("14:30"))
                            << QString();
    QTest::newRow("text boxes") << QStringLiteral(
        "TEXTBOX_LIST") << QJsonValue(QJsonArray {QStringLiteral("Ana"), QStringLiteral("Ben")})
                                << QString();
    QTest::newRow("a phone") << QStringLiteral("PHONE")
                             << QJsonValue(QStringLiteral("+14155550123")) << QString();
    QTest::newRow("a field the location does not have")
        << QString() << QJsonValue(QStringLiteral("x"))
        << QStringLiteral("does not exist in this location");
}

void TestSandboxLocation::contactWritesCheckFieldsAndOptions()
{
    QFETCH(QString, dataType);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    SandboxFixture fx;
    const QString id = dataType.isEmpty()
        ? QStringLiteral("NoSuchField000000000")
        : fieldOfType(fx, dataType).value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QJsonObject body = json(R"({"firstName": "Field", "lastName": "Test"})");
    body.insert(QStringLiteral("locationId"), fx.locationId());
    body.insert(QStringLiteral("customFields"),
        QJsonArray {
            QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("field_value"), value}}});
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/"), body);
    if (!problem.isEmpty()) {
        CHECK_STATUS(result, 422);
        QVERIFY2(messageText(result).contains(problem), qPrintable(messageText(result)));
        QVERIFY2(messageText(result).contains(dataType.isEmpty() ? id : QStringLiteral("contact.")),
            "the message names the field");
        return;
    }
    CHECK_STATUS(result, 201);
    const QJsonArray stored = result.object()
                                  .value(QStringLiteral("contact"))
                                  .toObject()
                                  .value(QStringLiteral("customFields"))
                                  .toArray();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().toObject().value(QStringLiteral("value")), value);
}

void TestSandboxLocation::seededContactsUseTheLocationLists()
{
    SandboxFixture fx(300);
    QHash<QString, QJsonObject> fields;
    for (const QJsonObject& field : Directory::customFieldsOf(fx.data(), fx.locationId()))
        fields.insert(field.value(QStringLiteral("id")).toString(), field);
    const QStringList users = fx.data().userIds();
    const QStringList calendars = Directory::calendarIdsOf(fx.data(), fx.locationId());
    QSet<QString> typesSeen;
    int assigned = 0;
    for (const QJsonObject& contact : std::as_const(fx.data().contacts())) {
        for (const QJsonValue& entry : contact.value(QStringLiteral("customFields")).toArray()) {
            const QJsonObject item = entry.toObject();
            const QJsonObject field = fields.value(item.value(QStringLiteral("id")).toString());
            QVERIFY2(!field.isEmpty(), "a seeded value names a field of the location");
            const QString type = field.value(QStringLiteral("dataType")).toString();
            const QJsonValue value = item.value(QStringLiteral("value"));
            typesSeen.insert(type);
            if (type == u"NUMERICAL" || type == u"MONETORY" || type == u"FLOAT")
                QVERIFY2(value.isDouble(), qPrintable(type));
            else if (type == u"CHECKBOX" || type == u"MULTIPLE_OPTIONS" || type == u"TEXTBOX_LIST")
                QVERIFY2(value.isArray(), qPrintable(type));
            else
                QVERIFY2(value.isString(), qPrintable(type));
            if (optionTypes.contains(type)) {
                const QStringList picklist
                    = strings(field.value(QStringLiteral("picklistOptions")));
                for (const QString& option :
                    value.isArray() ? strings(value) : QStringList {value.toString()})
                    QVERIFY2(picklist.contains(option), qPrintable(option));
            }
        }
        if (contact.contains(QStringLiteral("assignedTo"))) {
            ++assigned;
            QVERIFY(users.contains(contact.value(QStringLiteral("assignedTo")).toString()));
        }
    }
    for (const QString& type : everyDataType)
        QVERIFY2(typesSeen.contains(type), qPrintable(type + QStringLiteral(" never seeded")));
    QVERIFY(assigned > 0);
    for (const QList<QJsonObject>& appointments : std::as_const(fx.data().appointments())) {
        for (const QJsonObject& appointment : appointments)
            QVERIFY(calendars.contains(appointment.value(QStringLiteral("calendarId")).toString()));
    }
}

void TestSandboxLocation::dataFileKeepsTheLists()
{
    SandboxFixture fx(20);
    CHECK_STATUS(fx.api("POST", tagsPath(fx), json(R"({"name": "kept"})")), 200);
    const QJsonObject saved = fx.data().toJson();
    SandboxFixture other;
    QCOMPARE(other.data().fromJson(saved), QString());
    QCOMPARE(other.data().tags(), fx.data().tags());
    QCOMPARE(other.data().users(), fx.data().users());
    QCOMPARE(other.data().calendars(), fx.data().calendars());
    QCOMPARE(other.data().customFieldDefinitions(), fx.data().customFieldDefinitions());

    // A file from before the lists: user ids only and fields named by `key`.
    QJsonObject old = saved;
    const QStringList ids = fx.data().userIds().mid(0, 3);
    old.insert(QStringLiteral("users"), QJsonArray::fromStringList(ids));
    old.remove(QStringLiteral("tags"));
    old.remove(QStringLiteral("calendars"));
    QJsonArray fields;
    for (const QJsonObject& field : fx.data().customFieldDefinitions()) {
        QJsonObject legacy = field;
        legacy.insert(QStringLiteral("key"), legacy.take(QStringLiteral("fieldKey")));
        legacy.remove(QStringLiteral("position"));
        fields.append(legacy);
    }
    old.insert(QStringLiteral("customFields"), fields);
    SandboxFixture migrated;
    QCOMPARE(migrated.data().fromJson(old), QString());
    QCOMPARE(migrated.data().userIds().mid(0, 3), ids);
    QCOMPARE(migrated.data().users().size(), 5);
    QVERIFY(migrated.data().customFieldDefinition(QStringLiteral("contact.lead_score")));
    QVERIFY(!migrated.data().tags().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxLocation)
#include "tst_sandboxlocation.moc"
