// Token answers the provider must not trust: an expires_in that would overflow, a negative one,
// a lifetime shorter than the refresh margin, and an answer far larger than a token needs. A
// token endpoint on 127.0.0.1 answers whatever the test sets.
#include "auth/memorysecretstore.h"
#include "auth/tokenmanager.h"
#include "fakeclock.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;

namespace {

constexpr int waitMs = 15000;
const QString kId = QStringLiteral("answers");

class TokenEndpoint
{
public:
    TokenEndpoint()
    {
        m_server.route(QStringLiteral("/oauth/token"), [this](const QHttpServerRequest&) {
            ++m_calls;
            return QHttpServerResponse(QByteArrayLiteral("application/json"), m_body);
        });
        m_port = m_server.listen(QHostAddress::LocalHost);
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    void answer(const QByteArray& body) { m_body = body; }
    int calls() const { return m_calls; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QByteArray m_body;
    int m_calls = 0;
};

QByteArray tokenBody(const QString& access, const QJsonValue& expiresIn)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("access_token"), access},
                             {QStringLiteral("refresh_token"), access + QStringLiteral("-r")},
                             {QStringLiteral("expires_in"), expiresIn},
                             {QStringLiteral("userType"), QStringLiteral("Location")},
                             {QStringLiteral("locationId"), QStringLiteral("loc1")}})
        .toJson(QJsonDocument::Compact);
}

struct Provider
{
    explicit Provider(const TokenEndpoint& endpoint)
        : tokens(nam, secrets, clock, connection(endpoint))
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        bool written = false;
        secrets.write(
            kId, SecretKind::RefreshToken, QStringLiteral("refresh-0"), [&](const QString&) {
                secrets.write(kId, SecretKind::ClientSecret, QStringLiteral("client-secret"),
                    [&](const QString&) { written = true; });
            });
        QTRY_VERIFY_WITH_TIMEOUT(written, waitMs);
    }

    static Connection connection(const TokenEndpoint& endpoint)
    {
        Connection c;
        c.id = kId;
        c.environment = Environment::Custom;
        c.baseUrl = endpoint.baseUrl();
        c.authKind = AuthKind::OAuth;
        c.clientId = QStringLiteral("0123456789abcdef01234567-abcdefgh");
        c.locationId = QStringLiteral("loc1");
        return c;
    }

    // The token a request would get now, or the error it would get.
    QString token(QString* error = nullptr)
    {
        bool answered = false;
        QString value;
        tokens.withToken([&](const QString& token, const QString& problem) {
            answered = true;
            value = token;
            if (error)
                *error = problem;
        });
        if (!QTest::qWaitFor([&answered] { return answered; }, waitMs))
            qWarning("no answer from the token provider");
        return value;
    }

    FakeClock clock;
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    OAuthTokenProvider tokens;
};

} // namespace

class TestTokenAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overflowingLifetimeIsClamped_data();
    void overflowingLifetimeIsClamped();
    void shortLifetimeDoesNotRefreshOnEveryRequest();
    void oversizedAnswerIsRefused();
    void refreshInFlightOutlivesItsProvider();
};

void TestTokenAnswers::overflowingLifetimeIsClamped_data()
{
    QTest::addColumn<QJsonValue>("expiresIn");
    QTest::addColumn<bool>("expiryKnown");
    QTest::newRow("int64 max") << QJsonValue(qint64(std::numeric_limits<qint64>::max())) << true;
    QTest::newRow("huge text") << QJsonValue(QStringLiteral("9223372036854775")) << true;
    QTest::newRow("a century") << QJsonValue(qint64(100LL * 365 * 24 * 3600)) << true;
    QTest::newRow("negative") << QJsonValue(-5) << false;
    QTest::newRow("zero") << QJsonValue(0) << false;
    QTest::newRow("not a number") << QJsonValue(QStringLiteral("soon")) << false;
}

