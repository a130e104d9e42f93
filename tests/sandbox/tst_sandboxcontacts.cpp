#include "sandboxtesthelpers.h"

#include "common/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace ContactDesk::Testing;

namespace {

// Custom fields the tests write, one per data type, next to the sandbox's own definitions.
struct TestField
{
    const char* id;
    const char* key;
    const char* dataType;
};

const TestField testFields[] = {
    {"cfText00000000000001", "contact.test_text", "TEXT"},
    {"cfLarge0000000000001", "contact.test_large_text", "LARGE_TEXT"},
    {"cfSingle000000000001", "contact.test_single", "SINGLE_OPTIONS"},
    {"cfRadio0000000000001", "contact.test_radio", "RADIO"},
    {"cfNumber000000000001", "contact.test_number", "NUMERICAL"},
    {"cfMoney0000000000001", "contact.test_money", "MONETORY"},
    {"cfCheck0000000000001", "contact.test_checkbox", "CHECKBOX"},
    {"cfMulti0000000000001", "contact.test_multi", "MULTIPLE_OPTIONS"},
    {"cfFile00000000000001", "contact.test_file", "FILE_UPLOAD"},
    {"cfDate00000000000001", "contact.test_date", "DATE"},
};

void addTestFields(SandboxFixture& fx)
{
    for (const TestField& field : testFields) {
        fx.data().customFieldDefinitions().append({{QStringLiteral("id"), str(field.id)},
            {QStringLiteral("fieldKey"), str(field.key)}, {QStringLiteral("name"), str(field.key)},
            {QStringLiteral("dataType"), str(field.dataType)},
            {QStringLiteral("locationId"), fx.locationId()}});
    }
}

QJsonObject withLocation(QJsonObject body, const SandboxFixture& fx)
{
    body.insert(QStringLiteral("locationId"), fx.locationId());
    return body;
}

} // namespace

// Members are defined below the class: moc misreads raw string literals inside a class body.
class TestSandboxContacts : public QObject
{
    Q_OBJECT

private:
    HttpResult create(SandboxFixture& fx, const QByteArray& body);

    QJsonObject created(SandboxFixture& fx, const QByteArray& body);

    HttpResult get(SandboxFixture& fx, const QString& id);

    QJsonObject customValues(const QJsonObject& contact);

    SpecValidator m_spec;

private Q_SLOTS:
    void initTestCase();
    void createDerivesFields();
    void createDefaultsWithoutNames();
    void createNameRules_data();
    void createNameRules();
    void createPhoneE164_data();
    void createPhoneE164();
    void createValidation_data();
    void createValidation();
    void createRefusesDuplicates_data();
    void createRefusesDuplicates();
    void createAllowsDuplicatesWhenEnabled();
    void createIgnoresOtherLocationsAndDeletedContacts();
    void updateContact();
    void updateKeepsExplicitNameAndClearsWithNull();
    void updateValidation_data();
    void updateValidation();
    void deleteContact();
    void upsertCreatesThenUpdates();
    void upsertDropsGenderOnExisting();
    void upsertEmailWinsOverPhone();
    void upsertCreateNewIfDuplicateAllowed_data();
    void upsertCreateNewIfDuplicateAllowed();
    void upsertValidation();
    void customFieldsWrite_data();
    void customFieldsWrite();
    void customFieldsRejectWrongType_data();
    void customFieldsRejectWrongType();
    void customFieldsMergeAndRemove();
    void customFieldsOfTheSandbox();
    void dndSettings();
    void duplicateSearch_data();
    void duplicateSearch();
    void duplicateSearchSkipsDeletedAndNeedsLocation();
    void business();
};

HttpResult TestSandboxContacts::create(SandboxFixture& fx, const QByteArray& body)
{
    return fx.api("POST", QStringLiteral("/contacts/"), withLocation(json(body), fx));
}

QJsonObject TestSandboxContacts::created(SandboxFixture& fx, const QByteArray& body)
{
    return postContact(fx, json(body));
}

HttpResult TestSandboxContacts::get(SandboxFixture& fx, const QString& id)
{
    return fx.api("GET", QStringLiteral("/contacts/") + id);
}

QJsonObject TestSandboxContacts::customValues(const QJsonObject& contact)
{
    QJsonObject byId;
    for (const QJsonValue& field : contact.value(QStringLiteral("customFields")).toArray()) {
        byId.insert(field.toObject().value(QStringLiteral("id")).toString(),
            field.toObject().value(QStringLiteral("value")));
    }
    return byId;
}

void TestSandboxContacts::initTestCase()
{
    SandboxFixture fx;
    // The phone expectations below are written for a US location.
    QCOMPARE(fx.data().mainLocation().country, QStringLiteral("US"));
    if (!m_spec.available())
        qInfo("%s", qPrintable(m_spec.unavailableReason()));
}

