// The traffic exports checked by the tools a user would run them with, against a standalone
// contactdesk-sandbox: copy-as-curl run by bash gives the same status, the Postman collection
// of the recorded exchanges passes `newman run`, the HAR passes har-validator.
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"
#include "nodetools.h"
#include "standalonesandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Inspector;
using namespace ContactDesk::Testing;

namespace {

constexpr int waitMs = 20000;

QString shellStatus(const QString& command, const QString& token)
{
    QProcess bash;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TOKEN"), token);
    bash.setProcessEnvironment(environment);
    bash.start(QStringLiteral("bash"),
        {QStringLiteral("-c"),
            command + QStringLiteral(" --silent --output /dev/null --write-out '%{http_code}'")});
    if (!bash.waitForFinished(waitMs))
        return QStringLiteral("bash did not finish");
    return QString::fromUtf8(bash.readAllStandardOutput())
        + QString::fromUtf8(bash.readAllStandardError());
}

// Whether any value of the document is null (a body's text may spell "null"; that is a string).
bool containsNull(const QJsonValue& value)
{
    if (value.isNull())
        return true;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(
            array.begin(), array.end(), [](const QJsonValue& v) { return containsNull(v); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(
            object.begin(), object.end(), [](const QJsonValue& v) { return containsNull(v); });
    }
    return false;
}

} // namespace

class TestExchangeExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void curlGivesTheSameStatus();
    void postmanCollectionPassesNewman();
    void harPassesHarValidator();

private:
    StandaloneSandbox m_sandbox;
    TrafficLog m_log;
    QString m_contactId;
    QString m_email;
    QString m_taskId;
    QString m_noteId;
};

