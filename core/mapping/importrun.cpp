#include "mapping/importrun.h"

#include "common/clock.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcImport, "contactdesk.mapping.import")

namespace ContactDesk::Mapping {

namespace {

qint64 mtimeOf(const QFileInfo& info)
{
    return info.lastModified().toMSecsSinceEpoch();
}

} // namespace

ImportSummary ImportSummary::of(const QList<Store::ImportRowResult>& results)
{
    ImportSummary summary;
    for (const Store::ImportRowResult& result : results) {
        switch (result.outcome) {
        case Store::ImportOutcome::Created:
            ++summary.created;
            break;
        case Store::ImportOutcome::Updated:
            ++summary.updated;
            break;
        case Store::ImportOutcome::Unchanged:
            ++summary.unchanged;
            break;
        case Store::ImportOutcome::Skipped:
            ++summary.skipped;
            break;
        case Store::ImportOutcome::Failed:
            ++summary.failed;
            break;
        case Store::ImportOutcome::Pending:
            ++summary.pending;
            break;
        }
    }
    return summary;
}

QList<qint64> failedRows(const QList<Store::ImportRowResult>& results)
{
    QList<qint64> rows;
    for (const Store::ImportRowResult& result : results) {
        if (result.outcome == Store::ImportOutcome::Failed)
            rows.append(result.row);
    }
    return rows;
}

bool planAll(SourceReader& reader, const MapFunction& map, ImportPlanner& planner,
    const std::function<void(const RowPlan&)>& each, QString* error)
{
    Record record;
    while (reader.next(&record))
        each(planner.plan(map(record)));
    if (!reader.error().isEmpty()) {
        if (error)
            *error = reader.error();
        return false;
    }
    return true;
}

ImportRun::ImportRun(Store::Database& database, Store::LocalEdits& edits, Store::Outbox& outbox,
    const Clock& clock, const Api::LocationLists& lists, const QString& locationId, QObject* parent)
    : QObject(parent)
    , m_db(database)
    , m_edits(edits)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_lists(lists)
    , m_locationId(locationId)
    , m_journal(database)
{
    qRegisterMetaType<ImportProgress>();
    connect(&m_db, &Store::Database::outboxChanged, this, [this] {
        if (m_state == State::Reading)
            schedule();
        else if (m_state == State::Draining)
            checkDrained();
    });
}

ImportRun::~ImportRun() = default;

bool ImportRun::start(const ImportOptions& options, std::unique_ptr<SourceReader> reader,
    MapFunction map, QString* error)
{
    const auto refuse = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (isRunning())
        return refuse(tr("This import is already running."));
    m_options = options;
    const QFileInfo file(options.filePath);
    if (!file.isFile())
        return refuse(tr("%1 is not a file.").arg(options.filePath));
    m_options.filePath = file.absoluteFilePath();
    m_options.window = std::max(1, options.window);
    m_options.batch = std::max(1, options.batch);
    m_reader = std::move(reader);
    m_map = std::move(map);
    if (!m_reader || !m_map)
        return refuse(tr("The import has no source to read."));
    m_planner = std::make_unique<ImportPlanner>(m_options.profile, m_lists, m_locationId, m_db);
    m_journaled.clear();
    m_progress = {};
    m_error.clear();

    if (options.resume) {
        const std::optional<Store::ImportRunRecord> previous
            = m_journal.unfinishedRun(m_options.filePath);
        if (!previous)
            return refuse(
                tr("There is no unfinished import of %1 to resume.").arg(m_options.filePath));
        if (previous->fileSize != file.size() || previous->fileMtimeMs != mtimeOf(file))
            return refuse(tr("%1 changed since its import began (its size or modification time "
                             "differs), so the rows cannot be matched up again. Start a new "
                             "import instead of resuming.")
                              .arg(m_options.filePath));
        m_runId = previous->id;
        m_only = QSet<qint64>(previous->onlyRows.cbegin(), previous->onlyRows.cend());
        m_journaled = m_journal.journaledRows(m_runId);
        // Later duplicates of rows written before the restart go to the same contacts.
        const QList<Store::ImportJournalRow> rows = m_journal.rows(m_runId);
        QHash<qint64, QString> contactOf;
        for (const Store::ImportRowResult& result : m_journal.results(m_runId))
            contactOf.insert(result.row, result.contactId);
        for (const Store::ImportJournalRow& row : rows) {
            if (row.action != QLatin1StringView("skip")
                && row.action != QLatin1StringView("invalid"))
                m_planner->remember(row.matchValue, row.row, contactOf.value(row.row));
        }
        if (!m_journal.setState(m_runId, QStringLiteral("running")))
            return refuse(m_db.lastError().message);
        qCInfo(lcImport) << "resuming import run" << m_runId << "after" << m_journaled.size()
                         << "rows";
    } else {
        Store::ImportRunRecord record;
        record.createdAtMs = m_clock.nowMs();
        record.profile = m_options.profileJson;
        record.filePath = m_options.filePath;
        record.fileSize = file.size();
        record.fileMtimeMs = mtimeOf(file);
        record.onlyRows = m_options.onlyRows;
        m_runId = m_journal.createRun(record);
        if (m_runId == 0)
            return refuse(tr("The import cannot be recorded in the local cache: %1")
                              .arg(m_db.lastError().message));
        m_only = QSet<qint64>(m_options.onlyRows.cbegin(), m_options.onlyRows.cend());
    }
    m_state = State::Reading;
    m_startedAtMs = m_clock.nowMs();
    m_rowsThisSession = 0;
    m_progress.totalBytes = m_reader->totalBytes();
    schedule();
    return true;
}

void ImportRun::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &ImportRun::pump, Qt::QueuedConnection);
}

