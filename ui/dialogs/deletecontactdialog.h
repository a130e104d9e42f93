#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPushButton;

namespace ContactDesk::Ui {

// Asks before contacts are deleted and says what goes with them: "Delete Jane Doe? This removes
// the contact, 3 tasks and 2 notes from HighLevel. A local backup is kept: you can undo with
// Ctrl+Z or restore it from the trash." Cancel is the default button, so Enter keeps the data;
// Delete is marked as the destructive action.
class DeleteContactDialog : public QDialog
{
    Q_OBJECT

public:
    // The counts of tasks and notes, or -1 when they are not known (not loaded yet).
    DeleteContactDialog(
        const QString& contactName, int taskCount, int noteCount, QWidget* parent = nullptr);
    // Several contacts; their names (a few are listed) and the tasks and notes of all of them.
    DeleteContactDialog(
        const QStringList& contactNames, int taskCount, int noteCount, QWidget* parent = nullptr);

    int contactCount() const { return int(m_names.size()); }
    // The question and what goes, as shown.
    QString message() const;

    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    void build(int taskCount, int noteCount);

    QStringList m_names;
    QLabel* m_message = nullptr;
    QLabel* m_list = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace ContactDesk::Ui
