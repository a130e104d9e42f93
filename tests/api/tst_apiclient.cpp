// The API client's transport against the sandbox on 127.0.0.1: success paths, each fault kind
// of the sandbox's fault API, writes that must never happen twice, 401 handling, local scope
// refusal, cancellation, redaction, and the rate budget end to end (real time for the 500
// request run, the sandbox's fake clock for everything that waits for a window or a day).
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "common/version.h"
#include "sandboxfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>

#include <algorithm>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Testing;

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;

#define COMPARE_KIND(actual, expected)                                                             \
    QCOMPARE(ApiError::kindName(actual), ApiError::kindName(expected))

// What a job reported; the job deletes itself once finished.
struct Outcome
{
    bool finished = false;
    ApiError error;
    QJsonObject result;
    int attempts = 0;
    int httpStatus = 0;
    QList<qint64> retryDelays;
    QList<ApiError::Kind> retryReasons;
};

QStringList kindNames(const QList<ApiError::Kind>& kinds)
{
    QStringList names;
    for (ApiError::Kind kind : kinds)
        names.append(ApiError::kindName(kind));
    return names;
}

QStringList repeated(int count, ApiError::Kind kind)
{
    return QStringList(count, ApiError::kindName(kind));
}

std::shared_ptr<Outcome> track(ApiJob* job, QObject* context)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &ApiJob::retryScheduled, context,
        [outcome](int, qint64 delayMs, const ApiError& reason) {
            outcome->retryDelays.append(delayMs);
            outcome->retryReasons.append(reason.kind());
        });
    job->onFinished(context, [outcome](const ApiJob& done) {
        outcome->finished = true;
        outcome->error = done.error();
        outcome->result = done.result();
        outcome->attempts = done.attempts();
        outcome->httpStatus = done.httpStatus();
    });
    return outcome;
}

RetryPolicy quickRetries(qint64 transferTimeoutMs = 5000)
{
    RetryPolicy policy;
    policy.backoffMs = {10, 20, 40};
    policy.transferTimeoutMs = transferTimeoutMs;
    return policy;
}

ApiConfig configFor(const QUrl& baseUrl, const QString& locationId, const RetryPolicy& retry)
{
    ApiConfig config;
    config.baseUrl = baseUrl;
    config.locationId = locationId;
    config.retry = retry;
    return config;
}

// A client with its own network manager and rate budget.
class Client
{
public:
    Client(const Clock& clock, TokenProvider& tokens, const QUrl& baseUrl,
        const QString& locationId, const RetryPolicy& retry)
        : budget(clock)
        , api(nam, tokens, budget, clock, configFor(baseUrl, locationId, retry))
    {
        // An http_proxy in the environment must not send loopback test traffic elsewhere.
        nam.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&api, &ApiClient::exchanged, &api,
            [this](const ApiExchange& exchange) { exchanges.append(exchange); });
    }

    QNetworkAccessManager nam;
    RateBudget budget;
    ApiClient api;
    QList<ApiExchange> exchanges;
};

// A token provider the test scripts: `current` is what withToken answers; a 401 on `current`
// replaces it with `fresh()` (once per rejected token, as a single-flight refresh would).
class ScriptedTokens final : public TokenProvider
{
public:
    void withToken(Callback done) override
    {
        ++asked;
        if (current.isEmpty())
            done({}, QStringLiteral("no token"));
        else
            done(current, {});
    }
    void tokenRejected(const QString& token, Callback done) override
    {
        rejected.append(token);
        if (!fresh) {
            done({}, QStringLiteral("cannot refresh"));
            return;
        }
        if (token == current) {
            ++refreshes;
            current = fresh();
        }
        done(current, {});
    }

    QString current;
    std::function<QString()> fresh;
    int asked = 0;
    int refreshes = 0;
    QStringList rejected;
};

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>>& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray serialise(const ApiExchange& e)
{
    QByteArray text = e.operationId.toUtf8() + ' ' + e.method + ' ' + e.url.toEncoded() + ' '
        + e.url.toString().toUtf8() + ' ' + e.transportError.toUtf8() + ' '
        + QByteArray::number(e.status) + '\n';
    for (const auto& [name, value] : e.requestHeaders)
        text += name + ": " + value + '\n';
    text += e.requestBody + '\n';
    for (const auto& [name, value] : e.responseHeaders)
        text += name + ": " + value + '\n';
    return text + e.responseBody + '\n';
}

struct LogLine
{
    QtMsgType type;
    QByteArray category;
    QString message;
};
QList<LogLine>* capturedLog = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (capturedLog)
        capturedLog->append({type, QByteArray(context.category ? context.category : ""), message});
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void successPaths_data();
    void successPaths();
    void userAgentNamesTheVersion();
    void requestErrorsFinishWithoutSending_data();
    void requestErrorsFinishWithoutSending();
    void transientStatusRetried_data();
    void transientStatusRetried();
    void rateLimitedWaitsThenRetries_data();
    void rateLimitedWaitsThenRetries();
    void rateLimitRetriesAreBounded();
    void timeouts_data();
    void timeouts();
    void droppedConnectionOnGet();
    void malformedJson_data();
    void malformedJson();
    void htmlErrorPage();
    void clientErrorsNeverRetried_data();
    void clientErrorsNeverRetried();
    void dropAfterCommitOnCreateIsOutcomeUnknown();
    void dropBeforeCreateIsOutcomeUnknown();
    void refusedConnectionOnCreateIsRetried();
    void gatewayErrorsOnCreate_data();
    void gatewayErrorsOnCreate();
    void timeoutOnCreateIsOutcomeUnknown();
    void unauthorizedRefreshesOnceAndResends();
    void unauthorizedNeverLoops();
    void unauthorizedWithoutRefresh();
    void concurrentUnauthorized();
    void scopeRefusedLocally();
    void cancelBeforeStart();
    void cancelQueued();
    void cancelInFlight();
    void redaction();
    void dailyLimitStopsTheLocation();
    void backgroundAfterForeground();
    void fiveHundredThroughTheLimiter();

