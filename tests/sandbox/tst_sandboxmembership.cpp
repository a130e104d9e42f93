#include "sandboxtesthelpers.h"

#include "common/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk::Testing;

namespace {

QString createContact(SandboxFixture& fx, const QString& email, const QStringList& tags = {})
{
    return postContact(fx,
        {{QStringLiteral("firstName"), str("Grace")}, {QStringLiteral("email"), email},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}})
        .value(QStringLiteral("id"))
        .toString();
}

QJsonObject contactRecord(SandboxFixture& fx, const QString& id)
{
    const QJsonObject* contact = fx.data().liveContact(id);
    return contact ? *contact : QJsonObject();
}

QStringList tagsOf(SandboxFixture& fx, const QString& id)
{
    return strings(contactRecord(fx, id).value(QStringLiteral("tags")));
}

QJsonObject bulkBody(SandboxFixture& fx, const QStringList& contacts, const QStringList& tags)
{
    return {{QStringLiteral("locationId"), fx.locationId()},
        {QStringLiteral("contacts"), QJsonArray::fromStringList(contacts)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}};
}

} // namespace

class TestSandboxMembership : public QObject
{
    Q_OBJECT

private:
    SpecValidator m_spec;

private Q_SLOTS:
    void addTags();
    void addNothingNewKeepsTheContact();
    void removeTagsWithJsonBody();
    void tagValidation_data();
    void tagValidation();
    void bulkAddReportsEachContact();
    void bulkRemove();
    void bulkRemoveAll();
    void bulkAllFailing();
    void bulkType_data();
    void bulkType();
    void bulkRemoveAllOnlyWithRemove();
    void bulkValidation();
    void followers();
    void unknownFollower();
    void campaigns();
    void workflows();
    void workflowStartTime_data();
    void workflowStartTime();
    void unknownContact_data();
    void unknownContact();
};

void TestSandboxMembership::addTags()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("g@example.com"), {str("existing")});
    QVERIFY(!id.isEmpty());
    const QString before = contactRecord(fx, id).value(QStringLiteral("dateUpdated")).toString();
    fx.clock().advance(5000);

    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/%1/tags").arg(id),
        json(R"({"tags": ["vip", "Existing", " lead ", "VIP", ""]})"));
    CHECK_STATUS(result, 201);
    CHECK_SPEC("add-tags", result);
    const QStringList expected {str("existing"), str("vip"), str("lead")};
    QCOMPARE(strings(result.object().value(QStringLiteral("tags"))), expected);
    QCOMPARE(tagsOf(fx, id), expected);
    const QString after = contactRecord(fx, id).value(QStringLiteral("dateUpdated")).toString();
    QCOMPARE(after, ContactDesk::isoUtc(fx.clock().nowMs()));
    QVERIFY(after > before);
    // What GET /contacts/{id} serves agrees.
    const HttpResult fetched = fx.api("GET", QStringLiteral("/contacts/") + id);
    QCOMPARE(strings(fetched.object()
                         .value(QStringLiteral("contact"))
                         .toObject()
                         .value(QStringLiteral("tags"))),
        expected);
}

void TestSandboxMembership::addNothingNewKeepsTheContact()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("same@example.com"), {str("a"), str("b")});
    QVERIFY(!id.isEmpty());
    const QJsonObject before = contactRecord(fx, id);
    fx.clock().advance(5000);
    const HttpResult result
        = fx.api("POST", QStringLiteral("/contacts/%1/tags").arg(id), json(R"({"tags": ["B"]})"));
    CHECK_STATUS(result, 201);
    QCOMPARE(
        strings(result.object().value(QStringLiteral("tags"))), (QStringList {str("a"), str("b")}));
    QCOMPARE(contactRecord(fx, id), before);
}

