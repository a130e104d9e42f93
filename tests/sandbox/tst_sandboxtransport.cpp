// Transport, routing, headers, auth and rate limits of the sandbox: what every operation
// shares before its own logic runs.
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace ContactDesk::Testing;

class TestSandboxTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fx = std::make_unique<SandboxFixture>(3); }
    void cleanup() { m_fx.reset(); }

    void listsWithAndWithoutTrailingSlash_data();
    void listsWithAndWithoutTrailingSlash();
    void literalSegmentsWinOverIds_data();
    void literalSegmentsWinOverIds();
    void unknownRouteIsNestStyle404();
    void everyResponseCarriesTraceIdAndRateHeaders();
    void versionHeader_data();
    void versionHeader();
    void badTokens_data();
    void badTokens();
    void expiredTokenIs401();
    void missingScopeIs401();
    void otherLocationIs403_data();
    void otherLocationIs403();
    void malformedBodies_data();
    void malformedBodies();
    void unknownPropertyIs422();
    void oversizedBodyIs413();
    void lenientHeadersAndBodilessJson();
    void deleteTakesJsonBody();
    void rateLimitWindow();
    void dailyLimit();
    void healthAnswers();

private:
    QString firstContactId()
    {
        const HttpResult list
            = m_fx->api("GET", QStringLiteral("/contacts/?locationId=%1").arg(m_fx->locationId()));
        return list.object()[QStringLiteral("contacts")][0][QStringLiteral("id")].toString();
    }

    std::unique_ptr<SandboxFixture> m_fx;
};

void TestSandboxTransport::listsWithAndWithoutTrailingSlash_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("with slash") << QStringLiteral("/contacts/");
    QTest::newRow("without slash") << QStringLiteral("/contacts");
}

void TestSandboxTransport::listsWithAndWithoutTrailingSlash()
{
    QFETCH(QString, path);
    const HttpResult r
        = m_fx->api("GET", path + QStringLiteral("?locationId=") + m_fx->locationId());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object()[QStringLiteral("contacts")].toArray().size(), 3);
}

void TestSandboxTransport::literalSegmentsWinOverIds_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("key");
    const QString loc = QStringLiteral("LOC");
    QTest::newRow("search") << QByteArray("POST") << QStringLiteral("/contacts/search")
                            << QJsonValue(QJsonObject {{QStringLiteral("locationId"), loc},
                                   {QStringLiteral("pageLimit"), 10}})
                            << 200 << QStringLiteral("total");
    QTest::newRow("duplicate") << QByteArray("GET")
                               << QStringLiteral("/contacts/search/duplicate?locationId=LOC&"
                                                 "email=nobody%40example.com")
                               << QJsonValue(QJsonValue::Undefined) << 200
                               << QStringLiteral("contact");
    QTest::newRow("upsert") << QByteArray("POST") << QStringLiteral("/contacts/upsert")
                            << QJsonValue(QJsonObject {{QStringLiteral("locationId"), loc},
                                   {QStringLiteral("email"), QStringLiteral("new@example.com")}})
                            << 200 << QStringLiteral("new");
}

void TestSandboxTransport::literalSegmentsWinOverIds()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonValue, body);
    QFETCH(int, status);
    QFETCH(QString, key);
    path.replace(QStringLiteral("LOC"), m_fx->locationId());
    if (body.isObject()) {
        QJsonObject o = body.toObject();
        o[QStringLiteral("locationId")] = m_fx->locationId();
        body = o;
    }
    const HttpResult r = m_fx->api(method, path, body);
    QCOMPARE(r.status, status);
    QVERIFY2(r.object().contains(key), r.body.constData());
}

