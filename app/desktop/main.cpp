// contactdesk: the desktop app. Starts the built-in sandbox with demo data and opens the main
// window on it.
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr int demoContacts = 250;
constexpr quint64 demoSeed = 2026;

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
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

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop contact manager for HighLevel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the main window to FILE "
                       "once it is shown, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.process(app);

    ContactDesk::SystemClock clock;
    ContactDesk::Sandbox::SandboxServer sandbox(clock, demoSeed);
    sandbox.seed(demoContacts, demoSeed);
    if (!sandbox.listenLocal()) {
        std::fprintf(stderr, "contactdesk: the built-in sandbox cannot listen on 127.0.0.1\n");
        return 1;
    }

    ContactDesk::Ui::MainWindow window(sandbox);
    window.show();
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(300, &window, [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
