// contactdesk-cli import against a standalone contactdesk-sandbox: the dry run sends nothing and
// prints each row's request; an import killed with SIGKILL in the middle and run again with
// --resume leaves every row on the server exactly once; a failed row exits with 1 and is in the
// results file; a changed file is not resumed.
#include "clirun.h"

#include "api/apiclient.h"
#include "api/contactwalker.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int rows = 300;
constexpr int waitMs = 180000;

QProcessEnvironment targetEnvironment(const QJsonObject& info)
{
    QProcessEnvironment environment;
    environment.insert(
        QStringLiteral("CONTACTDESK_BASE_URL"), info.value(QStringLiteral("baseUrl")).toString());
    environment.insert(QStringLiteral("CONTACTDESK_TOKEN"),
        info.value(QStringLiteral("privateIntegrationToken")).toString());
    environment.insert(QStringLiteral("CONTACTDESK_LOCATION"),
        info.value(QStringLiteral("locationId")).toString());
    return environment;
}

// A control call of the standalone sandbox, answered on the event loop.
QJsonObject control(const QJsonObject& info, const QByteArray& method, const QString& path,
    const QJsonObject& body = {})
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(info.value(QStringLiteral("baseUrl")).toString() + path));
    request.setRawHeader(
        "X-Sandbox-Admin-Key", info.value(QStringLiteral("adminKey")).toString().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.sendCustomRequest(
        request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return answer;
}

// How many upserts the sandbox answered with success since `since`.
int upsertsSince(const QJsonObject& info, qint64 since)
{
    const QJsonObject log
        = control(info, "GET", QStringLiteral("/__sandbox/requests?since=%1").arg(since));
    int count = 0;
    for (const QJsonValue& entry : log.value(QStringLiteral("requests")).toArray()) {
        const QJsonObject exchange = entry.toObject();
        if (exchange.value(QStringLiteral("operationId")).toString()
                == QLatin1StringView("upsert-contact")
            && exchange.value(QStringLiteral("status")).toInt() == 200)
            ++count;
    }
    return count;
}

qint64 lastSeq(const QJsonObject& info)
{
    return control(info, "GET", QStringLiteral("/__sandbox/requests?since=999999999"))
        .value(QStringLiteral("lastSeq"))
        .toInteger();
}

// Every contact the sandbox has, through its API.
QList<Api::Contact> serverContacts(const QJsonObject& info)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    SystemClock clock;
    Api::StaticTokenProvider tokens(
        info.value(QStringLiteral("privateIntegrationToken")).toString());
    Api::RateBudget budget(clock);
    Api::ApiConfig config;
    config.baseUrl = QUrl(info.value(QStringLiteral("baseUrl")).toString());
    config.locationId = info.value(QStringLiteral("locationId")).toString();
    Api::ApiClient client(nam, tokens, budget, clock, config);
    Api::ContactWalker walker(client);
    QList<Api::Contact> contacts;
    QObject::connect(&walker, &Api::ContactWalker::pageReady,
        [&contacts](const Api::ContactWalkPage& page) { contacts += page.contacts; });
    QEventLoop loop;
    QObject::connect(&walker, &Api::ContactWalker::finished, &loop, &QEventLoop::quit);
    walker.start();
    if (walker.isRunning())
        loop.exec();
    return contacts;
}

// Contacts per lower-case e-mail.
QHash<QString, int> byEmail(const QList<Api::Contact>& contacts)
{
    QHash<QString, int> counts;
    for (const Api::Contact& contact : contacts)
        ++counts[contact.email.toLower()];
    return counts;
}

const QByteArray profileJson = R"({
  "version": 1,
  "name": "People",
  "source": {"kind": "csv"},
  "rules": [
    {"sources": ["Email"], "target": "email"},
    {"sources": ["First Name"], "target": "firstName"},
    {"sources": ["Last Name"], "target": "lastName"}
  ],
  "write": {"mode": "upsert", "match": {"by": "email"}, "duplicates": "merge"}
})";

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void dryRunPrintsRequestsAndSendsNothing();
    void killedMidImportResumesWithEveryRowOnce();
    void failedRowExitsOneAndIsInTheResults();
    void changedFileIsNotResumed();

