// contactdesk-cli serve devices add|list|remove, and serve's GET /stream with those tokens:
// the token is printed once and only its hash is in the data folder; a registered device's
// stream opens (text/event-stream) and carries a webhook the ledger accepted; a wrong or removed
// device's token answers 401.
#include "clirun.h"
#include "sandboxfixture.h"

#include "automation/standardwebhooks.h"
#include "common/clock.h"
#include "store/database.h"
#include "webhooks/sseparser.h"
#include "webhooks/webhookledger.h"
#include "webhooks/webhookreceipt.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
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

} // namespace

class TestCliServeDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_fx = std::make_unique<SandboxFixture>(0);
    }

    void cleanup()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        m_fx.reset();
        m_home.reset();
    }

    void addListRemove()
    {
        const CliResult added = cli({QStringLiteral("add"), QStringLiteral("laptop")});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject line = added.json().object();
        QCOMPARE(line.value(QStringLiteral("device")).toString(), QStringLiteral("laptop"));
        const QByteArray token = line.value(QStringLiteral("token")).toString().toLatin1();
        QVERIFY(token.startsWith("cdfeed_"));
        QVERIFY(added.errText().contains(QStringLiteral("shown only now")));

        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("phone")}).exitCode, 0);
        const CliResult again = cli({QStringLiteral("add"), QStringLiteral("laptop")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.errText().contains(QStringLiteral("already")));
        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("my laptop")}).exitCode, 2);

        const CliResult listed = cli({QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray devices = listed.json().array();
        QCOMPARE(devices.size(), 2);
        QCOMPARE(devices.at(0).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("laptop"));
        QVERIFY(devices.at(0).toObject().value(QStringLiteral("lastSeen")).isNull());
        QVERIFY(!listed.out.contains(token));

        // Nowhere in the data folder is the token itself.
        QDirIterator files(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token.mid(7)), qPrintable(file.fileName()));
            ++read;
        }
        QVERIFY(read > 0);

        QCOMPARE(cli({QStringLiteral("remove"), QStringLiteral("phone")}).exitCode, 0);
        const CliResult missing = cli({QStringLiteral("remove"), QStringLiteral("phone")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.errText().contains(QStringLiteral("no device named phone")));
        QCOMPARE(cli({QStringLiteral("list")}).json().array().size(), 1);
        QCOMPARE(cli({QStringLiteral("rename")}).exitCode, 2);
    }

    void serveStreamsToARegisteredDeviceOnly()
    {
        const QByteArray token = cli({QStringLiteral("add"), QStringLiteral("laptop")})
                                     .json()
                                     .object()
                                     .value(QStringLiteral("token"))
                                     .toString()
                                     .toLatin1();
        QVERIFY(!token.isEmpty());
        const QUrl url = startServe();
        QVERIFY2(url.isValid(), m_process->readAllStandardError().constData());

        QCOMPARE(statusOf(url, "cdfeed_wrong"), 401);
        QCOMPARE(statusOf(url, {}), 401);

        // The device's stream opens, and a webhook the ledger accepts (here written to serve's
        // data file by another process) comes down it.
        QUrl streamUrl = url;
        streamUrl.setPath(QStringLiteral("/stream"));
        QNetworkRequest request(streamUrl);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply* reply = m_network.get(request);
        Webhooks::SseParser parser;
        QList<Webhooks::SseEvent> events;
        connect(reply, &QNetworkReply::readyRead, reply,
            [&] { events.append(parser.feed(reply->readAll())); });
        QTRY_COMPARE_WITH_TIMEOUT(
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200, waitMs);
        QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader)
                    .toString()
                    .startsWith(QStringLiteral("text/event-stream")));
        QVERIFY(recordWebhook(QStringLiteral("wh-cli-1")));
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, waitMs);
        QCOMPARE(events.at(0).type, QStringLiteral("ContactUpdate"));
        QCOMPARE(events.at(0).id, QByteArray("1"));
        QVERIFY(events.at(0).data.contains("wh-cli-1"));
        reply->abort();
        reply->deleteLater();

        const QJsonArray devices = cli({QStringLiteral("list")}).json().array();
        QVERIFY(!devices.at(0).toObject().value(QStringLiteral("lastSeen")).isNull());
        // Removed while serve runs: refused at its next connection.
        QCOMPARE(cli({QStringLiteral("remove"), QStringLiteral("laptop")}).exitCode, 0);
        QCOMPARE(statusOf(url, token), 401);
    }

private:
    CliResult cli(const QStringList& words)
    {
        return runCli(QStringList {QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
                          QStringLiteral("--token"), m_fx->pit(), QStringLiteral("--location"),
                          m_fx->locationId(), QStringLiteral("serve"), QStringLiteral("devices")}
                + words,
            m_home->path());
    }

    QUrl startServe()
    {
        const QString secretFile = m_home->filePath(QStringLiteral("event-secret"));
        QFile secret(secretFile);
        if (!secret.open(QIODevice::WriteOnly)
            || secret.write(Automation::generateSigningSecret().toUtf8() + '\n') <= 0)
            return {};
        secret.close();
        QFile::setPermissions(secretFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
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
            {QStringLiteral("--base-url"), m_fx->baseUrl().toString(), QStringLiteral("--token"),
                m_fx->pit(), QStringLiteral("--location"), m_fx->locationId(),
                QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--secret-file"), secretFile});
        if (!QTest::qWaitFor(
                [this] {
                    return m_process->canReadLine() || m_process->state() == QProcess::NotRunning;
                },
                waitMs))
            return {};
        const QJsonObject line = QJsonDocument::fromJson(m_process->readLine()).object();
        return QUrl(line.value(QStringLiteral("listening")).toString());
    }

    int statusOf(const QUrl& base, const QByteArray& token)
    {
        QUrl url = base;
        url.setPath(QStringLiteral("/stream"));
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        std::unique_ptr<QNetworkReply> reply(m_network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(waitMs))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // A delivery recorded in serve's ledger through its data file, as its /hooks/highlevel
    // route records one.
    bool recordWebhook(const QString& webhookId)
    {
        QDirIterator files(m_home->filePath(QStringLiteral("data")),
            {QStringLiteral("cache.sqlite")}, QDir::Files, QDirIterator::Subdirectories);
        if (!files.hasNext())
            return false;
        SystemClock clock;
        Store::Database db(files.next(), clock);
        if (!db.open().ok)
            return false;
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("ContactUpdate")},
                                {QStringLiteral("locationId"), m_fx->locationId()},
                                {QStringLiteral("id"), QStringLiteral("contact-1")},
                                {QStringLiteral("webhookId"), webhookId},
                                {QStringLiteral("timestamp"), isoUtc(clock.nowMs())}})
                  .toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<Webhooks::WebhookPayload> payload
            = Webhooks::parseWebhookPayload(body, &error);
        Webhooks::WebhookLedger ledger(db);
        return payload
            && ledger.record(*payload, body) == Webhooks::WebhookLedger::Recorded::Stored;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QProcess> m_process;
    QNetworkAccessManager m_network;
};

QTEST_MAIN(TestCliServeDevices)
#include "tst_cliservedevices.moc"
