// The Connect dialog against the sandbox on 127.0.0.1: required fields keep OK disabled with a
// reason; a private integration token is checked with one GET before it is saved (a refused,
// under-scoped, wrong-location or unreachable one saves nothing and says why); "Test
// connection" reports inline and saves nothing; an OAuth app signs in through the system
// browser's loopback redirect and through the embedded browser's redirect handler; an agency
// sign-in shows the filterable sub-account picker and ends with that sub-account's token; Deny
// saves nothing; the redirect URI is copied; the built-in sandbox needs no sign-in.
#include "auth/connectionstore.h"
#include "auth/oauthflow.h"
#include "signinhelpers.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/locationpickerdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;
using ContactDesk::Ui::ConnectDialog;
using ContactDesk::Ui::LocationPickerDialog;

namespace {

constexpr int waitMs = 20000;

// One dialog on a fresh settings file and secret store, against its own sandbox.
struct Setup
{
    Setup()
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , store(settings)
        , dialog(nam, fx.clock(), store, secrets)
        , saved(&dialog, &ConnectDialog::connectionSaved)
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        dialog.show();
    }

    QString settingsText()
    {
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    QString status() const { return child<QLabel>(dialogPtr(), "connectStatus")->text(); }
    QString testResult() const { return child<QLabel>(dialogPtr(), "connectTestResult")->text(); }
    QString problem() const { return child<QLabel>(dialogPtr(), "connectProblem")->text(); }
    bool okEnabled() const { return child<QPushButton>(dialogPtr(), "connectOk")->isEnabled(); }
    QWidget* dialogPtr() const { return const_cast<ConnectDialog*>(&dialog); }

    SandboxFixture fx;
    QTemporaryDir dir;
    QSettings settings;
    ConnectionStore store;
    RecordingSecretStore secrets;
    QNetworkAccessManager nam;
    ConnectDialog dialog;
    QSignalSpy saved;
};

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestConnectDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requiredFieldsKeepOkDisabled();
    void privateTokenIsCheckedThenSaved();
    void failedTokenCheckSavesNothing_data();
    void failedTokenCheckSavesNothing();
    void testConnectionReportsInline();
    void testConnectionChecksClientCredentials();
    void oauthThroughTheSystemBrowser();
    void oauthThroughTheEmbeddedBrowserRedirect();
    void agencySignInPicksSubAccount();
    void denySavesNothing();
    void signInAgainKeepsTheConnection();
    void copyRedirectUri();
    void builtInSandboxNeedsNoSignIn();
    void controlsAreNamedForAssistiveTechnology();
};

void TestConnectDialog::requiredFieldsKeepOkDisabled()
{
    Setup s;
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("a name")), qPrintable(s.problem()));
    QVERIFY(!child<QPushButton>(&s.dialog, "connectTest")->isEnabled());

    fillPrivateToken(
        s.dialog, QStringLiteral("Office"), s.fx.baseUrl(), s.fx.pit(), s.fx.locationId());
    QVERIFY2(s.okEnabled(), qPrintable(s.problem()));
    QVERIFY(child<QLabel>(&s.dialog, "connectProblem")->isHidden());

    auto* baseUrl = child<QLineEdit>(&s.dialog, "connectBaseUrl");
    // Plain http leaves this machine only over https.
    baseUrl->setText(QStringLiteral("http://api.example.com"));
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("https")), qPrintable(s.problem()));
    baseUrl->setText(QStringLiteral("ftp://127.0.0.1/"));
    QVERIFY(!s.okEnabled());
    baseUrl->setText(s.fx.baseUrl().toString());
    QVERIFY(s.okEnabled());

    auto* token = child<QLineEdit>(&s.dialog, "connectToken");
    token->setText(QStringLiteral("pit-abc def"));
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("spaces")), qPrintable(s.problem()));
    token->clear();
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("the token")), qPrintable(s.problem()));
    token->setText(s.fx.pit());

    auto* location = child<QLineEdit>(&s.dialog, "connectLocationId");
    location->setText(QStringLiteral("abc/../x"));
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("location id")), qPrintable(s.problem()));
    location->setText(s.fx.locationId());
    QVERIFY(s.okEnabled());

    // The OAuth page has required fields of its own.
    child<QAbstractButton>(&s.dialog, "connectKindOAuth")->click();
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("client id")), qPrintable(s.problem()));
    child<QLineEdit>(&s.dialog, "connectClientId")->setText(QStringLiteral("app-1"));
    QVERIFY(!s.okEnabled());
    QVERIFY2(s.problem().contains(QStringLiteral("client secret")), qPrintable(s.problem()));
    child<QLineEdit>(&s.dialog, "connectClientSecret")->setText(QStringLiteral("s3cret"));
    QVERIFY(s.okEnabled());
    child<QLineEdit>(&s.dialog, "connectAuthorizeHost")->setText(QStringLiteral("not a host"));
    QVERIFY(!s.okEnabled());
    child<QLineEdit>(&s.dialog, "connectAuthorizeHost")
        ->setText(QStringLiteral("marketplace.leadconnectorhq.com"));
    QVERIFY(s.okEnabled());
    QCOMPARE(s.saved.count(), 0);
}

