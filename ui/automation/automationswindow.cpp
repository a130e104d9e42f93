#include "ui/automation/automationswindow.h"

#include "ui/automation/automationcontroller.h"
#include "ui/automation/eventlogpage.h"
#include "ui/automation/receiverpage.h"
#include "ui/automation/rulespage.h"
#include "ui/automation/testeventpage.h"
#include "ui/automation/webhookspage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

const QString geometryKey = QStringLiteral("automationsWindow/geometry");

} // namespace

AutomationsWindow::AutomationsWindow(
    AutomationController& automation, QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_automation(automation)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("automationsWindow"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    m_closed = new QLabel(tr("No connection is open."), this);
    m_closed->setObjectName(QStringLiteral("automationsClosed"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("automationsTabs"));
    m_rules = new RulesPage(automation, settings, m_tabs);
    m_receiver = new ReceiverPage(automation, m_tabs);
    m_test = new TestEventPage(automation, m_tabs);
    m_log = new EventLogPage(automation, m_tabs);
    m_webhooks = new WebhooksPage(automation, m_tabs);
    m_webhooks->setObjectName(QStringLiteral("automationWebhooksPage"));
    m_rules->setObjectName(QStringLiteral("automationRulesPage"));
    m_receiver->setObjectName(QStringLiteral("automationReceiverPage"));
    m_test->setObjectName(QStringLiteral("automationTestEventPage"));
    m_log->setObjectName(QStringLiteral("automationEventLogPage"));
    m_tabs->addTab(m_rules, tr("&Rules"));
    m_tabs->addTab(m_receiver, tr("Recei&ver"));
    m_tabs->addTab(m_test, tr("Send &Test Event"));
    m_tabs->addTab(m_log, tr("Event &Log"));
    m_tabs->addTab(m_webhooks, tr("&Webhooks"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("automationsClose"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_closed);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &TestEventPage::sent, this, [this](qint64 seq) {
        m_tabs->setCurrentWidget(m_log);
        m_log->selectEvent(seq);
    });
    connect(
        m_log, &EventLogPage::showContactRequested, this, &AutomationsWindow::showContactRequested);
    connect(m_log, &EventLogPage::showRequestsRequested, this,
        &AutomationsWindow::showRequestsRequested);
    connect(&m_automation, &AutomationController::opened, this, &AutomationsWindow::updateTitle);
    connect(&m_automation, &AutomationController::closing, this, [this] {
        m_tabs->setEnabled(false);
        m_closed->show();
    });
    resize(1000, 700);
    restoreGeometry(m_settings.value(geometryKey).toByteArray());
    updateTitle();
}

AutomationsWindow::~AutomationsWindow() = default;

void AutomationsWindow::setFilePrompts(const FilePrompts& prompts)
{
    m_rules->setFilePrompts(prompts);
    m_webhooks->setFilePrompts(prompts);
}

void AutomationsWindow::setLocationLists(const Api::LocationLists& lists)
{
    m_rules->setLocationLists(lists);
}

void AutomationsWindow::updateTitle()
{
    const bool open = m_automation.isOpen();
    m_tabs->setEnabled(open);
    m_closed->setVisible(!open);
    if (open)
        m_rules->reload();
    setWindowTitle(
        m_automation.isSandbox() ? tr("Automations — built-in sandbox") : tr("Automations"));
}

void AutomationsWindow::done(int result)
{
    m_settings.setValue(geometryKey, saveGeometry());
    QDialog::done(result);
}

} // namespace ContactDesk::Ui
