#include "store/importjournal.h"

#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/outboxrows.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace ContactDesk::Store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Store::ImportJournal", text);
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> idList(const QJsonArray& array)
{
    QList<qint64> ids;
    for (const QJsonValue& value : array)
        ids.append(value.toInteger());
    return ids;
}

const QString runColumns = QStringLiteral(
    "id, created_at, profile, file_path, file_size, file_mtime, only_rows, state, finished_at");

ImportRunRecord readRun(const QSqlQuery& query)
{
    ImportRunRecord run;
    run.id = query.value(0).toLongLong();
    run.createdAtMs = query.value(1).toLongLong();
    run.profile = Sql::objectFromText(query.value(2).toString());
    run.filePath = query.value(3).toString();
    run.fileSize = query.value(4).toLongLong();
    run.fileMtimeMs = query.value(5).toLongLong();
    run.onlyRows = idList(Sql::arrayFromText(query.value(6).toString()));
    run.state = query.value(7).toString();
    run.finishedAtMs = query.value(8).toLongLong();
    return run;
}

const QString rowColumns = QStringLiteral("row, action, reason, match_value, contact_id, items");

ImportJournalRow readRow(const QSqlQuery& query)
{
    ImportJournalRow row;
    row.row = query.value(0).toLongLong();
    row.action = query.value(1).toString();
    row.reason = query.value(2).toString();
    row.matchValue = query.value(3).toString();
    row.contactId = query.value(4).toString();
    row.items = idList(Sql::arrayFromText(query.value(5).toString()));
    return row;
}

// A contact the sync brought before the run began was there already: an upsert updated it.
constexpr qint64 addedSlackMs = 60 * 1000;

} // namespace

ImportJournal::ImportJournal(Database& database)
    : m_db(database)
{ }

StoreError ImportJournal::lastError() const
{
    return m_db.lastError();
}

qint64 ImportJournal::createRun(const ImportRunRecord& run)
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("INSERT INTO import_runs (created_at, profile, file_path, file_size,"
                       " file_mtime, only_rows, state) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : QVariantList {run.createdAtMs, Sql::toText(run.profile),
             Sql::text(run.filePath), run.fileSize, run.fileMtimeMs,
             Sql::toText(idArray(run.onlyRows)), Sql::text(run.state)})
        query.addBindValue(value);
    if (!Sql::exec(m_db, query))
        return 0;
    return query.lastInsertId().toLongLong();
}

std::optional<ImportRunRecord> ImportJournal::run(qint64 runId) const
{
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT %1 FROM import_runs WHERE id = ?").arg(runColumns));
    query.addBindValue(runId);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readRun(query);
}

std::optional<ImportRunRecord> ImportJournal::unfinishedRun(const QString& filePath) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM import_runs WHERE file_path = ? AND state <> 'finished'"
                       " ORDER BY id DESC LIMIT 1")
            .arg(runColumns));
    query.addBindValue(filePath);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readRun(query);
}

bool ImportJournal::setState(qint64 runId, const QString& state)
{
    const qint64 finishedAt = state == QLatin1StringView("finished") ? m_db.clock().nowMs() : 0;
    return Sql::run(m_db,
        QStringLiteral("UPDATE import_runs SET state = ?, finished_at = ? WHERE id = ?"),
        {state, finishedAt, runId});
}

bool ImportJournal::record(qint64 runId, const ImportJournalRow& row)
{
    return Sql::run(m_db,
        QStringLiteral("INSERT OR REPLACE INTO import_rows (run_id, row, action, reason,"
                       " match_value, contact_id, items) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {runId, row.row, row.action, Sql::text(row.reason), Sql::text(row.matchValue),
            Sql::text(row.contactId), Sql::toText(idArray(row.items))});
}

std::optional<ImportJournalRow> ImportJournal::row(qint64 runId, qint64 rowNumber) const
{
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM import_rows WHERE run_id = ? AND row = ?").arg(rowColumns));
    query.addBindValue(runId);
    query.addBindValue(rowNumber);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readRow(query);
}

QList<ImportJournalRow> ImportJournal::rows(qint64 runId) const
{
    QList<ImportJournalRow> rows;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM import_rows WHERE run_id = ? ORDER BY row").arg(rowColumns));
    query.setForwardOnly(true);
    query.addBindValue(runId);
    if (!Sql::exec(m_db, query))
        return rows;
    while (query.next())
        rows.append(readRow(query));
    return rows;
}

QSet<qint64> ImportJournal::journaledRows(qint64 runId) const
{
    QSet<qint64> rows;
    QSqlQuery query
        = Sql::prepare(m_db, QStringLiteral("SELECT row FROM import_rows WHERE run_id = ?"));
    query.setForwardOnly(true);
    query.addBindValue(runId);
    if (!Sql::exec(m_db, query))
        return rows;
    while (query.next())
        rows.insert(query.value(0).toLongLong());
    return rows;
}

