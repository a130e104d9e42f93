// The `/__sandbox/` control API, fault injection, the request log and the standalone
// contactdesk-sandbox executable.
#include "sandboxfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk::Testing;

class TestSandboxControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_fx = std::make_unique<SandboxFixture>(5); }
    void cleanup() { m_fx.reset(); }

    void adminKeyRequired_data();
    void adminKeyRequired();
    void seedIsRepeatable();
    void seedRejectsBadInput();
    void resetEmptiesContacts();
    void settingsRoundTrip();
    void settingsRejectBadValues();
    void faultStatus();
    void faultHtmlError();
    void faultDropDoesNothing();
    void faultDropAfterCommitWrites();
    void faultMalformedJson();
    void faultLatency();
    void faultCountAndPathPrefix();
    void faultExpireTokens();
    void faultRevokeRefreshTokens();
    void faultIndexLag();
    void faultRejectsUnknownKind();
    void requestLogRedactsSecrets();
    void requestLogSince();
    void standaloneReadyLineAndCleanExit();
    void standaloneKeepsDataAcrossRestarts();
    void standaloneReportsCorruptDataFile();

private:
    QString firstContactId()
    {
        const HttpResult list
            = m_fx->api("GET", QStringLiteral("/contacts/?locationId=%1").arg(m_fx->locationId()));
        return list.object()[QStringLiteral("contacts")][0][QStringLiteral("id")].toString();
    }
    int contactCount()
    {
        const HttpResult list
            = m_fx->api("GET", QStringLiteral("/contacts/?locationId=%1").arg(m_fx->locationId()));
        return list.object()[QStringLiteral("meta")][QStringLiteral("total")].toInt(-1);
    }
    void addFault(const QJsonObject& rule)
    {
        const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/faults"), rule);
        QCOMPARE(r.status, 201);
    }
    QJsonObject newContact(const QString& email)
    {
        return {{QStringLiteral("locationId"), m_fx->locationId()},
            {QStringLiteral("firstName"), QStringLiteral("Fault")},
            {QStringLiteral("email"), email}};
    }

    std::unique_ptr<SandboxFixture> m_fx;
};

void TestSandboxControl::adminKeyRequired_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("wrong") << QByteArray("nope");
}

void TestSandboxControl::adminKeyRequired()
{
    QFETCH(QByteArray, key);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"X-Sandbox-Admin-Key", key});
    const HttpResult r = m_fx->raw("POST", QStringLiteral("/__sandbox/reset"), {}, headers);
    QCOMPARE(r.status, 401);
    QCOMPARE(contactCount(), 5);
}

void TestSandboxControl::seedIsRepeatable()
{
    const auto seededIds = [this](quint64 seed) {
        m_fx->control("POST", QStringLiteral("/__sandbox/reset"));
        const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/seed"),
            QJsonObject {{QStringLiteral("contacts"), 20}, {QStringLiteral("seed"), qint64(seed)}});
        [&] { QCOMPARE(r.status, 201); }();
        QStringList ids;
        const HttpResult list = m_fx->api(
            "GET", QStringLiteral("/contacts/?limit=100&locationId=") + m_fx->locationId());
        for (const QJsonValue& c : list.object()[QStringLiteral("contacts")].toArray())
            ids.append(c[QStringLiteral("id")].toString() + c[QStringLiteral("email")].toString());
        return ids;
    };
    const QStringList first = seededIds(7);
    QCOMPARE(first.size(), 20);
    QCOMPARE(seededIds(7), first);
    QVERIFY(seededIds(8) != first);
}

void TestSandboxControl::seedRejectsBadInput()
{
    QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/seed"),
                     QJsonObject {{QStringLiteral("contacts"), -1}})
                 .status,
        422);
    QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/seed"),
                     QJsonObject {{QStringLiteral("contacts"), QStringLiteral("many")}})
                 .status,
        422);
    QCOMPARE(contactCount(), 5);
}

