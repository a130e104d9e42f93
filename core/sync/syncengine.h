#pragma once

#include "api/apierror.h"
#include "api/contactsapi.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/serverchange.h"
#include "store/storeerror.h"
#include "store/syncstate.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ApiClient;
class RateBudget;
} // namespace ContactDesk::Api

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Sync {

enum class SyncKind
{
    Full, // the first walk over every contact (resumed until it completes once)
    Incremental, // contacts changed since the last checkpoint
};

struct SyncOptions
{
    // Contacts per search page (the API takes at most 500).
    int pageLimit = 500;
    // dateUpdated ranges a full sync walks at once, each with its own cursor. One cursor walk
    // waits for every answer before it asks for the next page, so alone it leaves most of the
    // rate budget unused.
    int streams = 4;
    // How far behind the last high-water mark an incremental sync starts: writes the search
    // index shows late, server nodes whose clocks disagree. Upserts are idempotent.
    qint64 overlapMs = 2LL * 60 * 1000;
    // How often the sync runs on its own once started; 0: only when asked.
    qint64 intervalMs = 5LL * 60 * 1000;
    // How often an incremental sync also looks for contacts deleted on the server.
    qint64 reconcileIntervalMs = 60LL * 60 * 1000;
    // Tasks, notes and appointments fetched more recently than this are shown without a fetch.
    qint64 childrenMaxAgeMs = 10LL * 60 * 1000;
};

struct SyncProgress
{
    enum class Phase
    {
        Planning, // finding the range of a full sync
        Walking, // fetching pages of contacts
        Reconciling, // comparing id sets for deleted contacts
        Refreshing, // fetching contacts whose local change was discarded
    };

    SyncKind kind = SyncKind::Incremental;
    Phase phase = Phase::Planning;
    int pages = 0;
    qint64 contacts = 0; // contacts received in this run (resumed work counts from the resume)
    qint64 total = -1; // contacts the walk expects; -1 until the server said
    // Time left at the rate the budget allows; -1 when unknown.
    qint64 msLeft = -1;
};

struct SyncResult
{
    SyncKind kind = SyncKind::Incremental;
    bool ok = false;
    bool cancelled = false;
    // Why it failed, one of the two; the checkpoint keeps what was done.
    Api::ApiError apiError;
    Store::StoreError storeError;
    int pages = 0;
    qint64 contacts = 0;
    qint64 removed = 0; // contacts found deleted on the server
    bool reconciled = false;
    qint64 refreshed = 0; // contacts fetched again after a discarded local change
    qint64 elapsedMs = 0;

    // User text: empty when ok.
    QString message() const;
};

// Keeps the cache converged with the server. The first sync walks every contact; later ones
// fetch what changed since the last checkpoint, through POST /contacts/search sorted by
// dateUpdated with a searchAfter cursor. Each page is written to the cache together with its
// checkpoint in one transaction, so a sync cut short (crash, quit, network) resumes where it
// stopped. Contacts deleted on the server are found by a periodic reconciliation that compares
// the count of contacts per dateAdded range on both sides and lists only the ranges that differ,
// and by not-found answers. Requests go at background priority so user actions pass first.
//
// Tasks, notes and appointments are loaded per contact when it is opened (loadChildren) and
// kept with their fetch time.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // Everything must outlive the engine.
    SyncEngine(Api::ApiClient& client, Api::RateBudget& budget, Store::Database& database,
        const Clock& clock, SyncOptions options = {}, QObject* parent = nullptr);
    ~SyncEngine() override;

    const SyncOptions& options() const { return m_options; }
    // Takes effect for the next run; the interval at once.
    void setOptions(const SyncOptions& options);
    void setInterval(qint64 intervalMs);

    // Starts the interval timer and syncs now if a sync is due.
    void start();
    // Stops the timer and cancels a running sync; its checkpoint stays.
    void stop();
    bool isStarted() const { return m_started; }

    // Starts a sync now: the full sync until one has completed, incremental ones after. With
    // `reconcile` the deleted-contact reconciliation runs whether due or not. False while a
    // sync runs.
    bool sync(bool reconcile = false);
    // Syncs when the interval has passed (by the injected clock) since the last sync, or the
    // full sync never completed. What the timer calls.
    bool syncIfDue();
    bool isDue() const;
    // Stops the running sync: requests in flight are cancelled, finished() follows at once.
    void cancel();
    bool isRunning() const { return m_run != nullptr; }
    SyncProgress progress() const;

    // Fetches the tasks, notes and appointments of a contact unless all three were fetched
    // within childrenMaxAgeMs (or `force`). At foreground priority: the user is looking at
    // them. A contact the server no longer has is removed from the cache. childrenLoaded()
    // follows in every case.
    void loadChildren(const QString& contactId, bool force = false);
    bool isLoadingChildren(const QString& contactId) const;

    // Told of the contacts an incremental sync or a reconciliation found changed, new or gone
    // on the server (source "sync"), inside the transaction that writes them: returning false
    // rolls the page back and fails the run. The first full sync reports nothing (it is the
    // cache being filled, not a change).
    void setChangeObserver(Store::ServerChangeObserver observer)
    {
        m_observer = std::move(observer);
    }

Q_SIGNALS:
    void started(ContactDesk::Sync::SyncKind kind);
    void progressChanged(const ContactDesk::Sync::SyncProgress& progress);
    void finished(const ContactDesk::Sync::SyncResult& result);
    // A page of contacts from the server is in the cache (with its checkpoint).
    void contactsStored(const QList<ContactDesk::Api::Contact>& contacts);
    // `message` is user text when !ok.
    void childrenLoaded(const QString& contactId, bool ok, const QString& message);

private:
    struct Run;
    struct Stream;
    struct ChildLoad;

    template <typename T, typename Handler>
    void watch(const Api::Call<T>& call, Handler handler);
    Api::SearchQuery walkQuery(const QString& field, qint64 fromMs, qint64 toMs,
        const QJsonArray& after, int pageLimit, bool descending = false) const;

    // Full sync.
    void startFull();
    void planFull();
    void buildPlan(qint64 minMs, qint64 maxMs, qint64 total);
    void requestStreamPage(int index);
    void streamPage(int index, const Api::Result<Api::ContactPage>& result);
    void writeStreamPages();
    void splitStreams();
    QJsonObject planJson() const;
    bool loadPlan();
    void completeFull();

    // Incremental sync.
    void startIncremental();
    void requestIncrementalPage();
    void incrementalPage(const Api::Result<Api::ContactPage>& result);
    void afterWalk();

    // Deleted contacts.
    bool reconcileDue() const;
    void startReconcile();
    void nextReconcileRange();
    void reconcileCount(const Api::Result<Api::ContactPage>& result, qint64 cacheCount);
    void requestReconcilePage();
    void reconcilePage(const Api::Result<Api::ContactPage>& result);
    void finishReconcileRange();

    // Stale contacts.
    void startRefresh();
    void refreshNext();

    bool writePage(const QList<Api::Contact>& contacts, const std::function<bool()>& checkpoint);
    // Upserts `contacts` (or removes `goneIds`) and tells the observer what changed, in one
    // transaction; false with the store's error.
    bool storeChanges(const QList<Api::Contact>& contacts, const QStringList& goneIds = {});
    void countPage(const Api::ContactPage& page);
    // False when a receiver ended the run.
    bool emitProgress();
    void fail(const Api::ApiError& error);
    void failStore(const Store::StoreError& error);
    void finishRun(bool ok);

    void childLoaded(const QString& contactId);

    Api::ApiClient& m_client;
    Api::ContactsApi m_api;
    Api::RateBudget& m_budget;
    Store::Database& m_db;
    Store::ContactCache m_cache;
    Store::ChildCache m_children;
    Store::SyncState m_state;
    const Clock& m_clock;
    SyncOptions m_options;
    QTimer m_timer;
    bool m_started = false;
    std::unique_ptr<Run> m_run;
    quint64 m_generation = 0;
    QHash<QString, std::shared_ptr<ChildLoad>> m_childLoads;
    Store::ServerChangeObserver m_observer;
};

} // namespace ContactDesk::Sync