void TestTokenAnswers::overflowingLifetimeIsClamped()
{
    QFETCH(QJsonValue, expiresIn);
    QFETCH(bool, expiryKnown);
    TokenEndpoint endpoint;
    endpoint.answer(tokenBody(QStringLiteral("access-1"), expiresIn));
    Provider provider(endpoint);
    QString error;
    QCOMPARE(provider.token(&error), QStringLiteral("access-1"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QDateTime expiry = provider.tokens.connection().accessTokenExpiresAt;
    QCOMPARE(expiry.isValid(), expiryKnown);
    if (expiryKnown) {
        const qint64 now = provider.clock.nowMs();
        QVERIFY(expiry.toMSecsSinceEpoch() > now);
        QVERIFY(expiry.toMSecsSinceEpoch() <= now + OAuthWire::maxTokenLifetimeS * 1000);
    }
    // The token is used, not refreshed again for every request.
    QCOMPARE(provider.token(), QStringLiteral("access-1"));
    QCOMPARE(endpoint.calls(), 1);
}

void TestTokenAnswers::shortLifetimeDoesNotRefreshOnEveryRequest()
{
    TokenEndpoint endpoint;
    // Two minutes: under the five-minute refresh margin.
    endpoint.answer(tokenBody(QStringLiteral("short-1"), 120));
    Provider provider(endpoint);
    QCOMPARE(provider.token(), QStringLiteral("short-1"));
    QCOMPARE(endpoint.calls(), 1);
    for (int i = 0; i < 5; ++i) {
        provider.clock.advance(10 * 1000);
        QCOMPARE(provider.token(), QStringLiteral("short-1"));
    }
    QCOMPARE(endpoint.calls(), 1);
    // Past half its life it is renewed, once.
    endpoint.answer(tokenBody(QStringLiteral("short-2"), 120));
    provider.clock.advance(15 * 1000);
    QCOMPARE(provider.token(), QStringLiteral("short-2"));
    QCOMPARE(provider.token(), QStringLiteral("short-2"));
    QCOMPARE(endpoint.calls(), 2);
}

void TestTokenAnswers::oversizedAnswerIsRefused()
{
    TokenEndpoint endpoint;
    QJsonObject huge = QJsonDocument::fromJson(tokenBody(QStringLiteral("big-1"), 3600)).object();
    huge.insert(QStringLiteral("padding"), QString(2 * 1024 * 1024, u'x'));
    endpoint.answer(QJsonDocument(huge).toJson(QJsonDocument::Compact));
    Provider provider(endpoint);
    QString error;
    QVERIFY(provider.token(&error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("larger than 64 KiB")), qPrintable(error));
    // Nothing from the oversized answer was adopted or stored.
    bool read = false;
    QString stored;
    provider.secrets.read(
        kId, SecretKind::RefreshToken, [&](const QString& value, bool, const QString&) {
            stored = value;
            read = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(read, waitMs);
    QCOMPARE(stored, QStringLiteral("refresh-0"));
}

void TestTokenAnswers::refreshInFlightOutlivesItsProvider()
{
    // A token endpoint that holds its answer until the test releases it.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket* held = nullptr;
    QByteArray request;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        held = server.nextPendingConnection();
        connect(held, &QTcpSocket::readyRead, this, [&] { request += held->readAll(); });
    });
    FakeClock clock;
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    MemorySecretStore secrets;
    bool written = false;
    secrets.write(kId, SecretKind::RefreshToken, QStringLiteral("refresh-0"), [&](const QString&) {
        secrets.write(kId, SecretKind::ClientSecret, QStringLiteral("client-secret"),
            [&](const QString&) { written = true; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(written, waitMs);
    Connection c;
    c.id = kId;
    c.environment = Environment::Custom;
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    c.authKind = AuthKind::OAuth;
    c.clientId = QStringLiteral("0123456789abcdef01234567-abcdefgh");
    c.locationId = QStringLiteral("loc1");

    QString answeredError;
    bool answered = false;
    {
        OAuthTokenProvider tokens(nam, secrets, clock, c);
        tokens.withToken([&](const QString&, const QString& error) {
            answered = true;
            answeredError = error;
        });
        // The refresh is on the wire (the old refresh token is spent) when the session closes.
        QTRY_VERIFY_WITH_TIMEOUT(request.contains("refresh_token=refresh-0"), waitMs);
    }
    QVERIFY(answered);
    QVERIFY(!answeredError.isEmpty());

    const QByteArray body = tokenBody(QStringLiteral("access-9"), 86399);
    held->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    held->flush();
    const auto stored = [&](SecretKind kind) {
        bool read = false;
        QString value;
        secrets.read(kId, kind, [&](const QString& v, bool, const QString&) {
            value = v;
            read = true;
        });
        if (!QTest::qWaitFor([&read] { return read; }, waitMs))
            return QStringLiteral("(the secret store did not answer)");
        return value;
    };
    // The rotated refresh token the server now expects is the one stored.
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(SecretKind::RefreshToken), QStringLiteral("access-9-r"), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stored(SecretKind::AccessToken), QStringLiteral("access-9"), waitMs);
}

QTEST_GUILESS_MAIN(TestTokenAnswers)
#include "tst_tokenanswers.moc"
