// The whsec_ signing secret: a file only its owner can read, systemd's credential, and the
// keychain entry of the connection (generated once, kept, rotated on request).
#include "automation/signingsecret.h"

#include "auth/memorysecretstore.h"
#include "auth/secretstore.h"
#include "automation/standardwebhooks.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Automation;

namespace {

const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool writeFile(const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return QFile::setPermissions(path, permissions);
}

struct Ensured
{
    QString secret;
    bool created = false;
    QString error;
};

Ensured ensure(Auth::SecretStore& store, const QString& id, bool rotate = false)
{
    Ensured result;
    bool answered = false;
    const auto done = [&](const QString& secret, bool created, const QString& error) {
        result = {secret, created, error};
        answered = true;
    };
    if (rotate)
        rotateStoredSigningSecret(store, id, done);
    else
        ensureStoredSigningSecret(store, id, done);
    if (!QTest::qWaitFor([&] { return answered; }, 5000))
        result.error = QStringLiteral("the secret store did not answer");
    return result;
}

} // namespace

class TestSigningSecret : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void ownerOnlyFileIsRead()
    {
        const QString secret = generateSigningSecret();
        QVERIFY(writeFile(path("ok"), secret.toUtf8() + "\n", ownerOnly));
        QString error;
        QCOMPARE(readSigningSecretFile(path("ok"), &error), std::optional<QString>(secret));
        QVERIFY(error.isEmpty());
        QVERIFY(writeFile(path("readonly"), secret.toUtf8(), QFileDevice::ReadOwner));
        QCOMPARE(readSigningSecretFile(path("readonly"), &error), std::optional<QString>(secret));
    }

    void unsafeOrBadFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("permissions");
        QTest::addColumn<QString>("message");
        const QByteArray good = generateSigningSecret().toUtf8();
        QTest::newRow("0644") << good
                              << int(ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther)
                              << "is readable by group or others (mode 0644)";
        QTest::newRow("0640") << good << int(ownerOnly | QFileDevice::ReadGroup)
                              << "is readable by group or others (mode 0640)";
        QTest::newRow("0602") << good << int(ownerOnly | QFileDevice::WriteOther)
                              << "is readable by group or others";
        QTest::newRow("not a secret")
            << QByteArray("hunter2!") << int(ownerOnly) << "not a whsec_ secret";
        QTest::newRow("empty") << QByteArray("\n") << int(ownerOnly) << "is empty";
    }

    void unsafeOrBadFilesAreRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, permissions);
        QFETCH(QString, message);
        QVERIFY(writeFile(path("bad"), content, QFileDevice::Permissions(permissions)));
        QString error;
        QVERIFY(!readSigningSecretFile(path("bad"), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(error.contains(path("bad")));
    }

    void missingFileIsNamed()
    {
        QString error;
        QVERIFY(!readSigningSecretFile(path("nowhere"), &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
    }

    void systemdCredential()
    {
        QProcessEnvironment environment;
        QString error;
        QVERIFY(!readSigningSecretCredential(environment, QStringLiteral("event-secret"), &error));
        QVERIFY(error.isEmpty()); // no credentials: not an error, the next source is tried

        QDir(m_dir.path()).mkdir(QStringLiteral("creds"));
        environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), path("creds"));
        QVERIFY(!readSigningSecretCredential(environment, QStringLiteral("event-secret"), &error));
        QVERIFY(error.isEmpty());

        const QString secret = generateSigningSecret();
        QVERIFY(writeFile(path("creds/event-secret"), secret.toUtf8(), QFileDevice::ReadOwner));
        QCOMPARE(readSigningSecretCredential(environment, QStringLiteral("event-secret"), &error),
            std::optional<QString>(secret));
    }

    void keychainSecretIsMadeOnceAndRotated()
    {
        Auth::MemorySecretStore store;
        const Ensured first = ensure(store, QStringLiteral("conn-1"));
        QVERIFY(first.error.isEmpty());
        QVERIFY(first.created);
        QVERIFY(decodeSigningSecret(first.secret));
        const Ensured again = ensure(store, QStringLiteral("conn-1"));
        QVERIFY(!again.created);
        QCOMPARE(again.secret, first.secret);
        QCOMPARE(Auth::secretKindKey(Auth::SecretKind::EventSigningSecret),
            QStringLiteral("eventSigningSecret"));

        QString read;
        bool answered = false;
        readStoredSigningSecret(
            store, QStringLiteral("conn-1"), [&](const QString& value, const QString&) {
                read = value;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QCOMPARE(read, first.secret);

        const Ensured rotated = ensure(store, QStringLiteral("conn-1"), true);
        QVERIFY(rotated.created);
        QVERIFY(rotated.secret != first.secret);
        QCOMPARE(ensure(store, QStringLiteral("conn-1")).secret, rotated.secret);
        // Another connection has its own.
        QVERIFY(ensure(store, QStringLiteral("conn-2")).secret != rotated.secret);
    }
};

QTEST_GUILESS_MAIN(TestSigningSecret)
#include "tst_signingsecret.moc"
