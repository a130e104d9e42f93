// contactdesk-cli collection (the whole catalog as a Postman collection or a HAR) and the
// global --har FILE (every exchange of a command into a HAR, written at exit, also after a
// failure), checked with har-validator.
#include "clirun.h"
#include "nodetools.h"
#include "sandboxfixture.h"

#include "api/endpointcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

int countRequests(const QJsonArray& items)
{
    int n = 0;
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        n += item.contains(QStringLiteral("item"))
            ? countRequests(item.value(QStringLiteral("item")).toArray())
            : 1;
    }
    return n;
}

QString variable(const QJsonObject& collection, const QString& key)
{
    for (const QJsonValue& v : collection.value(QStringLiteral("variable")).toArray()) {
        if (v.toObject().value(QStringLiteral("key")).toString() == key)
            return v.toObject().value(QStringLiteral("value")).toString();
    }
    return QStringLiteral("<absent>");
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonArray harEntries(const QJsonObject& har)
{
    return har.value(QStringLiteral("log")).toObject().value(QStringLiteral("entries")).toArray();
}

} // namespace

class TestCliCollection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void collectionIsTheWholeCatalog();
    void collectionFillsWhatItIsGiven();
    void collectionHarPassesHarValidator();
    void collectionRefusesATokenAndATarget();
    void harRecordsACommand();
    void harIsWrittenAfterAFailure();
    void harRecordsASync();
    void harNeedsAFile();

private:
    QStringList target() const
    {
        return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
            m_fx->pit(), QStringLiteral("--location"), m_fx->locationId()};
    }

    QTemporaryDir m_home;
    std::unique_ptr<SandboxFixture> m_fx;
};

void TestCliCollection::initTestCase()
{
    const QString problem = nodeToolsProblem();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_home.isValid());
    m_fx = std::make_unique<SandboxFixture>(8);
}

void TestCliCollection::collectionIsTheWholeCatalog()
{
    const CliResult r = runCli({QStringLiteral("collection")}, m_home.path());
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.errText()));
    const QJsonObject collection = r.json().object();
    QCOMPARE(collection.value(QStringLiteral("info")).toObject().value(QStringLiteral("schema")),
        QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"));
    QCOMPARE(countRequests(collection.value(QStringLiteral("item")).toArray()),
        int(Api::endpoints().size()));
    QCOMPARE(variable(collection, QStringLiteral("baseUrl")),
        QStringLiteral("https://services.leadconnectorhq.com"));
    QCOMPARE(variable(collection, QStringLiteral("accessToken")), QString());
    QCOMPARE(variable(collection, QStringLiteral("contactId")), QString());
    QVERIFY(r.out.contains("{{baseUrl}}/contacts/{{contactId}}/notes/{{noteId}}"));
}

void TestCliCollection::collectionFillsWhatItIsGiven()
{
    const CliResult r = runCli(
        {QStringLiteral("collection"), QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
            QStringLiteral("--location"), QStringLiteral("loc123"), QStringLiteral("--company-id"),
            QStringLiteral("co456")},
        m_home.path());
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.errText()));
    const QJsonObject collection = r.json().object();
    QString base = m_fx->baseUrl().toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    QCOMPARE(variable(collection, QStringLiteral("baseUrl")), base);
    QCOMPARE(variable(collection, QStringLiteral("locationId")), QStringLiteral("loc123"));
    QCOMPARE(variable(collection, QStringLiteral("companyId")), QStringLiteral("co456"));
}

void TestCliCollection::collectionHarPassesHarValidator()
{
    const CliResult r
        = runCli({QStringLiteral("collection"), QStringLiteral("--har")}, m_home.path());
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.errText()));
    const QJsonObject har = r.json().object();
    QCOMPARE(harEntries(har).size(), Api::endpoints().size());
    const QString problem = harValidatorProblem(har);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // --har FILE after collection writes the HAR there instead of stdout.
    const QString file = m_home.filePath(QStringLiteral("catalog.har"));
    const CliResult toFile
        = runCli({QStringLiteral("collection"), QStringLiteral("--har"), file}, m_home.path());
    QVERIFY2(toFile.finished && toFile.exitCode == 0, qPrintable(toFile.errText()));
    QVERIFY(toFile.out.isEmpty());
    QCOMPARE(harEntries(readJson(file)).size(), Api::endpoints().size());
}