void TestSandboxMembership::removeTagsWithJsonBody()
{
    SandboxFixture fx;
    const QString id = createContact(
        fx, QStringLiteral("r@example.com"), {str("one"), str("Two"), str("three")});
    QVERIFY(!id.isEmpty());
    fx.clock().advance(1000);
    const HttpResult result = fx.api("DELETE", QStringLiteral("/contacts/%1/tags").arg(id),
        json(R"({"tags": ["two", "missing"]})"));
    CHECK_STATUS(result, 200);
    CHECK_SPEC("remove-tags", result);
    const QStringList expected {str("one"), str("three")};
    QCOMPARE(strings(result.object().value(QStringLiteral("tags"))), expected);
    QCOMPARE(tagsOf(fx, id), expected);
    QCOMPARE(contactRecord(fx, id).value(QStringLiteral("dateUpdated")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));
}

void TestSandboxMembership::tagValidation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("add without tags")
        << QByteArray("POST") << QByteArray("{}") << str("tags should not be empty");
    QTest::newRow("remove without tags")
        << QByteArray("DELETE") << QByteArray("{}") << str("tags should not be empty");
    QTest::newRow("tags as text") << QByteArray("POST") << QByteArray(R"({"tags": "vip"})")
                                  << str("tags must be an array");
    QTest::newRow("numbers in tags") << QByteArray("POST") << QByteArray(R"({"tags": ["a", 3]})")
                                     << str("each value in tags must be a string");
    QTest::newRow("unknown property")
        << QByteArray("DELETE") << QByteArray(R"({"tags": ["a"], "all": true})")
        << str("property all should not exist");
}

void TestSandboxMembership::tagValidation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("tv@example.com"), {str("a")});
    QVERIFY(!id.isEmpty());
    const HttpResult result
        = fx.api(method, QStringLiteral("/contacts/%1/tags").arg(id), json(body.constData()));
    CHECK_STATUS(result, 422);
    CHECK_SPEC(method == "POST" ? "add-tags" : "remove-tags", result);
    QVERIFY2(messages(result).contains(message), qPrintable(messages(result).join(u'|')));
    QCOMPARE(tagsOf(fx, id), QStringList {str("a")});
}

