// contactdesk-cli as a user runs it: the built executable in a QProcess, against its embedded
// sandbox (--sandbox) and against a sandbox in this process given by options or environment.
#include "clirun.h"
#include "sandboxfixture.h"

#include "api/endpointcatalog.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

QString operation(const Api::Endpoint& endpoint)
{
    return QString(endpoint.operationId);
}

const QStringList& writeOperations()
{
    static const QStringList ops = [] {
        QStringList list;
        for (const Api::Endpoint& e : Api::endpoints()) {
            if (e.writes())
                list.append(operation(e));
        }
        return list;
    }();
    return ops;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpListsCommandsAndOperations();
    void usageErrors_data();
    void usageErrors();
    void sandboxContactsListPrintsSeededContacts();
    void sandboxListAllPrintsEveryContact_data();
    void sandboxListAllPrintsEveryContact();
    void sandboxVerifyPassesEveryOperation();
    void targetFromOptionsOrEnvironment_data();
    void targetFromOptionsOrEnvironment();
    void callEveryOperation_data();
    void callEveryOperation();
    void friendlyVerbs();
    void bodyFromFile();
    void exitCodes_data();
    void exitCodes();
    void listAllFallsBackToTheListing();
    void verboseLogHasNoToken();
    void verifyWithoutWritesAgainstUnknownTarget();
    void verifyWritesWhenAllowed_data();
    void verifyWritesWhenAllowed();
    void verifyReportsFailuresAndStillCleansUp();

private:
    CliResult run(const QStringList& arguments, const QProcessEnvironment& extra = {});
    QStringList fixtureTarget() const;
    QString createContact(const QString& email);
    QString firstBusiness();
    // The id of the first record of the fixture's location in a sandbox list.
    QString firstOfLocation(const QList<QJsonObject>& records) const;
    int liveContactCount();
    // Gives the contact a reads-only verify picks (the first listed) an email, a task and a note.
    void prepareFirstContact();
    QStringList liveContactsTagged(const QString& tag);

    std::unique_ptr<SandboxFixture> m_fx;
    // Settings of their own, so no saved connection of the developer's is ever the target.
    QTemporaryDir m_home;
};

void TestCli::init()
{
    m_fx = std::make_unique<SandboxFixture>(30);
    // Many CLI processes share this sandbox, whose clock stands still: no burst limit.
    const HttpResult settings = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}});
    QCOMPARE(settings.status, 200);
}

void TestCli::cleanup()
{
    m_fx.reset();
}

CliResult TestCli::run(const QStringList& arguments, const QProcessEnvironment& extra)
{
    return runCli(arguments, m_home.path(), extra);
}

QStringList TestCli::fixtureTarget() const
{
    return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
        m_fx->pit(), QStringLiteral("--location"), m_fx->locationId()};
}

QString TestCli::createContact(const QString& email)
{
    const HttpResult r = m_fx->api("POST", QStringLiteral("/contacts/"),
        QJsonObject {{QStringLiteral("locationId"), m_fx->locationId()},
            {QStringLiteral("firstName"), QStringLiteral("Cli")},
            {QStringLiteral("email"), email}});
    return r.object()[QStringLiteral("contact")][QStringLiteral("id")].toString();
}

QString TestCli::firstBusiness()
{
    QStringList ids;
    for (const QJsonObject& b : std::as_const(m_fx->data().businesses())) {
        if (b.value(QStringLiteral("locationId")).toString() == m_fx->locationId())
            ids.append(b.value(QStringLiteral("id")).toString());
    }
    ids.sort();
    return ids.value(0);
}

QString TestCli::firstOfLocation(const QList<QJsonObject>& records) const
{
    for (const QJsonObject& record : records) {
        if (record.value(QStringLiteral("locationId")).toString() == m_fx->locationId())
            return record.value(QStringLiteral("id")).toString();
    }
    return {};
}

int TestCli::liveContactCount()
{
    return int(m_fx->data().contactOrder(m_fx->locationId()).size());
}

QStringList TestCli::liveContactsTagged(const QString& tag)
{
    QStringList ids;
    for (const auto& [key, id] : m_fx->data().contactOrder(m_fx->locationId())) {
        const QJsonObject* contact = m_fx->data().liveContact(id);
        if (contact && contact->value(QStringLiteral("tags")).toArray().contains(QJsonValue(tag)))
            ids.append(id);
    }
    return ids;
}

void TestCli::prepareFirstContact()
{
    const QString id = m_fx->data().contactOrder(m_fx->locationId()).begin()->second;
    QCOMPARE(m_fx->api("PUT", QStringLiteral("/contacts/%1").arg(id),
                     QJsonObject {{QStringLiteral("email"), QStringLiteral("first@example.com")}})
                 .status,
        200);
    QCOMPARE(m_fx->api("POST", QStringLiteral("/contacts/%1/tasks").arg(id),
                     QJsonObject {{QStringLiteral("title"), QStringLiteral("Task")},
                         {QStringLiteral("dueDate"), QStringLiteral("2026-12-01T10:00:00.000Z")},
                         {QStringLiteral("completed"), false}})
                 .status,
        201);
    QCOMPARE(m_fx->api("POST", QStringLiteral("/contacts/%1/notes").arg(id),
                     QJsonObject {{QStringLiteral("body"), QStringLiteral("Note")}})
                 .status,
        201);
}