void TestCliCollection::collectionRefusesATokenAndATarget()
{
    for (const QStringList& extra :
        {QStringList {QStringLiteral("--token"), QStringLiteral("secret-token")},
            QStringList {QStringLiteral("--sandbox")}}) {
        const CliResult r
            = runCli(QStringList {QStringLiteral("collection")} + extra, m_home.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(QStringLiteral("does not apply to collection")),
            qPrintable(r.errText()));
    }
}

void TestCliCollection::harRecordsACommand()
{
    const QString file = m_home.filePath(QStringLiteral("list.har"));
    const CliResult r = runCli(target()
            + QStringList {QStringLiteral("--har"), file, QStringLiteral("contacts"),
                QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3")},
        m_home.path());
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.errText()));
    // The command's own output is untouched.
    QVERIFY(r.json().object().contains(QStringLiteral("contacts")));
    const QJsonObject har = readJson(file);
    const QJsonArray entries = harEntries(har);
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(
        entry.value(QStringLiteral("_operationId")), QStringLiteral("search-contacts-advanced"));
    QCOMPARE(
        entry.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")), 200);
    QVERIFY(entry.value(QStringLiteral("response"))
                .toObject()
                .value(QStringLiteral("content"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("\"contacts\"")));
    const QByteArray bytes = readBytes(file);
    QVERIFY(!bytes.contains(m_fx->pit().toUtf8()));
    QVERIFY(bytes.contains("Bearer [redacted]"));
    const QString problem = harValidatorProblem(har);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliCollection::harIsWrittenAfterAFailure()
{
    const QString file = m_home.filePath(QStringLiteral("failed.har"));
    const CliResult r = runCli(target()
            + QStringList {QStringLiteral("contacts"), QStringLiteral("get"),
                QStringLiteral("noSuchContact000000000"), QStringLiteral("--har"), file},
        m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject har = readJson(file);
    const QJsonArray entries = harEntries(har);
    QCOMPARE(entries.size(), 1);
    const int status = entries.first()
                           .toObject()
                           .value(QStringLiteral("response"))
                           .toObject()
                           .value(QStringLiteral("status"))
                           .toInt();
    QVERIFY(status >= 400 && status < 500);
    QVERIFY(harValidatorProblem(har).isEmpty());

    // Nothing answering at all: the HAR still comes, with the exchanges that had no answer.
    const QString none = m_home.filePath(QStringLiteral("unreachable.har"));
    const CliResult down
        = runCli({QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
                     QStringLiteral("--token"), QStringLiteral("t"), QStringLiteral("--location"),
                     QStringLiteral("l"), QStringLiteral("--har"), none, QStringLiteral("contacts"),
                     QStringLiteral("get"), QStringLiteral("x")},
            m_home.path());
    QCOMPARE(down.exitCode, 3);
    const QJsonArray attempts = harEntries(readJson(none));
    QVERIFY(!attempts.isEmpty());
    QCOMPARE(attempts.first()
                 .toObject()
                 .value(QStringLiteral("response"))
                 .toObject()
                 .value(QStringLiteral("status")),
        0);
    QVERIFY(harValidatorProblem(readJson(none)).isEmpty());
}

void TestCliCollection::harRecordsASync()
{
    // The data commands run on the workspace's own client: its exchanges are recorded too.
    const QString file = m_home.filePath(QStringLiteral("sync.har"));
    const CliResult r
        = runCli(target() + QStringList {QStringLiteral("sync"), QStringLiteral("--har"), file},
            m_home.path());
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.errText()));
    const QJsonArray entries = harEntries(readJson(file));
    QVERIFY(entries.size() >= 2);
    QStringList causes;
    for (const QJsonValue& entry : entries)
        causes << entry.toObject().value(QStringLiteral("_cause")).toString();
    QVERIFY2(causes.contains(QStringLiteral("sync")), qPrintable(causes.join(u',')));
}

void TestCliCollection::harNeedsAFile()
{
    const CliResult r = runCli(target()
            + QStringList {QStringLiteral("contacts"), QStringLiteral("list"),
                QStringLiteral("--har")},
        m_home.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.errText().contains(QStringLiteral("--har needs a file name")), qPrintable(r.errText()));
}

QTEST_GUILESS_MAIN(TestCliCollection)
#include "tst_clicollection.moc"
