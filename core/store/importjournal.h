#pragma once

#include "store/storeerror.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace ContactDesk::Store {

class Database;

// One import run as recorded: what it reads and with which profile, so that it can be resumed
// after the process died and refused when the file changed meanwhile.
struct ImportRunRecord
{
    qint64 id = 0;
    qint64 createdAtMs = 0;
    QJsonObject profile; // the mapping profile's JSON
    QString filePath; // absolute
    qint64 fileSize = 0;
    qint64 fileMtimeMs = 0;
    // "Run again with only the failed rows": the row numbers this run takes; empty for all.
    QList<qint64> onlyRows;
    QString state = QStringLiteral("running"); // "running", "cancelled", "finished"
    qint64 finishedAtMs = 0;
};

// One source row of a run, journaled in the same transaction as its local edit.
struct ImportJournalRow
{
    qint64 row = 0; // Record::number
    // "create", "upsert", "update", "merge" (an update of the contact an earlier row of the file
    // writes), "unchanged", "skip", "invalid"
    QString action;
    QString reason; // why it was skipped or invalid, or what it was merged into
    QString matchValue;
    QString contactId; // the contact it wrote (local id at the time), empty when none
    QList<qint64> items; // its outbox items

    bool operator==(const ImportJournalRow& other) const = default;
};

// What became of a row once its outbox items are finished.
enum class ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Skipped,
    Failed,
    Pending, // an item is still waiting (queued, in flight, or held back)
};

struct ImportRowResult
{
    qint64 row = 0;
    ImportOutcome outcome = ImportOutcome::Pending;
    QString contactId; // the server id when it has one
    QString error; // the server's message, the validation problems, or why it was skipped
};

// The journal of import runs. Writes join the caller's transaction when there is one (the run
// journals a row together with its LocalEdits change).
class ImportJournal
{
public:
    explicit ImportJournal(Database& database);

    // Returns the new run's id, 0 on failure.
    qint64 createRun(const ImportRunRecord& run);
    std::optional<ImportRunRecord> run(qint64 runId) const;
    // The newest run of that file not finished (running or cancelled): what --resume continues.
    std::optional<ImportRunRecord> unfinishedRun(const QString& filePath) const;
    bool setState(qint64 runId, const QString& state);

    bool record(qint64 runId, const ImportJournalRow& row);
    std::optional<ImportJournalRow> row(qint64 runId, qint64 rowNumber) const;
    QList<ImportJournalRow> rows(qint64 runId) const;
    QSet<qint64> journaledRows(qint64 runId) const;
    // Drops journal rows so a resume takes those rows again (after a cancel discarded their
    // items).
    bool forget(qint64 runId, const QList<qint64>& rowNumbers);

    // The newest outbox item id (0 when empty): a row's items are those above it after its edit.
    qint64 lastItemId() const;
    // The outbox items made after `afterItemId`, or else the open item of `contactId` a change
    // was folded into.
    QList<qint64> itemsAfter(qint64 afterItemId, const QString& contactId) const;
    // Outbox items waiting to be sent or on their way (queued, in flight, outcome unknown).
    int unsentItems() const;
    // Items on their way now.
    int itemsInFlight() const;

    // The outcome of every journaled row, in row order. An upsert counts as Updated when the
    // contact it landed on was added before the run began.
    QList<ImportRowResult> results(qint64 runId) const;

    StoreError lastError() const;

    static QString outcomeName(ImportOutcome outcome); // "created", ..., "pending"

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
