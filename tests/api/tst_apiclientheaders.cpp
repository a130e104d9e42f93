// Extra request headers (RequestSpec::headers, what the inspector's Compose edits) against the
// sandbox: one the client does not own reaches the server as given and is in the exchange the
// request log gets; one of the client's defaults (Accept) is replaced, not doubled; one the
// client owns (Authorization, Version, Content-Type, in any case) or a malformed one is refused
// with a message naming it, and nothing is sent.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Api;
using namespace ContactDesk::Testing;

namespace {

struct Sent
{
    bool finished = false;
    ApiError error;
    int status = 0;
    int attempts = 0;
};

// Header values of `name` (any case) in an exchange's request headers.
QList<QByteArray> valuesOf(const QList<QPair<QByteArray, QByteArray>>& headers, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

} // namespace

class TestApiClientHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<SandboxFixture>(3);
        m_tokens = std::make_unique<StaticTokenProvider>(m_fx->pit());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
        m_budget = std::make_unique<RateBudget>(m_fx->clock());
        ApiConfig config;
        config.baseUrl = m_fx->baseUrl();
        config.locationId = m_fx->locationId();
        config.retry.backoffMs = {10};
        m_client = std::make_unique<ApiClient>(*m_nam, *m_tokens, *m_budget, m_fx->clock(), config);
        m_exchanges.clear();
        connect(m_client.get(), &ApiClient::exchanged, this,
            [this](const ApiExchange& exchange) { m_exchanges.append(exchange); });
    }
    void cleanup()
    {
        m_client.reset();
        m_budget.reset();
        m_nam.reset();
        m_tokens.reset();
        m_fx.reset();
    }

    void extraHeaderReachesTheServerAndTheLog();
    void defaultHeaderIsReplacedNotDoubled();
    void clientHeadersAreRefused_data();
    void clientHeadersAreRefused();
    void headerRulesAsAFunction();

private:
    Sent send(RequestSpec spec, const QString& operationId = QStringLiteral("get-contact"))
    {
        if (operationId == QLatin1StringView("get-contact")
            && !spec.path.contains(QStringLiteral("contactId")))
            spec.path.insert(QStringLiteral("contactId"), m_fx->data().contacts().keys().first());
        Sent sent;
        ApiJob* job = m_client->call(operationId, std::move(spec));
        job->onFinished(this, [&sent](const ApiJob& done) {
            sent.finished = true;
            sent.error = done.error();
            sent.status = done.httpStatus();
            sent.attempts = done.attempts();
        });
        (void)QTest::qWaitFor([&] { return sent.finished; }, 15000);
        return sent;
    }
    // The request headers the sandbox logged for its API requests since `fromSeq`.
    QList<QJsonObject> loggedSince(qint64 fromSeq)
    {
        const HttpResult r
            = m_fx->control("GET", QStringLiteral("/__sandbox/requests?since=%1").arg(fromSeq));
        QList<QJsonObject> headers;
        for (const QJsonValue& entry : r.object().value(QStringLiteral("requests")).toArray()) {
            if (!entry[QStringLiteral("path")].toString().startsWith(
                    QLatin1StringView("/__sandbox")))
                headers.append(entry[QStringLiteral("requestHeaders")].toObject());
        }
        return headers;
    }
    qint64 lastSeq()
    {
        return m_fx->control("GET", QStringLiteral("/__sandbox/requests"))
            .object()
            .value(QStringLiteral("lastSeq"))
            .toInteger();
    }
    // A header's value in a logged header object, by name in any case.
    static QString header(const QJsonObject& headers, const QString& name)
    {
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (it.key().compare(name, Qt::CaseInsensitive) == 0)
                return it.value().toString();
        }
        return {};
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RateBudget> m_budget;
    std::unique_ptr<ApiClient> m_client;
    QList<ApiExchange> m_exchanges;
};