void TestCli::helpListsCommandsAndOperations()
{
    const CliResult r = run({QStringLiteral("--help")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const char* expected : {"call OPERATION_ID", "contacts list --all", "tags add|remove",
             "verify [--allow-writes]", "CONTACTDESK_BASE_URL", "--sandbox", "3 network error",
             "--connection ID", "connections add --name NAME", "connections use ID",
             "fields list [--model contact|opportunity|all]", "tags list", "users list",
             "calendars list", "--company-id ID"}) {
        QVERIFY2(text.contains(QLatin1StringView(expected)), expected);
    }
    for (const Api::Endpoint& e : Api::endpoints())
        QVERIFY2(text.contains(operation(e)), qPrintable(operation(e)));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString s = QStringLiteral("--sandbox");
    QTest::newRow("no command") << QStringList {s} << QStringLiteral("no command");
    QTest::newRow("unknown command")
        << QStringList {s, QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    QTest::newRow("unknown option") << QStringList {s, QStringLiteral("--frob"),
        QStringLiteral("contacts"), QStringLiteral("list")}
                                    << QStringLiteral("frob");
    QTest::newRow("call without operation")
        << QStringList {s, QStringLiteral("call")} << QStringLiteral("usage: call");
    QTest::newRow("unknown operation")
        << QStringList {s, QStringLiteral("call"), QStringLiteral("get-everything")}
        << QStringLiteral("unknown operation get-everything");
    QTest::newRow("missing path parameter") << QStringList {s, QStringLiteral("call"),
        QStringLiteral("get-task"), QStringLiteral("--path"), QStringLiteral("contactId=abc")}
                                            << QStringLiteral("taskId");
    QTest::newRow("unknown path parameter") << QStringList {s, QStringLiteral("call"),
        QStringLiteral("get-contact"), QStringLiteral("--path"), QStringLiteral("contactId=a"),
        QStringLiteral("--path"), QStringLiteral("noteId=b")}
                                            << QStringLiteral("no path parameter noteId");
    QTest::newRow("path without =") << QStringList {s, QStringLiteral("call"),
        QStringLiteral("get-contact"), QStringLiteral("--path"), QStringLiteral("contactId")}
                                    << QStringLiteral("KEY=VALUE");
    QTest::newRow("body not JSON") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("create"), QStringLiteral("--body"), QStringLiteral("{\"firstName\":")}
                                   << QStringLiteral("not valid JSON");
    QTest::newRow("body not an object") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("create"), QStringLiteral("--body"), QStringLiteral("[1]")}
                                        << QStringLiteral("JSON object");
    QTest::newRow("body file missing")
        << QStringList {s, QStringLiteral("contacts"), QStringLiteral("create"),
               QStringLiteral("--body"), QStringLiteral("@/nonexistent/contact.json")}
        << QStringLiteral("cannot read");
    QTest::newRow("body on an operation without one") << QStringList {s, QStringLiteral("call"),
        QStringLiteral("get-contact"), QStringLiteral("--path"), QStringLiteral("contactId=a"),
        QStringLiteral("--body"), QStringLiteral("{}")}
                                                      << QStringLiteral("takes no body");
    QTest::newRow("create without body") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("create")} << QStringLiteral("needs --body");
    QTest::newRow("get without id") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("get")} << QStringLiteral("usage: contacts get");
    QTest::newRow("bad limit") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("many")}
                               << QStringLiteral("--limit");
    QTest::newRow("limit over 500") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("501")}
                                    << QStringLiteral("--limit");
    QTest::newRow("option of another command") << QStringList {s, QStringLiteral("contacts"),
        QStringLiteral("get"), QStringLiteral("x"), QStringLiteral("--allow-writes")}
                                               << QStringLiteral("--allow-writes does not apply");
    QTest::newRow("tags without tag")
        << QStringList {s, QStringLiteral("tags"), QStringLiteral("add"), QStringLiteral("x")}
        << QStringLiteral("usage: tags add");
    QTest::newRow("incomplete target") << QStringList {QStringLiteral("--base-url"),
        QStringLiteral("http://127.0.0.1:1"), QStringLiteral("contacts"), QStringLiteral("list")}
                                       << QStringLiteral("incomplete target");
    QTest::newRow("sandbox and base url") << QStringList {s, QStringLiteral("--base-url"),
        QStringLiteral("http://127.0.0.1:1"), QStringLiteral("contacts"), QStringLiteral("list")}
                                          << QStringLiteral("--sandbox brings its own target");
    QTest::newRow("base url not http") << QStringList {QStringLiteral("--base-url"),
        QStringLiteral("ftp://example.com"), QStringLiteral("--token"), QStringLiteral("t"),
        QStringLiteral("--location"), QStringLiteral("l"), QStringLiteral("contacts"),
        QStringLiteral("list")} << QStringLiteral("http or https");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult r = run(arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.errLines().first().startsWith(QLatin1StringView("contactdesk-cli: ")), r.err);
    QVERIFY2(r.errLines().first().contains(message), r.err);
}

