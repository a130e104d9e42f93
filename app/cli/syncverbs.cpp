// sync, and the offline cache every cache command opens: one per connection, shared with the
// desktop app.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "api/tokenprovider.h"
#include "auth/connectionstore.h"
#include "common/clock.h"
#include "common/instancelock.h"
#include "store/contactcache.h"
#include "store/outbox.h"
#include "sync/locationlistsync.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace ContactDesk::Cli {

namespace {

// How many of each location list the cache holds after the sync.
QJsonObject listCounts(const Api::LocationLists& lists)
{
    return {{QStringLiteral("customFields"), int(lists.customFields.size())},
        {QStringLiteral("tags"), int(lists.tags.size())},
        {QStringLiteral("users"), int(lists.users.size())},
        {QStringLiteral("calendars"), int(lists.calendars.size())}};
}

QString kindName(Sync::SyncKind kind)
{
    return kind == Sync::SyncKind::Full ? QStringLiteral("full") : QStringLiteral("incremental");
}

QString progressLine(const Sync::SyncProgress& progress)
{
    const QString prefix = QStringLiteral("sync (%1): ").arg(kindName(progress.kind));
    switch (progress.phase) {
    case Sync::SyncProgress::Phase::Planning:
        return prefix + QStringLiteral("starting");
    case Sync::SyncProgress::Phase::Walking: {
        QString line
            = prefix + QStringLiteral("%1 pages, %2").arg(progress.pages).arg(progress.contacts);
        if (progress.total >= 0)
            line += QStringLiteral(" of %1").arg(progress.total);
        line += QStringLiteral(" contacts");
        if (progress.msLeft >= 0)
            line += QStringLiteral(", about %1 s left").arg((progress.msLeft + 999) / 1000);
        return line;
    }
    case Sync::SyncProgress::Phase::Reconciling:
        return prefix + QStringLiteral("looking for contacts deleted on the server");
    case Sync::SyncProgress::Phase::Refreshing:
        return prefix + QStringLiteral("fetching contacts whose local change was discarded");
    }
    return prefix;
}

// One progress line at a time: rewritten in place on a terminal, one line per update (at most a
// few a second) when stderr goes to a file or a pipe.
class ProgressLine
{
public:
    ProgressLine()
        : m_terminal(::isatty(fileno(stderr)) == 1)
    {
        m_sinceLast.start();
    }
    ~ProgressLine() { finish(); }

    void show(const QString& text, bool force = false)
    {
        if (text == m_last || (!force && m_shown && m_sinceLast.elapsed() < 250)) {
            m_pending = text;
            return;
        }
        m_pending.clear();
        m_last = text;
        m_shown = true;
        m_sinceLast.restart();
        writeErr(m_terminal ? QStringLiteral("\r\033[K") + text : text + u'\n');
    }

    void finish()
    {
        if (!m_pending.isEmpty())
            show(std::exchange(m_pending, {}), true);
        if (m_terminal && m_shown)
            writeErr(QStringLiteral("\n"));
        m_shown = false;
    }

private:
    bool m_terminal;
    bool m_shown = false;
    QString m_last;
    QString m_pending;
    QElapsedTimer m_sinceLast;
};

QString hashed(const QString& text, int length)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(length));
}

// The connection whose cache the target uses (resolving a saved one without its token unless
// it is needed); an exit code other than ExitOk when it cannot.
int resolveCacheTarget(
    CliSession& session, Target& target, const QString& keychainService, bool needsToken)
{
    if (!target.saved)
        return ExitOk;
    Auth::ConnectionStore& store = session.connectionStore();
    const QString id = target.connectionId.isEmpty() ? store.activeId() : target.connectionId;
    if (needsToken) {
        const int resolved = session.resolveSaved(target, keychainService);
        if (resolved != ExitOk)
            return resolved;
        target.connectionId = id;
        return ExitOk;
    }
    const std::optional<Auth::Connection> connection = store.find(id);
    if (!connection)
        return usageFailure(
            QStringLiteral("there is no saved connection %1 (see connections list)").arg(id));
    target.connectionId = id;
    target.sandbox = connection->isSandbox();
    return ExitOk;
}

// Where that cache lives: the desktop app's data folder, or a temporary one (kept in `scratch`)
// for the throw-away embedded sandbox.
QString cachePath(const Target& target, std::unique_ptr<QTemporaryDir>& scratch)
{
    QString connectionId;
    if (target.sandbox) {
        if (!target.sandboxDataFile.isEmpty())
            connectionId = QStringLiteral("sandbox-") + hashed(target.sandboxDataFile, 12);
    } else if (target.saved) {
        connectionId = target.connectionId;
    } else {
        const QString base
            = target.baseUrl.adjusted(QUrl::StripTrailingSlash).toString(QUrl::FullyEncoded);
        connectionId = QStringLiteral("direct-") + hashed(base + u'|' + target.locationId, 16);
    }
    if (connectionId.isEmpty()) {
        // The embedded sandbox is gone when this process ends; so is a cache of it.
        scratch = std::make_unique<QTemporaryDir>();
        return scratch->filePath(QStringLiteral("cache.sqlite"));
    }
    // The desktop app's folder, so both see the same cache, outbox and trash.
    QCoreApplication::setOrganizationName(QStringLiteral("ContactDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ContactDesk"));
    return Store::Database::defaultPath(connectionId);
}