void TestApiClientHeaders::extraHeaderReachesTheServerAndTheLog()
{
    const qint64 mark = lastSeq();
    RequestSpec spec;
    spec.headers = {{"X-Debug-Trace", "trace 42"}};
    const Sent sent = send(spec);
    QVERIFY(sent.finished);
    QCOMPARE(sent.status, 200);
    const QList<QJsonObject> logged = loggedSince(mark);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(header(logged.first(), QStringLiteral("x-debug-trace")), QStringLiteral("trace 42"));
    // The client's own still go out beside it.
    QCOMPARE(header(logged.first(), QStringLiteral("version")), QStringLiteral("2021-07-28"));
    QVERIFY(header(logged.first(), QStringLiteral("authorization"))
                .startsWith(QLatin1StringView("Bearer ")));
    QTRY_COMPARE(m_exchanges.size(), 1);
    QCOMPARE(valuesOf(m_exchanges.first().requestHeaders, "X-Debug-Trace"),
        QList<QByteArray> {"trace 42"});
}

void TestApiClientHeaders::defaultHeaderIsReplacedNotDoubled()
{
    const qint64 mark = lastSeq();
    RequestSpec spec;
    spec.headers = {{"accept", "application/json, text/plain"}};
    const Sent sent = send(spec);
    QCOMPARE(sent.status, 200);
    const QList<QJsonObject> logged = loggedSince(mark);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(header(logged.first(), QStringLiteral("accept")),
        QStringLiteral("application/json, text/plain"));
    QTRY_COMPARE(m_exchanges.size(), 1);
    QCOMPARE(valuesOf(m_exchanges.first().requestHeaders, "Accept"),
        QList<QByteArray> {"application/json, text/plain"});
}

void TestApiClientHeaders::clientHeadersAreRefused_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("said");
    QTest::newRow("Authorization") << QByteArray("Authorization") << QByteArray("Bearer other")
                                   << QStringLiteral("sets the Authorization header itself");
    QTest::newRow("authorization, lower case")
        << QByteArray("authorization") << QByteArray("Bearer other")
        << QStringLiteral("sets the authorization header itself");
    QTest::newRow("Version") << QByteArray("VERSION") << QByteArray("2021-04-15")
                             << QStringLiteral("sets the VERSION header itself");
    QTest::newRow("Content-Type") << QByteArray("Content-Type") << QByteArray("text/plain")
                                  << QStringLiteral("Content-Type");
    QTest::newRow("Host") << QByteArray("Host") << QByteArray("example.com")
                          << QStringLiteral("Host");
    QTest::newRow("name with a space")
        << QByteArray("X Debug") << QByteArray("1") << QStringLiteral("not a valid header name");
    QTest::newRow("empty name") << QByteArray() << QByteArray("1")
                                << QStringLiteral("needs a name");
    QTest::newRow("value with a line break")
        << QByteArray("X-Debug") << QByteArray("1\r\nAuthorization: Bearer x")
        << QStringLiteral("line break");
}

void TestApiClientHeaders::clientHeadersAreRefused()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, said);
    const qint64 mark = lastSeq();
    RequestSpec spec;
    spec.headers = {{"X-Fine", "yes"}, {name, value}};
    const Sent sent = send(spec);
    QVERIFY(sent.finished);
    QCOMPARE(sent.error.kind(), ApiError::Kind::BadRequest);
    QVERIFY2(sent.error.userText().contains(said), qPrintable(sent.error.userText()));
    QCOMPARE(sent.attempts, 0);
    QCOMPARE(sent.status, 0);
    QVERIFY(loggedSince(mark).isEmpty());
    QVERIFY(m_exchanges.isEmpty());
}

void TestApiClientHeaders::headerRulesAsAFunction()
{
    QVERIFY(requestHeaderProblem("X-Request-Id", "abc").isEmpty());
    QVERIFY(requestHeaderProblem("User-Agent", "curl/8").isEmpty());
    QVERIFY(!requestHeaderProblem("Content-Length", "5").isEmpty());
    QVERIFY(!requestHeaderProblem("Proxy-Authorization", "Basic x").isEmpty());
    QVERIFY(!requestHeaderProblem("X-A", QByteArray("a\0b", 3)).isEmpty());
    QVERIFY(isClientHeader("authorization"));
    QVERIFY(isClientHeader("Accept"));
    QVERIFY(isClientHeader("user-agent"));
    QVERIFY(!isClientHeader("X-Request-Id"));
}

QTEST_MAIN(TestApiClientHeaders)
#include "tst_apiclientheaders.moc"
