// Tools > Automations…: the main window keeps one AutomationController (the open workspace's
// inbox, rules engine and event receiver) and opens the Automations window on it; the window's
// "Show Contact" selects the contact in the list.
#include "ui/mainwindow.h"

#include "ui/app/appcontroller.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/automationswindow.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/trafficpane.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

namespace ContactDesk::Ui {

namespace {

constexpr int automationMessageMs = 8000;

// The Tools menu, before Help; made here when no other part of the window made it yet.
QMenu* toolsMenu(QMainWindow* window)
{
    QMenuBar* bar = window->menuBar();
    if (auto* existing = bar->findChild<QMenu*>(QStringLiteral("toolsMenu")))
        return existing;
    auto* tools = new QMenu(MainWindow::tr("&Tools"), bar);
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction* before = nullptr;
    const QList<QAction*> actions = bar->actions();
    for (QAction* action : actions) {
        if (action->menu() && action->menu()->objectName() == u"helpMenu")
            before = action;
    }
    bar->insertMenu(before, tools);
    return tools;
}

} // namespace

AutomationsWindow* MainWindow::automationsWindow() const
{
    return m_automationsWindow;
}

void MainWindow::createAutomationActions()
{
    m_automation = new AutomationController(m_app, m_settings, m_clock, this);
    auto* action = new QAction(tr("&Automations…"), this);
    action->setObjectName(QStringLiteral("automationsAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    connect(action, &QAction::triggered, this, &MainWindow::showAutomations);
    m_actionsByName.insert(action->objectName(), action);
    toolsMenu(this)->addAction(action);
    connect(m_automation, &AutomationController::eventFailed, this,
        [this](qint64 seq, const QString& reason) {
            statusBar()->showMessage(
                tr("An event from Your App failed (%1): %2").arg(seq).arg(reason),
                automationMessageMs);
        });
    connect(&m_app, &AppController::locationListsChanged, this, [this] {
        if (m_automationsWindow)
            m_automationsWindow->setLocationLists(m_app.locationLists());
    });
}

void MainWindow::showAutomations()
{
    if (!m_automationsWindow) {
        auto* window = new AutomationsWindow(*m_automation, m_settings, this);
        window->setFilePrompts(m_filePrompts);
        window->setLocationLists(m_app.locationLists());
        connect(window, &AutomationsWindow::showContactRequested, this, [this](const QString& id) {
            selectContact(id);
            raise();
            activateWindow();
        });
        connect(window, &AutomationsWindow::showRequestsRequested, this, [this](const QString& id) {
            showInspector();
            inspector()->tabs()->setCurrentWidget(inspector()->traffic());
            inspector()->traffic()->showOnly(id, Api::RequestCause::Automation);
        });
        m_automationsWindow = window;
    }
    m_automationsWindow->show();
    m_automationsWindow->raise();
    m_automationsWindow->activateWindow();
}

} // namespace ContactDesk::Ui
