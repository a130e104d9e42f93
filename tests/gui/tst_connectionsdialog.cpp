// Settings > Connections against the sandbox: the built-in sandbox is listed first and cannot be
// removed or signed out of; a connection added through the Connect dialog appears; "Make
// active" switches the active connection; sign-out deletes every keychain entry of the
// connection (against the real gnome-keyring that scripts/test runs, else a memory store) and
// keeps it as "needs sign-in"; remove asks first and then deletes the entries and the
// connection; "Replace token" checks the new token, swaps only the keychain entry and leaves
// the cache folder's files untouched; "Rotate client secret" refuses a wrong secret, stores the
// right one and the running session refreshes with it.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "auth/connectionactions.h"
#include "auth/connectionsession.h"
#include "auth/connectionstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/memorysecretstore.h"
#include "auth/oauthflow.h"
#include "auth/tokenmanager.h"
#include "signinhelpers.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/connectionsdialog.h"
#include "ui/connect/credentialsdialog.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;
using ContactDesk::Ui::ConnectDialog;
using ContactDesk::Ui::ConnectionsDialog;
using ContactDesk::Ui::CredentialsDialog;

namespace {

constexpr int waitMs = 20000;

// The real keychain where a session bus is there (scripts/test), else memory.
std::unique_ptr<SecretStore> makeSecretStore()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return std::make_unique<MemorySecretStore>();
    return std::make_unique<KeychainSecretStore>(
        QStringLiteral("ContactDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
}

struct Setup
{
    Setup()
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , store(settings)
        , secrets(makeSecretStore())
        , budget(fx.clock())
    {
        nam.setProxy(QNetworkProxy::NoProxy);
    }

    ~Setup()
    {
        dialog.reset();
        // Never leave entries behind in the user's test keychain.
        for (const Connection& connection : store.connections()) {
            bool done = false;
            secrets->removeAll(connection.id, [&done](const QString&) { done = true; });
            if (!QTest::qWaitFor([&done] { return done; }, waitMs))
                qWarning("the keychain did not answer");
        }
        for (const QString& id : std::as_const(removed)) {
            bool done = false;
            secrets->removeAll(id, [&done](const QString&) { done = true; });
            if (!QTest::qWaitFor([&done] { return done; }, waitMs))
                qWarning("the keychain did not answer");
        }
    }

    ConnectionsDialog& open()
    {
        dialog = std::make_unique<ConnectionsDialog>(nam, fx.clock(), store, *secrets);
        dialog->setConfirm([this](QWidget*, const QString&, const QString& question, const QString&,
                               std::function<void(bool)> answer) {
            questions.append(question);
            answer(answerYes);
        });
        dialog->setSessionLookup([this](const QString& id) -> ConnectionSession* {
            return session && session->connection().id == id ? session.get() : nullptr;
        });
        dialog->show();
        return *dialog;
    }

    // A saved private integration token connection for the sandbox's main location.
    Connection savePrivateToken(const QString& name, const QString& token)
    {
        Connection connection;
        connection.id = ConnectionStore::newId();
        connection.displayName = name;
        connection.environment = Environment::Custom;
        connection.baseUrl = fx.baseUrl();
        connection.authKind = AuthKind::PrivateIntegrationToken;
        connection.locationId = fx.locationId();
        if (!writeSecret(*secrets, connection.id, SecretKind::PrivateIntegrationToken, token)
                 .isEmpty()
            || !store.save(connection))
            qWarning("could not save the connection");
        return connection;
    }

    QStringList rowIds() const
    {
        QStringList ids;
        auto* list = child<QTreeWidget>(dialog.get(), "connectionsList");
        for (int row = 0; row < list->topLevelItemCount(); ++row)
            ids.append(list->topLevelItem(row)->data(0, Qt::UserRole + 1).toString());
        return ids;
    }

    QString rowText(const QString& id, int column) const
    {
        auto* list = child<QTreeWidget>(dialog.get(), "connectionsList");
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            if (list->topLevelItem(row)->data(0, Qt::UserRole + 1).toString() == id)
                return list->topLevelItem(row)->text(column);
        }
        return {};
    }

    bool enabled(const char* name) const
    {
        return child<QPushButton>(dialog.get(), name)->isEnabled();
    }

    SandboxFixture fx;
    QTemporaryDir dir;
    QSettings settings;
    ConnectionStore store;
    std::unique_ptr<SecretStore> secrets;
    QNetworkAccessManager nam;
    Api::RateBudget budget;
    std::unique_ptr<ConnectionSession> session;
    std::unique_ptr<Api::ApiClient> client; // over the session's tokens, as the app's workspace
    std::unique_ptr<ConnectionsDialog> dialog;
    QStringList questions;
    QStringList removed;
    bool answerYes = true;
};

// A full OAuth sign-in through the sandbox's consent page, as the Connect dialog does it.
std::optional<TokenSet> signIn(
    SandboxFixture& fx, QNetworkAccessManager& nam, const Connection& connection)
{
    OAuthFlow flow(nam, fx.clock(), connection, fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(desktopRedirectUri());
    std::optional<SignInResult> result;
    QObject::connect(&flow, &OAuthFlow::finished, &flow,
        [&result](const SignInResult& finished) { result = finished; });
    flow.handleRedirect(answerConsent(fx, flow.authorizeUrl(), QStringLiteral("allow")));
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, waitMs) || !result->ok())
        return std::nullopt;
    return result->tokens;
}

