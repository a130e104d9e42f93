#pragma once

#include <QDialog>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;

namespace ContactDesk::Auth {
class KeychainSecretStore;
class SecretStore;
} // namespace ContactDesk::Auth

namespace ContactDesk::Ui {

// Tells the user in plain words that no system keychain can be used, and offers a session kept
// in memory only. Answered with accept() (memory only), reject() (cancel), or retry().
class KeychainUnavailableDialog : public QDialog
{
    Q_OBJECT

public:
    explicit KeychainUnavailableDialog(const QString& reason, QWidget* parent = nullptr);

    QString message() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel* m_message = nullptr;
};

// Picks the secret store the app runs on, once at startup: the system keychain when it works
// (checked with KeychainSecretStore::checkAvailable), else, if the user agrees, a
// MemorySecretStore whose secrets are gone when the app quits. There is no other fallback: no
// secret is ever written to a file.
//
// start() returns at once; the answer is chosen() or cancelled() (the user declined the
// memory-only session: the app cannot sign in to anything but the built-in sandbox). The store
// is created as a child of `storeOwner`.
class SecretStoreChooser : public QObject
{
    Q_OBJECT

public:
    // (available, reason): reason is UI text when the keychain cannot be used.
    using Availability = std::function<void(bool available, const QString& reason)>;
    using Probe = std::function<void(Auth::KeychainSecretStore& keychain, Availability done)>;

    SecretStoreChooser(QObject* storeOwner, QWidget* dialogParent = nullptr);
    ~SecretStoreChooser() override;

    // The keychain service the store uses; KeychainSecretStore::defaultService() unless set
    // (tests use their own).
    void setKeychainService(const QString& service) { m_service = service; }
    // Replaces the availability check (tests); KeychainSecretStore::checkAvailable by default.
    void setProbe(Probe probe) { m_probe = std::move(probe); }

    void start();
    // The dialog shown while the user decides; null otherwise.
    KeychainUnavailableDialog* prompt() const { return m_prompt; }

Q_SIGNALS:
    void chosen(ContactDesk::Auth::SecretStore* store);
    void cancelled();

private:
    void probe();
    void ask(const QString& reason);

    QPointer<QObject> m_storeOwner;
    QPointer<QWidget> m_dialogParent;
    QString m_service;
    Probe m_probe;
    QPointer<Auth::KeychainSecretStore> m_keychain;
    QPointer<KeychainUnavailableDialog> m_prompt;
};

} // namespace ContactDesk::Ui
