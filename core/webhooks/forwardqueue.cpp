#include "webhooks/forwardqueue.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace ContactDesk::Webhooks {

namespace {

const QString columns = QStringLiteral(
    "seq, destination, event_id, type, contact_id, body, state, attempts, created_at,"
    " next_attempt_at, last_status, last_error, finished_at");

// The unfinished events: what holds a destination's order.
const QString unfinished = QStringLiteral("state IN ('queued', 'inflight')");

} // namespace

ForwardQueue::ForwardQueue(Store::Database& database, QObject* parent)
    : QObject(parent)
    , m_db(database)
{ }

QString ForwardQueue::stateName(ForwardState state)
{
    switch (state) {
    case ForwardState::Queued:
        return QStringLiteral("queued");
    case ForwardState::InFlight:
        return QStringLiteral("inflight");
    case ForwardState::Delivered:
        return QStringLiteral("delivered");
    case ForwardState::Dead:
        return QStringLiteral("dead");
    }
    return {};
}

std::optional<ForwardState> ForwardQueue::stateFromName(const QString& name)
{
    for (ForwardState state : {ForwardState::Queued, ForwardState::InFlight,
             ForwardState::Delivered, ForwardState::Dead}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

bool ForwardQueue::exec(const QString& sql, const QVariantList& values, bool notify)
{
    QSqlQuery query(m_db.sql());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() < 1) {
        m_lastError = tr("No such event, or it is not in a state that allows this.");
        return false;
    }
    if (notify)
        Q_EMIT changed();
    return true;
}

QList<ForwardItem> ForwardQueue::select(const QString& where, const QVariantList& values) const
{
    QList<ForwardItem> items;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT %1 FROM forward_queue %2").arg(columns, where));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return items;
    }
    while (query.next()) {
        ForwardItem item;
        item.seq = query.value(0).toLongLong();
        item.destination = query.value(1).toString();
        item.eventId = query.value(2).toString();
        item.type = query.value(3).toString();
        item.contactId = query.value(4).toString();
        item.body = query.value(5).toByteArray();
        item.state = stateFromName(query.value(6).toString()).value_or(ForwardState::Dead);
        item.attempts = query.value(7).toInt();
        item.createdAtMs = query.value(8).toLongLong();
        item.nextAttemptAtMs = query.value(9).toLongLong();
        item.lastStatus = query.value(10).toInt();
        item.lastError = query.value(11).toString();
        item.finishedAtMs = query.value(12).toLongLong();
        items.append(item);
    }
    return items;
}

