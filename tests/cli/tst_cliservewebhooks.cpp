// contactdesk-cli serve receives HighLevel's webhooks on /hooks/highlevel: against a sandbox
// (its admin key given) it takes the sandbox's keys, registers its URL, and a change another
// user makes there is delivered, accepted and lands in serve's cache; with the official public
// key file a signature from another key is refused; with no key at all deliveries are refused
// with how to configure one; a key file that does not load is a usage error.
#include "automation/standardwebhooks.h"
#include "clirun.h"
#include "sandboxfixture.h"
#include "webhooktestkeys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int waitMs = 30000;
const QString officialKey = QStringLiteral(CONTACTDESK_SPEC_DIR "/webhook-public-key.pem");

} // namespace

class TestCliServeWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_fx = std::make_unique<SandboxFixture>(2);
        // serve judges the replay window by the wall clock; the sandbox stamps by its own.
        m_fx->clock().set(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_secret.open());
        m_secret.write(Automation::generateSigningSecret().toUtf8() + '\n');
        m_secret.close();
        QVERIFY(QFile::setPermissions(
            m_secret.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
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

    void aSandboxChangeIsDeliveredAcceptedAndCached()
    {
        const QUrl url
            = startServe({}, {QStringLiteral("--sandbox-admin-key"), m_fx->data().adminKey()});
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());
        const QString hook = url.toString() + QStringLiteral("/hooks/highlevel");
        QCOMPARE(m_fx->control("GET", QStringLiteral("/__sandbox/webhooks"))
                     .object()
                     .value(QLatin1String("url"))
                     .toString(),
            hook);
        const QString id = m_fx->data().contactOrder(m_fx->locationId()).begin()->second;
        m_fx->clock().advance(1000);
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
                         QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Zebulon")}})
                     .status,
            200);
        QJsonObject delivery;
        QTRY_VERIFY_WITH_TIMEOUT(
            (delivery = lastDelivery()).value(QLatin1String("state")).toString()
                == QLatin1String("delivered"),
            waitMs);
        QCOMPARE(delivery.value(QLatin1String("status")).toInt(), 200);
        // serve wrote it to its offline cache: an offline search finds it.
        QTRY_VERIFY_WITH_TIMEOUT(searchCache(QStringLiteral("Zebulon")).contains(id), waitMs);
        m_process->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        QCOMPARE(m_process->exitCode(), 0);
    }

    void theOfficialKeyRefusesAnotherKeysSignature()
    {
        const QUrl url = startServe({QStringLiteral("--webhook-public-key"), officialKey});
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());
        TestKeyPair other(TestKeyPair::Kind::Rsa);
        const QByteArray body = webhookBody();
        const auto [status, answer]
            = postHook(url, body, {{QByteArrayLiteral("x-wh-signature"), other.signBase64(body)}});
        QCOMPARE(status, 401);
        QCOMPARE(answer.value(QLatin1String("status")).toString(), QStringLiteral("refused"));
    }

    void withoutAKeyDeliveriesAreRefusedWithHowToConfigureOne()
    {
        const QUrl url = startServe({});
        QVERIFY(url.isValid());
        TestKeyPair key(TestKeyPair::Kind::Rsa);
        const QByteArray body = webhookBody();
        const auto [status, answer]
            = postHook(url, body, {{QByteArrayLiteral("x-wh-signature"), key.signBase64(body)}});
        QCOMPARE(status, 503);
        const QString error = answer.value(QLatin1String("error")).toString();
        QVERIFY2(error.contains(QLatin1String("--webhook-public-key FILE")), qPrintable(error));
        m_process->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        const QString err = QString::fromUtf8(m_process->readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("warning: no HighLevel webhook public key")),
            qPrintable(err));
    }

    void aKeyFileThatDoesNotLoadIsAUsageError()
    {
        startServe(
            {QStringLiteral("--webhook-public-key"), m_home.filePath(QStringLiteral("none.pem"))},
            {}, false);
        // The event loop runs meanwhile: the sandbox answers from this thread.
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        QCOMPARE(m_process->exitCode(), 2);
        const QString err = QString::fromUtf8(m_process->readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("--webhook-public-key"))
                && err.contains(QLatin1String("none.pem")),
            qPrintable(err));
    }

private:
    QJsonObject lastDelivery()
    {
        const QJsonArray deliveries = m_fx->control("GET", QStringLiteral("/__sandbox/webhooks"))
                                          .object()
                                          .value(QLatin1String("deliveries"))
                                          .toArray();
        return deliveries.isEmpty() ? QJsonObject() : deliveries.last().toObject();
    }

    QStringList targetArguments() const
    {
        return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
            m_fx->pit(), QStringLiteral("--location"), m_fx->locationId()};
    }

    QString searchCache(const QString& text)
    {
        const CliResult result = runCli(
            targetArguments() + QStringList {QStringLiteral("search"), text}, m_home.path());
        return QString::fromUtf8(result.out);
    }

    QByteArray webhookBody() const
    {
        return QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("ContactUpdate")},
                                 {QStringLiteral("locationId"), m_fx->locationId()},
                                 {QStringLiteral("id"), QStringLiteral("c1")},
                                 {QStringLiteral("webhookId"), QStringLiteral("w-cli")},
                                 {QStringLiteral("timestamp"), m_fx->clock().nowMs()}})
            .toJson(QJsonDocument::Compact);
    }

    std::pair<int, QJsonObject> postHook(const QUrl& base, const QByteArray& body,
        const QList<QPair<QByteArray, QByteArray>>& headers)
    {
        QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/hooks/highlevel")));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply* reply = m_nam.post(request, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, waitMs))
            return {0, {}};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
    }

    // serve with the global `before` options, then `options` after the verb.
    QUrl startServe(const QStringList& options, const QStringList& before = {}, bool ready = true)
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
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        m_process->start(QStringLiteral(CONTACTDESK_CLI_EXE),
            targetArguments() + before
                + QStringList {QStringLiteral("serve"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--secret-file"),
                    m_secret.fileName()}
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
        return QUrl(line.value(QStringLiteral("listening")).toString());
    }

    QTemporaryDir m_home;
    QTemporaryFile m_secret;
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_nam;
};

QTEST_MAIN(TestCliServeWebhooks)
#include "tst_cliservewebhooks.moc"