void TestSandboxContacts::createDerivesFields()
{
    SandboxFixture fx;
    const qint64 now = fx.clock().nowMs();
    const HttpResult result = create(fx, R"({"firstName": " Rosan ", "lastName": "Deo",
        "email": "Rosan@Deos.com", "phone": "+1 888-888-8888", "source": "public api",
        "companyName": "DGS VolMAX", "tags": ["lead", " VIP ", "Lead", ""],
        "address1": "3535 1st St N", "city": "Dolomite", "state": "AL", "country": "us",
        "timezone": "America/Chihuahua", "dateOfBirth": "1990/09/25"})");
    CHECK_STATUS(result, 201);
    CHECK_SPEC("create-contact", result);
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();

    const QString id = contact.value(QStringLiteral("id")).toString();
    QCOMPARE(id.size(), 20);
    QCOMPARE(contact.value(QStringLiteral("locationId")).toString(), fx.locationId());
    QCOMPARE(contact.value(QStringLiteral("firstName")).toString(), str("Rosan"));
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), str("Rosan Deo"));
    QCOMPARE(contact.value(QStringLiteral("firstNameLowerCase")).toString(), str("rosan"));
    QCOMPARE(contact.value(QStringLiteral("lastNameLowerCase")).toString(), str("deo"));
    QCOMPARE(contact.value(QStringLiteral("fullNameLowerCase")).toString(), str("rosan deo"));
    QCOMPARE(contact.value(QStringLiteral("email")).toString(), str("Rosan@Deos.com"));
    QCOMPARE(contact.value(QStringLiteral("emailLowerCase")).toString(), str("rosan@deos.com"));
    QCOMPARE(contact.value(QStringLiteral("phone")).toString(), str("+18888888888"));
    QCOMPARE(contact.value(QStringLiteral("country")).toString(), str("US"));
    QCOMPARE(contact.value(QStringLiteral("type")).toString(), str("lead"));
    QCOMPARE(contact.value(QStringLiteral("dnd")), QJsonValue(false));
    QCOMPARE(
        contact.value(QStringLiteral("tags")).toArray(), QJsonArray({str("lead"), str("VIP")}));
    QCOMPARE(contact.value(QStringLiteral("customFields")).toArray(), QJsonArray());
    QCOMPARE(
        contact.value(QStringLiteral("dateOfBirth")).toString(), str("1990-09-25T00:00:00.000Z"));
    QCOMPARE(contact.value(QStringLiteral("dateAdded")).toString(), ContactDesk::isoUtc(now));
    QCOMPARE(contact.value(QStringLiteral("dateUpdated")).toString(), ContactDesk::isoUtc(now));

    // What was created is what is read back.
    const HttpResult read = get(fx, id);
    CHECK_STATUS(read, 200);
    CHECK_SPEC("get-contact", read);
    QCOMPARE(read.object().value(QStringLiteral("contact")).toObject(), contact);
}

void TestSandboxContacts::createDefaultsWithoutNames()
{
    SandboxFixture fx;
    const QJsonObject contact = created(fx, R"({"email": "only@example.com"})");
    QCOMPARE(contact.value(QStringLiteral("type")).toString(), str("lead"));
    QCOMPARE(contact.value(QStringLiteral("tags")).toArray(), QJsonArray());
    QCOMPARE(contact.value(QStringLiteral("customFields")).toArray(), QJsonArray());
    // Absent values are left out, never sent as null.
    for (const char* key :
        {"name", "firstName", "firstNameLowerCase", "fullNameLowerCase", "phone", "companyName"}) {
        QVERIFY2(!contact.contains(str(key)), key);
    }
}

void TestSandboxContacts::createNameRules_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("fullNameLowerCase");

    QTest::newRow("first and last") << QByteArray(R"({"firstName":"Ada","lastName":"Byron"})")
                                    << str("Ada Byron") << str("ada byron");
    QTest::newRow("first only") << QByteArray(R"({"firstName":"Ada"})") << str("Ada") << str("ada");
    QTest::newRow("last only") << QByteArray(R"({"lastName":"Byron"})") << str("Byron")
                               << str("byron");
    QTest::newRow("explicit name wins")
        << QByteArray(R"({"firstName":"Ada","lastName":"Byron","name":"Lady Lovelace"})")
        << str("Lady Lovelace") << str("ada byron");
    QTest::newRow("name alone") << QByteArray(R"({"name":"Grace Hopper"})") << str("Grace Hopper")
                                << str("grace hopper");
}

void TestSandboxContacts::createNameRules()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, name);
    QFETCH(QString, fullNameLowerCase);
    SandboxFixture fx;
    const QJsonObject contact = created(fx, body);
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), name);
    QCOMPARE(contact.value(QStringLiteral("fullNameLowerCase")).toString(), fullNameLowerCase);
}

void TestSandboxContacts::createPhoneE164_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");

    QTest::newRow("US national with punctuation") << str("(415) 555-0100") << str("+14155550100");
    QTest::newRow("US dashed") << str("415-555-0101") << str("+14155550101");
    QTest::newRow("US with country code") << str("+1 415 555 0102") << str("+14155550102");
    QTest::newRow("already E.164") << str("+14155550103") << str("+14155550103");
    QTest::newRow("UK international") << str("+44 20 7946 0958") << str("+442079460958");
}

void TestSandboxContacts::createPhoneE164()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    SandboxFixture fx;
    const HttpResult result = fx.api(
        "POST", QStringLiteral("/contacts/"), withLocation({{QStringLiteral("phone"), input}}, fx));
    CHECK_STATUS(result, 201);
    QCOMPARE(result.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("phone"))
                 .toString(),
        stored);
}

