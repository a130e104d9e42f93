// The review findings of the sign-in flow: PKCE S256 (the sandbox refuses a code whose verifier is
// missing or wrong), a state from the system's CSPRNG, and a loopback listener that a stray
// request to its port cannot end.
#include "auth/oauthflow.h"
#include "sandboxfixture.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;

namespace {

constexpr int waitMs = 15000;

Connection sandboxConnection(SandboxFixture& fx)
{
    Connection connection;
    connection.id = QStringLiteral("pkce-test");
    connection.environment = Environment::Sandbox;
    connection.baseUrl = fx.baseUrl();
    connection.authKind = AuthKind::OAuth;
    connection.clientId = fx.data().oauthApp().clientId;
    return connection;
}

QString queryValue(const QUrl& url, const QString& key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

// GET or POST on any manager, with the event loop running so a listener in this thread answers.
HttpResult fetch(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
    const QByteArray& body = {})
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = body.isEmpty() ? nam.sendCustomRequest(request, method)
                                          : nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : 0;
    result.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

// Loads the consent page, allows it and returns the redirect the sandbox answers with.
QUrl allow(QNetworkAccessManager& browser, const QUrl& authorizeUrl)
{
    const HttpResult page = fetch(browser, "GET", authorizeUrl);
    if (page.status != 200) {
        qWarning("consent page: HTTP %d %s", page.status, page.body.constData());
        return {};
    }
    const QString html = QString::fromUtf8(page.body);
    static const QRegularExpression form(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    static const QRegularExpression option(QStringLiteral("<option value=\"([^\"]+)\""));
    QList<QPair<QString, QString>> fields;
    for (auto it = input.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        QString value = match.captured(2);
        value.replace(QLatin1StringView("&amp;"), QLatin1StringView("&"));
        fields.append({match.captured(1), value});
    }
    fields.append({QStringLiteral("location_id"), option.match(html).captured(1)});
    fields.append({QStringLiteral("decision"), QStringLiteral("allow")});
    const HttpResult decision = fetch(browser, "POST",
        authorizeUrl.resolved(QUrl(form.match(html).captured(1))), OAuthWire::formEncode(fields));
    if (decision.status != 302) {
        qWarning("decision: HTTP %d %s", decision.status, decision.body.constData());
        return {};
    }
    return QUrl::fromEncoded(decision.headers.value("location"), QUrl::StrictMode);
}

HttpResult exchange(SandboxFixture& fx, QNetworkAccessManager& nam, const QString& code,
    const QUrl& redirect, const std::optional<QString>& verifier)
{
    QList<QPair<QString, QString>> fields {
        {QStringLiteral("client_id"), fx.data().oauthApp().clientId},
        {QStringLiteral("client_secret"), fx.data().oauthApp().clientSecret},
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), redirect.toString(QUrl::FullyEncoded)},
    };
    if (verifier)
        fields.append({QStringLiteral("code_verifier"), *verifier});
    QUrl url = fx.baseUrl();
    url.setPath(QStringLiteral("/oauth/token"));
    return fetch(nam, "POST", url, OAuthWire::formEncode(fields));
}

} // namespace

class TestOAuthPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authorizeUrlCarriesAnS256Challenge();
    void sandboxChecksTheVerifier();
    void flowSignsInWithItsVerifier();
    void strayLoopbackRequestsDoNotEndTheSignIn();
};