private:
    std::unique_ptr<Client> makeClient(
        TokenProvider* tokens = nullptr, const RetryPolicy& retry = quickRetries())
    {
        return std::make_unique<Client>(
            m_fx->clock(), tokens ? *tokens : *m_pit, m_fx->baseUrl(), m_fx->locationId(), retry);
    }
    // Calls and waits for the job to finish.
    std::shared_ptr<Outcome> run(
        Client& client, const QString& operationId, RequestSpec spec, int timeoutMs = 15000)
    {
        auto outcome = track(client.api.call(operationId, std::move(spec)), this);
        (void)QTest::qWaitFor([&] { return outcome->finished; }, timeoutMs);
        return outcome;
    }
    QString contactId(int index = 0) const
    {
        QStringList ids = m_fx->data().contacts().keys();
        ids.sort();
        return ids.value(index);
    }
    RequestSpec getContact(int index = 0) const
    {
        RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), contactId(index));
        return spec;
    }
    RequestSpec createContact(const QString& email) const
    {
        RequestSpec spec;
        spec.body = QJsonObject {{QStringLiteral("locationId"), m_fx->locationId()},
            {QStringLiteral("firstName"), QStringLiteral("Client")},
            {QStringLiteral("lastName"), QStringLiteral("Test")}, {QStringLiteral("email"), email}};
        return spec;
    }
    int contactCount() const
    {
        return int(m_fx->data().contacts().size() - m_fx->data().deletedContacts().size());
    }
    void addFault(const QJsonObject& rule)
    {
        const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule);
        QCOMPARE(r.status, 201);
    }
    void putSettings(const QJsonObject& settings)
    {
        const HttpResult r = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"), settings);
        QCOMPARE(r.status, 200);
    }
    qint64 lastSeq()
    {
        return qint64(m_fx->control("GET", QStringLiteral("/__sandbox/requests"))
                          .object()
                          .value(QStringLiteral("lastSeq"))
                          .toDouble());
    }
    // API requests the sandbox logged after `since` (control calls left out).
    QList<QJsonObject> apiRequests(qint64 since = 0)
    {
        QList<QJsonObject> result;
        const QJsonArray all
            = m_fx->control("GET", QStringLiteral("/__sandbox/requests?since=%1").arg(since))
                  .object()
                  .value(QStringLiteral("requests"))
                  .toArray();
        for (const QJsonValue& entry : all) {
            if (entry[QStringLiteral("operationId")].toString() != QStringLiteral("control"))
                result.append(entry.toObject());
        }
        return result;
    }
    QString mintToken(qint64 expiresInS, const QStringList& scopes = {})
    {
        QJsonObject body {{QStringLiteral("expiresInS"), expiresInS}};
        if (!scopes.isEmpty())
            body.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(scopes));
        const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"), body);
        return r.object().value(QStringLiteral("access_token")).toString();
    }
    // A token the sandbox already considers expired.
    QString expiredToken()
    {
        const QString token = mintToken(60);
        m_fx->clock().advance(61 * 1000);
        return token;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<StaticTokenProvider> m_pit;
};

void TestApiClient::init()
{
    m_fx = std::make_unique<SandboxFixture>(5);
    m_pit = std::make_unique<StaticTokenProvider>(m_fx->pit());
    // The sandbox's clock stands still unless a test moves it: a roomy window keeps its burst
    // limit out of the way of tests about something else.
    putSettings({{QStringLiteral("rateLimit"),
        QJsonObject {{QStringLiteral("count"), 1000}, {QStringLiteral("windowMs"), 1000}}}});
}

void TestApiClient::cleanup()
{
    m_pit.reset();
    m_fx.reset();
}

void TestApiClient::successPaths_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<bool>("onContact");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("key");

    QTest::newRow("get-contact") << QStringLiteral("get-contact") << true << QByteArray()
                                 << QByteArray("GET") << 200 << QStringLiteral("contact");
    QTest::newRow("create-contact")
        << QStringLiteral("create-contact") << false
        << QByteArray(R"({"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"})")
        << QByteArray("POST") << 201 << QStringLiteral("contact");
    QTest::newRow("remove-tags (DELETE with a body)")
        << QStringLiteral("remove-tags") << true << QByteArray(R"({"tags":["vip"]})")
        << QByteArray("DELETE") << 200 << QStringLiteral("tags");
    QTest::newRow("add-tags") << QStringLiteral("add-tags") << true
                              << QByteArray(R"({"tags":["from-client"]})") << QByteArray("POST")
                              << 201 << QStringLiteral("tags");
    QTest::newRow("get-contacts (query)") << QStringLiteral("get-contacts") << false << QByteArray()
                                          << QByteArray("GET") << 200 << QStringLiteral("contacts");
}

