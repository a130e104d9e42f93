#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Webhooks {

// The devices allowed to subscribe to serve's change feed (table feed_devices, schema 9), each
// with its own random token. The token is shown once, when the device is added; only its
// SHA-256 is stored, so the data folder does not hold a usable token. `contactdesk-cli serve
// devices add|list|remove` manages them.
class FeedDevices
{
public:
    struct Device
    {
        QString name;
        qint64 createdAtMs = 0;
        qint64 lastSeenAtMs = 0; // 0: never connected
    };

    enum class Added
    {
        Added,
        NameTaken,
        BadName,
        Failed,
    };

    // `database` stamps the rows with its clock.
    explicit FeedDevices(Store::Database& database);

    // A new device `name` (1-64 letters, digits, '.', '-', '_'): *token receives its token
    // ("cdfeed_" and 43 base64url characters of 32 random bytes), to be shown once.
    Added add(const QString& name, QByteArray* token);
    QList<Device> list() const;
    // False when there was no such device (or on error: lastError()).
    bool remove(const QString& name);
    // The device whose token this is, stamping its last visit; nullopt for an unknown token.
    std::optional<QString> authenticate(const QByteArray& token);
    // Whether the feed records anything: only while a device exists.
    bool isEmpty() const;

    static bool isValidName(const QString& name);
    static QByteArray tokenHash(const QByteArray& token); // hex SHA-256
    static QString addedMessage(Added added, const QString& name);

    QString lastError() const { return m_lastError; }

private:
    Store::Database& m_db;
    mutable QString m_lastError;
};

} // namespace ContactDesk::Webhooks