void TestCli::sandboxContactsListPrintsSeededContacts()
{
    const CliResult r
        = run({QStringLiteral("--sandbox"), QStringLiteral("contacts"), QStringLiteral("list")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err);
    const QJsonObject answer = r.json().object();
    const QJsonArray contacts = answer.value(QStringLiteral("contacts")).toArray();
    QCOMPARE(contacts.size(), 20); // the default --limit
    QCOMPARE(answer.value(QStringLiteral("total")).toInt(), 50);
    QString location;
    for (const QJsonValue& c : contacts) {
        QVERIFY(!c[QStringLiteral("id")].toString().isEmpty());
        QVERIFY(!c[QStringLiteral("dateAdded")].toString().isEmpty());
        if (location.isEmpty())
            location = c[QStringLiteral("locationId")].toString();
        QCOMPARE(c[QStringLiteral("locationId")].toString(), location);
    }
    QVERIFY(!location.isEmpty());
}

void TestCli::sandboxListAllPrintsEveryContact_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("default page size") << QStringList {};
    QTest::newRow("7 per page") << QStringList {QStringLiteral("--limit"), QStringLiteral("7")};
}

void TestCli::sandboxListAllPrintsEveryContact()
{
    QFETCH(QStringList, extra);
    const CliResult r = run(QStringList {QStringLiteral("--sandbox"), QStringLiteral("contacts"),
                                QStringLiteral("list"), QStringLiteral("--all")}
        + extra);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().isArray());
    const QJsonArray contacts = r.json().array();
    QSet<QString> ids;
    for (const QJsonValue& c : contacts)
        ids.insert(c[QStringLiteral("id")].toString());
    QCOMPARE(contacts.size(), 50);
    QCOMPARE(ids.size(), 50);
    // One contact per line between the brackets.
    QCOMPARE(r.outLines().size(), 52);
}

void TestCli::sandboxVerifyPassesEveryOperation()
{
    const CliResult r = run({QStringLiteral("--sandbox"), QStringLiteral("verify")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err);
    const QStringList lines = r.outLines();
    QCOMPARE(lines.size(), Api::endpoints().size() + 1);
    QSet<QString> seen;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QStringList columns = lines.at(i).split(u' ', Qt::SkipEmptyParts);
        QVERIFY2(Api::findEndpoint(columns.value(0)), qPrintable(lines.at(i)));
        QVERIFY2(!seen.contains(columns.value(0)), qPrintable(lines.at(i)));
        seen.insert(columns.value(0));
        // operation, status, latency "N ms", pass
        QCOMPARE(columns.value(1).toInt(), Api::findEndpoint(columns.value(0))->successStatus);
        QCOMPARE(columns.value(3), QStringLiteral("ms"));
        QCOMPARE(columns.value(4), QStringLiteral("pass"));
    }
    QCOMPARE(lines.constLast(),
        QStringLiteral("%1 passed, 0 failed, 0 skipped").arg(Api::endpoints().size()));
}

void TestCli::targetFromOptionsOrEnvironment_data()
{
    QTest::addColumn<bool>("options");
    QTest::addColumn<bool>("environment");
    QTest::newRow("options") << true << false;
    QTest::newRow("environment") << false << true;
    QTest::newRow("options win over environment") << true << true;
}

void TestCli::targetFromOptionsOrEnvironment()
{
    QFETCH(bool, options);
    QFETCH(bool, environment);
    const QString id = createContact(QStringLiteral("target@example.com"));
    QProcessEnvironment env;
    if (environment) {
        // With options given too, the environment points nowhere useful: options must win.
        env.insert(QStringLiteral("CONTACTDESK_BASE_URL"),
            options ? QStringLiteral("http://127.0.0.1:1") : m_fx->baseUrl().toString());
        env.insert(QStringLiteral("CONTACTDESK_TOKEN"),
            options ? QStringLiteral("wrong-token") : m_fx->pit());
        env.insert(QStringLiteral("CONTACTDESK_LOCATION"),
            options ? QStringLiteral("wrong-location") : m_fx->locationId());
    }
    const QStringList target = options ? fixtureTarget() : QStringList();
    const CliResult r
        = run(target + QStringList {QStringLiteral("contacts"), QStringLiteral("get"), id}, env);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[QStringLiteral("contact")][QStringLiteral("id")].toString(), id);
}