void TestApiClient::successPaths()
{
    QFETCH(QString, operationId);
    QFETCH(bool, onContact);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QString, key);

    if (operationId == QStringLiteral("remove-tags")) {
        const HttpResult added
            = m_fx->api("POST", QStringLiteral("/contacts/%1/tags").arg(contactId()),
                QJsonObject {{QStringLiteral("tags"), QJsonArray {QStringLiteral("vip")}}});
        QCOMPARE(added.status, 201);
    }
    auto client = makeClient();
    RequestSpec spec;
    if (onContact)
        spec.path.insert(QStringLiteral("contactId"), contactId());
    if (operationId == QStringLiteral("get-contacts"))
        spec.query = {{QStringLiteral("locationId"), m_fx->locationId()},
            {QStringLiteral("limit"), QStringLiteral("3")}};
    QJsonObject sent;
    if (!body.isEmpty()) {
        sent = QJsonDocument::fromJson(body).object();
        if (operationId == QStringLiteral("create-contact"))
            sent.insert(QStringLiteral("locationId"), m_fx->locationId());
        spec.body = sent;
    }
    const qint64 since = lastSeq();
    const int before = contactCount();

    auto outcome = run(*client, operationId, spec);
    QVERIFY(outcome->finished);
    QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
    QCOMPARE(outcome->httpStatus, status);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->retryDelays.isEmpty());
    QVERIFY(outcome->result.contains(key));
    SpecValidator validator;
    if (validator.available()) {
        const QString problem = validator.validate(operationId, status, outcome->result);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    if (operationId == QStringLiteral("get-contact"))
        QCOMPARE(outcome->result[key][QStringLiteral("id")].toString(), contactId());
    if (operationId == QStringLiteral("create-contact")) {
        QCOMPARE(outcome->result[key][QStringLiteral("email")].toString(),
            QStringLiteral("ada@example.com"));
        QCOMPARE(contactCount(), before + 1);
    }
    if (operationId == QStringLiteral("remove-tags"))
        QVERIFY(!outcome->result[key].toArray().contains(QStringLiteral("vip")));
    if (operationId == QStringLiteral("add-tags"))
        QVERIFY(outcome->result[key].toArray().contains(QStringLiteral("from-client")));
    if (operationId == QStringLiteral("get-contacts"))
        QCOMPARE(outcome->result[key].toArray().size(), 3);

    const QList<QJsonObject> logged = apiRequests(since);
    QCOMPARE(logged.size(), 1);
    const QJsonObject entry = logged.first();
    QCOMPARE(entry[QStringLiteral("operationId")].toString(), operationId);
    QCOMPARE(entry[QStringLiteral("method")].toString().toLatin1(), method);
    QCOMPARE(entry[QStringLiteral("status")].toInt(), status);
    const QJsonObject headers = entry[QStringLiteral("requestHeaders")].toObject();
    QCOMPARE(headers[QStringLiteral("version")].toString(), QStringLiteral("2021-07-28"));
    QCOMPARE(headers[QStringLiteral("accept")].toString(), QStringLiteral("application/json"));
    QCOMPARE(
        headers[QStringLiteral("authorization")].toString(), QStringLiteral("Bearer [redacted]"));
    if (sent.isEmpty()) {
        QVERIFY2(!headers.contains(QStringLiteral("content-type")),
            qPrintable(headers[QStringLiteral("content-type")].toString()));
        QVERIFY(entry[QStringLiteral("requestBody")].toString().isEmpty());
    } else {
        QCOMPARE(
            headers[QStringLiteral("content-type")].toString(), QStringLiteral("application/json"));
        QCOMPARE(QJsonDocument::fromJson(entry[QStringLiteral("requestBody")].toString().toUtf8())
                     .object(),
            sent);
    }
    if (operationId == QStringLiteral("get-contacts"))
        QCOMPARE(entry[QStringLiteral("query")].toString(),
            QStringLiteral("locationId=%1&limit=3").arg(m_fx->locationId()));

    QCOMPARE(client->exchanges.size(), 1);
    const ApiExchange& exchange = client->exchanges.first();
    QCOMPARE(exchange.operationId, operationId);
    QCOMPARE(exchange.method, method);
    QCOMPARE(exchange.status, status);
    QCOMPARE(exchange.attempt, 1);
    QVERIFY(exchange.transportError.isEmpty());
    QCOMPARE(headerValue(exchange.requestHeaders, "Authorization"),
        QByteArrayLiteral("Bearer [redacted]"));
    QVERIFY(!headerValue(exchange.responseHeaders, "X-RateLimit-Max").isEmpty());
    QVERIFY(!exchange.responseBody.isEmpty());
}

// The server (here the sandbox's request log) sees which ContactDesk called, on every request.
void TestApiClient::userAgentNamesTheVersion()
{
    auto client = makeClient();
    QVERIFY(run(*client, QStringLiteral("get-contact"), getContact())->error.isError() == false);
    const QList<Sandbox::LoggedExchange> logged = m_fx->server().requestLog().since(0);
    QVERIFY(!logged.isEmpty());
    const QByteArray expected = "ContactDesk/" + ContactDesk::version().toUtf8() + " (+"
        + ContactDesk::homepageUrl().toUtf8() + ")";
    QVERIFY(!ContactDesk::version().isEmpty());
    int seen = 0;
    for (const Sandbox::LoggedExchange& exchange : logged) {
        // The fixture's own set-up calls go through the test's network manager.
        if (exchange.operationId != QLatin1StringView("get-contact"))
            continue;
        ++seen;
        QByteArray agent;
        for (const auto& [name, value] : exchange.requestHeaders) {
            if (name.toLower() == "user-agent")
                agent = value;
        }
        QCOMPARE(agent, expected);
    }
    QCOMPARE(seen, 1);
}

void TestApiClient::requestErrorsFinishWithoutSending_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<bool>("withPath");
    QTest::newRow("unknown operation") << QStringLiteral("no-such-operation") << true;
    QTest::newRow("missing path parameter") << QStringLiteral("get-contact") << false;
}

void TestApiClient::requestErrorsFinishWithoutSending()
{
    QFETCH(QString, operationId);
    QFETCH(bool, withPath);
    auto client = makeClient();
    const qint64 since = lastSeq();
    auto outcome = run(*client, operationId, withPath ? getContact() : RequestSpec());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::BadRequest);
    QCOMPARE(outcome->attempts, 0);
    QVERIFY(apiRequests(since).isEmpty());
}

void TestApiClient::transientStatusRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("faultCount");
    QTest::addColumn<bool>("recovers");

    for (int status : {502, 503, 504}) {
        QTest::addRow("%d twice, then success", status) << status << 2 << true;
        QTest::addRow("%d until retries run out", status) << status << -1 << false;
    }
}

