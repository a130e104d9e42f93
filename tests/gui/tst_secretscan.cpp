// No secret in any file ContactDesk writes. With XDG_CONFIG_HOME, XDG_DATA_HOME and
// XDG_CACHE_HOME in a folder of this run's own, every log line (debug included) going to a log
// file, and a request-log observer writing every exchange to a file and then an export: a
// private integration token connection and an OAuth app are connected through the Connect
// dialog, a few API calls are made on each, the OAuth access token expires and is refreshed
// (so rotated tokens exist too). Then every file under the three folders is searched for every
// token and the client secret (as UTF-8, UTF-16, base64 and percent-encoded): none may appear.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "auth/connectionsession.h"
#include "auth/connectionstore.h"
#include "signinhelpers.h"
#include "ui/connect/connectdialog.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;
using ContactDesk::Ui::ConnectDialog;

namespace {

constexpr int waitMs = 20000;

QTemporaryDir* g_home = nullptr;
QFile* g_log = nullptr;
QMutex g_logMutex;
QtMessageHandler g_testLogHandler = nullptr;

QString appDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// The app's log file: every message, of every level and category.
void logToFile(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QMutexLocker lock(&g_logMutex);
    if (!g_log)
        return;
    g_log->write(QByteArray(context.category ? context.category : "default") + ' '
        + message.toUtf8() + '\n');
    g_log->flush();
    lock.unlock();
    // Qt Test still sees its messages.
    if (g_testLogHandler && type != QtDebugMsg && type != QtInfoMsg)
        g_testLogHandler(type, context, message);
}

// What a request-log observer keeps of one exchange.
QJsonObject record(const Api::ApiExchange& exchange)
{
    QJsonArray requestHeaders;
    for (const auto& [name, value] : exchange.requestHeaders)
        requestHeaders.append(QString::fromUtf8(name + ": " + value));
    QJsonArray responseHeaders;
    for (const auto& [name, value] : exchange.responseHeaders)
        responseHeaders.append(QString::fromUtf8(name + ": " + value));
    return {{QStringLiteral("operationId"), exchange.operationId},
        {QStringLiteral("method"), QString::fromLatin1(exchange.method)},
        {QStringLiteral("url"), exchange.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("status"), exchange.status},
        {QStringLiteral("requestHeaders"), requestHeaders},
        {QStringLiteral("requestBody"), QString::fromUtf8(exchange.requestBody)},
        {QStringLiteral("responseHeaders"), responseHeaders},
        {QStringLiteral("responseBody"), QString::fromUtf8(exchange.responseBody)}};
}

struct CallResult
{
    bool finished = false;
    Api::ApiError error;
};

CallResult call(Api::ApiClient& api, const QString& operationId, Api::RequestSpec spec)
{
    auto result = std::make_shared<CallResult>();
    api.call(operationId, std::move(spec))->onFinished(&api, [result](const Api::ApiJob& job) {
        result->finished = true;
        result->error = job.error();
    });
    if (!QTest::qWaitFor([&result] { return result->finished; }, waitMs))
        qWarning("the call did not finish");
    return *result;
}

Api::RequestSpec listSpec(const QString& locationId)
{
    Api::RequestSpec spec;
    spec.query = {
        {QStringLiteral("locationId"), locationId}, {QStringLiteral("limit"), QStringLiteral("5")}};
    return spec;
}

} // namespace

class TestSecretScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Qt Test installs its own message handler in qExec: the log file goes in front of it.
    void initTestCase() { g_testLogHandler = qInstallMessageHandler(logToFile); }
    void cleanupTestCase() { qInstallMessageHandler(g_testLogHandler); }
    void noSecretInAnyFileTheAppWrote();

private:
    // Connects through the dialog; the saved connection, or nothing (after failing the test).
    std::optional<Connection> connectPrivateToken(SandboxFixture& fx, QNetworkAccessManager& nam,
        ConnectionStore& store, SecretStore& secrets);
    std::optional<Connection> connectOAuth(SandboxFixture& fx, QNetworkAccessManager& nam,
        ConnectionStore& store, SecretStore& secrets);
};

