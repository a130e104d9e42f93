// The sign-in window shows the origin its page is on, marked when it is not encrypted.
#include "auth/oauthflow.h"
#include "sandboxfixture.h"
#include "ui/loginbrowser.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>
#include <QWebEnginePage>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;

class TestLoginBrowserOrigin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheOriginItIsOn();
};

namespace {

Connection sandboxConnection(SandboxFixture& fx)
{
    Connection connection;
    connection.id = QStringLiteral("origin-test");
    connection.environment = Environment::Sandbox;
    connection.baseUrl = fx.baseUrl();
    connection.authKind = AuthKind::OAuth;
    connection.clientId = fx.data().oauthApp().clientId;
    return connection;
}

} // namespace

void TestLoginBrowserOrigin::showsTheOriginItIsOn()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:1/callback")));
    Ui::LoginBrowser browser(flow);
    browser.show();
    auto* origin = browser.findChild<QLabel*>(QStringLiteral("loginOrigin"));
    QVERIFY(origin);
    QCOMPARE(origin->textFormat(), Qt::PlainText);
    const QString expected = QStringLiteral("http://127.0.0.1:%1").arg(fx.baseUrl().port());
    QTRY_VERIFY_WITH_TIMEOUT(origin->text().contains(expected), 15000);
    QVERIFY2(origin->text().contains(QStringLiteral("not encrypted")), qPrintable(origin->text()));
    // Neither the path nor the query (state, challenge) is part of what it shows.
    QVERIFY(!origin->text().contains(flow.state()));
    QVERIFY(!origin->text().contains(QStringLiteral("chooselocation")));
}

QTEST_MAIN(TestLoginBrowserOrigin)
#include "tst_loginbrowserorigin.moc"