void TestSandboxMembership::bulkAddReportsEachContact()
{
    SandboxFixture fx;
    const QString first = createContact(fx, QStringLiteral("b1@example.com"), {str("old")});
    const QString second = createContact(fx, QStringLiteral("b2@example.com"));
    const QString deleted = createContact(fx, QStringLiteral("b3@example.com"));
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !deleted.isEmpty());
    CHECK_STATUS(fx.api("DELETE", QStringLiteral("/contacts/") + deleted), 200);
    // A contact of the agency's other location, put there directly.
    const QString foreign = str("3ualbhnV7j3n3a9r2moD");
    QJsonObject other = contactRecord(fx, second);
    other.insert(QStringLiteral("id"), foreign);
    other.insert(QStringLiteral("locationId"), fx.data().locations().at(1).id);
    fx.data().storeContact(other);
    const QString unknown = str("qFSqySFkVvNzOSqgGqFi");
    fx.clock().advance(2000);

    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/add"),
        bulkBody(fx, {first, str("abcdef"), deleted, foreign, unknown, second},
            {str("new"), str("OLD")}));
    CHECK_STATUS(result, 201);
    const QJsonObject body = result.object();
    QCOMPARE(body.value(QStringLiteral("succeded")), QJsonValue(true));
    QCOMPARE(body.value(QStringLiteral("errorCount")).toInt(), 4);
    const QJsonArray responses = body.value(QStringLiteral("responses")).toArray();
    QCOMPARE(responses.size(), 6);

    const auto expectError = [&responses](int index, const QString& id, const char* message) {
        const QJsonObject item = responses.at(index).toObject();
        return item.value(QStringLiteral("contactId")).toString() == id
            && item.value(QStringLiteral("type")).toString() == QLatin1StringView("error")
            && item.value(QStringLiteral("message")).toString() == str(message) && item.size() == 3;
    };
    QVERIFY(expectError(1, str("abcdef"), "contact id is not a valid firebase id"));
    QVERIFY(expectError(2, deleted, "contact is deleted"));
    QVERIFY(expectError(3, foreign, "contact does not belong to location"));
    QVERIFY(expectError(4, unknown, "contact not found"));

    const QJsonObject firstResult = responses.at(0).toObject();
    QCOMPARE(firstResult.value(QStringLiteral("contactId")).toString(), first);
    QCOMPARE(firstResult.value(QStringLiteral("type")).toString(), str("success"));
    QCOMPARE(firstResult.value(QStringLiteral("message")).toString(), str("Tags updated"));
    QCOMPARE(strings(firstResult.value(QStringLiteral("oldTags"))), QStringList {str("old")});
    QCOMPARE(strings(firstResult.value(QStringLiteral("tagsAdded"))), QStringList {str("new")});
    QCOMPARE(strings(firstResult.value(QStringLiteral("tagsRemoved"))), QStringList());
    const QJsonObject lastResult = responses.at(5).toObject();
    QCOMPARE(strings(lastResult.value(QStringLiteral("oldTags"))), QStringList());
    QCOMPARE(strings(lastResult.value(QStringLiteral("tagsAdded"))),
        (QStringList {str("new"), str("OLD")}));

    QCOMPARE(tagsOf(fx, first), (QStringList {str("old"), str("new")}));
    QCOMPARE(tagsOf(fx, second), (QStringList {str("new"), str("OLD")}));
    QCOMPARE(contactRecord(fx, second).value(QStringLiteral("dateUpdated")).toString(),
        ContactDesk::isoUtc(fx.clock().nowMs()));
    QCOMPARE(
        strings(fx.data().contacts().value(foreign).value(QStringLiteral("tags"))), QStringList());
    QVERIFY(fx.data().liveContact(deleted) == nullptr);

    // The spec types `responses` items as strings while its own example (and HighLevel) sends
    // objects; the envelope is checked against the schema, the items above.
    QJsonObject envelope = body;
    envelope.insert(QStringLiteral("responses"), QJsonArray());
    CHECK_SPEC_BODY("create-association", result, envelope);
}

void TestSandboxMembership::bulkRemove()
{
    SandboxFixture fx;
    const QString id
        = createContact(fx, QStringLiteral("br@example.com"), {str("a"), str("b"), str("c")});
    QVERIFY(!id.isEmpty());
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/remove"),
        bulkBody(fx, {id}, {str("B"), str("zzz")}));
    CHECK_STATUS(result, 201);
    QCOMPARE(result.object().value(QStringLiteral("errorCount")).toInt(), 0);
    const QJsonObject item
        = result.object().value(QStringLiteral("responses")).toArray().at(0).toObject();
    QCOMPARE(strings(item.value(QStringLiteral("oldTags"))),
        (QStringList {str("a"), str("b"), str("c")}));
    QCOMPARE(strings(item.value(QStringLiteral("tagsRemoved"))), QStringList {str("b")});
    QCOMPARE(strings(item.value(QStringLiteral("tagsAdded"))), QStringList());
    QCOMPARE(tagsOf(fx, id), (QStringList {str("a"), str("c")}));
}

void TestSandboxMembership::bulkRemoveAll()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("ra@example.com"), {str("a"), str("b")});
    QVERIFY(!id.isEmpty());
    QJsonObject body = bulkBody(fx, {id}, {});
    body.insert(QStringLiteral("removeAllTags"), true);
    const HttpResult result
        = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/remove"), body);
    CHECK_STATUS(result, 201);
    const QJsonObject item
        = result.object().value(QStringLiteral("responses")).toArray().at(0).toObject();
    QCOMPARE(
        strings(item.value(QStringLiteral("tagsRemoved"))), (QStringList {str("a"), str("b")}));
    QCOMPARE(tagsOf(fx, id), QStringList());
}

