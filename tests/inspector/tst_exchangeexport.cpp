// The exports checked by the tools a user would run them with, against a standalone
// contactdesk-sandbox: copy-as-curl run by bash gives the same status, the Postman collection
// passes `newman run`, the HAR passes har-validator, and the whole catalog as a collection
// passes newman for every read operation.
#include "inspector/exchangeexport.h"
#include "inspector/trafficlog.h"
#include "nodetools.h"

#include "api/apiclient.h"
#include "api/endpointcatalog.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QTest>

#include <memory>

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

// Every request of a collection, folders included.
void collectRequests(const QJsonArray& items, QJsonArray* requests)
{
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        if (item.contains(QStringLiteral("item")))
            collectRequests(item.value(QStringLiteral("item")).toArray(), requests);
        else
            requests->append(item);
    }
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
    void cleanupTestCase();
    void curlGivesTheSameStatus();
    void postmanCollectionPassesNewman();
    void harPassesHarValidator();
    void catalogCollectionCoversEveryOperation();
    void catalogReadsPassNewman();

private:
    // One call through the real client; the answer's JSON (empty on failure) and its status.
    QJsonObject call(const QString& operationId, Api::RequestSpec spec, int* status = nullptr);
    QString baseUrl() const { return m_info.value(QStringLiteral("baseUrl")).toString(); }
    QString token() const
    {
        return m_info.value(QStringLiteral("privateIntegrationToken")).toString();
    }
    QString locationId() const { return m_info.value(QStringLiteral("locationId")).toString(); }

    std::unique_ptr<QProcess> m_sandbox;
    QJsonObject m_info;
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<Api::StaticTokenProvider> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    std::unique_ptr<Api::ApiClient> m_client;
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

    m_sandbox = std::make_unique<QProcess>();
    m_sandbox->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_sandbox->start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
            QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY(m_sandbox->waitForReadyRead(waitMs));
    m_info = QJsonDocument::fromJson(m_sandbox->readLine()).object();
    QVERIFY(!m_info.isEmpty());

    m_network.setProxy(QNetworkProxy::NoProxy);
    m_tokens = std::make_unique<Api::StaticTokenProvider>(token());
    m_budget = std::make_unique<Api::RateBudget>(m_clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(baseUrl());
    config.locationId = locationId();
    config.companyId = m_info.value(QStringLiteral("companyId")).toString();
    m_client = std::make_unique<Api::ApiClient>(m_network, *m_tokens, *m_budget, m_clock, config);
    m_log.attach(*m_client, QStringLiteral("Standalone sandbox"), QStringLiteral("sandbox"));

    Api::RequestSpec list;
    list.query = {{QStringLiteral("locationId"), locationId()},
        {QStringLiteral("limit"), QStringLiteral("5")}};
    const QJsonArray contacts
        = call(QStringLiteral("get-contacts"), list).value(QStringLiteral("contacts")).toArray();
    QVERIFY(!contacts.isEmpty());
    m_contactId = contacts.first().toObject().value(QStringLiteral("id")).toString();
    m_email = contacts.first().toObject().value(QStringLiteral("email")).toString();

    Api::RequestSpec one;
    one.path.insert(QStringLiteral("contactId"), m_contactId);
    call(QStringLiteral("get-contact"), one);
    Api::RequestSpec missing;
    missing.path.insert(QStringLiteral("contactId"), QStringLiteral("doesNotExist0000000000"));
    int missingStatus = 0;
    call(QStringLiteral("get-contact"), missing, &missingStatus);
    QVERIFY(missingStatus >= 400);

    // A body with a quote and a non-ASCII letter: the shell quoting and the encodings must hold.
    Api::RequestSpec search;
    search.body = QJsonObject {{QStringLiteral("locationId"), locationId()},
        {QStringLiteral("pageLimit"), 5}, {QStringLiteral("query"), QStringLiteral("O'Brien Zoë")}};
    call(QStringLiteral("search-contacts-advanced"), search);

    Api::RequestSpec task = one;
    task.body = QJsonObject {{QStringLiteral("title"), QStringLiteral("Call 'em back")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-12-31T10:00:00.000Z")},
        {QStringLiteral("completed"), false}};
    m_taskId = call(QStringLiteral("create-task"), task)
                   .value(QStringLiteral("task"))
                   .toObject()
                   .value(QStringLiteral("id"))
                   .toString();
    QVERIFY(!m_taskId.isEmpty());
    Api::RequestSpec note = one;
    note.body = QJsonObject {{QStringLiteral("body"), QStringLiteral("Asked for a quote")}};
    m_noteId = call(QStringLiteral("create-note"), note)
                   .value(QStringLiteral("note"))
                   .toObject()
                   .value(QStringLiteral("id"))
                   .toString();
    QVERIFY(!m_noteId.isEmpty());
    QTRY_COMPARE(m_log.size(), 6);
}

void TestExchangeExport::cleanupTestCase()
{
    m_client.reset();
    if (m_sandbox) {
        m_sandbox->terminate();
        m_sandbox->waitForFinished(waitMs);
    }
}

QJsonObject TestExchangeExport::call(const QString& operationId, Api::RequestSpec spec, int* status)
{
    QJsonObject result;
    bool done = false;
    Api::ApiJob* job = m_client->call(operationId, std::move(spec));
    job->onFinished(this, [&](Api::ApiJob& finished) {
        result = finished.result();
        if (status)
            *status = finished.httpStatus();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, waitMs))
        qWarning() << operationId << "did not finish";
    return result;
}

void TestExchangeExport::curlGivesTheSameStatus()
{
    for (const TrafficEntry& entry : m_log.entries()) {
        const QString command = curlCommand(entry);
        QVERIFY2(!command.contains(token()), qPrintable(command));
        QVERIFY(command.contains(QStringLiteral("'Version: 2021-07-28'")));
        QCOMPARE(shellStatus(command, token()), QString::number(entry.exchange.status));
    }
    // The token really comes from $TOKEN: without it the sandbox refuses.
    const QString first = curlCommand(m_log.at(0));
    QCOMPARE(shellStatus(first, QStringLiteral("not-a-token")), QStringLiteral("401"));
}

void TestExchangeExport::postmanCollectionPassesNewman()
{
    const QJsonObject collection
        = postmanCollection(m_log.entries(), QStringLiteral("Recorded traffic"), QUrl(baseUrl()));
    QCOMPARE(collection.value(QStringLiteral("info")).toObject().value(QStringLiteral("schema")),
        QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"));
    const QByteArray text = QJsonDocument(collection).toJson();
    QVERIFY(!text.contains(token().toUtf8()));
    const QJsonArray items = collection.value(QStringLiteral("item")).toArray();
    QCOMPARE(items.size(), 6);
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

    const QString file = writeJson(QStringLiteral("traffic.postman_collection.json"), collection);
    // baseUrl comes with the collection; only the token is set from outside.
    const NewmanRun run = runNewman(file, {QStringLiteral("accessToken=") + token()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.requests, 6);
    QCOMPARE(run.assertions, 6);
    QCOMPARE(run.failedAssertions, 0);

    // The recorded statuses are checked: with a wrong token every answer differs.
    const NewmanRun refused = runNewman(file, {QStringLiteral("accessToken=wrong")});
    QVERIFY(refused.exitCode != 0);
    QCOMPARE(refused.failedAssertions, 6);
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
    QCOMPARE(entries.size(), 6);
    const QJsonObject first = entries.first().toObject();
    QCOMPARE(first.value(QStringLiteral("timings")).toObject().value(QStringLiteral("send")), -1);
    QCOMPARE(
        first.value(QStringLiteral("request")).toObject().value(QStringLiteral("headersSize")), -1);
    QVERIFY(!containsNull(har));
    QVERIFY(!QJsonDocument(har).toJson().contains(token().toUtf8()));

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

    const QString catalogProblem = harValidatorProblem(catalogHar(QUrl(baseUrl())));
    QVERIFY2(catalogProblem.isEmpty(), qPrintable(catalogProblem));
}

void TestExchangeExport::catalogCollectionCoversEveryOperation()
{
    const QJsonObject collection = catalogCollection(QUrl(baseUrl()));
    QJsonArray requests;
    collectRequests(collection.value(QStringLiteral("item")).toArray(), &requests);
    QCOMPARE(requests.size(), Api::endpoints().size());
    QStringList variables;
    for (const QJsonValue& v : collection.value(QStringLiteral("variable")).toArray())
        variables << v.toObject().value(QStringLiteral("key")).toString();
    for (const QString& name : {QStringLiteral("baseUrl"), QStringLiteral("accessToken"),
             QStringLiteral("locationId"), QStringLiteral("contactId"), QStringLiteral("taskId"),
             QStringLiteral("noteId"), QStringLiteral("customFieldId"), QStringLiteral("tagId")})
        QVERIFY2(variables.contains(name), qPrintable(name));
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject item = requests.at(i).toObject();
        const Api::Endpoint& endpoint = Api::endpoints().at(i);
        QCOMPARE(item.value(QStringLiteral("name")).toString(), QString(endpoint.operationId));
        const QJsonObject request = item.value(QStringLiteral("request")).toObject();
        const QString raw = request.value(QStringLiteral("url"))
                                .toObject()
                                .value(QStringLiteral("raw"))
                                .toString();
        QVERIFY2(
            !QString(raw).remove(QStringLiteral("{{")).remove(QStringLiteral("}}")).contains(u'{'),
            qPrintable(raw));
        if (endpoint.takesBody && !endpoint.body.isEmpty()) {
            const QJsonObject body = QJsonDocument::fromJson(request.value(QStringLiteral("body"))
                                                                 .toObject()
                                                                 .value(QStringLiteral("raw"))
                                                                 .toString()
                                                                 .toUtf8())
                                         .object();
            // Every required property is in the example, and nothing the server would refuse.
            for (const Api::BodyField& field : endpoint.body) {
                if (field.required)
                    QVERIFY2(body.contains(QString(field.name)),
                        qPrintable(QString(endpoint.operationId) + u' ' + QString(field.name)));
            }
            for (const QString& key : body.keys())
                QVERIFY2(
                    endpoint.field(key), qPrintable(QString(endpoint.operationId) + u' ' + key));
        }
    }
}

void TestExchangeExport::catalogReadsPassNewman()
{
    // The ids the read operations need, from the sandbox the way a user would look them up.
    const QString customFieldId = [&] {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("locationId"), locationId());
        return call(QStringLiteral("get-custom-fields"), spec)
            .value(QStringLiteral("customFields"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString tagId = [&] {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("locationId"), locationId());
        return call(QStringLiteral("get-location-tags"), spec)
            .value(QStringLiteral("tags"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString userId = [&] {
        Api::RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), locationId()}};
        return call(QStringLiteral("get-user-by-location"), spec)
            .value(QStringLiteral("users"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString calendarId = [&] {
        Api::RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), locationId()}};
        return call(QStringLiteral("get-calendars"), spec)
            .value(QStringLiteral("calendars"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    QVERIFY(
        !customFieldId.isEmpty() && !tagId.isEmpty() && !userId.isEmpty() && !calendarId.isEmpty());

    QJsonObject collection = catalogCollection(QUrl(baseUrl()));
    // The read operations only: running the writes in catalog order would delete the contact
    // before the calls after it.
    QJsonArray folders;
    int reads = 0;
    for (const QJsonValue& folderValue : collection.value(QStringLiteral("item")).toArray()) {
        QJsonObject folder = folderValue.toObject();
        QJsonArray kept;
        for (const QJsonValue& item : folder.value(QStringLiteral("item")).toArray()) {
            const QJsonObject request = item.toObject().value(QStringLiteral("request")).toObject();
            const Api::Endpoint* endpoint
                = Api::findEndpoint(item.toObject().value(QStringLiteral("name")).toString());
            QVERIFY(endpoint);
            if (endpoint->writes() || endpoint->method != Api::HttpMethod::Get)
                continue;
            kept.append(item);
            ++reads;
        }
        folder.insert(QStringLiteral("item"), kept);
        folders.append(folder);
    }
    collection.insert(QStringLiteral("item"), folders);
    QVERIFY(reads >= 15);
    const QString file
        = writeJson(QStringLiteral("catalog-reads.postman_collection.json"), collection);
    const QStringList variables {QStringLiteral("accessToken=") + token(),
        QStringLiteral("locationId=") + locationId(),
        QStringLiteral("companyId=") + m_info.value(QStringLiteral("companyId")).toString(),
        QStringLiteral("contactId=") + m_contactId, QStringLiteral("email=") + m_email,
        QStringLiteral("taskId=") + m_taskId, QStringLiteral("noteId=") + m_noteId,
        QStringLiteral("customFieldId=") + customFieldId, QStringLiteral("tagId=") + tagId,
        QStringLiteral("userId=") + userId, QStringLiteral("calendarId=") + calendarId,
        QStringLiteral("businessId=") + QStringLiteral("noBusiness000000000000")};
    const NewmanRun run = runNewman(file, variables);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QCOMPARE(run.requests, reads);
    QCOMPARE(run.failedAssertions, 0);
    QCOMPARE(run.assertions, reads);
}

QTEST_GUILESS_MAIN(TestExchangeExport)
#include "tst_exchangeexport.moc"
