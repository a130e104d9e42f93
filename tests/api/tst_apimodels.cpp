// The typed models and JSON codecs of the API client: decoding every response envelope,
// tolerating what the API leaves out, refusing what it gets wrong, and building request bodies
// that send only what changed and only what each operation's DTO allows.
#include "api/endpointcatalog.h"
#include "api/models/appointment.h"
#include "api/models/contact.h"
#include "api/models/envelopes.h"
#include "api/models/note.h"
#include "api/models/searchquery.h"
#include "api/models/task.h"
#include "api/models/wiretime.h"
#include "common/clock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <climits>
#include <functional>

using namespace ContactDesk;
using namespace ContactDesk::Api;

namespace {

using L = QLatin1StringView;

QJsonObject object(const QByteArray& json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad JSON in a test: %s", qPrintable(error.errorString()));
    return document.object();
}

QByteArray text(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QLatin1StringView(iso), Qt::ISODateWithMs).toUTC();
}

// A GET /contacts/{id} object with every field the contract lists, in the sandbox's spelling.
const QByteArray fullContact = R"({
    "additionalEmails": [{"email": "jane.d@example.org"}],
    "address1": "12 Congress Ave",
    "assignedTo": "Us3rAAAAAAAAAAAAAAAA",
    "attributionSource": {"medium": "manual", "sessionSource": "CRM UI"},
    "businessId": "641c094001436dbc2081e642",
    "city": "Austin",
    "companyName": "Acme Pools",
    "country": "US",
    "customFields": [
        {"id": "cfText00000000000000", "value": "blue"},
        {"id": "cfNumber000000000000", "value": 42},
        {"id": "cfMulti0000000000000", "value": ["Events", "Pricing"]}
    ],
    "dateAdded": "2021-07-02T05:18:26.704Z",
    "dateOfBirth": "1990-09-25",
    "dateUpdated": "2021-07-03T06:00:00.000Z",
    "dnd": true,
    "dndSettings": {
        "SMS": {"message": "Replied STOP", "status": "active"},
        "Email": {"status": "inactive"},
        "RCS": {"code": "103", "message": "Carrier block", "status": "permanent"}
    },
    "email": "Jane@Acmepools.com",
    "emailLowerCase": "jane@acmepools.com",
    "firstName": "Jane",
    "firstNameLowerCase": "jane",
    "followers": ["Us3rBBBBBBBBBBBBBBBB"],
    "fullNameLowerCase": "jane doe",
    "id": "sx6wyHhbFdRXh302LLNR",
    "inboundDndSettings": {"all": {"message": "Inbound off", "status": "active"}},
    "lastName": "Doe",
    "lastNameLowerCase": "doe",
    "locationId": "Loc0000000000000000A",
    "name": "Jane Doe",
    "phone": "+15125550100",
    "postalCode": "78701",
    "source": "web form",
    "state": "TX",
    "tags": ["vip", "Pool Owner"],
    "timezone": "America/Chicago",
    "type": "lead",
    "website": "www.acmepools.com"
})";

Contact decoded(const QByteArray& json)
{
    QString error;
    const auto contact = Contact::fromJson(object(json), &error);
    if (!contact)
        qFatal("test contact does not decode: %s", qPrintable(error));
    return *contact;
}

// Every key of `body` is a property the operation's DTO declares.
void verifyAllowed(const QJsonObject& body, const char* operationId)
{
    const Endpoint* endpoint = findEndpoint(QString::fromLatin1(operationId));
    QVERIFY(endpoint);
    for (const QString& key : body.keys()) {
        QVERIFY2(endpoint->field(key),
            qPrintable(QStringLiteral("%1 is not in the %2 DTO")
                           .arg(key, QString::fromLatin1(operationId))));
    }
}

// Runs the decoder named `name` on `body`; returns whether it decoded and the error.
bool decodeWith(const QString& name, const QJsonObject& body, QString* error)
{
    using Decoder = std::function<bool(const QJsonObject&, QString*)>;
    static const QHash<QString, Decoder> decoders {
        {QStringLiteral("contact"),
            [](const QJsonObject& b, QString* e) { return Envelopes::contact(b, e).has_value(); }},
        {QStringLiteral("updatedContact"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::updatedContact(b, e).has_value();
            }},
        {QStringLiteral("upsert"),
            [](const QJsonObject& b, QString* e) { return Envelopes::upsert(b, e).has_value(); }},
        {QStringLiteral("contactPage"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::contactPage(b, e).has_value();
            }},
        {QStringLiteral("duplicate"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::duplicate(b, e).has_value();
            }},
        {QStringLiteral("task"),
            [](const QJsonObject& b, QString* e) { return Envelopes::task(b, e).has_value(); }},
        {QStringLiteral("tasks"),
            [](const QJsonObject& b, QString* e) { return Envelopes::tasks(b, e).has_value(); }},
        {QStringLiteral("note"),
            [](const QJsonObject& b, QString* e) { return Envelopes::note(b, e).has_value(); }},
        {QStringLiteral("notes"),
            [](const QJsonObject& b, QString* e) { return Envelopes::notes(b, e).has_value(); }},
        {QStringLiteral("events"),
            [](const QJsonObject& b, QString* e) { return Envelopes::events(b, e).has_value(); }},
        {QStringLiteral("tags"),
            [](const QJsonObject& b, QString* e) { return Envelopes::tags(b, e).has_value(); }},
        {QStringLiteral("followers"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::followers(b, e).has_value();
            }},
        {QStringLiteral("succeeded"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::succeeded(b, e).has_value();
            }},
        {QStringLiteral("bulkTags"),
            [](const QJsonObject& b, QString* e) { return Envelopes::bulkTags(b, e).has_value(); }},
        {QStringLiteral("bulkBusiness"),
            [](const QJsonObject& b, QString* e) {
                return Envelopes::bulkBusiness(b, e).has_value();
            }},
    };
    const auto decoder = decoders.constFind(name);
    if (decoder == decoders.constEnd())
        qFatal("no decoder %s", qPrintable(name));
    return (*decoder)(body, error);
}

const QStringList allDecoders {
    QStringLiteral("contact"),
    QStringLiteral("updatedContact"),
    QStringLiteral("upsert"),
    QStringLiteral("contactPage"),
    QStringLiteral("duplicate"),
    QStringLiteral("task"),
    QStringLiteral("tasks"),
    QStringLiteral("note"),
    QStringLiteral("notes"),
    QStringLiteral("events"),
    QStringLiteral("tags"),
    QStringLiteral("followers"),
    QStringLiteral("succeeded"),
    QStringLiteral("bulkTags"),
    QStringLiteral("bulkBusiness"),
};

} // namespace

class TestApiModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contactDecodesEveryField();
    void contactRoundTrip_data();
    void contactRoundTrip();
    void contactToleratesMissingFields_data();
    void contactToleratesMissingFields();
    void contactRejectsWrongTypes_data();
    void contactRejectsWrongTypes();
    void wireTimes_data();
    void wireTimes();
    void isoUtcAgreesWithQt();
    void isoUtcToMsIsStrict_data();
    void isoUtcToMsIsStrict();
    void birthDates_data();
    void birthDates();

    void parseResponse_data();
    void parseResponse();
    void truncatedBodiesNeverDecode();
    void hugeArrays();
    void envelopeShapes_data();
    void envelopeShapes();
    void envelopeValues();
    void contactPageTotalsAndCursor_data();
    void contactPageTotalsAndCursor();

    void createBody();
    void updateBodySendsOnlyChanges_data();
    void updateBodySendsOnlyChanges();
    void updateBodyNeverSendsDisallowedKeys();
    void repeatedCustomFieldKeepsTheLastValue();
    void tagChange_data();
    void tagChange();

    void taskCodec();
    void taskBodies();
    void noteCodec();
    void appointmentTimes_data();
    void appointmentTimes();
    void appointmentWallClockEdges();
    void appointmentRoundTrip();

    void searchQueryJson();
    void searchQueryPaging();
    void searchQueryValidation_data();
    void searchQueryValidation();
};

