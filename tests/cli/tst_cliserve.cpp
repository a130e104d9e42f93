// contactdesk-cli serve, headless, against a sandbox in this process: with a private secret
// file it prints its listening line, a signed sign-up POSTed to it becomes a contact and its
// welcome task on the sandbox, a secret file others can read is refused, and SIGTERM ends it
// with exit status 0.
#include "sandboxfixture.h"

#include "automation/appevent.h"
#include "automation/standardwebhooks.h"
#include "sandbox/sandboxdata.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int waitMs = 30000;

bool writeSecret(const QString& path, const QString& secret, QFileDevice::Permissions permissions)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(secret.toUtf8() + '\n') <= 0)
        return false;
    file.close();
    return QFile::setPermissions(path, permissions);
}

} // namespace

class TestCliServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_fx = std::make_unique<SandboxFixture>(0);
        m_secret = Automation::generateSigningSecret();
        m_secretFile = m_home.filePath(QStringLiteral("event-secret"));
    }

    void cleanup()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        m_fx.reset();
    }

    void signedSignUpBecomesContactAndWelcomeTask()
    {
        QVERIFY(
            writeSecret(m_secretFile, m_secret, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QUrl url = startServe({QStringLiteral("--secret-file"), m_secretFile});
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);

        const QByteArray body = Automation::appEventBody(QStringLiteral("user.signed_up"),
            {{QStringLiteral("id"), QStringLiteral("app-user-7")},
                {QStringLiteral("email"), QStringLiteral("grace@example.com")},
                {QStringLiteral("firstName"), QStringLiteral("Grace")},
                {QStringLiteral("lastName"), QStringLiteral("Hopper")},
                {QStringLiteral("phone"), QStringLiteral("+14155550199")}});
        QCOMPARE(post(url, body, "msg_serve_1"), 202);
        // A second delivery of the same id is acknowledged and not applied twice.
        QCOMPARE(post(url, body, "msg_serve_1"), 200);

        QString contactId;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(contactId = contactWithEmail("grace@example.com")).isEmpty(), waitMs);
        const QJsonObject contact = m_fx->data().contacts().value(contactId);
        QCOMPARE(contact.value(QStringLiteral("firstName")).toString(), QStringLiteral("Grace"));
        QCOMPARE(contact.value(QStringLiteral("lastName")).toString(), QStringLiteral("Hopper"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->data().tasks().value(contactId).size(), 1, waitMs);
        QCOMPARE(
            m_fx->data().tasks().value(contactId).first().value(QStringLiteral("title")).toString(),
            QStringLiteral("Welcome Grace"));

        // A bad signature is refused by the running server.
        QCOMPARE(
            post(url, body, "msg_serve_2", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), 401);

        m_process->terminate(); // SIGTERM
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);
        QCOMPARE(contactsWithEmail("grace@example.com"), 1);
        QCOMPARE(m_fx->data().tasks().value(contactId).size(), 1);
    }

    void secretReadableByOthersIsRefused()
    {
        QVERIFY(writeSecret(m_secretFile, m_secret,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));
        startServe({QStringLiteral("--secret-file"), m_secretFile}, false);
        QVERIFY(m_process->waitForFinished(waitMs));
        QCOMPARE(m_process->exitCode(), 2);
        QVERIFY(m_process->readAllStandardOutput().isEmpty());
        const QString err = QString::fromUtf8(m_process->readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("readable by group or others")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("chmod 600")));
    }

    void secretFromSystemdCredentials()
    {
        QDir(m_home.path()).mkdir(QStringLiteral("credentials"));
        QVERIFY(writeSecret(m_home.filePath(QStringLiteral("credentials/event-secret")), m_secret,
            QFileDevice::ReadOwner));
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("CREDENTIALS_DIRECTORY"),
            m_home.filePath(QStringLiteral("credentials")));
        const QUrl url = startServe({}, true, extra);
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());
        const QByteArray body = Automation::appEventBody(QStringLiteral("note.created"),
            {{QStringLiteral("userId"), QStringLiteral("nobody-yet")},
                {QStringLiteral("body"), QStringLiteral("hello")}});
        QCOMPARE(post(url, body, "msg_cred"), 202);
        m_process->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        QCOMPARE(m_process->exitCode(), 0);
    }

    void noSecretAtAllIsAClearError()
    {
        startServe({}, false);
        QVERIFY(m_process->waitForFinished(waitMs));
        QCOMPARE(m_process->exitCode(), 2);
        QVERIFY(QString::fromUtf8(m_process->readAllStandardError())
                    .contains(QStringLiteral("--secret-file")));
    }

    void badListenOrRulesAreRefused_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("listen without port") << QStringList {QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1")} << "--listen takes an IP address and a port";
        QTest::newRow("listen on a name")
            << QStringList {QStringLiteral("--listen"), QStringLiteral("example.com:80")}
            << "--listen takes an IP address and a port";
        QTest::newRow("rules not a rule set")
            << QStringList {QStringLiteral("--rules"), QStringLiteral("RULES")} << "cannot be used";
    }

    void badListenOrRulesAreRefused()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        QVERIFY(writeSecret(m_secretFile, m_secret, QFileDevice::ReadOwner));
        const QString rules = m_home.filePath(QStringLiteral("rules.json"));
        QFile file(rules);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "rules": [{"name": "x", "eventType": "user.signup"}]})");
        file.close();
        options.replaceInStrings(QStringLiteral("RULES"), rules);
        startServe(QStringList {QStringLiteral("--secret-file"), m_secretFile} + options, false);
        QVERIFY(m_process->waitForFinished(waitMs));
        QCOMPARE(m_process->exitCode(), 2);
        QVERIFY(m_process->readAllStandardOutput().isEmpty());
        const QString err = QString::fromUtf8(m_process->readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

private:
    // Starts serve against the sandbox; with `ready`, waits for its listening line.
    QUrl startServe(
        const QStringList& options, bool ready = true, const QProcessEnvironment& extra = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString& name : environment.keys()) {
            if (name.startsWith(QLatin1StringView("CONTACTDESK_"))
                || name == QLatin1StringView("CREDENTIALS_DIRECTORY"))
                environment.remove(name);
        }
        environment.insert(
            QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(
            QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(extra);
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        m_process->start(QStringLiteral(CONTACTDESK_CLI_EXE),
            QStringList {QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
                QStringLiteral("--token"), m_fx->pit(), QStringLiteral("--location"),
                m_fx->locationId(), QStringLiteral("serve"), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0")}
                + options);
        if (!ready)
            return {};
        // The sandbox answers from this thread while serve starts up.
        if (!QTest::qWaitFor(
                [this] {
                    return m_process->canReadLine() || m_process->state() == QProcess::NotRunning;
                },
                waitMs))
            return {};
        const QJsonObject line = QJsonDocument::fromJson(m_process->readLine()).object();
        if (line.keys() != QStringList {QStringLiteral("listening")})
            return {};
        return QUrl(line.value(QStringLiteral("listening")).toString());
    }

    int post(const QUrl& base, const QByteArray& body, const QByteArray& id,
        const QByteArray& signature = {})
    {
        QUrl url = base;
        url.setPath(QStringLiteral("/events"));
        QNetworkRequest request(url);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("webhook-id", id);
        request.setRawHeader("webhook-timestamp", QByteArray::number(now));
        request.setRawHeader("webhook-signature",
            signature.isEmpty() ? Automation::signStandardWebhook(
                *Automation::decodeSigningSecret(m_secret), id, now, body)
                                : signature);
        QNetworkReply* reply = m_network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(waitMs);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QString contactWithEmail(const char* email) const
    {
        for (auto it = m_fx->data().contacts().cbegin(); it != m_fx->data().contacts().cend();
             ++it) {
            if (m_fx->data().liveContact(it.key())
                && it.value().value(QStringLiteral("email")).toString() == QLatin1StringView(email))
                return it.key();
        }
        return {};
    }

    int contactsWithEmail(const char* email) const
    {
        int count = 0;
        for (auto it = m_fx->data().contacts().cbegin(); it != m_fx->data().contacts().cend(); ++it)
            count += m_fx->data().liveContact(it.key())
                && it.value().value(QStringLiteral("email")).toString() == QLatin1StringView(email);
        return count;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_home;
    QNetworkAccessManager m_network;
    QString m_secret;
    QString m_secretFile;
};

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cliserve.moc"
