// The one redaction helper every log, export and traffic view goes through.
#include "common/redaction.h"

#include <QTest>
#include <QUrlQuery>

using namespace ContactDesk;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretHeaders_data();
    void secretHeaders();
    void ordinaryHeadersAreKept();
    void bodyKeys_data();
    void bodyKeys();
    void bodiesWithoutSecretsAreUnchanged();
    void urlQueries_data();
    void urlQueries();
    void urlWithoutContactDataIsUnchanged();
};

void TestRedaction::secretHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("authorization keeps the scheme")
        << QByteArray("authorization") << QByteArray("Bearer pit-1234")
        << QByteArray("Bearer [redacted]");
    QTest::newRow("proxy-authorization keeps the scheme")
        << QByteArray("proxy-authorization") << QByteArray("Basic dXNlcjpwYXNz")
        << QByteArray("Basic [redacted]");
    QTest::newRow("admin key") << QByteArray("x-sandbox-admin-key") << QByteArray("k3y")
                               << QByteArray("[redacted]");
    QTest::newRow("cookie") << QByteArray("cookie") << QByteArray("sid=abc")
                            << QByteArray("[redacted]");
    QTest::newRow("set-cookie") << QByteArray("set-cookie") << QByteArray("sid=abc; HttpOnly")
                                << QByteArray("[redacted]");
    QTest::newRow("api key header")
        << QByteArray("x-api-key") << QByteArray("abc") << QByteArray("[redacted]");
}

void TestRedaction::secretHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    QVERIFY(isSecretHeader(name));
    QCOMPARE(redactHeaderValue(name, value), expected);
}

void TestRedaction::ordinaryHeadersAreKept()
{
    for (const QByteArray& name :
        {QByteArray("content-type"), QByteArray("version"), QByteArray("x-ratelimit-remaining")}) {
        QVERIFY(!isSecretHeader(name));
        QCOMPARE(redactHeaderValue(name, "value 1"), QByteArray("value 1"));
    }
}

void TestRedaction::bodyKeys_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    const QByteArray secret = "s3cr3t-value-42";
    for (const char* key :
        {"access_token", "refresh_token", "client_secret", "id_token", "apiKey", "secret", "jwt",
            "code", "code_verifier", "privateIntegrationToken", "password", "signingSecret"}) {
        QTest::addRow("json %s", key)
            << QByteArray("{\"name\":\"Ann\",\"") + key + "\":\"" + secret + "\"}" << secret;
        QTest::addRow("form %s", key)
            << QByteArray("grant_type=x&") + key + '=' + secret + "&user_type=Location" << secret;
    }
    QTest::newRow("json with spaces")
        << QByteArray("{ \"id_token\" :  \"" + secret + "\" }") << secret;
}

void TestRedaction::bodyKeys()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    const QByteArray redacted = redactBody(body);
    QVERIFY2(!redacted.contains(secret), redacted.constData());
    QVERIFY2(redacted.contains("[redacted]"), redacted.constData());
    // The other fields stay readable.
    QVERIFY(redacted.contains("Ann") || redacted.contains("grant_type=x")
        || redacted.contains("id_token"));
}

void TestRedaction::bodiesWithoutSecretsAreUnchanged()
{
    const QByteArray contact
        = R"({"contact":{"firstName":"Ann","email":"ann@example.com","tags":["vip"]}})";
    QCOMPARE(redactBody(contact), contact);
    // A key that merely contains a secret word is not a secret key.
    const QByteArray similar = R"({"secretary":"Bob","tokenCount":3})";
    QCOMPARE(redactBody(similar), similar);
}

void TestRedaction::urlQueries_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("hidden");
    QTest::addColumn<QString>("kept");
    QTest::newRow("search by email") << QUrl(
        QStringLiteral("https://h.example/contacts/?locationId=loc1&query=ann%40example.com"))
                                     << QStringLiteral("ann@example.com") << QStringLiteral("loc1");
    QTest::newRow("search by name")
        << QUrl(QStringLiteral("https://h.example/contacts/?query=Ann%20Smith&limit=20"))
        << QStringLiteral("Ann Smith") << QStringLiteral("limit=20");
    QTest::newRow("duplicate by email") << QUrl(QStringLiteral(
        "https://h.example/contacts/search/duplicate?locationId=loc1&email=bob%2Bx%40example.org"))
                                        << QStringLiteral("bob+x@example.org")
                                        << QStringLiteral("loc1");
    QTest::newRow("duplicate by phone") << QUrl(QStringLiteral(
        "https://h.example/contacts/search/duplicate?number=%2B15551234567&locationId=loc1"))
                                        << QStringLiteral("+15551234567") << QStringLiteral("loc1");
    QTest::newRow("email under any key")
        << QUrl(QStringLiteral("https://h.example/x?filter=carl%40example.net&page=2"))
        << QStringLiteral("carl@example.net") << QStringLiteral("page=2");
    QTest::newRow("token in a query")
        << QUrl(QStringLiteral("https://h.example/cb?access_token=tok-999&x=1"))
        << QStringLiteral("tok-999") << QStringLiteral("x=1");
    QTest::newRow("oauth redirect")
        << QUrl(QStringLiteral("http://127.0.0.1:5000/callback?code=c0de-1&state=st4te"))
        << QStringLiteral("c0de-1") << QStringLiteral("/callback");
    QTest::newRow("jwt in a query") << QUrl(QStringLiteral("https://h.example/x?jwt=eyJ.abc.def"))
                                    << QStringLiteral("eyJ.abc.def") << QStringLiteral("h.example");
}

void TestRedaction::urlQueries()
{
    QFETCH(QUrl, url);
    QFETCH(QString, hidden);
    QFETCH(QString, kept);
    const QUrl redacted = redactUrl(url);
    const QString shown = QUrl::fromPercentEncoding(redacted.toEncoded());
    QVERIFY2(!shown.contains(hidden), qPrintable(shown));
    QVERIFY2(!QString::fromUtf8(redacted.toEncoded())
                  .contains(QString::fromLatin1(QUrl::toPercentEncoding(hidden))),
        redacted.toEncoded().constData());
    QVERIFY2(shown.contains(QStringLiteral("[redacted]")), qPrintable(shown));
    QVERIFY2(shown.contains(kept), qPrintable(shown));
    QCOMPARE(redacted.path(), url.path());
    QCOMPARE(redacted.host(), url.host());
    // Idempotent: the traffic log may redact what the client already redacted.
    QCOMPARE(redactUrl(redacted), redacted);
}

void TestRedaction::urlWithoutContactDataIsUnchanged()
{
    const QUrl url(QStringLiteral("https://services.leadconnectorhq.com/contacts/"
                                  "abc123?locationId=loc1&limit=100&startAfterId=x"));
    QCOMPARE(redactUrl(url), url);
    const QUrl noQuery(QStringLiteral("https://services.leadconnectorhq.com/locations/loc1"));
    QCOMPARE(redactUrl(noQuery), noQuery);
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
