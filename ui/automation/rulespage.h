#pragma once

#include "api/models/locationlists.h"
#include "automation/rules.h"
#include "ui/mapping/fileprompts.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSettings;
class QSpinBox;

namespace ContactDesk::Ui {

class AutomationController;
class MappingEditor;
class RuleForm;

// The Rules page of the Automations window: the rules in order, each with its on/off box, the
// chosen one's form beside the list, the mapping profile that turns an event's data into
// contact fields (edited in the mapping editor on sample events), the custom field that also
// keeps Your App's user id, and the rule set as a file (import, export, restore the defaults).
// Every change is given to the engine and saved at once.
class RulesPage : public QWidget
{
    Q_OBJECT

public:
    RulesPage(AutomationController& automation, QSettings& settings, QWidget* parent = nullptr);
    ~RulesPage() override;

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    void setLocationLists(const Api::LocationLists& lists);
    // Reads the controller's rule set again (after an open or someone else's change).
    void reload();

    QListWidget* ruleList() const { return m_list; }
    RuleForm* ruleForm() const { return m_form; }
    QLabel* message() const { return m_message; }
    MappingEditor* profileEditor() const;
    void setRuleEnabled(int row, bool enabled);
    void addRule();
    void removeRule();
    void moveRule(int by);
    void importRules();
    void exportRules();
    void restoreDefaults();
    void editProfile();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillList(int current);
    void fillLinkFields();
    void showCurrent();
    void apply();
    QString itemText(const Automation::AutomationRule& rule) const;

    AutomationController& m_automation;
    QSettings& m_settings;
    FilePrompts m_prompts = FilePrompts::native();
    Api::LocationLists m_lists;
    Automation::RuleSet m_rules;
    bool m_filling = false;

    QListWidget* m_list = nullptr;
    RuleForm* m_form = nullptr;
    QComboBox* m_linkField = nullptr;
    QSpinBox* m_waitHours = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_defaultsNote = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QPointer<MappingEditor> m_profileEditor;
};

} // namespace ContactDesk::Ui