void TestSandboxControl::resetEmptiesContacts()
{
    QCOMPARE(m_fx->control("POST", QStringLiteral("/__sandbox/reset")).status, 200);
    QCOMPARE(contactCount(), 0);
    // Credentials survive a reset.
    QCOMPARE(m_fx->api("GET", QStringLiteral("/contacts/?locationId=") + m_fx->locationId()).status,
        200);
}

void TestSandboxControl::settingsRoundTrip()
{
    const QJsonObject wanted {
        {QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 7}, {QStringLiteral("windowMs"), 500}}},
        {QStringLiteral("dailyLimit"), 1000}, {QStringLiteral("allowDuplicates"), true},
        {QStringLiteral("accessTokenLifetimeS"), 120}};
    const HttpResult put = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"), wanted);
    QCOMPARE(put.status, 200);
    const HttpResult get = m_fx->control("GET", QStringLiteral("/__sandbox/settings"));
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        QCOMPARE(get.object()[it.key()], it.value());
    const HttpResult api = m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId());
    QCOMPARE(api.header("x-ratelimit-max"), QByteArray("7"));
    QCOMPARE(api.header("x-ratelimit-interval-milliseconds"), QByteArray("500"));
    QCOMPARE(api.header("x-ratelimit-limit-daily"), QByteArray("1000"));
}

void TestSandboxControl::settingsRejectBadValues()
{
    const HttpResult r = m_fx->control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("dailyLimit"), -5}});
    QCOMPARE(r.status, 422);
    const HttpResult unknown = m_fx->control(
        "PUT", QStringLiteral("/__sandbox/settings"), QJsonObject {{QStringLiteral("colour"), 1}});
    QCOMPARE(unknown.status, 422);
    QCOMPARE(m_fx->control("GET", QStringLiteral("/__sandbox/settings"))
                 .object()[QStringLiteral("dailyLimit")]
                 .toInt(),
        200000);
}

void TestSandboxControl::faultStatus()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 503},
        {QStringLiteral("count"), 1}});
    const HttpResult failed = m_fx->api(
        "POST", QStringLiteral("/contacts/"), newContact(QStringLiteral("a@fault.test")));
    QCOMPARE(failed.status, 503);
    QCOMPARE(contactCount(), 5);
    const HttpResult ok = m_fx->api(
        "POST", QStringLiteral("/contacts/"), newContact(QStringLiteral("a@fault.test")));
    QCOMPARE(ok.status, 201);
    QCOMPARE(contactCount(), 6);
}

void TestSandboxControl::faultHtmlError()
{
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("html-error")}});
    const HttpResult r = m_fx->api("GET", QStringLiteral("/contacts/abc"));
    QCOMPARE(r.status, 502);
    QVERIFY(r.header("content-type").startsWith("text/html"));
    QVERIFY(r.body.contains("502 Bad Gateway"));
    QVERIFY(r.json.isUndefined());
}

// QNetworkAccessManager resends a request whose connection closed before any answer, so the
// drop rules stay until cleared: every attempt must meet the fault.
void TestSandboxControl::faultDropDoesNothing()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("drop")}});
    const HttpResult r = m_fx->api(
        "POST", QStringLiteral("/contacts/"), newContact(QStringLiteral("drop@fault.test")));
    QCOMPARE(r.status, 0);
    QVERIFY(!r.networkError.isEmpty());
    m_fx->control("DELETE", QStringLiteral("/__sandbox/faults"));
    QCOMPARE(contactCount(), 5);
}

void TestSandboxControl::faultDropAfterCommitWrites()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("drop-after-commit")}});
    const HttpResult r = m_fx->api(
        "POST", QStringLiteral("/contacts/"), newContact(QStringLiteral("commit@fault.test")));
    QCOMPARE(r.status, 0);
    m_fx->control("DELETE", QStringLiteral("/__sandbox/faults"));
    // The first attempt was written; resends met the duplicate rule.
    QCOMPARE(contactCount(), 6);
    const HttpResult dup = m_fx->api("GET",
        QStringLiteral("/contacts/search/duplicate?locationId=%1"
                       "&email=commit%40fault.test")
            .arg(m_fx->locationId()));
    QVERIFY(dup.object()[QStringLiteral("contact")].isObject());
}