void TestSandboxContacts::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad email") << QByteArray(R"({"email":"not-an-email"})")
                               << str("email must be an email");
    QTest::newRow("email without domain")
        << QByteArray(R"({"email":"someone@"})") << str("email must be an email");
    QTest::newRow("bad phone") << QByteArray(R"({"phone":"12"})")
                               << str("phone must be a valid phone number");
    QTest::newRow("letters for phone")
        << QByteArray(R"({"phone":"call me"})") << str("phone must be a valid phone number");
    QTest::newRow("bad dnd status")
        << QByteArray(R"({"dndSettings":{"Email":{"status":"maybe"}}})")
        << str("dndSettings.Email.status must be one of the following values: active, "
               "inactive, permanent");
    QTest::newRow("dnd status missing")
        << QByteArray(R"({"dndSettings":{"SMS":{"message":"x"}}})")
        << str("dndSettings.SMS.status must be one of the following values: active, "
               "inactive, permanent");
    QTest::newRow("unknown dnd channel")
        << QByteArray(R"({"dndSettings":{"Pigeon":{"status":"active"}}})")
        << str("property dndSettings.Pigeon should not exist");
    QTest::newRow("inbound dnd cannot be permanent")
        << QByteArray(R"({"inboundDndSettings":{"all":{"status":"permanent"}}})")
        << str("inboundDndSettings.all.status must be one of the following values: active, "
               "inactive");
    QTest::newRow("unknown custom field")
        << QByteArray(R"({"customFields":[{"id":"nosuchfield000000000","field_value":"x"}]})")
        << str("Custom field nosuchfield000000000 does not exist in this location");
    QTest::newRow("custom field of the wrong type")
        << QByteArray(R"({"customFields":[{"key":"contact.test_number","field_value":"many"}]})")
        << str("Custom field contact.test_number (NUMERICAL) must be a number");
    QTest::newRow("bad country") << QByteArray(R"({"country":"USA"})")
                                 << str("country must be a valid ISO 3166-1 alpha-2 code");
    QTest::newRow("bad timezone") << QByteArray(R"({"timezone":"Mars/Olympus"})")
                                  << str("timezone must be a valid IANA time zone");
    QTest::newRow("bad date of birth")
        << QByteArray(R"({"dateOfBirth":"25th of May"})")
        << str("dateOfBirth must be a date as YYYY-MM-DD, MM-DD-YYYY, YYYY/MM/DD or "
               "MM/DD/YYYY (separators -, /, . or _)");
    QTest::newRow("impossible date of birth")
        << QByteArray(R"({"dateOfBirth":"2021-02-30"})")
        << str("dateOfBirth must be a date as YYYY-MM-DD, MM-DD-YYYY, YYYY/MM/DD or "
               "MM/DD/YYYY (separators -, /, . or _)");
}

void TestSandboxContacts::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    addTestFields(fx);
    const HttpResult result = create(fx, body);
    CHECK_STATUS(result, 422);
    QCOMPARE(result.object().value(QStringLiteral("statusCode")).toInt(), 422);
    QVERIFY(result.object().value(QStringLiteral("message")).isArray());
    QVERIFY2(result.object().value(QStringLiteral("message")).toArray().contains(message),
        qPrintable(messageText(result)));
    // Nothing half-made was stored.
    QVERIFY(fx.data().contacts().isEmpty());
}

void TestSandboxContacts::createRefusesDuplicates_data()
{
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("matchingField");

    QTest::newRow("same email, other case")
        << QByteArray(R"({"email":"ROSAN@deos.com"})") << str("email");
    QTest::newRow("same phone, other format")
        << QByteArray(R"({"phone":"(415) 555-0100"})") << str("phone");
    QTest::newRow("email checked before phone")
        << QByteArray(R"({"phone":"+14155550100","email":"rosan@deos.com"})") << str("email");
}

void TestSandboxContacts::createRefusesDuplicates()
{
    QFETCH(QByteArray, second);
    QFETCH(QString, matchingField);
    SandboxFixture fx;
    const QJsonObject first
        = created(fx, R"({"firstName":"Rosan","lastName":"Deo","email":"rosan@deos.com",
               "phone":"+14155550100"})");
    const HttpResult result = create(fx, second);
    CHECK_STATUS(result, 400);
    const QJsonObject body = result.object();
    QCOMPARE(body.value(QStringLiteral("statusCode")).toInt(), 400);
    QCOMPARE(body.value(QStringLiteral("message")).toString(),
        str("This location does not allow duplicated contacts."));
    const QJsonObject meta = body.value(QStringLiteral("meta")).toObject();
    QCOMPARE(meta.value(QStringLiteral("contactId")).toString(),
        first.value(QStringLiteral("id")).toString());
    QCOMPARE(meta.value(QStringLiteral("contactName")).toString(), str("Rosan Deo"));
    QCOMPARE(meta.value(QStringLiteral("matchingField")).toString(), matchingField);
    QCOMPARE(fx.data().contacts().size(), 1);
}

void TestSandboxContacts::createAllowsDuplicatesWhenEnabled()
{
    SandboxFixture fx;
    fx.data().settings().allowDuplicates = true;
    created(fx, R"({"email":"twin@example.com"})");
    const HttpResult result = create(fx, R"({"email":"twin@example.com"})");
    CHECK_STATUS(result, 201);
    QCOMPARE(fx.data().contacts().size(), 2);
}

