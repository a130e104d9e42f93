#include "synctesthelpers.h"

#include "store/contactcache.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

namespace ContactDesk::Testing {

SyncHarness::SyncHarness(SandboxFixture& fixture, Api::TokenProvider* provider)
    : fx(fixture)
    , databasePath(dir.filePath(QStringLiteral("cache.sqlite")))
    , pitTokens(fixture.pit())
    , tokens(provider ? *provider : static_cast<Api::TokenProvider&>(pitTokens))
    // No in-flight cap: the tests' sandbox answers from this thread anyway.
    , budget(wallClock)
{
    nam.setProxy(QNetworkProxy::NoProxy);
    config.baseUrl = fx.baseUrl();
    config.locationId = fx.locationId();
    // Transport retries inside the client stay short; the outbox's own back-off runs on the
    // fake clock.
    config.retry.backoffMs = {10, 20};
    reopen();
}

SyncHarness::~SyncHarness()
{
    workspace.reset();
}

void SyncHarness::reopen()
{
    workspace.reset();
    workspace
        = std::make_unique<Sync::Workspace>(nam, tokens, budget, fx.clock(), config, databasePath);
    QObject::connect(&workspace->client(), &Api::ApiClient::exchanged, workspace.get(),
        [this](const Api::ApiExchange& exchange) { exchanges.append(exchange); });
    const Store::Database::OpenResult& opened = workspace->open();
    if (!opened.ok)
        qWarning("the cache did not open: %s", qPrintable(opened.message));
}

Sync::SyncResult SyncHarness::sync(bool reconcile)
{
    QSignalSpy finished(&workspace->syncEngine(), &Sync::SyncEngine::finished);
    if (!workspace->syncEngine().sync(reconcile)) {
        qWarning("a sync is already running");
        return {};
    }
    if (finished.isEmpty() && !finished.wait(syncWaitMs)) {
        qWarning("the sync did not finish");
        return {};
    }
    return finished.constLast().constFirst().value<Sync::SyncResult>();
}

bool SyncHarness::drainOutbox(int timeoutMs)
{
    Sync::OutboxWorker& worker = workspace->outboxWorker();
    worker.start();
    worker.wake();
    return QTest::qWaitFor([&worker] { return worker.isIdle(); }, timeoutMs);
}

Api::Task draftTask(const QString& title)
{
    Api::Task task;
    task.title = title;
    task.body = QStringLiteral("Ask about the renewal");
    task.dueDate = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    return task;
}

Api::Note draftNote(const QString& body)
{
    Api::Note note;
    note.body = body;
    return note;
}

QSet<QString> serverIds(SandboxFixture& fx)
{
    QSet<QString> ids;
    const QString location = fx.locationId();
    const auto& contacts = std::as_const(fx.data()).contacts();
    for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
        if (!fx.data().deletedContacts().contains(it.key())
            && it->value(QStringLiteral("locationId")).toString() == location)
            ids.insert(it.key());
    }
    return ids;
}

QSet<QString> cacheIds(Sync::Workspace& ws)
{
    const QStringList ids = ws.cache().allServerIds();
    return QSet<QString>(ids.cbegin(), ids.cend());
}

QJsonArray requestLog(SandboxFixture& fx, qint64 since)
{
    QJsonArray entries;
    for (const Sandbox::LoggedExchange& exchange : fx.server().requestLog().since(since))
        entries.append(exchange.toJson());
    return entries;
}

qint64 lastRequestSeq(SandboxFixture& fx)
{
    return fx.server().requestLog().lastSeq();
}

void unlimited(SandboxFixture& fx)
{
    const HttpResult settings = fx.control("PUT", QStringLiteral("/__sandbox/settings"),
        QJsonObject {{QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}});
    QCOMPARE(settings.status, 200);
}

} // namespace ContactDesk::Testing