void TestSandboxControl::faultMalformedJson()
{
    const QString path = QStringLiteral("/contacts/") + firstContactId();
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("malformed-json")}, {QStringLiteral("count"), 1}});
    const HttpResult r = m_fx->api("GET", path);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.body.isEmpty());
    QVERIFY(r.json.isUndefined());
}

void TestSandboxControl::faultLatency()
{
    const QString path = QStringLiteral("/contacts/") + firstContactId();
    addFault({{QStringLiteral("path"), path}, {QStringLiteral("kind"), QStringLiteral("latency")},
        {QStringLiteral("latencyMs"), 300}, {QStringLiteral("count"), 1}});
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = m_fx->api("GET", path);
    QCOMPARE(r.status, 200);
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(r.object()[QStringLiteral("contact")].isObject());
}

void TestSandboxControl::faultCountAndPathPrefix()
{
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("status")}, {QStringLiteral("status"), 500},
        {QStringLiteral("count"), 2}});
    const QString path = QStringLiteral("/contacts/") + QStringLiteral("x");
    QCOMPARE(m_fx->api("GET", path).status, 500);
    QCOMPARE(m_fx->api("GET", path).status, 500);
    QCOMPARE(m_fx->control("GET", QStringLiteral("/__sandbox/faults"))
                 .object()[QStringLiteral("faults")]
                 .toArray()
                 .size(),
        0);
    QCOMPARE(m_fx->api("GET", QStringLiteral("/health")).status, 200);
    addFault({{QStringLiteral("path"), QStringLiteral("/contacts/*")},
        {QStringLiteral("kind"), QStringLiteral("status")}});
    QCOMPARE(m_fx->control("DELETE", QStringLiteral("/__sandbox/faults")).status, 200);
    QVERIFY(m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId()).status == 200);
}

void TestSandboxControl::faultExpireTokens()
{
    const HttpResult minted = m_fx->control("POST", QStringLiteral("/__sandbox/tokens"));
    const QString token = minted.object()[QStringLiteral("access_token")].toString();
    const QString path = QStringLiteral("/contacts/") + firstContactId();
    QCOMPARE(m_fx->api("GET", path, QJsonValue::Undefined, {}, token).status, 200);
    addFault({{QStringLiteral("path"), path},
        {QStringLiteral("kind"), QStringLiteral("expire-tokens")}, {QStringLiteral("count"), 1}});
    QCOMPARE(m_fx->api("GET", path, QJsonValue::Undefined, {}, token).status, 401);
    QCOMPARE(m_fx->api("GET", path, QJsonValue::Undefined, {}, token).status, 401);
    // Private integration tokens do not expire.
    QCOMPARE(m_fx->api("GET", path).status, 200);
}

void TestSandboxControl::faultRevokeRefreshTokens()
{
    auto& data = m_fx->data();
    ContactDesk::Sandbox::RefreshGrant grant;
    grant.token = QStringLiteral("refresh-1");
    grant.clientId = data.oauthApp().clientId;
    data.refreshGrants().insert(grant.token, grant);
    addFault({{QStringLiteral("path"), QStringLiteral("/health")},
        {QStringLiteral("kind"), QStringLiteral("revoke-refresh-tokens")},
        {QStringLiteral("count"), 1}});
    QCOMPARE(m_fx->api("GET", QStringLiteral("/health")).status, 200);
    QVERIFY(data.refreshGrants().isEmpty());
}