void TestSandboxContacts::createIgnoresOtherLocationsAndDeletedContacts()
{
    SandboxFixture fx;
    const QJsonObject first = created(fx, R"({"email":"again@example.com"})");
    CHECK_STATUS(fx.api("DELETE",
                     QStringLiteral("/contacts/") + first.value(QStringLiteral("id")).toString()),
        200);
    CHECK_STATUS(create(fx, R"({"email":"again@example.com"})"), 201);

    QJsonObject elsewhere {{QStringLiteral("id"), str("OtherLocContact00001")},
        {QStringLiteral("locationId"), fx.data().locations().at(1).id},
        {QStringLiteral("email"), str("shared@example.com")},
        {QStringLiteral("dateAdded"), ContactDesk::isoUtc(fx.clock().nowMs())}};
    fx.data().storeContact(elsewhere);
    CHECK_STATUS(create(fx, R"({"email":"shared@example.com"})"), 201);
}

void TestSandboxContacts::updateContact()
{
    SandboxFixture fx;
    const QJsonObject before
        = created(fx, R"({"firstName":"Rosan","lastName":"Deo","email":"rosan@deos.com",
               "tags":["a","b"],"dnd":false})");
    const QString id = before.value(QStringLiteral("id")).toString();
    fx.clock().advance(60000);

    const HttpResult result = fx.api("PUT", QStringLiteral("/contacts/") + id,
        json(R"({"lastName":"Doe","email":"R.Doe@Deos.com",
                                             "tags":["c","C"," d"],"dnd":true,
                                             "phone":"415 555 0199"})"));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("update-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("succeded")), QJsonValue(true));
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(contact.value(QStringLiteral("firstName")).toString(), str("Rosan"));
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), str("Rosan Doe"));
    QCOMPARE(contact.value(QStringLiteral("lastNameLowerCase")).toString(), str("doe"));
    QCOMPARE(contact.value(QStringLiteral("fullNameLowerCase")).toString(), str("rosan doe"));
    QCOMPARE(contact.value(QStringLiteral("emailLowerCase")).toString(), str("r.doe@deos.com"));
    QCOMPARE(contact.value(QStringLiteral("phone")).toString(), str("+14155550199"));
    QCOMPARE(contact.value(QStringLiteral("dnd")), QJsonValue(true));
    // Tags are replaced, not merged.
    QCOMPARE(contact.value(QStringLiteral("tags")).toArray(), QJsonArray({str("c"), str("d")}));
    QCOMPARE(contact.value(QStringLiteral("dateAdded")), before.value(QStringLiteral("dateAdded")));
    QCOMPARE(contact.value(QStringLiteral("dateUpdated")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));

    const HttpResult read = get(fx, id);
    QCOMPARE(read.object().value(QStringLiteral("contact")).toObject(), contact);
}

void TestSandboxContacts::updateKeepsExplicitNameAndClearsWithNull()
{
    SandboxFixture fx;
    const QJsonObject before
        = created(fx, R"({"firstName":"Ada","lastName":"Byron","name":"Lady Lovelace",
               "companyName":"Analytical Engines","website":"https://example.com"})");
    const QString id = before.value(QStringLiteral("id")).toString();
    HttpResult result = fx.api("PUT", QStringLiteral("/contacts/") + id,
        json(R"({"email":"ada@example.com","website":null})"));
    CHECK_STATUS(result, 200);
    QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), str("Lady Lovelace"));
    QVERIFY(!contact.contains(QStringLiteral("website")));
    QCOMPARE(contact.value(QStringLiteral("companyName")).toString(), str("Analytical Engines"));

    // Clearing the name, or writing a first name, makes it follow first and last name again.
    result = fx.api("PUT", QStringLiteral("/contacts/") + id, json(R"({"name":null})"));
    CHECK_STATUS(result, 200);
    QCOMPARE(result.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
        str("Ada Byron"));
    result = fx.api("PUT", QStringLiteral("/contacts/") + id, json(R"({"firstName":"Augusta"})"));
    contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), str("Augusta Byron"));
    QCOMPARE(contact.value(QStringLiteral("firstNameLowerCase")).toString(), str("augusta"));
}

void TestSandboxContacts::updateValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad email") << QByteArray(R"({"email":"nope"})")
                               << str("email must be an email");
    QTest::newRow("bad phone") << QByteArray(R"({"phone":"0"})")
                               << str("phone must be a valid phone number");
    // The pipeline's allow-list, seen through this operation (ISSUE #313).
    QTest::newRow("gender is not updatable")
        << QByteArray(R"({"gender":"female"})") << str("property gender should not exist");
}

void TestSandboxContacts::updateValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QJsonObject before = created(fx, R"({"firstName":"Keep","email":"keep@example.com"})");
    const QString id = before.value(QStringLiteral("id")).toString();
    fx.clock().advance(1000);
    const HttpResult result = fx.api("PUT", QStringLiteral("/contacts/") + id, json(body));
    CHECK_STATUS(result, 422);
    QVERIFY2(result.object().value(QStringLiteral("message")).toArray().contains(message),
        qPrintable(messageText(result)));
    QCOMPARE(get(fx, id).object().value(QStringLiteral("contact")).toObject(), before);
}

