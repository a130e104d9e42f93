// contactdesk: the desktop app. Wires the objects one process needs (clock, network, rate
// budget, settings, connections, the built-in sandbox, the secret store) and hands them to the
// AppController, which opens the active connection's workspace, and the MainWindow, which shows
// it.
#include "api/ratebudget.h"
#include "auth/connectionstore.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/appsettings.h"
#include "ui/app/icons.h"
#include "ui/app/translations.h"
#include "ui/connect/secretstorechooser.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <memory>
#include <utility>

#include <cstdio>

namespace {

constexpr int demoContacts = 250;
constexpr quint64 demoSeed = 2026;
// The screenshot waits for the first sync to fill the list, but never longer than this.
constexpr int screenshotTimeoutMs = 15000;

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

// The built-in sandbox starts from its demo data on every start, so its cache starts empty too:
// a cache left from an earlier run would hold contacts this sandbox never had.
void forgetSandboxCache()
{
    const QString path = ContactDesk::Store::Database::defaultPath(
        ContactDesk::Auth::ConnectionStore::sandboxId());
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

void saveScreenshotWhenFilled(ContactDesk::Ui::MainWindow& window,
    ContactDesk::Ui::AppController& controller, const QString& file)
{
    auto taken = std::make_shared<bool>(false);
    const auto take = [&window, file, taken] {
        if (std::exchange(*taken, true))
            return;
        if (auto* list = window.listPane(); list && list->currentContactId().isEmpty()) {
            if (list->model()->rowCount() > 0)
                list->selectContact(list->model()->contactIdAt(0));
        }
        // Let the detail pane and the table paint before the grab.
        QTimer::singleShot(400, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "contactdesk: cannot write %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    const auto follow = [take](ContactDesk::Sync::Workspace* workspace) {
        QObject::connect(&workspace->syncEngine(), &ContactDesk::Sync::SyncEngine::finished,
            &workspace->syncEngine(), [take] { take(); });
    };
    if (controller.workspace())
        follow(controller.workspace());
    QObject::connect(&controller, &ContactDesk::Ui::AppController::workspaceOpened, &window,
        [follow](ContactDesk::Sync::Workspace* workspace) { follow(workspace); });
    QTimer::singleShot(screenshotTimeoutMs, &window, take);
}

} // namespace

int main(int argc, char* argv[])
{
    if (!hasDisplay()) {
        std::fprintf(stderr, "contactdesk: no display found; try: xvfb-run scripts/run\n");
        return 2;
    }
    // The sign-in browser (QtWebEngine) shares its GL context with the widgets; this must be
    // set before the application exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ContactDesk"));
    QApplication::setOrganizationName(QStringLiteral("ContactDesk"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(ContactDesk::Ui::Icons::appIcon());
    ContactDesk::Ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop contact manager for HighLevel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
            "Save a PNG of the main window to FILE once the contacts are shown, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.process(app);

    ContactDesk::SystemClock clock;
    QNetworkAccessManager network;
    ContactDesk::Api::RateBudget budget(clock);
    QSettings settings;
    ContactDesk::Auth::ConnectionStore connections(settings);

    ContactDesk::Sandbox::SandboxServer sandbox(clock, demoSeed);
    sandbox.seed(demoContacts, demoSeed);
    const bool sandboxListens = sandbox.listenLocal();
    if (!sandboxListens)
        std::fprintf(stderr, "contactdesk: the built-in sandbox cannot listen on 127.0.0.1\n");
    forgetSandboxCache();

    ContactDesk::Ui::AppController controller(
        {network, clock, connections, budget, sandboxListens ? &sandbox : nullptr});
    controller.setSyncIntervalMs(ContactDesk::Ui::AppSettings(settings).syncIntervalMs());

    ContactDesk::Ui::MainWindow window({controller, settings, network, clock, budget});

    // The keychain check runs while the window opens; real connections wait for its answer,
    // the sandbox needs none.
    ContactDesk::Ui::SecretStoreChooser chooser(&controller, &window);
    QObject::connect(&chooser, &ContactDesk::Ui::SecretStoreChooser::chosen, &controller,
        &ContactDesk::Ui::AppController::setSecretStore);
    QObject::connect(&chooser, &ContactDesk::Ui::SecretStoreChooser::cancelled, &controller,
        &ContactDesk::Ui::AppController::setSecretStoreRefused);

    controller.openActive();
    window.show();
    chooser.start();
    if (parser.isSet(screenshot))
        saveScreenshotWhenFilled(window, controller, parser.value(screenshot));
    return app.exec();
}
