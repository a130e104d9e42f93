// contactdesk-cli refuses a base URL that would carry the token in clear: plain http is for this
// machine only. Refused before anything is sent or saved, as a usage error (exit 2).
#include "clirun.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk::Testing;

class TestCliBaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainHttpToAnotherMachineIsRefused_data();
    void plainHttpToAnotherMachineIsRefused();
    void nothingIsSavedAfterARefusedAdd();

private:
    QTemporaryDir m_home;
};

void TestCliBaseUrl::plainHttpToAnotherMachineIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto w = [](const char* text) { return QString::fromLatin1(text); };
    // 198.51.100.1 is TEST-NET-2: were anything sent there, the run would end in a network
    // error (exit 1), not in a usage error.
    QTest::newRow("connections add") << QStringList {w("connections"), w("add"), w("--name"),
        w("Office"), w("--base-url"), w("http://198.51.100.1"), w("--location"), w("loc1"),
        w("--token"), w("pit-secret-1")};
    QTest::newRow("a one-off target") << QStringList {w("--base-url"), w("http://api.example.com"),
        w("--token"), w("pit-secret-1"), w("--location"), w("loc1"), w("contacts"), w("list")};
    QTest::newRow("a LAN address") << QStringList {w("--base-url"), w("http://192.168.0.10:8080"),
        w("--token"), w("pit-secret-1"), w("--location"), w("loc1"), w("contacts"), w("list")};
}

void TestCliBaseUrl::plainHttpToAnotherMachineIsRefused()
{
    QFETCH(QStringList, arguments);
    QVERIFY(m_home.isValid());
    const CliResult r = runCli(arguments, m_home.path());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(
        r.errText().contains(QStringLiteral("plain http to another machine")), r.err.constData());
    QVERIFY2(!r.errText().contains(QStringLiteral("pit-secret-1")), r.err.constData());
}

void TestCliBaseUrl::nothingIsSavedAfterARefusedAdd()
{
    QVERIFY(m_home.isValid());
    const CliResult add
        = runCli({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Clear"), QStringLiteral("--base-url"),
                     QStringLiteral("http://h.example"), QStringLiteral("--location"),
                     QStringLiteral("loc1"), QStringLiteral("--token"), QStringLiteral("t")},
            m_home.path());
    QCOMPARE(add.exitCode, 2);
    const CliResult list
        = runCli({QStringLiteral("connections"), QStringLiteral("list")}, m_home.path());
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(!list.out.contains("Clear"), list.out.constData());
    QVERIFY2(!list.out.contains("h.example"), list.out.constData());
}

QTEST_GUILESS_MAIN(TestCliBaseUrl)
#include "tst_clibaseurl.moc"
