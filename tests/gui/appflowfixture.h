#pragma once

// The desktop app as main.cpp wires it, on a real sandbox with a fake clock, temporary XDG
// folders and settings, and a memory secret store: what the app-level GUI tests drive.

#include "api/ratebudget.h"
#include "auth/connectionstore.h"
#include "auth/memorysecretstore.h"
#include "sandboxfixture.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/mainwindow.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace AppFlowTest {

using namespace ContactDesk;

// Points XDG_DATA_HOME and XDG_CONFIG_HOME into `dir` before anything reads them.
inline QString privateFolders(const QTemporaryDir& dir)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    return dir.filePath(QStringLiteral("config/contactdesk.ini"));
}

class AppFlow
{
public:
    explicit AppFlow(int contacts = 12, quint64 seed = 42)
        : fx(contacts, seed)
        , settingsPath(privateFolders(dir))
        , settings(settingsPath, QSettings::IniFormat)
        , budget(fx.clock())
        , connections(settings)
        , app({nam, fx.clock(), connections, budget, &fx.server()})
        , window({app, settings, nam, fx.clock(), budget})
        , seededContacts(contacts)
    {
        app.setSecretStore(&secrets);
        // The client's retries wait in real time; tests keep them short.
        Api::RetryPolicy retry;
        retry.backoffMs = {20, 20};
        app.setRetryPolicy(retry);
    }

    // Opens the sandbox connection, shows the window and waits for the first sync to list every
    // contact.
    bool start()
    {
        if (!app.openActive())
            return false;
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        return waitFor([this] { return model() && model()->rowCount() == seededContacts; });
    }

    template <typename Condition>
    static bool waitFor(Condition condition, int timeoutMs = 15000)
    {
        return QTest::qWaitFor(condition, timeoutMs);
    }

    Sync::Workspace& workspace() { return *app.workspace(); }
    Ui::ContactListPane* list() const { return window.listPane(); }
    Ui::ContactListModel* model() const { return list() ? list()->model() : nullptr; }

    // The dialog of type T the window has open (dialogs open window-modal without blocking).
    template <typename T>
    T* openDialog()
    {
        T* found = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                const QList<T*> all = window.findChildren<T*>();
                for (T* candidate : all) {
                    if (candidate->isVisible())
                        found = candidate;
                }
                return found != nullptr;
            },
            5000);
        return shown ? found : nullptr;
    }

    template <typename T>
    T* child(const char* objectName, QWidget* in = nullptr) const
    {
        return (in ? in : static_cast<QWidget*>(const_cast<Ui::MainWindow*>(&window)))
            ->findChild<T*>(QString::fromLatin1(objectName));
    }

    bool select(const QString& contactId)
    {
        if (!list()->selectContact(contactId))
            return false;
        list()->view()->setFocus();
        return true;
    }

    // The sandbox's request log from `afterSeq` on, only `operationId` when given.
    QList<Sandbox::LoggedExchange> requests(qint64 afterSeq, const QString& operationId = {})
    {
        QList<Sandbox::LoggedExchange> found;
        const QList<Sandbox::LoggedExchange> all = fx.server().requestLog().since(afterSeq);
        for (const Sandbox::LoggedExchange& exchange : all) {
            if (operationId.isEmpty() || exchange.operationId == operationId)
                found.append(exchange);
        }
        return found;
    }
    qint64 mark() { return fx.server().requestLog().lastSeq(); }

    static QJsonObject body(const Sandbox::LoggedExchange& exchange)
    {
        return QJsonDocument::fromJson(exchange.requestBody).object();
    }

    // Every edit reached the server.
    bool waitOutboxEmpty()
    {
        return waitFor([this] { return pendingCount() == 0; });
    }
    int pendingCount() { return workspace().outbox().pendingCount(); }

    // Writes a PNG of the window into the build folder, as the user sees it: the layouts that
    // the last changes asked for are applied first.
    bool saveScreenshot(const QString& name)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        return window.grab().save(QStringLiteral(CONTACTDESK_BUILD_DIR "/") + name, "PNG");
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
    Ui::MainWindow window;
    int seededContacts;
};

} // namespace AppFlowTest