void TestSandboxTransport::unknownRouteIsNestStyle404()
{
    const HttpResult r = m_fx->api("GET", QStringLiteral("/contactz/abc"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object()[QStringLiteral("message")].toString(),
        QStringLiteral("Cannot GET /contactz/abc"));
    QCOMPARE(r.object()[QStringLiteral("error")].toString(), QStringLiteral("Not Found"));
    QCOMPARE(r.object()[QStringLiteral("statusCode")].toInt(), 404);
    // A known path with a method it does not take is unknown too.
    const HttpResult patch = m_fx->api("PATCH", QStringLiteral("/contacts/") + firstContactId());
    QCOMPARE(patch.status, 404);
    QVERIFY(patch.object()[QStringLiteral("message")].toString().startsWith(
        QStringLiteral("Cannot PATCH /contacts/")));
}

void TestSandboxTransport::everyResponseCarriesTraceIdAndRateHeaders()
{
    const QList<HttpResult> results {
        m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId()),
        m_fx->api("GET", QStringLiteral("/nowhere")),
        m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId(), QJsonValue::Undefined,
            {{"Version", ""}}),
    };
    for (const HttpResult& r : results) {
        QVERIFY2(!r.object()[QStringLiteral("traceId")].toString().isEmpty(), r.body.constData());
        for (const char* name : {"x-ratelimit-limit-daily", "x-ratelimit-daily-remaining",
                 "x-ratelimit-interval-milliseconds", "x-ratelimit-max", "x-ratelimit-remaining"}) {
            QVERIFY2(!r.header(name).isEmpty(), name);
        }
    }
    QCOMPARE(results.first().header("x-ratelimit-max"), QByteArray("100"));
    QCOMPARE(results.first().header("x-ratelimit-interval-milliseconds"), QByteArray("10000"));
}

void TestSandboxTransport::versionHeader_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("2021-07-28") << QByteArray("2021-07-28") << 200 << QString();
    QTest::newRow("2021-04-15") << QByteArray("2021-04-15") << 200 << QString();
    QTest::newRow("2023-02-21 (SDK default)") << QByteArray("2023-02-21") << 200 << QString();
    QTest::newRow("v3") << QByteArray("v3") << 200 << QString();
    QTest::newRow("missing") << QByteArray() << 401
                             << QStringLiteral("version header was not found.");
    QTest::newRow("unknown") << QByteArray("2020-01-01") << 401
                             << QStringLiteral("version header is invalid");
}

void TestSandboxTransport::versionHeader()
{
    QFETCH(QByteArray, version);
    QFETCH(int, status);
    QFETCH(QString, message);
    // Header names are case-insensitive.
    const HttpResult r = m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId(),
        QJsonValue::Undefined, {{"Version", ""}, {"vErSiOn", version}});
    QCOMPARE(r.status, status);
    if (!message.isEmpty()) {
        QCOMPARE(r.object()[QStringLiteral("message")].toString(), message);
        QCOMPARE(r.object()[QStringLiteral("statusCode")].toInt(), 401);
    }
}

void TestSandboxTransport::badTokens_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QByteArray()
                             << QStringLiteral("Invalid token: access token is invalid");
    QTest::newRow("unknown") << QByteArray("Bearer not-a-token") << QStringLiteral("Invalid JWT");
    QTest::newRow("not bearer") << QByteArray("Basic abc") << QStringLiteral("Invalid JWT");
}

void TestSandboxTransport::badTokens()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, message);
    const HttpResult r = m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId(),
        QJsonValue::Undefined, {{"Authorization", authorization}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object()[QStringLiteral("message")].toString(), message);
}

void TestSandboxTransport::expiredTokenIs401()
{
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("expiresInS"), 60}});
    QCOMPARE(minted.status, 201);
    const QString token = minted.object()[QStringLiteral("access_token")].toString();
    const QString path = QStringLiteral("/contacts/") + firstContactId();
    QCOMPARE(m_fx->api("GET", path, QJsonValue::Undefined, {}, token).status, 200);
    m_fx->clock().advance(61 * 1000);
    const HttpResult expired = m_fx->api("GET", path, QJsonValue::Undefined, {}, token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.object()[QStringLiteral("message")].toString(), QStringLiteral("Invalid JWT"));
    // A private integration token never expires.
    m_fx->clock().advance(400LL * 24 * 3600 * 1000);
    QCOMPARE(m_fx->api("GET", path).status, 200);
}

