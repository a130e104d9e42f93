// Sign-in and the token lifecycle against the sandbox's OAuth server on 127.0.0.1: the
// authorization code flow without a browser (the consent page fetched and answered over HTTP,
// the redirect handed to the flow) and in the system-browser loopback mode, every way a sign-in
// can go wrong, the agency-token location picker, refresh rotation, single-flight refresh under
// 20 concurrent requests, a revoked refresh token, the order of keychain writes, and that no
// secret reaches a log line or the request log.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "auth/memorysecretstore.h"
#include "auth/oauthflow.h"
#include "auth/tokenmanager.h"
#include "common/clock.h"
#include "sandboxfixture.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;

// A helper that failed a check has already recorded it; the test stops there.
#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

namespace {

constexpr int waitMs = 15000;
constexpr qint64 hourMs = 60LL * 60 * 1000;
const QString kConnectionId = QStringLiteral("oauth-test");

// Registered with the sandbox app by being used; never contacted, because the flow takes the
// redirect before anything loads it.
QUrl redirectUri()
{
    return QUrl(QStringLiteral("http://127.0.0.1:1/callback"));
}

Connection sandboxConnection(SandboxFixture& fx)
{
    Connection connection;
    connection.id = kConnectionId;
    connection.displayName = QStringLiteral("Sandbox over OAuth");
    connection.environment = Environment::Sandbox;
    connection.baseUrl = fx.baseUrl();
    connection.authKind = AuthKind::OAuth;
    connection.clientId = fx.data().oauthApp().clientId;
    return connection;
}

QString pathAndQuery(const QUrl& url)
{
    const QString query = url.query(QUrl::FullyEncoded);
    return url.path(QUrl::FullyEncoded) + (query.isEmpty() ? QString() : u'?' + query);
}

QString htmlUnescape(QString text)
{
    text.replace(QLatin1StringView("&quot;"), QLatin1StringView("\""));
    text.replace(QLatin1StringView("&#39;"), QLatin1StringView("'"));
    text.replace(QLatin1StringView("&lt;"), QLatin1StringView("<"));
    text.replace(QLatin1StringView("&gt;"), QLatin1StringView(">"));
    text.replace(QLatin1StringView("&amp;"), QLatin1StringView("&"));
    return text;
}

// What a person sees on the consent page, read the way a browser would find it.
struct ConsentPage
{
    bool hasControls = false; // the element ids the embedded browser clicks through
    QString action;
    QList<QPair<QString, QString>> hidden;
    QStringList locationIds;
};

ConsentPage readConsentPage(const QByteArray& html)
{
    const QString page = QString::fromUtf8(html);
    ConsentPage consent;
    consent.hasControls = page.contains(QLatin1StringView("id=\"location\""))
        && page.contains(QLatin1StringView("id=\"allow\""))
        && page.contains(QLatin1StringView("id=\"deny\""));
    static const QRegularExpression form(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    consent.action = htmlUnescape(form.match(page).captured(1));
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    for (auto it = input.globalMatch(page); it.hasNext();) {
        const auto match = it.next();
        consent.hidden.append({match.captured(1), htmlUnescape(match.captured(2))});
    }
    static const QRegularExpression option(QStringLiteral("<option value=\"([^\"]+)\""));
    for (auto it = option.globalMatch(page); it.hasNext();)
        consent.locationIds.append(htmlUnescape(it.next().captured(1)));
    return consent;
}

QByteArray decisionBody(const ConsentPage& page, const QString& decision, const QString& location)
{
    QList<QPair<QString, QString>> fields = page.hidden;
    fields.append(
        {QStringLiteral("location_id"), location.isEmpty() ? page.locationIds.value(0) : location});
    fields.append({QStringLiteral("decision"), decision});
    return OAuthWire::formEncode(fields);
}

const QList<QPair<QByteArray, QByteArray>> formHeaders {
    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};

// The browser's part without a browser: loads the consent page, answers it, and returns where
// the sandbox redirects to (empty when a step failed; the warning says which).
QUrl answerConsent(SandboxFixture& fx, const QUrl& authorizeUrl, const QString& decision,
    const QString& location = {})
{
    const HttpResult page = fx.raw("GET", pathAndQuery(authorizeUrl), {}, {});
    if (page.status != 200) {
        qWarning("consent page: HTTP %d %s", page.status, page.body.constData());
        return {};
    }
    const ConsentPage consent = readConsentPage(page.body);
    if (!consent.hasControls || consent.locationIds.isEmpty()) {
        qWarning("consent page lacks its controls");
        return {};
    }
    const HttpResult answer
        = fx.raw("POST", consent.action, decisionBody(consent, decision, location), formHeaders);
    if (answer.status != 302 && answer.status != 303) {
        qWarning("decision: HTTP %d %s", answer.status, answer.body.constData());
        return {};
    }
    return QUrl::fromEncoded(answer.header("location"), QUrl::StrictMode);
}

// A plain HTTP exchange on any network manager, waiting in an event loop so that servers in
// this thread (the sandbox, the loopback listener) can answer.
HttpResult fetch(QNetworkAccessManager& nam, const QByteArray& method, const QUrl& url,
    const QByteArray& body = {}, const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
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
    if (reply->error() != QNetworkReply::NoError && !status.isValid())
        result.networkError = reply->errorString();
    reply->abort();
    reply->deleteLater();
    return result;
}

struct FlowWatch
{
    bool finished = false;
    int finishCount = 0;
    SignInResult result;
    QList<InstalledLocation> locations;
};

std::shared_ptr<FlowWatch> watch(OAuthFlow& flow)
{
    auto seen = std::make_shared<FlowWatch>();
    QObject::connect(&flow, &OAuthFlow::finished, &flow, [seen](const SignInResult& result) {
        seen->finished = true;
        ++seen->finishCount;
        seen->result = result;
    });
    QObject::connect(&flow, &OAuthFlow::locationChoiceNeeded, &flow,
        [seen](const QList<InstalledLocation>& locations) { seen->locations = locations; });
    return seen;
}

QJsonArray requestsSince(SandboxFixture& fx, qint64 seq)
{
    return fx.control("GET", QStringLiteral("/__sandbox/requests?since=%1").arg(seq))
        .object()
        .value(QStringLiteral("requests"))
        .toArray();
}

qint64 lastSeq(SandboxFixture& fx)
{
    return fx.control("GET", QStringLiteral("/__sandbox/requests?since=0"))
        .object()
        .value(QStringLiteral("lastSeq"))
        .toInteger();
}

QList<int> statusesOf(const QJsonArray& requests, const QString& path, const QString& method)
{
    QList<int> statuses;
    for (const QJsonValue& value : requests) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("path")).toString() == path
            && entry.value(QStringLiteral("method")).toString() == method)
            statuses.append(entry.value(QStringLiteral("status")).toInt());
    }
    return statuses;
}