void TestCli::callEveryOperation_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QStringList>("arguments");
    const auto p = [](const char* text) { return QString::fromLatin1(text); };
    const QStringList contact {p("--path"), p("contactId={contact}")};
    const QStringList task = contact + QStringList {p("--path"), p("taskId={task}")};
    const QStringList note = contact + QStringList {p("--path"), p("id={note}")};
    const auto body = [&p](const char* json) { return QStringList {p("--body"), p(json)}; };
    const QHash<QString, QStringList> rows {
        {p("search-contacts-advanced"), body(R"({"pageLimit":5,"query":"{email}"})")},
        {p("get-duplicate-contact"), {p("--query"), p("email={email}")}},
        {p("get-all-tasks"), contact},
        {p("create-task"),
            contact
                + body(
                    R"({"title":"Call back","dueDate":"2026-12-01T10:00:00.000Z","completed":false})")},
        {p("get-task"), task},
        {p("update-task"), task + body(R"({"title":"Call back again"})")},
        {p("delete-task"), task},
        {p("update-task-completed"), task + body(R"({"completed":true})")},
        {p("get-appointments-for-contact"), contact},
        {p("add-tags"), contact + body(R"({"tags":["cli"]})")},
        {p("remove-tags"), contact + body(R"({"tags":["cli"]})")},
        {p("get-all-notes"), contact},
        {p("create-note"), contact + body(R"({"body":"Met at the fair"})")},
        {p("get-note"), note},
        {p("update-note"), note + body(R"({"body":"Met at the spring fair"})")},
        {p("delete-note"), note},
        {p("create-association"),
            QStringList {p("--path"), p("type=add")}
                + body(R"({"contacts":["{contact}"],"tags":["bulk"]})")},
        {p("add-remove-contact-from-business"),
            body(R"({"ids":["{contact}"],"businessId":"{business}"})")},
        {p("get-contact"), contact},
        {p("update-contact"), contact + body(R"({"city":"Oslo"})")},
        {p("delete-contact"), contact},
        {p("upsert-contact"), body(R"({"email":"{email}","city":"Bergen"})")},
        {p("get-contacts-by-businessId"), {p("--path"), p("businessId={business}")}},
        {p("add-followers-contact"), contact + body(R"({"followers":["{user}"]})")},
        {p("remove-followers-contact"), contact + body(R"({"followers":["{user}"]})")},
        {p("add-contact-to-campaign"), contact + QStringList {p("--path"), p("campaignId=camp1")}},
        {p("remove-contact-from-campaign"),
            contact + QStringList {p("--path"), p("campaignId=camp1")}},
        {p("remove-contact-from-every-campaign"), contact},
        {p("add-contact-to-workflow"),
            contact + QStringList {p("--path"), p("workflowId=flow1")}
                + body(R"({"eventStartTime":"2026-12-01T10:00:00+01:00"})")},
        {p("delete-contact-from-workflow"),
            contact + QStringList {p("--path"), p("workflowId=flow1")}},
        {p("create-contact"), body(R"({"firstName":"New","email":"cli-new@example.com"})")},
        {p("get-contacts"), {p("--query"), p("limit=5")}},
        // The location's lists: {locationId} and the location query come from the target.
        {p("get-custom-fields"), {p("--query"), p("model=all")}},
        {p("create-custom-field"), body(R"({"name":"Cli field","dataType":"NUMERICAL"})")},
        {p("get-custom-field"), {p("--path"), p("id={field}")}},
        {p("update-custom-field"),
            QStringList {p("--path"), p("id={field}")} + body(R"({"name":"Cli field renamed"})")},
        {p("delete-custom-field"), {p("--path"), p("id={field}")}},
        {p("get-location-tags"), {}},
        {p("create-tag"), body(R"({"name":"cli-tag"})")},
        {p("get-tag-by-id"), {p("--path"), p("tagId={tag}")}},
        {p("update-tag"),
            QStringList {p("--path"), p("tagId={tag}")} + body(R"({"name":"cli-tag-renamed"})")},
        {p("delete-tag"), {p("--path"), p("tagId={tag}")}},
        {p("search-users"), {p("--query"), p("companyId={company}")}},
        {p("get-user"), {p("--path"), p("userId={user}")}},
        {p("get-user-by-location"), {}},
        {p("get-calendars"), {}},
        {p("get-calendar"), {p("--path"), p("calendarId={calendar}")}},
    };
    for (const Api::Endpoint& endpoint : Api::endpoints()) {
        const QString op = operation(endpoint);
        // A catalog operation without a row fails here rather than going untested.
        QTest::newRow(qPrintable(op))
            << op
            << (rows.contains(op) ? QStringList {p("call"), op} + rows.value(op) : QStringList());
    }
    QCOMPARE(rows.size(), Api::endpoints().size());
}

