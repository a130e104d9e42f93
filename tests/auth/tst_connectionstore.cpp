// ConnectionStore over a real INI settings file: every field survives a restart, the built-in
// sandbox is always there and is the default, the active connection persists, a damaged file
// costs at most the damaged entry, and nothing secret-looking is ever written.
#include "auth/connectionstore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk::Auth;

namespace {

using L = QLatin1StringView;

Connection oauthProduction()
{
    Connection c;
    c.id = QStringLiteral("2b0c1f0e-5a8d-4d55-9d1c-6f0b7d0d8a11");
    c.displayName = QStringLiteral("Acme, Inc. – Zürich");
    c.environment = Environment::Production;
    c.baseUrl = QUrl(QStringLiteral("https://services.leadconnectorhq.com"));
    c.authorizeBaseUrl = QUrl(QStringLiteral("https://marketplace.leadconnectorhq.com"));
    c.authKind = AuthKind::OAuth;
    c.clientId = QStringLiteral("6650a1b2c3d4e5f6a7b8c9d0-lx1y2z3");
    c.locationId = QStringLiteral("ve9EPM428h8vShlRW1KT");
    c.companyId = QStringLiteral("5DP4iH6HLkQsiKESj6rh");
    c.userId = QStringLiteral("Ux1y2z3a4b5c6d7e8f9g");
    c.scopes = {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")};
    c.accessTokenExpiresAt = QDateTime::fromMSecsSinceEpoch(1793534400123, Qt::UTC);
    c.state = ConnectionState::NeedsSignIn;
    return c;
}

Connection customPit()
{
    Connection c;
    c.id = QStringLiteral("staging-1");
    c.displayName = QStringLiteral("Staging");
    c.environment = Environment::Custom;
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8123/api?x=a%20b"));
    c.authKind = AuthKind::PrivateIntegrationToken;
    c.locationId = QStringLiteral("loc-staging");
    return c;
}

// The only keys ConnectionStore may write.
const QStringList connectionKeys = {
    QStringLiteral("displayName"),
    QStringLiteral("environment"),
    QStringLiteral("baseUrl"),
    QStringLiteral("authorizeBaseUrl"),
    QStringLiteral("authKind"),
    QStringLiteral("clientId"),
    QStringLiteral("locationId"),
    QStringLiteral("companyId"),
    QStringLiteral("userId"),
    QStringLiteral("scopes"),
    QStringLiteral("accessTokenExpiresAt"),
    QStringLiteral("state"),
};

} // namespace

class TestConnectionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstStartHasOnlyTheSandboxAsDefault();
    void everyFieldSurvivesARestart_data();
    void everyFieldSurvivesARestart();
    void sandboxKeepsItsIdentityButSavesItsFields();
    void listIsSandboxFirstThenByName();
    void removeForgetsTheConnection();
    void sandboxCannotBeRemoved();
    void removingTheActiveOneFallsBackToTheSandbox();
    void activeConnectionPersists();
    void unknownConnectionCannotBeActivated();
    void invalidConnectionsAreRefused_data();
    void invalidConnectionsAreRefused();
    void plainHttpOnlyForThisMachine();
    void changedOnlyWhenSomethingChanged();
    void reloadSeesAnotherProcessesChanges();
    void damagedEntriesAreSkipped_data();
    void damagedEntriesAreSkipped();
    void unreadableFieldsFallBackToDefaults();
    void garbageFileLeavesTheSandbox();
    void nothingSecretIsWritten();
    void savingDropsForeignKeysOfThatConnection();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("contactdesk.ini")); }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(path(), QSettings::IniFormat);
    }
    void writeFile(const QByteArray& contents) const
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(contents);
    }
    QByteArray fileContents() const
    {
        QFile file(path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static QStringList ids(const ConnectionStore& store)
    {
        QStringList result;
        for (const Connection& c : store.connections())
            result.append(c.id);
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConnectionStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConnectionStore::cleanup()
{
    m_dir.reset();
}

void TestConnectionStore::firstStartHasOnlyTheSandboxAsDefault()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QCOMPARE(store.connections(), QList<Connection> {ConnectionStore::builtInSandbox()});
    QCOMPARE(store.activeId(), QStringLiteral("sandbox"));
    const Connection active = store.active();
    QVERIFY(active.isSandbox());
    QCOMPARE(active.displayName, QStringLiteral("Built-in sandbox"));
    QCOMPARE(active.authKind, AuthKind::PrivateIntegrationToken);
    QVERIFY(store.find(QStringLiteral("sandbox")).has_value());
}

void TestConnectionStore::everyFieldSurvivesARestart_data()
{
    QTest::addColumn<Connection>("connection");
    QTest::newRow("oauth production, every field") << oauthProduction();
    QTest::newRow("custom PIT, few fields") << customPit();
    Connection whiteLabel = oauthProduction();
    whiteLabel.id = QStringLiteral("white-label");
    whiteLabel.authorizeBaseUrl = QUrl(QStringLiteral("https://marketplace.example-agency.com"));
    whiteLabel.scopes = {QStringLiteral("contacts.readonly")};
    whiteLabel.accessTokenExpiresAt = {};
    whiteLabel.state = ConnectionState::Ready;
    QTest::newRow("white-label host, no expiry") << whiteLabel;
}

void TestConnectionStore::everyFieldSurvivesARestart()
{
    QFETCH(Connection, connection);
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(connection));
        QCOMPARE(store.find(connection.id), connection);
    }
    auto settings = openSettings();
    ConnectionStore reopened(*settings);
    const std::optional<Connection> loaded = reopened.find(connection.id);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->displayName, connection.displayName);
    QCOMPARE(loaded->environment, connection.environment);
    QCOMPARE(loaded->baseUrl, connection.baseUrl);
    QCOMPARE(loaded->authorizeBaseUrl, connection.authorizeBaseUrl);
    QCOMPARE(loaded->authKind, connection.authKind);
    QCOMPARE(loaded->clientId, connection.clientId);
    QCOMPARE(loaded->locationId, connection.locationId);
    QCOMPARE(loaded->companyId, connection.companyId);
    QCOMPARE(loaded->userId, connection.userId);
    QCOMPARE(loaded->scopes, connection.scopes);
    QCOMPARE(loaded->accessTokenExpiresAt, connection.accessTokenExpiresAt);
    QCOMPARE(loaded->state, connection.state);
    QCOMPARE(*loaded, connection);
}