void TestApiModels::contactDecodesEveryField()
{
    const Contact c = decoded(fullContact);
    QCOMPARE(c.id, QStringLiteral("sx6wyHhbFdRXh302LLNR"));
    QCOMPARE(c.locationId, QStringLiteral("Loc0000000000000000A"));
    QCOMPARE(c.name, QStringLiteral("Jane Doe"));
    QCOMPARE(c.firstName, QStringLiteral("Jane"));
    QCOMPARE(c.lastName, QStringLiteral("Doe"));
    QCOMPARE(c.email, QStringLiteral("Jane@Acmepools.com"));
    QCOMPARE(c.phone, QStringLiteral("+15125550100"));
    QCOMPARE(c.companyName, QStringLiteral("Acme Pools"));
    QCOMPARE(c.address1, QStringLiteral("12 Congress Ave"));
    QCOMPARE(c.city, QStringLiteral("Austin"));
    QCOMPARE(c.state, QStringLiteral("TX"));
    QCOMPARE(c.postalCode, QStringLiteral("78701"));
    QCOMPARE(c.country, QStringLiteral("US"));
    QCOMPARE(c.website, QStringLiteral("www.acmepools.com"));
    QCOMPARE(c.timezone, QStringLiteral("America/Chicago"));
    QCOMPARE(c.source, QStringLiteral("web form"));
    QCOMPARE(c.type, QStringLiteral("lead"));
    QCOMPARE(c.assignedTo, QStringLiteral("Us3rAAAAAAAAAAAAAAAA"));
    QCOMPARE(c.businessId, QStringLiteral("641c094001436dbc2081e642"));
    QCOMPARE(c.dateOfBirth, QDate(1990, 9, 25));
    QVERIFY(c.dnd);
    QCOMPARE(c.dndSettings[DndChannel::Sms],
        (DndStatus {QStringLiteral("active"), QStringLiteral("Replied STOP"), QString()}));
    QCOMPARE(c.dndSettings[DndChannel::Email]->status, QStringLiteral("inactive"));
    QCOMPARE(c.dndSettings[DndChannel::Rcs],
        (DndStatus {
            QStringLiteral("permanent"), QStringLiteral("Carrier block"), QStringLiteral("103")}));
    QVERIFY(!c.dndSettings[DndChannel::Call]);
    QVERIFY(c.dndSettings.extra.isEmpty());
    QCOMPARE(c.inboundDndSettings.all->status, QStringLiteral("active"));
    QCOMPARE(c.inboundDndSettings.all->message, QStringLiteral("Inbound off"));
    QCOMPARE(c.tags, (QStringList {QStringLiteral("vip"), QStringLiteral("Pool Owner")}));
    QCOMPARE(c.customFields.size(), 3);
    QCOMPARE(c.customFields.at(0).id, QStringLiteral("cfText00000000000000"));
    QCOMPARE(c.customFields.at(0).value, QJsonValue(QStringLiteral("blue")));
    QCOMPARE(c.customFields.at(1).value, QJsonValue(42));
    QCOMPARE(c.customFields.at(2).value,
        QJsonValue(QJsonArray {QStringLiteral("Events"), QStringLiteral("Pricing")}));
    QCOMPARE(c.followers, QStringList {QStringLiteral("Us3rBBBBBBBBBBBBBBBB")});
    QCOMPARE(c.dateAdded, utc("2021-07-02T05:18:26.704Z"));
    QCOMPARE(c.dateAdded.timeSpec(), Qt::UTC);
    QCOMPARE(c.dateUpdated, utc("2021-07-03T06:00:00.000Z"));
    // Keys without a typed field are kept, not dropped.
    QCOMPARE(c.extra.keys(),
        (QStringList {QStringLiteral("additionalEmails"), QStringLiteral("attributionSource"),
            QStringLiteral("emailLowerCase"), QStringLiteral("firstNameLowerCase"),
            QStringLiteral("fullNameLowerCase"), QStringLiteral("lastNameLowerCase")}));
}

void TestApiModels::contactRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("wireIdentical");
    QTest::newRow("every field") << fullContact << true;
    QTest::newRow("id only") << QByteArray(R"({"id": "abc", "dnd": false, "tags": [],
        "customFields": []})")
                             << true;
    QTest::newRow("search item with cursor")
        << QByteArray(R"({"id": "abc", "dnd": false, "tags": ["a"], "customFields": [],
            "searchAfter": [1625203106704, "abc"], "validEmail": true})")
        << true;
    // The create response writes dateOfBirth as a timestamp; the cache keeps the date.
    QTest::newRow("create response") << QByteArray(R"({"id": "abc", "deleted": false,
        "dateOfBirth": "1990-09-25T00:00:00.000Z", "birthDay": 25, "offers": []})")
                                     << false;
    QTest::newRow("custom field by key and file value") << QByteArray(
        R"({"id": "abc", "dnd": false, "tags": [], "customFields": [
            {"key": "contact.resume", "value": {"u1": {"url": "files.example/y.pdf"}}},
            {"id": "cfNull", "value": null}]})") << true;
    QTest::newRow("unknown dnd channel")
        << QByteArray(R"({"id": "abc", "dnd": false, "tags": [], "customFields": [],
            "dndSettings": {"Call": {"status": "active"}, "Fax": {"status": "active"}}})")
        << true;
}

void TestApiModels::contactRoundTrip()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, wireIdentical);
    const Contact first = decoded(json);
    QString error;
    const auto again = Contact::fromJson(first.toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, first);
    QCOMPARE(again->toJson(), first.toJson());
    if (wireIdentical)
        QCOMPARE(text(first.toJson()), text(object(json)));
    for (const QString& key : object(json).keys())
        QVERIFY2(first.toJson().contains(key), qPrintable(key));
}

void TestApiModels::contactToleratesMissingFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("only the id") << QByteArray(R"({"id": "abc"})");
    QTest::newRow("every optional field null") << QByteArray(R"({"id": "abc", "name": null,
        "email": null, "phone": null, "tags": null, "customFields": null, "dnd": null,
        "dndSettings": null, "inboundDndSettings": null, "followers": null,
        "dateAdded": null, "dateUpdated": null, "dateOfBirth": null, "businessId": null})");
    QTest::newRow("empty strings and containers") << QByteArray(R"({"id": "abc", "email": "",
        "dateOfBirth": "", "dateAdded": "", "tags": [], "dndSettings": {},
        "inboundDndSettings": {}, "customFields": []})");
    QTest::newRow("dnd channels null") << QByteArray(R"({"id": "abc",
        "dndSettings": {"SMS": null, "Call": {}}, "inboundDndSettings": {"all": null}})");
}

void TestApiModels::contactToleratesMissingFields()
{
    QFETCH(QByteArray, json);
    QString error;
    const auto contact = Contact::fromJson(object(json), &error);
    QVERIFY2(contact, qPrintable(error));
    QCOMPARE(contact->id, QStringLiteral("abc"));
    QVERIFY(contact->email.isEmpty());
    QVERIFY(contact->tags.isEmpty());
    QVERIFY(!contact->dateAdded.isValid());
    QVERIFY(!contact->dateOfBirth.isValid());
    QVERIFY(!contact->dnd);
    QVERIFY(!contact->inboundDndSettings.all);
    // Nulls become absent: toJson never writes null for a string field.
    const QJsonObject json2 = contact->toJson();
    for (auto it = json2.begin(); it != json2.end(); ++it)
        QVERIFY2(!it.value().isNull(), qPrintable(it.key()));
}

void TestApiModels::contactRejectsWrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* json, const char* expected) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(expected);
    };
    row("no id", R"({"name": "x"})", "contact.id: missing");
    row("empty id", R"({"id": ""})", "contact.id: empty");
    row("numeric id", R"({"id": 12})", "contact.id: expected a string, got a number");
    row("tags a string", R"({"id": "a", "tags": "vip"})",
        "contact.tags: expected an array of strings, got a string");
    row("tags of numbers", R"({"id": "a", "tags": ["ok", 3]})",
        "contact.tags[1]: expected a string, got a number");
    row("email an object", R"({"id": "a", "email": {}})",
        "contact.email: expected a string, got an object");
    row("dnd a string", R"({"id": "a", "dnd": "true"})",
        "contact.dnd: expected a boolean, got a string");
    row("bad dateAdded", R"({"id": "a", "dateAdded": "yesterday"})",
        "contact.dateAdded: not an ISO-8601 timestamp");
    row("impossible dateAdded", R"({"id": "a", "dateAdded": "2021-02-30T00:00:00.000Z"})",
        "contact.dateAdded: not an ISO-8601 timestamp");
    row("dateAdded a number", R"({"id": "a", "dateUpdated": 1625203106704})",
        "contact.dateUpdated: expected a string, got a number");
    row("bad dateOfBirth", R"({"id": "a", "dateOfBirth": "25th of May"})",
        "contact.dateOfBirth: not a date");
    row("dndSettings an array", R"({"id": "a", "dndSettings": []})",
        "contact.dndSettings: expected an object, got an array");
    row("dnd channel a string", R"({"id": "a", "dndSettings": {"SMS": "active"}})",
        "contact.dndSettings.SMS: expected an object, got a string");
    row("dnd status a bool", R"({"id": "a", "dndSettings": {"Call": {"status": true}}})",
        "contact.dndSettings.Call.status: expected a string, got a boolean");
    row("inbound all a number", R"({"id": "a", "inboundDndSettings": {"all": 1}})",
        "contact.inboundDndSettings.all: expected an object, got a number");
    row("customFields an object", R"({"id": "a", "customFields": {"id": "x"}})",
        "contact.customFields: expected an array, got an object");
    row("custom field a string", R"({"id": "a", "customFields": ["x"]})",
        "contact.customFields[0]: expected an object, got a string");
    row("custom field without id", R"({"id": "a", "customFields": [{"id": "x", "value": 1},
        {"value": 2}]})",
        "contact.customFields[1].id: missing");
    row("followers of objects", R"({"id": "a", "followers": [{}]})",
        "contact.followers[0]: expected a string, got an object");
}

void TestApiModels::contactRejectsWrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Contact::fromJson(object(json), &error));
    QCOMPARE(error, expected);
    // A null error pointer is allowed.
    QVERIFY(!Contact::fromJson(object(json), nullptr));
}