struct CallResult
{
    bool finished = false;
    Api::ApiError error;
};

CallResult listContacts(Api::ApiClient& api, const QString& locationId)
{
    auto result = std::make_shared<CallResult>();
    Api::RequestSpec spec;
    spec.query = {
        {QStringLiteral("locationId"), locationId}, {QStringLiteral("limit"), QStringLiteral("1")}};
    api.call(QStringLiteral("get-contacts"), spec)
        ->onFinished(&api, [result](const Api::ApiJob& job) {
            result->finished = true;
            result->error = job.error();
        });
    if (!QTest::qWaitFor([&result] { return result->finished; }, waitMs))
        qWarning("the call did not finish");
    return *result;
}

// The files of a folder with their contents' hash and modification time.
QMap<QString, QPair<QByteArray, QDateTime>> snapshot(const QString& root)
{
    QMap<QString, QPair<QByteArray, QDateTime>> files;
    QDir dir(root);
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& info : entries) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        files.insert(info.fileName(),
            {QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256),
                info.lastModified()});
    }
    return files;
}

} // namespace

class TestConnectionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandboxIsFirstAndCannotBeRemoved();
    void addThroughTheConnectDialog();
    void makeActive();
    void signOutRemovesEverySecretEntry();
    void declinedQuestionChangesNothing();
    void removeAsksThenDeletesEntriesAndConnection();
    void replaceTokenLeavesLocalDataUntouched();
    void rotateClientSecretReachesTheRunningSession();
};

void TestConnectionsDialog::sandboxIsFirstAndCannotBeRemoved()
{
    Setup s;
    const Connection other = s.savePrivateToken(QStringLiteral("Alpha"), s.fx.pit());
    ConnectionsDialog& dialog = s.open();
    QCOMPARE(s.rowIds(), QStringList({ConnectionStore::sandboxId(), other.id}));
    QVERIFY(s.rowText(ConnectionStore::sandboxId(), 4).contains(QStringLiteral("active")));

    dialog.select(ConnectionStore::sandboxId());
    for (const char* name : {"connectionsRemove", "connectionsSignOut", "connectionsReplaceToken",
             "connectionsRotateSecret", "connectionsSignIn"})
        QVERIFY2(!s.enabled(name), name);
    QVERIFY(s.enabled("connectionsAdd"));
    dialog.removeConnection();
    dialog.signOut();
    QVERIFY(s.questions.isEmpty());
    QVERIFY(s.store.contains(ConnectionStore::sandboxId()));

    dialog.select(other.id);
    QVERIFY(s.enabled("connectionsRemove"));
    QVERIFY(s.enabled("connectionsReplaceToken"));
    QVERIFY(!s.enabled("connectionsRotateSecret"));
}