void TestConnectionStore::sandboxKeepsItsIdentityButSavesItsFields()
{
    Connection sandbox = ConnectionStore::builtInSandbox();
    sandbox.displayName = QStringLiteral("Renamed");
    sandbox.environment = Environment::Production;
    sandbox.authKind = AuthKind::OAuth;
    sandbox.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:40123"));
    sandbox.locationId = QStringLiteral("sandboxLocation00001");
    sandbox.scopes = {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")};
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(sandbox));
        QCOMPARE(store.connections().size(), 1);
    }
    auto settings = openSettings();
    ConnectionStore reopened(*settings);
    QCOMPARE(reopened.connections().size(), 1);
    const Connection loaded = reopened.connections().first();
    QCOMPARE(loaded.id, QStringLiteral("sandbox"));
    QCOMPARE(loaded.displayName, QStringLiteral("Built-in sandbox"));
    QCOMPARE(loaded.environment, Environment::Sandbox);
    QCOMPARE(loaded.authKind, AuthKind::PrivateIntegrationToken);
    QCOMPARE(loaded.baseUrl, sandbox.baseUrl);
    QCOMPARE(loaded.locationId, sandbox.locationId);
    QCOMPARE(loaded.scopes, sandbox.scopes);
}

void TestConnectionStore::listIsSandboxFirstThenByName()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    Connection zulu = customPit();
    zulu.id = QStringLiteral("z");
    zulu.displayName = QStringLiteral("zulu");
    Connection alpha = customPit();
    alpha.id = QStringLiteral("a");
    alpha.displayName = QStringLiteral("Alpha");
    Connection bravo = customPit();
    bravo.id = QStringLiteral("b");
    bravo.displayName = QStringLiteral("bravo");
    QVERIFY(store.save(zulu));
    QVERIFY(store.save(alpha));
    QVERIFY(store.save(bravo));
    const QStringList expected = {
        QStringLiteral("sandbox"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("z")};
    QCOMPARE(ids(store), expected);
    auto reopenedSettings = openSettings();
    QCOMPARE(ids(ConnectionStore(*reopenedSettings)), expected);
}

