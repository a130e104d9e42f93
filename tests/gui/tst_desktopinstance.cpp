// Two starts of the real contactdesk binary on one data folder: the second hands its argument
// to the first and exits, the first keeps running and says it was handed over; the command line
// stays off the caches meanwhile. --version of each binary agrees with the build's version.
#include "common/version.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

QProcessEnvironment isolated(const QTemporaryDir& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

QByteArray versionOf(const QString& program, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, {QStringLiteral("--version")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput().trimmed();
}

} // namespace

class TestDesktopInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartHandsOver();
    void versionsAgree();
};

void TestDesktopInstance::secondStartHandsOver()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QDir(home.path()).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QProcessEnvironment env = isolated(home);

    QProcess first;
    first.setProcessEnvironment(env);
    first.setProcessChannelMode(QProcess::SeparateChannels);
    first.start(QStringLiteral(CONTACTDESK_DESKTOP_EXE), {QStringLiteral("--memory-secrets")});
    QVERIFY(first.waitForStarted(10000));
    // The first start holds the lock once its data folder has it.
    const QString lock
        = home.filePath(QStringLiteral("data/ContactDesk/ContactDesk/instance.lock"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(lock), 30000);

    // The command line refuses to open a cache of the app's folder while the app runs.
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(CONTACTDESK_CLI_EXE),
        {QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
            QStringLiteral("--token"), QStringLiteral("pit-unused"), QStringLiteral("--location"),
            QStringLiteral("loc"), QStringLiteral("outbox"), QStringLiteral("list")});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY(cli.exitCode() != 0);
    const QByteArray refusal = cli.readAllStandardError();
    QVERIFY2(refusal.contains("has the offline cache open"), refusal.constData());
    QVERIFY2(refusal.contains(QByteArray::number(first.processId())), refusal.constData());

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(
        QStringLiteral(CONTACTDESK_DESKTOP_EXE), {QStringLiteral("contactdesk://contact/none")});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    const QByteArray said = second.readAllStandardError();
    QVERIFY2(said.contains("already running (process " + QByteArray::number(first.processId())),
        said.constData());

    // The first got the argument and still runs.
    QByteArray firstSaid;
    QTRY_VERIFY_WITH_TIMEOUT(
        (firstSaid += first.readAllStandardError()).contains("a second start handed over (1 "),
        10000);
    QCOMPARE(first.state(), QProcess::Running);

    first.terminate();
    QVERIFY(first.waitForFinished(30000));

    // Once it is gone the command line may use the cache again.
    cli.start(QStringLiteral(CONTACTDESK_CLI_EXE),
        {QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9"),
            QStringLiteral("--token"), QStringLiteral("pit-unused"), QStringLiteral("--location"),
            QStringLiteral("loc"), QStringLiteral("outbox"), QStringLiteral("list")});
    QVERIFY(cli.waitForFinished(30000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
}

void TestDesktopInstance::versionsAgree()
{
    QTemporaryDir home;
    QProcessEnvironment env = isolated(home);
    // --version needs no display.
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const QByteArray version = ContactDesk::version().toUtf8();
    QCOMPARE(versionOf(QStringLiteral(CONTACTDESK_CLI_EXE), env), "contactdesk-cli " + version);
    QCOMPARE(
        versionOf(QStringLiteral(CONTACTDESK_SANDBOX_EXE), env), "contactdesk-sandbox " + version);
    QCOMPARE(versionOf(QStringLiteral(CONTACTDESK_DESKTOP_EXE), env), "ContactDesk " + version);
}

QTEST_GUILESS_MAIN(TestDesktopInstance)
#include "tst_desktopinstance.moc"