void TestCli::callEveryOperation()
{
    QFETCH(QString, operationId);
    QFETCH(QStringList, arguments);
    QVERIFY2(!arguments.isEmpty(), "no arguments for this operation");

    const QString email = QStringLiteral("call-%1@example.com").arg(operationId);
    const QString contactId = createContact(email);
    QVERIFY(!contactId.isEmpty());
    const HttpResult task = m_fx->api("POST", QStringLiteral("/contacts/%1/tasks").arg(contactId),
        QJsonObject {{QStringLiteral("title"), QStringLiteral("Task")},
            {QStringLiteral("dueDate"), QStringLiteral("2026-12-01T10:00:00.000Z")},
            {QStringLiteral("completed"), false}});
    QCOMPARE(task.status, 201);
    const HttpResult note = m_fx->api("POST", QStringLiteral("/contacts/%1/notes").arg(contactId),
        QJsonObject {{QStringLiteral("body"), QStringLiteral("Note")}});
    QCOMPARE(note.status, 201);
    const QHash<QString, QString> values {
        {QStringLiteral("{contact}"), contactId},
        {QStringLiteral("{email}"), email},
        {QStringLiteral("{task}"),
            task.object()[QStringLiteral("task")][QStringLiteral("id")].toString()},
        {QStringLiteral("{note}"),
            note.object()[QStringLiteral("note")][QStringLiteral("id")].toString()},
        {QStringLiteral("{business}"), firstBusiness()},
        {QStringLiteral("{user}"), m_fx->data().userIds().value(0)},
        {QStringLiteral("{field}"), firstOfLocation(m_fx->data().customFieldDefinitions())},
        {QStringLiteral("{tag}"), firstOfLocation(m_fx->data().tags())},
        {QStringLiteral("{calendar}"), firstOfLocation(m_fx->data().calendars())},
        {QStringLiteral("{company}"), m_fx->data().mainLocation().companyId},
    };
    for (QString& argument : arguments) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            argument.replace(it.key(), it.value());
    }

    const qint64 before = m_fx->server().requestLog().lastSeq();
    const CliResult r = run(fixtureTarget() + arguments);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 0, r.err);
    QVERIFY2(r.err.isEmpty(), r.err);
    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(answer.isObject());

    // Exactly one request, for this operation, answered with the contract's success status;
    // the location was filled in wherever the operation needs it.
    const QList<Sandbox::LoggedExchange> sent = m_fx->server().requestLog().since(before);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().operationId, operationId);
    QCOMPARE(sent.first().status, Api::findEndpoint(operationId)->successStatus);
}

void TestCli::friendlyVerbs()
{
    const QStringList target = fixtureTarget();
    const auto cli = [&](const QStringList& args) {
        const CliResult r = run(target + args);
        if (r.exitCode != 0)
            qWarning() << args << r.err;
        return r.exitCode == 0 ? r.json().object() : QJsonObject();
    };
    const QString s = QStringLiteral("contacts");

    const QJsonObject created = cli({s, QStringLiteral("create"), QStringLiteral("--body"),
        QStringLiteral(R"({"firstName":"Verb","email":"verb@example.com"})")});
    const QString id = created[QStringLiteral("contact")][QStringLiteral("id")].toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(cli({s, QStringLiteral("update"), id, QStringLiteral("--body"),
                 QStringLiteral(
                     R"({"city":"Tromso"})")})[QStringLiteral("contact")][QStringLiteral("city")]
                 .toString(),
        QStringLiteral("Tromso"));
    const QJsonObject found
        = cli({s, QStringLiteral("search"), QStringLiteral("verb@example.com")});
    QCOMPARE(found[QStringLiteral("contacts")][0][QStringLiteral("id")].toString(), id);
    QCOMPARE(cli({s, QStringLiteral("list"), QStringLiteral("--limit"),
                 QStringLiteral("3")})[QStringLiteral("contacts")]
                 .toArray()
                 .size(),
        3);

    const QString t = QStringLiteral("tasks");
    const QJsonObject task = cli({t, QStringLiteral("create"), id, QStringLiteral("--body"),
        QStringLiteral(R"({"title":"T","dueDate":"2026-12-01T10:00:00.000Z","completed":false})")});
    const QString taskId = task[QStringLiteral("task")][QStringLiteral("id")].toString();
    QVERIFY(!taskId.isEmpty());
    QCOMPARE(cli({t, QStringLiteral("list"), id})[QStringLiteral("tasks")].toArray().size(), 1);
    QCOMPARE(
        cli({t, QStringLiteral("update"), id, taskId, QStringLiteral("--body"),
            QStringLiteral(R"({"title":"T2"})")})[QStringLiteral("task")][QStringLiteral("title")]
            .toString(),
        QStringLiteral("T2"));
    QVERIFY(cli({t, QStringLiteral("complete"), id,
        taskId})[QStringLiteral("task")][QStringLiteral("completed")]
                .toBool());
    QCOMPARE(
        cli({t, QStringLiteral("get"), id, taskId})[QStringLiteral("task")][QStringLiteral("id")]
            .toString(),
        taskId);
    QVERIFY(!cli({t, QStringLiteral("delete"), id, taskId}).isEmpty());
    QCOMPARE(cli({t, QStringLiteral("list"), id})[QStringLiteral("tasks")].toArray().size(), 0);

    const QString n = QStringLiteral("notes");
    const QJsonObject note = cli({n, QStringLiteral("create"), id, QStringLiteral("--body"),
        QStringLiteral(R"({"body":"B"})")});
    const QString noteId = note[QStringLiteral("note")][QStringLiteral("id")].toString();
    QVERIFY(!noteId.isEmpty());
    QCOMPARE(
        cli({n, QStringLiteral("update"), id, noteId, QStringLiteral("--body"),
            QStringLiteral(R"({"body":"B2"})")})[QStringLiteral("note")][QStringLiteral("body")]
            .toString(),
        QStringLiteral("B2"));
    QCOMPARE(
        cli({n, QStringLiteral("get"), id, noteId})[QStringLiteral("note")][QStringLiteral("body")]
            .toString(),
        QStringLiteral("B2"));
    QCOMPARE(cli({n, QStringLiteral("list"), id})[QStringLiteral("notes")].toArray().size(), 1);
    QVERIFY(!cli({n, QStringLiteral("delete"), id, noteId}).isEmpty());

    const QString g = QStringLiteral("tags");
    QCOMPARE(cli({g, QStringLiteral("add"), id, QStringLiteral("alpha"),
                 QStringLiteral("beta")})[QStringLiteral("tags")]
                 .toArray(),
        (QJsonArray {QStringLiteral("alpha"), QStringLiteral("beta")}));
    QCOMPARE(cli({g, QStringLiteral("remove"), id, QStringLiteral("alpha")})[QStringLiteral("tags")]
                 .toArray(),
        (QJsonArray {QStringLiteral("beta")}));

    QVERIFY(!cli({s, QStringLiteral("delete"), id}).isEmpty());
    QVERIFY(!m_fx->data().liveContact(id));
}