void TestSandboxControl::faultIndexLag()
{
    addFault({{QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/contacts/")},
        {QStringLiteral("kind"), QStringLiteral("index-lag")}, {QStringLiteral("latencyMs"), 2000},
        {QStringLiteral("count"), 1}});
    const HttpResult created = m_fx->api(
        "POST", QStringLiteral("/contacts/"), newContact(QStringLiteral("lag@fault.test")));
    QCOMPARE(created.status, 201);
    const QJsonObject search {{QStringLiteral("locationId"), m_fx->locationId()},
        {QStringLiteral("pageLimit"), 10},
        {QStringLiteral("filters"),
            QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("email")},
                {QStringLiteral("operator"), QStringLiteral("eq")},
                {QStringLiteral("value"), QStringLiteral("lag@fault.test")}}}}};
    QCOMPARE(m_fx->api("POST", QStringLiteral("/contacts/search"), search)
                 .object()[QStringLiteral("total")]
                 .toInt(),
        0);
    m_fx->clock().advance(2001);
    QCOMPARE(m_fx->api("POST", QStringLiteral("/contacts/search"), search)
                 .object()[QStringLiteral("total")]
                 .toInt(),
        1);
}

void TestSandboxControl::faultRejectsUnknownKind()
{
    const HttpResult r = m_fx->control("POST", QStringLiteral("/__sandbox/faults"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("explode")}});
    QCOMPARE(r.status, 422);
    QVERIFY(r.object()[QStringLiteral("message")][0].toString().contains(
        QStringLiteral("drop-after-commit")));
}

void TestSandboxControl::requestLogRedactsSecrets()
{
    const qint64 start = m_fx->data().clock().nowMs();
    Q_UNUSED(start);
    m_fx->api("GET", QStringLiteral("/contacts/") + firstContactId());
    m_fx->raw("POST", QStringLiteral("/oauth/token"),
        "client_id=x&client_secret=SUPERSECRET&grant_type=refresh_token&refresh_token="
        "REFRESHSECRET",
        {{"Content-Type", "application/x-www-form-urlencoded"}});
    const HttpResult log = m_fx->control("GET", QStringLiteral("/__sandbox/requests?since=0"));
    QCOMPARE(log.status, 200);
    QVERIFY(!log.body.contains(m_fx->pit().toUtf8()));
    QVERIFY(!log.body.contains("SUPERSECRET"));
    QVERIFY(!log.body.contains("REFRESHSECRET"));
    QVERIFY(!log.body.contains(m_fx->data().adminKey().toUtf8()));
    const QJsonArray entries = log.object()[QStringLiteral("requests")].toArray();
    QVERIFY(entries.size() >= 3);
    const QJsonObject get = entries.at(1).toObject();
    QCOMPARE(get[QStringLiteral("method")].toString(), QStringLiteral("GET"));
    QCOMPARE(get[QStringLiteral("status")].toInt(), 200);
    QCOMPARE(get[QStringLiteral("operationId")].toString(), QStringLiteral("get-contact"));
    QCOMPARE(get[QStringLiteral("requestHeaders")][QStringLiteral("authorization")].toString(),
        QStringLiteral("Bearer [redacted]"));
    QVERIFY(get[QStringLiteral("responseBody")].toString().contains(QStringLiteral("\"contact\"")));
    for (const char* key : {"seq", "method", "path", "query", "status", "latencyMs",
             "requestHeaders", "requestBody", "responseBody"})
        QVERIFY2(get.contains(QLatin1StringView(key)), key);
}

void TestSandboxControl::requestLogSince()
{
    m_fx->api("GET", QStringLiteral("/health"));
    const HttpResult first = m_fx->control("GET", QStringLiteral("/__sandbox/requests"));
    const qint64 last = first.object()[QStringLiteral("lastSeq")].toInteger();
    m_fx->api("GET", QStringLiteral("/nowhere"));
    const HttpResult next
        = m_fx->control("GET", QStringLiteral("/__sandbox/requests?since=%1").arg(last));
    // A control call is logged once answered: the first listing shows up in the second.
    const QJsonArray entries = next.object()[QStringLiteral("requests")].toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0)[QStringLiteral("operationId")].toString(), QStringLiteral("control"));
    QCOMPARE(entries.at(0)[QStringLiteral("seq")].toInteger(), last + 1);
    QCOMPARE(entries.at(1)[QStringLiteral("path")].toString(), QStringLiteral("/nowhere"));
    QCOMPARE(entries.at(1)[QStringLiteral("status")].toInt(), 404);
    QCOMPARE(entries.at(1)[QStringLiteral("seq")].toInteger(), last + 2);
}

