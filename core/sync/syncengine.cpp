#include "sync/syncengine.h"

#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "common/clock.h"
#include "store/database.h"
#include "sync/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "contactdesk.sync", QtInfoMsg)

namespace ContactDesk::Sync {

namespace {

using L = QLatin1StringView;

const QString fullPlanKey = QStringLiteral("fullSyncPlan");
const QString dateUpdatedField = QStringLiteral("dateUpdated");
const QString dateAddedField = QStringLiteral("dateAdded");

// A stream whose remaining range is narrower than this is not split any further: the two
// halves would mostly walk the same contacts.
constexpr qint64 minSplitMs = 2;

qint64 msOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

// The cursor of the next page: the last contact's searchAfter, or the [sort value, id] a server
// that does not send it would have given.
QJsonArray nextCursor(const Api::ContactPage& page, const QString& sortField)
{
    if (!page.lastSearchAfter.isEmpty())
        return page.lastSearchAfter;
    const Api::Contact& last = page.contacts.constLast();
    const qint64 ms = msOf(sortField == dateAddedField ? last.dateAdded : last.dateUpdated);
    return QJsonArray {ms, last.id};
}

// Contacts created here carry "local-<uuid>" until their create lands; the server has none.
bool isLocalId(const QString& id)
{
    return id.startsWith(QLatin1StringView("local-"));
}

QString text(const char* source)
{
    return QCoreApplication::translate("ContactDesk::Sync::SyncEngine", source);
}

} // namespace

QString SyncResult::message() const
{
    if (ok)
        return {};
    if (cancelled)
        return text("The sync was stopped; the next one continues where it left off.");
    if (storeError.isError())
        return storeError.message;
    return apiError.userText();
}

struct SyncEngine::Stream
{
    qint64 fromMs = 0;
    qint64 toMs = -1; // exclusive; -1: no upper bound
    qint64 lastMs = 0; // dateUpdated of the last contact received
    QJsonArray after;
    qint64 delivered = 0;
    bool done = false;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("from"), fromMs}, {QStringLiteral("to"), toMs},
            {QStringLiteral("last"), lastMs}, {QStringLiteral("after"), after},
            {QStringLiteral("delivered"), delivered}, {QStringLiteral("done"), done}};
    }

    static Stream fromJson(const QJsonObject& json)
    {
        Stream stream;
        stream.fromMs = json.value(L("from")).toInteger();
        stream.toMs = json.value(L("to")).toInteger(-1);
        stream.lastMs = json.value(L("last")).toInteger(stream.fromMs);
        stream.after = json.value(L("after")).toArray();
        stream.delivered = json.value(L("delivered")).toInteger();
        stream.done = json.value(L("done")).toBool();
        return stream;
    }
};

struct SyncEngine::ChildLoad
{
    int pending = 3;
    bool gone = false;
    QString message;
};

struct SyncEngine::Run
{
    SyncResult result;
    SyncProgress progress;
    qint64 startedAtMs = 0;
    bool forceReconcile = false;
    QList<QPointer<Api::ApiJob>> jobs;

    // Full sync.
    QList<Stream> streams;
    qint64 planMaxMs = -1;
    qint64 planTotal = -1;
    qint64 planDelivered = 0;
    int planAnswers = 0;
    qint64 oldestMs = -1;
    qint64 newestMs = -1;
    // Pages that arrived while the last ones were being stored: written together, with one
    // checkpoint, in one transaction (storing, not the network, limits a fast sync).
    QList<Api::Contact> unwritten;
    int unwrittenPages = 0;
    bool streamEnded = false;
    bool writeQueued = false;

    // Incremental sync.
    qint64 sinceMs = 0;
    QJsonArray after;
    qint64 highWaterMs = -1;
    qint64 walkTotal = -1;
    qint64 walkDelivered = 0;

    // Reconciliation: the cache's server ids by dateAdded, the ranges still to compare, and the
    // ids the server listed for the range being compared.
    struct Range
    {
        qint64 fromMs;
        qint64 toMs;
    };
    QList<QPair<qint64, QString>> cacheIds;
    QList<Range> ranges;
    Range range {0, 0};
    QSet<QString> listed;
    QJsonArray rangeAfter;

    // Stale contacts.
    QStringList stale;
};

SyncEngine::SyncEngine(Api::ApiClient& client, Api::RateBudget& budget, Store::Database& database,
    const Clock& clock, SyncOptions options, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_api(client, Api::RequestCause::Sync)
    , m_budget(budget)
    , m_db(database)
    , m_cache(database)
    , m_children(database)
    , m_state(database)
    , m_clock(clock)
    , m_options(std::move(options))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { syncIfDue(); });
}

