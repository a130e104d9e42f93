// Choosing where secrets live at startup. This executable runs with a session bus address that
// points nowhere, so the real KeychainSecretStore probe fails as it does on a desktop without a
// keychain: the user is told in plain words and offered a session kept in memory only, which
// writes nothing to disk; Cancel leaves no store; "Try again" probes again. With a working
// keychain (a probe that succeeds) the keychain is used without a question.
#include "auth/keychainsecretstore.h"
#include "auth/memorysecretstore.h"
#include "signinhelpers.h"
#include "ui/connect/secretstorechooser.h"

#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Auth;
using namespace ContactDesk::Testing;
using ContactDesk::Ui::KeychainUnavailableDialog;
using ContactDesk::Ui::SecretStoreChooser;

namespace {

constexpr int probeWaitMs = 60000;

int filesUnder(const QString& root)
{
    int count = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

class TestSecretStoreChooser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noKeychainOffersMemoryOnly();
    void cancelLeavesNoStore();
    void tryAgainProbesAgain();
    void workingKeychainIsUsedWithoutAsking();

private:
    QString service() const { return QStringLiteral("ContactDesk-chooser-test"); }
};

void TestSecretStoreChooser::noKeychainOffersMemoryOnly()
{
    QObject owner;
    QWidget window;
    SecretStoreChooser chooser(&owner, &window);
    chooser.setKeychainService(service());
    QSignalSpy chosen(&chooser, &SecretStoreChooser::chosen);
    QSignalSpy cancelled(&chooser, &SecretStoreChooser::cancelled);
    chooser.start();
    QTRY_VERIFY_WITH_TIMEOUT(chooser.prompt() && chooser.prompt()->isVisible(), probeWaitMs);
    QCOMPARE(chosen.count(), 0);

    KeychainUnavailableDialog* prompt = chooser.prompt();
    const QString message = child<QLabel>(prompt, "keychainMessage")->text();
    QVERIFY2(message.contains(QStringLiteral("no keychain can be used")), qPrintable(message));
    // The probe's own reason is passed on.
    QVERIFY2(message.contains(QStringLiteral("The system keychain cannot be used")),
        qPrintable(message));
    QVERIFY2(
        message.contains(QStringLiteral("nothing secret is written to disk")), qPrintable(message));
    QVERIFY(prompt->isModal());

    QVERIFY(click(prompt, "keychainUseMemory"));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(cancelled.count(), 0);
    auto* store = chosen.first().first().value<SecretStore*>();
    QVERIFY(store);
    QVERIFY(qobject_cast<MemorySecretStore*>(store));
    QVERIFY(!store->persistent());
    QCOMPARE(store->parent(), &owner);

    // It holds secrets for the session and writes no file while doing so.
    QTemporaryDir home;
    const int before = filesUnder(home.path());
    QCOMPARE(writeSecret(*store, QStringLiteral("c1"), SecretKind::AccessToken,
                 QStringLiteral("at-memory-only")),
        QString());
    QCOMPARE(readSecret(*store, QStringLiteral("c1"), SecretKind::AccessToken).value,
        QStringLiteral("at-memory-only"));
    QCOMPARE(filesUnder(home.path()), before);
}

void TestSecretStoreChooser::cancelLeavesNoStore()
{
    QObject owner;
    SecretStoreChooser chooser(&owner);
    chooser.setKeychainService(service());
    QSignalSpy chosen(&chooser, &SecretStoreChooser::chosen);
    QSignalSpy cancelled(&chooser, &SecretStoreChooser::cancelled);
    chooser.start();
    QTRY_VERIFY_WITH_TIMEOUT(chooser.prompt() && chooser.prompt()->isVisible(), probeWaitMs);
    QVERIFY(click(chooser.prompt(), "keychainCancel"));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(chosen.count(), 0);
    QCOMPARE(owner.findChildren<SecretStore*>().size(), 0);
}

void TestSecretStoreChooser::tryAgainProbesAgain()
{
    QObject owner;
    SecretStoreChooser chooser(&owner);
    int probes = 0;
    chooser.setProbe([&probes](KeychainSecretStore&, SecretStoreChooser::Availability done) {
        ++probes;
        // The keychain comes up between the first and the second attempt.
        if (probes == 1)
            done(false, QStringLiteral("The system keychain cannot be used: it is locked"));
        else
            done(true, {});
    });
    QSignalSpy chosen(&chooser, &SecretStoreChooser::chosen);
    chooser.start();
    QVERIFY(chooser.prompt());
    QPointer<KeychainUnavailableDialog> first = chooser.prompt();
    QVERIFY(child<QLabel>(first, "keychainMessage")->text().contains(QStringLiteral("locked")));
    QVERIFY(click(first, "keychainRetry"));
    QCOMPARE(probes, 2);
    QCOMPARE(chosen.count(), 1);
    auto* store = chosen.first().first().value<SecretStore*>();
    QVERIFY(qobject_cast<KeychainSecretStore*>(store));
    QVERIFY(store->persistent());
    QTRY_VERIFY(!first);
}

void TestSecretStoreChooser::workingKeychainIsUsedWithoutAsking()
{
    QObject owner;
    SecretStoreChooser chooser(&owner);
    chooser.setKeychainService(service());
    chooser.setProbe(
        [](KeychainSecretStore&, SecretStoreChooser::Availability done) { done(true, {}); });
    QSignalSpy chosen(&chooser, &SecretStoreChooser::chosen);
    chooser.start();
    QCOMPARE(chosen.count(), 1);
    QVERIFY(!chooser.prompt());
    auto* keychain
        = qobject_cast<KeychainSecretStore*>(chosen.first().first().value<SecretStore*>());
    QVERIFY(keychain);
    QCOMPARE(keychain->service(), service());
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    TestSecretStoreChooser test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstorechooser.moc"
