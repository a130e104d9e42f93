// Whatever a server (or a proxy in front of it) sends back becomes a typed result: a raw TCP
// server on 127.0.0.1 answers with exactly the bytes each row gives.
#include "api/apiclient.h"
#include "api/contactsapi.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Api;

namespace {

// Answers every request with `response`, then closes the connection.
class CannedServer : public QTcpServer
{
public:
    QByteArray response;
    qsizetype padding = 0; // extra body bytes streamed after `response`
    int requests = 0;

    CannedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray& seen = m_received[socket];
                    seen += socket->readAll();
                    if (!seen.contains("\r\n\r\n") || m_answered.contains(socket))
                        return;
                    m_answered.insert(socket);
                    ++requests;
                    socket->write(response);
                    for (qsizetype sent = 0; sent < padding; sent += 1024 * 1024)
                        socket->write(
                            QByteArray(qMin<qsizetype>(1024 * 1024, padding - sent), ' '));
                    socket->disconnectFromHost();
                });
                // The next socket may get this one's address: forget it before it goes.
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_received.remove(socket);
                    m_answered.remove(socket);
                    socket->deleteLater();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }

private:
    QHash<QTcpSocket*, QByteArray> m_received;
    QSet<QTcpSocket*> m_answered;
};

QByteArray httpResponse(int status, const QByteArray& contentType, const QByteArray& body,
    qsizetype declaredLength = -1, const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: "
        + QByteArray::number(declaredLength >= 0 ? declaredLength : body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class TestApiResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<CannedServer>();
        ApiConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
        config.locationId = QStringLiteral("location");
        config.retry.backoffMs = {5, 5};
        config.retry.transferTimeoutMs = 10000;
        m_budget = std::make_unique<RateBudget>(m_clock);
        m_client = std::make_unique<ApiClient>(m_network, m_tokens, *m_budget, m_clock, config);
    }
    void cleanup()
    {
        m_client.reset();
        m_budget.reset();
        m_server.reset();
    }

    void oddAnswersBecomeTypedErrors_data();
    void oddAnswersBecomeTypedErrors();
    void wrongTypesFailTheTypedDecoder();
    void hugeBodyIsCutOff();

private:
    ApiJob* getContact()
    {
        RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), QStringLiteral("abcdefghij0123456789"));
        return m_client->call(QStringLiteral("get-contact"), spec);
    }

    SystemClock m_clock;
    QNetworkAccessManager m_network;
    StaticTokenProvider m_tokens {QStringLiteral("secret-token")};
    std::unique_ptr<CannedServer> m_server;
    std::unique_ptr<RateBudget> m_budget;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiResponses::oddAnswersBecomeTypedErrors_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<int>("requests"); // attempts the client makes
    const QByteArray json = "application/json";
    const QByteArray html = "text/html";
    QTest::newRow("empty 200") << httpResponse(200, json, {}) << ApiError::Kind::IncorrectResponse
                               << 1;
    QTest::newRow("HTML 200") << httpResponse(200, html, "<html><body>Welcome</body></html>")
                              << ApiError::Kind::IncorrectResponse << 1;
    QTest::newRow("truncated JSON") << httpResponse(200, json, "{\"contact\":{\"id\":\"ab")
                                    << ApiError::Kind::IncorrectResponse << 1;
    QTest::newRow("array") << httpResponse(200, json, "[1,2,3]")
                           << ApiError::Kind::IncorrectResponse << 1;
    QTest::newRow("missing key") << httpResponse(200, json, "{\"contacts\":[]}")
                                 << ApiError::Kind::IncorrectResponse << 1;
    QTest::newRow("HTML 502 retried")
        << httpResponse(502, html, "<h1>502 Bad Gateway</h1>") << ApiError::Kind::Server << 3;
    QTest::newRow("version header refused, not a sign-in problem")
        << httpResponse(401, json, "{\"statusCode\":401,\"message\":\"version header is invalid\"}")
        << ApiError::Kind::VersionRejected << 1;
    QTest::newRow("422 with a non-array message")
        << httpResponse(422, json, "{\"statusCode\":422,\"message\":\"bad\"}")
        << ApiError::Kind::Validation << 1;
    QTest::newRow("400 not JSON") << httpResponse(400, html, "<b>nope</b>")
                                  << ApiError::Kind::BadRequest << 1;
}

void TestApiResponses::oddAnswersBecomeTypedErrors()
{
    QFETCH(QByteArray, response);
    QFETCH(ApiError::Kind, kind);
    QFETCH(int, requests);
    m_server->response = response;
    ApiJob* job = getContact();
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(job->error().kind(), kind);
    QVERIFY(!job->error().userText().isEmpty());
    QCOMPARE(job->attempts(), requests);
    // The network stack may resend on its own when a connection closes early; never fewer.
    QVERIFY(m_server->requests >= requests);
}

void TestApiResponses::wrongTypesFailTheTypedDecoder()
{
    m_server->response
        = httpResponse(200, "application/json", "{\"contact\":{\"id\":5,\"tags\":\"vip\"}}");
    ContactsApi api(*m_client);
    std::optional<Result<Contact>> result;
    api.getContact(QStringLiteral("abcdefghij0123456789"))
        .then(this, [&result](const Result<Contact>& r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QCOMPARE(result->error.kind(), ApiError::Kind::IncorrectResponse);
    QVERIFY(result->error.messages().join(u' ').contains(QStringLiteral("contact.id")));
}

void TestApiResponses::hugeBodyIsCutOff()
{
    const qsizetype fifty = 50LL * 1024 * 1024;
    m_server->response = httpResponse(200, "application/json", "{\"contact\":{\"id\":\"", fifty);
    m_server->padding = fifty - 17;
    ApiJob* job = getContact();
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(job->error().kind(), ApiError::Kind::IncorrectResponse);
    QVERIFY(job->error().messages().join(u' ').contains(QStringLiteral("larger than")));
}

QTEST_GUILESS_MAIN(TestApiResponses)
#include "tst_apiresponses.moc"