void TestCli::bodyFromFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(R"({"firstName":"File","email":"from-file@example.com"})");
    file.close();
    const CliResult r = run(fixtureTarget()
        + QStringList {QStringLiteral("contacts"), QStringLiteral("create"),
            QStringLiteral("--body"), u'@' + file.fileName()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[QStringLiteral("contact")][QStringLiteral("email")].toString(),
        QStringLiteral("from-file@example.com"));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrText");
    QTest::newRow("0 ok") << QStringLiteral("fixture")
                          << QStringList {QStringLiteral("contacts"), QStringLiteral("list")} << 0
                          << QString();
    QTest::newRow("1 not found") << QStringLiteral("fixture")
                                 << QStringList {QStringLiteral("contacts"), QStringLiteral("get"),
                                        QStringLiteral("NoSuchContact0000000")}
                                 << 1 << QStringLiteral("HTTP 400");
    QTest::newRow("1 validation") << QStringLiteral("fixture")
                                  << QStringList {QStringLiteral("contacts"),
                                         QStringLiteral("create"), QStringLiteral("--body"),
                                         QStringLiteral(
                                             R"({"gender":"x","favouriteColour":"red"})")}
                                  << 1 << QStringLiteral("HTTP 422");
    QTest::newRow("1 bad token") << QStringLiteral("bad token")
                                 << QStringList {QStringLiteral("contacts"), QStringLiteral("list")}
                                 << 1 << QStringLiteral("HTTP 401");
    QTest::newRow("2 usage") << QStringLiteral("fixture")
                             << QStringList {QStringLiteral("contacts"), QStringLiteral("frob")}
                             << 2 << QStringLiteral("unknown command");
    QTest::newRow("3 closed port")
        << QStringLiteral("closed port")
        << QStringList {QStringLiteral("contacts"), QStringLiteral("list")} << 3
        << QStringLiteral("no HTTP answer");
    QTest::newRow("3 verify on a closed port")
        << QStringLiteral("closed port") << QStringList {QStringLiteral("verify")} << 3
        << QStringLiteral("not known to be a sandbox");
}

void TestCli::exitCodes()
{
    QFETCH(QString, target);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrText);

    QStringList args = fixtureTarget();
    if (target == QLatin1StringView("bad token")) {
        args[3] = QStringLiteral("pit-not-a-real-token");
    } else if (target == QLatin1StringView("closed port")) {
        // A port that was free a moment ago: nothing listens there now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        args[1] = QStringLiteral("http://127.0.0.1:%1").arg(port);
    }
    const CliResult r = run(args + arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0) {
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.json().isObject());
        return;
    }
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrText), r.err);
    if (arguments.first() != QLatin1StringView("verify")) {
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.errLines().size(), 1);
    }
}

void TestCli::listAllFallsBackToTheListing()
{
    const HttpResult fault = m_fx->control("POST", QStringLiteral("/__sandbox/faults"),
        QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("path"), QStringLiteral("/contacts/search")},
            {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 422}});
    QCOMPARE(fault.status, 201);
    const CliResult r = run(fixtureTarget()
        + QStringList {QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--all"),
            QStringLiteral("--limit"), QStringLiteral("8")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().array().size(), 30);
}

void TestCli::verboseLogHasNoToken()
{
    const QString token = m_fx->pit();
    const QList<QStringList> commands {
        {QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--limit"),
            QStringLiteral("1")},
        {QStringLiteral("contacts"), QStringLiteral("create"), QStringLiteral("--body"),
            QStringLiteral(R"({"firstName":"Verbose","email":"verbose@example.com"})")},
        {QStringLiteral("contacts"), QStringLiteral("get"), QStringLiteral("NoSuchContact0000000")},
    };
    for (const QStringList& command : commands) {
        for (const bool fromEnvironment : {false, true}) {
            QProcessEnvironment env;
            QStringList args = fixtureTarget();
            if (fromEnvironment) {
                env.insert(QStringLiteral("CONTACTDESK_TOKEN"), token);
                args.remove(2, 2);
            }
            const CliResult r
                = run(args + QStringList {QStringLiteral("--verbose")} + command, env);
            QVERIFY(r.finished);
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.contains(QLatin1StringView("> Authorization: Bearer [redacted]")), r.err);
            QVERIFY2(err.contains(QLatin1StringView("> Version: 2021-07-28")), r.err);
            QVERIFY(QRegularExpression(
                QStringLiteral("^< \\d{3} in \\d+ ms$"), QRegularExpression::MultilineOption)
                        .match(err)
                        .hasMatch());
            QVERIFY2(!r.err.contains(token.toUtf8()), "the token is in stderr");
            QVERIFY2(!r.out.contains(token.toUtf8()), "the token is in stdout");
        }
    }
}