void TestSandboxMembership::bulkAllFailing()
{
    SandboxFixture fx;
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/add"),
        bulkBody(fx, {str("short"), str("sx6wyHhbFdRXh302LLNR")}, {str("x")}));
    CHECK_STATUS(result, 201);
    QCOMPARE(result.object().value(QStringLiteral("succeded")), QJsonValue(false));
    QCOMPARE(result.object().value(QStringLiteral("errorCount")).toInt(), 2);
}

void TestSandboxMembership::bulkType_data()
{
    QTest::addColumn<QString>("path");
    // The SDK's createAssociation posts to the template itself.
    QTest::newRow("literal template") << str("/contacts/bulk/tags/update/%7Btype%7D");
    QTest::newRow("other word") << str("/contacts/bulk/tags/update/replace");
    QTest::newRow("case matters") << str("/contacts/bulk/tags/update/ADD");
}

void TestSandboxMembership::bulkType()
{
    QFETCH(QString, path);
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("t@example.com"));
    QVERIFY(!id.isEmpty());
    const HttpResult result = fx.api("POST", path, bulkBody(fx, {id}, {str("x")}));
    CHECK_STATUS(result, 400);
    QCOMPARE(result.object().value(QStringLiteral("message")).toArray(),
        QJsonArray {str("type must be one of add, remove")});
    QCOMPARE(result.object().value(QStringLiteral("error")).toString(), str("Bad Request"));
    QCOMPARE(tagsOf(fx, id), QStringList());
}

void TestSandboxMembership::bulkRemoveAllOnlyWithRemove()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("o@example.com"), {str("keep")});
    QVERIFY(!id.isEmpty());
    QJsonObject body = bulkBody(fx, {id}, {str("x")});
    body.insert(QStringLiteral("removeAllTags"), true);
    const HttpResult result
        = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/add"), body);
    CHECK_STATUS(result, 400);
    CHECK_SPEC("create-association", result);
    QVERIFY(result.object()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("removeAllTags")));
    QCOMPARE(tagsOf(fx, id), QStringList {str("keep")});
}

void TestSandboxMembership::bulkValidation()
{
    SandboxFixture fx;
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/bulk/tags/update/add"),
        json(R"({"tags": ["x"], "contacts": "abc"})"));
    CHECK_STATUS(result, 422);
    CHECK_SPEC("create-association", result);
    QVERIFY(messages(result).contains(str("locationId should not be empty")));
    QVERIFY(messages(result).contains(str("contacts must be an array")));
}

void TestSandboxMembership::followers()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("f@example.com"));
    QVERIFY(!id.isEmpty());
    const QStringList users = fx.data().userIds();
    QVERIFY(users.size() >= 3);
    const QString path = QStringLiteral("/contacts/%1/followers").arg(id);

    HttpResult result = fx.api("POST", path,
        QJsonObject {{QStringLiteral("followers"), QJsonArray {users.at(0), users.at(1)}}});
    CHECK_STATUS(result, 201);
    CHECK_SPEC("add-followers-contact", result);
    QCOMPARE(strings(result.object().value(QStringLiteral("followers"))),
        (QStringList {users.at(0), users.at(1)}));
    QCOMPARE(strings(result.object().value(QStringLiteral("followersAdded"))),
        (QStringList {users.at(0), users.at(1)}));

    result = fx.api("POST", path,
        QJsonObject {{QStringLiteral("followers"), QJsonArray {users.at(1), users.at(2)}}});
    CHECK_STATUS(result, 201);
    QCOMPARE(strings(result.object().value(QStringLiteral("followers"))), users.mid(0, 3));
    QCOMPARE(strings(result.object().value(QStringLiteral("followersAdded"))),
        QStringList {users.at(2)});
    QCOMPARE(strings(contactRecord(fx, id).value(QStringLiteral("followers"))), users.mid(0, 3));

    // DELETE carries a JSON body; ids that do not follow are simply not removed.
    result = fx.api("DELETE", path,
        QJsonObject {
            {QStringLiteral("followers"), QJsonArray {users.at(0), str("nobodyXXXXXXXXXXXXXX")}}});
    CHECK_STATUS(result, 200);
    CHECK_SPEC("remove-followers-contact", result);
    QCOMPARE(strings(result.object().value(QStringLiteral("followers"))), users.mid(1, 2));
    QCOMPARE(strings(result.object().value(QStringLiteral("followersRemoved"))),
        QStringList {users.at(0)});
    QCOMPARE(fx.data().followers().value(id), users.mid(1, 2));
    QCOMPARE(strings(contactRecord(fx, id).value(QStringLiteral("followers"))), users.mid(1, 2));
}

