#include "ui/app/appcontroller.h"

#include "api/apiclient.h"
#include "auth/connectionsession.h"
#include "auth/connectionstore.h"
#include "auth/memorysecretstore.h"
#include "auth/oauthflow.h"
#include "sandbox/sandboxserver.h"
#include "store/database.h"
#include "sync/workspace.h"
#include "ui/app/logging.h"

namespace ContactDesk::Ui {

AppController::AppController(const Services& services, QObject* parent)
    : QObject(parent)
    , m_network(services.network)
    , m_clock(services.clock)
    , m_connections(services.connections)
    , m_budget(services.budget)
    , m_sandbox(services.sandbox)
    , m_sandboxSecrets(std::make_unique<Auth::MemorySecretStore>())
{ }

AppController::~AppController()
{
    close();
}

void AppController::setSecretStore(Auth::SecretStore* secrets)
{
    m_secrets = secrets;
    m_secretsRefused = false;
    Q_EMIT secretStoreChanged();
    if (m_waitingForSecrets) {
        m_waitingForSecrets = false;
        openActive();
    }
}

void AppController::setSecretStoreRefused()
{
    m_secretsRefused = true;
    if (m_waitingForSecrets) {
        m_waitingForSecrets = false;
        Q_EMIT openFailed(tr("Without a keychain or a memory-only session, only the built-in "
                             "sandbox can be used."));
        open(m_connections.find(Auth::ConnectionStore::sandboxId())
                 .value_or(Auth::ConnectionStore::builtInSandbox()));
    }
}

void AppController::setSyncIntervalMs(qint64 ms)
{
    m_syncIntervalMs = ms;
    if (m_workspace)
        m_workspace->syncEngine().setInterval(ms);
}

bool AppController::openActive()
{
    return open(m_connections.active());
}

bool AppController::switchTo(const QString& connectionId)
{
    const std::optional<Auth::Connection> connection = m_connections.find(connectionId);
    if (!connection)
        return false;
    if (m_workspace && m_connection.id == connectionId)
        return true;
    m_connections.setActive(connectionId);
    return open(*connection);
}

bool AppController::reopen()
{
    return open(m_connections.find(m_connection.id).value_or(m_connections.active()));
}

Auth::ConnectionSession* AppController::sessionFor(const QString& connectionId) const
{
    return m_session && m_connection.id == connectionId ? m_session : nullptr;
}

Api::LocationLists AppController::locationLists() const
{
    return m_workspace ? m_workspace->locationLists() : Api::LocationLists();
}

bool AppController::prepareSandbox(Auth::Connection* connection)
{
    if (!m_sandbox || m_sandbox->baseUrl().port() <= 0) {
        Q_EMIT openFailed(tr("The built-in sandbox could not start, so there is nothing to show. "
                             "Connect a HighLevel account in Settings."));
        return false;
    }
    // The sandbox listens on a new port each start; the connection follows it.
    connection->baseUrl = m_sandbox->baseUrl();
    connection->authorizeBaseUrl = m_sandbox->baseUrl();
    connection->locationId = m_sandbox->data().mainLocation().id;
    connection->companyId = m_sandbox->data().mainLocation().companyId;
    connection->state = Auth::ConnectionState::Ready;
    if (m_connections.find(connection->id) != *connection)
        m_connections.save(*connection);
    return true;
}

bool AppController::open(Auth::Connection connection)
{
    close();
    Auth::SecretStore* secrets = m_secrets;
    if (connection.isSandbox()) {
        if (!prepareSandbox(&connection))
            return false;
        secrets = m_sandboxSecrets.get();
    } else if (!secrets) {
        if (!m_secretsRefused) {
            // The keychain check is still running: the connection opens once it answers.
            qCInfo(lcApp) << "waiting for the secret store before opening a connection";
            m_waitingForSecrets = true;
            return false;
        }
        Q_EMIT openFailed(tr("“%1” needs the keychain or a memory-only session; the built-in "
                             "sandbox is shown instead.")
                              .arg(connection.displayName));
        connection = m_connections.find(Auth::ConnectionStore::sandboxId())
                         .value_or(Auth::ConnectionStore::builtInSandbox());
        if (!prepareSandbox(&connection))
            return false;
        secrets = m_sandboxSecrets.get();
    }

    auto* session = new Auth::ConnectionSession(m_network, *secrets, m_clock, connection, this);
    if (connection.isSandbox())
        session->setPrivateIntegrationToken(m_sandbox->data().privateIntegrationToken());
    Api::ApiConfig config = session->apiConfig();
    config.retry = m_retry;
    auto* workspace = new Sync::Workspace(m_network, session->tokens(), m_budget, m_clock, config,
        Store::Database::defaultPath(connection.id), this);
    const Store::Database::OpenResult& result = workspace->open();
    if (!result.ok) {
        qCWarning(lcApp) << "the cache of a connection could not be opened:" << result.error.detail;
        delete workspace;
        delete session;
        Q_EMIT openFailed(
            result.message.isEmpty() ? tr("The local cache could not be opened.") : result.message);
        return false;
    }
    workspace->syncEngine().setInterval(m_syncIntervalMs);

    connect(session, &Auth::ConnectionSession::connectionChanged, this,
        [this](const Auth::Connection& changed) {
            if (changed.id != m_connection.id)
                return;
            m_connection = changed;
            if (!m_connection.isSandbox())
                m_connections.save(changed);
            Q_EMIT connectionChanged(changed);
        });
    connect(session, &Auth::ConnectionSession::needsSignIn, this, [this](const QString& id) {
        if (id != m_connection.id)
            return;
        m_connection.state = Auth::ConnectionState::NeedsSignIn;
        if (!m_connection.isSandbox())
            m_connections.save(m_connection);
        Q_EMIT connectionChanged(m_connection);
        Q_EMIT needsSignIn(m_connection);
    });

    connect(workspace, &Sync::Workspace::locationListsChanged, this,
        &AppController::locationListsChanged);

    m_connection = connection;
    m_session = session;
    m_workspace = workspace;
    qCInfo(lcApp) << "opened connection" << connection.id;
    Q_EMIT workspaceOpened(workspace, result.message);
    Q_EMIT locationListsChanged();
    if (m_autoStart)
        workspace->start();
    if (connection.state == Auth::ConnectionState::NeedsSignIn)
        Q_EMIT needsSignIn(connection);
    return true;
}

void AppController::close()
{
    if (!m_workspace)
        return;
    Q_EMIT workspaceClosing();
    // The workspace's client asks the session's token provider until it is gone.
    delete m_workspace;
    m_workspace = nullptr;
    delete m_session;
    m_session = nullptr;
    Q_EMIT locationListsChanged();
}

} // namespace ContactDesk::Ui