void TestApiModels::wireTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    const auto at = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("iso utc ms") << QStringLiteral("2021-07-02T05:18:26.704Z")
                                << at(2021, 7, 2, 5, 18, 26, 704);
    QTest::newRow("iso utc no ms")
        << QStringLiteral("2021-07-02T05:18:26Z") << at(2021, 7, 2, 5, 18, 26, 0);
    QTest::newRow("iso micro") << QStringLiteral("2021-07-02T05:18:26.704999Z")
                               << at(2021, 7, 2, 5, 18, 26, 704);
    QTest::newRow("iso offset") << QStringLiteral("2023-09-25T16:00:00+05:30")
                                << at(2023, 9, 25, 10, 30, 0, 0);
    QTest::newRow("iso negative offset")
        << QStringLiteral("2021-06-23T03:30:00-04:00") << at(2021, 6, 23, 7, 30, 0, 0);
    QTest::newRow("offset without colon")
        << QStringLiteral("2021-06-23T03:30:00+0100") << at(2021, 6, 23, 2, 30, 0, 0);
    QTest::newRow("zone-less is utc")
        << QStringLiteral("2021-07-16 11:00:00") << at(2021, 7, 16, 11, 0, 0, 0);
    QTest::newRow("no seconds") << QStringLiteral("2021-07-16T11:00Z")
                                << at(2021, 7, 16, 11, 0, 0, 0);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00.000Z")
                              << at(2024, 2, 29, 0, 0, 0, 0);
    const QDateTime refused;
    QTest::newRow("empty") << QString() << refused;
    QTest::newRow("date only") << QStringLiteral("2021-07-02") << refused;
    QTest::newRow("not a leap year") << QStringLiteral("2023-02-29T00:00:00Z") << refused;
    QTest::newRow("hour 24") << QStringLiteral("2021-07-02T24:00:00Z") << refused;
    QTest::newRow("trailing text") << QStringLiteral("2021-07-02T05:18:26Zjunk") << refused;
    QTest::newRow("offset too large") << QStringLiteral("2021-07-02T05:18:26+23:00") << refused;
    QTest::newRow("empty fraction") << QStringLiteral("2021-07-02T05:18:26.Z") << refused;
    QTest::newRow("year zero") << QStringLiteral("0000-01-01T00:00:00Z") << refused;
    QTest::newRow("before year one") << QStringLiteral("0001-01-01T00:00:00+01:00") << refused;
    QTest::newRow("epoch number") << QStringLiteral("1625203106704") << refused;
    QTest::newRow("arabic digits") << QStringLiteral("٢٠٢١-07-02T05:18:26Z") << refused;
}

void TestApiModels::wireTimes()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const auto parsed = parseUtcTime(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (!parsed)
        return;
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
}

// The hand-written formatter and parser (sync and search read and write hundreds of thousands of
// timestamps) must say exactly what Qt says, on both sides of the epoch and across leap days.
void TestApiModels::isoUtcAgreesWithQt()
{
    QList<qint64> values {0, -1, 1, 951782400000, 951868799999, -62135596800000, 253402300799999,
        1625203106704, 4102444800000, -2208988800001};
    QRandomGenerator random(20261129);
    for (int i = 0; i < 2000; ++i)
        values.append(qint64(random.bounded(1.0) * 253402300799999.0) - 62135596800000 / 2);
    for (const qint64 ms : values) {
        const QString expected
            = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        QCOMPARE(isoUtc(ms), expected);
        QCOMPARE(isoUtcToMs(expected), std::optional<qint64>(ms));
    }
    QCOMPARE(isoUtc(QDateTime()), QString());
}

void TestApiModels::isoUtcToMsIsStrict_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: not this format
    QTest::newRow("milliseconds") << QStringLiteral("2021-07-02T05:18:26.704Z") << 1625203106704LL;
    QTest::newRow("no fraction") << QStringLiteral("2021-07-02T05:18:26Z") << 1625203106000LL;
    QTest::newRow("one fraction digit")
        << QStringLiteral("2021-07-02T05:18:26.7Z") << 1625203106700LL;
    QTest::newRow("microseconds") << QStringLiteral("2021-07-02T05:18:26.704999Z")
                                  << 1625203106704LL;
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00.000Z") << 1709164800000LL;
    QTest::newRow("not a leap day") << QStringLiteral("2023-02-29T00:00:00.000Z") << -1LL;
    QTest::newRow("hour 24") << QStringLiteral("2021-07-02T24:00:00.000Z") << -1LL;
    QTest::newRow("empty fraction") << QStringLiteral("2021-07-02T05:18:26.Z") << -1LL;
    QTest::newRow("space separator") << QStringLiteral("2021-07-02 05:18:26.704Z") << -1LL;
    QTest::newRow("offset") << QStringLiteral("2021-07-02T05:18:26.704+00:00") << -1LL;
    QTest::newRow("letter in fraction") << QStringLiteral("2021-07-02T05:18:26.7x4Z") << -1LL;
    QTest::newRow("year zero") << QStringLiteral("0000-01-01T00:00:00.000Z") << -1LL;
    QTest::newRow("date only") << QStringLiteral("2021-07-02") << -1LL;
}

void TestApiModels::isoUtcToMsIsStrict()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = isoUtcToMs(text);
    QCOMPARE(parsed.value_or(-1), expected);
    // Whatever the fast path declines, the general parser still reads when it is a valid time.
    if (expected >= 0)
        QCOMPARE(parseUtcTime(text)->toMSecsSinceEpoch(), expected);
}

void TestApiModels::birthDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    const QDate date(1990, 9, 25);
    QTest::newRow("YYYY-MM-DD") << QStringLiteral("1990-09-25") << date;
    QTest::newRow("YYYY/MM/DD") << QStringLiteral("1990/09/25") << date;
    QTest::newRow("MM/DD/YYYY") << QStringLiteral("09/25/1990") << date;
    QTest::newRow("MM-DD-YYYY") << QStringLiteral("09-25-1990") << date;
    QTest::newRow("YYYY.MM.DD") << QStringLiteral("1990.09.25") << date;
    QTest::newRow("MM.DD.YYYY") << QStringLiteral("09.25.1990") << date;
    QTest::newRow("YYYY_MM_DD") << QStringLiteral("1990_09_25") << date;
    QTest::newRow("MM_DD_YYYY") << QStringLiteral("09_25_1990") << date;
    QTest::newRow("create response timestamp")
        << QStringLiteral("1990-09-25T00:00:00.000Z") << date;
    // The date as written, not moved to UTC.
    QTest::newRow("timestamp with offset") << QStringLiteral("1990-09-25T00:00:00+02:00") << date;
    QTest::newRow("mixed separators") << QStringLiteral("1990-09/25") << QDate();
    QTest::newRow("month 13") << QStringLiteral("1990-13-01") << QDate();
    QTest::newRow("words") << QStringLiteral("September") << QDate();
}

void TestApiModels::birthDates()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    const auto parsed = parseWireDate(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void TestApiModels::parseResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // empty: parses
    QTest::newRow("object") << QByteArray(R"({"contact": {"id": "a"}})") << QString();
    QTest::newRow("object with whitespace") << QByteArray(" \n{}\r\n") << QString();
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty response body");
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << QStringLiteral("empty response body");
    QTest::newRow("html error page")
        << QByteArray("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")
        << QStringLiteral("HTML instead of JSON");
    QTest::newRow("html after blank line")
        << QByteArray("\n\n<html></html>") << QStringLiteral("HTML instead of JSON");
    QTest::newRow("truncated") << QByteArray(R"({"contact": {"id": "a", "tags": ["x")")
                               << QStringLiteral("malformed JSON");
    QTest::newRow("plain text") << QByteArray("Too Many Requests")
                                << QStringLiteral("malformed JSON");
    QTest::newRow("array") << QByteArray("[1, 2]")
                           << QStringLiteral("expected a JSON object, got an array");
    QTest::newRow("nul bytes") << QByteArray("{\"a\":\0}", 7) << QStringLiteral("malformed JSON");
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << QStringLiteral("malformed JSON");
    QTest::newRow("over the limit")
        << QByteArray("{\"a\":\"" + QByteArray(maxResponseBytes, 'x') + "\"}")
        << QStringLiteral("response body too large");
}

void TestApiModels::parseResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QString error;
    const auto parsed = Envelopes::parseResponse(body, &error);
    QCOMPARE(parsed.has_value(), expected.isEmpty());
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void TestApiModels::truncatedBodiesNeverDecode()
{
    const QByteArray body = R"({"contacts": [)" + fullContact + "," + fullContact
        + R"(], "total": 2, "traceId": "7c1d"})";
    QVERIFY(Envelopes::parseResponse(body, nullptr));
    for (qsizetype size = 0; size < body.size(); ++size) {
        const QByteArray cut = body.left(size);
        QString error;
        const auto parsed = Envelopes::parseResponse(cut, &error);
        // Only a cut inside trailing whitespace could still be a whole object, and there is none.
        QVERIFY2(!parsed, qPrintable(QString::number(size)));
        QVERIFY(!error.isEmpty());
    }
}