std::optional<Connection> TestSecretScan::connectPrivateToken(
    SandboxFixture& fx, QNetworkAccessManager& nam, ConnectionStore& store, SecretStore& secrets)
{
    ConnectDialog dialog(nam, fx.clock(), store, secrets);
    QSignalSpy saved(&dialog, &ConnectDialog::connectionSaved);
    dialog.show();
    fillPrivateToken(dialog, QStringLiteral("Office"), fx.baseUrl(), fx.pit(), fx.locationId());
    if (!click(&dialog, "connectOk"))
        return std::nullopt;
    if (!QTest::qWaitFor([&saved] { return saved.count() == 1; }, waitMs))
        return std::nullopt;
    return dialog.connection();
}

std::optional<Connection> TestSecretScan::connectOAuth(
    SandboxFixture& fx, QNetworkAccessManager& nam, ConnectionStore& store, SecretStore& secrets)
{
    ConnectDialog dialog(nam, fx.clock(), store, secrets);
    QSignalSpy saved(&dialog, &ConnectDialog::connectionSaved);
    QUrl opened;
    dialog.setOpenSystemBrowser([&opened](const QUrl& url) { opened = url; });
    dialog.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:0/callback")));
    dialog.show();
    const Sandbox::OAuthApp app = fx.data().oauthApp();
    fillOAuth(dialog, QStringLiteral("App"), fx.baseUrl(), app.clientId, app.clientSecret, true);
    if (!click(&dialog, "connectOk") || opened.isEmpty())
        return std::nullopt;
    const QUrl back = answerConsent(fx, opened, QStringLiteral("allow"));
    if (back.isEmpty() || browserGet(nam, back) != 200)
        return std::nullopt;
    if (!QTest::qWaitFor([&saved] { return saved.count() == 1; }, waitMs))
        return std::nullopt;
    return dialog.connection();
}