QList<int> tokenCalls(SandboxFixture& fx, qint64 since)
{
    return statusesOf(
        requestsSince(fx, since), QStringLiteral("/oauth/token"), QStringLiteral("POST"));
}

// A memory store that records the order of writes and can refuse refresh-token writes, as a
// locked keychain would.
class RecordingStore final : public SecretStore
{
public:
    bool persistent() const override { return false; }

    void write(
        const QString& connectionId, SecretKind kind, const QString& value, Done done) override
    {
        const QString name = secretKindKey(kind);
        if (kind == SecretKind::RefreshToken && failRefreshWrites > 0) {
            --failRefreshWrites;
            events.append(QStringLiteral("refused ") + name);
            QTimer::singleShot(0, this, [done] { done(QStringLiteral("the keychain is locked")); });
            return;
        }
        m_inner.write(connectionId, kind, value, [this, name, done](const QString& error) {
            events.append(QStringLiteral("stored ") + name);
            done(error);
        });
    }

    void read(const QString& connectionId, SecretKind kind, Read done) override
    {
        m_inner.read(connectionId, kind, std::move(done));
    }

    void remove(const QString& connectionId, SecretKind kind, Done done) override
    {
        m_inner.remove(connectionId, kind, std::move(done));
    }

    // Waits for the store's answer.
    QString value(SecretKind kind)
    {
        QString result;
        bool answered = false;
        m_inner.read(kConnectionId, kind, [&](const QString& value, bool, const QString&) {
            result = value;
            answered = true;
        });
        if (!QTest::qWaitFor([&answered] { return answered; }, waitMs))
            qWarning("the secret store did not answer");
        return result;
    }

    QStringList events;
    int failRefreshWrites = 0;

private:
    MemorySecretStore m_inner;
};

struct Outcome
{
    bool finished = false;
    ApiError error;
};

// The API client on an OAuth token provider, as the app wires one connection.
class Session
{
public:
    explicit Session(SandboxFixture& fx)
        : tokens(nam, secrets, fx.clock(), sandboxConnection(fx))
        // No in-flight cap: the concurrency tests need all 20 requests on the wire at once.
        , budget(fx.clock(), 0)
        , api(nam, tokens, budget, fx.clock(), config(fx))
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&api, &ApiClient::exchanged, &api,
            [this](const ApiExchange& exchange) { exchanges.append(exchange); });
        QObject::connect(&tokens, &OAuthTokenProvider::needsSignIn, &api,
            [this](const QString& id) { needsSignIn.append(id); });
    }

    static ApiConfig config(SandboxFixture& fx)
    {
        ApiConfig config;
        config.baseUrl = fx.baseUrl();
        config.locationId = fx.locationId();
        config.retry.backoffMs = {10, 20, 40};
        return config;
    }

    std::shared_ptr<Outcome> listContacts(const QString& locationId)
    {
        RequestSpec spec;
        spec.query = {{QStringLiteral("locationId"), locationId},
            {QStringLiteral("limit"), QStringLiteral("1")}};
        auto outcome = std::make_shared<Outcome>();
        api.call(QStringLiteral("get-contacts"), std::move(spec))
            ->onFinished(&api, [outcome](const ApiJob& job) {
                outcome->finished = true;
                outcome->error = job.error();
            });
        return outcome;
    }

    QNetworkAccessManager nam;
    RecordingStore secrets;
    OAuthTokenProvider tokens;
    RateBudget budget;
    ApiClient api;
    QList<ApiExchange> exchanges;
    QStringList needsSignIn;
};

bool allFinished(const QList<std::shared_ptr<Outcome>>& outcomes)
{
    return std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o->finished; });
}

QStringList errorKinds(const QList<std::shared_ptr<Outcome>>& outcomes)
{
    QStringList kinds;
    for (const auto& outcome : outcomes)
        kinds.append(ApiError::kindName(outcome->error.kind()));
    return kinds;
}

// Everything the message handler saw while installed.
QStringList* g_messages = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (g_messages)
        g_messages->append(
            QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
}

} // namespace

class TestOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authorizeUrl_data();
    void authorizeUrl();
    void stateIsFreshAndLong();
    void isRedirect_data();
    void isRedirect();
    void signInWithoutBrowser();
    void stateMismatch_data();
    void stateMismatch();
    void deny();
    void codeReuse();
    void agencyTokenPicksLocation();
    void loopbackMode();
    void refreshRotation();
    void refreshFiveMinutesEarly();
    void concurrentExpiryRefreshesOnce();
    void concurrentRejectionRefreshesOnce();
    void revokedRefreshTokenNeedsSignIn();
    void refreshTokenStoredBeforeUse();
    void wrongClientSecretKeepsSignIn();
    void noSecretInLogsOrExchanges();

private:
    // A full sign-in through the consent page; `tokens` empty when it failed (QVERIFY'd).
    void signIn(
        SandboxFixture& fx, QNetworkAccessManager& nam, TokenSet* tokens, QString* code = nullptr);
    void signInProvider(SandboxFixture& fx, Session& session, TokenSet* tokens = nullptr);
    QString currentToken(OAuthTokenProvider& provider, QString* error = nullptr);
};

void TestOAuth::signIn(
    SandboxFixture& fx, QNetworkAccessManager& nam, TokenSet* tokens, QString* code)
{
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    const auto seen = watch(flow);
    const QUrl redirect = answerConsent(fx, flow.authorizeUrl(), QStringLiteral("allow"));
    QVERIFY(flow.isRedirect(redirect));
    if (code)
        *code = QUrlQuery(redirect).queryItemValue(QStringLiteral("code"));
    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);
    QVERIFY2(seen->result.ok(), qPrintable(seen->result.message));
    *tokens = seen->result.tokens;
}

void TestOAuth::signInProvider(SandboxFixture& fx, Session& session, TokenSet* signedIn)
{
    TokenSet tokens;
    CHECKED(signIn(fx, session.nam, &tokens));
    session.secrets.write(kConnectionId, SecretKind::ClientSecret,
        fx.data().oauthApp().clientSecret, [](const QString&) {});
    bool done = false;
    QString error;
    session.tokens.signIn(tokens, [&](const QString& problem) {
        done = true;
        error = problem;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, waitMs);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(session.tokens.state(), OAuthTokenProvider::State::Ready);
    if (signedIn)
        *signedIn = tokens;
}

QString TestOAuth::currentToken(OAuthTokenProvider& provider, QString* error)
{
    bool answered = false;
    QString token;
    provider.withToken([&](const QString& value, const QString& problem) {
        answered = true;
        token = value;
        if (error)
            *error = problem;
    });
    if (!QTest::qWaitFor([&answered] { return answered; }, waitMs))
        qWarning("the token provider did not answer");
    return token;
}

void TestOAuth::authorizeUrl_data()
{
    QTest::addColumn<int>("environment");
    QTest::addColumn<QUrl>("baseUrl");
    QTest::addColumn<QUrl>("authorizeBase");
    QTest::addColumn<QUrl>("expected");

    const QUrl sandbox(QStringLiteral("http://127.0.0.1:4010"));
    QTest::newRow("sandbox serves its own consent page")
        << int(Environment::Sandbox) << sandbox << QUrl()
        << QUrl(QStringLiteral("http://127.0.0.1:4010/oauth/chooselocation"));
    QTest::newRow("production, standard marketplace")
        << int(Environment::Production) << QUrl() << QUrl()
        << QUrl(QStringLiteral("https://marketplace.gohighlevel.com/oauth/chooselocation"));
    QTest::newRow("production, white-label marketplace")
        << int(Environment::Production) << QUrl()
        << QUrl(QString(OAuthWire::whiteLabelAuthorizeBase))
        << QUrl(QStringLiteral("https://marketplace.leadconnectorhq.com/oauth/chooselocation"));
}

void TestOAuth::authorizeUrl()
{
    QFETCH(int, environment);
    QFETCH(QUrl, baseUrl);
    QFETCH(QUrl, authorizeBase);
    QFETCH(QUrl, expected);

    Connection connection;
    connection.environment = Environment(environment);
    connection.baseUrl = baseUrl;
    connection.authorizeBaseUrl = authorizeBase;
    connection.clientId = QStringLiteral("0123456789abcdef01234567-abcd1234");
    QNetworkAccessManager nam;
    SystemClock clock;
    OAuthFlow flow(nam, clock, connection, QStringLiteral("secret"));
    QVERIFY(flow.authorizeUrl().isEmpty()); // no redirect URI yet
    const QUrl redirect(QStringLiteral("http://127.0.0.1:8765/callback?keep=1"));
    flow.setRedirectUri(redirect);

    const QUrl url = flow.authorizeUrl();
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), expected);
    const QUrlQuery query(url);
    const auto value = [&](const char* key) {
        return query.queryItemValue(QLatin1StringView(key), QUrl::FullyDecoded);
    };
    QCOMPARE(value("response_type"), QStringLiteral("code"));
    QCOMPARE(value("client_id"), connection.clientId);
    QCOMPARE(value("redirect_uri"), redirect.toString());
    // ContactDesk asks for every scope its operations need.
    QCOMPARE(value("scope"),
        QStringLiteral("contacts.readonly contacts.write locations/customFields.readonly "
                       "locations/customFields.write locations/tags.readonly locations/tags.write "
                       "users.readonly calendars.readonly"));
    QCOMPARE(value("state"), flow.state());
    // Every value is escaped: the redirect URI's own query cannot leak into ours.
    QVERIFY(!query.hasQueryItem(QStringLiteral("keep")));
}

