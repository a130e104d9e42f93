// contactdesk: the desktop app. Wires the objects one process needs (clock, network, rate
// budget, settings, connections, the built-in sandbox, the secret store) and hands them to the
// AppController, which opens the active connection's workspace, and the MainWindow, which shows
// it.
#include "api/ratebudget.h"
#include "auth/connectionstore.h"
#include "auth/memorysecretstore.h"
#include "common/clock.h"
#include "common/version.h"
#include "sandbox/sandboxserver.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/appsettings.h"
#include "ui/app/icons.h"
#include "ui/app/singleinstance.h"
#include "ui/app/translations.h"
#include "ui/connect/secretstorechooser.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/trafficpane.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <memory>
#include <utility>

#include <cstdio>
#include <ctime>
#include <unistd.h>

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

// For `--screenshot-inspector FILE`: once the first sync has finished (so the traffic table holds
// its requests), opens View > Inspector with the newest exchange selected and saves a PNG of it.
void saveInspectorScreenshotWhenFilled(ContactDesk::Ui::MainWindow& window,
    ContactDesk::Ui::AppController& controller, const QString& file)
{
    auto taken = std::make_shared<bool>(false);
    const auto take = [&window, file, taken] {
        if (std::exchange(*taken, true))
            return;
        window.showInspector();
        ContactDesk::Ui::InspectorWindow* inspector = window.inspector();
        QTimer::singleShot(300, inspector, [inspector] { inspector->traffic()->selectLatest(); });
        QTimer::singleShot(900, inspector, [inspector, file] {
            const bool saved = inspector->grab().save(file, "PNG");
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

// Milliseconds since the kernel started this process (its start time in /proc/self/stat, in clock
// ticks since boot, so 10 ms resolution); -1 where that is not available.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime) is the 20th after the parenthesised command name.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const qint64 startTicks = fields.value(19).toLongLong();
    timespec now {};
    if (startTicks <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - double(startTicks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// For `--report-first-paint` (scripts/bench ui): once the contact table has finished its first
// paint with contacts in it, prints one JSON line to stderr with the time since the process
// started and since main(), the rows listed and the resident memory, then quits.
class FirstPaintReporter : public QObject
{
public:
    FirstPaintReporter(ContactDesk::Ui::MainWindow& window,
        ContactDesk::Ui::AppController& controller, const QElapsedTimer& sinceMain)
        : QObject(&window)
        , m_window(window)
        , m_sinceMain(sinceMain)
    {
        // After the window's own handler, which builds the list for the workspace.
        connect(&controller, &ContactDesk::Ui::AppController::workspaceOpened, this,
            &FirstPaintReporter::watch);
        watch();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            ContactDesk::Ui::ContactListPane* list = m_window.listPane();
            if (list && watched == list->view()->viewport() && list->model()->rowCount() > 0) {
                m_reported = true;
                // The next turn of the event loop: the paint has then finished.
                QTimer::singleShot(
                    0, this, [this, rows = list->model()->rowCount()] { report(rows); });
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void watch()
    {
        if (ContactDesk::Ui::ContactListPane* list = m_window.listPane())
            list->view()->viewport()->installEventFilter(this);
    }

    void report(int rows)
    {
        const QJsonObject line {{QStringLiteral("firstPaintMs"), msSinceProcessStart()},
            {QStringLiteral("sinceMainMs"), double(m_sinceMain.nsecsElapsed()) / 1e6},
            {QStringLiteral("rows"), rows}, {QStringLiteral("rssKb"), residentKb()}};
        std::fprintf(
            stderr, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        std::fflush(stderr);
        QCoreApplication::exit(0);
    }

    ContactDesk::Ui::MainWindow& m_window;
    const QElapsedTimer& m_sinceMain;
    bool m_reported = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // --version and --help print and quit: they need no display.
    const bool onlyText = argc == 2
        && (qstrcmp(argv[1], "--version") == 0 || qstrcmp(argv[1], "-v") == 0
            || qstrcmp(argv[1], "--help") == 0 || qstrcmp(argv[1], "-h") == 0);
    if (onlyText && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
    QApplication::setApplicationVersion(ContactDesk::version());
    // The desktop entry (and through it the icon) under the one application id.
    QGuiApplication::setDesktopFileName(ContactDesk::applicationId());
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
    const QCommandLineOption screenshotInspector(QStringLiteral("screenshot-inspector"),
        QCoreApplication::translate("main",
            "Save a PNG of the inspector, with the first sync's traffic, to FILE, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshotInspector);
    const QCommandLineOption memorySecrets(QStringLiteral("memory-secrets"),
        QCoreApplication::translate("main",
            "Keep passwords and tokens in memory for this run only, without asking for the "
            "system keychain."));
    parser.addOption(memorySecrets);
    const QCommandLineOption reportFirstPaint(QStringLiteral("report-first-paint"),
        QCoreApplication::translate("main",
            "Print the milliseconds from process start to the first painted contact list to "
            "standard error, as JSON, then quit."));
    parser.addOption(reportFirstPaint);
    parser.addPositionalArgument(QStringLiteral("link-or-file"),
        QCoreApplication::translate("main",
            "A contactdesk://contact/ID link to show, or a file (CSV, JSON, NDJSON, vCard) to "
            "import. When ContactDesk already runs, it gets them and comes to the front."),
        QStringLiteral("[LINK|FILE...]"));
    parser.process(app);

    // One app per data folder: a second start hands its arguments to the first and quits.
    ContactDesk::Ui::SingleInstance instance;
    QString instanceError;
    switch (instance.claim(parser.positionalArguments(), &instanceError)) {
    case ContactDesk::Ui::SingleInstance::Role::HandedOver:
        std::fprintf(stderr, "contactdesk: already running (process %lld); handed over to it\n",
            static_cast<long long>(instance.primaryPid()));
        return 0;
    case ContactDesk::Ui::SingleInstance::Role::Failed:
        std::fprintf(stderr, "contactdesk: %s\n", qPrintable(instanceError));
        return 1;
    case ContactDesk::Ui::SingleInstance::Role::Primary:
        if (!instanceError.isEmpty())
            std::fprintf(stderr, "contactdesk: %s\n", qPrintable(instanceError));
        break;
    }

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

    if (parser.isSet(memorySecrets))
        controller.setSecretStore(new ContactDesk::Auth::MemorySecretStore(&controller));
    if (parser.isSet(reportFirstPaint))
        new FirstPaintReporter(window, controller, sinceMain);

    QObject::connect(&instance, &ContactDesk::Ui::SingleInstance::activated, &window,
        [&window](const QStringList& arguments) {
            std::fprintf(stderr, "contactdesk: a second start handed over (%lld arguments)\n",
                static_cast<long long>(arguments.size()));
            window.openArguments(arguments);
        });

    controller.openActive();
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openArguments(parser.positionalArguments());
    if (!parser.isSet(memorySecrets))
        chooser.start();
    if (parser.isSet(screenshot))
        saveScreenshotWhenFilled(window, controller, parser.value(screenshot));
    else if (parser.isSet(screenshotInspector))
        saveInspectorScreenshotWhenFilled(window, controller, parser.value(screenshotInspector));
    return app.exec();
}
