#pragma once

#include "api/models/locationlists.h"
#include "automation/rules.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace ContactDesk::Ui {

class ActionForm;

// The form of the rule chosen on the Rules page: its name, its trigger (the event type and the
// conditions on the payload, all of which must hold) and its ordered actions, the current one
// in an ActionForm under the list. Every edit gives the rule anew (ruleChanged).
class RuleForm : public QWidget
{
    Q_OBJECT

public:
    explicit RuleForm(QWidget* parent = nullptr);

    void setLocationLists(const Api::LocationLists& lists);
    // Shows `rule`; null clears and disables the form.
    void setRule(const Automation::AutomationRule* rule);
    Automation::AutomationRule rule() const { return m_rule; }

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* eventTypeCombo() const { return m_type; }
    QTableWidget* conditionsTable() const { return m_conditions; }
    QListWidget* actionsList() const { return m_actions; }
    ActionForm* actionForm() const { return m_actionForm; }
    void addCondition();
    void removeCondition();
    void addAction();
    void removeAction();
    void moveAction(int by);

    // "equals", as the user reads it.
    static QString opText(Automation::Condition::Op op);
    // A condition's value as typed: JSON scalars (12, true, null, "12") as such, other text as
    // a string.
    static QJsonValue valueFromText(const QString& text);
    static QString valueText(const QJsonValue& value);

Q_SIGNALS:
    void ruleChanged(const ContactDesk::Automation::AutomationRule& rule);

private:
    void fillConditions();
    void fillActions(int current);
    void readConditions();
    void showCurrentAction();
    void emitChanged();

    Automation::AutomationRule m_rule;
    bool m_filling = false;
    QLineEdit* m_name = nullptr;
    QComboBox* m_type = nullptr;
    QTableWidget* m_conditions = nullptr;
    QPushButton* m_addCondition = nullptr;
    QPushButton* m_removeCondition = nullptr;
    QListWidget* m_actions = nullptr;
    QPushButton* m_addAction = nullptr;
    QPushButton* m_removeAction = nullptr;
    QPushButton* m_actionUp = nullptr;
    QPushButton* m_actionDown = nullptr;
    ActionForm* m_actionForm = nullptr;
};

} // namespace ContactDesk::Ui
