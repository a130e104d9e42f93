#include "webhooks/changefeed.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Webhooks {

ChangeFeed::ChangeFeed(Store::Database& database)
    : m_db(database)
{ }

std::optional<qint64> ChangeFeed::append(
    const QString& webhookId, const QString& type, const QByteArray& body, qint64 receivedAtMs)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("INSERT INTO webhook_feed (webhook_id, type, body, received_at)"
                                 " VALUES (?, ?, ?, ?)"));
    query.addBindValue(webhookId);
    query.addBindValue(type);
    query.addBindValue(QString::fromUtf8(body));
    query.addBindValue(receivedAtMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

QList<FeedEvent> ChangeFeed::after(qint64 afterId, int limit) const
{
    QList<FeedEvent> events;
    QSqlQuery query(m_db.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, webhook_id, type, body, received_at FROM webhook_feed"
                                 " WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return events;
    }
    while (query.next())
        events.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                query.value(3).toString().toUtf8(), query.value(4).toLongLong()});
    return events;
}

std::optional<ChangeFeed::Bounds> ChangeFeed::bounds() const
{
    // sqlite_sequence holds the largest id AUTOINCREMENT ever gave, also once its row is gone;
    // ids are given one by one (a rolled-back insert gives its id back), so everything below
    // the oldest row left was pruned.
    QSqlQuery query(m_db.sql());
    if (!query.exec(
            QStringLiteral("SELECT (SELECT min(seq) FROM webhook_feed),"
                           " (SELECT seq FROM sqlite_sequence WHERE name = 'webhook_feed')"))
        || !query.next()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    Bounds bounds;
    bounds.lastId = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
    bounds.prunedThrough
        = query.value(0).isNull() ? bounds.lastId : query.value(0).toLongLong() - 1;
    return bounds;
}

qint64 ChangeFeed::lastId() const
{
    const std::optional<Bounds> known = bounds();
    return known ? known->lastId : 0;
}

bool ChangeFeed::hasGap(qint64 afterId, const Bounds& bounds) const
{
    return afterId < bounds.prunedThrough || afterId > bounds.lastId;
}

int ChangeFeed::prune(qint64 receivedBeforeMs)
{
    // Oldest first only: a newer event never goes before an older one, so what is left is one
    // run of ids and bounds() stays right even when clocks step back.
    QSqlQuery query(m_db.sql());
    query.prepare(
        QStringLiteral("DELETE FROM webhook_feed WHERE seq <= (SELECT max(seq) FROM webhook_feed"
                       " WHERE received_at < ?)"));
    query.addBindValue(receivedBeforeMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    return query.numRowsAffected();
}

} // namespace ContactDesk::Webhooks
