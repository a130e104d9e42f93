#include "webhooks/webhookledger.h"

#include "common/clock.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Webhooks {

WebhookLedger::WebhookLedger(Store::Database& database)
    : m_db(database)
{ }

WebhookLedger::Recorded WebhookLedger::record(
    const WebhookPayload& payload, const QByteArray& rawBody)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral(
        "INSERT INTO highlevel_webhooks (webhook_id, type, record_id, contact_id, timestamp,"
        " received_at, payload, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"
        " ON CONFLICT(webhook_id) DO NOTHING"));
    query.addBindValue(payload.webhookId);
    query.addBindValue(payload.type);
    query.addBindValue(payload.recordId);
    query.addBindValue(payload.contactId);
    query.addBindValue(payload.timestampMs);
    query.addBindValue(m_db.clock().nowMs());
    query.addBindValue(QString::fromUtf8(rawBody));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return Recorded::Failed;
    }
    return query.numRowsAffected() == 1 ? Recorded::Stored : Recorded::Duplicate;
}

QList<WebhookLedger::Entry> WebhookLedger::pending(int limit) const
{
    QList<Entry> entries;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT seq, payload, webhook_id FROM highlevel_webhooks"
                                 " WHERE status = 'pending' ORDER BY seq LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return entries;
    }
    while (query.next())
        entries.append({query.value(0).toLongLong(), query.value(1).toString().toUtf8(),
            query.value(2).toString()});
    return entries;
}

QList<WebhookLedger::Delivery> WebhookLedger::recent(int limit) const
{
    QList<Delivery> deliveries;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT seq, webhook_id, type, record_id, received_at, status,"
                                 " reason FROM highlevel_webhooks ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return deliveries;
    }
    while (query.next()) {
        deliveries.append({query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toLongLong(),
            query.value(5).toString(), query.value(6).toString()});
    }
    return deliveries;
}

int WebhookLedger::pendingCount() const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(
            QStringLiteral("SELECT count(*) FROM highlevel_webhooks WHERE status = 'pending'"))
        || !query.next()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.value(0).toInt();
}

bool WebhookLedger::finish(qint64 seq, const QString& status, const QString& reason)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("UPDATE highlevel_webhooks SET status = ?, reason = ?,"
                                 " payload = '' WHERE seq = ?"));
    query.addBindValue(status);
    query.addBindValue(reason);
    query.addBindValue(seq);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<QPair<QString, QString>> WebhookLedger::outcome(const QString& webhookId) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(
        QStringLiteral("SELECT status, reason FROM highlevel_webhooks WHERE webhook_id = ?"));
    query.addBindValue(webhookId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return qMakePair(query.value(0).toString(), query.value(1).toString());
}

std::optional<qint64> WebhookLedger::deletedAt(const QString& recordId) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT max(timestamp) FROM highlevel_webhooks WHERE record_id = ?"
                                 " AND type LIKE '%Delete' AND status = 'applied'"));
    query.addBindValue(recordId);
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return std::nullopt;
    return query.value(0).toLongLong();
}

int WebhookLedger::prune(qint64 receivedBeforeMs)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("DELETE FROM highlevel_webhooks WHERE received_at < ?"
                                 " AND status != 'pending'"));
    query.addBindValue(receivedBeforeMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.numRowsAffected();
}

} // namespace ContactDesk::Webhooks