void TestSandboxContacts::deleteContact()
{
    SandboxFixture fx;
    const QString id
        = created(fx, R"({"firstName":"Gone"})").value(QStringLiteral("id")).toString();
    const HttpResult result = fx.api("DELETE", QStringLiteral("/contacts/") + id);
    CHECK_STATUS(result, 200);
    CHECK_SPEC("delete-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("succeded")), QJsonValue(true));

    const HttpResult after = get(fx, id);
    CHECK_STATUS(after, 400);
    QCOMPARE(after.object().value(QStringLiteral("message")).toString(),
        QStringLiteral("Contact with id %1 not found").arg(id));
    CHECK_STATUS(fx.api("DELETE", QStringLiteral("/contacts/") + id), 400);
}

void TestSandboxContacts::upsertCreatesThenUpdates()
{
    SandboxFixture fx;
    HttpResult result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"firstName":"Up","email":"up@example.com",
                                                    "tags":["one"]})"),
            fx));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("upsert-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("new")), QJsonValue(true));
    QVERIFY(!result.object().value(QStringLiteral("traceId")).toString().isEmpty());
    const QJsonObject first = result.object().value(QStringLiteral("contact")).toObject();
    const QString id = first.value(QStringLiteral("id")).toString();

    fx.clock().advance(5000);
    result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"lastName":"Dated","email":"UP@example.com",
                                         "tags":["two"]})"),
            fx));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("upsert-contact", result);
    QCOMPARE(result.object().value(QStringLiteral("new")), QJsonValue(false));
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(contact.value(QStringLiteral("name")).toString(), str("Up Dated"));
    QCOMPARE(contact.value(QStringLiteral("tags")).toArray(), QJsonArray({str("two")}));
    QCOMPARE(contact.value(QStringLiteral("dateAdded")), first.value(QStringLiteral("dateAdded")));
    QCOMPARE(contact.value(QStringLiteral("dateUpdated")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));
    QCOMPARE(fx.data().contacts().size(), 1);

    // A phone in another format finds the same contact.
    result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"phone":"+1 415 555 0123"})"), fx));
    const QString phoneId = result.object()
                                .value(QStringLiteral("contact"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
    result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"phone":"(415) 555-0123","city":"Oakland"})"), fx));
    QCOMPARE(result.object().value(QStringLiteral("new")), QJsonValue(false));
    QCOMPARE(result.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
        phoneId);
}

void TestSandboxContacts::upsertDropsGenderOnExisting()
{
    SandboxFixture fx;
    HttpResult result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"email":"g@example.com","gender":"male"})"), fx));
    QCOMPARE(result.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("gender"))
                 .toString(),
        str("male"));
    result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"email":"g@example.com","gender":"female",
                                         "city":"Reno"})"),
            fx));
    CHECK_STATUS(result, 200);
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("gender")).toString(), str("male"));
    QCOMPARE(contact.value(QStringLiteral("city")).toString(), str("Reno"));
}

void TestSandboxContacts::upsertEmailWinsOverPhone()
{
    SandboxFixture fx;
    const QJsonObject byEmail
        = created(fx, R"({"email":"mail@example.com","phone":"+14155550001"})");
    const QJsonObject byPhone
        = created(fx, R"({"email":"other@example.com","phone":"+14155550002"})");
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/upsert"),
        withLocation(json(R"({"email":"mail@example.com","phone":"+14155550002"})"), fx));
    CHECK_STATUS(result, 200);
    QCOMPARE(result.object().value(QStringLiteral("new")), QJsonValue(false));
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("id")), byEmail.value(QStringLiteral("id")));
    // The phone of the other contact is not merged in (ISSUE #37).
    QCOMPARE(contact.value(QStringLiteral("phone")).toString(), str("+14155550001"));
    QCOMPARE(get(fx, byPhone.value(QStringLiteral("id")).toString())
                 .object()
                 .value(QStringLiteral("contact"))
                 .toObject(),
        byPhone);
}

void TestSandboxContacts::upsertCreateNewIfDuplicateAllowed_data()
{
    QTest::addColumn<bool>("allowDuplicates");
    QTest::addColumn<bool>("createNew");
    QTest::addColumn<bool>("expectNew");

    QTest::newRow("allowed and asked: new contact") << true << true << true;
    QTest::newRow("allowed, not asked: match") << true << false << false;
    QTest::newRow("asked but not allowed: match") << false << true << false;
    QTest::newRow("neither: match") << false << false << false;
}