void TestApiModels::hugeArrays()
{
    QJsonArray tags;
    for (int i = 0; i < 200000; ++i)
        tags.append(QStringLiteral("tag-%1").arg(i));
    QString error;
    const auto contact = Contact::fromJson(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("tags"), tags}},
        &error);
    QVERIFY2(contact, qPrintable(error));
    QCOMPARE(contact->tags.size(), 200000);

    // A million numbers where contacts belong fails at the first one, without decoding the rest.
    QJsonArray numbers;
    for (int i = 0; i < 1000000; ++i)
        numbers.append(i);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!Envelopes::contactPage({{QStringLiteral("contacts"), numbers}}, &error));
    QCOMPARE(error, QStringLiteral("contacts[0]: expected an object, got a number"));
    QVERIFY(timer.elapsed() < 1000);

    // A full page of the largest size decodes.
    const QJsonObject one = object(fullContact);
    QJsonArray contacts;
    for (int i = 0; i < 500; ++i) {
        QJsonObject c = one;
        c.insert(QStringLiteral("id"), QStringLiteral("id%1").arg(i));
        contacts.append(c);
    }
    const auto page = Envelopes::contactPage(
        {{QStringLiteral("contacts"), contacts}, {QStringLiteral("total"), 123456}}, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->contacts.size(), 500);
    QCOMPARE(page->contacts.last().id, QStringLiteral("id499"));
    QCOMPARE(page->total, 123456);
}

void TestApiModels::envelopeShapes_data()
{
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // empty: decodes
    const auto ok = [](const char* name, const char* decoder, const char* body) {
        QTest::newRow(name) << QString::fromLatin1(decoder) << QByteArray(body) << QString();
    };
    const auto bad
        = [](const char* name, const char* decoder, const char* body, const char* expected) {
              QTest::newRow(name) << QString::fromLatin1(decoder) << QByteArray(body)
                                  << QString::fromUtf8(expected);
          };
    ok("contact", "contact", R"({"contact": {"id": "a"}, "traceId": "t"})");
    bad("contact missing", "contact", R"({"contacts": [{"id": "a"}]})", "contact: missing");
    bad("contact null", "contact", R"({"contact": null})", "contact: missing");
    bad("contact an array", "contact", R"({"contact": [{"id": "a"}]})",
        "contact: expected an object, got an array");
    bad("contact without id", "contact", R"({"contact": {}})", "contact.id: missing");
    ok("update v2", "updatedContact", R"({"succeded": true, "contact": {"id": "a"}})");
    ok("update v3", "updatedContact", R"({"succeeded": true, "contact": {"id": "a"}})");
    bad("update without flag", "updatedContact", R"({"contact": {"id": "a"}})",
        "succeded: missing (and no succeeded)");
    bad("update flag a string", "updatedContact", R"({"succeded": "yes", "contact": {}})",
        "succeded: expected a boolean, got a string");
    ok("upsert", "upsert", R"({"new": true, "contact": {"id": "a"}, "traceId": "t"})");
    bad("upsert without new", "upsert", R"({"contact": {"id": "a"}})", "new: missing");
    bad("upsert traceId a number", "upsert", R"({"new": false, "contact": {"id": "a"},
        "traceId": 5})",
        "traceId: expected a string, got a number");
    ok("search page", "contactPage", R"({"contacts": [{"id": "a"}], "total": 1})");
    ok("list page", "contactPage", R"({"contacts": [], "count": 0, "meta": {"total": 0}})");
    bad("page without contacts", "contactPage", R"({"total": 1})", "contacts: missing");
    bad("page contacts an object", "contactPage", R"({"contacts": {"id": "a"}})",
        "contacts: expected an array, got an object");
    bad("page with a bad contact", "contactPage",
        R"({"contacts": [{"id": "a"}, {"id": "b", "tags": "x"}]})",
        "contacts[1].tags: expected an array of strings, got a string");
    bad("page total a string", "contactPage", R"({"contacts": [], "total": "12"})",
        "total: expected a number, got a string");
    bad("page total negative", "contactPage", R"({"contacts": [], "total": -1})",
        "total: expected a count");
    bad("page total fractional", "contactPage", R"({"contacts": [], "count": 1.5})",
        "count: expected a whole number");
    bad("page meta total huge", "contactPage", R"({"contacts": [], "meta": {"total": 1e300}})",
        "meta.total: expected a whole number");
    bad("page cursor an object", "contactPage",
        R"({"contacts": [{"id": "a", "searchAfter": {}}], "total": 1})",
        "contacts[0].searchAfter: expected an array, got an object");
    ok("duplicate found", "duplicate", R"({"contact": {"id": "a"}})");
    ok("no duplicate", "duplicate", R"({"contact": null})");
    bad("duplicate missing", "duplicate", R"({})", "contact: missing");
    bad("duplicate a string", "duplicate", R"({"contact": "a"})",
        "contact: expected an object, got a string");
    ok("task", "task", R"({"task": {"id": "t", "completed": false}})");
    bad("task completed a string", "task", R"({"task": {"id": "t", "completed": "no"}})",
        "task.completed: expected a boolean, got a string");
    ok("tasks", "tasks", R"({"tasks": [{"id": "t"}, {"id": "u"}]})");
    bad("tasks element null", "tasks", R"({"tasks": [{"id": "t"}, null]})",
        "tasks[1]: expected an object, got null");
    bad("tasks due date bad", "tasks", R"({"tasks": [{"id": "t", "dueDate": "soon"}]})",
        "tasks[0].dueDate: not an ISO-8601 timestamp");
    ok("note", "note", R"({"note": {"id": "n", "body": "hi", "pinned": true}})");
    bad("note pinned a number", "note", R"({"note": {"id": "n", "pinned": 1}})",
        "note.pinned: expected a boolean, got a number");
    ok("notes", "notes", R"({"notes": []})");
    bad("notes missing", "notes", R"({"note": []})", "notes: missing");
    ok("events", "events", R"({"events": [{"id": "e", "startTime": "2021-07-16 11:00:00"}]})");
    bad("events bad time", "events", R"({"events": [{"id": "e", "endTime": "11:00"}]})",
        "events[0].endTime: not a timestamp (ISO-8601 or YYYY-MM-DD HH:mm:ss)");
    bad("events users of numbers", "events", R"({"events": [{"id": "e", "users": [1]}]})",
        "events[0].users[0]: expected a string, got a number");
    ok("tags", "tags", R"({"tags": ["a", "b"]})");
    bad("tags missing", "tags", R"({"tag": ["a"]})", "tags: missing");
    bad("tags of null", "tags", R"({"tags": [null]})", "tags[0]: expected a string, got null");
    ok("followers added", "followers", R"({"followers": ["u"], "followersAdded": ["u"]})");
    ok("followers removed", "followers", R"({"followers": [], "followersRemoved": ["u"]})");
    bad("followers missing", "followers", R"({"followersAdded": []})", "followers: missing");
    ok("succeded", "succeeded", R"({"succeded": true})");
    ok("succeeded", "succeeded", R"({"succeeded": false})");
    bad("neither spelling", "succeeded", R"({"success": true})",
        "succeded: missing (and no succeeded)");
    ok("bulk tags", "bulkTags", R"({"succeded": true, "errorCount": 0, "responses": []})");
    bad("bulk tags item without type", "bulkTags",
        R"({"succeded": true, "errorCount": 0, "responses": [{"contactId": "a"}]})",
        "responses[0].type: missing");
    bad("bulk tags responses missing", "bulkTags", R"({"succeded": true, "errorCount": 0})",
        "responses: missing");
    ok("bulk business", "bulkBusiness", R"({"success": true, "ids": ["a"]})");
    bad("bulk business ids missing", "bulkBusiness", R"({"success": true})", "ids: missing");
    bad("bulk business success missing", "bulkBusiness", R"({"ids": []})", "success: missing");
}

void TestApiModels::envelopeShapes()
{
    QFETCH(QString, decoder);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QString error;
    const bool decodedOk = decodeWith(decoder, object(body), &error);
    QCOMPARE(decodedOk, expected.isEmpty());
    QCOMPARE(error, expected);

    // No decoder accepts an empty object or crashes on another operation's envelope.
    QString ignored;
    for (const QString& other : allDecoders) {
        decodeWith(other, object(body), &ignored);
        QVERIFY2(!decodeWith(other, QJsonObject(), &ignored), qPrintable(other));
    }
}

