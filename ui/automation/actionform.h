#pragma once

#include "api/models/locationlists.h"
#include "automation/rules.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace ContactDesk::Ui {

// The form of one action of a rule: its kind and the fields that kind uses (title and body
// templates, due date, assignee among the location's users, tags, the note of the changes).
// Every edit gives the action anew (actionChanged).
class ActionForm : public QWidget
{
    Q_OBJECT

public:
    explicit ActionForm(QWidget* parent = nullptr);

    void setLocationLists(const Api::LocationLists& lists);
    // Shows `action`; null clears and disables the form.
    void setAction(const Automation::Action* action);
    Automation::Action action() const { return m_action; }

    QComboBox* kindCombo() const { return m_kind; }
    QLineEdit* titleEdit() const { return m_title; }

    // What the user reads for a kind: "Add a task".
    static QString kindText(Automation::Action::Kind kind);
    static const QList<Automation::Action::Kind>& kinds();

Q_SIGNALS:
    void actionChanged(const ContactDesk::Automation::Action& action);

private:
    void fill();
    void showFieldsOfKind();
    void read();

    Automation::Action m_action;
    bool m_filling = false;
    QFormLayout* m_form = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QSpinBox* m_dueDays = nullptr;
    QLineEdit* m_duePath = nullptr;
    QComboBox* m_assignee = nullptr;
    QLineEdit* m_tags = nullptr;
    QCheckBox* m_noteOfChanges = nullptr;
};

} // namespace ContactDesk::Ui
