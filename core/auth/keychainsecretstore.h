#pragma once

#include "auth/secretstore.h"

namespace ContactDesk::Auth {

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows), one entry per connection and kind under `service`, keyed
// "<connectionId>/<kind key>". There is no insecure fallback: without a keychain every call
// fails with text for the UI. Answers for a store destroyed with jobs outstanding are dropped.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using Availability = std::function<void(bool available, const QString& reason)>;

    static QString defaultService(); // "ContactDesk"
    // Tests pass their own `service` so they never touch the user's entries.
    explicit KeychainSecretStore(QString service = defaultService(), QObject* parent = nullptr);

    QString service() const { return m_service; }
    bool persistent() const override { return true; }
    void write(
        const QString& connectionId, SecretKind kind, const QString& value, Done done) override;
    void read(const QString& connectionId, SecretKind kind, Read done) override;
    void remove(const QString& connectionId, SecretKind kind, Done done) override;

    // Writes, reads back and deletes a throw-away entry: QtKeychain 0.13 cannot say whether a
    // backend is there without using it. `reason` is UI text when the keychain is unusable, so
    // the app can offer a session kept in memory only.
    void checkAvailable(Availability done);

    static QString entryKey(const QString& connectionId, SecretKind kind);

private:
    QString m_service;
};

} // namespace ContactDesk::Auth
