// contactdesk-cli's saved connections as a user runs them: the built executable in a QProcess
// with its settings in a temporary XDG_CONFIG_HOME, its token in a real gnome-keyring (the
// private D-Bus session scripts/test starts) under a keychain service of this run's own, and a
// sandbox in this process as the HighLevel API the connection points at.
#include "clirun.h"
#include "sandboxfixture.h"

#include "auth/keychainsecretstore.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

using L = QLatin1StringView;

constexpr int jobTimeoutMs = 30000;

struct ReadResult
{
    QString value;
    bool found = false;
    QString error;
};

// The answer lands in shared state, so a job answering after a timeout writes nowhere harmful.
ReadResult readSync(Auth::SecretStore& store, const QString& id, Auth::SecretKind kind)
{
    auto result = std::make_shared<std::optional<ReadResult>>();
    store.read(id, kind, [result](const QString& value, bool found, const QString& error) {
        *result = ReadResult {value, found, error};
    });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, jobTimeoutMs))
        return {{}, false, QStringLiteral("timed out")};
    return **result;
}

QString removeSync(Auth::SecretStore& store, const QString& id, Auth::SecretKind kind)
{
    auto result = std::make_shared<std::optional<QString>>();
    store.remove(id, kind, [result](const QString& error) { *result = error; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, jobTimeoutMs))
        return QStringLiteral("timed out");
    return **result;
}