void TestOAuth::stateIsFreshAndLong()
{
    QNetworkAccessManager nam;
    SystemClock clock;
    Connection connection;
    QSet<QString> states;
    for (int i = 0; i < 50; ++i) {
        OAuthFlow flow(nam, clock, connection, {});
        const QByteArray bits = QByteArray::fromBase64(flow.state().toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY2(bits.size() >= 16, qPrintable(flow.state()));
        states.insert(flow.state());
    }
    QCOMPARE(states.size(), 50);
}

void TestOAuth::isRedirect_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("matches");

    QTest::newRow("exact") << QStringLiteral("http://127.0.0.1:1/callback") << true;
    QTest::newRow("with the answer")
        << QStringLiteral("http://127.0.0.1:1/callback?code=abc&state=xyz") << true;
    QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1:1/callback#done") << true;
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTP://127.0.0.1:1/callback") << true;
    QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:2/callback") << false;
    QTest::newRow("default port") << QStringLiteral("http://127.0.0.1/callback") << false;
    QTest::newRow("localhost") << QStringLiteral("http://localhost:1/callback") << false;
    QTest::newRow("https") << QStringLiteral("https://127.0.0.1:1/callback") << false;
    QTest::newRow("trailing slash") << QStringLiteral("http://127.0.0.1:1/callback/") << false;
    QTest::newRow("longer path") << QStringLiteral("http://127.0.0.1:1/callbacks") << false;
    QTest::newRow("sub path") << QStringLiteral("http://127.0.0.1:1/callback/x") << false;
    QTest::newRow("other host") << QStringLiteral("http://127.0.0.2:1/callback") << false;
    QTest::newRow("user info") << QStringLiteral("http://me@127.0.0.1:1/callback") << false;
    QTest::newRow("consent page") << QStringLiteral(
        "http://127.0.0.1:1/oauth/chooselocation?redirect_uri=http%3A%2F%2F"
        "127.0.0.1%3A1%2Fcallback")
                                  << false;
}

void TestOAuth::isRedirect()
{
    QFETCH(QString, url);
    QFETCH(bool, matches);
    QNetworkAccessManager nam;
    SystemClock clock;
    OAuthFlow flow(nam, clock, Connection(), {});
    QVERIFY(!flow.isRedirect(QUrl(url))); // nothing matches before a redirect URI is set
    flow.setRedirectUri(redirectUri());
    QCOMPARE(flow.isRedirect(QUrl(url)), matches);
}

void TestOAuth::signInWithoutBrowser()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const qint64 since = lastSeq(fx);

    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    const auto seen = watch(flow);
    const QUrl redirect = answerConsent(fx, flow.authorizeUrl(), QStringLiteral("allow"));
    QVERIFY(flow.isRedirect(redirect));
    QCOMPARE(QUrlQuery(redirect).queryItemValue(QStringLiteral("state")), flow.state());
    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);

    const SignInResult& result = seen->result;
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!result.tokens.accessToken.isEmpty());
    QVERIFY(!result.tokens.refreshToken.isEmpty());
    QCOMPARE(result.tokens.userType, QStringLiteral("Location"));
    QCOMPARE(result.tokens.locationId, fx.locationId());
    QCOMPARE(result.tokens.companyId, fx.data().mainLocation().companyId);
    QCOMPARE(result.tokens.userId, fx.data().userId());
    QCOMPARE(result.tokens.scopes.join(u' '),
        QStringLiteral("contacts.readonly contacts.write locations/customFields.readonly "
                       "locations/customFields.write locations/tags.readonly locations/tags.write "
                       "users.readonly calendars.readonly"));
    QCOMPARE(result.tokens.expiresAt,
        QDateTime::fromMSecsSinceEpoch(fx.clock().nowMs() + 86399LL * 1000, Qt::UTC));

    // The exchange asked for a Location token, form-encoded.
    const QJsonArray requests = requestsSince(fx, since);
    QJsonObject exchange;
    for (const QJsonValue& value : requests) {
        if (value.toObject().value(QStringLiteral("path")) == QStringLiteral("/oauth/token"))
            exchange = value.toObject();
    }
    const QString body = exchange.value(QStringLiteral("requestBody")).toString();
    QVERIFY2(body.contains(QStringLiteral("grant_type=authorization_code")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("user_type=Location")), qPrintable(body));
    QCOMPARE(exchange.value(QStringLiteral("requestHeaders"))
                 .toObject()
                 .value(QStringLiteral("content-type"))
                 .toString(),
        QStringLiteral("application/x-www-form-urlencoded"));

    // The token works for contacts on its location.
    const HttpResult contacts
        = fx.api("GET", QStringLiteral("/contacts/?locationId=%1&limit=1").arg(fx.locationId()),
            QJsonValue(QJsonValue::Undefined), {}, result.tokens.accessToken);
    QCOMPARE(contacts.status, 200);

    // A reload of the redirect does not start a second exchange or a second result.
    flow.handleRedirect(redirect);
    QTest::qWait(50);
    QCOMPARE(seen->finishCount, 1);
    QCOMPARE(tokenCalls(fx, since).size(), 1);
}

void TestOAuth::stateMismatch_data()
{
    QTest::addColumn<QString>("state"); // "-" removes it

    QTest::newRow("another attempt's state") << QStringLiteral("another-attempts-state");
    QTest::newRow("missing") << QStringLiteral("-");
    QTest::newRow("empty") << QString();
}

