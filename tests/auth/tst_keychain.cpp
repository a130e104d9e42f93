// KeychainSecretStore against a real Secret Service (gnome-keyring in the private D-Bus session
// scripts/test starts): each kind is its own entry, overwrite and remove work, a missing entry is
// fine, sign-out leaves nothing. And without a keychain: a child process of this binary, whose
// session bus points nowhere, gets clear errors and leaves the secret in no file.
#include "auth/keychainsecretstore.h"
#include "auth/memorysecretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace ContactDesk::Auth;

namespace {

using L = QLatin1StringView;

constexpr char noBackendChildFlag[] = "--no-backend-child";
const QString secretVariable = QStringLiteral("CONTACTDESK_TEST_SECRET");
const QString serviceVariable = QStringLiteral("CONTACTDESK_TEST_SERVICE");
constexpr int jobTimeoutMs = 30000;

struct ReadResult
{
    QString value;
    bool found = false;
    QString error;
};

// The answer lands in shared state, so a job answering after a timeout writes nowhere harmful.
QString writeSync(SecretStore& store, const QString& id, SecretKind kind, const QString& value)
{
    auto result = std::make_shared<std::optional<QString>>();
    store.write(id, kind, value, [result](const QString& error) { *result = error; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, jobTimeoutMs))
        return QStringLiteral("timed out");
    return **result;
}

ReadResult readSync(SecretStore& store, const QString& id, SecretKind kind)
{
    auto result = std::make_shared<std::optional<ReadResult>>();
    store.read(id, kind, [result](const QString& value, bool found, const QString& error) {
        *result = ReadResult {value, found, error};
    });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, jobTimeoutMs))
        return {{}, false, QStringLiteral("timed out")};
    return **result;
}

QString removeSync(SecretStore& store, const QString& id, SecretKind kind)
{
    auto result = std::make_shared<std::optional<QString>>();
    store.remove(id, kind, [result](const QString& error) { *result = error; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, jobTimeoutMs))
        return QStringLiteral("timed out");
    return **result;
}

QString removeAllSync(SecretStore& store, const QString& id)
{
    auto result = std::make_shared<std::optional<QString>>();
    store.removeAll(id, [result](const QString& error) { *result = error; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 4 * jobTimeoutMs))
        return QStringLiteral("timed out");
    return **result;
}

std::pair<bool, QString> probeSync(KeychainSecretStore& store)
{
    auto result = std::make_shared<std::optional<std::pair<bool, QString>>>();
    store.checkAvailable([result](bool available, const QString& reason) {
        *result = std::make_pair(available, reason);
    });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 3 * jobTimeoutMs))
        return {false, QStringLiteral("timed out")};
    return **result;
}

QString uniqueValue(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Files under `root` whose bytes contain `secret` as UTF-8, UTF-16 or base64.
QStringList filesContaining(const QString& root, const QString& secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    const QByteArray base64 = utf8.toBase64();
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16) || bytes.contains(base64))
            hits.append(path);
    }
    return hits;
}

// The no-backend child: every call against a keychain that is not there, answers as JSON.
int runNoBackendChild()
{
    const QString secret = qEnvironmentVariable(qPrintable(secretVariable));
    KeychainSecretStore store(qEnvironmentVariable(qPrintable(serviceVariable)));
    const QString id = QStringLiteral("no-backend-connection");
    QJsonObject answers;

    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, [] {
        qWarning("the keychain never answered");
        QCoreApplication::exit(2);
    });
    watchdog.start(3 * jobTimeoutMs);

    store.checkAvailable([&](bool available, const QString& reason) {
        answers.insert(QStringLiteral("available"), available);
        answers.insert(QStringLiteral("availableReason"), reason);
        store.write(id, SecretKind::AccessToken, secret, [&](const QString& writeError) {
            answers.insert(QStringLiteral("writeError"), writeError);
            store.read(id, SecretKind::AccessToken,
                [&](const QString& value, bool found, const QString& readError) {
                    answers.insert(QStringLiteral("readValueEmpty"), value.isEmpty());
                    answers.insert(QStringLiteral("readFound"), found);
                    answers.insert(QStringLiteral("readError"), readError);
                    store.remove(id, SecretKind::AccessToken, [&](const QString& removeError) {
                        answers.insert(QStringLiteral("removeError"), removeError);
                        QCoreApplication::exit(0);
                    });
                });
        });
    });
    const int code = QCoreApplication::exec();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 3;
    out.write(QJsonDocument(answers).toJson(QJsonDocument::Compact));
    out.write("\n");
    return code;
}

} // namespace