void TestConnectionStore::removeForgetsTheConnection()
{
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(oauthProduction()));
        QVERIFY(store.save(customPit()));
        QSignalSpy changed(&store, &ConnectionStore::changed);
        QVERIFY(store.remove(customPit().id));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!store.contains(customPit().id));
        QVERIFY(!store.remove(customPit().id));
        QVERIFY(!store.remove(QStringLiteral("never-existed")));
        QCOMPARE(changed.size(), 1);
    }
    auto settings = openSettings();
    ConnectionStore reopened(*settings);
    QCOMPARE(ids(reopened), (QStringList {QStringLiteral("sandbox"), oauthProduction().id}));
    QVERIFY(!fileContents().contains("staging-1"));
}

void TestConnectionStore::sandboxCannotBeRemoved()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QSignalSpy changed(&store, &ConnectionStore::changed);
    QTest::ignoreMessage(QtWarningMsg, "the built-in sandbox connection cannot be removed");
    QVERIFY(!store.remove(QStringLiteral("sandbox")));
    QVERIFY(store.contains(QStringLiteral("sandbox")));
    QCOMPARE(changed.size(), 0);
}

void TestConnectionStore::removingTheActiveOneFallsBackToTheSandbox()
{
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(customPit()));
        QVERIFY(store.setActive(customPit().id));
        QVERIFY(store.remove(customPit().id));
        QCOMPARE(store.activeId(), QStringLiteral("sandbox"));
    }
    auto settings = openSettings();
    QCOMPARE(ConnectionStore(*settings).activeId(), QStringLiteral("sandbox"));
}

void TestConnectionStore::activeConnectionPersists()
{
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(oauthProduction()));
        QVERIFY(store.save(customPit()));
        QSignalSpy changed(&store, &ConnectionStore::changed);
        QVERIFY(store.setActive(customPit().id));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.active(), customPit());
    }
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QCOMPARE(store.activeId(), customPit().id);
        QVERIFY(store.setActive(QStringLiteral("sandbox")));
    }
    auto settings = openSettings();
    QCOMPARE(ConnectionStore(*settings).activeId(), QStringLiteral("sandbox"));
}

void TestConnectionStore::unknownConnectionCannotBeActivated()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QSignalSpy changed(&store, &ConnectionStore::changed);
    QTest::ignoreMessage(QtWarningMsg, "cannot activate unknown connection ghost");
    QVERIFY(!store.setActive(QStringLiteral("ghost")));
    QCOMPARE(store.activeId(), QStringLiteral("sandbox"));
    QCOMPARE(changed.size(), 0);
}