void TestExchangeExport::initTestCase()
{
    // Without the reference tools the exports are unchecked: that is a failure, not a skip.
    const QString problem = nodeToolsProblem();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString started = m_sandbox.start(30);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_log.attach(
        m_sandbox.client(), QStringLiteral("Standalone sandbox"), QStringLiteral("sandbox"));

    Api::RequestSpec list;
    list.query = {{QStringLiteral("locationId"), m_sandbox.locationId()},
        {QStringLiteral("limit"), QStringLiteral("5")}};
    const QJsonArray contacts = m_sandbox.call(QStringLiteral("get-contacts"), list)
                                    .value(QStringLiteral("contacts"))
                                    .toArray();
    QVERIFY(!contacts.isEmpty());
    m_contactId = contacts.first().toObject().value(QStringLiteral("id")).toString();
    m_email = contacts.first().toObject().value(QStringLiteral("email")).toString();

    Api::RequestSpec one;
    one.path.insert(QStringLiteral("contactId"), m_contactId);
    m_sandbox.call(QStringLiteral("get-contact"), one);
    Api::RequestSpec missing;
    missing.path.insert(QStringLiteral("contactId"), QStringLiteral("doesNotExist0000000000"));
    int missingStatus = 0;
    m_sandbox.call(QStringLiteral("get-contact"), missing, &missingStatus);
    QVERIFY(missingStatus >= 400);

    // A body with a quote and a non-ASCII letter: the shell quoting and the encodings must hold.
    Api::RequestSpec search;
    search.body = QJsonObject {{QStringLiteral("locationId"), m_sandbox.locationId()},
        {QStringLiteral("pageLimit"), 5}, {QStringLiteral("query"), QStringLiteral("O'Brien Zoë")}};
    m_sandbox.call(QStringLiteral("search-contacts-advanced"), search);

    // A query value that must stay percent-encoded through every export ('+' is not a space).
    Api::RequestSpec duplicate;
    duplicate.query = {{QStringLiteral("locationId"), m_sandbox.locationId()},
        {QStringLiteral("email"), QStringLiteral("ada+inspector@example.com")}};
    m_sandbox.call(QStringLiteral("get-duplicate-contact"), duplicate);

    Api::RequestSpec task = one;
    task.body = QJsonObject {{QStringLiteral("title"), QStringLiteral("Call 'em back")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-12-31T10:00:00.000Z")},
        {QStringLiteral("completed"), false}};
    m_taskId = m_sandbox.call(QStringLiteral("create-task"), task)
                   .value(QStringLiteral("task"))
                   .toObject()
                   .value(QStringLiteral("id"))
                   .toString();
    QVERIFY(!m_taskId.isEmpty());
    Api::RequestSpec note = one;
    note.body = QJsonObject {{QStringLiteral("body"), QStringLiteral("Asked for a quote")}};
    m_noteId = m_sandbox.call(QStringLiteral("create-note"), note)
                   .value(QStringLiteral("note"))
                   .toObject()
                   .value(QStringLiteral("id"))
                   .toString();
    QVERIFY(!m_noteId.isEmpty());
    QTRY_COMPARE(m_log.size(), 7);
}

void TestExchangeExport::curlGivesTheSameStatus()
{
    for (const TrafficEntry& entry : m_log.entries()) {
        const QString command = curlCommand(entry);
        QVERIFY2(!command.contains(m_sandbox.token()), qPrintable(command));
        QVERIFY(command.contains(QStringLiteral("'Version: 2021-07-28'")));
        QCOMPARE(shellStatus(command, m_sandbox.token()), QString::number(entry.exchange.status));
    }
    // The token really comes from $TOKEN: without it the sandbox refuses.
    const QString first = curlCommand(m_log.at(0));
    QCOMPARE(shellStatus(first, QStringLiteral("not-a-token")), QStringLiteral("401"));
}

void TestExchangeExport::postmanCollectionPassesNewman()
{
    const QJsonObject collection = postmanCollection(
        m_log.entries(), QStringLiteral("Recorded traffic"), QUrl(m_sandbox.baseUrl()));
    QCOMPARE(collection.value(QStringLiteral("info")).toObject().value(QStringLiteral("schema")),
        QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"));
    const QByteArray text = QJsonDocument(collection).toJson();
    QVERIFY(!text.contains(m_sandbox.token().toUtf8()));
    const QJsonArray items = collection.value(QStringLiteral("item")).toArray();
    QCOMPARE(items.size(), 7);
    const QJsonObject search = items.at(3).toObject();
    QCOMPARE(search.value(QStringLiteral("name")), QStringLiteral("search-contacts-advanced"));
    QVERIFY(QJsonDocument(search.value(QStringLiteral("request")).toObject())
                .toJson()
                .contains("\"key\": \"Content-Type\""));
    QCOMPARE(search.value(QStringLiteral("response"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("code")),
        200);

    const QJsonObject duplicate = items.at(4).toObject();
    QCOMPARE(duplicate.value(QStringLiteral("name")), QStringLiteral("get-duplicate-contact"));
    QVERIFY(duplicate.value(QStringLiteral("request"))
                .toObject()
                .value(QStringLiteral("url"))
                .toObject()
                .value(QStringLiteral("raw"))
                .toString()
                .contains(QStringLiteral("ada%2Binspector")));

    const QString file = writeJson(QStringLiteral("traffic.postman_collection.json"), collection);
    // baseUrl comes with the collection; only the token is set from outside.
    const NewmanRun run = runNewman(file, {QStringLiteral("accessToken=") + m_sandbox.token()});
    QVERIFY2(
        run.exitCode == 0, qPrintable(run.failures.join(u'\n') + u'\n' + run.output.right(1500)));
    QCOMPARE(run.requests, 7);
    QCOMPARE(run.assertions, 7);
    QCOMPARE(run.failedAssertions, 0);

    // The recorded statuses are checked: with a wrong token every answer differs.
    const NewmanRun refused = runNewman(file, {QStringLiteral("accessToken=wrong")});
    QVERIFY(refused.exitCode != 0);
    QCOMPARE(refused.failedAssertions, 7);
}

void TestExchangeExport::harPassesHarValidator()
{
    const QJsonObject har = harLog(m_log.entries());
    const QString problem = harValidatorProblem(har);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject log = har.value(QStringLiteral("log")).toObject();
    QCOMPARE(log.value(QStringLiteral("version")), QStringLiteral("1.2"));
    QCOMPARE(log.value(QStringLiteral("creator")).toObject().value(QStringLiteral("name")),
        QStringLiteral("ContactDesk"));
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 7);
    const QJsonObject first = entries.first().toObject();
    QCOMPARE(first.value(QStringLiteral("timings")).toObject().value(QStringLiteral("send")), -1);
    QCOMPARE(
        first.value(QStringLiteral("request")).toObject().value(QStringLiteral("headersSize")), -1);
    QVERIFY(!containsNull(har));
    const QJsonArray query = entries.at(4)
                                 .toObject()
                                 .value(QStringLiteral("request"))
                                 .toObject()
                                 .value(QStringLiteral("queryString"))
                                 .toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(query.at(1).toObject().value(QStringLiteral("value")),
        QStringLiteral("ada+inspector@example.com"));
    QVERIFY(!QJsonDocument(har).toJson().contains(m_sandbox.token().toUtf8()));

    // The validator does reject a broken log (a null where a number belongs).
    QJsonObject broken = har;
    QJsonObject brokenLog = log;
    QJsonArray brokenEntries = entries;
    QJsonObject entry = first;
    entry.insert(QStringLiteral("time"), QJsonValue::Null);
    brokenEntries.replace(0, entry);
    brokenLog.insert(QStringLiteral("entries"), brokenEntries);
    broken.insert(QStringLiteral("log"), brokenLog);
    QVERIFY(!harValidatorProblem(broken).isEmpty());
}

QTEST_GUILESS_MAIN(TestExchangeExport)
#include "tst_exchangeexport.moc"