void TestApiClient::transientStatusRetried()
{
    QFETCH(int, status);
    QFETCH(int, faultCount);
    QFETCH(bool, recovers);

    QJsonObject rule {{QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("path"), QStringLiteral("/contacts/%1").arg(contactId())},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), status}};
    if (faultCount > 0)
        rule.insert(QStringLiteral("count"), faultCount);
    addFault(rule);
    auto client = makeClient();
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);

    const int retries = recovers ? faultCount : 3;
    QCOMPARE(outcome->attempts, retries + 1);
    QCOMPARE(outcome->retryDelays.size(), retries);
    const QList<qint64> base {10, 20, 40};
    for (int i = 0; i < retries; ++i) {
        COMPARE_KIND(outcome->retryReasons.at(i), ApiError::Kind::Server);
        // Back-off from the table, jitter +/- 20 %.
        QVERIFY2(outcome->retryDelays.at(i) >= base.at(i) * 8 / 10
                && outcome->retryDelays.at(i) <= base.at(i) * 12 / 10,
            qPrintable(QString::number(outcome->retryDelays.at(i))));
    }
    if (recovers) {
        QVERIFY(!outcome->error.isError());
        QCOMPARE(outcome->httpStatus, 200);
        QVERIFY(outcome->result.contains(QStringLiteral("contact")));
    } else {
        COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Server);
        QCOMPARE(outcome->error.httpStatus(), status);
        QVERIFY(outcome->result.isEmpty());
        QVERIFY(!outcome->error.userText().isEmpty());
    }
    const QList<QJsonObject> logged = apiRequests(since);
    QCOMPARE(logged.size(), retries + 1);
    QCOMPARE(client->exchanges.size(), retries + 1);
    for (int i = 0; i < client->exchanges.size(); ++i)
        QCOMPARE(client->exchanges.at(i).attempt, i + 1);
}

void TestApiClient::rateLimitedWaitsThenRetries_data()
{
    QTest::addColumn<bool>("sandboxLimiter");
    QTest::addColumn<bool>("dailyLimitOff");
    QTest::addColumn<qint64>("expectedPauseMs");
    // A status fault answers 429 with the rate headers but no Retry-After: wait one window
    // (the sandbox reports 5 s here).
    QTest::newRow("429 without Retry-After") << false << false << qint64(5000);
    // The sandbox's own limiter (2 per 3 s, spent by another client of the same token, 1.5 s
    // into the window) sends Retry-After: 2 and X-RateLimit-Remaining: 0.
    QTest::newRow("429 with Retry-After") << true << false << qint64(2000);
    // No daily quota reports X-RateLimit-Limit-Daily: 0 and X-RateLimit-Daily-Remaining: 0;
    // a burst refusal then is still only a burst refusal.
    QTest::newRow("429 with Retry-After, daily limit off") << true << true << qint64(2000);
}

void TestApiClient::rateLimitedWaitsThenRetries()
{
    QFETCH(bool, sandboxLimiter);
    QFETCH(bool, dailyLimitOff);
    QFETCH(qint64, expectedPauseMs);

    FakeClock& clock = m_fx->clock();
    if (dailyLimitOff)
        putSettings({{QStringLiteral("dailyLimit"), 0}});
    if (sandboxLimiter) {
        putSettings({{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 2}, {QStringLiteral("windowMs"), 3000}}}});
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_fx->api("GET", QStringLiteral("/contacts/%1").arg(contactId())).status, 200);
        clock.advance(1500);
    } else {
        putSettings({{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 1000}, {QStringLiteral("windowMs"), 5000}}}});
        addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
            {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 429},
            {QStringLiteral("count"), 1}});
    }
    auto client = makeClient();
    const qint64 since = lastSeq();
    qint64 pauseMs = -1;
    ApiJob* job = client->api.call(QStringLiteral("get-contact"), getContact());
    int retries = 0;
    connect(job, &ApiJob::retryScheduled, this, [&](int retry) {
        retries = retry;
        pauseMs = client->budget.state(m_fx->locationId()).pausedUntilMs - clock.nowMs();
    });
    auto outcome = track(job, this);
    QTRY_VERIFY_WITH_TIMEOUT(!outcome->retryDelays.isEmpty(), 10000);
    QCOMPARE(retries, 1);
    COMPARE_KIND(outcome->retryReasons.first(), ApiError::Kind::RateLimited);
    QVERIFY2(pauseMs >= expectedPauseMs, qPrintable(QString::number(pauseMs)));
    QVERIFY2(pauseMs <= expectedPauseMs + 3000, qPrintable(QString::number(pauseMs)));
    // The signal tells how long the wait is.
    QVERIFY2(outcome->retryDelays.first() >= expectedPauseMs,
        qPrintable(QString::number(outcome->retryDelays.first())));

    // Nothing goes out while the budget waits (its clock is the sandbox's; it does not move).
    QTest::qWait(200);
    QVERIFY(!outcome->finished);
    QCOMPARE(client->budget.state(m_fx->locationId()).queued, 1);
    QCOMPARE(apiRequests(since).size(), 1);

    clock.advance(pauseMs);
    client->budget.pump();
    QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, 10000);
    QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
    QCOMPARE(outcome->attempts, 2);
    QVERIFY(!client->budget.state(m_fx->locationId()).dailyExhausted);
    const QList<QJsonObject> logged = apiRequests(since);
    QCOMPARE(logged.size(), 2);
    QCOMPARE(logged.at(0)[QStringLiteral("status")].toInt(), 429);
    QCOMPARE(logged.at(1)[QStringLiteral("status")].toInt(), 200);
}

void TestApiClient::rateLimitRetriesAreBounded()
{
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 429}});
    RetryPolicy policy = quickRetries();
    policy.maxRateLimitRetries = 2;
    auto client = makeClient(nullptr, policy);
    ApiJob* job = client->api.call(QStringLiteral("get-contact"), getContact());
    // Each wait passes at once on the fake clock.
    connect(job, &ApiJob::retryScheduled, this, [&] { m_fx->clock().advance(60 * 1000); });
    auto outcome = track(job, this);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->finished, 10000);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::RateLimited);
    QCOMPARE(outcome->httpStatus, 429);
    QCOMPARE(outcome->attempts, 3);
    QCOMPARE(outcome->retryDelays.size(), 2);
}

void TestApiClient::timeouts_data()
{
    QTest::addColumn<int>("faultCount");
    QTest::newRow("once, then success") << 1;
    QTest::newRow("every attempt") << -1;
}

void TestApiClient::timeouts()
{
    QFETCH(int, faultCount);
    QJsonObject rule {{QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("latencyMs"), 3000}};
    if (faultCount > 0)
        rule.insert(QStringLiteral("count"), faultCount);
    addFault(rule);
    auto client = makeClient(nullptr, quickRetries(150));
    QElapsedTimer elapsed;
    elapsed.start();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    QVERIFY(elapsed.elapsed() < 3000);
    if (faultCount > 0) {
        QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
        QCOMPARE(outcome->attempts, 2);
        QCOMPARE(outcome->retryReasons.size(), 1);
        COMPARE_KIND(outcome->retryReasons.first(), ApiError::Kind::Timeout);
    } else {
        COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Timeout);
        QCOMPARE(outcome->attempts, 4);
        QCOMPARE(kindNames(outcome->retryReasons), repeated(3, ApiError::Kind::Timeout));
        QCOMPARE(outcome->httpStatus, 0);
    }
}