bool ForwardQueue::enqueue(const QString& destination, const ForwardEvent& event, qint64 nowMs)
{
    if (destination.isEmpty()) {
        m_lastError = tr("No destination URL to forward to.");
        return false;
    }
    const QString id = QStringLiteral("msg_") + QUuid::createUuid().toString(QUuid::Id128);
    return exec(QStringLiteral("INSERT INTO forward_queue (destination, event_id, type,"
                               " contact_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {destination, id, event.type, event.contactId, event.body, nowMs});
}

QStringList ForwardQueue::destinations() const
{
    QStringList result;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT DISTINCT destination FROM forward_queue WHERE ")
            + unfinished + QStringLiteral(" ORDER BY destination"))) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

std::optional<ForwardItem> ForwardQueue::nextReady(const QString& destination, qint64 nowMs) const
{
    const QList<ForwardItem> head = select(QStringLiteral("WHERE destination = ? AND ") + unfinished
            + QStringLiteral(" ORDER BY seq LIMIT 1"),
        {destination});
    if (head.isEmpty() || head.first().state != ForwardState::Queued
        || head.first().nextAttemptAtMs > nowMs)
        return std::nullopt;
    return head.first();
}

std::optional<qint64> ForwardQueue::nextAttemptAt() const
{
    // Only a head waits by time alone: the events behind it wait for it.
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral(
            "SELECT min(q.next_attempt_at) FROM forward_queue q WHERE q.state = 'queued'"
            " AND q.seq = (SELECT min(h.seq) FROM forward_queue h"
            " WHERE h.destination = q.destination AND h.state IN ('queued', 'inflight'))"))
        || !query.next() || query.value(0).isNull()) {
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

bool ForwardQueue::markInFlight(qint64 seq)
{
    return exec(QStringLiteral("UPDATE forward_queue SET state = 'inflight',"
                               " attempts = attempts + 1 WHERE seq = ? AND state = 'queued'"),
        {seq});
}

bool ForwardQueue::markDelivered(qint64 seq, int status, qint64 nowMs)
{
    return exec(QStringLiteral("UPDATE forward_queue SET state = 'delivered', last_status = ?,"
                               " last_error = '', finished_at = ? WHERE seq = ?"
                               " AND state IN ('queued', 'inflight')"),
        {status, nowMs, seq});
}

bool ForwardQueue::scheduleRetry(
    qint64 seq, qint64 nextAttemptAtMs, int status, const QString& error)
{
    return exec(QStringLiteral("UPDATE forward_queue SET state = 'queued', next_attempt_at = ?,"
                               " last_status = ?, last_error = ? WHERE seq = ?"
                               " AND state IN ('queued', 'inflight')"),
        {nextAttemptAtMs, status, error, seq});
}

bool ForwardQueue::markDead(qint64 seq, int status, const QString& error, qint64 nowMs)
{
    return exec(QStringLiteral("UPDATE forward_queue SET state = 'dead', last_status = ?,"
                               " last_error = ?, finished_at = ? WHERE seq = ?"
                               " AND state IN ('queued', 'inflight')"),
        {status, error, nowMs, seq});
}

int ForwardQueue::recoverInFlight()
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(
            QStringLiteral("UPDATE forward_queue SET state = 'queued' WHERE state = 'inflight'"))) {
        m_lastError = query.lastError().text();
        return 0;
    }
    const int count = query.numRowsAffected();
    if (count > 0)
        Q_EMIT changed();
    return count;
}

QList<ForwardItem> ForwardQueue::deadLetters() const
{
    return select(QStringLiteral("WHERE state = 'dead' ORDER BY seq"), {});
}

bool ForwardQueue::retry(qint64 seq)
{
    return exec(QStringLiteral("UPDATE forward_queue SET state = 'queued', attempts = 0,"
                               " next_attempt_at = 0, finished_at = 0 WHERE seq = ?"
                               " AND state = 'dead'"),
        {seq});
}

bool ForwardQueue::discard(qint64 seq)
{
    return exec(
        QStringLiteral("DELETE FROM forward_queue WHERE seq = ? AND state = 'dead'"), {seq});
}

QList<ForwardItem> ForwardQueue::recent(int limit) const
{
    return select(QStringLiteral("ORDER BY seq DESC LIMIT ?"), {limit});
}

std::optional<ForwardItem> ForwardQueue::item(qint64 seq) const
{
    const QList<ForwardItem> items = select(QStringLiteral("WHERE seq = ?"), {seq});
    if (items.isEmpty())
        return std::nullopt;
    return items.first();
}

int ForwardQueue::pendingCount() const
{
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM forward_queue WHERE ") + unfinished)
        || !query.next()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.value(0).toInt();
}

ForwardCounts ForwardQueue::counts() const
{
    ForwardCounts counts;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT state, count(*) FROM forward_queue GROUP BY state"))) {
        m_lastError = query.lastError().text();
        return counts;
    }
    while (query.next()) {
        const int count = query.value(1).toInt();
        switch (stateFromName(query.value(0).toString()).value_or(ForwardState::Dead)) {
        case ForwardState::Queued:
        case ForwardState::InFlight:
            counts.pending += count;
            break;
        case ForwardState::Delivered:
            counts.delivered += count;
            break;
        case ForwardState::Dead:
            counts.dead += count;
            break;
        }
    }
    return counts;
}

int ForwardQueue::purgeDelivered(qint64 beforeMs)
{
    QSqlQuery query(m_db.sql());
    query.prepare(
        QStringLiteral("DELETE FROM forward_queue WHERE state = 'delivered' AND finished_at < ?"));
    query.addBindValue(beforeMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    const int count = query.numRowsAffected();
    if (count > 0)
        Q_EMIT changed();
    return count;
}

} // namespace ContactDesk::Webhooks
