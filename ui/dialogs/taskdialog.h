#pragma once

#include "api/models/locationlists.h"
#include "api/models/task.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Ui {

// Creates a task or edits one: title (required), description, due date and time shown in the
// user's time zone and sent in UTC, and in edit mode whether it is completed.
//
// HighLevel needs a due date to create a task, so a new task proposes tomorrow at 9:00 and
// cannot go without one. An existing task without a due date can be given one, and one it has
// cannot be taken away, since the API has no way to clear it.
class TaskDialog : public QDialog
{
    Q_OBJECT

public:
    // Create mode; `clock` gives "tomorrow" for the proposed due date.
    explicit TaskDialog(const Clock& clock, QWidget* parent = nullptr);
    // Edit mode: fields() reports what differs from `existing`.
    TaskDialog(const Api::Task& existing, const Clock& clock, QWidget* parent = nullptr);
    ~TaskDialog() override;

    bool isEditMode() const { return m_editing; }

    // The task as the form describes it: the original with the user's changes applied.
    Api::Task task() const;
    // Create mode: the whole POST body. Edit mode: only the changed fields, for PUT.
    QJsonObject fields() const;
    bool isValid() const;
    // The location's users, for the assignee combo ("Unassigned" and the users by name; an id
    // the list does not know stays, shown as the id).
    void setUsers(const QList<Api::User>& users);
    QComboBox* assigneeCombo() const { return m_assignee; }

public Q_SLOTS:
    void accept() override;

private:
    void build(const Clock& clock);
    void revalidate();

    Api::Task m_original;
    bool m_editing = false;
    QLineEdit* m_title = nullptr;
    QLabel* m_titleError = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateTimeEdit* m_due = nullptr;
    QLabel* m_zoneHint = nullptr;
    QCheckBox* m_completed = nullptr;
    QComboBox* m_assignee = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_titleTouched = false;
};

} // namespace ContactDesk::Ui