SyncEngine::~SyncEngine()
{
    // Answers that arrive after this must find no run to write into.
    ++m_generation;
    if (m_run) {
        const auto run = std::move(m_run);
        for (const QPointer<Api::ApiJob>& job : run->jobs) {
            if (job)
                job->cancel();
        }
    }
}

void SyncEngine::setOptions(const SyncOptions& options)
{
    m_options = options;
    setInterval(options.intervalMs);
}

void SyncEngine::setInterval(qint64 intervalMs)
{
    m_options.intervalMs = intervalMs;
    if (!m_started)
        return;
    if (intervalMs > 0)
        m_timer.start(int(std::min<qint64>(intervalMs, std::numeric_limits<int>::max())));
    else
        m_timer.stop();
}

void SyncEngine::start()
{
    m_started = true;
    setInterval(m_options.intervalMs);
    syncIfDue();
}

void SyncEngine::stop()
{
    m_started = false;
    m_timer.stop();
    cancel();
}

bool SyncEngine::isDue() const
{
    if (!m_state.fullSyncComplete())
        return true;
    const std::optional<qint64> last = m_state.lastIncrementalSyncMs();
    return !last || m_clock.nowMs() - *last >= m_options.intervalMs;
}

bool SyncEngine::syncIfDue()
{
    if (isRunning() || !isDue())
        return false;
    return sync();
}

bool SyncEngine::sync(bool reconcile)
{
    if (m_run)
        return false;
    ++m_generation;
    m_run = std::make_unique<Run>();
    m_run->startedAtMs = m_clock.nowMs();
    m_run->forceReconcile = reconcile;
    const bool full = !m_state.fullSyncComplete();
    m_run->result.kind = full ? SyncKind::Full : SyncKind::Incremental;
    m_run->progress.kind = m_run->result.kind;
    qCInfo(lcSync) << (full ? "full" : "incremental") << "sync started";
    const quint64 generation = m_generation;
    Q_EMIT started(m_run->result.kind);
    if (!m_run || generation != m_generation)
        return true;
    if (full)
        startFull();
    else
        startIncremental();
    return true;
}

void SyncEngine::cancel()
{
    if (!m_run)
        return;
    m_run->result.cancelled = true;
    m_run->result.apiError = Api::ApiError(Api::ApiError::Kind::Cancelled, 0, {});
    finishRun(false);
}

SyncProgress SyncEngine::progress() const
{
    return m_run ? m_run->progress : SyncProgress();
}

template <typename T, typename Handler>
void SyncEngine::watch(const Api::Call<T>& call, Handler handler)
{
    const quint64 generation = m_generation;
    m_run->jobs.removeIf([](const QPointer<Api::ApiJob>& job) { return job.isNull(); });
    m_run->jobs.append(call.job());
    call.then(this, [this, generation, handler = std::move(handler)](const Api::Result<T>& result) {
        if (!m_run || generation != m_generation)
            return;
        handler(result);
    });
}

Api::SearchQuery SyncEngine::walkQuery(const QString& field, qint64 fromMs, qint64 toMs,
    const QJsonArray& after, int pageLimit, bool descending) const
{
    Api::SearchQuery query(m_client.locationId(), pageLimit);
    if (fromMs > 0 || toMs >= 0) {
        Api::Filter::Bounds bounds;
        bounds.gte = QJsonValue(isoUtc(std::max<qint64>(0, fromMs)));
        if (toMs >= 0)
            bounds.lt = QJsonValue(isoUtc(toMs));
        query.addFilter(Api::Filter::range(field, bounds));
    }
    query.addSort(
        field, descending ? Api::SortDirection::Descending : Api::SortDirection::Ascending);
    if (!after.isEmpty())
        query.setSearchAfter(after);
    return query;
}

bool SyncEngine::writePage(
    const QList<Api::Contact>& contacts, const std::function<bool()>& checkpoint)
{
    // The page and the position after it land together, or neither does.
    if (!m_db.beginTransaction()) {
        failStore(m_db.lastError());
        return false;
    }
    if (!storeChanges(contacts) || !checkpoint() || !m_db.commitTransaction()) {
        const Store::StoreError error = m_db.lastError();
        if (m_db.inTransaction())
            m_db.rollbackTransaction();
        failStore(error);
        return false;
    }
    if (contacts.isEmpty())
        return true;
    const quint64 generation = m_generation;
    Q_EMIT contactsStored(contacts);
    // A receiver may have cancelled the run.
    return m_run && generation == m_generation;
}