void TestSandboxTransport::missingScopeIs401()
{
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("scopes"), QJsonArray {QStringLiteral("contacts.readonly")}}});
    const QString token = minted.object()[QStringLiteral("access_token")].toString();
    const QString id = firstContactId();
    QCOMPARE(m_fx->api("GET", QStringLiteral("/contacts/") + id, QJsonValue::Undefined, {}, token)
                 .status,
        200);
    const HttpResult write = m_fx->api("PUT", QStringLiteral("/contacts/") + id,
        QJsonObject {{QStringLiteral("city"), QStringLiteral("Oslo")}}, {}, token);
    QCOMPARE(write.status, 401);
    QCOMPARE(write.object()[QStringLiteral("message")].toString(),
        QStringLiteral("The token is not authorized for this scope."));
}

void TestSandboxTransport::otherLocationIs403_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("query") << QStringLiteral("query");
    QTest::newRow("body") << QStringLiteral("body");
    QTest::newRow("contact of the other location") << QStringLiteral("contact");
}

void TestSandboxTransport::otherLocationIs403()
{
    QFETCH(QString, where);
    const QString other = m_fx->data().locations().at(1).id;
    HttpResult r;
    if (where == QStringLiteral("query")) {
        r = m_fx->api("GET", QStringLiteral("/contacts/?locationId=") + other);
    } else if (where == QStringLiteral("body")) {
        r = m_fx->api("POST", QStringLiteral("/contacts/"),
            QJsonObject {{QStringLiteral("locationId"), other},
                {QStringLiteral("firstName"), QStringLiteral("Eve")}});
    } else {
        const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"),
            QJsonObject {{QStringLiteral("locationId"), other}});
        const QString token = minted.object()[QStringLiteral("access_token")].toString();
        r = m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId(), QJsonValue::Undefined,
            {}, token);
    }
    QCOMPARE(r.status, 403);
    QCOMPARE(r.object()[QStringLiteral("message")].toString(),
        QStringLiteral("The token does not have access to this location."));
}

void TestSandboxTransport::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("truncated JSON") << QByteArray("{\"firstName\":") << 400;
    QTest::newRow("not JSON") << QByteArray("firstName=Ann") << 400;
    QTest::newRow("array") << QByteArray("[1,2]") << 400;
    QTest::newRow("wrong type") << QByteArray("{\"locationId\":\"L\",\"firstName\":5}") << 422;
    QTest::newRow("tags not strings") << QByteArray("{\"locationId\":\"L\",\"tags\":[1]}") << 422;
    QTest::newRow("missing locationId") << QByteArray("{\"firstName\":\"Ann\"}") << 422;
}

void TestSandboxTransport::malformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    body.replace("\"L\"", "\"" + m_fx->locationId().toUtf8() + "\"");
    const HttpResult r = m_fx->raw("POST", QStringLiteral("/contacts/"), body,
        {{"Version", "2021-07-28"}, {"Authorization", "Bearer " + m_fx->pit().toUtf8()},
            {"Content-Type", "application/json"}});
    QCOMPARE(r.status, status);
    QCOMPARE(r.object()[QStringLiteral("statusCode")].toInt(), status);
    if (status == 422)
        QVERIFY(r.object()[QStringLiteral("message")].isArray());
    else
        QVERIFY(r.object()[QStringLiteral("message")].isString());
    const HttpResult count
        = m_fx->api("GET", QStringLiteral("/contacts/?locationId=") + m_fx->locationId());
    QCOMPARE(count.object()[QStringLiteral("contacts")].toArray().size(), 3);
}