void TestConnectionStore::invalidConnectionsAreRefused_data()
{
    QTest::addColumn<Connection>("connection");
    QTest::addColumn<QString>("warning");

    Connection c = customPit();
    c.id.clear();
    QTest::newRow("empty id") << c << QStringLiteral("invalid id");
    c = customPit();
    c.id = QStringLiteral("a/b");
    QTest::newRow("slash in id") << c << QStringLiteral("invalid id");
    c = customPit();
    c.id = QStringLiteral("with space");
    QTest::newRow("space in id") << c << QStringLiteral("invalid id");
    c = customPit();
    c.environment = Environment::Sandbox;
    QTest::newRow("second sandbox") << c << QStringLiteral("sandbox's environment");
    c = customPit();
    c.baseUrl.clear();
    QTest::newRow("custom without base URL") << c << QStringLiteral("without an http(s) base URL");
    c = customPit();
    c.baseUrl = QUrl(QStringLiteral("ftp://example.com"));
    QTest::newRow("custom with ftp URL") << c << QStringLiteral("without an http(s) base URL");
    c = oauthProduction();
    c.authorizeBaseUrl = QUrl(QStringLiteral("javascript:alert(1)"));
    QTest::newRow("authorize URL not http") << c << QStringLiteral("not http(s)");
    // Plain http would send the token and client secret in clear to another machine.
    c = customPit();
    c.baseUrl = QUrl(QStringLiteral("http://api.example.com"));
    QTest::newRow("plain http to another host") << c << QStringLiteral("plain http to another");
    c = customPit();
    c.baseUrl = QUrl(QStringLiteral("http://192.168.1.20:8080"));
    QTest::newRow("plain http to a LAN address") << c << QStringLiteral("plain http to another");
    c = oauthProduction();
    c.authorizeBaseUrl = QUrl(QStringLiteral("http://marketplace.example-agency.com"));
    QTest::newRow("plain http authorize host") << c << QStringLiteral("plain http to another");
    c = customPit();
    c.baseUrl = QUrl(QStringLiteral("https://user:pw@api.example.com"));
    QTest::newRow("credentials in the URL") << c << QStringLiteral("user name or password");
    // Ids name the cache folder.
    c = customPit();
    c.id = QStringLiteral(".");
    QTest::newRow("dot id") << c << QStringLiteral("invalid id");
    c = customPit();
    c.id = QStringLiteral("..");
    QTest::newRow("dot-dot id") << c << QStringLiteral("invalid id");
    c = customPit();
    c.id = QStringLiteral(".hidden");
    QTest::newRow("id starting with a dot") << c << QStringLiteral("invalid id");
}

void TestConnectionStore::invalidConnectionsAreRefused()
{
    QFETCH(Connection, connection);
    QFETCH(QString, warning);
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QSignalSpy changed(&store, &ConnectionStore::changed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(warning)));
    QVERIFY(!store.save(connection));
    QCOMPARE(ids(store), QStringList {QStringLiteral("sandbox")});
    QCOMPARE(changed.size(), 0);
    QVERIFY(!fileContents().contains("connections"));
}

void TestConnectionStore::plainHttpOnlyForThisMachine()
{
    for (const char* url : {"http://127.0.0.1:8123", "http://127.0.0.2", "http://localhost:9000",
             "http://[::1]:4000", "https://api.example.com"}) {
        const QUrl base(QString::fromLatin1(url));
        QVERIFY2(isAllowedBaseUrl(base), url);
        QVERIFY2(baseUrlProblem(base).isEmpty(), url);
    }
    for (const char* url : {"http://api.example.com", "http://10.0.0.1", "http://127.0.0.1.nip.io",
             "http://localhost.example.com", "ftp://127.0.0.1", "https://"}) {
        const QUrl base(QString::fromLatin1(url));
        QVERIFY2(!isAllowedBaseUrl(base), url);
        QVERIFY2(!baseUrlProblem(base).isEmpty(), url);
    }
    auto settings = openSettings();
    ConnectionStore store(*settings);
    Connection c = customPit();
    c.baseUrl = QUrl(QStringLiteral("http://localhost:8123"));
    QVERIFY(store.save(c));
    QCOMPARE(store.find(c.id)->baseUrl, c.baseUrl);
}

void TestConnectionStore::changedOnlyWhenSomethingChanged()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QSignalSpy changed(&store, &ConnectionStore::changed);
    QVERIFY(store.save(oauthProduction()));
    QCOMPARE(changed.size(), 1);
    QVERIFY(store.save(oauthProduction()));
    QCOMPARE(changed.size(), 1);
    Connection renamed = oauthProduction();
    renamed.displayName = QStringLiteral("Acme");
    QVERIFY(store.save(renamed));
    QCOMPARE(changed.size(), 2);
    QVERIFY(store.setActive(QStringLiteral("sandbox")));
    QCOMPARE(changed.size(), 2);
}