void TestSandboxMembership::unknownFollower()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("uf@example.com"));
    QVERIFY(!id.isEmpty());
    const QString stranger = str("Mx6wyHhbFdRXh302Luer");
    const HttpResult result = fx.api("POST", QStringLiteral("/contacts/%1/followers").arg(id),
        QJsonObject {{QStringLiteral("followers"), QJsonArray {fx.data().userId(), stranger}}});
    CHECK_STATUS(result, 400);
    CHECK_SPEC("add-followers-contact", result);
    QVERIFY2(
        messages(result).constFirst().contains(stranger), qPrintable(messages(result).join(u'|')));
    // Nothing is added when one id is bad.
    QVERIFY(fx.data().followers().value(id).isEmpty());

    const HttpResult missing
        = fx.api("POST", QStringLiteral("/contacts/%1/followers").arg(id), QJsonObject());
    CHECK_STATUS(missing, 422);
    QVERIFY(messages(missing).contains(str("followers should not be empty")));
}

void TestSandboxMembership::campaigns()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("c@example.com"));
    QVERIFY(!id.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/campaigns/").arg(id);

    for (const char* campaign : {"3bZD1nQzbul0MCancbQD", "7QKd2nQzbul0MCancbQE"}) {
        const HttpResult added = fx.api("POST", base + str(campaign), QJsonObject());
        CHECK_STATUS(added, 201);
        CHECK_SPEC("add-contact-to-campaign", added);
        QCOMPARE(added.object().value(QStringLiteral("succeded")), QJsonValue(true));
    }
    QCOMPARE(fx.data().campaigns().value(id).size(), 2);
    const HttpResult unknownProperty
        = fx.api("POST", base + str("3bZD1nQzbul0MCancbQD"), json(R"({"status": "active"})"));
    CHECK_STATUS(unknownProperty, 422);

    const HttpResult removed = fx.api("DELETE", base + str("3bZD1nQzbul0MCancbQD"));
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("remove-contact-from-campaign", removed);
    QCOMPARE(removed.object().value(QStringLiteral("succeded")), QJsonValue(true));
    QCOMPARE(fx.data().campaigns().value(id), QSet<QString> {str("7QKd2nQzbul0MCancbQE")});

    // `removeAll` is a literal segment, not a campaign id.
    const HttpResult all = fx.api("DELETE", base + str("removeAll"));
    CHECK_STATUS(all, 200);
    CHECK_SPEC("remove-contact-from-every-campaign", all);
    QCOMPARE(all.object().value(QStringLiteral("succeded")), QJsonValue(true));
    QVERIFY(fx.data().campaigns().value(id).isEmpty());
}

