// The standalone contactdesk-sandbox hands out credentials from the system's random source on
// every start; only --seed makes them repeatable (for scripted demos and tests).
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

// Starts the sandbox, reads the connection line it prints when ready, stops it with SIGTERM.
QJsonObject startOnce(const QStringList& extra)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE),
        QStringList {QStringLiteral("--port"), QStringLiteral("0")} + extra);
    if (!process.waitForStarted(10000))
        return {};
    while (!process.canReadLine() && process.state() == QProcess::Running)
        process.waitForReadyRead(10000);
    const QJsonObject info = QJsonDocument::fromJson(process.readLine()).object();
    process.terminate();
    if (!process.waitForFinished(10000))
        process.kill();
    return info;
}

} // namespace

class TestSandboxCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomOnEveryStart();
    void repeatableWithSeed();
};

void TestSandboxCredentials::randomOnEveryStart()
{
    const QJsonObject first = startOnce({});
    const QJsonObject second = startOnce({});
    for (const char* key : {"adminKey", "privateIntegrationToken", "clientSecret"}) {
        const QString a = first.value(QLatin1StringView(key)).toString();
        const QString b = second.value(QLatin1StringView(key)).toString();
        QVERIFY2(a.size() >= 32, key);
        QVERIFY2(a != b, key);
    }
}

void TestSandboxCredentials::repeatableWithSeed()
{
    const QStringList seed {QStringLiteral("--seed"), QStringLiteral("424242")};
    const QJsonObject first = startOnce(seed);
    const QJsonObject second = startOnce(seed);
    const QJsonObject other = startOnce({QStringLiteral("--seed"), QStringLiteral("7")});
    for (const char* key : {"adminKey", "privateIntegrationToken", "clientSecret"}) {
        const QString a = first.value(QLatin1StringView(key)).toString();
        QVERIFY2(!a.isEmpty(), key);
        QCOMPARE(second.value(QLatin1StringView(key)).toString(), a);
        QVERIFY2(other.value(QLatin1StringView(key)).toString() != a, key);
    }
}

QTEST_GUILESS_MAIN(TestSandboxCredentials)
#include "tst_sandboxcredentials.moc"