void TestApiClient::droppedConnectionOnGet()
{
    addFault({{QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("drop")}});
    auto client = makeClient();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Network);
    QCOMPARE(outcome->attempts, 4);
    QCOMPARE(kindNames(outcome->retryReasons), repeated(3, ApiError::Kind::Network));
    QVERIFY(!outcome->error.userText().isEmpty());
    QCOMPARE(client->exchanges.size(), 4);
    for (const ApiExchange& exchange : std::as_const(client->exchanges)) {
        QCOMPARE(exchange.status, 0);
        QVERIFY(!exchange.transportError.isEmpty());
    }
}

void TestApiClient::malformedJson_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::newRow("get-contact") << QStringLiteral("get-contact");
    QTest::newRow("create-contact") << QStringLiteral("create-contact");
}

void TestApiClient::malformedJson()
{
    QFETCH(QString, operationId);
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("malformed-json")}});
    auto client = makeClient();
    const bool create = operationId == QStringLiteral("create-contact");
    auto outcome = run(*client, operationId,
        create ? createContact(QStringLiteral("mal@example.com")) : getContact());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::IncorrectResponse);
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(outcome->httpStatus, create ? 201 : 200);
    QVERIFY(outcome->retryDelays.isEmpty());
    QVERIFY(outcome->result.isEmpty());
    QVERIFY(!outcome->error.userText().isEmpty());
}

void TestApiClient::htmlErrorPage()
{
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("html-error")}});
    auto client = makeClient();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Server);
    QCOMPARE(outcome->error.httpStatus(), 502);
    QCOMPARE(outcome->attempts, 4);
    QCOMPARE(kindNames(outcome->retryReasons), repeated(3, ApiError::Kind::Server));
    QVERIFY(headerValue(client->exchanges.last().responseHeaders, "Content-Type")
                .startsWith("text/html"));
}

void TestApiClient::clientErrorsNeverRetried_data()
{
    QTest::addColumn<int>("faultStatus"); // 0: a real validation error from the sandbox
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");

    QTest::newRow("422 from DTO validation")
        << 0 << 422 << ApiError::kindName(ApiError::Kind::Validation);
    QTest::newRow("422 fault") << 422 << 422 << ApiError::kindName(ApiError::Kind::Validation);
    QTest::newRow("400 fault") << 400 << 400 << ApiError::kindName(ApiError::Kind::BadRequest);
    QTest::newRow("403 fault") << 403 << 403 << ApiError::kindName(ApiError::Kind::Forbidden);
    QTest::newRow("404 fault") << 404 << 404 << ApiError::kindName(ApiError::Kind::NotFound);
    QTest::newRow("413 fault") << 413 << 413 << ApiError::kindName(ApiError::Kind::PayloadTooLarge);
}

void TestApiClient::clientErrorsNeverRetried()
{
    QFETCH(int, faultStatus);
    QFETCH(int, status);
    QFETCH(QString, kind);

    RequestSpec spec = createContact(QStringLiteral("invalid@example.com"));
    if (faultStatus) {
        addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
            {QStringLiteral("kind"), QStringLiteral("status")},
            {QStringLiteral("status"), faultStatus}});
    } else {
        spec.body->remove(QStringLiteral("locationId"));
        spec.body->insert(QStringLiteral("bogus"), 1);
    }
    auto client = makeClient();
    const int before = contactCount();
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("create-contact"), spec);
    QVERIFY(outcome->finished);
    QCOMPARE(ApiError::kindName(outcome->error.kind()), kind);
    QCOMPARE(outcome->error.httpStatus(), status);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->retryDelays.isEmpty());
    QCOMPARE(apiRequests(since).size(), 1);
    QCOMPARE(contactCount(), before);
    if (!faultStatus) {
        QVERIFY(
            outcome->error.messages().contains(QStringLiteral("property bogus should not exist")));
        QVERIFY(
            outcome->error.messages().contains(QStringLiteral("locationId should not be empty")));
        QVERIFY(!outcome->error.traceId().isEmpty());
    }
}

void TestApiClient::dropAfterCommitOnCreateIsOutcomeUnknown()
{
    // One fault only, duplicates allowed: were the request resent silently, the second copy
    // would make a second contact.
    putSettings({{QStringLiteral("allowDuplicates"), true}});
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("drop-after-commit")},
        {QStringLiteral("count"), 1}});
    auto client = makeClient();
    const int before = contactCount();
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("once@example.com")));
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::OutcomeUnknown);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(outcome->retryDelays.isEmpty());
    QVERIFY(!outcome->error.userText().isEmpty());

    QTest::qWait(300);
    QCOMPARE(contactCount(), before + 1);
    const QList<QJsonObject> logged = apiRequests(since);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(
        logged.first()[QStringLiteral("operationId")].toString(), QStringLiteral("create-contact"));
    QCOMPARE(logged.first()[QStringLiteral("status")].toInt(), 0);
}

void TestApiClient::dropBeforeCreateIsOutcomeUnknown()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("drop")}, {QStringLiteral("count"), 1}});
    auto client = makeClient();
    const int before = contactCount();
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("dropped@example.com")));
    QVERIFY(outcome->finished);
    // The client cannot tell a drop before the work from one after it.
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::OutcomeUnknown);
    QCOMPARE(outcome->attempts, 1);
    QTest::qWait(300);
    QCOMPARE(contactCount(), before);
    QCOMPARE(apiRequests(since).size(), 1);
}

void TestApiClient::refusedConnectionOnCreateIsRetried()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(closed.serverPort());
    closed.close();

    Client client(m_fx->clock(), *m_pit, url, m_fx->locationId(), quickRetries());
    auto outcome = run(client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("refused@example.com")));
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Network);
    QCOMPARE(outcome->attempts, 4);
    QCOMPARE(kindNames(outcome->retryReasons), repeated(3, ApiError::Kind::Network));
}