bool SyncEngine::storeChanges(const QList<Api::Contact>& contacts, const QStringList& goneIds)
{
    const bool report = m_observer && m_run && m_run->result.kind == SyncKind::Incremental;
    if (!report)
        return goneIds.isEmpty() ? m_cache.upsertFromServer(contacts)
                                 : m_cache.removeFromServer(goneIds);
    if (!m_db.beginTransaction())
        return false;
    QList<Store::ServerChange> changes;
    const auto fail = [this] {
        if (m_db.inTransaction())
            m_db.rollbackTransaction();
        return false;
    };
    if (goneIds.isEmpty()) {
        QList<QJsonObject> before;
        before.reserve(contacts.size());
        for (const Api::Contact& contact : contacts) {
            const std::optional<Api::Contact> cached = m_cache.contact(contact.id);
            before.append(cached ? cached->toJson() : QJsonObject());
        }
        if (!m_cache.upsertFromServer(contacts))
            return fail();
        for (qsizetype i = 0; i < contacts.size(); ++i) {
            const std::optional<Api::Contact> now = m_cache.contact(contacts.at(i).id);
            const QJsonObject after = now ? now->toJson() : QJsonObject();
            if (after != before.at(i))
                changes.append({Store::ServerRecord::Contact, contacts.at(i).id, contacts.at(i).id,
                    before.at(i), after, QStringLiteral("sync")});
        }
    } else {
        for (const QString& id : goneIds) {
            if (const std::optional<Api::Contact> cached = m_cache.contact(id))
                changes.append({Store::ServerRecord::Contact, id, id, cached->toJson(), {},
                    QStringLiteral("sync")});
        }
        if (!m_cache.removeFromServer(goneIds))
            return fail();
    }
    if (!changes.isEmpty() && !m_observer(changes))
        return fail();
    return m_db.commitTransaction() || fail();
}

void SyncEngine::countPage(const Api::ContactPage& page)
{
    ++m_run->result.pages;
    m_run->result.contacts += page.contacts.size();
    ++m_run->progress.pages;
}

bool SyncEngine::emitProgress()
{
    const quint64 generation = m_generation;
    SyncProgress& progress = m_run->progress;
    progress.msLeft = -1;
    if (progress.total >= 0) {
        const Api::RateBudget::State budget = m_budget.state(m_client.locationId());
        const qint64 left = std::max<qint64>(0, progress.total - progress.contacts);
        const qint64 pages = (left + m_options.pageLimit - 1) / std::max(1, m_options.pageLimit);
        if (budget.limit > 0)
            progress.msLeft = pages * budget.windowMs / budget.limit;
    }
    Q_EMIT progressChanged(progress);
    // A receiver may have cancelled the run.
    return m_run && generation == m_generation;
}

// Full sync ------------------------------------------------------------------------------------

void SyncEngine::startFull()
{
    m_run->progress.phase = SyncProgress::Phase::Planning;
    if (loadPlan()) {
        // Contacts deleted on the server while the walk was interrupted may already be cached:
        // this run looks for them once the walk is done.
        m_run->forceReconcile = true;
        qCInfo(lcSync) << "resuming the full sync:" << m_run->streams.size() << "ranges,"
                       << m_run->planDelivered << "contacts done";
        m_run->progress.phase = SyncProgress::Phase::Walking;
        m_run->progress.total = m_run->planTotal;
        m_run->progress.contacts = m_run->planDelivered;
        if (!emitProgress())
            return;
        for (int i = 0; i < m_run->streams.size(); ++i) {
            if (!m_run->streams.at(i).done)
                requestStreamPage(i);
        }
        splitStreams();
        if (std::all_of(m_run->streams.cbegin(), m_run->streams.cend(),
                [](const Stream& s) { return s.done; }))
            completeFull();
        return;
    }
    planFull();
}

void SyncEngine::planFull()
{
    // The oldest and the newest dateUpdated bound the ranges the walk is split into; the first
    // answer's total sizes the progress bar.
    for (const bool descending : {false, true}) {
        const auto call = m_api.search(
            walkQuery(dateUpdatedField, 0, -1, {}, 1, descending), Api::Priority::Background);
        watch(call, [this, descending](const Api::Result<Api::ContactPage>& result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            Run& run = *m_run;
            if (!result.value.contacts.isEmpty()) {
                const qint64 ms = msOf(result.value.contacts.constFirst().dateUpdated);
                (descending ? run.newestMs : run.oldestMs) = ms;
            }
            run.planTotal = std::max<qint64>(run.planTotal, result.value.total);
            if (++run.planAnswers == 2)
                buildPlan(run.oldestMs, run.newestMs, run.planTotal);
        });
    }
}