void TestApiModels::envelopeValues()
{
    QString error;
    for (const char* key : {"succeded", "succeeded"}) {
        const QJsonObject body {{QLatin1StringView(key), true},
            {QStringLiteral("contact"), QJsonObject {{QStringLiteral("id"), QStringLiteral("a")}}}};
        const auto update = Envelopes::updatedContact(body, &error);
        QVERIFY2(update, qPrintable(error));
        QVERIFY(update->succeeded);
        QCOMPARE(update->contact.id, QStringLiteral("a"));
    }
    QCOMPARE(Envelopes::succeeded(object(R"({"succeded": false})"), &error), false);
    QCOMPARE(Envelopes::succeeded(object(R"({"succeeded": true})"), &error), true);

    const auto upsert = Envelopes::upsert(
        object(R"({"new": false, "contact": {"id": "a", "tags": ["x"]}, "traceId": "abc"})"),
        &error);
    QVERIFY2(upsert, qPrintable(error));
    QVERIFY(!upsert->created);
    QCOMPARE(upsert->traceId, QStringLiteral("abc"));
    QCOMPARE(upsert->contact.tags, QStringList {QStringLiteral("x")});

    const auto none = Envelopes::duplicate(object(R"({"contact": null})"), &error);
    QVERIFY(none && !none->has_value());
    const auto found = Envelopes::duplicate(object(R"({"contact": {"id": "d"}})"), &error);
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->id, QStringLiteral("d"));

    const auto added = Envelopes::followers(
        object(R"({"followers": ["u1", "u2"], "followersAdded": ["u2"]})"), &error);
    QVERIFY2(added, qPrintable(error));
    QCOMPARE(added->followers, (QStringList {QStringLiteral("u1"), QStringLiteral("u2")}));
    QCOMPARE(added->added, QStringList {QStringLiteral("u2")});
    QVERIFY(added->removed.isEmpty());
    const auto removed
        = Envelopes::followers(object(R"({"followers": [], "followersRemoved": ["u1"]})"), &error);
    QVERIFY2(removed, qPrintable(error));
    QCOMPARE(removed->removed, QStringList {QStringLiteral("u1")});

    const auto bulk = Envelopes::bulkTags(object(R"({"succeded": true, "errorCount": 1,
        "responses": [
            {"contactId": "a", "message": "Tags updated", "type": "success", "oldTags": ["x"],
             "tagsAdded": ["y"], "tagsRemoved": []},
            {"contactId": "zz", "message": "contact id is not a valid firebase id",
             "type": "error"}]})"),
        &error);
    QVERIFY2(bulk, qPrintable(error));
    QVERIFY(bulk->succeeded);
    QCOMPARE(bulk->errorCount, 1);
    QCOMPARE(bulk->responses.size(), 2);
    QVERIFY(bulk->responses.at(0).succeeded());
    QCOMPARE(bulk->responses.at(0).oldTags, QStringList {QStringLiteral("x")});
    QCOMPARE(bulk->responses.at(0).tagsAdded, QStringList {QStringLiteral("y")});
    QVERIFY(!bulk->responses.at(1).succeeded());
    QCOMPARE(bulk->responses.at(1).contactId, QStringLiteral("zz"));
    QCOMPARE(
        bulk->responses.at(1).message, QStringLiteral("contact id is not a valid firebase id"));
    // Without errorCount, the error items are counted.
    const auto counted = Envelopes::bulkTags(object(R"({"succeeded": false, "responses": [
        {"contactId": "a", "type": "error"}, {"contactId": "b", "type": "error"}]})"),
        &error);
    QVERIFY2(counted, qPrintable(error));
    QCOMPARE(counted->errorCount, 2);

    const auto business
        = Envelopes::bulkBusiness(object(R"({"success": true, "ids": ["a", "b"]})"), &error);
    QVERIFY2(business, qPrintable(error));
    QVERIFY(business->success);
    QCOMPARE(business->ids, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));

    const auto tags = Envelopes::tags(object(R"({"tags": ["a", "b"]})"), &error);
    QCOMPARE(tags, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));

    const auto notes = Envelopes::notes(object(R"({"notes": [
        {"id": "n1", "body": "one", "dateAdded": "2024-01-02T03:04:05.006Z"},
        {"id": "n2", "body": "two"}]})"),
        &error);
    QVERIFY2(notes, qPrintable(error));
    QCOMPARE(notes->size(), 2);
    QCOMPARE(notes->at(0).dateAdded, utc("2024-01-02T03:04:05.006Z"));
    QCOMPARE(notes->at(1).body, QStringLiteral("two"));
}

void TestApiModels::contactPageTotalsAndCursor_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("total");
    QTest::addColumn<QByteArray>("cursor");
    QTest::newRow("search") << QByteArray(R"({"contacts": [
        {"id": "a", "searchAfter": [1, "a"]}, {"id": "b", "searchAfter": [2, "b"]}],
        "total": 7, "traceId": "t"})")
                            << 7 << QByteArray(R"([2, "b"])");
    QTest::newRow("list with meta") << QByteArray(R"({"contacts": [{"id": "a"}], "count": 40,
        "meta": {"total": 40, "startAfterId": "a", "startAfter": 1625203106704,
                 "nextPageUrl": "/contacts/?startAfterId=a"}})")
                                    << 40 << QByteArray("[]");
    QTest::newRow("business listing")
        << QByteArray(R"({"contacts": [], "count": 3})") << 3 << QByteArray("[]");
    QTest::newRow("only meta total")
        << QByteArray(R"({"contacts": [], "meta": {"total": 9}})") << 9 << QByteArray("[]");
    QTest::newRow("no total") << QByteArray(R"({"contacts": []})") << -1 << QByteArray("[]");
    QTest::newRow("null cursor") << QByteArray(R"({"contacts": [{"id": "a",
        "searchAfter": null}], "total": 1})")
                                 << 1 << QByteArray("[]");
}

void TestApiModels::contactPageTotalsAndCursor()
{
    QFETCH(QByteArray, body);
    QFETCH(int, total);
    QFETCH(QByteArray, cursor);
    QString error;
    const auto page = Envelopes::contactPage(object(body), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->total, total);
    QCOMPARE(page->lastSearchAfter, QJsonDocument::fromJson(cursor).array());
    QCOMPARE(page->meta, object(body).value(L("meta")).toObject());
}

void TestApiModels::createBody()
{
    Contact contact = decoded(fullContact);
    contact.customFields.append({QString(), QStringLiteral("favourite_colour"), QJsonValue(1)});
    const QJsonObject body = contact.createBody(QStringLiteral("Loc0000000000000000B"));
    verifyAllowed(body, "create-contact");
    QCOMPARE(body.value(L("locationId")).toString(), QStringLiteral("Loc0000000000000000B"));
    QCOMPARE(body.value(L("firstName")).toString(), QStringLiteral("Jane"));
    QCOMPARE(body.value(L("companyName")).toString(), QStringLiteral("Acme Pools"));
    QCOMPARE(body.value(L("dateOfBirth")).toString(), QStringLiteral("1990-09-25"));
    QCOMPARE(body.value(L("dnd")), QJsonValue(true));
    QCOMPARE(body.value(L("tags")).toArray(),
        (QJsonArray {QStringLiteral("vip"), QStringLiteral("Pool Owner")}));
    QCOMPARE(body.value(L("dndSettings")).toObject().value(L("SMS")).toObject(),
        object(R"({"status": "active", "message": "Replied STOP"})"));
    QCOMPARE(body.value(L("customFields")).toArray(),
        QJsonDocument::fromJson(R"([
            {"id": "cfText00000000000000", "field_value": "blue"},
            {"id": "cfNumber000000000000", "field_value": 42},
            {"id": "cfMulti0000000000000", "field_value": ["Events", "Pricing"]},
            {"key": "favourite_colour", "field_value": 1}])")
            .array());
    // Read-only and server-owned keys are not part of a create.
    for (const char* key : {"id", "type", "businessId", "followers", "dateAdded", "dateUpdated",
             "emailLowerCase", "additionalEmails"})
        QVERIFY2(!body.contains(QLatin1StringView(key)), key);

    // Only what is set.
    Contact sparse;
    sparse.firstName = QStringLiteral("Solo");
    const QJsonObject minimal = sparse.createBody(QStringLiteral("L"));
    QCOMPARE(minimal,
        (QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Solo")},
            {QStringLiteral("locationId"), QStringLiteral("L")}}));

    const QJsonObject upsert = sparse.upsertBody(QStringLiteral("L"), true);
    verifyAllowed(upsert, "upsert-contact");
    QCOMPARE(upsert.value(L("createNewIfDuplicateAllowed")), QJsonValue(true));
    QVERIFY(!sparse.upsertBody(QStringLiteral("L")).contains(L("createNewIfDuplicateAllowed")));
}

