// contactdesk-cli serve --forward-url: a change another user makes on the sandbox reaches serve
// by webhook and goes on to Your App (a local server here) as a Standard Webhooks event signed
// with the --forward-secret-file secret; Your App answering 500 then 200 gets it once more and
// then never again; a 410 makes a dead letter that `forward dead-letters` lists and
// `forward retry` has serve send; what Your App's own event made the rules write to HighLevel
// is not forwarded back to it (another user's change of that contact is); a plain http URL to
// another machine is refused.
#include "automation/appevent.h"
#include "automation/standardwebhooks.h"
#include "clirun.h"
#include "forwardtestapp.h"
#include "sandboxfixture.h"

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

QJsonObject bodyOf(const ForwardTestApp::Delivery& delivery)
{
    return QJsonDocument::fromJson(delivery.body).object();
}

} // namespace

class TestCliForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A fresh home (and so a fresh cache and queue) and fresh secrets for every test.
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_eventSecretFile = std::make_unique<QTemporaryFile>();
        m_forwardSecretFile = std::make_unique<QTemporaryFile>();
        m_fx = std::make_unique<SandboxFixture>(2);
        // serve judges the replay window by the wall clock; the sandbox stamps by its own.
        m_fx->clock().set(QDateTime::currentMSecsSinceEpoch());
        m_eventSecret = writeSecret(*m_eventSecretFile);
        m_forwardSecret = writeSecret(*m_forwardSecretFile);
        m_app = std::make_unique<ForwardTestApp>();
        QVERIFY(m_app->listen());
        // serve's cache holds the contacts before the change, as after any first sync.
        const CliResult sync
            = runCli(targetArguments() + QStringList {QStringLiteral("sync")}, m_home->path());
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        m_contactId = m_fx->data().contactOrder(m_fx->locationId()).begin()->second;
    }

    void cleanup()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        m_app.reset();
        m_fx.reset();
    }

    void aChangeArrivesSignedAndOnceAfterA500()
    {
        m_app->script({{500, {}}});
        QVERIFY2(startServe().isValid(), m_process->readAllStandardError().constData());
        changeFirstName(QStringLiteral("Zebulon"));
        // The 500 and the retry after the back-off (5 s, +/- 20 %).
        QTRY_COMPARE_WITH_TIMEOUT(m_app->deliveries().size(), 2, waitMs);
        const ForwardTestApp::Delivery& first = m_app->deliveries().at(0);
        const ForwardTestApp::Delivery& second = m_app->deliveries().at(1);
        QCOMPARE(second.id, first.id);
        QCOMPARE(second.body, first.body);
        const QByteArray key = *Automation::decodeSigningSecret(m_forwardSecret);
        for (const ForwardTestApp::Delivery& delivery : m_app->deliveries()) {
            QCOMPARE(Automation::verifyStandardWebhook(key,
                         {delivery.id, delivery.timestamp, delivery.signature}, delivery.body,
                         QDateTime::currentSecsSinceEpoch()),
                Automation::SignatureCheck::Valid);
        }
        // Signed with the forwarding secret, not the one of Your App's own events.
        QCOMPARE(Automation::verifyStandardWebhook(*Automation::decodeSigningSecret(m_eventSecret),
                     {second.id, second.timestamp, second.signature}, second.body,
                     QDateTime::currentSecsSinceEpoch()),
            Automation::SignatureCheck::BadSignature);
        const QJsonObject event = bodyOf(second);
        QCOMPARE(
            event.value(QLatin1StringView("type")).toString(), QStringLiteral("contact.updated"));
        const QJsonObject data = event.value(QLatin1StringView("data")).toObject();
        QCOMPARE(data.value(QLatin1StringView("id")).toString(), m_contactId);
        // Only what changed: the first name, and the full name HighLevel derives from it.
        const QJsonObject changes = data.value(QLatin1StringView("changes")).toObject();
        QCOMPARE(
            changes.value(QLatin1StringView("firstName")).toString(), QStringLiteral("Zebulon"));
        QVERIFY(changes.value(QLatin1StringView("name"))
                    .toString()
                    .startsWith(QLatin1StringView("Zebulon ")));
        QCOMPARE(changes.size(), 2);
        const QJsonObject previous = data.value(QLatin1StringView("previous")).toObject();
        QCOMPARE(previous.keys(), changes.keys());
        QVERIFY(previous.value(QLatin1StringView("firstName")).toString()
            != QLatin1StringView("Zebulon"));
        // Delivered: never sent again, neither by this serve nor by the next one.
        QTest::qWait(2500);
        QCOMPARE(m_app->deliveries().size(), 2);
        stopServe();
        QVERIFY(startServe().isValid());
        QTest::qWait(2500);
        QCOMPARE(m_app->deliveries().size(), 2);
        QVERIFY(forwardCli({QStringLiteral("dead-letters")}).json().array().isEmpty());
    }

    void aRefusalIsADeadLetterThatForwardRetrySends()
    {
        m_app->script({{410, {}}});
        QVERIFY2(startServe().isValid(), m_process->readAllStandardError().constData());
        changeFirstName(QStringLiteral("Yolanda"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->deliveries().size(), 1, waitMs);
        QJsonArray dead;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dead = forwardCli({QStringLiteral("dead-letters")}).json().array()).size() == 1,
            waitMs);
        const QJsonObject letter = dead.first().toObject();
        QCOMPARE(letter.value(QLatin1StringView("lastStatus")).toInt(), 410);
        QCOMPARE(
            letter.value(QLatin1StringView("type")).toString(), QStringLiteral("contact.updated"));
        QCOMPARE(letter.value(QLatin1StringView("attempts")).toInt(), 1);
        QCOMPARE(letter.value(QLatin1StringView("eventId")).toString(),
            QString::fromLatin1(m_app->deliveries().first().id));
        // A refusal is not tried again by itself.
        QTest::qWait(2500);
        QCOMPARE(m_app->deliveries().size(), 1);

        const QString id = QString::number(letter.value(QLatin1StringView("id")).toInteger());
        const CliResult retried = forwardCli({QStringLiteral("retry"), id});
        QCOMPARE(retried.exitCode, 0);
        QCOMPARE(retried.json().object().value(QLatin1StringView("retried")).toArray(),
            (QJsonArray {letter.value(QLatin1StringView("id"))}));
        // The running serve sees it queued again and sends it, the same event.
        QTRY_COMPARE_WITH_TIMEOUT(m_app->deliveries().size(), 2, waitMs);
        QCOMPARE(m_app->deliveries().at(1).id, m_app->deliveries().at(0).id);
        QTRY_VERIFY_WITH_TIMEOUT(
            forwardCli({QStringLiteral("dead-letters")}).json().array().isEmpty(), waitMs);
        // Only dead letters can be retried or discarded.
        QCOMPARE(forwardCli({QStringLiteral("retry"), id}).exitCode, 2);
        QCOMPARE(forwardCli({QStringLiteral("discard"), QStringLiteral("999")}).exitCode, 2);
        QCOMPARE(forwardCli({QStringLiteral("discard"), QStringLiteral("--all")}).exitCode, 0);
    }

    void aDeadLetterCanBeDiscarded()
    {
        m_app->script({{404, {}}});
        QVERIFY(startServe().isValid());
        changeFirstName(QStringLiteral("Xavier"));
        QJsonArray dead;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dead = forwardCli({QStringLiteral("dead-letters")}).json().array()).size() == 1,
            waitMs);
        const CliResult discarded
            = forwardCli({QStringLiteral("discard"), QStringLiteral("--all")});
        QCOMPARE(discarded.exitCode, 0);
        QCOMPARE(
            discarded.json().object().value(QLatin1StringView("discarded")).toArray().size(), 1);
        QVERIFY(forwardCli({QStringLiteral("dead-letters")}).json().array().isEmpty());
        QTest::qWait(2500);
        QCOMPARE(m_app->deliveries().size(), 1);
    }

    void anAutomationsOwnChangeIsNotEchoedBack()
    {
        const QUrl url = startServe();
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());
        // Your App's sign-up: the rules create the contact and its welcome task on HighLevel,
        // which tells serve by webhook; that is Your App's own change coming back.
        const QByteArray body = Automation::appEventBody(QStringLiteral("user.signed_up"),
            {{QStringLiteral("id"), QStringLiteral("app-user-7")},
                {QStringLiteral("email"), QStringLiteral("grace@example.com")},
                {QStringLiteral("firstName"), QStringLiteral("Grace")},
                {QStringLiteral("lastName"), QStringLiteral("Hopper")}});
        QCOMPARE(postEvent(url, body, "msg_signup_1"), 202);
        QString graceId;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(graceId = contactWithEmail("grace@example.com")).isEmpty(), waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->data().tasks().value(graceId).size(), 1, waitMs);
        // The sandbox's webhooks of those writes all reached serve.
        QTRY_VERIFY_WITH_TIMEOUT(webhooksDelivered() >= 2, waitMs);
        QTest::qWait(1500);
        QVERIFY2(m_app->deliveries().isEmpty(), m_app->deliveries().value(0).body.constData());
        // Another user's change of the same contact is forwarded.
        m_fx->clock().advance(1000);
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + graceId,
                         QJsonObject {{QStringLiteral("city"), QStringLiteral("Arlington")}})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->deliveries().size(), 1, waitMs);
        const QJsonObject event = bodyOf(m_app->deliveries().first());
        QCOMPARE(
            event.value(QLatin1StringView("type")).toString(), QStringLiteral("contact.updated"));
        const QJsonObject data = event.value(QLatin1StringView("data")).toObject();
        QCOMPARE(data.value(QLatin1StringView("changes")).toObject(),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Arlington")}}));
        // Your App's own user, linked to the contact by the sign-up.
        QCOMPARE(data.value(QLatin1StringView("userId")).toString(), QStringLiteral("app-user-7"));
        // And nothing of the sign-up came late.
        QTest::qWait(1000);
        QCOMPARE(m_app->deliveries().size(), 1);
    }

    void badForwardingOptionsAreUsageErrors()
    {
        const auto serve = [this](const QStringList& options) {
            return runCli(targetArguments()
                    + QStringList {QStringLiteral("serve"), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--secret-file"),
                        m_eventSecretFile->fileName()}
                    + options,
                m_home->path());
        };
        const CliResult plain
            = serve({QStringLiteral("--forward-url"), QStringLiteral("http://app.example.com/hook"),
                QStringLiteral("--forward-secret-file"), m_forwardSecretFile->fileName()});
        QCOMPARE(plain.exitCode, 2);
        QVERIFY2(plain.errText().contains(QLatin1StringView("plain http")), plain.err.constData());
        const CliResult noSecret
            = serve({QStringLiteral("--forward-url"), QStringLiteral("https://app.example.com/h")});
        QCOMPARE(noSecret.exitCode, 2);
        QVERIFY(noSecret.errText().contains(QLatin1StringView("--forward-secret-file")));
        const CliResult badType = serve({QStringLiteral("--forward-url"), m_app->url(),
            QStringLiteral("--forward-secret-file"), m_forwardSecretFile->fileName(),
            QStringLiteral("--forward-events"), QStringLiteral("contact.*,deal.*")});
        QCOMPARE(badType.exitCode, 2);
        QVERIFY(badType.errText().contains(QLatin1StringView("deal.*")));
        QVERIFY(m_app->deliveries().isEmpty());
    }