void SyncEngine::buildPlan(qint64 minMs, qint64 maxMs, qint64 total)
{
    Run& run = *m_run;
    run.planTotal = total;
    run.planMaxMs = maxMs;
    run.streams.clear();
    if (minMs >= 0 && maxMs >= minMs) {
        const qint64 span = maxMs - minMs + 1;
        const int count = int(std::clamp<qint64>(span, 1, std::max(1, m_options.streams)));
        for (int i = 0; i < count; ++i) {
            Stream stream;
            stream.fromMs = minMs + span * i / count;
            stream.lastMs = stream.fromMs;
            // The last range has no end: contacts changed during the walk move there.
            stream.toMs = i + 1 == count ? -1 : minMs + span * (i + 1) / count;
            run.streams.append(stream);
        }
    }
    if (!m_state.setValue(fullPlanKey,
            QString::fromUtf8(QJsonDocument(planJson()).toJson(QJsonDocument::Compact)))) {
        failStore(m_state.lastError());
        return;
    }
    qCInfo(lcSync) << "full sync of about" << total << "contacts in" << run.streams.size()
                   << "ranges";
    run.progress.phase = SyncProgress::Phase::Walking;
    run.progress.total = total;
    if (!emitProgress())
        return;
    if (run.streams.isEmpty()) {
        completeFull();
        return;
    }
    for (int i = 0; i < run.streams.size(); ++i)
        requestStreamPage(i);
}

QJsonObject SyncEngine::planJson() const
{
    QJsonArray streams;
    for (const Stream& stream : m_run->streams)
        streams.append(stream.toJson());
    return {{QStringLiteral("maxMs"), m_run->planMaxMs},
        {QStringLiteral("total"), m_run->planTotal},
        {QStringLiteral("delivered"), m_run->planDelivered}, {QStringLiteral("streams"), streams}};
}

bool SyncEngine::loadPlan()
{
    const std::optional<QString> saved = m_state.value(fullPlanKey);
    if (!saved)
        return false;
    const QJsonObject plan = QJsonDocument::fromJson(saved->toUtf8()).object();
    const QJsonArray streams = plan.value(L("streams")).toArray();
    if (!plan.contains(L("maxMs")) || streams.isEmpty())
        return false;
    m_run->planMaxMs = plan.value(L("maxMs")).toInteger(-1);
    m_run->planTotal = plan.value(L("total")).toInteger(-1);
    m_run->planDelivered = plan.value(L("delivered")).toInteger();
    for (const QJsonValue& stream : streams)
        m_run->streams.append(Stream::fromJson(stream.toObject()));
    return true;
}

void SyncEngine::requestStreamPage(int index)
{
    const Stream& stream = m_run->streams.at(index);
    const auto call = m_api.search(
        walkQuery(dateUpdatedField, stream.fromMs, stream.toMs, stream.after, m_options.pageLimit),
        Api::Priority::Background);
    watch(call,
        [this, index](const Api::Result<Api::ContactPage>& result) { streamPage(index, result); });
}

void SyncEngine::streamPage(int index, const Api::Result<Api::ContactPage>& result)
{
    if (!result.ok()) {
        fail(result.error);
        return;
    }
    const Api::ContactPage& page = result.value;
    Run& run = *m_run;
    {
        Stream& stream = run.streams[index];
        stream.delivered += page.contacts.size();
        if (!page.contacts.isEmpty()) {
            stream.after = nextCursor(page, dateUpdatedField);
            stream.lastMs = std::max(stream.lastMs, msOf(page.contacts.constLast().dateUpdated));
        }
        // A split may have moved the end below what this page already reached.
        stream.done = page.contacts.size() < m_options.pageLimit
            || (stream.toMs >= 0 && stream.lastMs >= stream.toMs);
    }
    run.planDelivered += page.contacts.size();
    // The next page is on its way while this one is stored; if storing fails, the run ends and
    // takes that request with it.
    if (!run.streams.at(index).done)
        requestStreamPage(index);
    else
        run.streamEnded = true;
    run.unwritten += page.contacts;
    ++run.unwrittenPages;
    if (run.writeQueued)
        return;
    // Answers already waiting in the event queue join this write.
    run.writeQueued = true;
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (m_run && generation == m_generation)
                writeStreamPages();
        },
        Qt::QueuedConnection);
}

