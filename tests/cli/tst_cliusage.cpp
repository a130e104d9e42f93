// contactdesk-cli's usage errors as a script sees them: an empty id (`contacts get ''`, a blank
// task id, `call ... --path contactId=`) is exit 2 with one line naming the parameter, said
// before anything reaches HighLevel (the sandbox's request log stays empty), and the hint to
// --help is printed once.
#include "clirun.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

class TestCliUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fx = std::make_unique<SandboxFixture>(5); }
    void cleanup() { m_fx.reset(); }
    void emptyPathParameterIsAUsageError_data();
    void emptyPathParameterIsAUsageError();
    void unknownOperationHintOnce();
    void realIdStillGoesOut();

private:
    QStringList target() const
    {
        return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
            m_fx->pit(), QStringLiteral("--location"), m_fx->locationId()};
    }
    // API requests the sandbox logged (not the test's own control calls).
    qint64 requestsLogged()
    {
        const HttpResult r = m_fx->control("GET", QStringLiteral("/__sandbox/requests"));
        qint64 count = 0;
        for (const QJsonValue& entry : r.object().value(QStringLiteral("requests")).toArray())
            count += entry[QStringLiteral("path")].toString().startsWith(
                         QLatin1StringView("/__sandbox"))
                ? 0
                : 1;
        return count;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    QTemporaryDir m_home;
};

void TestCliUsage::emptyPathParameterIsAUsageError_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("contacts get ''")
        << QStringList {QStringLiteral("contacts"), QStringLiteral("get"), QString()}
        << QStringLiteral("contactId");
    QTest::newRow("contacts delete '  '")
        << QStringList {QStringLiteral("contacts"), QStringLiteral("delete"), QStringLiteral("  ")}
        << QStringLiteral("contactId");
    QTest::newRow("contacts update '' --body")
        << QStringList {QStringLiteral("contacts"), QStringLiteral("update"), QString(),
               QStringLiteral("--body"), QStringLiteral("{\"firstName\":\"X\"}")}
        << QStringLiteral("contactId");
    QTest::newRow("tasks get ID ''") << QStringList {QStringLiteral("tasks"), QStringLiteral("get"),
        QStringLiteral("abc"), QString()}
                                     << QStringLiteral("taskId");
    QTest::newRow("notes list ''") << QStringList {QStringLiteral("notes"), QStringLiteral("list"),
        QString()} << QStringLiteral("contactId");
    QTest::newRow("tags add '' vip") << QStringList {QStringLiteral("tags"), QStringLiteral("add"),
        QString(), QStringLiteral("vip")}
                                     << QStringLiteral("contactId");
    QTest::newRow("call --path contactId=") << QStringList {QStringLiteral("call"),
        QStringLiteral("get-contact"), QStringLiteral("--path"), QStringLiteral("contactId=")}
                                            << QStringLiteral("contactId");
}

void TestCliUsage::emptyPathParameterIsAUsageError()
{
    QFETCH(QStringList, words);
    QFETCH(QString, parameter);
    const qint64 before = requestsLogged();
    const CliResult r = runCli(target() + words, m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    const QString line = r.errLines().first();
    QVERIFY2(line.startsWith(QLatin1StringView("contactdesk-cli: ")), qPrintable(line));
    QVERIFY2(line.contains(parameter), qPrintable(line));
    QVERIFY2(!line.contains(QLatin1StringView("refused")), qPrintable(line));
    QCOMPARE(line.count(QLatin1StringView("--help")), 1);
    // Nothing reached the server.
    QCOMPARE(requestsLogged(), before);
}

void TestCliUsage::unknownOperationHintOnce()
{
    const CliResult r
        = runCli(target() + QStringList {QStringLiteral("call"), QStringLiteral("no-such-op")},
            m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    const QString line = r.errLines().first();
    QVERIFY2(line.contains(QLatin1StringView("unknown operation no-such-op")), qPrintable(line));
    QCOMPARE(line.count(QLatin1StringView("--help")), 1);
    QCOMPARE(line.count(QLatin1StringView("(see")), 1);
}

void TestCliUsage::realIdStillGoesOut()
{
    // The check refuses empty ids only: a real one is sent and answered.
    const QString id = m_fx->data().contacts().keys().first();
    const qint64 before = requestsLogged();
    const CliResult r
        = runCli(target() + QStringList {QStringLiteral("contacts"), QStringLiteral("get"), id},
            m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        r.json().object().value(QStringLiteral("contact"))[QStringLiteral("id")].toString(), id);
    QVERIFY(requestsLogged() > before);
}

QTEST_MAIN(TestCliUsage)
#include "tst_cliusage.moc"
