#include "automation/inbox.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/sqlutil.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Automation {

namespace {

namespace Sql = Store::Sql;

const QList<QPair<EventStatus, QString>>& statusNames()
{
    static const QList<QPair<EventStatus, QString>> names {
        {EventStatus::Received, QStringLiteral("received")},
        {EventStatus::Waiting, QStringLiteral("waiting")},
        {EventStatus::Applied, QStringLiteral("applied")},
        {EventStatus::Failed, QStringLiteral("failed")},
        {EventStatus::Duplicate, QStringLiteral("duplicate")},
    };
    return names;
}

const QString eventColumns = QStringLiteral(
    "seq, webhook_id, type, user_id, data, timestamp, source, status, reason, received_at,"
    " updated_at, contact_id, items, duplicate_of, attempts");

InboxEvent readRow(const QSqlQuery& query)
{
    InboxEvent row;
    row.seq = query.value(0).toLongLong();
    row.event.webhookId = query.value(1).toString();
    row.event.type = query.value(2).toString();
    row.event.userId = query.value(3).toString();
    row.event.data = Sql::objectFromText(query.value(4).toString());
    row.event.timestampSecs = query.value(5).toLongLong();
    row.event.source = query.value(6).toString();
    row.status = eventStatusFromName(query.value(7).toString()).value_or(EventStatus::Received);
    row.reason = query.value(8).toString();
    row.receivedAtMs = query.value(9).toLongLong();
    row.updatedAtMs = query.value(10).toLongLong();
    row.contactId = query.value(11).toString();
    for (const QJsonValue& id : Sql::arrayFromText(query.value(12).toString()))
        row.outboxItemIds.append(id.toInteger());
    row.duplicateOf = query.value(13).toLongLong();
    row.attempts = query.value(14).toInt();
    return row;
}

// The WHERE clause and its values for a filter.
QString whereOf(const InboxFilter& filter, QVariantList* values)
{
    QStringList parts {QStringLiteral("1")};
    if (filter.status) {
        parts.append(QStringLiteral("status = ?"));
        values->append(eventStatusName(*filter.status));
    }
    if (!filter.type.isEmpty()) {
        parts.append(QStringLiteral("type = ?"));
        values->append(filter.type);
    }
    if (!filter.text.isEmpty()) {
        parts.append(QStringLiteral("(user_id = ? OR webhook_id = ? OR contact_id = ?)"));
        values->append(filter.text);
        values->append(filter.text);
        values->append(filter.text);
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace

QString eventStatusName(EventStatus status)
{
    for (const auto& [value, name] : statusNames()) {
        if (value == status)
            return name;
    }
    return {};
}

std::optional<EventStatus> eventStatusFromName(const QString& name)
{
    for (const auto& [value, text] : statusNames()) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

Inbox::Inbox(Store::Database& database, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_db(database)
    , m_clock(clock)
{ }

Inbox::Accepted Inbox::accept(const AppEvent& event, qint64* seq)
{
    QList<qint64> seqs;
    const QList<Accepted> results = acceptAll({event}, &seqs);
    if (seq)
        *seq = seqs.value(0);
    return results.value(0, Accepted::Failed);
}

QList<Inbox::Accepted> Inbox::acceptAll(const QList<AppEvent>& events, QList<qint64>* seqs)
{
    QList<Accepted> results;
    QList<qint64> stored;
    QList<qint64> all;
    const qint64 now = m_clock.nowMs();
    Sql::Transaction transaction(m_db);
    bool ok = transaction.isActive();
    for (const AppEvent& event : events) {
        if (!ok)
            break;
        const QVariant original = Sql::scalar(m_db,
            QStringLiteral("SELECT seq FROM app_events WHERE webhook_id = ? AND duplicate_of = 0"),
            {event.webhookId});
        const bool duplicate = !original.isNull();
        QSqlQuery query = Sql::prepare(m_db,
            QStringLiteral("INSERT INTO app_events (webhook_id, type, user_id, data, timestamp,"
                           " source, status, received_at, updated_at, duplicate_of)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(Sql::bindable(event.webhookId));
        query.addBindValue(Sql::bindable(event.type));
        query.addBindValue(Sql::bindable(event.userId));
        query.addBindValue(Sql::toText(event.data));
        query.addBindValue(event.timestampSecs);
        query.addBindValue(Sql::bindable(event.source));
        query.addBindValue(
            eventStatusName(duplicate ? EventStatus::Duplicate : EventStatus::Received));
        query.addBindValue(now);
        query.addBindValue(now);
        query.addBindValue(duplicate ? original.toLongLong() : qint64(0));
        ok = Sql::exec(m_db, query);
        if (!ok)
            break;
        if (duplicate) {
            results.append(Accepted::Duplicate);
            all.append(original.toLongLong());
        } else {
            results.append(Accepted::Stored);
            const qint64 seq = query.lastInsertId().toLongLong();
            stored.append(seq);
            all.append(seq);
        }
    }
    ok = ok && transaction.commit();
    if (!ok) {
        results = QList<Accepted>(events.size(), Accepted::Failed);
        all = QList<qint64>(events.size(), 0);
        stored.clear();
    }
    if (seqs)
        *seqs = all;
    if (!stored.isEmpty())
        Q_EMIT eventsStored(stored);
    return results;
}

QList<InboxEvent> Inbox::pending(int limit) const
{
    QList<InboxEvent> events;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM app_events WHERE status IN ('received', 'waiting')"
                       " ORDER BY seq LIMIT %2")
            .arg(eventColumns)
            .arg(limit));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query))
        return events;
    while (query.next())
        events.append(readRow(query));
    return events;
}

bool Inbox::markApplied(qint64 seq, const QString& contactId, const QList<qint64>& outboxItemIds)
{
    QJsonArray items;
    for (const qint64 id : outboxItemIds)
        items.append(id);
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE app_events SET status = 'applied', reason = '', contact_id = ?,"
                           " items = ?, updated_at = ?, attempts = attempts + 1 WHERE seq = ?"),
            {Sql::text(contactId), Sql::toText(items), m_clock.nowMs(), seq}))
        return false;
    Q_EMIT eventChanged(seq);
    return true;
}