void TestOAuth::stateMismatch()
{
    QFETCH(QString, state);
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    const auto seen = watch(flow);
    const QUrl redirect = answerConsent(fx, flow.authorizeUrl(), QStringLiteral("allow"));
    QVERIFY(redirect.isValid());
    const qint64 since = lastSeq(fx);

    QUrlQuery query(redirect);
    query.removeAllQueryItems(QStringLiteral("state"));
    if (state != QLatin1StringView("-"))
        query.addQueryItem(QStringLiteral("state"), state);
    QUrl forged = redirect;
    forged.setQuery(query);
    flow.handleRedirect(forged);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);

    QCOMPARE(seen->result.outcome, SignInResult::Outcome::Failed);
    QVERIFY2(
        seen->result.message.contains(QStringLiteral("state")), qPrintable(seen->result.message));
    QVERIFY(seen->result.tokens.accessToken.isEmpty());
    QCOMPARE(tokenCalls(fx, since), QList<int>());
    // The attempt is over: even the genuine redirect is not exchanged any more.
    flow.handleRedirect(redirect);
    QTest::qWait(50);
    QCOMPARE(tokenCalls(fx, since), QList<int>());
    QCOMPARE(seen->finishCount, 1);
}

void TestOAuth::deny()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    const auto seen = watch(flow);
    const QUrl redirect = answerConsent(fx, flow.authorizeUrl(), QStringLiteral("deny"));
    QCOMPARE(QUrlQuery(redirect).queryItemValue(QStringLiteral("error")),
        QStringLiteral("access_denied"));
    const qint64 since = lastSeq(fx);

    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);
    QCOMPARE(seen->result.outcome, SignInResult::Outcome::Cancelled);
    QVERIFY2(seen->result.message.contains(QStringLiteral("cancelled by the user")),
        qPrintable(seen->result.message));
    QCOMPARE(tokenCalls(fx, since), QList<int>());
}

void TestOAuth::codeReuse()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    TokenSet first;
    QString code;
    CHECKED(signIn(fx, nam, &first, &code));
    QVERIFY(!code.isEmpty());

    // A second attempt replays the spent code with its own (valid) state.
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    const auto seen = watch(flow);
    QUrl replay = redirectUri();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("code"), code);
    query.addQueryItem(QStringLiteral("state"), flow.state());
    replay.setQuery(query);
    const qint64 since = lastSeq(fx);
    flow.handleRedirect(replay);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);

    QCOMPARE(seen->result.outcome, SignInResult::Outcome::Failed);
    QVERIFY2(seen->result.message.contains(QStringLiteral("invalid_grant")),
        qPrintable(seen->result.message));
    QCOMPARE(tokenCalls(fx, since), QList<int>({400}));
}

void TestOAuth::agencyTokenPicksLocation()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    flow.setRedirectUri(redirectUri());
    flow.setUserType(QStringLiteral("Company"));
    flow.setScopes({QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write"),
        QStringLiteral("oauth.readonly"), QStringLiteral("oauth.write")});
    const auto seen = watch(flow);
    const QUrl redirect = answerConsent(fx, flow.authorizeUrl(), QStringLiteral("allow"));
    const qint64 since = lastSeq(fx);
    flow.handleRedirect(redirect);
    QTRY_VERIFY_WITH_TIMEOUT(!seen->locations.isEmpty() || seen->finished, waitMs);
    QVERIFY2(!seen->finished, qPrintable(seen->result.message));

    QStringList expected;
    for (const auto& location : fx.data().locations())
        expected.append(location.id);
    QStringList listed;
    for (const InstalledLocation& location : std::as_const(seen->locations)) {
        listed.append(location.id);
        QVERIFY(!location.name.isEmpty());
    }
    QCOMPARE(listed, expected);
    QCOMPARE(statusesOf(requestsSince(fx, since), QStringLiteral("/oauth/installedLocations"),
                 QStringLiteral("GET")),
        QList<int>({200}));

    // The second sub-account, as a person would pick it.
    const QString chosen = expected.last();
    flow.chooseLocation(chosen);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);
    QVERIFY2(seen->result.ok(), qPrintable(seen->result.message));
    QCOMPARE(seen->result.tokens.userType, QStringLiteral("Location"));
    QCOMPARE(seen->result.tokens.locationId, chosen);
    QCOMPARE(seen->result.tokens.companyId, fx.data().mainLocation().companyId);
    QVERIFY(!seen->result.tokens.refreshToken.isEmpty());
    QCOMPARE(statusesOf(requestsSince(fx, since), QStringLiteral("/oauth/locationToken"),
                 QStringLiteral("POST")),
        QList<int>({200}));

    const HttpResult contacts
        = fx.api("GET", QStringLiteral("/contacts/?locationId=%1&limit=1").arg(chosen),
            QJsonValue(QJsonValue::Undefined), {}, seen->result.tokens.accessToken);
    QCOMPARE(contacts.status, 200);
}

void TestOAuth::loopbackMode()
{
    SandboxFixture fx;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    OAuthFlow flow(nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    const auto seen = watch(flow);
    QUrl opened;
    QVERIFY(flow.startLoopback([&opened](const QUrl& url) { opened = url; }));
    QVERIFY(!opened.isEmpty());
    QCOMPARE(opened, flow.authorizeUrl());
    const QUrl redirect = flow.redirectUri();
    QCOMPARE(redirect.scheme(), QStringLiteral("http"));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    QCOMPARE(QUrlQuery(opened).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
        redirect.toString());

    // The system browser's part.
    QNetworkAccessManager browser;
    browser.setProxy(QNetworkProxy::NoProxy);
    const HttpResult page = fetch(browser, "GET", opened);
    QCOMPARE(page.status, 200);
    const ConsentPage consent = readConsentPage(page.body);
    QVERIFY(consent.hasControls);
    const HttpResult decision = fetch(browser, "POST", opened.resolved(QUrl(consent.action)),
        decisionBody(consent, QStringLiteral("allow"), {}), formHeaders);
    QCOMPARE(decision.status, 302);
    const QUrl location = QUrl::fromEncoded(decision.header("location"), QUrl::StrictMode);
    QVERIFY(flow.isRedirect(location));
    const HttpResult landed = fetch(browser, "GET", location);
    QCOMPARE(landed.status, 200);
    QVERIFY2(landed.body.contains("close this tab"), landed.body.constData());

    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);
    QVERIFY2(seen->result.ok(), qPrintable(seen->result.message));
    QCOMPARE(seen->result.tokens.locationId, fx.locationId());

    // The listener is gone once the answer arrived.
    const HttpResult again = fetch(browser, "GET", location);
    QCOMPARE(again.status, 0);
    QCOMPARE(seen->finishCount, 1);
}