void ImportRun::pump()
{
    m_scheduled = false;
    if (m_state != State::Reading)
        return;
    int unsent = m_journal.unsentItems();
    int written = 0;
    Record record;
    const bool settled = unsent >= m_options.window && outboxSettled();
    while ((unsent < m_options.window || settled) && written < m_options.batch) {
        if (!m_reader->next(&record)) {
            if (!m_reader->error().isEmpty())
                return fail(m_reader->error());
            m_state = State::Draining;
            m_progress.reading = false;
            m_progress.rowsTotal = m_progress.rowsDone;
            m_progress.totalIsExact = true;
            updateProgress();
            checkDrained();
            return;
        }
        ++m_progress.rowsDone;
        if (m_journaled.contains(record.number)
            || (!m_only.isEmpty() && !m_only.contains(record.number)))
            continue;
        const RowPlan plan = m_planner->plan(m_map(record));
        const qint64 before = m_journal.lastItemId();
        if (!writeRow(plan))
            return;
        ++written;
        ++m_rowsThisSession;
        unsent += int(m_journal.lastItemId() - before);
    }
    updateProgress();
    // A full window waits for the worker (outboxChanged brings the run back), unless what fills
    // it can never go.
    if (unsent < m_options.window || outboxSettled())
        schedule();
}

bool ImportRun::writeRow(const RowPlan& plan)
{
    const int unsavedBefore = int(m_edits.unsavedEdits().size());
    // Sent after the desktop user's own edits, at background priority.
    const Store::LocalEdits::OriginScope origin(m_edits, Store::OutboxOrigin::Import);
    bool ok = m_db.beginTransaction();
    const qint64 before = ok ? m_journal.lastItemId() : 0;
    QString contactId = plan.contactId;
    switch (plan.action) {
    case PlanAction::Create:
        if (ok)
            contactId = m_edits.createContact(plan.draft);
        break;
    case PlanAction::Upsert:
        if (ok)
            contactId = m_edits.upsertContact(plan.draft);
        break;
    case PlanAction::Update:
        if (ok && !plan.changes.isEmpty())
            ok = m_edits.updateContact(contactId, plan.changes) != Store::EditOutcome::Unsaved;
        if (ok && !plan.addTags.isEmpty())
            ok = m_edits.addTags({contactId}, plan.addTags) != Store::EditOutcome::Unsaved;
        break;
    case PlanAction::Unchanged:
    case PlanAction::Skip:
    case PlanAction::Invalid:
        break;
    }
    Store::ImportJournalRow row;
    row.row = plan.row;
    row.action = plan.mergedInto > 0 && plan.action == PlanAction::Update
        ? QStringLiteral("merge")
        : planActionName(plan.action);
    row.reason = plan.reason;
    row.matchValue = plan.matchValue;
    row.contactId = contactId;
    const bool writes = plan.action == PlanAction::Create || plan.action == PlanAction::Upsert
        || plan.action == PlanAction::Update;
    if (ok && writes)
        row.items = m_journal.itemsAfter(before, contactId);
    ok = ok && int(m_edits.unsavedEdits().size()) == unsavedBefore && m_journal.record(m_runId, row)
        && m_db.commitTransaction();
    if (!ok) {
        if (m_db.inTransaction())
            m_db.rollbackTransaction();
        // The edit must not be applied later on its own: the row goes again on a resume.
        const QList<Store::UnsavedEdit> unsaved = m_edits.unsavedEdits();
        for (qsizetype i = unsavedBefore; i < unsaved.size(); ++i)
            m_edits.discardUnsaved(unsaved[i].serial);
        const Store::StoreError error = m_db.lastError();
        fail(tr("Row %1 could not be written to the local cache: %2")
                 .arg(plan.row)
                 .arg(error.message.isEmpty() ? error.detail : error.message));
        return false;
    }
    m_journaled.insert(plan.row);
    if (writes)
        m_planner->applied(plan, contactId);
    return true;
}