void TestApiClient::gatewayErrorsOnCreate_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("created");

    // A gateway error may hide a commit behind it.
    QTest::newRow("502") << 502 << ApiError::kindName(ApiError::Kind::OutcomeUnknown) << 1 << 0;
    QTest::newRow("504") << 504 << ApiError::kindName(ApiError::Kind::OutcomeUnknown) << 1 << 0;
    // 503 says the request was not taken: resent, then created once.
    QTest::newRow("503") << 503 << ApiError::kindName(ApiError::Kind::None) << 2 << 1;
}

void TestApiClient::gatewayErrorsOnCreate()
{
    QFETCH(int, status);
    QFETCH(QString, kind);
    QFETCH(int, attempts);
    QFETCH(int, created);
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), status},
        {QStringLiteral("count"), 1}});
    auto client = makeClient();
    const int before = contactCount();
    auto outcome = run(*client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("gateway@example.com")));
    QVERIFY(outcome->finished);
    QCOMPARE(ApiError::kindName(outcome->error.kind()), kind);
    QCOMPARE(outcome->attempts, attempts);
    QCOMPARE(contactCount(), before + created);
}

void TestApiClient::timeoutOnCreateIsOutcomeUnknown()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("latencyMs"), 1000},
        {QStringLiteral("count"), 1}});
    auto client = makeClient(nullptr, quickRetries(150));
    const int before = contactCount();
    auto outcome = run(*client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("slow@example.com")));
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::OutcomeUnknown);
    QCOMPARE(outcome->attempts, 1);
    // The sandbox did the work before its delayed answer.
    QCOMPARE(contactCount(), before + 1);
}

void TestApiClient::unauthorizedRefreshesOnceAndResends()
{
    ScriptedTokens tokens;
    tokens.current = expiredToken();
    const QString expired = tokens.current;
    const QString fresh = mintToken(3600);
    tokens.fresh = [fresh] { return fresh; };
    auto client = makeClient(&tokens);
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
    QCOMPARE(outcome->attempts, 2);
    QCOMPARE(tokens.rejected, QStringList {expired});
    QCOMPARE(tokens.refreshes, 1);
    // The resend asks for the token again, as before every attempt.
    QCOMPARE(tokens.asked, 2);
    const QList<QJsonObject> logged = apiRequests(since);
    QCOMPARE(logged.size(), 2);
    QCOMPARE(logged.at(0)[QStringLiteral("status")].toInt(), 401);
    QCOMPARE(logged.at(1)[QStringLiteral("status")].toInt(), 200);
}

void TestApiClient::unauthorizedNeverLoops()
{
    ScriptedTokens tokens;
    int next = 0;
    tokens.current = QStringLiteral("bad-token-0");
    tokens.fresh = [&next] { return QStringLiteral("bad-token-%1").arg(++next); };
    auto client = makeClient(&tokens);
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(outcome->httpStatus, 401);
    QCOMPARE(outcome->attempts, 2);
    QCOMPARE(tokens.rejected.size(), 1);
    QCOMPARE(tokens.refreshes, 1);
    QTest::qWait(200);
    QCOMPARE(apiRequests(since).size(), 2);
    QCOMPARE(tokens.rejected.size(), 1);
}

void TestApiClient::unauthorizedWithoutRefresh()
{
    // A private integration token cannot be refreshed: one 401, no resend.
    StaticTokenProvider tokens(QStringLiteral("pit-not-a-real-token"));
    auto client = makeClient(&tokens);
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Unauthorized);
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(apiRequests(since).size(), 1);
    QVERIFY(!outcome->error.userText().isEmpty());
}

void TestApiClient::concurrentUnauthorized()
{
    ScriptedTokens tokens;
    tokens.current = expiredToken();
    const QString fresh = mintToken(3600);
    tokens.fresh = [fresh] { return fresh; };
    auto client = makeClient(&tokens);
    const qint64 since = lastSeq();

    constexpr int count = 20;
    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < count; ++i)
        outcomes.append(
            track(client->api.call(QStringLiteral("get-contact"), getContact(i % 5)), this));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o->finished; }),
        15000);
    int sends = 0;
    for (const auto& outcome : std::as_const(outcomes)) {
        QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
        QVERIFY(outcome->attempts >= 1 && outcome->attempts <= 2);
        sends += outcome->attempts;
    }
    // Each request was refused at most once, so at most one refresh request each.
    QVERIFY(tokens.rejected.size() <= count);
    QCOMPARE(tokens.rejected.size(), sends - count);
    QCOMPARE(tokens.refreshes, 1);
    QCOMPARE(apiRequests(since).size(), sends);
}

void TestApiClient::scopeRefusedLocally()
{
    StaticTokenProvider tokens(m_fx->pit(), {QStringLiteral("contacts.readonly")});
    auto client = makeClient(&tokens);
    const qint64 since = lastSeq();
    auto outcome = run(*client, QStringLiteral("create-contact"),
        createContact(QStringLiteral("scope@example.com")));
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::ScopeNotGranted);
    QCOMPARE(outcome->attempts, 0);
    QVERIFY(outcome->error.messages().join(u' ').contains(QStringLiteral("contacts.write")));
    QVERIFY(apiRequests(since).isEmpty());
    QVERIFY(client->exchanges.isEmpty());

    // A read is within the granted scope.
    auto read = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(read->finished);
    QVERIFY(!read->error.isError());
}

void TestApiClient::cancelBeforeStart()
{
    auto client = makeClient();
    const qint64 since = lastSeq();
    ApiJob* job = client->api.call(QStringLiteral("get-contact"), getContact());
    auto outcome = track(job, this);
    job->cancel();
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(outcome->attempts, 0);
    QVERIFY(apiRequests(since).isEmpty());
}