void TestOAuth::refreshRotation()
{
    SandboxFixture fx;
    Session session(fx);
    TokenSet signedIn;
    CHECKED(signInProvider(fx, session, &signedIn));
    QCOMPARE(session.secrets.value(SecretKind::RefreshToken), signedIn.refreshToken);
    QCOMPARE(session.secrets.value(SecretKind::AccessToken), signedIn.accessToken);
    QCOMPARE(session.tokens.grantedScopes(), signedIn.scopes);

    const qint64 since = lastSeq(fx);
    fx.clock().advance(86399LL * 1000 - 60 * 1000); // one minute left
    const QString renewed = currentToken(session.tokens);
    QVERIFY(!renewed.isEmpty());
    QVERIFY(renewed != signedIn.accessToken);
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));

    // The store holds the rotated refresh token, not the one it was given.
    const QString rotated = session.secrets.value(SecretKind::RefreshToken);
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != signedIn.refreshToken);
    QCOMPARE(session.secrets.value(SecretKind::AccessToken), renewed);
    QCOMPARE(session.tokens.connection().accessTokenExpiresAt,
        QDateTime::fromMSecsSinceEpoch(fx.clock().nowMs() + 86399LL * 1000, Qt::UTC));

    // The old refresh token is spent.
    const auto refreshWith = [&fx](const QString& refreshToken) {
        return fx.raw("POST", QStringLiteral("/oauth/token"),
            OAuthWire::formEncode({{QStringLiteral("client_id"), fx.data().oauthApp().clientId},
                {QStringLiteral("client_secret"), fx.data().oauthApp().clientSecret},
                {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("refresh_token"), refreshToken},
                {QStringLiteral("user_type"), QStringLiteral("Location")}}),
            formHeaders);
    };
    const HttpResult old = refreshWith(signedIn.refreshToken);
    QCOMPARE(old.status, 400);
    QCOMPARE(
        old.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

    // A provider started later from the same store carries on with the rotated pair.
    OAuthTokenProvider restarted(
        session.nam, session.secrets, fx.clock(), session.tokens.connection());
    QCOMPARE(currentToken(restarted), renewed);
    fx.clock().advance(86399LL * 1000);
    const QString third = currentToken(restarted);
    QVERIFY(!third.isEmpty());
    QVERIFY(third != renewed);
}

void TestOAuth::refreshFiveMinutesEarly()
{
    SandboxFixture fx;
    fx.control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("accessTokenLifetimeS"), 3600}});
    Session session(fx);
    TokenSet signedIn;
    CHECKED(signInProvider(fx, session, &signedIn));
    const qint64 since = lastSeq(fx);

    fx.clock().advance(hourMs - 5 * 60 * 1000 - 1000); // 5 min 1 s left
    QCOMPARE(currentToken(session.tokens), signedIn.accessToken);
    QCOMPARE(tokenCalls(fx, since), QList<int>());

    fx.clock().advance(2000); // 4 min 59 s left
    const QString renewed = currentToken(session.tokens);
    QVERIFY(!renewed.isEmpty());
    QVERIFY(renewed != signedIn.accessToken);
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));
    QCOMPARE(currentToken(session.tokens), renewed);
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));
}

void TestOAuth::concurrentExpiryRefreshesOnce()
{
    SandboxFixture fx(5);
    fx.control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("accessTokenLifetimeS"), 3600}});
    Session session(fx);
    CHECKED(signInProvider(fx, session));
    fx.clock().advance(2 * hourMs); // expired here and on the server
    const qint64 since = lastSeq(fx);

    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 20; ++i)
        outcomes.append(session.listContacts(fx.locationId()));
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(outcomes), waitMs);

    QCOMPARE(errorKinds(outcomes), QStringList(20, ApiError::kindName(ApiError::Kind::None)));
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));
    QCOMPARE(
        statusesOf(requestsSince(fx, since), QStringLiteral("/contacts/"), QStringLiteral("GET")),
        QList<int>(20, 200));
}

void TestOAuth::concurrentRejectionRefreshesOnce()
{
    SandboxFixture fx(5);
    Session session(fx);
    CHECKED(signInProvider(fx, session));
    // The server forgets the token while the client still thinks it good: every request gets
    // a 401 and reports the same rejected token.
    QCOMPARE(fx.control("POST", QStringLiteral("/__sandbox/faults"),
                   QJsonObject {{QStringLiteral("kind"), QStringLiteral("expire-tokens")},
                       {QStringLiteral("path"), QStringLiteral("/contacts*")},
                       {QStringLiteral("count"), 1}})
                 .status,
        201);
    const qint64 since = lastSeq(fx);

    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 20; ++i)
        outcomes.append(session.listContacts(fx.locationId()));
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(outcomes), waitMs);

    QCOMPARE(errorKinds(outcomes), QStringList(20, ApiError::kindName(ApiError::Kind::None)));
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));
    const QList<int> contacts
        = statusesOf(requestsSince(fx, since), QStringLiteral("/contacts/"), QStringLiteral("GET"));
    QCOMPARE(contacts.count(401), 20);
    QCOMPARE(contacts.count(200), 20);
}

