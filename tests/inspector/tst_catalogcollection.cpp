// The whole endpoint catalog as a Postman collection and a HAR, checked with the reference
// tools against a standalone contactdesk-sandbox: every operation once, example bodies inside
// the allow-lists, the HAR valid, the reads pass `newman run`, and the whole collection runs
// top to bottom with only the ids the API cannot make given.
#include "inspector/exchangeexport.h"
#include "nodetools.h"
#include "standalonesandbox.h"

#include "api/endpointcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Inspector;
using namespace ContactDesk::Testing;

namespace {

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

} // namespace

class TestCatalogCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogCollectionCoversEveryOperation();
    void catalogHarPassesHarValidator();
    void catalogReadsPassNewman();
    void wholeCatalogRunsOnTheSandbox();

private:
    StandaloneSandbox m_sandbox;
};

void TestCatalogCollection::initTestCase()
{
    const QString problem = nodeToolsProblem();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString started = m_sandbox.start(30);
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void TestCatalogCollection::catalogHarPassesHarValidator()
{
    const QString problem = harValidatorProblem(catalogHar(QUrl(m_sandbox.baseUrl())));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCatalogCollection::catalogCollectionCoversEveryOperation()
{
    const QJsonObject collection = catalogCollection(QUrl(m_sandbox.baseUrl()));
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
    // Every operation once, in an order a runner can go top to bottom: the contact is made
    // first and deleted after every call on it.
    QStringList names;
    for (const QJsonValue& request : std::as_const(requests))
        names << request.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(names.first(), QStringLiteral("create-contact"));
    for (const Api::Endpoint& endpoint : Api::endpoints())
        QCOMPARE(names.count(QString(endpoint.operationId)), 1);
    for (const QString& name : names) {
        if (name.contains(QLatin1StringView("contact"))
            && name != QLatin1StringView("delete-contact"))
            QVERIFY2(names.indexOf(name) < names.indexOf(QStringLiteral("delete-contact")),
                qPrintable(name));
    }
    QVERIFY(
        names.indexOf(QStringLiteral("create-task")) < names.indexOf(QStringLiteral("get-task")));
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject item = requests.at(i).toObject();
        const Api::Endpoint& endpoint = *Api::findEndpoint(names.at(i));
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

void TestCatalogCollection::catalogReadsPassNewman()
{
    // A contact with a task and a note, for the reads on them.
    Api::RequestSpec list;
    list.query = {{QStringLiteral("locationId"), m_sandbox.locationId()},
        {QStringLiteral("limit"), QStringLiteral("1")}};
    const QJsonObject first = m_sandbox.call(QStringLiteral("get-contacts"), list)
                                  .value(QStringLiteral("contacts"))
                                  .toArray()
                                  .first()
                                  .toObject();
    const QString contactId = first.value(QStringLiteral("id")).toString();
    const QString email = first.value(QStringLiteral("email")).toString();
    Api::RequestSpec onContact;
    onContact.path.insert(QStringLiteral("contactId"), contactId);
    Api::RequestSpec task = onContact;
    task.body = QJsonObject {{QStringLiteral("title"), QStringLiteral("Call back")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-12-31T10:00:00.000Z")},
        {QStringLiteral("completed"), false}};
    const QString taskId = m_sandbox.call(QStringLiteral("create-task"), task)
                               .value(QStringLiteral("task"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    Api::RequestSpec note = onContact;
    note.body = QJsonObject {{QStringLiteral("body"), QStringLiteral("Asked for a quote")}};
    const QString noteId = m_sandbox.call(QStringLiteral("create-note"), note)
                               .value(QStringLiteral("note"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    QVERIFY(!contactId.isEmpty() && !taskId.isEmpty() && !noteId.isEmpty());

    // The ids the read operations need, from the sandbox the way a user would look them up.
    const QString customFieldId = [&] {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("locationId"), m_sandbox.locationId());
        return m_sandbox.call(QStringLiteral("get-custom-fields"), spec)
            .value(QStringLiteral("customFields"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString tagId = [&] {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("locationId"), m_sandbox.locationId());
        return m_sandbox.call(QStringLiteral("get-location-tags"), spec)
            .value(QStringLiteral("tags"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString userId = [&] {
        Api::RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), m_sandbox.locationId()}};
        return m_sandbox.call(QStringLiteral("get-user-by-location"), spec)
            .value(QStringLiteral("users"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    const QString calendarId = [&] {
        Api::RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), m_sandbox.locationId()}};
        return m_sandbox.call(QStringLiteral("get-calendars"), spec)
            .value(QStringLiteral("calendars"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }();
    QVERIFY(
        !customFieldId.isEmpty() && !tagId.isEmpty() && !userId.isEmpty() && !calendarId.isEmpty());

    QJsonObject collection = catalogCollection(QUrl(m_sandbox.baseUrl()));
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
    const QStringList variables {QStringLiteral("accessToken=") + m_sandbox.token(),
        QStringLiteral("locationId=") + m_sandbox.locationId(),
        QStringLiteral("companyId=") + m_sandbox.companyId(),
        QStringLiteral("contactId=") + contactId, QStringLiteral("email=") + email,
        QStringLiteral("taskId=") + taskId, QStringLiteral("noteId=") + noteId,
        QStringLiteral("customFieldId=") + customFieldId, QStringLiteral("tagId=") + tagId,
        QStringLiteral("userId=") + userId, QStringLiteral("calendarId=") + calendarId,
        QStringLiteral("businessId=") + QStringLiteral("noBusiness000000000000")};
    const NewmanRun run = runNewman(file, variables);
    QVERIFY2(
        run.exitCode == 0, qPrintable(run.failures.join(u'\n') + u'\n' + run.output.right(1500)));
    QCOMPARE(run.requests, reads);
    QCOMPARE(run.failedAssertions, 0);
    QCOMPARE(run.assertions, reads);
}

void TestCatalogCollection::wholeCatalogRunsOnTheSandbox()
{
    // Only the ids the Contacts API cannot make or list are given; the contact, task, note,
    // custom field and tag come from the collection's own creates.
    QString businessId;
    Api::RequestSpec list;
    list.query = {{QStringLiteral("locationId"), m_sandbox.locationId()},
        {QStringLiteral("limit"), QStringLiteral("100")}};
    for (const QJsonValue& contact : m_sandbox.call(QStringLiteral("get-contacts"), list)
                                         .value(QStringLiteral("contacts"))
                                         .toArray()) {
        if (businessId.isEmpty())
            businessId = contact.toObject().value(QStringLiteral("businessId")).toString();
    }
    QVERIFY(!businessId.isEmpty());
    Api::RequestSpec users;
    users.query = {{QStringLiteral("locationId"), m_sandbox.locationId()}};
    const QString userId = m_sandbox.call(QStringLiteral("get-user-by-location"), users)
                               .value(QStringLiteral("users"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const QString calendarId = m_sandbox.call(QStringLiteral("get-calendars"), users)
                                   .value(QStringLiteral("calendars"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
    QVERIFY(!userId.isEmpty() && !calendarId.isEmpty());

    const QString file = writeJson(QStringLiteral("catalog.postman_collection.json"),
        catalogCollection(QUrl(m_sandbox.baseUrl())));
    // Campaigns and workflows are not records in the sandbox: any id names one.
    const NewmanRun run = runNewman(file,
        {QStringLiteral("accessToken=") + m_sandbox.token(),
            QStringLiteral("locationId=") + m_sandbox.locationId(),
            QStringLiteral("companyId=") + m_sandbox.companyId(),
            QStringLiteral("userId=") + userId, QStringLiteral("calendarId=") + calendarId,
            QStringLiteral("businessId=") + businessId,
            QStringLiteral("campaignId=cmpgn0000000000000001"),
            QStringLiteral("workflowId=wrkfl0000000000000001")});
    QVERIFY2(
        run.exitCode == 0, qPrintable(run.failures.join(u'\n') + u'\n' + run.output.right(1500)));
    QCOMPARE(run.requests, int(Api::endpoints().size()));
    QCOMPARE(run.assertions, int(Api::endpoints().size()));
    QCOMPARE(run.failedAssertions, 0);
}

QTEST_GUILESS_MAIN(TestCatalogCollection)
#include "tst_catalogcollection.moc"