void TestConnectDialog::privateTokenIsCheckedThenSaved()
{
    Setup s;
    const qint64 since = s.fx.server().requestLog().lastSeq();
    fillPrivateToken(
        s.dialog, QStringLiteral("Office"), s.fx.baseUrl(), s.fx.pit(), s.fx.locationId());
    QVERIFY(click(&s.dialog, "connectOk"));
    QTRY_COMPARE_WITH_TIMEOUT(s.saved.count(), 1, waitMs);
    QCOMPARE(s.dialog.result(), int(QDialog::Accepted));
    QVERIFY(!s.dialog.isVisible());

    const Connection saved = s.dialog.connection();
    QCOMPARE(saved.displayName, QStringLiteral("Office"));
    QCOMPARE(saved.environment, Environment::Custom);
    QCOMPARE(saved.authKind, AuthKind::PrivateIntegrationToken);
    QCOMPARE(saved.locationId, s.fx.locationId());
    QCOMPARE(saved.baseUrl, s.fx.baseUrl().adjusted(QUrl::StripTrailingSlash));
    QCOMPARE(s.store.find(saved.id), std::optional<Connection>(saved));
    QCOMPARE(s.store.connections().size(), 2);

    // The token went to the secret store, and only there.
    QCOMPARE(
        readSecret(s.secrets, saved.id, SecretKind::PrivateIntegrationToken).value, s.fx.pit());
    QCOMPARE(s.secrets.size(), 1);
    QVERIFY(s.settingsText().contains(s.fx.locationId()));
    QVERIFY(!s.settingsText().contains(s.fx.pit()));

    // Exactly one request proved it: the contacts listing of that location.
    const QList<Sandbox::LoggedExchange> requests = s.fx.server().requestLog().since(since);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().path, QStringLiteral("/contacts/"));
    QCOMPARE(requests.first().status, 200);
}

void TestConnectDialog::failedTokenCheckSavesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("refused token")
        << QStringLiteral("refused") << QStringLiteral("The token was refused");
    QTest::newRow("missing scope") << QStringLiteral("scope") << QStringLiteral("missing a scope");
    QTest::newRow("other location")
        << QStringLiteral("location") << QStringLiteral("no access to the location");
    QTest::newRow("unreachable") << QStringLiteral("unreachable")
                                 << QStringLiteral("could not be reached");
}

void TestConnectDialog::failedTokenCheckSavesNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    Setup s;
    QUrl baseUrl = s.fx.baseUrl();
    QString token = s.fx.pit();
    if (kind == QLatin1StringView("refused")) {
        token = QStringLiteral("pit-not-a-real-token-0000");
    } else if (kind == QLatin1StringView("scope")) {
        token = mintToken(s.fx, s.fx.locationId(), {QStringLiteral("contacts.write")});
    } else if (kind == QLatin1StringView("location")) {
        token = mintToken(s.fx, s.fx.data().locations().last().id,
            {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")});
    } else {
        const quint16 port = closedPort();
        QVERIFY(port > 0);
        baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }
    QVERIFY(!token.isEmpty());
    fillPrivateToken(s.dialog, QStringLiteral("Office"), baseUrl, token, s.fx.locationId());
    QVERIFY(click(&s.dialog, "connectOk"));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);

    QVERIFY2(s.status().contains(expected), qPrintable(s.status()));
    QVERIFY2(s.status().contains(QStringLiteral("Nothing was saved")), qPrintable(s.status()));
    QVERIFY(child<QLabel>(&s.dialog, "connectStatus")->isVisible());
    QVERIFY(s.dialog.isVisible());
    QCOMPARE(s.saved.count(), 0);
    QCOMPARE(s.store.connections().size(), 1);
    QCOMPARE(s.secrets.writes(), 0);
    // The user can correct it and try again.
    QVERIFY(s.okEnabled());
}