void TestOAuth::revokedRefreshTokenNeedsSignIn()
{
    SandboxFixture fx(5);
    fx.control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("accessTokenLifetimeS"), 3600}});
    Session session(fx);
    CHECKED(signInProvider(fx, session));
    QList<OAuthTokenProvider::State> states;
    connect(&session.tokens, &OAuthTokenProvider::stateChanged, this,
        [&states](OAuthTokenProvider::State state) { states.append(state); });
    QList<Connection> changes;
    connect(&session.tokens, &OAuthTokenProvider::connectionChanged, this,
        [&changes](const Connection& connection) { changes.append(connection); });

    fx.clock().advance(2 * hourMs);
    QCOMPARE(fx.control("POST", QStringLiteral("/__sandbox/faults"),
                   QJsonObject {{QStringLiteral("kind"), QStringLiteral("revoke-refresh-tokens")},
                       {QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("path"), QStringLiteral("/oauth/token")},
                       {QStringLiteral("count"), 1}})
                 .status,
        201);
    const qint64 since = lastSeq(fx);

    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 5; ++i)
        outcomes.append(session.listContacts(fx.locationId()));
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(outcomes), waitMs);

    QCOMPARE(
        errorKinds(outcomes), QStringList(5, ApiError::kindName(ApiError::Kind::Unauthorized)));
    QVERIFY2(outcomes.first()->error.messages().join(u' ').contains(
                 QStringLiteral("sign in"), Qt::CaseInsensitive),
        qPrintable(outcomes.first()->error.messages().join(u' ')));
    QCOMPARE(session.needsSignIn, QStringList({kConnectionId}));
    QCOMPARE(session.tokens.state(), OAuthTokenProvider::State::NeedsSignIn);
    QCOMPARE(states.last(), OAuthTokenProvider::State::NeedsSignIn);
    QVERIFY(!changes.isEmpty());
    QCOMPARE(changes.last().state, ConnectionState::NeedsSignIn);
    QCOMPARE(tokenCalls(fx, since), QList<int>({400}));
    // No request left with a dead token.
    QCOMPARE(
        statusesOf(requestsSince(fx, since), QStringLiteral("/contacts/"), QStringLiteral("GET")),
        QList<int>());

    // Further work fails fast without hammering the token endpoint.
    const auto later = session.listContacts(fx.locationId());
    QTRY_VERIFY_WITH_TIMEOUT(later->finished, waitMs);
    QCOMPARE(later->error.kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(tokenCalls(fx, since), QList<int>({400}));
    QCOMPARE(session.needsSignIn.size(), 1);

    // Signing in again resumes: the caller's failed work goes through when sent again.
    TokenSet again;
    CHECKED(signIn(fx, session.nam, &again));
    bool done = false;
    QString error;
    session.tokens.signIn(again, [&](const QString& problem) {
        done = true;
        error = problem;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, waitMs);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(session.tokens.state(), OAuthTokenProvider::State::Ready);
    QCOMPARE(session.tokens.connection().state, ConnectionState::Ready);
    QCOMPARE(session.secrets.value(SecretKind::RefreshToken), again.refreshToken);

    QList<std::shared_ptr<Outcome>> resent;
    for (int i = 0; i < 5; ++i)
        resent.append(session.listContacts(fx.locationId()));
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(resent), waitMs);
    QCOMPARE(errorKinds(resent), QStringList(5, ApiError::kindName(ApiError::Kind::None)));
}

void TestOAuth::refreshTokenStoredBeforeUse()
{
    SandboxFixture fx;
    Session session(fx);
    TokenSet signedIn;
    CHECKED(signInProvider(fx, session, &signedIn));
    QCOMPARE(session.secrets.events,
        QStringList({QStringLiteral("stored clientSecret"), QStringLiteral("stored refreshToken"),
            QStringLiteral("stored accessToken")}));

    // The keychain refuses the rotated refresh token once: nobody gets the new access token.
    session.secrets.events.clear();
    session.secrets.failRefreshWrites = 1;
    fx.clock().advance(86399LL * 1000);
    const qint64 since = lastSeq(fx);
    QString error;
    const QString refused = currentToken(session.tokens, &error);
    QVERIFY(refused.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("keychain")), qPrintable(error));
    QCOMPARE(session.secrets.events, QStringList({QStringLiteral("refused refreshToken")}));
    QCOMPARE(session.secrets.value(SecretKind::RefreshToken), signedIn.refreshToken);

    // The next caller retries the write (the old refresh token is spent, so no second
    // refresh), and only then gets the token.
    session.secrets.events.clear();
    session.tokens.withToken([&session](const QString& token, const QString&) {
        session.secrets.events.append(
            token.isEmpty() ? QStringLiteral("no token") : QStringLiteral("handed out"));
    });
    QTRY_COMPARE_WITH_TIMEOUT(session.secrets.events.size(), 3, waitMs);
    QCOMPARE(session.secrets.events,
        QStringList({QStringLiteral("stored refreshToken"), QStringLiteral("stored accessToken"),
            QStringLiteral("handed out")}));
    QCOMPARE(tokenCalls(fx, since), QList<int>({200}));
    const QString rotated = session.secrets.value(SecretKind::RefreshToken);
    QVERIFY(rotated != signedIn.refreshToken);
    const QString token = currentToken(session.tokens);
    QCOMPARE(session.secrets.value(SecretKind::AccessToken), token);
}