private:
    static QString writeSecret(QTemporaryFile& file)
    {
        const QString secret = Automation::generateSigningSecret();
        if (!file.open())
            return {};
        file.write(secret.toUtf8() + '\n');
        file.close();
        QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return secret;
    }

    QStringList targetArguments() const
    {
        return {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
            m_fx->pit(), QStringLiteral("--location"), m_fx->locationId()};
    }

    int webhooksDelivered()
    {
        int delivered = 0;
        for (const QJsonValue& delivery :
            m_fx->control("GET", QStringLiteral("/__sandbox/webhooks"))
                .object()
                .value(QLatin1StringView("deliveries"))
                .toArray()) {
            if (delivery.toObject().value(QLatin1StringView("state")).toString()
                == QLatin1StringView("delivered"))
                ++delivered;
        }
        return delivered;
    }

    QString contactWithEmail(const char* email) const
    {
        const auto& contacts = m_fx->data().contacts();
        for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
            if (it.value().value(QLatin1StringView("email")).toString() == QLatin1StringView(email))
                return it.key();
        }
        return {};
    }

    int postEvent(const QUrl& base, const QByteArray& body, const QByteArray& id)
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
            Automation::signStandardWebhook(
                *Automation::decodeSigningSecret(m_eventSecret), id, now, body));
        QNetworkReply* reply = m_network.post(request, body);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, waitMs))
            return 0;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    CliResult forwardCli(const QStringList& words)
    {
        return runCli(
            targetArguments() + QStringList {QStringLiteral("forward")} + words, m_home->path());
    }

    // Another user changes the contact on the sandbox, which tells serve by webhook.
    void changeFirstName(const QString& name)
    {
        m_fx->clock().advance(1000);
        QCOMPARE(m_fx->control("PATCH", QStringLiteral("/__sandbox/contacts/") + m_contactId,
                         QJsonObject {{QStringLiteral("firstName"), name}})
                     .status,
            200);
    }

    QUrl startServe()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString& name : environment.keys()) {
            if (name.startsWith(QLatin1StringView("CONTACTDESK_"))
                || name == QLatin1StringView("CREDENTIALS_DIRECTORY"))
                environment.remove(name);
        }
        environment.insert(
            QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
        environment.insert(
            QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        m_process->start(QStringLiteral(CONTACTDESK_CLI_EXE),
            targetArguments()
                + QStringList {QStringLiteral("--sandbox-admin-key"), m_fx->data().adminKey(),
                    QStringLiteral("serve"), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--secret-file"),
                    m_eventSecretFile->fileName(), QStringLiteral("--forward-url"), m_app->url(),
                    QStringLiteral("--forward-secret-file"), m_forwardSecretFile->fileName(),
                    QStringLiteral("--forward-events"), QStringLiteral("contact.*,task.*")});
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

    void stopServe()
    {
        m_process->terminate();
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == QProcess::NotRunning, waitMs);
        QCOMPARE(m_process->exitCode(), 0);
        m_process.reset();
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryFile> m_eventSecretFile;
    std::unique_ptr<QTemporaryFile> m_forwardSecretFile;
    QString m_eventSecret;
    QString m_forwardSecret;
    QString m_contactId;
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<ForwardTestApp> m_app;
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_network;
};

QTEST_MAIN(TestCliForward)
#include "tst_cliforward.moc"