void TestConnectionStore::reloadSeesAnotherProcessesChanges()
{
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QSignalSpy changed(&store, &ConnectionStore::changed);
    {
        auto otherSettings = openSettings();
        ConnectionStore other(*otherSettings);
        QVERIFY(other.save(customPit()));
        QVERIFY(other.setActive(customPit().id));
    }
    store.reload();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.find(customPit().id), customPit());
    QCOMPARE(store.activeId(), customPit().id);
    store.reload();
    QCOMPARE(changed.size(), 1);
}

void TestConnectionStore::damagedEntriesAreSkipped_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<QString>("expectedActive");
    QTest::addColumn<QStringList>("warnings");

    const QByteArray good = "[connections/good]\n"
                            "environment=production\nauthKind=pit\nlocationId=loc1\n";
    const QStringList sandboxAndGood = {QStringLiteral("sandbox"), QStringLiteral("good")};
    const QString sandbox = QStringLiteral("sandbox");

    QTest::newRow("unknown environment")
        << good + "[connections/bad]\nenvironment=mars\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting environment has the unknown value \"mars\"")};
    QTest::newRow("unknown auth kind")
        << good + "[connections/bad]\nenvironment=production\nauthKind=42\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting authKind has the unknown value")};
    QTest::newRow("missing environment")
        << good + "[connections/bad]\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting environment is missing")};
    QTest::newRow("environment not text")
        << good + "[connections/bad]\nenvironment=@Rect(1 2 3 4)\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting environment is not text")};
    QTest::newRow("second sandbox")
        << good + "[connections/bad]\nenvironment=sandbox\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad claims the built-in sandbox's environment")};
    QTest::newRow("custom without base URL")
        << good + "[connections/bad]\nenvironment=custom\nauthKind=pit\nbaseUrl=not a url\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting baseUrl is not an http(s) URL"),
               QStringLiteral("bad is a custom connection without a base URL")};
    QTest::newRow("plain http to another host")
        << good + "[connections/bad]\nenvironment=custom\nauthKind=pit\nbaseUrl=http://h.example\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("bad setting baseUrl is not an http(s) URL"),
               QStringLiteral("bad is a custom connection without a base URL")};
    QTest::newRow("dot-dot group name")
        << good + "[connections/..]\nenvironment=production\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("connection group .. has an invalid id")};
    QTest::newRow("invalid group name")
        << good + "[connections/bad%20id]\nenvironment=production\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("connection group bad id has an invalid id")};
    QTest::newRow("active points nowhere")
        << good + "[General]\nactiveConnection=ghost\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("the active connection is not a known one")};
    QTest::newRow("active is a list")
        << good + "[General]\nactiveConnection=good, sandbox\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("the active connection is not a known one")};
    QTest::newRow("active is kept") << good + "[General]\nactiveConnection=good\n"
                                    << sandboxAndGood << QStringLiteral("good") << QStringList {};
    QTest::newRow("damaged sandbox entry falls back to the built-in one")
        << good + "[connections/sandbox]\nenvironment=nowhere\nauthKind=pit\n"
        << sandboxAndGood << sandbox
        << QStringList {QStringLiteral("sandbox setting environment has the unknown")};
}

void TestConnectionStore::damagedEntriesAreSkipped()
{
    QFETCH(QByteArray, ini);
    QFETCH(QStringList, expectedIds);
    QFETCH(QString, expectedActive);
    QFETCH(QStringList, warnings);
    writeFile(ini);
    for (const QString& warning : warnings)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(warning)));
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QCOMPARE(ids(store), expectedIds);
    QCOMPARE(store.activeId(), expectedActive);
    QCOMPARE(store.connections().first(), ConnectionStore::builtInSandbox());
    QCOMPARE(store.find(QStringLiteral("good"))->locationId, QStringLiteral("loc1"));
}