QJsonObject findConnection(const QJsonArray& list, const QString& id)
{
    for (const QJsonValue& value : list) {
        if (value[QStringLiteral("id")].toString() == id)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCliConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void firstStartHasTheActiveSandbox();
    void usageErrors_data();
    void usageErrors();
    void addWithABadTokenSavesNothing();
    void addListUseRemove();
    void missingKeychainEntryFailsClearly();
    void withoutKeychainAddRefuses();

private:
    CliResult run(const QStringList& arguments, const QProcessEnvironment& extra = {});
    QJsonArray list();
    // Adds a connection to the fixture with `token` and returns its id (empty on failure).
    QString add(const QString& name, const QString& token, CliResult* result = nullptr);
    QStringList filesContaining(const QByteArray& needle) const;
    // API requests the fixture has answered so far.
    qsizetype requests() const { return m_fx->server().requestLog().since(0).size(); }

    QString m_service;
    std::unique_ptr<Auth::KeychainSecretStore> m_secrets;
    QString m_keychainSkipReason;
    QStringList m_usedIds;
    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestCliConnections::initTestCase()
{
    // Never the user's own entries: a keychain service of this run's own.
    m_service
        = QStringLiteral("ContactDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_secrets = std::make_unique<Auth::KeychainSecretStore>(m_service);
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_keychainSkipReason = QStringLiteral(
            "no D-Bus session bus, so no keychain to test against: run inside dbus-run-session "
            "with an unlocked gnome-keyring-daemon (scripts/test does)");
    }
}

void TestCliConnections::cleanupTestCase()
{
    if (!m_keychainSkipReason.isEmpty())
        return;
    for (const QString& id : std::as_const(m_usedIds))
        removeSync(*m_secrets, id, Auth::SecretKind::PrivateIntegrationToken);
}

void TestCliConnections::init()
{
    m_fx = std::make_unique<SandboxFixture>(12);
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestCliConnections::cleanup()
{
    m_fx.reset();
    m_home.reset();
}

CliResult TestCliConnections::run(const QStringList& arguments, const QProcessEnvironment& extra)
{
    QProcessEnvironment environment = extra;
    environment.insert(QStringLiteral("CONTACTDESK_KEYCHAIN_SERVICE"), m_service);
    return runCli(arguments, m_home->path(), environment);
}

QJsonArray TestCliConnections::list()
{
    const CliResult r = run({QStringLiteral("connections"), QStringLiteral("list")});
    if (!r.finished || r.exitCode != 0 || !r.json().isArray()) {
        qWarning() << "connections list failed:" << r.exitCode << r.err;
        return {};
    }
    return r.json().array();
}

QString TestCliConnections::add(const QString& name, const QString& token, CliResult* result)
{
    const CliResult r = run({QStringLiteral("connections"), QStringLiteral("add"),
        QStringLiteral("--name"), name, QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
        QStringLiteral("--location"), m_fx->locationId(), QStringLiteral("--token"), token});
    if (result)
        *result = r;
    if (!r.finished || r.exitCode != 0)
        return {};
    const QString id = r.json()[QStringLiteral("id")].toString();
    if (!id.isEmpty())
        m_usedIds.append(id);
    return id;
}

QStringList TestCliConnections::filesContaining(const QByteArray& needle) const
{
    QStringList found;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

void TestCliConnections::firstStartHasTheActiveSandbox()
{
    const QJsonArray connections = list();
    QCOMPARE(connections.size(), 1);
    const QJsonObject sandbox = connections.first().toObject();
    QCOMPARE(sandbox[QStringLiteral("id")].toString(), QStringLiteral("sandbox"));
    QCOMPARE(sandbox[QStringLiteral("environment")].toString(), QStringLiteral("sandbox"));
    QCOMPARE(sandbox[QStringLiteral("active")].toBool(), true);

    // No target at all: the active connection, which is the built-in sandbox, as --sandbox.
    const CliResult r = run({QStringLiteral("contacts"), QStringLiteral("list"),
        QStringLiteral("--limit"), QStringLiteral("3")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[QStringLiteral("contacts")].toArray().size(), 3);
    QVERIFY(requests() == 0);
}

void TestCliConnections::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const auto w = [](const char* text) { return QString::fromLatin1(text); };
    QTest::newRow("remove the sandbox") << QStringList {w("connections"), w("remove"), w("sandbox")}
                                        << w("built-in sandbox connection cannot be removed");
    QTest::newRow("remove unknown")
        << QStringList {w("connections"), w("remove"), w("nope")} << w("no saved connection nope");
    QTest::newRow("use unknown") << QStringList {w("connections"), w("use"), w("nope")}
                                 << w("no saved connection nope");
    QTest::newRow("use without id")
        << QStringList {w("connections"), w("use")} << w("usage: connections use");
    QTest::newRow("unknown verb") << QStringList {w("connections"), w("rename")}
                                  << w("unknown command connections rename");
    QTest::newRow("add without name") << QStringList {w("connections"), w("add"), w("--base-url"),
        w("http://127.0.0.1:1"), w("--location"), w("l"), w("--token"), w("t")}
                                      << w("needs --name");
    QTest::newRow("add without token") << QStringList {w("connections"), w("add"), w("--name"),
        w("n"), w("--base-url"), w("http://127.0.0.1:1"), w("--location"), w("l")}
                                       << w("connections add needs --token");
    QTest::newRow("add to the sandbox") << QStringList {w("--sandbox"), w("connections"), w("add"),
        w("--name"), w("n")} << w("--sandbox does not apply");
    QTest::newRow("list with a target") << QStringList {w("--connection"), w("x"), w("connections"),
        w("list")} << w("--connection does not apply");
    QTest::newRow("name on another command") << QStringList {w("contacts"), w("list"), w("--name"),
        w("n")} << w("--name does not apply");
    QTest::newRow("connection and sandbox") << QStringList {w("--sandbox"), w("--connection"),
        w("x"), w("contacts"), w("list")} << w("--sandbox brings its own target");
    QTest::newRow("connection and base url") << QStringList {w("--connection"), w("x"),
        w("--base-url"), w("http://127.0.0.1:1"), w("contacts"), w("list")}
                                             << w("--connection brings its own target");
    QTest::newRow("unknown connection") << QStringList {w("--connection"), w("nope"), w("contacts"),
        w("list")} << w("no saved connection nope");
}

void TestCliConnections::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult r = run(arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().contains(message), r.err.constData());
    QCOMPARE(r.errText().count(u'\n'), 1);
    QVERIFY(requests() == 0);
}

void TestCliConnections::addWithABadTokenSavesNothing()
{
    if (!m_keychainSkipReason.isEmpty())
        QSKIP(qPrintable(m_keychainSkipReason));
    const QString badToken = QStringLiteral("pit-") + QUuid::createUuid().toString(QUuid::Id128);
    CliResult r;
    QVERIFY(add(QStringLiteral("Bad"), badToken, &r).isEmpty());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().contains(QStringLiteral("nothing was saved")), r.err.constData());
    QVERIFY2(r.errText().contains(QStringLiteral("HTTP 401")), r.err.constData());
    QCOMPARE(r.errText().count(u'\n'), 1);
    // Exactly the one check went out.
    const QList<Sandbox::LoggedExchange> log = m_fx->server().requestLog().since(0);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().operationId, QStringLiteral("get-contacts"));
    QVERIFY2(log.first().query.contains(QStringLiteral("limit=1")), qPrintable(log.first().query));

    QCOMPARE(list().size(), 1);
    QCOMPARE(filesContaining(badToken.toUtf8()), QStringList());
}

void TestCliConnections::addListUseRemove()
{
    if (!m_keychainSkipReason.isEmpty())
        QSKIP(qPrintable(m_keychainSkipReason));
    const QString token = m_fx->pit();
    CliResult added;
    const QString id = add(QStringLiteral("Acme staging"), token, &added);
    QVERIFY2(!id.isEmpty(), added.err.constData());
    QVERIFY(!added.out.contains(token.toUtf8()));
    const QJsonObject printed = added.json().object();
    QCOMPARE(printed[QStringLiteral("name")].toString(), QStringLiteral("Acme staging"));
    QCOMPARE(printed[QStringLiteral("active")].toBool(), false);
    QCOMPARE(requests(), 1);

    // Listed with every non-secret field; the token is in the keychain and nowhere on disk.
    const CliResult listed = run({QStringLiteral("connections"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(!listed.out.contains(token.toUtf8()));
    const QJsonArray connections = listed.json().array();
    QCOMPARE(connections.size(), 2);
    QCOMPARE(connections.first()[QStringLiteral("id")].toString(), QStringLiteral("sandbox"));
    const QJsonObject saved = findConnection(connections, id);
    QCOMPARE(saved[QStringLiteral("name")].toString(), QStringLiteral("Acme staging"));
    QCOMPARE(saved[QStringLiteral("environment")].toString(), QStringLiteral("custom"));
    QCOMPARE(saved[QStringLiteral("baseUrl")].toString(), m_fx->baseUrl().toString());
    QCOMPARE(saved[QStringLiteral("locationId")].toString(), m_fx->locationId());
    QCOMPARE(saved[QStringLiteral("authKind")].toString(), QStringLiteral("pit"));
    QCOMPARE(saved[QStringLiteral("state")].toString(), QStringLiteral("ready"));
    QCOMPARE(saved[QStringLiteral("active")].toBool(), false);
    QVERIFY(!filesContaining("Acme staging").isEmpty()); // the settings file is where we look
    QCOMPARE(filesContaining(token.toUtf8()), QStringList());
    const ReadResult secret = readSync(*m_secrets, id, Auth::SecretKind::PrivateIntegrationToken);
    QVERIFY2(secret.error.isEmpty(), qPrintable(secret.error));
    QVERIFY(secret.found);
    QCOMPARE(secret.value, token);

    // Used explicitly, then as the active connection with no target given.
    const CliResult explicitly
        = run({QStringLiteral("--connection"), id, QStringLiteral("contacts"),
            QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("5")});
    QVERIFY2(explicitly.exitCode == 0, explicitly.err.constData());
    QCOMPARE(explicitly.json()[QStringLiteral("contacts")].toArray().size(), 5);
    QCOMPARE(requests(), 2);

    const CliResult used = run({QStringLiteral("connections"), QStringLiteral("use"), id});
    QVERIFY2(used.exitCode == 0, used.err.constData());
    QCOMPARE(findConnection(list(), id)[QStringLiteral("active")].toBool(), true);
    QCOMPARE(findConnection(list(), QStringLiteral("sandbox"))[QStringLiteral("active")].toBool(),
        false);
    const CliResult active = run({QStringLiteral("contacts"), QStringLiteral("list"),
        QStringLiteral("--limit"), QStringLiteral("100")});
    QVERIFY2(active.exitCode == 0, active.err.constData());
    const QJsonArray contacts = active.json()[QStringLiteral("contacts")].toArray();
    QCOMPARE(contacts.size(), 12);
    for (const QJsonValue& contact : contacts)
        QVERIFY(m_fx->data().liveContact(contact[QStringLiteral("id")].toString()));
    QCOMPARE(requests(), 3);
    // --sandbox still wins over the active connection.
    const CliResult sandbox = run({QStringLiteral("--sandbox"), QStringLiteral("contacts"),
        QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(sandbox.exitCode, 0);
    QCOMPARE(requests(), 3);
    QCOMPARE(filesContaining(token.toUtf8()), QStringList());

    // Removed: the keychain entry goes too, and the sandbox is active again.
    const CliResult removed = run({QStringLiteral("connections"), QStringLiteral("remove"), id});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    const ReadResult gone = readSync(*m_secrets, id, Auth::SecretKind::PrivateIntegrationToken);
    QVERIFY2(gone.error.isEmpty(), qPrintable(gone.error));
    QVERIFY(!gone.found);
    const QJsonArray after = list();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first()[QStringLiteral("active")].toBool(), true);
    const CliResult stale = run(
        {QStringLiteral("--connection"), id, QStringLiteral("contacts"), QStringLiteral("list")});
    QCOMPARE(stale.exitCode, 2);
    QVERIFY2(stale.errText().contains(QStringLiteral("no saved connection ") + id),
        stale.err.constData());
    QCOMPARE(requests(), 3);
}

void TestCliConnections::missingKeychainEntryFailsClearly()
{
    if (!m_keychainSkipReason.isEmpty())
        QSKIP(qPrintable(m_keychainSkipReason));
    CliResult added;
    const QString id = add(QStringLiteral("Lost token"), m_fx->pit(), &added);
    QVERIFY2(!id.isEmpty(), added.err.constData());
    // Someone cleared the keychain behind the connection's back.
    QCOMPARE(removeSync(*m_secrets, id, Auth::SecretKind::PrivateIntegrationToken), QString());
    const CliResult r = run(
        {QStringLiteral("--connection"), id, QStringLiteral("contacts"), QStringLiteral("list")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().contains(QStringLiteral("holds no token")), r.err.constData());
    QVERIFY2(r.errText().contains(id), r.err.constData());
    QCOMPARE(r.errText().count(u'\n'), 1);
    // Only the check of `connections add` reached the API.
    QCOMPARE(requests(), 1);
}

void TestCliConnections::withoutKeychainAddRefuses()
{
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + m_home->filePath(QStringLiteral("no-bus-here")));
    const QString token = m_fx->pit();
    const CliResult r = run(
        {QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("--name"),
            QStringLiteral("Nowhere"), QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
            QStringLiteral("--location"), m_fx->locationId(), QStringLiteral("--token"), token},
        noBus);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().contains(QStringLiteral("system keychain only")), r.err.constData());
    QCOMPARE(r.errText().count(u'\n'), 1);
    // Refused before the token went anywhere, the API included.
    QVERIFY(requests() == 0);
    QCOMPARE(filesContaining(token.toUtf8()), QStringList());
    const CliResult listed = run({QStringLiteral("connections"), QStringLiteral("list")}, noBus);
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().array().size(), 1);
}

QTEST_GUILESS_MAIN(TestCliConnections)
#include "tst_cliconnections.moc"