void TestApiClient::cancelQueued()
{
    auto client = makeClient();
    const QString location = m_fx->locationId();
    client->budget.refused(location, 60 * 1000, false);
    const qint64 since = lastSeq();
    QPointer<ApiJob> job = client->api.call(QStringLiteral("get-contact"), getContact());
    auto outcome = track(job, this);
    QTRY_COMPARE(client->budget.state(location).queued, 1);
    QVERIFY(!outcome->finished);
    job->cancel();
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(client->budget.state(location).queued, 0);

    m_fx->clock().advance(61 * 1000);
    client->budget.pump();
    QTest::qWait(100);
    QCOMPARE(outcome->attempts, 0);
    QVERIFY(apiRequests(since).isEmpty());
    QVERIFY(client->exchanges.isEmpty());
}

void TestApiClient::cancelInFlight()
{
    addFault({{QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("latency")}, {QStringLiteral("latencyMs"), 600}});
    auto client = makeClient();
    const qint64 since = lastSeq();
    QPointer<ApiJob> job = client->api.call(QStringLiteral("get-contact"), getContact());
    auto outcome = track(job, this);
    QTest::qWait(150);
    QVERIFY(job);
    QVERIFY(!outcome->finished);
    QCOMPARE(job->attempts(), 1);
    job->cancel();
    QVERIFY(outcome->finished);
    COMPARE_KIND(outcome->error.kind(), ApiError::Kind::Cancelled);
    QVERIFY(outcome->retryDelays.isEmpty());

    // The sandbox answers the abandoned request late, if at all; nothing follows it.
    QTest::qWait(900);
    QCOMPARE(outcome->attempts, 1);
    QVERIFY(apiRequests(since).size() <= 1);
    QCOMPARE(client->exchanges.size(), 1);
}

void TestApiClient::redaction()
{
    QList<LogLine> log;
    capturedLog = &log;
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("contactdesk.api.debug=true"));
    const auto restore = qScopeGuard([previous] {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(previous);
        capturedLog = nullptr;
    });

    ScriptedTokens oauth;
    oauth.current = expiredToken();
    const QString expired = oauth.current;
    const QString fresh = mintToken(3600);
    oauth.fresh = [fresh] { return fresh; };
    auto oauthClient = makeClient(&oauth);
    auto pitClient = makeClient();

    // A 401 and refresh, a create, a retried 503, a transport failure and a list.
    const QString email = QStringLiteral("redaction-probe@example.com");
    QVERIFY(run(*oauthClient, QStringLiteral("get-contact"), getContact())->finished);
    QVERIFY(run(*oauthClient, QStringLiteral("create-contact"), createContact(email))->finished);
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 503},
        {QStringLiteral("count"), 1}});
    QVERIFY(run(*pitClient, QStringLiteral("get-contact"), getContact(1))->finished);
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("drop")}, {QStringLiteral("count"), 1}});
    QVERIFY(run(*pitClient, QStringLiteral("update-contact"),
        [&] {
            RequestSpec spec = getContact(2);
            spec.body = QJsonObject {{QStringLiteral("firstName"), QStringLiteral("Red")}};
            return spec;
        }())
                ->finished);
    RequestSpec list;
    list.query = {{QStringLiteral("locationId"), m_fx->locationId()}};
    QVERIFY(run(*pitClient, QStringLiteral("get-contacts"), list)->finished);

    const QStringList secrets {expired, fresh, m_fx->pit()};
    QList<ApiExchange> exchanges = oauthClient->exchanges + pitClient->exchanges;
    QVERIFY(exchanges.size() >= 6);
    for (const ApiExchange& exchange : std::as_const(exchanges)) {
        const QByteArray text = serialise(exchange);
        for (const QString& secret : secrets)
            QVERIFY2(!text.contains(secret.toUtf8()), text.constData());
        QCOMPARE(headerValue(exchange.requestHeaders, "Authorization"),
            QByteArrayLiteral("Bearer [redacted]"));
    }

    QVERIFY(std::any_of(log.begin(), log.end(),
        [](const LogLine& line) { return line.category == "contactdesk.api"; }));
    for (const LogLine& line : std::as_const(log)) {
        for (const QString& secret : secrets)
            QVERIFY2(!line.message.contains(secret), qPrintable(line.message));
        // No contact data above debug level.
        if (line.category == "contactdesk.api" && line.type != QtDebugMsg)
            QVERIFY2(!line.message.contains(email), qPrintable(line.message));
    }
}

void TestApiClient::dailyLimitStopsTheLocation()
{
    putSettings({{QStringLiteral("dailyLimit"), 3}});
    auto client = makeClient();
    const QString location = m_fx->locationId();
    FakeClock& clock = m_fx->clock();
    // All five leave together once the pause ends, before any answer is in.
    client->budget.refused(location, 100, false);
    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 5; ++i)
        outcomes.append(
            track(client->api.call(QStringLiteral("get-contact"), getContact(i)), this));
    QTRY_COMPARE(client->budget.state(location).queued, 5);
    clock.advance(1000);
    client->budget.pump();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o->finished; }),
        10000);
    int succeeded = 0;
    int refused = 0;
    for (const auto& outcome : std::as_const(outcomes)) {
        if (!outcome->error.isError()) {
            ++succeeded;
            continue;
        }
        COMPARE_KIND(outcome->error.kind(), ApiError::Kind::DailyLimitReached);
        QCOMPARE(outcome->attempts, 1);
        QVERIFY(outcome->retryDelays.isEmpty());
        ++refused;
    }
    QCOMPARE(succeeded, 3);
    QCOMPARE(refused, 2);
    RateBudget::State state = client->budget.state(location);
    QVERIFY(state.dailyExhausted);
    QCOMPARE(state.dailyRemaining, 0);
    const qint64 nextDay = (clock.nowMs() / msPerDay + 1) * msPerDay;
    QCOMPARE(state.pausedUntilMs, nextDay);

    // The location's queue stays stopped until the day changes.
    const qint64 since = lastSeq();
    auto later = track(client->api.call(QStringLiteral("get-contact"), getContact()), this);
    QTRY_COMPARE(client->budget.state(location).queued, 1);
    clock.set(nextDay - 1000);
    client->budget.pump();
    QTest::qWait(100);
    QVERIFY(!later->finished);
    QVERIFY(apiRequests(since).isEmpty());

    clock.set(nextDay + 1);
    client->budget.pump();
    QTRY_VERIFY_WITH_TIMEOUT(later->finished, 10000);
    QVERIFY2(!later->error.isError(), qPrintable(later->error.messages().join(u'\n')));
    state = client->budget.state(location);
    QVERIFY(!state.dailyExhausted);
    QCOMPARE(state.dailyRemaining, 2);
}