void TestSandboxMembership::workflows()
{
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("w@example.com"));
    QVERIFY(!id.isEmpty());
    const QString base = QStringLiteral("/contacts/%1/workflow/").arg(id);

    const HttpResult added = fx.api("POST", base + str("wf1XXXXXXXXXXXXXXXXX"),
        json(R"({"eventStartTime": "2021-06-23T03:30:00+01:00"})"));
    CHECK_STATUS(added, 200);
    CHECK_SPEC("add-contact-to-workflow", added);
    QCOMPARE(added.object().value(QStringLiteral("succeded")), QJsonValue(true));
    QCOMPARE(fx.data().workflows().value(id).value(str("wf1XXXXXXXXXXXXXXXXX")),
        str("2021-06-23T03:30:00+01:00"));

    // Without a start time the workflow starts now.
    CHECK_STATUS(fx.api("POST", base + str("wf2XXXXXXXXXXXXXXXXX"), QJsonObject()), 200);
    QCOMPARE(fx.data().workflows().value(id).value(str("wf2XXXXXXXXXXXXXXXXX")),
        ContactDesk::isoUtc(fx.clock().nowMs()));

    const HttpResult removed = fx.api("DELETE", base + str("wf1XXXXXXXXXXXXXXXXX"),
        json(R"({"eventStartTime": "2021-06-23T03:30:00+01:00"})"));
    CHECK_STATUS(removed, 200);
    CHECK_SPEC("delete-contact-from-workflow", removed);
    QCOMPARE(removed.object().value(QStringLiteral("succeded")), QJsonValue(true));
    QCOMPARE(fx.data().workflows().value(id).keys(), QStringList {str("wf2XXXXXXXXXXXXXXXXX")});
    CHECK_STATUS(fx.api("DELETE", base + str("wf2XXXXXXXXXXXXXXXXX"), QJsonObject()), 200);
    QVERIFY(!fx.data().workflows().contains(id));
}

void TestSandboxMembership::workflowStartTime_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a date") << QByteArray("POST") << QByteArray(R"({"eventStartTime": "soon"})")
                                << str("eventStartTime must be a valid ISO 8601 date string");
    QTest::newRow("not a date on delete")
        << QByteArray("DELETE") << QByteArray(R"({"eventStartTime": "23/06/2021"})")
        << str("eventStartTime must be a valid ISO 8601 date string");
    QTest::newRow("number") << QByteArray("POST") << QByteArray(R"({"eventStartTime": 1624415400})")
                            << str("eventStartTime must be a string");
    QTest::newRow("unknown property")
        << QByteArray("POST") << QByteArray(R"({"startTime": "2021-06-23T03:30:00Z"})")
        << str("property startTime should not exist");
}

void TestSandboxMembership::workflowStartTime()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    SandboxFixture fx;
    const QString id = createContact(fx, QStringLiteral("ws@example.com"));
    QVERIFY(!id.isEmpty());
    const HttpResult result
        = fx.api(method, QStringLiteral("/contacts/%1/workflow/wf1XXXXXXXXXXXXXXXXX").arg(id),
            json(body.constData()));
    CHECK_STATUS(result, 422);
    QVERIFY2(messages(result).contains(message), qPrintable(messages(result).join(u'|')));
    QVERIFY(!fx.data().workflows().contains(id));
}

void TestSandboxMembership::unknownContact_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("add tags") << QByteArray("POST") << str("/tags")
                              << QByteArray(R"({"tags": ["a"]})");
    QTest::newRow("remove tags") << QByteArray("DELETE") << str("/tags")
                                 << QByteArray(R"({"tags": ["a"]})");
    QTest::newRow("followers") << QByteArray("DELETE") << str("/followers")
                               << QByteArray(R"({"followers": []})");
    QTest::newRow("campaign") << QByteArray("POST") << str("/campaigns/3bZD1nQzbul0MCancbQD")
                              << QByteArray("{}");
    QTest::newRow("all campaigns")
        << QByteArray("DELETE") << str("/campaigns/removeAll") << QByteArray();
    QTest::newRow("workflow") << QByteArray("POST") << str("/workflow/wf1XXXXXXXXXXXXXXXXX")
                              << QByteArray("{}");
}

void TestSandboxMembership::unknownContact()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, body);
    SandboxFixture fx;
    const QJsonValue payload
        = body.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(json(body.constData()));
    const HttpResult result
        = fx.api(method, QStringLiteral("/contacts/sx6wyHhbFdRXh302LLNR") + suffix, payload);
    CHECK_STATUS(result, 400);
    QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
        str("Contact with id sx6wyHhbFdRXh302LLNR not found"));
    QVERIFY(fx.data().campaigns().isEmpty() && fx.data().workflows().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxMembership)
#include "tst_sandboxmembership.moc"