namespace {

struct Standalone
{
    QProcess process;
    QJsonObject info;

    bool start(const QStringList& arguments)
    {
        process.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE), arguments);
        if (!process.waitForStarted(10000) || !process.waitForReadyRead(20000))
            return false;
        info = QJsonDocument::fromJson(process.readLine()).object();
        return !info.isEmpty();
    }
    int stop()
    {
        process.terminate();
        process.waitForFinished(20000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
};

HttpResult getFrom(const QJsonObject& info, const QString& path)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(info[QStringLiteral("baseUrl")].toString() + path));
    request.setRawHeader("Version", "2021-07-28");
    request.setRawHeader("Authorization",
        "Bearer " + info[QStringLiteral("privateIntegrationToken")].toString().toUtf8());
    QNetworkReply* reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    reply->deleteLater();
    return result;
}

} // namespace

void TestSandboxControl::standaloneReadyLineAndCleanExit()
{
    Standalone server;
    QVERIFY(server.start(
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
            QStringLiteral("12"), QStringLiteral("--rate-limit"), QStringLiteral("50/1000")}));
    for (const char* key : {"baseUrl", "locationId", "companyId", "privateIntegrationToken",
             "clientId", "clientSecret", "adminKey"})
        QVERIFY2(!server.info[QLatin1StringView(key)].toString().isEmpty(), key);
    QVERIFY(server.info[QStringLiteral("baseUrl")].toString().startsWith(
        QStringLiteral("http://127.0.0.1:")));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{24}-[a-z0-9]{8}$"))
                .match(server.info[QStringLiteral("clientId")].toString())
                .hasMatch());
    const HttpResult r = getFrom(server.info,
        QStringLiteral("/contacts/?locationId=")
            + server.info[QStringLiteral("locationId")].toString());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object()[QStringLiteral("meta")][QStringLiteral("total")].toInt(), 12);
    QCOMPARE(server.stop(), 0);
}

void TestSandboxControl::standaloneKeepsDataAcrossRestarts()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sandbox.json"));
    QString locationId;
    {
        Standalone server;
        QVERIFY(server.start({QStringLiteral("--data"), file, QStringLiteral("--seed-contacts"),
            QStringLiteral("4")}));
        locationId = server.info[QStringLiteral("locationId")].toString();
        QCOMPARE(server.stop(), 0);
    }
    Standalone again;
    QVERIFY(again.start({QStringLiteral("--data"), file}));
    QCOMPARE(again.info[QStringLiteral("locationId")].toString(), locationId);
    const HttpResult r = getFrom(again.info, QStringLiteral("/contacts/?locationId=") + locationId);
    QCOMPARE(r.object()[QStringLiteral("meta")][QStringLiteral("total")].toInt(), 4);
    QCOMPARE(again.stop(), 0);
}

void TestSandboxControl::standaloneReportsCorruptDataFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sandbox.json"));
    QFile corrupt(file);
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("{\"format\":\"contactdesk-sandbox/1\", \"contacts\": [tru");
    corrupt.close();
    QProcess process;
    process.start(QStringLiteral(CONTACTDESK_SANDBOX_EXE), {QStringLiteral("--data"), file});
    QVERIFY(process.waitForFinished(20000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("corrupt"));
    QVERIFY(corrupt.open(QIODevice::ReadOnly));
    QCOMPARE(
        corrupt.readAll(), QByteArray("{\"format\":\"contactdesk-sandbox/1\", \"contacts\": [tru"));
}

QTEST_GUILESS_MAIN(TestSandboxControl)
#include "tst_sandboxcontrol.moc"
