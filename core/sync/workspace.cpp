#include "sync/workspace.h"

#include "api/contactsapi.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "auth/tokenmanager.h"
#include "common/clock.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/history.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/syncstate.h"
#include "store/trash.h"
#include "sync/logging.h"

#include <QNetworkAccessManager>

namespace ContactDesk::Sync {

Workspace::Workspace(QNetworkAccessManager& network, Api::TokenProvider& tokens,
    Api::RateBudget& budget, const Clock& clock, Api::ApiConfig config, const QString& databasePath,
    QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_database(std::make_unique<Store::Database>(databasePath, clock))
    , m_cache(std::make_unique<Store::ContactCache>(*m_database))
    , m_children(std::make_unique<Store::ChildCache>(*m_database))
    , m_edits(std::make_unique<Store::LocalEdits>(*m_database))
    , m_outbox(std::make_unique<Store::Outbox>(*m_database))
    , m_trash(std::make_unique<Store::Trash>(*m_database))
    , m_history(std::make_unique<Store::History>(*m_database))
    , m_syncState(std::make_unique<Store::SyncState>(*m_database))
    , m_client(std::make_unique<Api::ApiClient>(network, tokens, budget, clock, std::move(config)))
    , m_contacts(std::make_unique<Api::ContactsApi>(*m_client))
    , m_sync(std::make_unique<SyncEngine>(*m_client, budget, *m_database, clock))
    , m_worker(std::make_unique<OutboxWorker>(*m_client, *m_database, clock))
    , m_lists(std::make_unique<LocationListSync>(*m_client, *m_database, clock))
{
    connect(m_lists.get(), &LocationListSync::listsChanged, this, &Workspace::locationListsChanged);
    // Each sync refreshes the lists alongside, as cheap as a page: one request a list.
    connect(m_sync.get(), &SyncEngine::started, this, [this] {
        if (m_started)
            m_lists->refreshAll();
    });
    // Ids the lists do not know, met where the sync stores them, ask for a refresh.
    connect(
        m_sync.get(), &SyncEngine::contactsStored, m_lists.get(), &LocationListSync::noteContacts);
    connect(
        m_sync.get(), &SyncEngine::childrenLoaded, this, [this](const QString& contactId, bool ok) {
            if (!ok || !m_lists->isStarted())
                return;
            m_lists->noteAppointments(m_children->appointments(contactId));
            m_lists->noteTasks(m_children->tasks(contactId));
        });

    // A sign-in after "needs sign-in" lets queued work go at once instead of at the next probe.
    if (auto* oauth = dynamic_cast<Auth::OAuthTokenProvider*>(&tokens)) {
        connect(oauth, &Auth::OAuthTokenProvider::stateChanged, this,
            [this](Auth::OAuthTokenProvider::State state) {
                if (state == Auth::OAuthTokenProvider::State::Ready)
                    tokensReady();
            });
    }
}

Workspace::~Workspace()
{
    stop();
}

const Store::Database::OpenResult& Workspace::open()
{
    if (m_opened && m_openResult.ok)
        return m_openResult;
    m_openResult = m_database->open();
    m_opened = true;
    if (m_openResult.ok)
        m_lists->load();
    if (!m_openResult.movedAsidePath.isEmpty())
        qCWarning(lcSync) << "the cache was damaged and rebuilt; the old file is at"
                          << m_openResult.movedAsidePath;
    return m_openResult;
}

bool Workspace::start()
{
    if (m_started)
        return true;
    if (!open().ok)
        return false;
    m_started = true;
    // Before the sync: the lists' requests go out ahead of the first page of contacts, so names
    // are there when the contacts are.
    m_lists->start();
    m_worker->start();
    m_sync->start();
    return true;
}

void Workspace::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_sync->stop();
    m_worker->stop();
    m_lists->stop();
}

void Workspace::tokensReady()
{
    if (m_worker->isRunning())
        m_worker->resume();
    if (m_sync->isStarted())
        m_sync->syncIfDue();
}

} // namespace ContactDesk::Sync
