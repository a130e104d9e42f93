#pragma once

#include "api/models/locationlists.h"
#include "mapping/importplanner.h"
#include "mapping/mappedrow.h"
#include "mapping/profile.h"
#include "mapping/source.h"
#include "store/importjournal.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {
class Database;
class LocalEdits;
class Outbox;
} // namespace ContactDesk::Store

namespace ContactDesk::Mapping {

// A record to its mapped row: RowMapper::map in the app, anything in a test.
using MapFunction = std::function<MappedRow(const Record&)>;

struct ImportOptions
{
    QString filePath; // made absolute by start()
    Profile profile;
    // What the run records as its profile (Profile::toJson() of `profile`).
    QJsonObject profileJson;
    // Continue the run of this file that did not finish (killed or cancelled); refused when the
    // file's size or modification time changed since.
    bool resume = false;
    // "Run again with only the failed rows": only these row numbers are taken (empty: all).
    QList<qint64> onlyRows;
    // At most this many outbox items waiting or on their way: the run queues more as the
    // worker sends, so a cancel leaves little queued and memory stays small.
    int window = 200;
    // Rows written per turn of the event loop.
    int batch = 50;
};

struct ImportProgress
{
    qint64 rowsDone = 0; // rows read and journaled (or passed over on a resume)
    // Rows in the file: estimated from the bytes read until the end is reached; -1 unknown.
    qint64 rowsTotal = -1;
    bool totalIsExact = false;
    double rowsPerSecond = 0;
    qint64 msLeft = -1; // -1 unknown
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    bool reading = true; // false once every row is queued; then the outbox drains
    int unsentItems = 0;
};

struct ImportSummary
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;
    int failed = 0;
    int pending = 0;

    int total() const { return created + updated + unchanged + skipped + failed + pending; }
    static ImportSummary of(const QList<Store::ImportRowResult>& results);
};

// The rows whose outcome is failed: what "run again with only the failed rows" takes.
QList<qint64> failedRows(const QList<Store::ImportRowResult>& results);

// The dry run: every row's plan, nothing written anywhere. False with *error on a fatal source
// error (what was planned before it was given to `each`).
bool planAll(SourceReader& reader, const MapFunction& map, ImportPlanner& planner,
    const std::function<void(const RowPlan&)>& each, QString* error);

// An import: streams records through the mapper and the planner, and writes each row in ONE
// store transaction: its local edit (create, upsert, update, tags) with its journal row. The
// outbox worker (started by the caller) sends; the run keeps at most `window` items unsent.
// Killed at any row, a run resumed with the same file continues after its journaled rows: no
// row is written twice, none is lost.
class ImportRun : public QObject
{
    Q_OBJECT

public:
    ImportRun(Store::Database& database, Store::LocalEdits& edits, Store::Outbox& outbox,
        const Clock& clock, const Api::LocationLists& lists, const QString& locationId,
        QObject* parent = nullptr);
    ~ImportRun() override;

    // Opens (or, with resume, finds and checks) the run and starts queueing on the event loop.
    // False with a user message: no such file, a changed file on resume, nothing to resume, the
    // cache cannot be written.
    bool start(const ImportOptions& options, std::unique_ptr<SourceReader> reader, MapFunction map,
        QString* error);
    // Stops queueing and discards the run's items that were never sent; their rows go back to
    // pending (a resume sends them). What was sent stays.
    void cancel();

    qint64 runId() const { return m_runId; }
    bool isRunning() const { return m_state == State::Reading || m_state == State::Draining; }
    bool isFinished() const { return m_state == State::Finished; }
    bool wasCancelled() const { return m_state == State::Cancelled; }
    ImportProgress progress() const { return m_progress; }
    QString errorMessage() const { return m_error; }

    // Every journaled row's outcome (final once finished() was emitted).
    QList<Store::ImportRowResult> results() const;
    // The run's verification record when every row went through cleanly (nothing failed or
    // pending); the caller saves it in the profile (Profile::recordVerification).
    std::optional<Verification> verification(
        const QString& environment, const QString& connection) const;

Q_SIGNALS:
    void progressChanged(const ContactDesk::Mapping::ImportProgress& progress);
    // Every row is queued, every item of the run ended (done, failed or held as a conflict).
    void finished();
    // A fatal error (the source cannot be read further, the cache cannot be written): the run
    // stops where it is and can be resumed.
    void failed(const QString& message);

private:
    enum class State
    {
        Idle,
        Reading,
        Draining,
        Finished,
        Cancelled,
        Failed,
    };

    void schedule();
    void pump();
    bool writeRow(const RowPlan& plan);
    void checkDrained();
    // Nothing on its way and nothing that could go, whatever the time: what is left waits on a
    // failed or conflicting item.
    bool outboxSettled() const;
    void fail(const QString& message);
    void updateProgress();

    Store::Database& m_db;
    Store::LocalEdits& m_edits;
    Store::Outbox& m_outbox;
    const Clock& m_clock;
    Api::LocationLists m_lists;
    QString m_locationId;
    Store::ImportJournal m_journal;

    ImportOptions m_options;
    std::unique_ptr<SourceReader> m_reader;
    MapFunction m_map;
    std::unique_ptr<ImportPlanner> m_planner;
    qint64 m_runId = 0;
    QSet<qint64> m_journaled;
    QSet<qint64> m_only;
    State m_state = State::Idle;
    bool m_scheduled = false;
    qint64 m_startedAtMs = 0;
    qint64 m_rowsThisSession = 0;
    ImportProgress m_progress;
    QString m_error;
};

} // namespace ContactDesk::Mapping

Q_DECLARE_METATYPE(ContactDesk::Mapping::ImportProgress)
