#pragma once

#include "automation/automationengine.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ContactDesk::Ui {

class AutomationController;

// The "Send test event" page: an event type and its JSON data (prefilled with an example of the
// type), a dry run that lists the exact requests the rules would make (method, path, body)
// without writing anything, and Send, which stores the event in the inbox like the receiver
// does so the rules apply it and the event log shows it.
class TestEventPage : public QWidget
{
    Q_OBJECT

public:
    explicit TestEventPage(AutomationController& automation, QWidget* parent = nullptr);

    void dryRun();
    void send();
    // Puts the example data of the chosen type in the editor.
    void resetData();

    QComboBox* typeCombo() const { return m_type; }
    QPlainTextEdit* dataEdit() const { return m_data; }
    QTreeWidget* planView() const { return m_plan; }
    QLabel* planSummary() const { return m_summary; }
    QLabel* message() const { return m_message; }

Q_SIGNALS:
    // An event was stored: the window shows it in the log.
    void sent(qint64 seq);

private:
    void showPlan(const Automation::Plan& plan);

    AutomationController& m_automation;
    QComboBox* m_type = nullptr;
    QPlainTextEdit* m_data = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_dryRun = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_plan = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace ContactDesk::Ui