void TestSandboxContacts::upsertCreateNewIfDuplicateAllowed()
{
    QFETCH(bool, allowDuplicates);
    QFETCH(bool, createNew);
    QFETCH(bool, expectNew);
    SandboxFixture fx;
    const QJsonObject existing = created(fx, R"({"email":"dup@example.com"})");
    fx.data().settings().allowDuplicates = allowDuplicates;
    QJsonObject body = withLocation(json(R"({"email":"dup@example.com"})"), fx);
    body.insert(QStringLiteral("createNewIfDuplicateAllowed"), createNew);
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/upsert"), body);
    CHECK_STATUS(result, 200);
    QCOMPARE(result.object().value(QStringLiteral("new")).toBool(), expectNew);
    const QString id = result.object()
                           .value(QStringLiteral("contact"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    QCOMPARE(id != existing.value(QStringLiteral("id")).toString(), expectNew);
    QCOMPARE(fx.data().contacts().size(), expectNew ? 2 : 1);
}

void TestSandboxContacts::upsertValidation()
{
    SandboxFixture fx;
    const HttpResult result = fx.api(
        "POST", QStringLiteral("/contacts/upsert"), withLocation(json(R"({"email":"bad@"})"), fx));
    CHECK_STATUS(result, 422);
    QVERIFY(result.object()
                .value(QStringLiteral("message"))
                .toArray()
                .contains(str("email must be an email")));
    QVERIFY(fx.data().contacts().isEmpty());
}

void TestSandboxContacts::customFieldsWrite_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("stored"); // the value as JSON text

    QTest::newRow("text by key, field_value")
        << QByteArray(R"({"key":"contact.test_text","field_value":"My Text"})")
        << str("cfText00000000000001") << QByteArray(R"("My Text")");
    QTest::newRow("text by id, fieldValue")
        << QByteArray(R"({"id":"cfText00000000000001","fieldValue":"Camel"})")
        << str("cfText00000000000001") << QByteArray(R"("Camel")");
    QTest::newRow("large text") << QByteArray(R"({"key":"contact.test_large_text",
                                                "field_value":"line 1\nline 2"})")
                                << str("cfLarge0000000000001") << QByteArray(R"("line 1\nline 2")");
    QTest::newRow("single option")
        << QByteArray(R"({"id":"cfSingle000000000001","field_value":"Morning"})")
        << str("cfSingle000000000001") << QByteArray(R"("Morning")");
    QTest::newRow("radio") << QByteArray(R"({"id":"cfRadio0000000000001","field_value":"Yes"})")
                           << str("cfRadio0000000000001") << QByteArray(R"("Yes")");
    QTest::newRow("number") << QByteArray(R"({"id":"cfNumber000000000001","field_value":42})")
                            << str("cfNumber000000000001") << QByteArray("42");
    QTest::newRow("numeric text becomes a number")
        << QByteArray(R"({"id":"cfNumber000000000001","field_value":"42.5"})")
        << str("cfNumber000000000001") << QByteArray("42.5");
    QTest::newRow("money") << QByteArray(R"({"key":"contact.test_money","fieldValue":1999.99})")
                           << str("cfMoney0000000000001") << QByteArray("1999.99");
    QTest::newRow("checkbox") << QByteArray(
        R"({"id":"cfCheck0000000000001","field_value":["a","b"]})")
                              << str("cfCheck0000000000001") << QByteArray(R"(["a","b"])");
    QTest::newRow("multiple options")
        << QByteArray(R"({"key":"contact.test_multi","field_value":["x"]})")
        << str("cfMulti0000000000001") << QByteArray(R"(["x"])");
    QTest::newRow("file") << QByteArray(R"({"id":"cfFile00000000000001","field_value":
                                          {"f311":{"url":"https://example.com/f","documentId":"d1"}}})")
                          << str("cfFile00000000000001")
                          << QByteArray(
                                 R"({"f311":{"url":"https://example.com/f","documentId":"d1"}})");
    QTest::newRow("date") << QByteArray(
        R"({"id":"cfDate00000000000001","field_value":"2026-05-01"})")
                          << str("cfDate00000000000001") << QByteArray(R"("2026-05-01")");
}

void TestSandboxContacts::customFieldsWrite()
{
    QFETCH(QByteArray, item);
    QFETCH(QString, id);
    QFETCH(QByteArray, stored);
    SandboxFixture fx;
    addTestFields(fx);
    const QJsonValue expected = QJsonDocument::fromJson("[" + stored + "]").array().first();

    QJsonObject body = withLocation({}, fx);
    body.insert(QStringLiteral("customFields"), QJsonArray {json(item)});
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/"), body);
    CHECK_STATUS(result, 201);
    CHECK_SPEC("create-contact", result);
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    // The read shape is {id, value}, whichever way the field was named on the way in.
    const QJsonArray fields = contact.value(QStringLiteral("customFields")).toArray();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().toObject(),
        QJsonObject({{QStringLiteral("id"), id}, {QStringLiteral("value"), expected}}));

    const HttpResult read = get(fx, contact.value(QStringLiteral("id")).toString());
    CHECK_SPEC("get-contact", read);
    QCOMPARE(read.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("customFields"))
                 .toArray(),
        fields);
}

void TestSandboxContacts::customFieldsRejectWrongType_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QString>("message");

    QTest::newRow("number for text")
        << QByteArray(R"({"id":"cfText00000000000001","field_value":5})")
        << str("Custom field contact.test_text (TEXT) must be a string");
    QTest::newRow("text for money")
        << QByteArray(R"({"id":"cfMoney0000000000001","field_value":"lots"})")
        << str("Custom field contact.test_money (MONETORY) must be a number");
    QTest::newRow("string for checkbox")
        << QByteArray(R"({"id":"cfCheck0000000000001","field_value":"a"})")
        << str("Custom field contact.test_checkbox (CHECKBOX) must be an array of strings");
    QTest::newRow("numbers in multiple options")
        << QByteArray(R"({"id":"cfMulti0000000000001","field_value":[1,2]})")
        << str("Custom field contact.test_multi (MULTIPLE_OPTIONS) must be an array of "
               "strings");
    QTest::newRow("string for file")
        << QByteArray(R"({"id":"cfFile00000000000001","field_value":"f.pdf"})")
        << str("Custom field contact.test_file (FILE_UPLOAD) must be an object");
    QTest::newRow("no id or key") << QByteArray(R"({"field_value":"x"})")
                                  << str("customFields.0 must have an id or a key");
    QTest::newRow("no value") << QByteArray(R"({"id":"cfText00000000000001"})")
                              << str("customFields cfText00000000000001 needs field_value or "
                                     "fieldValue");
}