void SyncEngine::writeStreamPages()
{
    Run& run = *m_run;
    run.writeQueued = false;
    const QList<Api::Contact> contacts = std::exchange(run.unwritten, {});
    const int pages = std::exchange(run.unwrittenPages, 0);
    const bool streamEnded = std::exchange(run.streamEnded, false);
    const QJsonObject plan = planJson();
    if (!writePage(contacts, [this, &plan] {
            return m_state.setValue(
                fullPlanKey, QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Compact)));
        }))
        return;
    run.result.pages += pages;
    run.result.contacts += contacts.size();
    run.progress.pages += pages;
    run.progress.contacts = run.planDelivered;
    if (run.planTotal >= 0)
        run.progress.total = std::max(run.planTotal, run.planDelivered);
    if (!emitProgress() || !streamEnded)
        return;
    splitStreams();
    if (m_run && std::all_of(m_run->streams.cbegin(), m_run->streams.cend(), [](const Stream& s) {
            return s.done;
        }))
        completeFull();
}

// Keeps `streams` ranges walking: when one finishes, the remaining range with the most
// contacts left (judged by the density its walk has met so far) is cut in two and its upper
// half gets a walk of its own, so skewed dates never leave one cursor working alone at the end.
// A range with less than two pages left is not worth the extra request a split costs.
void SyncEngine::splitStreams()
{
    Run& run = *m_run;
    const auto active = [&run] {
        return std::count_if(
            run.streams.cbegin(), run.streams.cend(), [](const Stream& s) { return !s.done; });
    };
    while (active() < m_options.streams) {
        int best = -1;
        double bestLeft = 0;
        qint64 bestSpan = 0;
        for (int i = 0; i < run.streams.size(); ++i) {
            const Stream& stream = run.streams.at(i);
            if (stream.done)
                continue;
            const qint64 end = stream.toMs >= 0 ? stream.toMs : run.planMaxMs + 1;
            const qint64 span = end - stream.lastMs;
            // A range that has not answered yet may well be small: it is left alone.
            if (stream.delivered == 0)
                continue;
            const qint64 walked = std::max<qint64>(1, stream.lastMs - stream.fromMs);
            const double left = double(stream.delivered) * double(span) / double(walked);
            if (span >= minSplitMs && left > bestLeft) {
                bestLeft = left;
                best = i;
                bestSpan = span;
            }
        }
        if (best < 0 || bestLeft < 2.0 * m_options.pageLimit)
            return;
        Stream upper;
        upper.fromMs = run.streams.at(best).lastMs + bestSpan / 2;
        upper.lastMs = upper.fromMs;
        upper.toMs = run.streams.at(best).toMs;
        run.streams[best].toMs = upper.fromMs;
        run.streams.append(upper);
        requestStreamPage(int(run.streams.size() - 1));
    }
}

void SyncEngine::completeFull()
{
    Run& run = *m_run;
    const qint64 now = m_clock.nowMs();
    QJsonObject cursor;
    if (run.planMaxMs >= 0)
        cursor.insert(QStringLiteral("highWaterMs"), run.planMaxMs);
    // Contacts changed during the walk are newer than planMaxMs: the incremental sync that
    // follows at once fetches them. A walk done in one go leaves deletions during it to the
    // periodic reconciliation; a resumed one reconciles now (forceReconcile).
    const bool saved = m_db.beginTransaction() && m_state.setFullSyncComplete(true)
        && m_state.setLastFullSyncMs(now)
        && (run.forceReconcile || m_state.setLastReconciliationMs(now))
        && m_state.setSearchCursor(cursor) && m_state.remove(fullPlanKey)
        && m_db.commitTransaction();
    if (!saved) {
        const Store::StoreError error = m_db.lastError();
        if (m_db.inTransaction())
            m_db.rollbackTransaction();
        failStore(error);
        return;
    }
    qCInfo(lcSync) << "full sync complete:" << run.planDelivered << "contacts";
    startIncremental();
}

// Incremental sync -----------------------------------------------------------------------------