// The desktop app keeps the caches of its data folder open while it runs; writing them from
// here at the same time would race its outbox and sync. Says so and returns false then.
bool cacheIsFree()
{
    const qint64 pid = InstanceLock().holder();
    if (pid == 0)
        return true;
    writeErr(QStringLiteral("contactdesk-cli: the ContactDesk app (process %1) has the offline "
                            "cache open; close it and run this again (commands that do not use "
                            "the cache, such as call and verify, work while it runs)\n")
                 .arg(pid));
    return false;
}

// Reads the location's lists again (all four, now) and waits for them.
void refreshLocationLists(Sync::Workspace& workspace)
{
    QEventLoop loop;
    Sync::LocationListSync& lists = workspace.locationListSync();
    QObject::connect(&lists, &Sync::LocationListSync::refreshed, &loop, [&lists, &loop] {
        if (!lists.isRefreshing())
            loop.quit();
    });
    if (lists.refreshAll(true) > 0 && lists.isRefreshing())
        loop.exec();
}

bool isOnlineAction(Action action)
{
    return action == Action::Sync || action == Action::MappingSuggest
        || action == Action::MappingCheck || action == Action::Import || action == Action::Export
        || action == Action::EventsPush || action == Action::Serve;
}

} // namespace

bool syncQuietly(CliSession& session, Sync::Workspace& workspace, int* exitCode)
{
    QEventLoop loop;
    Sync::SyncEngine& engine = workspace.syncEngine();
    Sync::SyncResult result;
    QObject::connect(
        &engine, &Sync::SyncEngine::finished, &loop, [&](const Sync::SyncResult& finished) {
            result = finished;
            loop.quit();
        });
    if (engine.sync(false))
        loop.exec();
    if (!result.ok) {
        if (result.storeError.isError()) {
            writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(result.storeError.message));
            *exitCode = ExitApiError;
        } else {
            *exitCode = session.fail(result.apiError, QStringLiteral("the sync stopped: "));
        }
        return false;
    }
    currentLocationLists(workspace);
    return true;
}

Api::LocationLists currentLocationLists(Sync::Workspace& workspace)
{
    refreshLocationLists(workspace);
    const Api::LocationLists& lists = workspace.locationLists();
    for (const QString& why : lists.unavailable)
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(why));
    if (!lists.refreshedAt.isValid()) {
        writeErr(QStringLiteral("contactdesk-cli: the location's custom fields, tags and users "
                                "could not be read; names are checked against nothing\n"));
    }
    return lists;
}

Command parseSync(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("sync"), {&options.reconcile});
    parser.expectArguments(QStringLiteral("sync"), 0, QStringLiteral("[--reconcile]"));
    command.action = Action::Sync;
    command.reconcile = parser.isSet(options.reconcile);
    return command;
}