void TestOAuth::wrongClientSecretKeepsSignIn()
{
    SandboxFixture fx;
    Session session(fx);
    TokenSet signedIn;
    CHECKED(signInProvider(fx, session, &signedIn));
    session.tokens.setClientSecret(QStringLiteral("not-the-secret"));
    fx.clock().advance(86399LL * 1000);
    const qint64 since = lastSeq(fx);

    QString error;
    QVERIFY(currentToken(session.tokens, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("client secret")), qPrintable(error));
    QCOMPARE(session.tokens.state(), OAuthTokenProvider::State::Ready);
    QCOMPARE(session.needsSignIn, QStringList());
    QCOMPARE(tokenCalls(fx, since), QList<int>({401}));

    // With the right secret the same refresh token still works: it was not spent.
    session.tokens.setClientSecret(fx.data().oauthApp().clientSecret);
    const QString token = currentToken(session.tokens, &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QCOMPARE(tokenCalls(fx, since), QList<int>({401, 200}));
}

void TestOAuth::noSecretInLogsOrExchanges()
{
    QStringList messages;
    g_messages = &messages;
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(
        QStringLiteral("contactdesk.*=true\nqt.networkauth.*=true\nqt.network.*=true"));
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        g_messages = nullptr;
    });

    SandboxFixture fx(3);
    QStringList secrets {fx.data().oauthApp().clientSecret};
    Session session(fx);

    // Sign in through the loopback listener, which logs the most.
    OAuthFlow flow(
        session.nam, fx.clock(), sandboxConnection(fx), fx.data().oauthApp().clientSecret);
    const auto seen = watch(flow);
    QUrl opened;
    QVERIFY(flow.startLoopback([&opened](const QUrl& url) { opened = url; }));
    QNetworkAccessManager browser;
    browser.setProxy(QNetworkProxy::NoProxy);
    const ConsentPage consent = readConsentPage(fetch(browser, "GET", opened).body);
    const HttpResult decision = fetch(browser, "POST", opened.resolved(QUrl(consent.action)),
        decisionBody(consent, QStringLiteral("allow"), {}), formHeaders);
    const QUrl location = QUrl::fromEncoded(decision.header("location"), QUrl::StrictMode);
    secrets.append(QUrlQuery(location).queryItemValue(QStringLiteral("code")));
    secrets.append(flow.state());
    fetch(browser, "GET", location);
    QTRY_VERIFY_WITH_TIMEOUT(seen->finished, waitMs);
    QVERIFY2(seen->result.ok(), qPrintable(seen->result.message));
    secrets.append(seen->result.tokens.accessToken);
    secrets.append(seen->result.tokens.refreshToken);

    session.secrets.write(kConnectionId, SecretKind::ClientSecret,
        fx.data().oauthApp().clientSecret, [](const QString&) {});
    bool done = false;
    session.tokens.signIn(seen->result.tokens, [&done](const QString&) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, waitMs);

    // Requests, a 401 with a refresh, and a proactive refresh.
    auto first = session.listContacts(fx.locationId());
    QTRY_VERIFY_WITH_TIMEOUT(first->finished, waitMs);
    fx.control("POST", QStringLiteral("/__sandbox/faults"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("expire-tokens")},
            {QStringLiteral("path"), QStringLiteral("/contacts*")}, {QStringLiteral("count"), 1}});
    auto second = session.listContacts(fx.locationId());
    QTRY_VERIFY_WITH_TIMEOUT(second->finished, waitMs);
    secrets.append(session.secrets.value(SecretKind::AccessToken));
    secrets.append(session.secrets.value(SecretKind::RefreshToken));
    fx.clock().advance(86399LL * 1000);
    auto third = session.listContacts(fx.locationId());
    QTRY_VERIFY_WITH_TIMEOUT(third->finished, waitMs);
    secrets.append(session.secrets.value(SecretKind::AccessToken));
    secrets.append(session.secrets.value(SecretKind::RefreshToken));
    QCOMPARE(errorKinds({first, second, third}),
        QStringList(3, ApiError::kindName(ApiError::Kind::None)));

    secrets.removeAll(QString());
    secrets.removeDuplicates();
    QCOMPARE(secrets.size(), 9);
    // The handler saw the auth module's lines, so an empty scan would mean something.
    QVERIFY(std::any_of(messages.begin(), messages.end(),
        [](const QString& m) { return m.startsWith(QStringLiteral("contactdesk.auth")); }));
    for (const QString& message : std::as_const(messages)) {
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!message.contains(secret), qPrintable(message));
    }
    QCOMPARE(session.exchanges.size(), 4); // 200, 401, 200 after the refresh, 200
    for (const ApiExchange& exchange : std::as_const(session.exchanges)) {
        QStringList parts {exchange.url.toString(QUrl::FullyEncoded),
            QString::fromUtf8(exchange.requestBody), QString::fromUtf8(exchange.responseBody)};
        for (const auto& [name, value] : exchange.requestHeaders)
            parts.append(QString::fromUtf8(value));
        for (const auto& [name, value] : exchange.responseHeaders)
            parts.append(QString::fromUtf8(value));
        for (const QString& part : std::as_const(parts)) {
            for (const QString& secret : std::as_const(secrets))
                QVERIFY2(!part.contains(secret), qPrintable(part));
        }
    }
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