private:
    QString writeFile(const QString& name, const QByteArray& text);
    QStringList importArgs(const QString& file) const;
    CliResult import(const QStringList& extra, const QString& file);

    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_sandbox;
    QJsonObject m_info;
    QString m_profile;
};

void TestCliImport::initTestCase()
{
    m_sandbox = std::make_unique<QProcess>();
    m_sandbox->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // A tight burst limit stretches the import over seconds, so a kill lands in the middle.
    m_sandbox->start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
            QStringLiteral("0"), QStringLiteral("--rate-limit"), QStringLiteral("30/1000"),
            QStringLiteral("--daily-limit"), QStringLiteral("0")});
    QVERIFY(m_sandbox->waitForReadyRead(waitMs));
    m_info = QJsonDocument::fromJson(m_sandbox->readLine()).object();
    QVERIFY(!m_info.isEmpty());
    m_profile = writeFile(QStringLiteral("people.profile.json"), profileJson);
}

void TestCliImport::cleanupTestCase()
{
    if (m_sandbox) {
        m_sandbox->terminate();
        m_sandbox->waitForFinished(waitMs);
    }
}

QString TestCliImport::writeFile(const QString& name, const QByteArray& text)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(text);
    return path;
}

QStringList TestCliImport::importArgs(const QString& file) const
{
    return {QStringLiteral("import"), file, QStringLiteral("--mapping"), m_profile};
}

CliResult TestCliImport::import(const QStringList& extra, const QString& file)
{
    return runCli(importArgs(file) + extra, m_home.path(), targetEnvironment(m_info));
}

void TestCliImport::dryRunPrintsRequestsAndSendsNothing()
{
    const QString file = writeFile(QStringLiteral("preview.csv"),
        "Email,First Name,Last Name\r\nada@preview.test,Ada,Lovelace\r\n"
        "grace@preview.test,Grace,Hopper\r\n");
    const qint64 since = lastSeq(m_info);
    const CliResult result = import({QStringLiteral("--dry-run")}, file);
    QVERIFY2(result.exitCode == 0, qPrintable(result.errText()));
    const QJsonObject json = result.json().object();
    QVERIFY2(json.value(QStringLiteral("dryRun")).toBool(), result.out.constData());
    const QJsonArray planned = json.value(QStringLiteral("rows")).toArray();
    QCOMPARE(planned.size(), 2);
    const QJsonObject first = planned[0].toObject();
    QCOMPARE(first.value(QStringLiteral("action")).toString(), QStringLiteral("upsert"));
    const QJsonObject request = first.value(QStringLiteral("requests")).toArray()[0].toObject();
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(request.value(QStringLiteral("path")).toString(), QStringLiteral("/contacts/upsert"));
    const QJsonObject body = request.value(QStringLiteral("body")).toObject();
    QCOMPARE(body.value(QStringLiteral("email")).toString(), QStringLiteral("ada@preview.test"));
    QCOMPARE(body.value(QStringLiteral("firstName")).toString(), QStringLiteral("Ada"));
    QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("created")),
        QJsonValue(2));
    // Nothing written: no contact of the file is on the server.
    QCOMPARE(upsertsSince(m_info, since), 0);
    QCOMPARE(byEmail(serverContacts(m_info)).value(QStringLiteral("ada@preview.test")), 0);
}