void TestConnectionsDialog::addThroughTheConnectDialog()
{
    Setup s;
    ConnectionsDialog& dialog = s.open();
    QSignalSpy added(&dialog, &ConnectionsDialog::connectionAdded);
    QVERIFY(click(&dialog, "connectionsAdd"));
    ConnectDialog* connect = dialog.connectDialog();
    QVERIFY(connect);
    QTRY_VERIFY(connect->isVisible());
    fillPrivateToken(
        *connect, QStringLiteral("Front desk"), s.fx.baseUrl(), s.fx.pit(), s.fx.locationId());
    QVERIFY(click(connect, "connectOk"));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, waitMs);
    const Connection saved = added.first().first().value<Connection>();
    QCOMPARE(s.rowIds().size(), 2);
    QCOMPARE(s.rowText(saved.id, 0), QStringLiteral("Front desk"));
    QCOMPARE(s.rowText(saved.id, 2), QStringLiteral("Private integration token"));
    QCOMPARE(dialog.selectedId(), saved.id);
    QTRY_VERIFY(!dialog.connectDialog());
}

void TestConnectionsDialog::makeActive()
{
    Setup s;
    const Connection other = s.savePrivateToken(QStringLiteral("Alpha"), s.fx.pit());
    ConnectionsDialog& dialog = s.open();
    QSignalSpy changed(&dialog, &ConnectionsDialog::activeConnectionChanged);
    dialog.select(other.id);
    QVERIFY(click(&dialog, "connectionsMakeActive"));
    QCOMPARE(s.store.activeId(), other.id);
    QCOMPARE(changed.count(), 1);
    QVERIFY(s.rowText(other.id, 4).contains(QStringLiteral("active")));
    QVERIFY(!s.rowText(ConnectionStore::sandboxId(), 4).contains(QStringLiteral("active")));
    QVERIFY(!s.enabled("connectionsMakeActive"));
    // Written through to the settings, where the CLI reads it.
    s.settings.sync();
    QCOMPARE(QSettings(s.settings.fileName(), QSettings::IniFormat)
                 .value(QStringLiteral("activeConnection"))
                 .toString(),
        other.id);
}

void TestConnectionsDialog::signOutRemovesEverySecretEntry()
{
    Setup s;
    Connection connection;
    connection.id = ConnectionStore::newId();
    connection.displayName = QStringLiteral("App");
    connection.environment = Environment::Custom;
    connection.baseUrl = s.fx.baseUrl();
    connection.authKind = AuthKind::OAuth;
    connection.clientId = s.fx.data().oauthApp().clientId;
    connection.locationId = s.fx.locationId();
    QVERIFY(s.store.save(connection));
    // Every kind there is, so nothing can hide behind a kind the sign-out forgot.
    for (SecretKind kind : allSecretKinds)
        QCOMPARE(writeSecret(*s.secrets, connection.id, kind,
                     QStringLiteral("value-") + secretKindKey(kind)),
            QString());

    ConnectionsDialog& dialog = s.open();
    QSignalSpy signedOut(&dialog, &ConnectionsDialog::signedOut);
    dialog.select(connection.id);
    QVERIFY(click(&dialog, "connectionsSignOut"));
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, waitMs);
    QCOMPARE(s.questions.size(), 1);
    QVERIFY(s.questions.first().contains(QStringLiteral("App")));

    for (SecretKind kind : allSecretKinds) {
        const SecretRead read = readSecret(*s.secrets, connection.id, kind);
        QVERIFY2(read.answered && read.error.isEmpty(), qPrintable(read.error));
        QVERIFY2(!read.found, qPrintable(secretKindKey(kind)));
    }
    // The connection stays, waiting for a sign-in; its settings are intact.
    const std::optional<Connection> kept = s.store.find(connection.id);
    QVERIFY(kept);
    QCOMPARE(kept->state, ConnectionState::NeedsSignIn);
    QCOMPARE(kept->clientId, connection.clientId);
    QVERIFY(s.rowText(connection.id, 4).contains(QStringLiteral("Needs sign-in")));
    QVERIFY(s.enabled("connectionsSignIn"));

    // A second sign-out finds nothing to delete and is fine with that.
    QVERIFY(click(&dialog, "connectionsSignOut"));
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 2, waitMs);
    QCOMPARE(child<QLabel>(&dialog, "connectionsStatus")->property("failure").toBool(), false);
}

void TestConnectionsDialog::declinedQuestionChangesNothing()
{
    Setup s;
    const Connection connection = s.savePrivateToken(QStringLiteral("Alpha"), s.fx.pit());
    ConnectionsDialog& dialog = s.open();
    s.answerYes = false;
    dialog.select(connection.id);
    QVERIFY(click(&dialog, "connectionsSignOut"));
    QVERIFY(click(&dialog, "connectionsRemove"));
    QCOMPARE(s.questions.size(), 2);
    QVERIFY(s.store.contains(connection.id));
    QCOMPARE(readSecret(*s.secrets, connection.id, SecretKind::PrivateIntegrationToken).value,
        s.fx.pit());
}

