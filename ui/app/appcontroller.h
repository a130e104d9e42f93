#pragma once

#include "api/models/locationlists.h"
#include "api/retrypolicy.h"
#include "auth/connection.h"
#include "auth/secretstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class RateBudget;
}

namespace ContactDesk::Auth {
class ConnectionSession;
class ConnectionStore;
class MemorySecretStore;
} // namespace ContactDesk::Auth

namespace ContactDesk::Sandbox {
class SandboxServer;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

// The connection the app works on: it opens the active connection's session (its token
// provider) and Workspace (cache, sync engine, outbox worker), and rebuilds both when the user
// switches connections or signs in again. The built-in sandbox runs in-process and needs no
// secrets: its connection gets the sandbox's address and token here, every start. Any other
// connection waits for the secret store the user agreed to (SecretStoreChooser).
//
// Windows follow through the signals: workspaceClosing() before the old workspace goes (panes
// built on its cache must go first), workspaceOpened() once the new one is open.
class AppController : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        QNetworkAccessManager& network;
        const Clock& clock;
        Auth::ConnectionStore& connections;
        Api::RateBudget& budget;
        // The embedded sandbox; null when it could not start.
        Sandbox::SandboxServer* sandbox = nullptr;
    };

    explicit AppController(const Services& services, QObject* parent = nullptr);
    ~AppController() override;

    // Where the secrets of real connections live; null until the user's choice is known.
    void setSecretStore(Auth::SecretStore* secrets);
    Auth::SecretStore* secretStore() const { return m_secrets; }
    // The user declined a memory-only session: only the sandbox can be opened.
    void setSecretStoreRefused();

    // Minutes between automatic syncs for the open workspace and the next ones (0: only on F5).
    void setSyncIntervalMs(qint64 ms);
    qint64 syncIntervalMs() const { return m_syncIntervalMs; }
    // How the API client of the next workspace retries transient failures (tests shorten it;
    // its waits are real time).
    void setRetryPolicy(const Api::RetryPolicy& retry) { m_retry = retry; }
    // Whether an opened workspace starts syncing and sending at once (default true).
    void setAutoStart(bool autoStart) { m_autoStart = autoStart; }

    // Opens the active connection; the sandbox instead when the active one cannot open yet.
    bool openActive();
    // Makes `connectionId` active and opens it. False when it is unknown or cannot open.
    bool switchTo(const QString& connectionId);
    // Opens the current connection anew (after a sign-in or a credential change).
    bool reopen();

    Sync::Workspace* workspace() const { return m_workspace; }
    Auth::ConnectionSession* session() const { return m_session; }
    // The connection that is open (its latest state).
    const Auth::Connection& connection() const { return m_connection; }
    bool isOpen() const { return m_workspace != nullptr; }
    // The running session of a connection, for the credential dialogs; null when not open.
    Auth::ConnectionSession* sessionFor(const QString& connectionId) const;
    Sandbox::SandboxServer* sandbox() const { return m_sandbox; }
    // The open location's lists (custom field definitions, tags, users, calendars), which the
    // windows read names from: the workspace's, from its cache (so offline too) and refreshed
    // by its sync. Empty (every id shown as it is) while none is open. locationListsChanged()
    // follows every change.
    Api::LocationLists locationLists() const;
    Auth::ConnectionStore& connections() const { return m_connections; }

Q_SIGNALS:
    // setSecretStore() was called: what waited for the user's choice may read its secrets.
    void secretStoreChanged();
    void workspaceClosing();
    // `notice` is user text to show once (a damaged cache was rebuilt), usually empty.
    void workspaceOpened(ContactDesk::Sync::Workspace* workspace, const QString& notice);
    // locationLists() has changed (a workspace opened or closed, or its lists were refreshed).
    void locationListsChanged();
    // Opening failed; the previous workspace is gone. User text.
    void openFailed(const QString& message);
    // The open connection's stored credentials stopped working; queued work waits.
    void needsSignIn(const ContactDesk::Auth::Connection& connection);
    // The open connection's state or details changed (sign-in state, expiry).
    void connectionChanged(const ContactDesk::Auth::Connection& connection);

private:
    bool open(Auth::Connection connection);
    void close();
    bool prepareSandbox(Auth::Connection* connection);

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Auth::ConnectionStore& m_connections;
    Api::RateBudget& m_budget;
    Sandbox::SandboxServer* m_sandbox;
    std::unique_ptr<Auth::MemorySecretStore> m_sandboxSecrets;
    QPointer<Auth::SecretStore> m_secrets;
    bool m_secretsRefused = false;
    bool m_waitingForSecrets = false;
    bool m_autoStart = true;
    qint64 m_syncIntervalMs = 5LL * 60 * 1000;
    Api::RetryPolicy m_retry;

    Auth::Connection m_connection;
    Auth::ConnectionSession* m_session = nullptr;
    Sync::Workspace* m_workspace = nullptr;
};

} // namespace ContactDesk::Ui