// Skips a test that needs the real keychain when this environment has none.
#define REQUIRE_KEYCHAIN()                                                                         \
    do {                                                                                           \
        if (!m_keychainSkipReason.isEmpty())                                                       \
            QSKIP(qPrintable(m_keychainSkipReason));                                               \
    } while (false)

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void keychainIsAvailable();
    void roundTripEachKind_data();
    void roundTripEachKind();
    void kindsAreSeparateEntries();
    void connectionsAreSeparate();
    void readingAMissingEntryIsNotAnError();
    void removingAMissingEntryIsFine();
    void signOutRemovesEveryEntry();
    void noBackendFailsClearlyAndStoresNothing_data();
    void noBackendFailsClearlyAndStoresNothing();
    void memoryStoreIsNotPersistentAndAnswersLater();

private:
    QString newConnectionId()
    {
        const QString id = uniqueValue(QStringLiteral("test-"));
        m_usedIds.append(id);
        return id;
    }

    std::unique_ptr<KeychainSecretStore> m_store;
    QString m_keychainSkipReason;
    QStringList m_usedIds;
};

void TestKeychain::initTestCase()
{
    // Never the user's own entries: a service of this run's own.
    m_store
        = std::make_unique<KeychainSecretStore>(uniqueValue(QStringLiteral("ContactDesk-test-")));
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        m_keychainSkipReason = QStringLiteral(
            "no D-Bus session bus, so no keychain to test against: run inside dbus-run-session "
            "with an unlocked gnome-keyring-daemon (scripts/test does)");
    }
}

void TestKeychain::cleanupTestCase()
{
    if (!m_keychainSkipReason.isEmpty())
        return;
    for (const QString& id : std::as_const(m_usedIds))
        QCOMPARE(removeAllSync(*m_store, id), QString());
}

void TestKeychain::keychainIsAvailable()
{
    REQUIRE_KEYCHAIN();
    // A session bus is there, so the keychain must work: a failure here is a real one.
    const auto [available, reason] = probeSync(*m_store);
    QVERIFY2(available, qPrintable(reason));
    QVERIFY(reason.isEmpty());
    QVERIFY(m_store->persistent());
}

void TestKeychain::roundTripEachKind_data()
{
    QTest::addColumn<SecretKind>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("replacement");

    // A JWT-sized access token, as the live API hands out.
    QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");
    for (int i = 0; i < 40; ++i)
        jwt += QStringLiteral("eyJzdWIiOiIxMjM0NTY3ODkwIn0");
    QTest::newRow("access token") << SecretKind::AccessToken << jwt
                                  << uniqueValue(QStringLiteral("access-2-"));
    QTest::newRow("refresh token")
        << SecretKind::RefreshToken << uniqueValue(QStringLiteral("refresh-1-"))
        << uniqueValue(QStringLiteral("refresh-2-"));
    QTest::newRow("client secret")
        << SecretKind::ClientSecret << QStringLiteral("s3cr€t with spaces & ünïcödé")
        << uniqueValue(QStringLiteral("secret-2-"));
    QTest::newRow("private integration token")
        << SecretKind::PrivateIntegrationToken << QStringLiteral("pit-") + uniqueValue(QString())
        << QStringLiteral("pit-") + uniqueValue(QString());
}

void TestKeychain::roundTripEachKind()
{
    REQUIRE_KEYCHAIN();
    QFETCH(SecretKind, kind);
    QFETCH(QString, value);
    QFETCH(QString, replacement);
    const QString id = newConnectionId();

    QCOMPARE(writeSync(*m_store, id, kind, value), QString());
    ReadResult read = readSync(*m_store, id, kind);
    QCOMPARE(read.error, QString());
    QVERIFY(read.found);
    QCOMPARE(read.value, value);

    // A second store over the same service sees the entry: it lives in the keychain.
    KeychainSecretStore other(m_store->service());
    QCOMPARE(readSync(other, id, kind).value, value);

    QCOMPARE(writeSync(*m_store, id, kind, replacement), QString());
    read = readSync(*m_store, id, kind);
    QCOMPARE(read.error, QString());
    QCOMPARE(read.value, replacement);

    QCOMPARE(removeSync(*m_store, id, kind), QString());
    read = readSync(*m_store, id, kind);
    QCOMPARE(read.error, QString());
    QVERIFY(!read.found);
    QVERIFY(read.value.isEmpty());
}