void TestCli::verifyWithoutWritesAgainstUnknownTarget()
{
    prepareFirstContact();
    const int contactsBefore = liveContactCount();
    const QList<QJsonObject> fieldsBefore = m_fx->data().customFieldDefinitions();
    const QList<QJsonObject> tagsBefore = m_fx->data().tags();
    const qint64 before = m_fx->server().requestLog().lastSeq();
    const CliResult r = run(fixtureTarget() + QStringList {QStringLiteral("verify")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QString::fromUtf8(r.err).contains(QLatin1StringView("--allow-writes")), r.err);

    const QStringList lines = r.outLines();
    QCOMPARE(lines.size(), Api::endpoints().size() + 1);
    int passed = 0;
    int skipped = 0;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString op = lines.at(i).section(u' ', 0, 0);
        if (writeOperations().contains(op)) {
            QVERIFY2(lines.at(i).contains(
                         QLatin1StringView("skipped writes are not allowed against this target")),
                qPrintable(lines.at(i)));
            ++skipped;
        } else if (op == QLatin1StringView("get-contacts-by-businessId")) {
            QVERIFY2(lines.at(i).contains(QLatin1StringView("skipped no business id given")),
                qPrintable(lines.at(i)));
            ++skipped;
        } else if (op == QLatin1StringView("search-users")) {
            // A --base-url target without --company-id, and no admin key to ask the sandbox.
            QVERIFY2(lines.at(i).contains(QLatin1StringView("skipped no company id known")),
                qPrintable(lines.at(i)));
            ++skipped;
        } else {
            // The first contact has an email, a task and a note, so every other read runs.
            QVERIFY2(lines.at(i).contains(QLatin1StringView(" pass")), qPrintable(lines.at(i)));
            ++passed;
        }
    }
    QCOMPARE(lines.constLast(),
        QStringLiteral("%1 passed, 0 failed, %2 skipped").arg(passed).arg(skipped));
    // Every read but the business listing and the user search, which need ids: 9 of the
    // Contacts API and 8 of the location's lists.
    QCOMPARE(passed, 17);

    // Nothing changed: only reads (search is a read over POST) reached the server.
    QCOMPARE(liveContactCount(), contactsBefore);
    QCOMPARE(m_fx->data().customFieldDefinitions(), fieldsBefore);
    QCOMPARE(m_fx->data().tags(), tagsBefore);
    for (const Sandbox::LoggedExchange& e : m_fx->server().requestLog().since(before)) {
        QVERIFY2(
            e.method == "GET" || e.operationId == QLatin1StringView("search-contacts-advanced"),
            qPrintable(e.operationId));
    }
}

void TestCli::verifyWritesWhenAllowed_data()
{
    QTest::addColumn<QString>("adminKey"); // "good", "wrong" or empty
    QTest::addColumn<bool>("allowWrites");
    QTest::addColumn<bool>("ids");
    QTest::addColumn<bool>("writes");
    QTest::newRow("admin key, ids") << QStringLiteral("good") << false << true << true;
    QTest::newRow("admin key, no ids") << QStringLiteral("good") << false << false << true;
    QTest::newRow("allow writes, ids") << QString() << true << true << true;
    QTest::newRow("wrong admin key") << QStringLiteral("wrong") << false << true << false;
}