bool Inbox::markWaiting(qint64 seq, const QString& reason)
{
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE app_events SET status = 'waiting', reason = ?, updated_at = ?"
                           " WHERE seq = ?"),
            {reason, m_clock.nowMs(), seq}))
        return false;
    Q_EMIT eventChanged(seq);
    return true;
}

bool Inbox::markFailed(qint64 seq, const QString& reason)
{
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE app_events SET status = 'failed', reason = ?, updated_at = ?,"
                           " attempts = attempts + 1 WHERE seq = ?"),
            {reason, m_clock.nowMs(), seq}))
        return false;
    Q_EMIT eventChanged(seq);
    return true;
}

bool Inbox::retry(qint64 seq)
{
    const auto stored = event(seq);
    if (!stored
        || (stored->status != EventStatus::Failed && stored->status != EventStatus::Waiting))
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE app_events SET status = 'received', reason = '',"
                           " received_at = ?, updated_at = ? WHERE seq = ?"),
            {m_clock.nowMs(), m_clock.nowMs(), seq}))
        return false;
    Q_EMIT eventChanged(seq);
    Q_EMIT eventsStored({seq});
    return true;
}

bool Inbox::renameContact(const QString& localId, const QString& serverId)
{
    return Sql::run(m_db,
        QStringLiteral("UPDATE app_events SET contact_id = ? WHERE contact_id = ?"),
        {serverId, localId});
}

int Inbox::count(const InboxFilter& filter) const
{
    QVariantList values;
    const QString where = whereOf(filter, &values);
    return Sql::scalar(
        m_db, QStringLiteral("SELECT count(*) FROM app_events WHERE ") + where, values, 0)
        .toInt();
}

QList<InboxEvent> Inbox::list(const InboxFilter& filter, int offset, int limit) const
{
    QVariantList values;
    const QString where = whereOf(filter, &values);
    QList<InboxEvent> events;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM app_events WHERE %2 ORDER BY seq DESC LIMIT %3 OFFSET %4")
            .arg(eventColumns, where)
            .arg(limit)
            .arg(offset));
    query.setForwardOnly(true);
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    if (!Sql::exec(m_db, query))
        return events;
    while (query.next())
        events.append(readRow(query));
    return events;
}

std::optional<InboxEvent> Inbox::event(qint64 seq) const
{
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT %1 FROM app_events WHERE seq = ?").arg(eventColumns));
    query.addBindValue(seq);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readRow(query);
}

int Inbox::backlog() const
{
    return Sql::scalar(m_db,
        QStringLiteral("SELECT count(*) FROM app_events WHERE status IN ('received', 'waiting')"),
        {}, 0)
        .toInt();
}

} // namespace ContactDesk::Automation