void TestSandboxContacts::customFieldsRejectWrongType()
{
    QFETCH(QByteArray, item);
    QFETCH(QString, message);
    SandboxFixture fx;
    addTestFields(fx);
    QJsonObject body = withLocation({}, fx);
    body.insert(QStringLiteral("customFields"), QJsonArray {json(item)});
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/"), body);
    CHECK_STATUS(result, 422);
    QVERIFY2(result.object().value(QStringLiteral("message")).toArray().contains(message),
        qPrintable(messageText(result)));
}

void TestSandboxContacts::customFieldsMergeAndRemove()
{
    SandboxFixture fx;
    addTestFields(fx);
    const QJsonObject contact
        = created(fx, R"({"customFields":[{"id":"cfText00000000000001","field_value":"a"},
                                {"id":"cfNumber000000000001","field_value":1},
                                {"id":"cfCheck0000000000001","field_value":["x"]}]})");
    const QString id = contact.value(QStringLiteral("id")).toString();
    const HttpResult result = fx.api("PUT", QStringLiteral("/contacts/") + id,
        json(R"({"customFields":[{"key":"contact.test_text","field_value":null},
                                 {"id":"cfNumber000000000001","fieldValue":2},
                                 {"id":"cfCheck0000000000001","field_value":""},
                                 {"id":"cfRadio0000000000001","field_value":"No"}]})"));
    CHECK_STATUS(result, 200);
    const QJsonObject values
        = customValues(result.object().value(QStringLiteral("contact")).toObject());
    QCOMPARE(values, json(R"({"cfNumber000000000001":2,"cfRadio0000000000001":"No"})"));
}

void TestSandboxContacts::customFieldsOfTheSandbox()
{
    // The sandbox's own definitions are usable by key, like a real location's.
    SandboxFixture fx;
    const QJsonObject* leadScore = fx.data().customFieldDefinition(str("contact.lead_score"));
    QVERIFY(leadScore);
    const QJsonObject contact
        = created(fx, R"({"customFields":[{"key":"contact.lead_score","field_value":87}]})");
    QCOMPARE(customValues(contact).value(leadScore->value(QStringLiteral("id")).toString()),
        QJsonValue(87));
}

void TestSandboxContacts::dndSettings()
{
    SandboxFixture fx;
    const HttpResult result = create(
        fx, R"({"dnd":true,"dndSettings":{"Email":{"status":"permanent","message":"bounced",
                "code":"x1"},"SMS":{"status":"active"}},
                "inboundDndSettings":{"all":{"status":"inactive","message":"ok"}}})");
    CHECK_STATUS(result, 201);
    CHECK_SPEC("create-contact", result);
    const QJsonObject contact = result.object().value(QStringLiteral("contact")).toObject();
    QCOMPARE(contact.value(QStringLiteral("dndSettings")).toObject(),
        json(R"({"Email":{"status":"permanent","message":"bounced","code":"x1"},
                      "SMS":{"status":"active"}})"));
    QCOMPARE(contact.value(QStringLiteral("inboundDndSettings")).toObject(),
        json(R"({"all":{"status":"inactive","message":"ok"}})"));

    // An update changes the channels it names and keeps the others.
    const HttpResult updated = fx.api("PUT",
        QStringLiteral("/contacts/") + contact.value(QStringLiteral("id")).toString(),
        json(R"({"dndSettings":{"SMS":{"status":"inactive"}}})"));
    CHECK_STATUS(updated, 200);
    QCOMPARE(updated.object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("dndSettings"))
                 .toObject(),
        json(R"({"Email":{"status":"permanent","message":"bounced","code":"x1"},
                      "SMS":{"status":"inactive"}})"));
}

void TestSandboxContacts::duplicateSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");

    QTest::newRow("email") << str("email=dupe%2Bsearch%40example.com") << true;
    QTest::newRow("email in other case") << str("email=DUPE%2BSEARCH%40EXAMPLE.COM") << true;
    QTest::newRow("number encoded") << str("number=%2B14155550177") << true;
    QTest::newRow("number national") << str("number=%28415%29%20555-0177") << true;
    QTest::newRow("both, email unknown") << str("email=x%40y.com&number=%2B14155550177") << true;
    QTest::newRow("unknown email") << str("email=nobody%40example.com") << false;
    QTest::newRow("unknown number") << str("number=%2B14155550000") << false;
    QTest::newRow("neither") << QString() << false;
}