void TestKeychain::kindsAreSeparateEntries()
{
    REQUIRE_KEYCHAIN();
    const QString id = newConnectionId();
    QMap<SecretKind, QString> values;
    for (SecretKind kind : allSecretKinds) {
        values.insert(kind, uniqueValue(secretKindKey(kind) + QLatin1Char('-')));
        QCOMPARE(writeSync(*m_store, id, kind, values.value(kind)), QString());
    }
    for (SecretKind kind : allSecretKinds)
        QCOMPARE(readSync(*m_store, id, kind).value, values.value(kind));

    // Replacing the access token leaves the refresh token alone, and the other way round.
    QCOMPARE(removeSync(*m_store, id, SecretKind::AccessToken), QString());
    QVERIFY(!readSync(*m_store, id, SecretKind::AccessToken).found);
    QCOMPARE(readSync(*m_store, id, SecretKind::RefreshToken).value,
        values.value(SecretKind::RefreshToken));
    QCOMPARE(readSync(*m_store, id, SecretKind::ClientSecret).value,
        values.value(SecretKind::ClientSecret));
    QCOMPARE(readSync(*m_store, id, SecretKind::PrivateIntegrationToken).value,
        values.value(SecretKind::PrivateIntegrationToken));
}

void TestKeychain::connectionsAreSeparate()
{
    REQUIRE_KEYCHAIN();
    const QString first = newConnectionId();
    const QString second = newConnectionId();
    QCOMPARE(
        writeSync(*m_store, first, SecretKind::RefreshToken, QStringLiteral("first")), QString());
    QCOMPARE(
        writeSync(*m_store, second, SecretKind::RefreshToken, QStringLiteral("second")), QString());
    QCOMPARE(readSync(*m_store, first, SecretKind::RefreshToken).value, QStringLiteral("first"));
    QCOMPARE(readSync(*m_store, second, SecretKind::RefreshToken).value, QStringLiteral("second"));
}

void TestKeychain::readingAMissingEntryIsNotAnError()
{
    REQUIRE_KEYCHAIN();
    for (SecretKind kind : allSecretKinds) {
        const ReadResult read = readSync(*m_store, newConnectionId(), kind);
        QCOMPARE(read.error, QString());
        QVERIFY(!read.found);
    }
}

void TestKeychain::removingAMissingEntryIsFine()
{
    REQUIRE_KEYCHAIN();
    const QString id = newConnectionId();
    for (SecretKind kind : allSecretKinds)
        QCOMPARE(removeSync(*m_store, id, kind), QString());
    QCOMPARE(writeSync(*m_store, id, SecretKind::ClientSecret, QStringLiteral("x")), QString());
    QCOMPARE(removeSync(*m_store, id, SecretKind::ClientSecret), QString());
    QCOMPARE(removeSync(*m_store, id, SecretKind::ClientSecret), QString());
}

void TestKeychain::signOutRemovesEveryEntry()
{
    REQUIRE_KEYCHAIN();
    const QString id = newConnectionId();
    const QString bystander = newConnectionId();
    for (SecretKind kind : allSecretKinds) {
        QCOMPARE(writeSync(*m_store, id, kind, uniqueValue(QStringLiteral("v-"))), QString());
        QCOMPARE(writeSync(*m_store, bystander, kind, QStringLiteral("stays")), QString());
    }
    QCOMPARE(removeAllSync(*m_store, id), QString());
    for (SecretKind kind : allSecretKinds) {
        const ReadResult read = readSync(*m_store, id, kind);
        QCOMPARE(read.error, QString());
        QVERIFY2(!read.found, qPrintable(secretKindKey(kind)));
        QCOMPARE(readSync(*m_store, bystander, kind).value, QStringLiteral("stays"));
    }
    // Signing out twice, or with only some entries there, is fine too.
    QCOMPARE(removeAllSync(*m_store, id), QString());
    QCOMPARE(writeSync(*m_store, id, SecretKind::PrivateIntegrationToken, QStringLiteral("p")),
        QString());
    QCOMPARE(removeAllSync(*m_store, id), QString());
    QVERIFY(!readSync(*m_store, id, SecretKind::PrivateIntegrationToken).found);
}