void TestOAuthPkce::authorizeUrlCarriesAnS256Challenge()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    OAuthFlow first(nam, fx.clock(), sandboxConnection(fx), QStringLiteral("secret"));
    OAuthFlow second(nam, fx.clock(), sandboxConnection(fx), QStringLiteral("secret"));
    first.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:1/callback")));
    const QUrl url = first.authorizeUrl();
    QCOMPARE(queryValue(url, QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    const QByteArray expected
        = QCryptographicHash::hash(first.codeVerifier().toLatin1(), QCryptographicHash::Sha256)
              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QCOMPARE(queryValue(url, QStringLiteral("code_challenge")), QString::fromLatin1(expected));
    // RFC 7636 4.1: 43 to 128 unreserved characters; 256 random bits here.
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    QVERIFY(unreserved.match(first.codeVerifier()).hasMatch());
    QVERIFY(unreserved.match(first.state()).hasMatch());
    // The verifier never travels in the authorize URL.
    QVERIFY(!url.toString().contains(first.codeVerifier()));
    QVERIFY(first.state() != second.state());
    QVERIFY(first.codeVerifier() != second.codeVerifier());
    QVERIFY(first.state() != first.codeVerifier());
}

void TestOAuthPkce::sandboxChecksTheVerifier()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const QUrl redirectUri(QStringLiteral("http://127.0.0.1:1/callback"));
    const auto codeFor = [&](OAuthFlow& flow) {
        const QUrl redirect = allow(nam, flow.authorizeUrl());
        return queryValue(redirect, QStringLiteral("code"));
    };

    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), QStringLiteral("unused"));
    flow.setRedirectUri(redirectUri);
    const QString withoutVerifier = codeFor(flow);
    QVERIFY(!withoutVerifier.isEmpty());
    HttpResult answer = exchange(fx, nam, withoutVerifier, redirectUri, std::nullopt);
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.body.contains("code_verifier is required"), answer.body.constData());
    // The refused attempt spent the code: the right verifier afterwards is too late.
    answer = exchange(fx, nam, withoutVerifier, redirectUri, flow.codeVerifier());
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.body.contains("invalid_grant"));

    const QString wrongVerifier = codeFor(flow);
    OAuthFlow other(nam, fx.clock(), sandboxConnection(fx), QStringLiteral("unused"));
    answer = exchange(fx, nam, wrongVerifier, redirectUri, other.codeVerifier());
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.body.contains("code_verifier does not match"), answer.body.constData());

    const QString right = codeFor(flow);
    answer = exchange(fx, nam, right, redirectUri, flow.codeVerifier());
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("access_token"));

    // Only S256 is accepted.
    QUrl plain = flow.authorizeUrl();
    QUrlQuery query(plain);
    query.removeAllQueryItems(QStringLiteral("code_challenge_method"));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("plain"));
    plain.setQuery(query);
    const HttpResult page = fetch(nam, "GET", plain);
    QCOMPARE(page.status, 400);
    QVERIFY2(page.body.contains("only &quot;S256&quot;") || page.body.contains("only \"S256\""),
        page.body.constData());
    // A client without PKCE still signs in (HighLevel does not require it).
    QUrl noPkce = flow.authorizeUrl();
    QUrlQuery bare(noPkce);
    bare.removeAllQueryItems(QStringLiteral("code_challenge"));
    bare.removeAllQueryItems(QStringLiteral("code_challenge_method"));
    noPkce.setQuery(bare);
    const QString legacy = queryValue(allow(nam, noPkce), QStringLiteral("code"));
    QCOMPARE(exchange(fx, nam, legacy, redirectUri, std::nullopt).status, 200);
}

void TestOAuthPkce::flowSignsInWithItsVerifier()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:1/callback")));
    SignInResult result;
    bool finished = false;
    connect(&flow, &OAuthFlow::finished, this, [&](const SignInResult& r) {
        finished = true;
        result = r;
    });
    const QUrl redirect = allow(nam, flow.authorizeUrl());
    QVERIFY(flow.isRedirect(redirect));
    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(finished, waitMs);
    QVERIFY2(result.ok(), qPrintable(result.message));
    // The verifier went in the token request body; the request log masks it.
    const HttpResult log = fx.control("GET", QStringLiteral("/__sandbox/requests"));
    QVERIFY(!log.body.contains(flow.codeVerifier().toUtf8()));
}

void TestOAuthPkce::strayLoopbackRequestsDoNotEndTheSignIn()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    int finishCount = 0;
    SignInResult result;
    connect(&flow, &OAuthFlow::finished, this, [&](const SignInResult& r) {
        ++finishCount;
        result = r;
    });
    QUrl opened;
    QVERIFY(flow.startLoopback([&opened](const QUrl& url) { opened = url; }));
    const QUrl callback = flow.redirectUri();

    QNetworkAccessManager stranger;
    stranger.setProxy(QNetworkProxy::NoProxy);
    const auto at = [&callback](const QString& pathAndQueryText) {
        return callback.resolved(QUrl(pathAndQueryText));
    };
    // Each request is answered before fetch() returns, so the listener has handled it by then.
    const QStringList strays {QStringLiteral("/"), QStringLiteral("/favicon.ico"),
        QStringLiteral("/callback"), QStringLiteral("/callback?code=stolen"),
        QStringLiteral("/callback?state=wrong&code=stolen"),
        QStringLiteral("/callback?state=&error=access_denied"),
        QStringLiteral("/callback?error=access_denied"),
        QStringLiteral("/other?state=") + flow.state().left(10)};
    for (const QString& stray : strays) {
        fetch(stranger, "GET", at(stray));
        QVERIFY2(finishCount == 0, qPrintable(stray + u' ' + result.message));
        QVERIFY2(!flow.isFinished(), qPrintable(stray));
    }

    // The real answer still ends it, once.
    QNetworkAccessManager browser;
    browser.setProxy(QNetworkProxy::NoProxy);
    const QUrl redirect = allow(browser, opened);
    QVERIFY(flow.isRedirect(redirect));
    const HttpResult landed = fetch(browser, "GET", redirect);
    QCOMPARE(landed.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finishCount, 1, waitMs);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.tokens.locationId, fx.locationId());
}

QTEST_GUILESS_MAIN(TestOAuthPkce)
#include "tst_oauthpkce.moc"