void TestConnectDialog::testConnectionReportsInline()
{
    Setup s;
    fillPrivateToken(s.dialog, QStringLiteral("Office"), s.fx.baseUrl(),
        QStringLiteral("pit-wrong-token"), s.fx.locationId());
    QVERIFY(click(&s.dialog, "connectTest"));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);
    QVERIFY2(s.testResult().contains(QStringLiteral("The token was refused")),
        qPrintable(s.testResult()));
    QVERIFY(!child<QLabel>(&s.dialog, "connectTestResult")->property("ok").toBool());

    child<QLineEdit>(&s.dialog, "connectToken")->setText(s.fx.pit());
    QVERIFY(click(&s.dialog, "connectTest"));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);
    QVERIFY2(
        s.testResult().contains(QStringLiteral("accepted the token")), qPrintable(s.testResult()));
    QVERIFY(child<QLabel>(&s.dialog, "connectTestResult")->property("ok").toBool());
    // A test is only a test.
    QVERIFY(s.dialog.isVisible());
    QCOMPARE(s.saved.count(), 0);
    QCOMPARE(s.secrets.writes(), 0);
    QCOMPARE(s.store.connections().size(), 1);
}

void TestConnectDialog::testConnectionChecksClientCredentials()
{
    Setup s;
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    fillOAuth(s.dialog, QStringLiteral("App"), s.fx.baseUrl(), app.clientId,
        QStringLiteral("not-the-secret"), false);
    QVERIFY(click(&s.dialog, "connectTest"));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);
    QVERIFY2(s.testResult().contains(QStringLiteral("did not accept the client id and secret")),
        qPrintable(s.testResult()));

    child<QLineEdit>(&s.dialog, "connectClientSecret")->setText(app.clientSecret);
    QVERIFY(click(&s.dialog, "connectTest"));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);
    QVERIFY2(s.testResult().contains(QStringLiteral("accepted the client id and secret")),
        qPrintable(s.testResult()));
    QCOMPARE(s.saved.count(), 0);
    QCOMPARE(s.secrets.writes(), 0);
    // Nothing was issued by either check.
    QCOMPARE(s.fx.data().refreshGrants().size(), 0);
}