void SyncEngine::startIncremental()
{
    Run& run = *m_run;
    const QJsonObject cursor = m_state.searchCursor();
    run.highWaterMs = cursor.value(L("highWaterMs")).toInteger(-1);
    if (cursor.contains(L("after")) && cursor.contains(L("sinceMs"))) {
        run.sinceMs = cursor.value(L("sinceMs")).toInteger();
        run.after = cursor.value(L("after")).toArray();
    } else {
        run.sinceMs
            = run.highWaterMs >= 0 ? std::max<qint64>(0, run.highWaterMs - m_options.overlapMs) : 0;
        run.after = QJsonArray();
    }
    run.progress.phase = SyncProgress::Phase::Walking;
    requestIncrementalPage();
}

void SyncEngine::requestIncrementalPage()
{
    const auto call = m_api.search(
        walkQuery(dateUpdatedField, m_run->sinceMs, -1, m_run->after, m_options.pageLimit),
        Api::Priority::Background);
    watch(call, [this](const Api::Result<Api::ContactPage>& result) { incrementalPage(result); });
}

void SyncEngine::incrementalPage(const Api::Result<Api::ContactPage>& result)
{
    if (!result.ok()) {
        fail(result.error);
        return;
    }
    Run& run = *m_run;
    const Api::ContactPage& page = result.value;
    const bool done = page.contacts.size() < m_options.pageLimit;
    if (!page.contacts.isEmpty()) {
        run.after = nextCursor(page, dateUpdatedField);
        for (const Api::Contact& contact : page.contacts)
            run.highWaterMs = std::max(run.highWaterMs, msOf(contact.dateUpdated));
    }
    QJsonObject cursor;
    if (run.highWaterMs >= 0)
        cursor.insert(QStringLiteral("highWaterMs"), run.highWaterMs);
    if (!done) {
        cursor.insert(QStringLiteral("sinceMs"), run.sinceMs);
        cursor.insert(QStringLiteral("after"), run.after);
    }
    const qint64 now = m_clock.nowMs();
    if (!writePage(page.contacts, [this, &cursor, done, now] {
            return m_state.setSearchCursor(cursor)
                && (!done || m_state.setLastIncrementalSyncMs(now));
        }))
        return;
    countPage(page);
    if (run.walkTotal < 0 && page.total >= 0)
        run.walkTotal = page.total;
    run.walkDelivered += page.contacts.size();
    run.progress.contacts = run.result.kind == SyncKind::Full
        ? run.planDelivered + run.walkDelivered
        : run.walkDelivered;
    if (run.walkTotal >= 0)
        run.progress.total
            = run.result.kind == SyncKind::Full ? run.planDelivered + run.walkTotal : run.walkTotal;
    if (!emitProgress())
        return;
    if (!done) {
        requestIncrementalPage();
        return;
    }
    afterWalk();
}

void SyncEngine::afterWalk()
{
    if (reconcileDue())
        startReconcile();
    else
        startRefresh();
}

// Deleted contacts -----------------------------------------------------------------------------

bool SyncEngine::reconcileDue() const
{
    if (m_run->forceReconcile)
        return true;
    const std::optional<qint64> last = m_state.lastReconciliationMs();
    return !last || m_clock.nowMs() - *last >= m_options.reconcileIntervalMs;
}

void SyncEngine::startReconcile()
{
    Run& run = *m_run;
    run.progress.phase = SyncProgress::Phase::Reconciling;
    if (!emitProgress())
        return;
    run.cacheIds = m_cache.serverIdsByDateAdded();
    if (m_cache.lastError().isError()) {
        failStore(m_cache.lastError());
        return;
    }
    run.ranges.clear();
    if (!run.cacheIds.isEmpty())
        run.ranges.append({run.cacheIds.constFirst().first, run.cacheIds.constLast().first + 1});
    nextReconcileRange();
}