int runSync(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    Store::Outbox& outbox = workspace.outbox();
    // The user asked for a sync: edits waiting for a back-off go now. Failed ones and
    // conflicts wait for `outbox retry` or the app.
    int toSend = 0;
    for (const Store::OutboxItem& item : outbox.list()) {
        const bool sendable = item.state == Store::OutboxState::Queued
            || item.state == Store::OutboxState::OutcomeUnknown;
        if (sendable && item.nextAttemptAtMs > session.clock().nowMs())
            outbox.retry(item.id);
        toSend += sendable ? 1 : 0;
    }

    ProgressLine line;
    QEventLoop loop;
    Sync::OutboxWorker& worker = workspace.outboxWorker();
    int sent = 0;
    int failed = 0;
    int conflicts = 0;
    QString pausedFor;
    QObject::connect(&worker, &Sync::OutboxWorker::itemDone, &loop, [&](qint64) {
        ++sent;
        line.show(QStringLiteral("outbox: %1 of %2 sent").arg(sent).arg(toSend));
    });
    QObject::connect(&worker, &Sync::OutboxWorker::itemFailed, &loop, [&](qint64) { ++failed; });
    QObject::connect(
        &worker, &Sync::OutboxWorker::itemConflict, &loop, [&](qint64) { ++conflicts; });
    QObject::connect(&worker, &Sync::OutboxWorker::idle, &loop, [&] {
        if (worker.isIdle())
            loop.quit();
    });
    QObject::connect(&worker, &Sync::OutboxWorker::pausedForSignIn, &loop, [&](const QString& why) {
        pausedFor = why;
        loop.quit();
    });
    if (toSend > 0) {
        line.show(QStringLiteral("outbox: sending %1 edit(s)").arg(toSend), true);
        worker.start();
        loop.exec();
        worker.stop();
        line.show(QStringLiteral("outbox: %1 of %2 sent").arg(sent).arg(toSend), true);
    }

    Sync::SyncEngine& engine = workspace.syncEngine();
    Sync::SyncResult result;
    QObject::connect(&engine, &Sync::SyncEngine::progressChanged, &loop,
        [&line](const Sync::SyncProgress& progress) {
            line.show(progressLine(progress), progress.phase != Sync::SyncProgress::Phase::Walking);
        });
    QObject::connect(
        &engine, &Sync::SyncEngine::finished, &loop, [&](const Sync::SyncResult& finished) {
            result = finished;
            loop.quit();
        });
    if (engine.sync(command.reconcile))
        loop.exec();

    // The location's lists come along, so the names are there offline too.
    if (result.ok)
        refreshLocationLists(workspace);
    line.finish();

    const int waiting = outbox.pendingCount();
    QJsonObject json {{QStringLiteral("ok"), result.ok},
        {QStringLiteral("kind"), kindName(result.kind)}, {QStringLiteral("pages"), result.pages},
        {QStringLiteral("contacts"), result.contacts}, {QStringLiteral("removed"), result.removed},
        {QStringLiteral("reconciled"), result.reconciled},
        {QStringLiteral("refreshed"), result.refreshed},
        {QStringLiteral("elapsedMs"), result.elapsedMs},
        {QStringLiteral("outbox"),
            QJsonObject {{QStringLiteral("sent"), sent}, {QStringLiteral("failed"), failed},
                {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("waiting"), waiting}}},
        {QStringLiteral("cache"),
            QJsonObject {{QStringLiteral("contacts"), workspace.cache().count()}}},
        {QStringLiteral("locationLists"), listCounts(workspace.locationLists())}};
    for (const QString& why : workspace.locationLists().unavailable)
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(why));
    if (!result.ok)
        json.insert(QStringLiteral("error"), result.message());
    writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (waiting > 0) {
        writeErr(QStringLiteral("contactdesk-cli: %1 local edit(s) are not on the server yet (see "
                                "outbox list)%2\n")
                     .arg(waiting)
                     .arg(pausedFor.isEmpty() ? QString() : QStringLiteral(": ") + pausedFor));
    }
    if (result.ok)
        return ExitOk;
    if (result.storeError.isError()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(result.storeError.message));
        return ExitApiError;
    }
    return session.fail(result.apiError, QStringLiteral("the sync stopped: "));
}

int runDataVerb(CliSession& session, const Command& command)
{
    const bool online = isOnlineAction(command.action);
    Target target = command.target;
    const int resolved = resolveCacheTarget(session, target, command.keychainService, online);
    if (resolved != ExitOk)
        return resolved;
    std::unique_ptr<QTemporaryDir> scratch;
    const QString path = cachePath(target, scratch);
    if (!scratch && !cacheIsFree())
        return ExitUsage;
    if (online) {
        if (!session.setUp(target, command.verbose))
            return ExitNetwork;
    } else {
        // The cache commands never send anything; the workspace still wants a client.
        session.setUpOffline(target);
    }
    Sync::Workspace workspace(session.network(), session.tokens(), session.budget(),
        session.clock(), session.apiConfig(), path);
    if (online && command.verbose)
        QObject::connect(
            &workspace.client(), &Api::ApiClient::exchanged, &session, &CliSession::printExchange);
    if (online)
        session.record(workspace.client()); // --har
    const Store::Database::OpenResult& opened = workspace.open();
    if (!opened.ok) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(opened.message));
        return ExitApiError;
    }
    if (!opened.movedAsidePath.isEmpty())
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(opened.message));
    switch (command.action) {
    case Action::Sync:
        return runSync(session, command, workspace);
    case Action::MappingSuggest:
    case Action::MappingCheck:
        return runMappingVerb(session, command, workspace);
    case Action::Import:
        return runImport(session, command, workspace);
    case Action::Export:
        return runExport(session, command, workspace);
    case Action::EventsPush:
    case Action::EventsList:
        return runEventsVerb(session, command, workspace);
    case Action::Serve:
        return runServe(session, command, workspace);
    case Action::ServeDevicesAdd:
    case Action::ServeDevicesList:
    case Action::ServeDevicesRemove:
        return runServeDevices(command, workspace);
    case Action::ForwardDeadLetters:
    case Action::ForwardRetry:
    case Action::ForwardDiscard:
        return runForwardVerb(command, workspace);
    default:
        return runOfflineVerb(command, workspace);
    }
}

} // namespace ContactDesk::Cli