void TestSecretScan::noSecretInAnyFileTheAppWrote()
{
    SandboxFixture fx(5);
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    // The app's own settings file, where the app keeps its connections.
    QSettings settings;
    ConnectionStore store(settings);
    RecordingSecretStore secrets;
    Api::RateBudget budget(fx.clock());

    // The request-log observer: one JSON line per exchange, as the app keeps it.
    QVERIFY(QDir().mkpath(appDataDir()));
    QFile requestLog(appDataDir() + QStringLiteral("/requests.jsonl"));
    QVERIFY(requestLog.open(QIODevice::WriteOnly | QIODevice::Append));
    QJsonArray exported;
    const auto observe = [&requestLog, &exported](const Api::ApiExchange& exchange) {
        const QJsonObject entry = record(exchange);
        requestLog.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
        requestLog.flush();
        exported.append(entry);
    };

    const std::optional<Connection> pit = connectPrivateToken(fx, nam, store, secrets);
    QVERIFY(pit);
    const std::optional<Connection> oauth = connectOAuth(fx, nam, store, secrets);
    QVERIFY(oauth);

    ConnectionSession pitSession(nam, secrets, fx.clock(), *pit);
    ConnectionSession oauthSession(nam, secrets, fx.clock(), *oauth);
    Api::ApiClient pitApi(nam, pitSession.tokens(), budget, fx.clock(), pitSession.apiConfig());
    Api::ApiClient oauthApi(
        nam, oauthSession.tokens(), budget, fx.clock(), oauthSession.apiConfig());
    for (Api::ApiClient* client : {&pitApi, &oauthApi})
        QObject::connect(client, &Api::ApiClient::exchanged, client, observe);
    for (ConnectionSession* session : {&pitSession, &oauthSession}) {
        QObject::connect(session, &ConnectionSession::connectionChanged, &store,
            [&store](const Connection& changed) { store.save(changed); });
    }

    QVERIFY(
        !call(pitApi, QStringLiteral("get-contacts"), listSpec(pit->locationId)).error.isError());
    Api::RequestSpec create;
    create.body = QJsonObject {{QStringLiteral("locationId"), pit->locationId},
        {QStringLiteral("firstName"), QStringLiteral("Scan")},
        {QStringLiteral("email"), QStringLiteral("scan@example.com")}};
    QVERIFY(!call(pitApi, QStringLiteral("create-contact"), create).error.isError());
    QVERIFY(!call(oauthApi, QStringLiteral("get-contacts"), listSpec(oauth->locationId))
                 .error.isError());
    // Past the access token's expiry: the session refreshes and the tokens rotate.
    const int writesBefore = secrets.writes();
    fx.clock().advance(25LL * 60 * 60 * 1000);
    QVERIFY(!call(oauthApi, QStringLiteral("get-contacts"), listSpec(oauth->locationId))
                 .error.isError());
    QVERIFY(secrets.writes() >= writesBefore + 2);
    Api::RequestSpec search;
    search.body = QJsonObject {
        {QStringLiteral("locationId"), oauth->locationId}, {QStringLiteral("pageLimit"), 5}};
    QVERIFY(!call(oauthApi, QStringLiteral("search-contacts-advanced"), search).error.isError());
    requestLog.close();

    // An export of the request log, as the request-log view saves one.
    const QString exports = appDataDir() + QStringLiteral("/exports");
    QVERIFY(QDir().mkpath(exports));
    QFile exportFile(exports + QStringLiteral("/request-log.json"));
    QVERIFY(exportFile.open(QIODevice::WriteOnly));
    exportFile.write(QJsonDocument(exported).toJson(QJsonDocument::Indented));
    exportFile.close();
    settings.sync();
    {
        QMutexLocker lock(&g_logMutex);
        g_log->flush();
    }

    // The scan would find something if it were there: the files hold what they should.
    QFile settingsFile(settings.fileName());
    QVERIFY(settingsFile.fileName().startsWith(g_home->path()));
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settingsFile.readAll();
    QVERIFY(settingsText.contains(oauth->clientId.toUtf8()));
    QVERIFY(settingsText.contains(pit->locationId.toUtf8()));
    QVERIFY(exported.size() >= 5);
    QFile requestLogBack(requestLog.fileName());
    QVERIFY(requestLogBack.open(QIODevice::ReadOnly));
    const QByteArray requestLogText = requestLogBack.readAll();
    QVERIFY(requestLogText.contains("Authorization: Bearer [redacted]"));
    QVERIFY(requestLogText.contains("scan@example.com"));
    QVERIFY(g_log->size() > 0);

    QStringList secretValues = secrets.everWritten();
    secretValues << fx.pit() << fx.data().oauthApp().clientSecret;
    secretValues.removeDuplicates();
    secretValues.removeAll(QString());
    // The PIT, the client secret, two access tokens and two refresh tokens at least.
    QVERIFY2(secretValues.size() >= 6, qPrintable(QString::number(secretValues.size())));

    int files = 0;
    QDirIterator it(g_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    QVERIFY(files >= 4);
    for (const QString& secret : std::as_const(secretValues)) {
        const QStringList hits = filesContaining(g_home->path(), secret);
        QVERIFY2(hits.isEmpty(),
            qPrintable(QStringLiteral("a secret of %1 characters is in %2")
                           .arg(secret.size())
                           .arg(hits.join(QStringLiteral(", ")))));
    }
}

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    g_home = &home;
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = home.filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(dir);
        qputenv(name, dir.toUtf8());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ContactDesk"));
    QApplication::setApplicationName(QStringLiteral("ContactDesk"));

    const QString logs = appDataDir() + QStringLiteral("/logs");
    QDir().mkpath(logs);
    QFile log(logs + QStringLiteral("/contactdesk.log"));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append))
        return 3;
    g_log = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.*=true"));

    TestSecretScan test;
    const int result = QTest::qExec(&test, argc, argv);
    {
        QMutexLocker lock(&g_logMutex);
        g_log = nullptr;
    }
    return result;
}

#include "tst_secretscan.moc"