// Compares one dateAdded range: equal counts mean nothing there was deleted (new contacts came
// with the incremental sync just before); a small range that differs is listed and diffed, a
// large one is cut in two.
void SyncEngine::nextReconcileRange()
{
    Run& run = *m_run;
    if (run.ranges.isEmpty()) {
        if (!m_state.setLastReconciliationMs(m_clock.nowMs())) {
            failStore(m_state.lastError());
            return;
        }
        run.result.reconciled = true;
        qCInfo(lcSync) << "reconciliation removed" << run.result.removed << "contacts";
        startRefresh();
        return;
    }
    run.range = run.ranges.takeLast();
    const auto lower = std::lower_bound(run.cacheIds.cbegin(), run.cacheIds.cend(),
        run.range.fromMs, [](const QPair<qint64, QString>& a, qint64 ms) { return a.first < ms; });
    const auto upper = std::lower_bound(lower, run.cacheIds.cend(), run.range.toMs,
        [](const QPair<qint64, QString>& a, qint64 ms) { return a.first < ms; });
    const qint64 cacheCount = upper - lower;
    // A range small enough for one page is counted and listed by the same request.
    const int limit = cacheCount < m_options.pageLimit ? m_options.pageLimit : 1;
    run.listed.clear();
    run.rangeAfter = QJsonArray();
    const auto call
        = m_api.search(walkQuery(dateAddedField, run.range.fromMs, run.range.toMs, {}, limit),
            Api::Priority::Background);
    watch(call, [this, cacheCount, limit](const Api::Result<Api::ContactPage>& result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        const qint64 serverCount = result.value.total >= 0
            ? result.value.total
            : (result.value.contacts.size() < limit ? result.value.contacts.size() : -1);
        if (serverCount == cacheCount) {
            nextReconcileRange();
            return;
        }
        Run& run = *m_run;
        const qint64 width = run.range.toMs - run.range.fromMs;
        if (limit == 1 && serverCount > m_options.pageLimit && width > 1) {
            const qint64 mid = run.range.fromMs + width / 2;
            run.ranges.append({mid, run.range.toMs});
            run.ranges.append({run.range.fromMs, mid});
            nextReconcileRange();
            return;
        }
        if (limit == 1) {
            requestReconcilePage();
            return;
        }
        reconcilePage(result);
    });
}

void SyncEngine::requestReconcilePage()
{
    Run& run = *m_run;
    const auto call = m_api.search(walkQuery(dateAddedField, run.range.fromMs, run.range.toMs,
                                       run.rangeAfter, m_options.pageLimit),
        Api::Priority::Background);
    watch(call, [this](const Api::Result<Api::ContactPage>& result) { reconcilePage(result); });
}

void SyncEngine::reconcilePage(const Api::Result<Api::ContactPage>& result)
{
    if (!result.ok()) {
        fail(result.error);
        return;
    }
    Run& run = *m_run;
    const Api::ContactPage& page = result.value;
    for (const Api::Contact& contact : page.contacts)
        run.listed.insert(contact.id);
    // The listed contacts are current: new ones the incremental sync has not seen are kept too.
    if (!storeChanges(page.contacts)) {
        failStore(m_cache.lastError());
        return;
    }
    if (page.contacts.size() >= m_options.pageLimit) {
        run.rangeAfter = nextCursor(page, dateAddedField);
        requestReconcilePage();
        return;
    }
    finishReconcileRange();
}

void SyncEngine::finishReconcileRange()
{
    Run& run = *m_run;
    QStringList gone;
    for (const auto& [ms, id] : std::as_const(run.cacheIds)) {
        if (ms >= run.range.fromMs && ms < run.range.toMs && !run.listed.contains(id))
            gone.append(id);
    }
    if (!gone.isEmpty()) {
        if (!storeChanges({}, gone)) {
            failStore(m_cache.lastError());
            return;
        }
        run.result.removed += gone.size();
    }
    nextReconcileRange();
}

// Stale contacts -------------------------------------------------------------------------------

void SyncEngine::startRefresh()
{
    m_run->progress.phase = SyncProgress::Phase::Refreshing;
    m_run->stale = m_cache.staleIds();
    m_run->stale.removeIf(isLocalId);
    refreshNext();
}

void SyncEngine::refreshNext()
{
    Run& run = *m_run;
    if (run.stale.isEmpty()) {
        finishRun(true);
        return;
    }
    const QString id = run.stale.takeFirst();
    const auto call = m_api.getContact(id, Api::Priority::Background);
    watch(call, [this, id](const Api::Result<Api::Contact>& result) {
        bool written = true;
        if (result.ok())
            written = m_cache.upsertFromServer({result.value});
        else if (result.error.kind() == Api::ApiError::Kind::NotFound)
            written = m_cache.removeFromServer({id});
        else {
            fail(result.error);
            return;
        }
        if (!written) {
            failStore(m_cache.lastError());
            return;
        }
        if (result.ok())
            ++m_run->result.refreshed;
        else
            ++m_run->result.removed;
        refreshNext();
    });
}

// Endings --------------------------------------------------------------------------------------

void SyncEngine::fail(const Api::ApiError& error)
{
    if (!m_run)
        return;
    m_run->result.apiError = error;
    m_run->result.cancelled = error.kind() == Api::ApiError::Kind::Cancelled;
    finishRun(false);
}