void TestSandboxTransport::unknownPropertyIs422()
{
    const HttpResult r = m_fx->api("PUT", QStringLiteral("/contacts/") + firstContactId(),
        QJsonObject {{QStringLiteral("gender"), QStringLiteral("male")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object()[QStringLiteral("message")].toArray(),
        QJsonArray {QStringLiteral("property gender should not exist")});
    QCOMPARE(
        r.object()[QStringLiteral("error")].toString(), QStringLiteral("Unprocessable Entity"));
}

void TestSandboxTransport::oversizedBodyIs413()
{
    QByteArray huge = "{\"locationId\":\"x\",\"firstName\":\"";
    huge += QByteArray(1100 * 1024, 'a');
    huge += "\"}";
    const HttpResult r = m_fx->raw("POST", QStringLiteral("/contacts/"), huge,
        {{"Version", "2021-07-28"}, {"Authorization", "Bearer " + m_fx->pit().toUtf8()},
            {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(r.object()[QStringLiteral("statusCode")].toInt(), 413);
}

void TestSandboxTransport::lenientHeadersAndBodilessJson()
{
    const HttpResult r
        = m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId(), QJsonValue::Undefined,
            {{"Content-Type", "application/json"}, {"x-sdk-version", "3.0.0"},
                {"x-location-id", "whatever"}, {"locationId", "whatever"},
                {"Accept", "application/json, text/plain, */*"}, {"User-Agent", "axios/1.7"}});
    QCOMPARE(r.status, 200);
}

void TestSandboxTransport::deleteTakesJsonBody()
{
    const QString id = firstContactId();
    const QString path = QStringLiteral("/contacts/%1/tags").arg(id);
    QCOMPARE(m_fx->api("POST", path,
                     QJsonObject {{QStringLiteral("tags"),
                         QJsonArray {QStringLiteral("vip"), QStringLiteral("keep")}}})
                 .status,
        201);
    const HttpResult removed = m_fx->api(
        "DELETE", path, QJsonObject {{QStringLiteral("tags"), QJsonArray {QStringLiteral("vip")}}});
    QCOMPARE(removed.status, 200);
    const QJsonArray tags = removed.object()[QStringLiteral("tags")].toArray();
    QVERIFY(tags.contains(QStringLiteral("keep")));
    QVERIFY(!tags.contains(QStringLiteral("vip")));
}

void TestSandboxTransport::rateLimitWindow()
{
    const QString path = QStringLiteral("/contacts/") + firstContactId();
    m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 100}, {QStringLiteral("windowMs"), 2000}}}});
    m_fx->clock().advance(10000); // a fresh window
    int previous = 100;
    for (int i = 0; i < 100; ++i) {
        const HttpResult r = m_fx->api("GET", path);
        QCOMPARE(r.status, 200);
        const int remaining = r.header("x-ratelimit-remaining").toInt();
        QCOMPARE(remaining, previous - 1);
        previous = remaining;
    }
    QCOMPARE(previous, 0);
    const HttpResult refused = m_fx->api("GET", path);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.object()[QStringLiteral("statusCode")].toInt(), 429);
    QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("0"));
    QVERIFY(refused.header("retry-after").toInt() >= 1);
    // Another client (a different token) has its own budget.
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"));
    QCOMPARE(m_fx->api("GET", path, QJsonValue::Undefined, {},
                     minted.object()[QStringLiteral("access_token")].toString())
                 .status,
        200);
    // The window resets.
    m_fx->clock().advance(2000);
    const HttpResult again = m_fx->api("GET", path);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.header("x-ratelimit-remaining"), QByteArray("99"));
}

void TestSandboxTransport::dailyLimit()
{
    m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("dailyLimit"), 5}});
    const QString path = QStringLiteral("/contacts/") + firstContactId(); // request 1 of 5
    for (int i = 0; i < 4; ++i)
        QCOMPARE(m_fx->api("GET", path).status, 200);
    const HttpResult refused = m_fx->api("GET", path);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("x-ratelimit-daily-remaining"), QByteArray("0"));
    m_fx->clock().advance(24LL * 3600 * 1000);
    QCOMPARE(m_fx->api("GET", path).status, 200);
}

void TestSandboxTransport::healthAnswers()
{
    QCOMPARE(m_fx->raw("GET", QStringLiteral("/health"), {}, {}).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxTransport)
#include "tst_sandboxtransport.moc"
