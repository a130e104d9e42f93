// View > Inspector: the app's traffic log follows every workspace from the start; the window
// opens on demand and comes forward when it is already open.
#include "ui/mainwindow.h"

#include "ui/inspector/composer.h"
#include "ui/inspector/inspectorcontroller.h"
#include "ui/inspector/inspectorwindow.h"
#include "ui/inspector/ratechartpanel.h"
#include "ui/inspector/sandboxpanel.h"
#include "ui/inspector/verifypanel.h"

#include <QAction>
#include <QMenu>

namespace ContactDesk::Ui {

void MainWindow::setUpInspector(QMenu* view)
{
    m_inspectorController = new InspectorController(m_app, m_settings, this);
    auto* action = new QAction(tr("&Inspector"), this);
    action->setObjectName(QStringLiteral("inspectorAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    action->setShortcutContext(Qt::WindowShortcut);
    action->setToolTip(tr("Every request and answer, copy as curl, exports, replay and compose"));
    addAction(action);
    connect(action, &QAction::triggered, this, &MainWindow::showInspector);
    m_actionsByName.insert(action->objectName(), action);
    view->addSeparator();
    view->addAction(action);
}

InspectorWindow* MainWindow::inspector() const
{
    return m_inspector;
}

void MainWindow::closeInspector()
{
    if (!m_inspector)
        return;
    m_inspector->close();
    delete m_inspector;
}

void MainWindow::showInspector()
{
    if (!m_inspector) {
        m_inspector = new InspectorWindow(*m_inspectorController, this);
        m_inspector->composer()->setKnownParameters([this] {
            QHash<QString, QString> known;
            known.insert(QStringLiteral("contactId"), currentContactId());
            return known;
        });
        m_inspector->addPanel(
            new VerifyPanel(m_app, m_settings, m_clock, m_inspector), tr("&Verify"));
        auto* rate = new RateChartPanel(m_budget, m_clock, m_inspector);
        rate->setTrafficLog(m_inspectorController->log());
        rate->follow(m_app);
        m_inspector->addPanel(rate, tr("&Rate Budget"));
        m_inspector->addPanel(new SandboxPanel(m_app, m_inspector), tr("San&dbox"));
    }
    m_inspector->setFilePrompts(m_filePrompts);
    m_inspector->show();
    m_inspector->raise();
    m_inspector->activateWindow();
}

} // namespace ContactDesk::Ui