void TestApiModels::updateBodySendsOnlyChanges_data()
{
    QTest::addColumn<std::function<void(Contact&)>>("change");
    QTest::addColumn<bool>("replaceTags");
    QTest::addColumn<QByteArray>("expected");
    using Change = std::function<void(Contact&)>;
    const auto row
        = [](const char* name, Change change, const char* expected, bool replaceTags = false) {
              QTest::newRow(name) << change << replaceTags << QByteArray(expected);
          };
    row(
        "nothing", [](Contact&) {}, "{}");
    row(
        "first name", [](Contact& c) { c.firstName = QStringLiteral("Janet"); },
        R"({"firstName": "Janet"})");
    row(
        "cleared email is null", [](Contact& c) { c.email.clear(); }, R"({"email": null})");
    row(
        "cleared postal code is empty", [](Contact& c) { c.postalCode.clear(); },
        R"({"postalCode": ""})");
    row(
        "cleared country is empty", [](Contact& c) { c.country.clear(); }, R"({"country": ""})");
    row(
        "cleared source is null", [](Contact& c) { c.source.clear(); }, R"({"source": null})");
    row(
        "cleared birth date is null", [](Contact& c) { c.dateOfBirth = QDate(); },
        R"({"dateOfBirth": null})");
    row(
        "new birth date", [](Contact& c) { c.dateOfBirth = QDate(1991, 1, 2); },
        R"({"dateOfBirth": "1991-01-02"})");
    row(
        "company name is not in the PUT DTO",
        [](Contact& c) { c.companyName = QStringLiteral("Other"); }, "{}");
    row(
        "location is not in the PUT DTO",
        [](Contact& c) { c.locationId = QStringLiteral("elsewhere"); }, "{}");
    row(
        "server-owned fields",
        [](Contact& c) {
            c.type = QStringLiteral("customer");
            c.businessId.clear();
            c.followers.clear();
            c.dateUpdated = c.dateUpdated.addDays(1);
            c.extra.insert(QStringLiteral("gender"), QStringLiteral("female"));
        },
        "{}");
    row(
        "tags go through the tag endpoints",
        [](Contact& c) { c.tags.append(QStringLiteral("new")); }, "{}");
    row(
        "tags replaced on request", [](Contact& c) { c.tags = {QStringLiteral("only")}; },
        R"({"tags": ["only"]})", true);
    row(
        "all tags cleared on request", [](Contact& c) { c.tags.clear(); }, R"({"tags": []})", true);
    row(
        "unchanged tags not sent even on request", [](Contact&) {}, "{}", true);
    row(
        "dnd flag", [](Contact& c) { c.dnd = false; }, R"({"dnd": false})");
    row(
        "dnd channel added",
        [](Contact& c) {
            c.dndSettings[DndChannel::Call] = DndStatus {QStringLiteral("active"), {}, {}};
        },
        R"({"dndSettings": {"Call": {"status": "active"},
            "Email": {"status": "inactive"},
            "SMS": {"status": "active", "message": "Replied STOP"},
            "RCS": {"status": "permanent", "message": "Carrier block", "code": "103"}}})");
    row(
        "dnd channel dropped", [](Contact& c) { c.dndSettings[DndChannel::Sms].reset(); },
        R"({"dndSettings": {"Email": {"status": "inactive"}, "SMS": {"status": "inactive"},
            "RCS": {"status": "permanent", "message": "Carrier block", "code": "103"}}})");
    row(
        "inbound dnd cleared", [](Contact& c) { c.inboundDndSettings = {}; },
        R"({"inboundDndSettings": {"all": {"status": "inactive"}}})");
    row(
        "custom field changed", [](Contact& c) { c.customFields[1].value = 43; },
        R"({"customFields": [{"id": "cfNumber000000000000", "field_value": 43}]})");
    row(
        "custom field removed", [](Contact& c) { c.customFields.removeAt(0); },
        R"({"customFields": [{"id": "cfText00000000000000", "field_value": ""}]})");
    row(
        "custom field added",
        [](Contact& c) {
            c.customFields.append({QStringLiteral("cfNew"), {}, QStringLiteral("v")});
        },
        R"({"customFields": [{"id": "cfNew", "field_value": "v"}]})");
    row(
        "several at once",
        [](Contact& c) {
            c.lastName = QStringLiteral("Roe");
            c.name = QStringLiteral("Jane Roe");
            c.phone = QStringLiteral("+15125550199");
            c.assignedTo.clear();
        },
        R"({"lastName": "Roe", "name": "Jane Roe", "phone": "+15125550199",
            "assignedTo": null})");
}

void TestApiModels::updateBodySendsOnlyChanges()
{
    QFETCH(std::function<void(Contact&)>, change);
    QFETCH(bool, replaceTags);
    QFETCH(QByteArray, expected);
    const Contact before = decoded(fullContact);
    Contact after = before;
    change(after);
    const QJsonObject body = Contact::updateBody(before, after, replaceTags);
    verifyAllowed(body, "update-contact");
    QCOMPARE(body, object(expected));
}

void TestApiModels::updateBodyNeverSendsDisallowedKeys()
{
    // Every field changed and every extra key the server sent: still only DTO keys.
    const Contact before = decoded(fullContact);
    Contact after;
    after.id = QStringLiteral("other");
    after.locationId = QStringLiteral("other");
    after.companyName = QStringLiteral("Other Co");
    after.type = QStringLiteral("customer");
    after.businessId = QStringLiteral("0123456789abcdef01234567");
    after.followers = {QStringLiteral("u")};
    after.dateAdded = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    after.extra = object(R"({"gender": "male", "emailLowerCase": "x", "ssn": "1"})");
    after.dndSettings.extra.insert(QStringLiteral("sms"), QJsonObject());
    for (bool replace : {false, true}) {
        const QJsonObject body = Contact::updateBody(before, after, replace);
        verifyAllowed(body, "update-contact");
        for (const char* key : {"locationId", "gender", "companyName", "id", "type", "businessId",
                 "followers", "dateAdded"})
            QVERIFY2(!body.contains(QLatin1StringView(key)), key);
        QCOMPARE(body.contains(L("tags")), replace);
        QCOMPARE(body.value(L("email")), QJsonValue(QJsonValue::Null));
        QCOMPARE(body.value(L("postalCode")), QJsonValue(QString()));
    }
}

// A response naming one field twice (found by fuzz_apicodecs) must not make an unchanged
// contact look changed.
void TestApiModels::repeatedCustomFieldKeepsTheLastValue()
{
    const Contact contact = decoded(R"({"id": "c",
        "customFields": [{"id": "a1", "value": "old"}, {"id": "b2", "value": 3},
                         {"id": "a1", "value": "new"}]})");
    QCOMPARE(contact.customFields.size(), 2);
    QCOMPARE(contact.customFields.first().id, QStringLiteral("a1"));
    QCOMPARE(contact.customFields.first().value, QJsonValue(QStringLiteral("new")));
    QVERIFY(Contact::updateBody(contact, contact, true).isEmpty());
}

void TestApiModels::tagChange_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("add");
    QTest::addColumn<QStringList>("remove");
    const auto list = [](const char* joined) {
        return QString::fromUtf8(joined).split(u',', Qt::SkipEmptyParts);
    };
    QTest::newRow("same") << list("a,b") << list("a,b") << list("") << list("");
    QTest::newRow("reordered") << list("a,b") << list("b,a") << list("") << list("");
    QTest::newRow("added") << list("a") << list("a,b,c") << list("b,c") << list("");
    QTest::newRow("removed") << list("a,b,c") << list("b") << list("") << list("a,c");
    QTest::newRow("both") << list("a,b") << list("b,c") << list("c") << list("a");
    QTest::newRow("case only") << list("VIP") << list("vip") << list("") << list("");
    QTest::newRow("duplicates") << list("") << list("x,X,x") << list("x") << list("");
    QTest::newRow("from nothing") << list("") << list("a") << list("a") << list("");
    QTest::newRow("to nothing") << list("a,b") << list("") << list("") << list("a,b");
}

void TestApiModels::tagChange()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, add);
    QFETCH(QStringList, remove);
    Contact a;
    a.tags = before;
    Contact b;
    b.tags = after;
    const TagChange change = Contact::tagChange(a, b);
    QCOMPARE(change.add, add);
    QCOMPARE(change.remove, remove);
    QCOMPARE(change.isEmpty(), add.isEmpty() && remove.isEmpty());
}

void TestApiModels::taskCodec()
{
    const QByteArray json = R"({"assignedTo": "Us3rAAAAAAAAAAAAAAAA", "body": "Call back",
        "completed": false, "contactId": "sx6wyHhbFdRXh302LLNR",
        "dateAdded": "2024-03-01T10:00:00.000Z", "dueDate": "2024-03-05T15:30:00.000Z",
        "id": "Task0000000000000001", "title": "Follow up", "priority": "high"})";
    QString error;
    const auto task = Task::fromJson(object(json), &error);
    QVERIFY2(task, qPrintable(error));
    QCOMPARE(task->id, QStringLiteral("Task0000000000000001"));
    QCOMPARE(task->contactId, QStringLiteral("sx6wyHhbFdRXh302LLNR"));
    QCOMPARE(task->title, QStringLiteral("Follow up"));
    QCOMPARE(task->body, QStringLiteral("Call back"));
    QCOMPARE(task->assignedTo, QStringLiteral("Us3rAAAAAAAAAAAAAAAA"));
    QCOMPARE(task->dueDate, utc("2024-03-05T15:30:00.000Z"));
    QVERIFY(!task->completed);
    QCOMPARE(task->dateAdded, utc("2024-03-01T10:00:00.000Z"));
    QCOMPARE(task->extra, object(R"({"priority": "high"})"));
    QCOMPARE(task->toJson(), object(json));
    QCOMPARE(Task::fromJson(task->toJson(), &error), task);

    const auto sparse = Task::fromJson(object(R"({"id": "t"})"), &error);
    QVERIFY2(sparse, qPrintable(error));
    QVERIFY(!sparse->dateAdded.isValid());
    QCOMPARE(Task::fromJson(sparse->toJson(), &error), sparse);

    QVERIFY(!Task::fromJson(object(R"({"title": "x"})"), &error));
    QCOMPARE(error, QStringLiteral("task.id: missing"));
    QVERIFY(!Task::fromJson(object(R"({"id": "t", "dueDate": "2024-13-01T00:00:00Z"})"), &error));
    QCOMPARE(error, QStringLiteral("task.dueDate: not an ISO-8601 timestamp"));
}

