#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ContactDesk::Sandbox {
class SandboxServer;
}

namespace ContactDesk::Ui {

// The built-in sandbox's fault rules: the rules in force (the order they are matched in) with
// Remove and Clear, and a form that adds one. The form shows the fields the chosen kind takes
// (a status for "status" and "HTML error", a delay for "latency" and "index lag") and starts on
// "503 for every operation", so a 503 storm is one click away.
class SandboxFaultsForm : public QWidget
{
    Q_OBJECT

public:
    explicit SandboxFaultsForm(Sandbox::SandboxServer& sandbox, QWidget* parent = nullptr);

    // The control-API JSON of the rule the form describes now.
    QJsonObject ruleJson() const;
    // Adds the form's rule; false (and the sandbox's reason shown) when it refuses it.
    bool addRule();
    // Shows the rules the sandbox has now (rules counted down to nothing disappear).
    void refresh();

Q_SIGNALS:
    void rulesChanged();

private:
    void updateFields();
    void removeSelected();
    void clearAll();

    Sandbox::SandboxServer& m_sandbox;
    QFormLayout* m_form = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_path = nullptr;
    QSpinBox* m_status = nullptr;
    QSpinBox* m_latency = nullptr;
    QDoubleSpinBox* m_probability = nullptr;
    QSpinBox* m_count = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_error = nullptr;
    QTreeWidget* m_rules = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace ContactDesk::Ui
