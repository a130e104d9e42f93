#pragma once

#include "auth/secretstore.h"

#include <QHash>

namespace ContactDesk::Auth {

// Secrets kept in this process only: the session the user chose when there is no keychain, and
// unit tests. Answers arrive from the event loop like the keychain's do, so callers cannot come
// to rely on a synchronous reply; changes apply in call order.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    bool persistent() const override { return false; }
    void write(
        const QString& connectionId, SecretKind kind, const QString& value, Done done) override;
    void read(const QString& connectionId, SecretKind kind, Read done) override;
    void remove(const QString& connectionId, SecretKind kind, Done done) override;

    // Entries currently held, for tests.
    qsizetype size() const { return m_values.size(); }

private:
    static QString key(const QString& connectionId, SecretKind kind);
    QHash<QString, QString> m_values;
};

} // namespace ContactDesk::Auth
