#pragma once

// Shared by the benchmarks that drive a whole workspace against a standalone sandbox with its
// budget compressed to 100 requests a second (bench_import, bench_automation): the JSON report
// line, the fatal exit, the sandbox process and the workspace session.
#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "sync/locationlistsync.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace BenchWorkspace {

// "import", "automation": the bench's name in its report lines and errors.
inline const char* benchName = "bench";

inline void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QLatin1StringView(benchName)},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

[[noreturn]] inline void die(const QString& message)
{
    std::fprintf(stderr, "bench_%s: %s\n", benchName, qPrintable(message));
    std::exit(1);
}

// contactdesk-sandbox on a free port with `seedContacts` contacts, 100 requests a second and no
// daily limit; `info` is its first line.
struct Sandbox
{
    QProcess process;
    QJsonObject info;
    Sandbox(const QString& exe, int seedContacts)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(exe,
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-contacts"),
                QString::number(seedContacts), QStringLiteral("--rate-limit"),
                QStringLiteral("100/1000"), QStringLiteral("--daily-limit"), QStringLiteral("0")});
        if (!process.waitForReadyRead(60000))
            die(QStringLiteral("the sandbox did not start"));
        info = QJsonDocument::fromJson(process.readLine()).object();
    }
    ~Sandbox()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

// A workspace on the sandbox's private integration token, `inFlight` requests on their way at
// once, its cache in a temporary folder.
struct Session
{
    QTemporaryDir dir;
    QNetworkAccessManager network;
    ContactDesk::SystemClock clock;
    ContactDesk::Api::StaticTokenProvider tokens;
    ContactDesk::Api::RateBudget budget;
    ContactDesk::Api::ApiConfig config;
    std::unique_ptr<ContactDesk::Sync::Workspace> workspace;

    Session(const QJsonObject& info, int inFlight)
        : tokens(info[QStringLiteral("privateIntegrationToken")].toString())
        , budget(clock, inFlight)
    {
        network.setProxy(QNetworkProxy::NoProxy);
        config.baseUrl = QUrl(info[QStringLiteral("baseUrl")].toString());
        config.locationId = info[QStringLiteral("locationId")].toString();
        workspace = std::make_unique<ContactDesk::Sync::Workspace>(
            network, tokens, budget, clock, config, dir.filePath(QStringLiteral("cache.sqlite")));
        if (!workspace->open().ok)
            die(QStringLiteral("the cache did not open"));
    }

    // A sync, then the location's lists; dies when the sync fails.
    void sync()
    {
        using namespace ContactDesk::Sync;
        QEventLoop loop;
        bool ok = false;
        QObject::connect(
            &workspace->syncEngine(), &SyncEngine::finished, &loop, [&](const SyncResult& result) {
                ok = result.ok;
                loop.quit();
            });
        if (workspace->syncEngine().sync())
            loop.exec();
        if (!ok)
            die(QStringLiteral("the sync failed"));
        LocationListSync& lists = workspace->locationListSync();
        QObject::connect(&lists, &LocationListSync::refreshed, &loop, [&lists, &loop] {
            if (!lists.isRefreshing())
                loop.quit();
        });
        if (lists.refreshAll(true) > 0 && lists.isRefreshing())
            loop.exec();
    }
};

} // namespace BenchWorkspace