void TestConnectionStore::unreadableFieldsFallBackToDefaults()
{
    writeFile("[connections/c1]\n"
              "displayName=@Rect(1 2 3 4)\n"
              "environment=production\n"
              "authKind=oauth\n"
              "baseUrl=\"ftp://example.com\"\n"
              "authorizeBaseUrl=https://marketplace.leadconnectorhq.com\n"
              "locationId=loc1\n"
              "scopes=contacts.readonly, contacts.write\n"
              "accessTokenExpiresAt=yesterday\n"
              "state=confused\n");
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("displayName is not text")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("baseUrl is not an http")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("accessTokenExpiresAt is not an ISO")));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("state has the unknown value")));
    auto settings = openSettings();
    ConnectionStore store(*settings);
    const std::optional<Connection> c = store.find(QStringLiteral("c1"));
    QVERIFY(c.has_value());
    QCOMPARE(c->displayName, QString());
    QCOMPARE(c->environment, Environment::Production);
    QCOMPARE(c->authKind, AuthKind::OAuth);
    QCOMPARE(c->baseUrl, QUrl());
    QCOMPARE(c->authorizeBaseUrl, QUrl(QStringLiteral("https://marketplace.leadconnectorhq.com")));
    QCOMPARE(c->locationId, QStringLiteral("loc1"));
    // An unquoted comma makes the INI value a list; the scopes still come out right.
    QCOMPARE(c->scopes,
        (QStringList {QStringLiteral("contacts.readonly"), QStringLiteral("contacts.write")}));
    QVERIFY(!c->accessTokenExpiresAt.isValid());
    QCOMPARE(c->state, ConnectionState::Ready);
}

void TestConnectionStore::garbageFileLeavesTheSandbox()
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    garbage.prepend("[connections/x\n=\n[[[\x00\xff", 12);
    writeFile(garbage);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(".*")));
    auto settings = openSettings();
    ConnectionStore store(*settings);
    QCOMPARE(store.connections().first(), ConnectionStore::builtInSandbox());
    QCOMPARE(store.activeId(), QStringLiteral("sandbox"));
    QVERIFY(store.active().isSandbox());
}

void TestConnectionStore::nothingSecretIsWritten()
{
    {
        auto settings = openSettings();
        ConnectionStore store(*settings);
        QVERIFY(store.save(oauthProduction()));
        QVERIFY(store.save(customPit()));
        Connection sandbox = ConnectionStore::builtInSandbox();
        sandbox.locationId = QStringLiteral("sandboxLocation00001");
        QVERIFY(store.save(sandbox));
        QVERIFY(store.setActive(oauthProduction().id));
    }
    auto settings = openSettings();
    const QStringList keys = settings->allKeys();
    QVERIFY(keys.contains(QStringLiteral("activeConnection")));
    static const QRegularExpression secretLooking(
        QStringLiteral("secret|password|refresh|bearer|authorization|(^|/)(access)?token$|pit$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString& key : keys) {
        QVERIFY2(!secretLooking.match(key).hasMatch(), qPrintable(key));
        if (key == L("activeConnection"))
            continue;
        const QStringList parts = key.split(QLatin1Char('/'));
        QVERIFY2(parts.size() == 3 && parts[0] == L("connections"), qPrintable(key));
        QVERIFY2(connectionKeys.contains(parts[2]), qPrintable(key));
    }
    // Every value is one of the fields the connections were given, nothing more.
    const QByteArray contents = fileContents();
    QVERIFY(!contents.contains("Bearer"));
    QVERIFY(!contents.contains("eyJ"));
}

void TestConnectionStore::savingDropsForeignKeysOfThatConnection()
{
    writeFile("[connections/good]\n"
              "environment=production\nauthKind=oauth\nrefreshToken=left-by-someone\n");
    auto settings = openSettings();
    ConnectionStore store(*settings);
    std::optional<Connection> c = store.find(QStringLiteral("good"));
    QVERIFY(c.has_value());
    c->locationId = QStringLiteral("loc1");
    QVERIFY(store.save(*c));
    QVERIFY(!fileContents().contains("left-by-someone"));
    QVERIFY(fileContents().contains("loc1"));
}

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
