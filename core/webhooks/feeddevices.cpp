#include "webhooks/feeddevices.h"

#include "common/clock.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Webhooks {

namespace {

constexpr QLatin1StringView tokenPrefix {"cdfeed_"};

QByteArray newToken()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QByteArray(tokenPrefix.data(), tokenPrefix.size())
        + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

FeedDevices::FeedDevices(Store::Database& database)
    : m_db(database)
{ }

bool FeedDevices::isValidName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

QByteArray FeedDevices::tokenHash(const QByteArray& token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QString FeedDevices::addedMessage(Added added, const QString& name)
{
    switch (added) {
    case Added::Added:
        return QStringLiteral("device %1 added").arg(name);
    case Added::NameTaken:
        return QStringLiteral("there is a device named %1 already; remove it first to give it a "
                              "new token")
            .arg(name);
    case Added::BadName:
        return QStringLiteral("a device name is 1 to 64 letters, digits, '.', '-' or '_', got "
                              "\"%1\"")
            .arg(name);
    case Added::Failed:
        return QStringLiteral("the device could not be stored");
    }
    return {};
}

FeedDevices::Added FeedDevices::add(const QString& name, QByteArray* token)
{
    if (!isValidName(name))
        return Added::BadName;
    const QByteArray made = newToken();
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("INSERT INTO feed_devices (name, token_hash, created_at)"
                                 " VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING"));
    query.addBindValue(name);
    query.addBindValue(QString::fromLatin1(tokenHash(made)));
    query.addBindValue(m_db.clock().nowMs());
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return Added::Failed;
    }
    if (query.numRowsAffected() != 1)
        return Added::NameTaken;
    if (token)
        *token = made;
    return Added::Added;
}

QList<FeedDevices::Device> FeedDevices::list() const
{
    QList<Device> devices;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral(
            "SELECT name, created_at, last_seen_at FROM feed_devices ORDER BY name"))) {
        m_lastError = query.lastError().text();
        return devices;
    }
    while (query.next())
        devices.append(
            {query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return devices;
}

bool FeedDevices::remove(const QString& name)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("DELETE FROM feed_devices WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

std::optional<QString> FeedDevices::authenticate(const QByteArray& token)
{
    if (!token.startsWith(QByteArrayView(tokenPrefix.data(), tokenPrefix.size())))
        return std::nullopt;
    // The lookup is by hash, so how long it takes says nothing about the token.
    const QString hash = QString::fromLatin1(tokenHash(token));
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("UPDATE feed_devices SET last_seen_at = ? WHERE token_hash = ?"
                                 " RETURNING name"));
    query.addBindValue(m_db.clock().nowMs());
    query.addBindValue(hash);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool FeedDevices::isEmpty() const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM feed_devices)")) || !query.next())
        return true;
    return !query.value(0).toBool();
}

} // namespace ContactDesk::Webhooks
