#pragma once

#include "api/apiclient.h"
#include "api/models/locationlists.h"
#include "store/database.h"
#include "sync/locationlistsync.h"
#include "sync/outboxworker.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ContactsApi;
class RateBudget;
class TokenProvider;
} // namespace ContactDesk::Api

namespace ContactDesk::Store {
class ChildCache;
class ContactCache;
class History;
class LocalEdits;
class Outbox;
class SyncState;
class Trash;
} // namespace ContactDesk::Store

namespace ContactDesk::Sync {

// Everything one connection needs, composed in one place so the desktop app and the command
// line wire it the same way: the cache file and its typed views, the API client, the sync
// engine, the outbox worker and the refresh of the location's lists. Nothing talks to the
// network until start().
//
// When the token provider is an OAuth one, a sign-in that makes it ready again resumes the
// outbox and the sync at once (otherwise the worker's periodic probe does).
class Workspace : public QObject
{
    Q_OBJECT

public:
    // Everything passed in must outlive the workspace.
    Workspace(QNetworkAccessManager& network, Api::TokenProvider& tokens, Api::RateBudget& budget,
        const Clock& clock, Api::ApiConfig config, const QString& databasePath,
        QObject* parent = nullptr);
    ~Workspace() override;

    // Opens the cache (idempotent) and reads the location's lists from it. A corrupt or foreign
    // file is moved aside and a fresh one opened: the result's message says so, for the UI to
    // show once.
    const Store::Database::OpenResult& open();
    const Store::Database::OpenResult& openResult() const { return m_openResult; }
    bool isOpen() const { return m_openResult.ok; }

    // Opens the cache if needed, then refreshes the location's lists and starts the outbox
    // worker and the sync interval (a sync runs at once when one is due); every sync that runs
    // afterwards refreshes the lists too (throttled). False when the cache cannot be opened.
    bool start();
    // Stops all three; a running sync keeps its checkpoint, items on their way finish.
    void stop();
    bool isStarted() const { return m_started; }

    Store::Database& database() { return *m_database; }
    Store::ContactCache& cache() { return *m_cache; }
    Store::ChildCache& children() { return *m_children; }
    Store::LocalEdits& edits() { return *m_edits; }
    Store::Outbox& outbox() { return *m_outbox; }
    Store::Trash& trash() { return *m_trash; }
    Store::History& history() { return *m_history; }
    Store::SyncState& syncState() { return *m_syncState; }
    Api::ApiClient& client() { return *m_client; }
    Api::ContactsApi& contacts() { return *m_contacts; }
    SyncEngine& syncEngine() { return *m_sync; }
    OutboxWorker& outboxWorker() { return *m_worker; }
    LocationListSync& locationListSync() { return *m_lists; }

    // The location's custom fields, tags, users and calendars as the cache holds them: read at
    // open, so offline too; locationListsChanged() follows every change a refresh brings.
    const Api::LocationLists& locationLists() const { return m_lists->lists(); }

Q_SIGNALS:
    void locationListsChanged();

private:
    void tokensReady();

    const Clock& m_clock;
    std::unique_ptr<Store::Database> m_database;
    std::unique_ptr<Store::ContactCache> m_cache;
    std::unique_ptr<Store::ChildCache> m_children;
    std::unique_ptr<Store::LocalEdits> m_edits;
    std::unique_ptr<Store::Outbox> m_outbox;
    std::unique_ptr<Store::Trash> m_trash;
    std::unique_ptr<Store::History> m_history;
    std::unique_ptr<Store::SyncState> m_syncState;
    std::unique_ptr<Api::ApiClient> m_client;
    std::unique_ptr<Api::ContactsApi> m_contacts;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<OutboxWorker> m_worker;
    // After the client and the database: destroyed first, so no answer reaches it late.
    std::unique_ptr<LocationListSync> m_lists;
    Store::Database::OpenResult m_openResult;
    bool m_opened = false;
    bool m_started = false;
};

} // namespace ContactDesk::Sync