void TestConnectionsDialog::removeAsksThenDeletesEntriesAndConnection()
{
    Setup s;
    const Connection connection = s.savePrivateToken(QStringLiteral("Alpha"), s.fx.pit());
    s.removed.append(connection.id);
    s.dialog = std::make_unique<ConnectionsDialog>(s.nam, s.fx.clock(), s.store, *s.secrets);
    ConnectionsDialog& dialog = *s.dialog;
    dialog.show();
    QSignalSpy removed(&dialog, &ConnectionsDialog::connectionRemoved);
    dialog.select(connection.id);
    QVERIFY(click(&dialog, "connectionsRemove"));

    // The real question, answered as a person would.
    auto* box = child<QMessageBox>(&dialog, "connectionsQuestion");
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("Alpha")));
    QVERIFY(click(box, "connectionsQuestionYes"));
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, waitMs);

    QVERIFY(!s.store.contains(connection.id));
    QCOMPARE(s.rowIds(), QStringList({ConnectionStore::sandboxId()}));
    QVERIFY(!readSecret(*s.secrets, connection.id, SecretKind::PrivateIntegrationToken).found);
}

void TestConnectionsDialog::replaceTokenLeavesLocalDataUntouched()
{
    Setup s;
    const QString oldToken = mintToken(s.fx, s.fx.locationId(),
        {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")});
    const Connection connection = s.savePrivateToken(QStringLiteral("Alpha"), oldToken);
    s.session = std::make_unique<ConnectionSession>(s.nam, *s.secrets, s.fx.clock(), connection);
    s.client = std::make_unique<Api::ApiClient>(
        s.nam, s.session->tokens(), s.budget, s.fx.clock(), s.session->apiConfig());
    QVERIFY(!listContacts(*s.client, connection.locationId).error.isError());

    // The connection's local data, as the cache and outbox keep it.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/connections/") + connection.id;
    QVERIFY(QDir().mkpath(cache));
    for (const char* name : {"contacts.sqlite", "contacts.sqlite-wal", "outbox.json"}) {
        QFile file(cache + u'/' + QString::fromLatin1(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(name) + QByteArray(4096, 'x'));
    }
    const auto before = snapshot(cache);
    QCOMPARE(before.size(), 3);
    const QString settingsBefore = [&s] {
        s.settings.sync();
        QFile file(s.settings.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }();

    ConnectionsDialog& dialog = s.open();
    QSignalSpy changed(&dialog, &ConnectionsDialog::credentialsChanged);
    dialog.select(connection.id);
    QVERIFY(click(&dialog, "connectionsReplaceToken"));
    CredentialsDialog* replace = dialog.credentialsDialog();
    QVERIFY(replace);
    QCOMPARE(replace->mode(), CredentialsDialog::Mode::ReplaceToken);
    QTRY_VERIFY(replace->isVisible());
    auto* value = child<QLineEdit>(replace, "credentialsValue");
    auto* status = child<QLabel>(replace, "credentialsStatus");

    // A wrong token is refused by HighLevel and changes nothing.
    QTest::keyClicks(value, QStringLiteral("pit-not-valid"));
    QVERIFY(click(replace, "credentialsOk"));
    QTRY_VERIFY_WITH_TIMEOUT(!replace->isBusy(), waitMs);
    QVERIFY2(status->text().contains(QStringLiteral("The token was refused")),
        qPrintable(status->text()));
    QVERIFY(replace->isVisible());
    QCOMPARE(
        readSecret(*s.secrets, connection.id, SecretKind::PrivateIntegrationToken).value, oldToken);

    const QString newToken = s.fx.pit();
    value->setText(newToken);
    QVERIFY(click(replace, "credentialsOk"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, waitMs);
    QCOMPARE(
        readSecret(*s.secrets, connection.id, SecretKind::PrivateIntegrationToken).value, newToken);

    // The running session uses the new token at once: revoke the old one to be sure.
    s.fx.data().grants().remove(oldToken);
    QVERIFY(!listContacts(*s.client, connection.locationId).error.isError());

    // Same connection, same settings, same files, byte for byte and untouched.
    QCOMPARE(s.store.find(connection.id), std::optional<Connection>(connection));
    s.settings.sync();
    QFile settingsFile(s.settings.fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(settingsFile.readAll()), settingsBefore);
    QCOMPARE(snapshot(cache), before);
}

void TestConnectionsDialog::rotateClientSecretReachesTheRunningSession()
{
    Setup s;
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    Connection connection;
    connection.id = ConnectionStore::newId();
    connection.displayName = QStringLiteral("App");
    connection.environment = Environment::Custom;
    connection.baseUrl = s.fx.baseUrl();
    connection.authKind = AuthKind::OAuth;
    connection.clientId = app.clientId;
    const std::optional<TokenSet> tokens = signIn(s.fx, s.nam, connection);
    QVERIFY(tokens);
    connection.locationId = tokens->locationId;
    connection.accessTokenExpiresAt = tokens->expiresAt;
    // The secret the app was set up with has since been rotated in the marketplace: the stored
    // one no longer works.
    QCOMPARE(writeSecret(*s.secrets, connection.id, SecretKind::ClientSecret,
                 QStringLiteral("the-old-secret")),
        QString());
    QCOMPARE(writeSecret(*s.secrets, connection.id, SecretKind::RefreshToken, tokens->refreshToken),
        QString());
    QCOMPARE(writeSecret(*s.secrets, connection.id, SecretKind::AccessToken, tokens->accessToken),
        QString());
    QVERIFY(s.store.save(connection));
    s.session = std::make_unique<ConnectionSession>(s.nam, *s.secrets, s.fx.clock(), connection);
    s.client = std::make_unique<Api::ApiClient>(
        s.nam, s.session->tokens(), s.budget, s.fx.clock(), s.session->apiConfig());

    // Past the expiry the session must refresh, and the old secret is refused.
    s.fx.clock().advance(25LL * 60 * 60 * 1000);
    const CallResult refused = listContacts(*s.client, connection.locationId);
    QVERIFY(refused.error.isError());
    QVERIFY2(refused.error.messages().join(u' ').contains(QStringLiteral("client id and secret")),
        qPrintable(refused.error.messages().join(u' ')));

    ConnectionsDialog& dialog = s.open();
    QSignalSpy changed(&dialog, &ConnectionsDialog::credentialsChanged);
    dialog.select(connection.id);
    QVERIFY(!s.enabled("connectionsReplaceToken"));
    QVERIFY(click(&dialog, "connectionsRotateSecret"));
    CredentialsDialog* rotate = dialog.credentialsDialog();
    QVERIFY(rotate);
    QCOMPARE(rotate->mode(), CredentialsDialog::Mode::RotateClientSecret);
    auto* value = child<QLineEdit>(rotate, "credentialsValue");
    auto* status = child<QLabel>(rotate, "credentialsStatus");

    QTest::keyClicks(value, QStringLiteral("another-wrong-secret"));
    QVERIFY(click(rotate, "credentialsOk"));
    QTRY_VERIFY_WITH_TIMEOUT(!rotate->isBusy(), waitMs);
    QVERIFY2(status->text().contains(QStringLiteral("did not accept")), qPrintable(status->text()));
    QCOMPARE(readSecret(*s.secrets, connection.id, SecretKind::ClientSecret).value,
        QStringLiteral("the-old-secret"));

    value->setText(app.clientSecret);
    QVERIFY(click(rotate, "credentialsOk"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, waitMs);
    QCOMPARE(
        readSecret(*s.secrets, connection.id, SecretKind::ClientSecret).value, app.clientSecret);

    // Without a restart, the session refreshes with the new secret and the call goes through;
    // the sign-in itself was kept.
    const CallResult after = listContacts(*s.client, connection.locationId);
    QVERIFY2(!after.error.isError(), qPrintable(after.error.messages().join(u' ')));
    QCOMPARE(s.session->oauthTokens()->state(), OAuthTokenProvider::State::Ready);
    QVERIFY(readSecret(*s.secrets, connection.id, SecretKind::RefreshToken).value
        != tokens->refreshToken);
}

int main(int argc, char* argv[])
{
    // The cache folder of the replace-token test lives in a folder of this run's own.
    QTemporaryDir home;
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ContactDesk-test"));
    QApplication::setApplicationName(QStringLiteral("tst_connectionsdialog"));
    TestConnectionsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connectionsdialog.moc"