void TestApiClient::backgroundAfterForeground()
{
    // One request per window, on the sandbox's clock for both sides: each move of the clock
    // lets exactly one queued request leave.
    putSettings({{QStringLiteral("rateLimit"),
        QJsonObject {{QStringLiteral("count"), 1}, {QStringLiteral("windowMs"), 1000}}}});
    auto client = makeClient();
    const QString location = m_fx->locationId();
    FakeClock& clock = m_fx->clock();
    auto warmUp = run(*client, QStringLiteral("get-contact"), getContact());
    QVERIFY(warmUp->finished);
    QVERIFY(!warmUp->error.isError());
    QCOMPARE(client->budget.state(location).limit, 1);
    QCOMPARE(client->budget.state(location).windowMs, 1000);

    QStringList order;
    QList<std::shared_ptr<Outcome>> outcomes;
    const auto queue = [&](Priority priority, const QString& name) {
        RequestSpec spec = getContact();
        spec.priority = priority;
        ApiJob* job = client->api.call(QStringLiteral("get-contact"), spec);
        outcomes.append(track(job, this));
        job->onFinished(this, [&order, name](const ApiJob&) { order.append(name); });
    };
    for (int i = 0; i < 3; ++i)
        queue(Priority::Background, QStringLiteral("b%1").arg(i));
    for (int i = 0; i < 3; ++i)
        queue(Priority::Foreground, QStringLiteral("f%1").arg(i));
    QTRY_COMPARE(client->budget.state(location).queued, 6);

    for (int step = 1; step <= 6; ++step) {
        clock.advance(1100);
        client->budget.pump();
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), step, 10000);
    }
    QCOMPARE(order,
        (QStringList {QStringLiteral("f0"), QStringLiteral("f1"), QStringLiteral("f2"),
            QStringLiteral("b0"), QStringLiteral("b1"), QStringLiteral("b2")}));
    for (const auto& outcome : std::as_const(outcomes)) {
        QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
        QCOMPARE(outcome->attempts, 1);
    }
}

void TestApiClient::fiveHundredThroughTheLimiter()
{
    // Real time on both sides: a sandbox of its own on the system clock, its burst window
    // compressed to 100 per second.
    SystemClock clock;
    Sandbox::SandboxServer server(clock, 7);
    QVERIFY(server.listenLocal());
    server.seed(5, 7);
    server.data().settings().rateLimitCount = 100;
    server.data().settings().rateLimitWindowMs = 1000;
    QStringList ids = server.data().contacts().keys();
    ids.sort();

    StaticTokenProvider tokens(server.data().privateIntegrationToken());
    Client client(clock, tokens, server.baseUrl(), server.data().mainLocation().id, quickRetries());
    constexpr int total = 500;
    constexpr int limit = 100;
    constexpr qint64 windowMs = 1000;
    QList<std::shared_ptr<Outcome>> outcomes;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < total; ++i) {
        RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), ids.at(i % ids.size()));
        outcomes.append(track(client.api.call(QStringLiteral("get-contact"), spec), this));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(outcomes.begin(), outcomes.end(), [](const auto& o) { return o->finished; }),
        30000);
    const qint64 wallMs = elapsed.elapsed();
    for (const auto& outcome : std::as_const(outcomes)) {
        QVERIFY2(!outcome->error.isError(), qPrintable(outcome->error.messages().join(u'\n')));
        QCOMPARE(outcome->attempts, 1);
        QVERIFY(outcome->retryDelays.isEmpty());
    }

    QList<qint64> arrivals;
    int refused = 0;
    for (const Sandbox::LoggedExchange& exchange : server.requestLog().since(0)) {
        // The sandbox logs a refusal by its rate limiter before routing, without an operation
        // id: match on the request.
        if (exchange.method != "GET" || !exchange.path.startsWith(QStringLiteral("/contacts/")))
            continue;
        arrivals.append(exchange.atMs);
        if (exchange.status == 429)
            ++refused;
    }
    QCOMPARE(refused, 0);
    QCOMPARE(arrivals.size(), total);
    std::sort(arrivals.begin(), arrivals.end());

    QList<qint64> starts;
    for (const ApiExchange& exchange : std::as_const(client.exchanges))
        starts.append(exchange.startedAtMs);
    std::sort(starts.begin(), starts.end());
    QCOMPARE(starts.size(), total);

    // No 1-second window, on either side of the wire, holds more than the limit.
    for (const auto* times : {&starts, &arrivals}) {
        for (int i = 0; i + limit < times->size(); ++i) {
            const qint64 gap = times->at(i + limit) - times->at(i);
            if (gap < windowMs)
                QFAIL(qPrintable(QStringLiteral("%1 requests within %2 ms (%3 side)")
                                     .arg(limit + 1)
                                     .arg(gap)
                                     .arg(times == &starts ? QStringLiteral("client")
                                                           : QStringLiteral("server"))));
        }
    }
    // At least 80 % of the allowed rate. The pace is what the limiter sets: request number
    // (total - limit) arrives within (total - limit) / (0.8 * limit / window) of the first. How
    // long the server then takes over the last burst is not the limiter's doing.
    const qint64 paceMs = arrivals.at(total - limit) - arrivals.first();
    const qint64 allowedMs = qint64(double(total - limit) * windowMs / (0.8 * limit));
    qInfo("%d requests: request %d arrived %lld ms after the first (%.1f/s), the last after "
          "%lld ms; %lld ms wall",
        total, total - limit + 1, paceMs,
        double(total - limit) * 1000.0 / double(qMax<qint64>(1, paceMs)),
        arrivals.last() - arrivals.first(), wallMs);
    QVERIFY2(paceMs <= allowedMs,
        qPrintable(QStringLiteral("%1 ms > %2 ms").arg(paceMs).arg(allowedMs)));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