void TestApiModels::taskBodies()
{
    Task task;
    task.id = QStringLiteral("server-owned");
    task.title = QStringLiteral("Send contract");
    task.dueDate = QDateTime(QDate(2024, 3, 5), QTime(15, 30), Qt::UTC);
    QJsonObject body = task.createBody();
    verifyAllowed(body, "create-task");
    QCOMPARE(body, object(R"({"title": "Send contract", "dueDate": "2024-03-05T15:30:00.000Z",
        "completed": false})"));
    task.body = QStringLiteral("Details");
    task.assignedTo = QStringLiteral("u");
    body = task.createBody();
    QCOMPARE(body.value(L("body")).toString(), QStringLiteral("Details"));
    QCOMPARE(body.value(L("assignedTo")).toString(), QStringLiteral("u"));

    Task after = task;
    QCOMPARE(Task::updateBody(task, after), QJsonObject());
    after.completed = true;
    after.title = QStringLiteral("Contract sent");
    QCOMPARE(
        Task::updateBody(task, after), object(R"({"completed": true, "title": "Contract sent"})"));
    after = task;
    after.body.clear();
    after.dueDate = task.dueDate.addDays(1);
    body = Task::updateBody(task, after);
    verifyAllowed(body, "update-task");
    QCOMPARE(body, object(R"({"body": "", "dueDate": "2024-03-06T15:30:00.000Z"})"));
    // A due date cannot be erased; an unset one is left out.
    after.dueDate = QDateTime();
    QVERIFY(!Task::updateBody(task, after).contains(L("dueDate")));

    QCOMPARE(Task::completionBody(true), object(R"({"completed": true})"));
    verifyAllowed(Task::completionBody(false), "update-task-completed");
}

void TestApiModels::noteCodec()
{
    const QByteArray json = R"({"body": "Prefers email", "color": "#FFAA00",
        "contactId": "sx6wyHhbFdRXh302LLNR", "dateAdded": "2024-03-01T10:00:00.123Z",
        "id": "Note0000000000000001", "pinned": true, "title": "Contact preference",
        "userId": "Us3rAAAAAAAAAAAAAAAA"})";
    QString error;
    const auto note = Note::fromJson(object(json), &error);
    QVERIFY2(note, qPrintable(error));
    QCOMPARE(note->body, QStringLiteral("Prefers email"));
    QCOMPARE(note->color, QStringLiteral("#FFAA00"));
    QCOMPARE(note->title, QStringLiteral("Contact preference"));
    QCOMPARE(note->userId, QStringLiteral("Us3rAAAAAAAAAAAAAAAA"));
    QVERIFY(note->pinned);
    QCOMPARE(note->dateAdded, utc("2024-03-01T10:00:00.123Z"));
    QCOMPARE(note->toJson(), object(json));
    QCOMPARE(Note::fromJson(note->toJson(), &error), note);

    QJsonObject body = note->createBody();
    verifyAllowed(body, "create-note");
    QCOMPARE(body, object(R"({"body": "Prefers email", "color": "#FFAA00", "pinned": true,
        "title": "Contact preference", "userId": "Us3rAAAAAAAAAAAAAAAA"})"));
    Note plain;
    plain.body = QStringLiteral("x");
    QCOMPARE(plain.createBody(), object(R"({"body": "x"})"));

    Note after = *note;
    QCOMPARE(Note::updateBody(*note, after), QJsonObject());
    after.pinned = false;
    after.color.clear();
    body = Note::updateBody(*note, after);
    verifyAllowed(body, "update-note");
    QCOMPARE(body, object(R"({"pinned": false, "color": ""})"));

    QVERIFY(!Note::fromJson(object(R"({"id": "n", "body": ["x"]})"), &error));
    QCOMPARE(error, QStringLiteral("note.body: expected a string, got an array"));
}

void TestApiModels::appointmentTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QTimeZone>("zone");
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<int>("offset"); // seconds east of UTC the time is kept in
    const QTimeZone utcZone = QTimeZone::utc();
    const QTimeZone india(19800);
    const QDateTime noonUtc(QDate(2021, 7, 16), QTime(11, 0), Qt::UTC);
    QTest::newRow("spaced, utc") << QStringLiteral("2021-07-16 11:00:00") << utcZone << noonUtc
                                 << 0;
    QTest::newRow("spaced, calendar zone")
        << QStringLiteral("2021-07-16 16:30:00") << india << noonUtc << 19800;
    QTest::newRow("iso offset ignores the zone")
        << QStringLiteral("2021-07-16T16:30:00+05:30") << utcZone << noonUtc << 19800;
    QTest::newRow("iso z") << QStringLiteral("2021-07-16T11:00:00.000Z") << india << noonUtc << 0;
    QTest::newRow("iso negative offset")
        << QStringLiteral("2021-07-16T06:00:00-05:00") << utcZone << noonUtc << -18000;
    const QTimeZone chicago(QByteArrayLiteral("America/Chicago"));
    if (chicago.isValid()) {
        QTest::newRow("spaced, iana zone in summer")
            << QStringLiteral("2021-07-16 06:00:00") << chicago << noonUtc << -18000;
        QTest::newRow("spaced, iana zone in winter")
            << QStringLiteral("2021-01-16 05:00:00") << chicago
            << QDateTime(QDate(2021, 1, 16), QTime(11, 0), Qt::UTC) << -21600;
    }
}

void TestApiModels::appointmentTimes()
{
    QFETCH(QString, text);
    QFETCH(QTimeZone, zone);
    QFETCH(QDateTime, instant);
    QFETCH(int, offset);
    const QJsonObject json {{QStringLiteral("id"), QStringLiteral("e")},
        {QStringLiteral("startTime"), text}, {QStringLiteral("endTime"), text},
        {QStringLiteral("dateAdded"), text}, {QStringLiteral("dateUpdated"), text}};
    QString error;
    const auto appointment = Appointment::fromJson(json, &error, QStringLiteral("event"), zone);
    QVERIFY2(appointment, qPrintable(error));
    for (const QDateTime& time : {appointment->startTime, appointment->endTime,
             appointment->dateAdded, appointment->dateUpdated}) {
        QCOMPARE(time.toMSecsSinceEpoch(), instant.toMSecsSinceEpoch());
        QCOMPARE(time.offsetFromUtc(), offset);
    }
    // Written back with its offset, it reads the same in any zone.
    const auto again = Appointment::fromJson(
        appointment->toJson(), &error, QStringLiteral("event"), QTimeZone(-3600));
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, *appointment);
    QCOMPARE(again->startTime.offsetFromUtc(), offset);
}

void TestApiModels::appointmentWallClockEdges()
{
    const QJsonObject json {{QStringLiteral("id"), QStringLiteral("e")},
        {QStringLiteral("startTime"), QStringLiteral("2021-03-14 02:30:00")}};
    QString error;
    // A contact without a usable timezone: wall-clock times are read as UTC, not refused.
    const auto unknown = Appointment::fromJson(
        json, &error, QStringLiteral("event"), QTimeZone(QByteArrayLiteral("No/Such_Zone")));
    QVERIFY2(unknown, qPrintable(error));
    QCOMPARE(unknown->startTime, QDateTime(QDate(2021, 3, 14), QTime(2, 30), Qt::UTC));

    // 02:30 does not exist in Chicago that night (clocks jump from 02:00 to 03:00); the time
    // still decodes to an instant within the jump.
    const QTimeZone chicago(QByteArrayLiteral("America/Chicago"));
    if (!chicago.isValid())
        QSKIP("no tz database");
    const auto gap = Appointment::fromJson(json, &error, QStringLiteral("event"), chicago);
    QVERIFY2(gap, qPrintable(error));
    QVERIFY(gap->startTime.isValid());
    const QDateTime before(QDate(2021, 3, 14), QTime(8, 0), Qt::UTC);
    QVERIFY(gap->startTime >= before && gap->startTime <= before.addSecs(3600));
    const auto again = Appointment::fromJson(gap->toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, *gap);
}