void TestCli::verifyWritesWhenAllowed()
{
    QFETCH(QString, adminKey);
    QFETCH(bool, allowWrites);
    QFETCH(bool, ids);
    QFETCH(bool, writes);

    prepareFirstContact();
    const int contactsBefore = liveContactCount();
    const QList<QJsonObject> fieldsBefore = m_fx->data().customFieldDefinitions();
    const QList<QJsonObject> tagsBefore = m_fx->data().tags();
    // A confirmed sandbox names its company; otherwise search-users has none.
    const bool company = adminKey == QLatin1StringView("good");
    QStringList args = fixtureTarget() + QStringList {QStringLiteral("verify")};
    QProcessEnvironment env;
    if (!adminKey.isEmpty()) {
        // The admin key through the environment, where a secret belongs.
        env.insert(QStringLiteral("CONTACTDESK_SANDBOX_ADMIN_KEY"),
            adminKey == QLatin1StringView("good") ? m_fx->data().adminKey()
                                                  : QStringLiteral("not-the-key"));
    }
    if (allowWrites)
        args.append(QStringLiteral("--allow-writes"));
    if (ids) {
        args += {QStringLiteral("--campaign-id"), QStringLiteral("campaign0000000000001"),
            QStringLiteral("--workflow-id"), QStringLiteral("workflow000000000001"),
            QStringLiteral("--business-id"), firstBusiness(), QStringLiteral("--user-id"),
            m_fx->data().userIds().value(0)};
    }
    const CliResult r = run(args, env);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.err.contains("not known to be a sandbox"), !writes);

    const QStringList lines = r.outLines();
    QCOMPARE(lines.size(), Api::endpoints().size() + 1);
    const QHash<QString, QString> needsId {
        {QStringLiteral("add-followers-contact"), QStringLiteral("no user id given")},
        {QStringLiteral("remove-followers-contact"), QStringLiteral("no user id given")},
        {QStringLiteral("add-contact-to-campaign"), QStringLiteral("no campaign id given")},
        {QStringLiteral("remove-contact-from-campaign"), QStringLiteral("no campaign id given")},
        {QStringLiteral("add-contact-to-workflow"), QStringLiteral("no workflow id given")},
        {QStringLiteral("delete-contact-from-workflow"), QStringLiteral("no workflow id given")},
        {QStringLiteral("add-remove-contact-from-business"),
            QStringLiteral("no business id given")},
        {QStringLiteral("get-contacts-by-businessId"), QStringLiteral("no business id given")},
    };
    int skipped = 0;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString& line = lines.at(i);
        const QString op = line.section(u' ', 0, 0);
        QVERIFY2(!line.contains(QLatin1StringView(" fail")), qPrintable(line));
        if (!writes && writeOperations().contains(op)) {
            QVERIFY2(line.contains(QLatin1StringView("skipped writes are not allowed")),
                qPrintable(line));
            ++skipped;
        } else if (!ids && needsId.contains(op)) {
            QVERIFY2(
                line.contains(QStringLiteral("skipped ") + needsId.value(op)), qPrintable(line));
            ++skipped;
        } else if (!company && op == QLatin1StringView("search-users")) {
            QVERIFY2(
                line.contains(QLatin1StringView("skipped no company id known")), qPrintable(line));
            ++skipped;
        } else {
            QVERIFY2(line.contains(QLatin1StringView(" pass")), qPrintable(line));
        }
    }
    QCOMPARE(lines.constLast(),
        QStringLiteral("%1 passed, 0 failed, %2 skipped")
            .arg(Api::endpoints().size() - skipped)
            .arg(skipped));

    // Whatever the run made is gone again: the contact, the temporary field and tag, and the
    // location tags the contact's tags became.
    QCOMPARE(liveContactCount(), contactsBefore);
    QCOMPARE(m_fx->data().customFieldDefinitions(), fieldsBefore);
    QCOMPARE(m_fx->data().tags(), tagsBefore);
    QVERIFY(liveContactsTagged(QStringLiteral("contactdesk-verify")).isEmpty());
    if (writes) {
        bool created = false;
        for (const QString& id : m_fx->data().deletedContacts()) {
            const QJsonObject record = m_fx->data().contacts().value(id);
            created = created
                || record.value(QStringLiteral("email"))
                       .toString()
                       .startsWith(QLatin1StringView("contactdesk-verify-"));
        }
        QVERIFY(created);
    }
}

void TestCli::verifyReportsFailuresAndStillCleansUp()
{
    // The duplicate lookup is refused and the first PUT (update-contact) answers broken JSON.
    const QJsonObject refused {{QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("path"), QStringLiteral("/contacts/search/duplicate")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 400}};
    const QJsonObject broken {{QStringLiteral("method"), QStringLiteral("PUT")},
        {QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("malformed-json")}, {QStringLiteral("count"), 1}};
    for (const QJsonObject& rule : {refused, broken})
        QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule).status, 201);
    const int contactsBefore = liveContactCount();

    QProcessEnvironment env;
    env.insert(QStringLiteral("CONTACTDESK_SANDBOX_ADMIN_KEY"), m_fx->data().adminKey());
    const CliResult r = run(fixtureTarget()
            + QStringList {QStringLiteral("verify"), QStringLiteral("--campaign-id"),
                QStringLiteral("c1"), QStringLiteral("--workflow-id"), QStringLiteral("w1"),
                QStringLiteral("--business-id"), firstBusiness(), QStringLiteral("--user-id"),
                m_fx->data().userIds().value(0)},
        env);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.outLines();
    QCOMPARE(lines.size(), Api::endpoints().size() + 1);
    QStringList failed;
    for (const QString& line : lines) {
        if (line.contains(QLatin1StringView(" fail ")))
            failed.append(line.simplified());
    }
    QCOMPARE(failed.size(), 2);
    QVERIFY2(failed.at(0).startsWith(QLatin1StringView("update-contact 200 ")),
        qPrintable(failed.at(0)));
    QVERIFY2(
        failed.at(0).contains(QLatin1StringView("does not understand")), qPrintable(failed.at(0)));
    QVERIFY2(failed.at(1).startsWith(QLatin1StringView("get-duplicate-contact 400 ")),
        qPrintable(failed.at(1)));
    QCOMPARE(lines.constLast(),
        QStringLiteral("%1 passed, 2 failed, 0 skipped").arg(Api::endpoints().size() - 2));
    // The later steps still ran, and the temporary contact is gone.
    QCOMPARE(liveContactCount(), contactsBefore);
    QVERIFY(liveContactsTagged(QStringLiteral("contactdesk-verify")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
