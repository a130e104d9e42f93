#pragma once

// The app's controller as main.cpp wires it, without the main window, on a real sandbox with a
// fake clock that moves on with real time: what the inspector panel tests drive.

#include "appflowfixture.h"

#include <QTimer>

namespace InspectorPanelTest {

using namespace ContactDesk;

struct Harness
{
    explicit Harness(int contacts = 6, quint64 seed = 7)
        : fx(contacts, seed)
        , settingsPath(AppFlowTest::privateFolders(dir))
        , settings(settingsPath, QSettings::IniFormat)
        , budget(fx.clock())
        , connections(settings)
        , app({nam, fx.clock(), connections, budget, &fx.server()})
    {
        app.setSecretStore(&secrets);
        Api::RetryPolicy retry;
        retry.backoffMs = {20, 20};
        app.setRetryPolicy(retry);
        // Rate windows pass while a test runs many requests.
        ticker.setInterval(10);
        QObject::connect(&ticker, &QTimer::timeout, [this] { fx.clock().advance(100); });
        ticker.start();
    }

    // Opens the sandbox seen as any other server: a custom connection with its private token.
    bool openCustomConnection()
    {
        Auth::Connection custom;
        custom.id = QStringLiteral("1b7a2c6e-5d1f-4a8e-9c3b-0d2e4f6a8b1c");
        custom.displayName = QStringLiteral("Staging");
        custom.environment = Auth::Environment::Custom;
        custom.baseUrl = fx.baseUrl();
        custom.authKind = Auth::AuthKind::PrivateIntegrationToken;
        custom.locationId = fx.locationId();
        custom.companyId = fx.data().mainLocation().companyId;
        if (!connections.save(custom))
            return false;
        bool stored = false;
        secrets.write(custom.id, Auth::SecretKind::PrivateIntegrationToken, fx.pit(),
            [&](const QString& error) { stored = error.isEmpty(); });
        return QTest::qWaitFor([&] { return stored; }, 5000) && app.switchTo(custom.id);
    }

    int liveContacts()
    {
        return int(fx.data().contacts().size() - fx.data().deletedContacts().size());
    }

    QTemporaryDir dir;
    Testing::SandboxFixture fx;
    QString settingsPath;
    QSettings settings;
    QNetworkAccessManager nam;
    Api::RateBudget budget;
    Auth::ConnectionStore connections;
    Auth::MemorySecretStore secrets;
    Ui::AppController app;
    QTimer ticker;
};

} // namespace InspectorPanelTest
