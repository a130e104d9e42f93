#include "automation/inbox.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Automation {

namespace {

namespace Sql = Store::Sql;

const QString columns = QStringLiteral(
    "seq, webhook_id, type, user_id, data, timestamp, source, status, reason, received_at, "
    "updated_at, contact_id, items, duplicate_of, attempts");

QString itemsText(const QList<qint64>& ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return Sql::toText(array);
}

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

// The WHERE clause of a filter and its values, in order.
QString whereClause(const InboxFilter& filter, QVariantList* values)
{
    QStringList terms;
    if (filter.status) {
        terms.append(QStringLiteral("status = ?"));
        values->append(eventStatusName(*filter.status));
    }
    if (!filter.type.isEmpty()) {
        terms.append(QStringLiteral("type = ?"));
        values->append(filter.type);
    }
    if (!filter.text.isEmpty()) {
        terms.append(QStringLiteral(
            "(instr(user_id, ?) > 0 OR instr(webhook_id, ?) > 0 OR instr(contact_id, ?) > 0)"));
        for (int i = 0; i < 3; ++i)
            values->append(filter.text);
    }
    return terms.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
}

} // namespace

QString eventStatusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Received:
        return QStringLiteral("received");
    case EventStatus::Waiting:
        return QStringLiteral("waiting");
    case EventStatus::Applied:
        return QStringLiteral("applied");
    case EventStatus::Failed:
        return QStringLiteral("failed");
    case EventStatus::Duplicate:
        return QStringLiteral("duplicate");
    }
    return {};
}

std::optional<EventStatus> eventStatusFromName(const QString& name)
{
    for (EventStatus status : {EventStatus::Received, EventStatus::Waiting, EventStatus::Applied,
             EventStatus::Failed, EventStatus::Duplicate}) {
        if (eventStatusName(status) == name)
            return status;
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
    QList<qint64> allSeqs;
    const auto failAll = [&] {
        results = QList<Accepted>(events.size(), Accepted::Failed);
        if (seqs)
            *seqs = QList<qint64>(events.size(), 0);
        return results;
    };
    if (events.isEmpty())
        return results;

    // One commit for the whole batch. WAL with synchronous = NORMAL (the cache's setting): a
    // committed event survives the process being killed at any point; only a power cut in the
    // moment after the commit could lose it. FULL (an fsync per commit) measured 450 events/s
    // against 2,500 here.
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return failAll();
    Sql::Statement find(m_db,
        QStringLiteral("SELECT seq FROM app_events WHERE webhook_id = ?1 AND duplicate_of = 0"));
    Sql::Statement insert(m_db,
        QStringLiteral("INSERT INTO app_events (webhook_id, type, user_id, data, timestamp, "
                       "source, status, received_at, updated_at, duplicate_of) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)"));
    if (!find.isValid() || !insert.isValid())
        return failAll();
    const qint64 now = m_clock.nowMs();
    for (const AppEvent& event : events) {
        find.bind(1, event.webhookId);
        const Sql::Statement::Step found = find.step();
        if (found == Sql::Statement::Step::Error)
            return failAll();
        const qint64 original = found == Sql::Statement::Step::Row ? find.int64(0) : 0;
        find.reset();

        insert.bind(1, event.webhookId);
        insert.bind(2, event.type);
        insert.bind(3, event.userId);
        insert.bind(4, Sql::toText(event.data));
        insert.bind(5, event.timestampSecs);
        insert.bind(6, event.source);
        insert.bind(7, eventStatusName(original ? EventStatus::Duplicate : EventStatus::Received));
        insert.bind(8, now);
        insert.bind(9, original);
        if (!insert.run())
            return failAll();
        if (original) {
            results.append(Accepted::Duplicate);
            allSeqs.append(original);
        } else {
            const qint64 seq = insert.lastInsertRowId();
            results.append(Accepted::Stored);
            allSeqs.append(seq);
            stored.append(seq);
        }
    }
    if (!transaction.commit())
        return failAll();
    if (seqs)
        *seqs = allSeqs;
    if (!stored.isEmpty())
        Q_EMIT eventsStored(stored);
    return results;
}

QList<InboxEvent> Inbox::pending(int limit) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM app_events WHERE status IN ('received', 'waiting') "
                       "ORDER BY seq LIMIT ?")
            .arg(columns));
    query.setForwardOnly(true);
    query.addBindValue(limit);
    QList<InboxEvent> events;
    if (!Sql::exec(m_db, query))
        return events;
    while (query.next())
        events.append(readRow(query));
    return events;
}

bool Inbox::markApplied(qint64 seq, const QString& contactId, const QList<qint64>& outboxItemIds)
{
    const bool ok = Sql::run(m_db,
        QStringLiteral("UPDATE app_events SET status = 'applied', reason = '', contact_id = ?, "
                       "items = ?, updated_at = ?, attempts = attempts + 1 WHERE seq = ?"),
        {contactId, itemsText(outboxItemIds), m_clock.nowMs(), seq});
    if (ok)
        Q_EMIT eventChanged(seq);
    return ok;
}

bool Inbox::markWaiting(qint64 seq, const QString& reason)
{
    const bool ok = Sql::run(m_db,
        QStringLiteral(
            "UPDATE app_events SET status = 'waiting', reason = ?, updated_at = ? WHERE seq = ?"),
        {reason, m_clock.nowMs(), seq});
    if (ok)
        Q_EMIT eventChanged(seq);
    return ok;
}

bool Inbox::markFailed(qint64 seq, const QString& reason)
{
    const bool ok = Sql::run(m_db,
        QStringLiteral("UPDATE app_events SET status = 'failed', reason = ?, updated_at = ?, "
                       "attempts = attempts + 1 WHERE seq = ?"),
        {reason, m_clock.nowMs(), seq});
    if (ok)
        Q_EMIT eventChanged(seq);
    return ok;
}

bool Inbox::retry(qint64 seq)
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("UPDATE app_events SET status = 'received', reason = '', updated_at = ? "
                       "WHERE seq = ? AND status IN ('failed', 'waiting')"));
    query.addBindValue(m_clock.nowMs());
    query.addBindValue(seq);
    if (!Sql::exec(m_db, query) || query.numRowsAffected() != 1)
        return false;
    Q_EMIT eventChanged(seq);
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
    const QString where = whereClause(filter, &values);
    return Sql::scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM app_events") + where, values, 0)
        .toInt();
}

QList<InboxEvent> Inbox::list(const InboxFilter& filter, int offset, int limit) const
{
    QVariantList values;
    const QString where = whereClause(filter, &values);
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM app_events%2 ORDER BY seq DESC LIMIT ? OFFSET ?")
            .arg(columns, where));
    query.setForwardOnly(true);
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(limit);
    query.addBindValue(offset);
    QList<InboxEvent> events;
    if (!Sql::exec(m_db, query))
        return events;
    while (query.next())
        events.append(readRow(query));
    return events;
}

std::optional<InboxEvent> Inbox::event(qint64 seq) const
{
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT %1 FROM app_events WHERE seq = ?").arg(columns));
    query.setForwardOnly(true);
    query.addBindValue(seq);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readRow(query);
}

int Inbox::backlog() const
{
    return Sql::scalar(m_db,
        QStringLiteral("SELECT COUNT(*) FROM app_events WHERE status IN ('received', 'waiting')"),
        {}, 0)
        .toInt();
}

} // namespace ContactDesk::Automation