void TestCliImport::killedMidImportResumesWithEveryRowOnce()
{
    QByteArray csv = "Email,First Name,Last Name\n";
    for (int i = 1; i <= rows; ++i)
        csv += QStringLiteral("person%1@kill.test,Person,Number %1\n").arg(i).toUtf8();
    const QString file = writeFile(QStringLiteral("kill.csv"), csv);
    const qint64 since = lastSeq(m_info);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1StringView("CONTACTDESK_")))
            environment.remove(name);
    }
    environment.insert(
        QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    environment.insert(targetEnvironment(m_info));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONTACTDESK_CLI_EXE), importArgs(file));
    // Killed once a good part of the rows is on the server, long before the end.
    QEventLoop loop;
    QTimer poll;
    bool killed = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (upsertsSince(m_info, since) >= 60) {
            killed = true;
            process.kill();
            loop.quit();
        }
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    poll.start(100);
    loop.exec();
    process.waitForFinished(10000);
    QVERIFY2(killed, process.readAllStandardError().constData());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    const int atKill = int(byEmail(serverContacts(m_info)).size());
    QVERIFY2(atKill < rows, qPrintable(QString::number(atKill)));

    // Without --resume the interrupted run is not started over.
    const CliResult again = import({}, file);
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.errText().contains(QStringLiteral("--resume")), qPrintable(again.errText()));

    const QString resultsPath = m_home.filePath(QStringLiteral("kill-results.csv"));
    const CliResult resumed
        = import({QStringLiteral("--resume"), QStringLiteral("--results"), resultsPath}, file);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.errText()));
    const QJsonObject summary = resumed.json().object();
    QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);

    // On the server: every row exactly once.
    const QHash<QString, int> counts = byEmail(serverContacts(m_info));
    for (int i = 1; i <= rows; ++i) {
        const QString email = QStringLiteral("person%1@kill.test").arg(i);
        QVERIFY2(counts.value(email) == 1,
            qPrintable(QStringLiteral("%1 is there %2 times").arg(email).arg(counts.value(email))));
    }
    QFile results(resultsPath);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = results.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), rows + 1);
    QCOMPARE(lines[0].trimmed(), QByteArray("row,outcome,contact id,error"));
}

void TestCliImport::failedRowExitsOneAndIsInTheResults()
{
    const QString file = writeFile(QStringLiteral("bad.csv"),
        "Email,First Name,Last Name\nok@bad.test,Ok,Row\nnot an email,Bad,Row\n");
    const QString resultsPath = m_home.filePath(QStringLiteral("bad-results.csv"));
    const CliResult result = import({QStringLiteral("--results"), resultsPath}, file);
    QCOMPARE(result.exitCode, 1);
    const QJsonObject summary = result.json().object();
    QCOMPARE(summary.value(QStringLiteral("created")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
    QFile results(resultsPath);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QByteArray text = results.readAll();
    QVERIFY2(text.contains("\r\n2,failed,,"), text.constData());
    QCOMPARE(byEmail(serverContacts(m_info)).value(QStringLiteral("ok@bad.test")), 1);
}

void TestCliImport::changedFileIsNotResumed()
{
    QByteArray csv = "Email,First Name,Last Name\n";
    for (int i = 1; i <= 100; ++i)
        csv += QStringLiteral("changed%1@resume.test,P,%1\n").arg(i).toUtf8();
    const QString file = writeFile(QStringLiteral("changed.csv"), csv);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1StringView("CONTACTDESK_")))
            environment.remove(name);
    }
    environment.insert(
        QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    environment.insert(targetEnvironment(m_info));
    const qint64 since = lastSeq(m_info);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONTACTDESK_CLI_EXE), importArgs(file));
    QVERIFY(QTest::qWaitFor([&] { return upsertsSince(m_info, since) >= 5; }, waitMs));
    process.kill();
    process.waitForFinished(10000);

    writeFile(QStringLiteral("changed.csv"), csv + "late@resume.test,Late,Row\n");
    const CliResult resumed = import({QStringLiteral("--resume")}, file);
    QCOMPARE(resumed.exitCode, 1);
    QVERIFY2(resumed.errText().contains(QStringLiteral("changed since its import began")),
        qPrintable(resumed.errText()));
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
