// The embedded sign-in browser in a real QWebEngineView against the sandbox's OAuth server: the
// consent page loads, Allow and Deny are clicked through the page's element ids, the redirect is
// caught before anything requests it (a listener on the redirect URI's port counts connections),
// closing the window cancels, links and pop-ups to other hosts go to the system browser, and an
// unreachable server is reported in the window.
#include "auth/oauthflow.h"
#include "sandboxfixture.h"
#include "ui/loginbrowser.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>

#include <memory>
#include <optional>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;
using ContactDesk::Ui::LoginBrowser;

namespace {

// The first start of the web engine's processes is slow on a loaded CI machine.
constexpr int loadWaitMs = 30000;
constexpr int flowWaitMs = 15000;

// Stands in for the app's redirect URI and counts who knocks: the browser must never connect.
class RedirectListener
{
public:
    RedirectListener()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->close();
                socket->deleteLater();
            }
        });
        m_listening = m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool listening() const { return m_listening; }
    int connections() const { return m_connections; }
    QUrl redirectUri() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(m_server.serverPort()));
    }

private:
    QTcpServer m_server;
    int m_connections = 0;
    bool m_listening = false;
};

Connection sandboxConnection(const QUrl& baseUrl, const QString& clientId)
{
    Connection connection;
    connection.id = QStringLiteral("browser-test");
    connection.displayName = QStringLiteral("Sandbox in the embedded browser");
    connection.environment = Environment::Sandbox;
    connection.baseUrl = baseUrl;
    connection.authKind = AuthKind::OAuth;
    connection.clientId = clientId;
    return connection;
}

// One sign-in: the flow, its browser, what the browser sent to the system browser and what the
// flow reported.
struct SignIn
{
    SignIn(SandboxFixture& fx, const QUrl& redirectUri, const QUrl& baseUrl = {})
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        flow = std::make_unique<OAuthFlow>(nam, fx.clock(),
            sandboxConnection(
                baseUrl.isEmpty() ? fx.baseUrl() : baseUrl, fx.data().oauthApp().clientId),
            fx.data().oauthApp().clientSecret);
        flow->setRedirectUri(redirectUri);
        QObject::connect(
            flow.get(), &OAuthFlow::finished, flow.get(), [this](const SignInResult& answer) {
                result = answer;
                ++results;
            });
        browser = std::make_unique<LoginBrowser>(*flow);
        browser->setOpenExternally([this](const QUrl& url) { external.append(url); });
        QObject::connect(browser->page(), &QWebEnginePage::loadFinished, browser.get(),
            [this](bool ok) { ok ? ++loads : ++failedLoads; });
        browser->show();
    }

    // Runs `script` in the page and waits until it has run.
    bool run(const QString& script)
    {
        bool done = false;
        browser->page()->runJavaScript(script, [&done](const QVariant&) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, flowWaitMs);
    }

    QNetworkAccessManager nam;
    std::unique_ptr<OAuthFlow> flow;
    std::unique_ptr<LoginBrowser> browser;
    std::optional<SignInResult> result;
    int results = 0;
    int loads = 0;
    int failedLoads = 0;
    QList<QUrl> external;
};

bool onConsentPage(const SignIn& signIn)
{
    return signIn.loads > 0
        && signIn.browser->page()->url().path() == QLatin1StringView("/oauth/chooselocation");
}

} // namespace

class TestLoginBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowSignsInWithoutRequestingTheRedirectUri()
    {
        SandboxFixture fx(3);
        RedirectListener listener;
        QVERIFY(listener.listening());
        SignIn signIn(fx, listener.redirectUri());
        QVERIFY(QTest::qWaitForWindowExposed(signIn.browser.get()));
        QTRY_VERIFY_WITH_TIMEOUT(onConsentPage(signIn), loadWaitMs);

        auto* status = signIn.browser->findChild<QLabel*>(QStringLiteral("loginStatus"));
        auto* problem = signIn.browser->findChild<QLabel*>(QStringLiteral("loginError"));
        QVERIFY(status && problem);
        QVERIFY(!status->text().isEmpty());
        QVERIFY(problem->isHidden());
        QVERIFY(signIn.browser->profile()->isOffTheRecord());

        QVERIFY(signIn.run(QStringLiteral("document.getElementById('allow').click()")));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.result.has_value(), flowWaitMs);
        QCOMPARE(signIn.results, 1);
        QCOMPARE(signIn.result->outcome, SignInResult::Outcome::SignedIn);
        QVERIFY(!signIn.result->tokens.accessToken.isEmpty());
        QVERIFY(!signIn.result->tokens.refreshToken.isEmpty());
        QCOMPARE(signIn.result->tokens.locationId, fx.locationId());
        QTRY_VERIFY(!signIn.browser->isVisible());
        QCOMPARE(signIn.browser->result(), int(QDialog::Accepted));

        // Give a stray request to the redirect URI every chance to arrive before counting.
        QTest::qWait(300);
        QCOMPARE(listener.connections(), 0);
        QVERIFY(signIn.external.isEmpty());
    }

    void denyCancels()
    {
        SandboxFixture fx(3);
        RedirectListener listener;
        QVERIFY(listener.listening());
        SignIn signIn(fx, listener.redirectUri());
        QTRY_VERIFY_WITH_TIMEOUT(onConsentPage(signIn), loadWaitMs);

        QVERIFY(signIn.run(QStringLiteral("document.getElementById('deny').click()")));
        QTRY_VERIFY_WITH_TIMEOUT(signIn.result.has_value(), flowWaitMs);
        QCOMPARE(signIn.result->outcome, SignInResult::Outcome::Cancelled);
        QVERIFY(signIn.result->tokens.accessToken.isEmpty());
        QTRY_VERIFY(!signIn.browser->isVisible());
        QCOMPARE(signIn.browser->result(), int(QDialog::Rejected));
        QTest::qWait(300);
        QCOMPARE(listener.connections(), 0);
    }

    void closingTheWindowCancels()
    {
        SandboxFixture fx(3);
        RedirectListener listener;
        QVERIFY(listener.listening());
        SignIn signIn(fx, listener.redirectUri());
        QTRY_VERIFY_WITH_TIMEOUT(onConsentPage(signIn), loadWaitMs);

        QVERIFY(signIn.browser->close());
        QTRY_VERIFY_WITH_TIMEOUT(signIn.result.has_value(), flowWaitMs);
        QCOMPARE(signIn.results, 1);
        QCOMPARE(signIn.result->outcome, SignInResult::Outcome::Cancelled);
        QVERIFY(!signIn.result->message.isEmpty());
        QVERIFY(!signIn.browser->isVisible());
        QVERIFY(signIn.flow->isFinished());
    }

    void otherHostsAndPopupsOpenInTheSystemBrowser()
    {
        SandboxFixture fx(3);
        RedirectListener listener;
        QVERIFY(listener.listening());
        SignIn signIn(fx, listener.redirectUri());
        QTRY_VERIFY_WITH_TIMEOUT(onConsentPage(signIn), loadWaitMs);
        const QUrl consentUrl = signIn.browser->page()->url();
        const int loadsBefore = signIn.loads;

        const QUrl help(QStringLiteral("https://help.example.com/oauth?topic=scopes"));
        QVERIFY(signIn.run(QStringLiteral("var a = document.createElement('a');"
                                          "a.href = '%1'; document.body.appendChild(a); a.click();")
                               .arg(help.toString(QUrl::FullyEncoded))));
        QTRY_COMPARE_WITH_TIMEOUT(signIn.external.size(), 1, flowWaitMs);
        QCOMPARE(signIn.external.at(0), help);

        const QUrl popup(QStringLiteral("https://docs.example.org/terms"));
        QVERIFY(signIn.run(QStringLiteral("var p = document.createElement('a');"
                                          "p.href = '%1'; p.target = '_blank';"
                                          "document.body.appendChild(p); p.click();")
                               .arg(popup.toString(QUrl::FullyEncoded))));
        QTRY_COMPARE_WITH_TIMEOUT(signIn.external.size(), 2, flowWaitMs);
        QCOMPARE(signIn.external.at(1), popup);

        // The consent page stayed where it was and the sign-in is still open.
        QTest::qWait(300);
        QCOMPARE(signIn.browser->page()->url(), consentUrl);
        QCOMPARE(signIn.loads, loadsBefore);
        QVERIFY(!signIn.result.has_value());
        QVERIFY(signIn.browser->isVisible());
        QCOMPARE(listener.connections(), 0);
    }

    void unreachableServerIsReportedInTheWindow()
    {
        SandboxFixture fx(0);
        RedirectListener listener;
        QVERIFY(listener.listening());
        // A port that was free a moment ago: nothing answers there.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        const QUrl deadBase(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
        SignIn signIn(fx, listener.redirectUri(), deadBase);

        auto* problem = signIn.browser->findChild<QLabel*>(QStringLiteral("loginError"));
        QVERIFY(problem);
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), loadWaitMs);
        QVERIFY2(
            problem->text().contains(QStringLiteral("127.0.0.1")), qPrintable(problem->text()));
        QVERIFY(signIn.browser->findChild<QWidget*>(QStringLiteral("loginRetry"))->isVisible());
        QVERIFY(!signIn.result.has_value());
    }
};

int main(int argc, char* argv[])
{
    // QtWebEngine shares its GL context with the widgets; this must precede the application.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestLoginBrowser test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_loginbrowser.moc"