bool ImportJournal::forget(qint64 runId, const QList<qint64>& rowNumbers)
{
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    for (const qint64 row : rowNumbers) {
        if (!Sql::run(m_db, QStringLiteral("DELETE FROM import_rows WHERE run_id = ? AND row = ?"),
                {runId, row}))
            return false;
    }
    return transaction.commit();
}

qint64 ImportJournal::lastItemId() const
{
    return Sql::scalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM outbox"), {}, 0)
        .toLongLong();
}

QList<qint64> ImportJournal::itemsAfter(qint64 afterItemId, const QString& contactId) const
{
    QList<qint64> ids;
    QSqlQuery query
        = Sql::prepare(m_db, QStringLiteral("SELECT id FROM outbox WHERE id > ? ORDER BY id"));
    query.setForwardOnly(true);
    query.addBindValue(afterItemId);
    if (!Sql::exec(m_db, query))
        return ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (ids.isEmpty() && !contactId.isEmpty()) {
        if (const auto open = Rows::lastOpenItem(m_db, contactId))
            ids.append(open->id);
    }
    return ids;
}

int ImportJournal::unsentItems() const
{
    return Sql::scalar(m_db,
        QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('queued', 'inFlight',"
                       " 'outcomeUnknown')"),
        {}, 0)
        .toInt();
}

int ImportJournal::itemsInFlight() const
{
    return Sql::scalar(
        m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'inFlight'"), {}, 0)
        .toInt();
}

QList<ImportRowResult> ImportJournal::results(qint64 runId) const
{
    QList<ImportRowResult> results;
    const std::optional<ImportRunRecord> record = run(runId);
    if (!record)
        return results;
    const QList<ImportJournalRow> journal = rows(runId);
    qint64 first = 0;
    qint64 last = -1;
    for (const ImportJournalRow& row : journal) {
        for (const qint64 id : row.items) {
            first = first == 0 ? id : std::min(first, id);
            last = std::max(last, id);
        }
    }
    QHash<qint64, OutboxItem> items;
    if (last >= first) {
        for (const OutboxItem& item :
            Rows::readItems(m_db, QStringLiteral("id >= ? AND id <= ?"), {first, last}))
            items.insert(item.id, item);
    }
    ContactCache cache(m_db);
    for (const ImportJournalRow& row : journal) {
        ImportRowResult result;
        result.row = row.row;
        result.contactId = row.contactId;
        if (row.action == QLatin1StringView("invalid")) {
            result.outcome = ImportOutcome::Failed;
            result.error = row.reason;
        } else if (row.action == QLatin1StringView("skip")) {
            result.outcome = ImportOutcome::Skipped;
            result.error = row.reason;
        } else if (row.action == QLatin1StringView("unchanged")) {
            result.outcome = ImportOutcome::Unchanged;
        } else {
            // An update of a contact that is not on the server yet (its create failed in an
            // earlier run and now goes with this row's values) creates it; a duplicate merged
            // into an earlier row of the file updates what that row created.
            bool creates = row.action != QLatin1StringView("update")
                && row.action != QLatin1StringView("merge");
            bool upserts = row.action == QLatin1StringView("upsert");
            for (const qint64 id : row.items) {
                const auto it = items.constFind(id);
                if (it != items.constEnd() && row.action == QLatin1StringView("update")
                    && it->childId.isEmpty() && Outbox::isCreate(it->kind)) {
                    creates = true;
                    upserts = it->kind == OutboxKind::UpsertContact;
                }
            }
            // A row's items go in order: the first that did not end says what the row is.
            result.outcome = creates ? ImportOutcome::Created : ImportOutcome::Updated;
            for (const qint64 id : row.items) {
                const auto it = items.constFind(id);
                // Items done long ago may have been purged; a discarded one took its row along.
                if (it == items.constEnd())
                    continue;
                if (result.contactId.isEmpty() || result.contactId == row.contactId)
                    result.contactId = it->contactId;
                if (it->state == OutboxState::Failed || it->state == OutboxState::Conflict) {
                    result.outcome = ImportOutcome::Failed;
                    result.error = it->lastError.isEmpty() ? tr("The server refused the change.")
                                                           : it->lastError;
                    break;
                }
                if (it->state != OutboxState::Done) {
                    result.outcome = ImportOutcome::Pending;
                    break;
                }
            }
            if (result.outcome == ImportOutcome::Created && upserts) {
                const auto contact = cache.contact(result.contactId);
                if (contact && contact->dateAdded.isValid()
                    && contact->dateAdded.toMSecsSinceEpoch() < record->createdAtMs - addedSlackMs)
                    result.outcome = ImportOutcome::Updated;
            }
        }
        results.append(result);
    }
    return results;
}

QString ImportJournal::outcomeName(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::Created:
        return QStringLiteral("created");
    case ImportOutcome::Updated:
        return QStringLiteral("updated");
    case ImportOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case ImportOutcome::Skipped:
        return QStringLiteral("skipped");
    case ImportOutcome::Failed:
        return QStringLiteral("failed");
    case ImportOutcome::Pending:
        return QStringLiteral("pending");
    }
    return {};
}

} // namespace ContactDesk::Store
