#pragma once

// What the sync tests share: one connection's Workspace against the in-process sandbox, with
// the fixture's fake clock for everything time-dependent and the wall clock only for the rate
// budget (the sandbox's burst limit is off, its clock stands still).
#include "sandboxfixture.h"

#include "api/apiclient.h"
#include "api/models/note.h"
#include "api/models/task.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "sync/workspace.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace ContactDesk::Testing {

// Waits long enough for a slow machine, short enough to fail a hung test on its own.
constexpr int syncWaitMs = 120000;

struct SyncHarness
{
    // `tokens` replaces the fixture's private integration token (an OAuth provider).
    explicit SyncHarness(SandboxFixture& fx, Api::TokenProvider* tokens = nullptr);
    ~SyncHarness();

    // A new Workspace on the same cache file, as after a restart; the old one is destroyed
    // first, mid-work or not.
    void reopen();
    Sync::Workspace& ws() { return *workspace; }

    // Runs one sync to its end (failing the test on a timeout) and returns its result.
    Sync::SyncResult sync(bool reconcile = false);
    // Starts the outbox worker and waits until nothing is on its way or ready.
    bool drainOutbox(int timeoutMs = syncWaitMs);

    SandboxFixture& fx;
    QTemporaryDir dir;
    QString databasePath;
    QNetworkAccessManager nam;
    SystemClock wallClock;
    Api::StaticTokenProvider pitTokens;
    Api::TokenProvider& tokens;
    Api::RateBudget budget;
    Api::ApiConfig config;
    std::unique_ptr<Sync::Workspace> workspace;
    // Every exchange of the client, in the order they finished.
    QList<Api::ApiExchange> exchanges;
};

// A task (with a body, due 2026-11-20 09:30 UTC) and a note, as a user would type them.
Api::Task draftTask(const QString& title);
Api::Note draftNote(const QString& body);

// Ids of the live contacts of the fixture's main location.
QSet<QString> serverIds(SandboxFixture& fx);
QSet<QString> cacheIds(Sync::Workspace& ws);
// The request log entries since `seq` (method, path, status, body ...).
QJsonArray requestLog(SandboxFixture& fx, qint64 since = 0);
qint64 lastRequestSeq(SandboxFixture& fx);
// Turns the burst limit off: the fixture's clock stands still, so a window would never reopen.
void unlimited(SandboxFixture& fx);

} // namespace ContactDesk::Testing