void TestConnectDialog::oauthThroughTheSystemBrowser()
{
    Setup s;
    QUrl opened;
    s.dialog.setOpenSystemBrowser([&opened](const QUrl& url) { opened = url; });
    s.dialog.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:0/callback")));
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    fillOAuth(
        s.dialog, QStringLiteral("App"), s.fx.baseUrl(), app.clientId, app.clientSecret, true);
    QCOMPARE(child<QPushButton>(&s.dialog, "connectOk")->text(), QStringLiteral("Sign in"));
    QVERIFY(click(&s.dialog, "connectOk"));
    QVERIFY(!opened.isEmpty());
    QVERIFY(s.dialog.isBusy());

    // The loopback redirect URI is on 127.0.0.1 and is what the dialog now shows.
    const QUrl redirect(
        QUrlQuery(opened).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    QCOMPARE(child<QLineEdit>(&s.dialog, "connectRedirectUri")->text(), redirect.toString());

    // The system browser's part: consent, then the redirect to the loopback listener.
    const QUrl back = answerConsent(s.fx, opened, QStringLiteral("allow"));
    QVERIFY(!back.isEmpty());
    QCOMPARE(back.port(), redirect.port());
    QCOMPARE(browserGet(s.nam, back), 200);
    QTRY_COMPARE_WITH_TIMEOUT(s.saved.count(), 1, waitMs);

    const Connection saved = s.dialog.connection();
    QCOMPARE(saved.authKind, AuthKind::OAuth);
    QCOMPARE(saved.clientId, app.clientId);
    QCOMPARE(saved.locationId, s.fx.locationId());
    QVERIFY(saved.scopes.contains(QStringLiteral("contacts.readonly")));
    QVERIFY(saved.accessTokenExpiresAt.isValid());
    QCOMPARE(s.store.find(saved.id), std::optional<Connection>(saved));
    const SecretRead secret = readSecret(s.secrets, saved.id, SecretKind::ClientSecret);
    const SecretRead refresh = readSecret(s.secrets, saved.id, SecretKind::RefreshToken);
    const SecretRead access = readSecret(s.secrets, saved.id, SecretKind::AccessToken);
    QCOMPARE(secret.value, app.clientSecret);
    QVERIFY(refresh.found && !refresh.value.isEmpty());
    QVERIFY(access.found && !access.value.isEmpty());
    const QString settings = s.settingsText();
    for (const QString& value : {secret.value, refresh.value, access.value})
        QVERIFY(!settings.contains(value));
    // The stored access token works for the contacts.
    QCOMPARE(
        s.fx.api("GET", QStringLiteral("/contacts/?locationId=%1&limit=1").arg(saved.locationId),
                QJsonValue(QJsonValue::Undefined), {}, access.value)
            .status,
        200);
}

void TestConnectDialog::oauthThroughTheEmbeddedBrowserRedirect()
{
    Setup s;
    QPointer<OAuthFlow> shown;
    s.dialog.setEmbeddedSignIn([&shown](OAuthFlow& flow, QWidget*) { shown = &flow; });
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    fillOAuth(
        s.dialog, QStringLiteral("App"), s.fx.baseUrl(), app.clientId, app.clientSecret, false);
    QVERIFY(click(&s.dialog, "connectOk"));
    QVERIFY(shown);
    // The registered redirect URI is the one shown, and the consent page is the sandbox's.
    QCOMPARE(shown->redirectUri(), desktopRedirectUri());
    QCOMPARE(
        child<QLineEdit>(&s.dialog, "connectRedirectUri")->text(), desktopRedirectUri().toString());
    QCOMPARE(shown->authorizeUrl().host(), s.fx.baseUrl().host());

    const QUrl back = answerConsent(s.fx, shown->authorizeUrl(), QStringLiteral("allow"));
    QVERIFY(shown->isRedirect(back));
    shown->handleRedirect(back);
    QTRY_COMPARE_WITH_TIMEOUT(s.saved.count(), 1, waitMs);
    QCOMPARE(s.dialog.connection().locationId, s.fx.locationId());
    QCOMPARE(s.secrets.size(), 3);
}

void TestConnectDialog::agencySignInPicksSubAccount()
{
    Setup s;
    QPointer<OAuthFlow> shown;
    s.dialog.setEmbeddedSignIn([&shown](OAuthFlow& flow, QWidget*) { shown = &flow; });
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    fillOAuth(
        s.dialog, QStringLiteral("Agency"), s.fx.baseUrl(), app.clientId, app.clientSecret, false);
    child<QAbstractButton>(&s.dialog, "connectAgency")->click();
    QVERIFY(click(&s.dialog, "connectOk"));
    QVERIFY(shown);
    QVERIFY(QUrlQuery(shown->authorizeUrl())
                .queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                .contains(QStringLiteral("oauth.readonly")));
    shown->handleRedirect(answerConsent(s.fx, shown->authorizeUrl(), QStringLiteral("allow")));

    QTRY_VERIFY_WITH_TIMEOUT(s.dialog.locationPicker() != nullptr, waitMs);
    LocationPickerDialog* picker = s.dialog.locationPicker();
    QTRY_VERIFY(picker->isVisible());
    const QList<Sandbox::Location> locations = s.fx.data().locations();
    QVERIFY(locations.size() >= 2);
    QCOMPARE(picker->visibleCount(), int(locations.size()));

    // Narrow the list to the second sub-account by typing part of its name.
    const Sandbox::Location wanted = locations.last();
    QTest::keyClicks(child<QLineEdit>(picker, "locationFilter"), wanted.name);
    QCOMPARE(picker->visibleCount(), 1);
    QCOMPARE(picker->selectedId(), wanted.id);
    child<QLineEdit>(picker, "locationFilter")->setText(QStringLiteral("no such sub-account"));
    QCOMPARE(picker->visibleCount(), 0);
    QVERIFY(!child<QPushButton>(picker, "locationChoose")->isEnabled());
    child<QLineEdit>(picker, "locationFilter")->setText(wanted.id);
    QCOMPARE(picker->visibleCount(), 1);
    QVERIFY(click(picker, "locationChoose"));

    QTRY_COMPARE_WITH_TIMEOUT(s.saved.count(), 1, waitMs);
    const Connection saved = s.dialog.connection();
    QCOMPARE(saved.locationId, wanted.id);
    QCOMPARE(saved.companyId, wanted.companyId);
    const SecretRead access = readSecret(s.secrets, saved.id, SecretKind::AccessToken);
    const Sandbox::Grant* grant = s.fx.data().grant(access.value);
    QVERIFY(grant);
    QCOMPARE(grant->userType, QStringLiteral("Location"));
    QCOMPARE(grant->locationId, wanted.id);
}

void TestConnectDialog::denySavesNothing()
{
    Setup s;
    QPointer<OAuthFlow> shown;
    s.dialog.setEmbeddedSignIn([&shown](OAuthFlow& flow, QWidget*) { shown = &flow; });
    const Sandbox::OAuthApp app = s.fx.data().oauthApp();
    fillOAuth(
        s.dialog, QStringLiteral("App"), s.fx.baseUrl(), app.clientId, app.clientSecret, false);
    QVERIFY(click(&s.dialog, "connectOk"));
    QVERIFY(shown);
    shown->handleRedirect(answerConsent(s.fx, shown->authorizeUrl(), QStringLiteral("deny")));
    QTRY_VERIFY_WITH_TIMEOUT(!s.dialog.isBusy(), waitMs);
    QVERIFY2(s.status().contains(QStringLiteral("cancelled")), qPrintable(s.status()));
    QVERIFY(s.dialog.isVisible());
    QCOMPARE(s.saved.count(), 0);
    QCOMPARE(s.secrets.writes(), 0);
    QCOMPARE(s.store.connections().size(), 1);
}

void TestConnectDialog::signInAgainKeepsTheConnection()
{
    Setup s;
    Connection existing;
    existing.id = QStringLiteral("kept-id");
    existing.displayName = QStringLiteral("Signed out");
    existing.environment = Environment::Custom;
    existing.baseUrl = s.fx.baseUrl();
    existing.authKind = AuthKind::PrivateIntegrationToken;
    existing.locationId = s.fx.locationId();
    existing.state = ConnectionState::NeedsSignIn;
    QVERIFY(s.store.save(existing));
    s.dialog.setExistingConnection(existing);
    QVERIFY(!child<QComboBox>(&s.dialog, "connectEnvironment")->isEnabled());
    QVERIFY(!child<QAbstractButton>(&s.dialog, "connectKindOAuth")->isEnabled());
    QCOMPARE(child<QLineEdit>(&s.dialog, "connectLocationId")->text(), s.fx.locationId());
    QVERIFY(!s.okEnabled());

    child<QLineEdit>(&s.dialog, "connectToken")->setText(s.fx.pit());
    QVERIFY(click(&s.dialog, "connectOk"));
    QTRY_COMPARE_WITH_TIMEOUT(s.saved.count(), 1, waitMs);
    QCOMPARE(s.dialog.connection().id, existing.id);
    QCOMPARE(s.store.connections().size(), 2);
    QCOMPARE(s.store.find(existing.id)->state, ConnectionState::Ready);
    QCOMPARE(
        readSecret(s.secrets, existing.id, SecretKind::PrivateIntegrationToken).value, s.fx.pit());
}

void TestConnectDialog::copyRedirectUri()
{
    Setup s;
    child<QAbstractButton>(&s.dialog, "connectKindOAuth")->click();
    auto* shown = child<QLineEdit>(&s.dialog, "connectRedirectUri");
    QVERIFY(shown->isVisible());
    QVERIFY(shown->isReadOnly());
    QCOMPARE(shown->text(), QStringLiteral("http://127.0.0.1:47615/callback"));
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QVERIFY(click(&s.dialog, "connectCopyRedirect"));
    QCOMPARE(QGuiApplication::clipboard()->text(), shown->text());

    const QString help = child<QLabel>(&s.dialog, "connectOAuthHelp")->text();
    for (const char* needed : {"My Apps", "contacts.readonly", "contacts.write", "redirect URI"})
        QVERIFY2(help.contains(QString::fromLatin1(needed)), needed);
}

void TestConnectDialog::builtInSandboxNeedsNoSignIn()
{
    Setup s;
    auto* environment = child<QComboBox>(&s.dialog, "connectEnvironment");
    environment->setCurrentIndex(environment->findData(int(Environment::Sandbox)));
    QVERIFY(child<QWidget>(&s.dialog, "connectSandboxPage")->isVisible());
    QVERIFY(!child<QWidget>(&s.dialog, "connectToken")->isVisible());
    QVERIFY(!child<QPushButton>(&s.dialog, "connectTest")->isEnabled());
    QVERIFY(click(&s.dialog, "connectOk"));
    QCOMPARE(s.saved.count(), 1);
    QCOMPARE(s.dialog.connection().id, ConnectionStore::sandboxId());
    QCOMPARE(s.store.connections().size(), 1);
    QCOMPARE(s.secrets.writes(), 0);
}

void TestConnectDialog::controlsAreNamedForAssistiveTechnology()
{
    Setup s;
    for (const char* name : {"connectName", "connectEnvironment", "connectBaseUrl", "connectToken",
             "connectLocationId", "connectClientId", "connectClientSecret", "connectRedirectUri",
             "connectCopyRedirect", "connectAuthorizeHost"}) {
        auto* widget = child<QWidget>(&s.dialog, name);
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
    }
    // Tab goes from the name to the environment, as the form reads.
    auto* name = child<QWidget>(&s.dialog, "connectName");
    QCOMPARE(name->nextInFocusChain(), child<QWidget>(&s.dialog, "connectEnvironment"));
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    TestConnectDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_connectdialog.moc"