void TestKeychain::noBackendFailsClearlyAndStoresNothing_data()
{
    // QtKeychain 0.13's plain-text fallback exists only on its KWallet path, so a KDE 4 session
    // is staged too: there an insecure fallback, if one were ever switched on, would write the
    // secret into a settings file under the scanned directories.
    QTest::addColumn<QStringList>("desktop");
    QTest::newRow("secret service") << QStringList {};
    QTest::newRow("kwallet") << QStringList {
        QStringLiteral("XDG_CURRENT_DESKTOP=KDE"), QStringLiteral("KDE_SESSION_VERSION=4")};
}

void TestKeychain::noBackendFailsClearlyAndStoresNothing()
{
    QFETCH(QStringList, desktop);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString secret = uniqueValue(QStringLiteral("never-on-disk-"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + root.filePath(QStringLiteral("no-bus-here")));
    // Everything the child could write to goes under `root`, which is then searched.
    const QStringList homes = {QStringLiteral("HOME"), QStringLiteral("XDG_CONFIG_HOME"),
        QStringLiteral("XDG_DATA_HOME"), QStringLiteral("XDG_CACHE_HOME"),
        QStringLiteral("XDG_STATE_HOME"), QStringLiteral("XDG_RUNTIME_DIR")};
    for (const QString& name : homes) {
        const QString dir = root.filePath(name.toLower());
        QVERIFY(QDir().mkpath(dir));
        QFile::setPermissions(
            dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        environment.insert(name, dir);
    }
    // Whether QtKeychain goes to Secret Service or KWallet depends on the desktop; the row says.
    for (const char* name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
             "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
        environment.remove(QString::fromLatin1(name));
    for (const QString& variable : desktop)
        environment.insert(
            variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    environment.insert(secretVariable, secret);
    environment.insert(serviceVariable, m_store->service());

    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(noBackendChildFlag)});
    QVERIFY2(child.waitForFinished(4 * jobTimeoutMs), "the no-backend child did not finish");
    const QByteArray out = child.readAllStandardOutput();
    const QByteArray err = child.readAllStandardError();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
        (out + err).constData());

    const QJsonObject answers = QJsonDocument::fromJson(out.trimmed()).object();
    QVERIFY2(!answers.isEmpty(), (out + err).constData());
    QCOMPARE(answers.value(L("available")).toBool(true), false);
    const QString availableReason = answers.value(L("availableReason")).toString();
    QVERIFY2(availableReason.startsWith(L("The system keychain cannot be used: ")),
        qPrintable(availableReason));
    const QString writeError = answers.value(L("writeError")).toString();
    QVERIFY2(writeError.startsWith(L("Could not save the access token in the system keychain: ")),
        qPrintable(writeError));
    // No keychain is an error, never a quiet "not found" that would look like a signed-out user.
    const QString readError = answers.value(L("readError")).toString();
    QVERIFY2(readError.startsWith(L("Could not read the access token from the system keychain: ")),
        qPrintable(readError));
    QCOMPARE(answers.value(L("readFound")).toBool(true), false);
    QCOMPARE(answers.value(L("readValueEmpty")).toBool(false), true);
    const QString removeError = answers.value(L("removeError")).toString();
    QVERIFY2(
        removeError.startsWith(L("Could not delete the access token from the system keychain: ")),
        qPrintable(removeError));

    const QStringList hits = filesContaining(root.path(), secret);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(L(", "))));
    QVERIFY2(!(out + err).contains(secret.toUtf8()), "the secret reached the child's output");
}

void TestKeychain::memoryStoreIsNotPersistentAndAnswersLater()
{
    MemorySecretStore store;
    QVERIFY(!store.persistent());
    bool answered = false;
    store.write(QStringLiteral("c"), SecretKind::AccessToken, QStringLiteral("v"),
        [&answered](const QString& error) {
            QVERIFY(error.isEmpty());
            answered = true;
        });
    // Callers must not come to rely on a synchronous answer the keychain would never give.
    QVERIFY(!answered);
    QTRY_VERIFY(answered);
    const ReadResult read = readSync(store, QStringLiteral("c"), SecretKind::AccessToken);
    QVERIFY(read.found);
    QCOMPARE(read.value, QStringLiteral("v"));
    QVERIFY(!readSync(store, QStringLiteral("c"), SecretKind::RefreshToken).found);
    QCOMPARE(removeAllSync(store, QStringLiteral("c")), QString());
    QCOMPARE(store.size(), 0);
    QVERIFY(!readSync(store, QStringLiteral("c"), SecretKind::AccessToken).found);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], noBackendChildFlag) == 0)
        return runNoBackendChild();
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