void TestSandboxContacts::duplicateSearch()
{
    QFETCH(QString, query);
    QFETCH(bool, found);
    SandboxFixture fx;
    const QJsonObject contact
        = created(fx, R"({"email":"dupe+search@example.com","phone":"+14155550177"})");
    const HttpResult result = fx.api("GET",
        QStringLiteral("/contacts/search/duplicate?locationId=%1&%2").arg(fx.locationId(), query));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-duplicate-contact", result);
    QVERIFY(result.object().contains(QStringLiteral("contact")));
    if (found)
        QCOMPARE(result.object().value(QStringLiteral("contact")).toObject(), contact);
    else
        QVERIFY(result.object().value(QStringLiteral("contact")).isNull());
}

void TestSandboxContacts::duplicateSearchSkipsDeletedAndNeedsLocation()
{
    SandboxFixture fx;
    const QString id
        = created(fx, R"({"email":"del@example.com"})").value(QStringLiteral("id")).toString();
    fx.api("DELETE", QStringLiteral("/contacts/") + id);
    HttpResult result = fx.api("GET",
        QStringLiteral("/contacts/search/duplicate?locationId=%1"
                       "&email=del%40example.com")
            .arg(fx.locationId()));
    CHECK_STATUS(result, 200);
    QVERIFY(result.object().value(QStringLiteral("contact")).isNull());

    result = fx.api("GET", QStringLiteral("/contacts/search/duplicate?email=del%40example.com"));
    CHECK_STATUS(result, 422);
    QVERIFY(result.object()
                .value(QStringLiteral("message"))
                .toArray()
                .contains(str("locationId should not be empty")));
}

void TestSandboxContacts::business()
{
    SandboxFixture fx;
    const QString businessId = fx.data().businesses().keys().constFirst();
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(created(fx, QStringLiteral(R"({"firstName":"Member %1"})").arg(i).toUtf8())
                       .value(QStringLiteral("id"))
                       .toString());
        fx.clock().advance(1000);
    }
    const QString outsider
        = created(fx, R"({"firstName":"Outsider"})").value(QStringLiteral("id")).toString();

    QJsonObject body = withLocation({}, fx);
    body.insert(QStringLiteral("ids"), QJsonArray::fromStringList(ids));
    body.insert(QStringLiteral("businessId"), businessId);
    HttpResult result = fx.api("POST", QStringLiteral("/contacts/bulk/business"), body);
    CHECK_STATUS(result, 200);
    CHECK_SPEC("add-remove-contact-from-business", result);
    QCOMPARE(result.object().value(QStringLiteral("success")), QJsonValue(true));
    QCOMPARE(
        result.object().value(QStringLiteral("ids")).toArray(), QJsonArray::fromStringList(ids));
    QCOMPARE(get(fx, ids.first())
                 .object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .value(QStringLiteral("businessId"))
                 .toString(),
        businessId);

    // Default paging is skip 0, limit 25; skip and limit arrive as strings.
    const QString listPath
        = QStringLiteral("/contacts/business/%1?locationId=%2").arg(businessId, fx.locationId());
    result = fx.api("GET", listPath);
    CHECK_STATUS(result, 200);
    CHECK_SPEC("get-contacts-by-businessId", result);
    QCOMPARE(result.object().value(QStringLiteral("count")).toInt(), 5);
    QCOMPARE(result.object().value(QStringLiteral("contacts")).toArray().size(), 5);
    result = fx.api("GET", listPath + QStringLiteral("&skip=1&limit=2"));
    CHECK_STATUS(result, 200);
    QCOMPARE(result.object().value(QStringLiteral("count")).toInt(), 5);
    const QJsonArray page = result.object().value(QStringLiteral("contacts")).toArray();
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).toObject().value(QStringLiteral("id")).toString(), ids.at(1));
    QCOMPARE(page.at(1).toObject().value(QStringLiteral("id")).toString(), ids.at(2));
    result = fx.api("GET", listPath + QStringLiteral("&query=member%203"));
    QCOMPARE(result.object().value(QStringLiteral("count")).toInt(), 1);
    result = fx.api("GET", listPath + QStringLiteral("&limit=ten"));
    CHECK_STATUS(result, 422);

    // null detaches.
    body.insert(QStringLiteral("ids"), QJsonArray {ids.first()});
    body.insert(QStringLiteral("businessId"), QJsonValue(QJsonValue::Null));
    result = fx.api("POST", QStringLiteral("/contacts/bulk/business"), body);
    CHECK_STATUS(result, 200);
    QVERIFY(!get(fx, ids.first())
                 .object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .contains(QStringLiteral("businessId")));
    QCOMPARE(fx.api("GET", listPath).object().value(QStringLiteral("count")).toInt(), 4);
    QVERIFY(!get(fx, outsider)
                 .object()
                 .value(QStringLiteral("contact"))
                 .toObject()
                 .contains(QStringLiteral("businessId")));

    body.insert(QStringLiteral("businessId"), str("aaaaaaaaaaaaaaaaaaaaaaaa"));
    result = fx.api("POST", QStringLiteral("/contacts/bulk/business"), body);
    CHECK_STATUS(result, 400);
    QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
        str("Business with id aaaaaaaaaaaaaaaaaaaaaaaa not found"));
}

QTEST_GUILESS_MAIN(TestSandboxContacts)
#include "tst_sandboxcontacts.moc"