void TestApiModels::appointmentRoundTrip()
{
    // The two shapes the sandbox seeds, one per spelling.
    const QByteArray body = R"({"events": [
        {"address": "zoom.us/j/1234567890", "appointmentStatus": "confirmed",
         "assignedUserId": "Us3rAAAAAAAAAAAAAAAA", "calendarId": "Cal00000000000000001",
         "contactId": "sx6wyHhbFdRXh302LLNR", "dateAdded": "2021-07-01 09:15:00",
         "dateUpdated": "2021-07-02 10:00:00", "endTime": "2021-07-16 11:30:00",
         "groupId": "Grp00000000000000001", "id": "Evt00000000000000001",
         "locationId": "Loc0000000000000000A", "notes": "Bring the signed paperwork.",
         "startTime": "2021-07-16 11:00:00", "status": "booked",
         "title": "Consultation with Jane Doe", "users": ["Us3rAAAAAAAAAAAAAAAA"]},
        {"address": "12 Congress Ave", "appointmentStatus": "showed", "calendarId": "c",
         "contactId": "sx6wyHhbFdRXh302LLNR", "dateAdded": "2023-09-20T08:00:00+05:30",
         "dateUpdated": "2023-09-25T17:00:00+05:30", "endTime": "2023-09-25T17:00:00+05:30",
         "id": "Evt00000000000000002", "startTime": "2023-09-25T16:00:00+05:30",
         "status": "booked", "title": "Demo", "assignedResources": []}]})";
    QString error;
    const auto events = Envelopes::events(object(body), &error);
    QVERIFY2(events, qPrintable(error));
    QCOMPARE(events->size(), 2);
    const Appointment& first = events->at(0);
    QCOMPARE(first.id, QStringLiteral("Evt00000000000000001"));
    QCOMPARE(first.calendarId, QStringLiteral("Cal00000000000000001"));
    QCOMPARE(first.locationId, QStringLiteral("Loc0000000000000000A"));
    QCOMPARE(first.contactId, QStringLiteral("sx6wyHhbFdRXh302LLNR"));
    QCOMPARE(first.groupId, QStringLiteral("Grp00000000000000001"));
    QCOMPARE(first.title, QStringLiteral("Consultation with Jane Doe"));
    QCOMPARE(first.status, QStringLiteral("booked"));
    QCOMPARE(first.appointmentStatus, QStringLiteral("confirmed"));
    QCOMPARE(first.assignedUserId, QStringLiteral("Us3rAAAAAAAAAAAAAAAA"));
    QCOMPARE(first.notes, QStringLiteral("Bring the signed paperwork."));
    QCOMPARE(first.address, QStringLiteral("zoom.us/j/1234567890"));
    QCOMPARE(first.users, QStringList {QStringLiteral("Us3rAAAAAAAAAAAAAAAA")});
    QCOMPARE(first.startTime, QDateTime(QDate(2021, 7, 16), QTime(11, 0), Qt::UTC));
    QCOMPARE(first.endTime.secsTo(first.startTime), -1800);
    const Appointment& second = events->at(1);
    QCOMPARE(second.startTime, QDateTime(QDate(2023, 9, 25), QTime(10, 30), Qt::UTC));
    QCOMPARE(second.extra, object(R"({"assignedResources": []})"));
    for (const Appointment& appointment : *events) {
        const auto again = Appointment::fromJson(appointment.toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, appointment);
    }
    QCOMPARE(second.toJson().value(L("startTime")).toString(),
        QStringLiteral("2023-09-25T16:00:00+05:30"));

    // The same events read in the calendar's zone move by its offset.
    const auto zoned = Envelopes::events(object(body), &error, QTimeZone(-5 * 3600));
    QVERIFY2(zoned, qPrintable(error));
    QCOMPARE(zoned->at(0).startTime, QDateTime(QDate(2021, 7, 16), QTime(16, 0), Qt::UTC));
    QCOMPARE(zoned->at(1).startTime, second.startTime);
}

void TestApiModels::searchQueryJson()
{
    SearchQuery query(QStringLiteral("Loc0000000000000000A"), 50);
    query.setQuery(QStringLiteral("jane"))
        .addFilter(Filter::eq(QStringLiteral("tags"), QStringLiteral("vip")))
        .addFilter(Filter::group(Filter::Group::Or,
            {Filter::contains(QStringLiteral("email"), QStringLiteral("@acme")),
                Filter::notContains(QStringLiteral("firstNameLowerCase"), QStringLiteral("x")),
                Filter::group(Filter::Group::And,
                    {Filter::exists(QStringLiteral("phone")),
                        Filter::notExists(QStringLiteral("dndSettings.SMS.status")),
                        Filter::notEq(QStringLiteral("dnd"), true)})}))
        .addFilter(Filter::range(QStringLiteral("dateAdded"),
            {.gte = QStringLiteral("2024-01-01T00:00:00.000Z"), .lt = 1735689600000.0}))
        .addFilter(Filter::eq(QStringLiteral("customFields.cfNumber000000000000"), 42))
        .addSort(QStringLiteral("dateAdded"), SortDirection::Descending)
        .addSort(QStringLiteral("firstNameLowerCase"))
        .setPage(3);
    QCOMPARE(query.validate(), QString());
    verifyAllowed(query.toJson(), "search-contacts-advanced");
    QCOMPARE(query.toJson(), object(R"({
        "locationId": "Loc0000000000000000A",
        "pageLimit": 50,
        "page": 3,
        "query": "jane",
        "filters": [
            {"field": "tags", "operator": "eq", "value": "vip"},
            {"group": "OR", "filters": [
                {"field": "email", "operator": "contains", "value": "@acme"},
                {"field": "firstNameLowerCase", "operator": "not_contains", "value": "x"},
                {"group": "AND", "filters": [
                    {"field": "phone", "operator": "exists"},
                    {"field": "dndSettings.SMS.status", "operator": "not_exists"},
                    {"field": "dnd", "operator": "not_eq", "value": true}]}]},
            {"field": "dateAdded", "operator": "range",
             "value": {"gte": "2024-01-01T00:00:00.000Z", "lt": 1735689600000}},
            {"field": "customFields.cfNumber000000000000", "operator": "eq", "value": 42}],
        "sort": [{"field": "dateAdded", "direction": "desc"},
                 {"field": "firstNameLowerCase", "direction": "asc"}]
    })"));

    // The minimum the API requires.
    QCOMPARE(SearchQuery(QStringLiteral("L")).toJson(),
        object(R"({"locationId": "L", "pageLimit": 100})"));
}

void TestApiModels::searchQueryPaging()
{
    SearchQuery query(QStringLiteral("L"), 1000);
    QCOMPARE(query.pageLimit(), SearchQuery::maxPageLimit);
    query.setPageLimit(0);
    QCOMPARE(query.pageLimit(), 1);
    query.setPageLimit(-5);
    QCOMPARE(query.pageLimit(), 1);
    query.setPageLimit(250);

    // page and searchAfter exclude each other: the last one set wins.
    query.setPage(2);
    const QJsonArray cursor {1625203106704.0, QStringLiteral("sx6wyHhbFdRXh302LLNR")};
    query.setSearchAfter(cursor);
    QJsonObject json = query.toJson();
    QVERIFY(!json.contains(L("page")));
    QCOMPARE(json.value(L("searchAfter")).toArray(), cursor);
    query.setPage(4);
    json = query.toJson();
    QCOMPARE(json.value(L("page")).toInt(), 4);
    QVERIFY(!json.contains(L("searchAfter")));

    // searchAfter reaches past the first 10,000 records where page numbers cannot.
    query.setPageLimit(500).setPage(21);
    QVERIFY(query.validate().contains(QLatin1StringView("searchAfter")));
    query.setPage(20);
    QCOMPARE(query.validate(), QString());
    query.setSearchAfter(cursor);
    QCOMPARE(query.validate(), QString());
}

void TestApiModels::searchQueryValidation_data()
{
    QTest::addColumn<std::function<void(SearchQuery&)>>("build");
    QTest::addColumn<QString>("expected"); // substring of the problem; empty: valid
    using Build = std::function<void(SearchQuery&)>;
    const auto row = [](const char* name, Build build, const char* expected) {
        QTest::newRow(name) << build << QString::fromUtf8(expected);
    };
    row(
        "valid", [](SearchQuery&) {}, "");
    row(
        "no location", [](SearchQuery& q) { q = SearchQuery(QString()); }, "locationId");
    row(
        "query at the limit", [](SearchQuery& q) { q.setQuery(QString(75, u'a')); }, "");
    row(
        "query too long", [](SearchQuery& q) { q.setQuery(QString(76, u'a')); },
        "at most 75 characters");
    row(
        "page zero", [](SearchQuery& q) { q.setPage(0); }, "numbered from 1");
    row(
        "last reachable page", [](SearchQuery& q) { q.setPageLimit(100).setPage(100); }, "");
    row(
        "past 10,000", [](SearchQuery& q) { q.setPageLimit(100).setPage(101); }, "use searchAfter");
    row(
        "huge page number", [](SearchQuery& q) { q.setPageLimit(500).setPage(INT_MAX); },
        "use searchAfter");
    row(
        "contains too long",
        [](SearchQuery& q) {
            q.addFilter(Filter::contains(QStringLiteral("email"), QString(76, u'x')));
        },
        "at most 75 characters");
    row(
        "contains empty",
        [](SearchQuery& q) { q.addFilter(Filter::notContains(QStringLiteral("email"), {})); },
        "needs a text");
    row(
        "eq without value",
        [](SearchQuery& q) { q.addFilter(Filter::eq(QStringLiteral("email"), QJsonValue())); },
        "needs a value");
    row(
        "filter without field", [](SearchQuery& q) { q.addFilter(Filter::exists(QString())); },
        "needs a field");
    row(
        "empty range",
        [](SearchQuery& q) { q.addFilter(Filter::range(QStringLiteral("dateAdded"), {})); },
        "needs a bound");
    row(
        "range of objects",
        [](SearchQuery& q) {
            q.addFilter(Filter::range(QStringLiteral("dateAdded"), {.gt = QJsonObject()}));
        },
        "numbers or dates");
    row(
        "empty group", [](SearchQuery& q) { q.addFilter(Filter::group(Filter::Group::And, {})); },
        "at least one filter");
    row(
        "bad filter deep in a group",
        [](SearchQuery& q) {
            q.addFilter(Filter::group(Filter::Group::Or,
                {Filter::exists(QStringLiteral("phone")),
                    Filter::group(
                        Filter::Group::And, {Filter::contains(QStringLiteral("email"), {})})}));
        },
        "needs a text");
    row(
        "sort without field", [](SearchQuery& q) { q.addSort(QString()); }, "sort key");
}

void TestApiModels::searchQueryValidation()
{
    QFETCH(std::function<void(SearchQuery&)>, build);
    QFETCH(QString, expected);
    SearchQuery query(QStringLiteral("L"));
    build(query);
    const QString problem = query.validate();
    if (expected.isEmpty())
        QCOMPARE(problem, QString());
    else
        QVERIFY2(problem.contains(expected), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestApiModels)
#include "tst_apimodels.moc"