void SyncEngine::failStore(const Store::StoreError& error)
{
    if (!m_run)
        return;
    m_run->result.storeError = error.isError()
        ? error
        : Store::StoreError::other(text("The cache could not be written."));
    finishRun(false);
}

void SyncEngine::finishRun(bool ok)
{
    if (!m_run)
        return;
    // Answers still on their way belong to this run only.
    ++m_generation;
    std::unique_ptr<Run> run = std::move(m_run);
    for (const QPointer<Api::ApiJob>& job : std::as_const(run->jobs)) {
        if (job)
            job->cancel();
    }
    SyncResult result = run->result;
    result.ok = ok;
    result.elapsedMs = m_clock.nowMs() - run->startedAtMs;
    if (ok) {
        qCInfo(lcSync) << "sync finished:" << result.pages << "pages," << result.contacts
                       << "contacts," << result.removed << "removed in" << result.elapsedMs << "ms";
    } else {
        qCInfo(lcSync) << "sync stopped:"
                       << (result.storeError.isError()
                                  ? result.storeError.detail
                                  : Api::ApiError::kindName(result.apiError.kind()));
    }
    Q_EMIT finished(result);
}

// Tasks, notes and appointments ----------------------------------------------------------------

bool SyncEngine::isLoadingChildren(const QString& contactId) const
{
    return m_childLoads.contains(contactId);
}

void SyncEngine::loadChildren(const QString& contactId, bool force)
{
    if (m_childLoads.contains(contactId))
        return;
    const std::optional<Store::ContactSummary> summary = m_cache.summary(contactId);
    if (!summary || summary->local) {
        // Nothing on the server to fetch: a contact created here keeps its own lists.
        Q_EMIT childrenLoaded(contactId, summary.has_value(),
            summary ? QString() : text("The contact is not in the cache."));
        return;
    }
    const qint64 now = m_clock.nowMs();
    const auto fresh = [this, now](const std::optional<qint64>& fetchedAt) {
        return fetchedAt && now - *fetchedAt < m_options.childrenMaxAgeMs;
    };
    if (!force && fresh(m_children.tasksFetchedAt(contactId))
        && fresh(m_children.notesFetchedAt(contactId))
        && fresh(m_children.appointmentsFetchedAt(contactId))) {
        Q_EMIT childrenLoaded(contactId, true, {});
        return;
    }

    auto load = std::make_shared<ChildLoad>();
    m_childLoads.insert(contactId, load);
    const auto settle = [this, contactId, load](const Api::ApiError& error, bool written) {
        if (error.kind() == Api::ApiError::Kind::NotFound)
            load->gone = true;
        else if (error.isError() && load->message.isEmpty())
            load->message = error.userText();
        else if (!written && load->message.isEmpty())
            load->message = m_children.lastError().message;
        if (--load->pending == 0)
            childLoaded(contactId);
    };
    // Appointment times without a zone are wall-clock times of the contact's zone.
    QTimeZone zone = QTimeZone::utc();
    if (const auto contact = m_cache.contact(contactId); contact && !contact->timezone.isEmpty()) {
        const QTimeZone named(contact->timezone.toUtf8());
        if (named.isValid())
            zone = named;
    }
    m_api.tasks(contactId).then(this, [this, contactId, settle](const auto& result) {
        settle(result.error,
            !result.ok() || m_children.replaceTasks(contactId, result.value, m_clock.nowMs()));
    });
    m_api.notes(contactId).then(this, [this, contactId, settle](const auto& result) {
        settle(result.error,
            !result.ok() || m_children.replaceNotes(contactId, result.value, m_clock.nowMs()));
    });
    m_api.appointments(contactId, zone).then(this, [this, contactId, settle](const auto& result) {
        settle(result.error,
            !result.ok()
                || m_children.replaceAppointments(contactId, result.value, m_clock.nowMs()));
    });
}

void SyncEngine::childLoaded(const QString& contactId)
{
    const std::shared_ptr<ChildLoad> load = m_childLoads.take(contactId);
    if (!load)
        return;
    if (load->gone) {
        qCInfo(lcSync) << "a contact opened here is gone from the server; removing it";
        if (!m_cache.removeFromServer({contactId})) {
            Q_EMIT childrenLoaded(contactId, false, m_cache.lastError().message);
            return;
        }
        Q_EMIT childrenLoaded(contactId, false, text("This contact was deleted on the server."));
        return;
    }
    Q_EMIT childrenLoaded(contactId, load->message.isEmpty(), load->message);
}

} // namespace ContactDesk::Sync
