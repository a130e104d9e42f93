#pragma once

#include "api/models/locationlists.h"
#include "ui/mapping/fileprompts.h"

#include <QDialog>

class QLabel;
class QSettings;
class QTabWidget;

namespace ContactDesk::Ui {

class AutomationController;
class EventLogPage;
class WebhooksPage;
class ReceiverPage;
class RulesPage;
class TestEventPage;

// Tools > Automations…: what happens when Your App sends an event. Four pages: the rules, the
// receiver, "Send test event" with its dry run, and the event log. It works on the controller
// of the open workspace and follows it when the app opens another connection.
class AutomationsWindow : public QDialog
{
    Q_OBJECT

public:
    AutomationsWindow(
        AutomationController& automation, QSettings& settings, QWidget* parent = nullptr);
    ~AutomationsWindow() override;

    void setFilePrompts(const FilePrompts& prompts);
    void setLocationLists(const Api::LocationLists& lists);

    QTabWidget* tabs() const { return m_tabs; }
    RulesPage* rulesPage() const { return m_rules; }
    ReceiverPage* receiverPage() const { return m_receiver; }
    TestEventPage* testEventPage() const { return m_test; }
    EventLogPage* eventLogPage() const { return m_log; }
    WebhooksPage* webhooksPage() const { return m_webhooks; }

Q_SIGNALS:
    void showContactRequested(const QString& contactId);
    void showRequestsRequested(const QString& contactId);

protected:
    void done(int result) override;

private:
    void updateTitle();

    AutomationController& m_automation;
    QSettings& m_settings;
    QLabel* m_closed = nullptr;
    QTabWidget* m_tabs = nullptr;
    RulesPage* m_rules = nullptr;
    ReceiverPage* m_receiver = nullptr;
    TestEventPage* m_test = nullptr;
    EventLogPage* m_log = nullptr;
    WebhooksPage* m_webhooks = nullptr;
};

} // namespace ContactDesk::Ui
