#include "memorysecretstore.h"

#include <QTimer>

namespace ContactDesk::Auth {

QString MemorySecretStore::key(const QString& connectionId, SecretKind kind)
{
    return connectionId + QLatin1Char('/') + secretKindKey(kind);
}

void MemorySecretStore::write(
    const QString& connectionId, SecretKind kind, const QString& value, Done done)
{
    m_values.insert(key(connectionId, kind), value);
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::read(const QString& connectionId, SecretKind kind, Read done)
{
    const auto it = m_values.constFind(key(connectionId, kind));
    const bool found = it != m_values.cend();
    const QString value = found ? *it : QString();
    QTimer::singleShot(0, this, [done = std::move(done), value, found] { done(value, found, {}); });
}

void MemorySecretStore::remove(const QString& connectionId, SecretKind kind, Done done)
{
    m_values.remove(key(connectionId, kind));
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

} // namespace ContactDesk::Auth