void ImportRun::checkDrained()
{
    if (m_state != State::Draining)
        return;
    m_progress.unsentItems = m_journal.unsentItems();
    if (m_progress.unsentItems > 0 && !outboxSettled()) {
        Q_EMIT progressChanged(m_progress);
        return;
    }
    if (!m_journal.setState(m_runId, QStringLiteral("finished")))
        qCWarning(lcImport) << "import run" << m_runId << "could not be marked finished";
    m_state = State::Finished;
    Q_EMIT progressChanged(m_progress);
    Q_EMIT finished();
}

bool ImportRun::outboxSettled() const
{
    return m_journal.itemsInFlight() == 0
        && !m_outbox.nextReady(std::numeric_limits<qint64>::max() / 2);
}

void ImportRun::cancel()
{
    if (!isRunning())
        return;
    m_state = State::Cancelled;
    QList<qint64> pendingAgain;
    for (const Store::ImportJournalRow& row : m_journal.rows(m_runId)) {
        bool discarded = false;
        for (const qint64 id : row.items) {
            const std::optional<Store::OutboxItem> item = m_outbox.item(id);
            // Never sent: nothing of it is on the server. A create that went once and waits
            // to go again may have landed, so it stays.
            if (!item || item->state != Store::OutboxState::Queued
                || (item->attempts > 0 && Store::Outbox::isCreate(item->kind)))
                continue;
            if (m_outbox.discard(id))
                discarded = true;
        }
        if (discarded)
            pendingAgain.append(row.row);
    }
    if (!m_journal.forget(m_runId, pendingAgain)
        || !m_journal.setState(m_runId, QStringLiteral("cancelled")))
        qCWarning(lcImport) << "import run" << m_runId << "could not record its cancel";
    for (const qint64 row : std::as_const(pendingAgain))
        m_journaled.remove(row);
    qCInfo(lcImport) << "import run" << m_runId << "cancelled;" << pendingAgain.size()
                     << "rows are pending again";
    m_progress.unsentItems = m_journal.unsentItems();
    Q_EMIT progressChanged(m_progress);
}

void ImportRun::fail(const QString& message)
{
    m_state = State::Failed;
    m_error = message;
    qCWarning(lcImport) << "import run" << m_runId << "stopped:" << message;
    Q_EMIT failed(message);
}

void ImportRun::updateProgress()
{
    m_progress.bytesRead = m_reader->bytesRead();
    m_progress.totalBytes = m_reader->totalBytes();
    if (!m_progress.totalIsExact && m_progress.bytesRead > 0 && m_progress.totalBytes > 0) {
        m_progress.rowsTotal = std::max(m_progress.rowsDone,
            qint64(double(m_progress.rowsDone) * double(m_progress.totalBytes)
                / double(m_progress.bytesRead)));
    }
    const qint64 elapsed = m_clock.nowMs() - m_startedAtMs;
    m_progress.rowsPerSecond
        = elapsed > 0 ? double(m_rowsThisSession) * 1000.0 / double(elapsed) : 0;
    if (m_progress.rowsPerSecond > 0 && m_progress.rowsTotal >= 0) {
        m_progress.msLeft = qint64(
            double(m_progress.rowsTotal - m_progress.rowsDone) * 1000.0 / m_progress.rowsPerSecond);
    } else {
        m_progress.msLeft = -1;
    }
    m_progress.unsentItems = m_journal.unsentItems();
    Q_EMIT progressChanged(m_progress);
}

QList<Store::ImportRowResult> ImportRun::results() const
{
    return m_journal.results(m_runId);
}

std::optional<Verification> ImportRun::verification(
    const QString& environment, const QString& connection) const
{
    if (m_state != State::Finished)
        return std::nullopt;
    const QList<Store::ImportRowResult> rows = results();
    const ImportSummary summary = ImportSummary::of(rows);
    if (summary.failed > 0 || summary.pending > 0)
        return std::nullopt;
    Verification verification;
    verification.environment = environment;
    verification.connection = connection;
    verification.at = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC);
    verification.rows = rows.size();
    return verification;
}

} // namespace ContactDesk::Mapping
