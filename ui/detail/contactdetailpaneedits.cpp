// The task and note actions of the detail pane: the dialogs they open and the LocalEdits calls
// their answers become.
#include "ui/detail/contactdetailpane.h"

#include "common/clock.h"
#include "store/localedits.h"
#include "ui/detail/childtab.h"
#include "ui/detail/logging.h"
#include "ui/detail/notelistmodel.h"
#include "ui/detail/tasklistmodel.h"
#include "ui/dialogs/notedialog.h"
#include "ui/dialogs/taskdialog.h"

#include <QItemSelectionModel>
#include <QTableView>
#include <QTabWidget>

namespace ContactDesk::Ui {

QStringList ContactDetailPane::selectedIds(ChildTab* tab, int idRole) const
{
    QStringList ids;
    const QModelIndexList rows = tab->view()->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows)
        ids << row.data(idRole).toString();
    return ids;
}

void ContactDetailPane::selectRow(ChildTab* tab, int row)
{
    if (row < 0)
        return;
    QTableView* view = tab->view();
    const QModelIndex index = view->model()->index(row, 0);
    view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(index);
}

void ContactDetailPane::addTask()
{
    if (m_rowId == 0)
        return;
    m_tabs->setCurrentWidget(m_tasksTab);
    auto* dialog = new TaskDialog(m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUsers(m_lists.users);
    const QString contactId = m_contactId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, contactId] {
        const QString taskId = m_edits.createTask(contactId, dialog->task());
        if (taskId.isEmpty()) {
            emit statusMessage(tr("The task could not be added: the contact is gone."));
            return;
        }
        if (contactId == m_contactId)
            selectRow(m_tasksTab, m_taskModel->rowOf(taskId));
    });
    dialog->open();
}

void ContactDetailPane::editSelectedTask()
{
    const QString taskId = selectedIds(m_tasksTab, TaskListModel::TaskIdRole).value(0);
    const int row = m_taskModel->rowOf(taskId);
    if (row < 0)
        return;
    const Api::Task original = *m_taskModel->itemAt(row);
    auto* dialog = new TaskDialog(original, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUsers(m_lists.users);
    const QString contactId = m_contactId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, contactId, original] {
        // Completion has an endpoint of its own; the rest goes as one update.
        QJsonObject changes = dialog->fields();
        changes.remove(QStringLiteral("completed"));
        const bool completed = dialog->task().completed;
        bool refused = false;
        if (!changes.isEmpty()) {
            refused = m_edits.updateTask(contactId, original.id, changes)
                == Store::EditOutcome::Rejected;
        }
        if (completed != original.completed) {
            refused = m_edits.completeTask(contactId, original.id, completed)
                    == Store::EditOutcome::Rejected
                || refused;
        }
        if (refused) {
            qCInfo(lcDetail) << "a task edit was refused by the cache";
            emit statusMessage(tr("The task could not be changed: it is no longer here."));
        }
    });
    dialog->open();
}

void ContactDetailPane::deleteSelectedTasks()
{
    const QStringList ids = selectedIds(m_tasksTab, TaskListModel::TaskIdRole);
    if (ids.isEmpty())
        return;
    const QString question = ids.size() == 1
        ? tr("Delete the task “%1”?")
              .arg(m_taskModel->itemAt(m_taskModel->rowOf(ids.first()))->title)
        : tr("Delete %n tasks?", nullptr, int(ids.size()));
    if (!confirm(tr("Delete task", nullptr, int(ids.size())), question, tr("Delete")))
        return;
    const QString contactId = m_contactId;
    for (const QString& id : ids) {
        if (m_edits.deleteTask(contactId, id) == Store::EditOutcome::Rejected)
            qCInfo(lcDetail) << "a task delete was refused by the cache";
    }
}

void ContactDetailPane::addNote()
{
    if (m_rowId == 0)
        return;
    m_tabs->setCurrentWidget(m_notesTab);
    auto* dialog = new NoteDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString contactId = m_contactId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, contactId] {
        const QString noteId = m_edits.createNote(contactId, dialog->note());
        if (noteId.isEmpty()) {
            emit statusMessage(tr("The note could not be added: the contact is gone."));
            return;
        }
        if (contactId == m_contactId)
            selectRow(m_notesTab, m_noteModel->rowOf(noteId));
    });
    dialog->open();
}

void ContactDetailPane::editSelectedNote()
{
    const QString noteId = selectedIds(m_notesTab, NoteListModel::NoteIdRole).value(0);
    const int row = m_noteModel->rowOf(noteId);
    if (row < 0)
        return;
    const Api::Note original = *m_noteModel->itemAt(row);
    auto* dialog = new NoteDialog(original, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString contactId = m_contactId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, contactId, original] {
        const QJsonObject changes = dialog->fields();
        if (changes.isEmpty())
            return;
        if (m_edits.updateNote(contactId, original.id, changes) == Store::EditOutcome::Rejected) {
            qCInfo(lcDetail) << "a note edit was refused by the cache";
            emit statusMessage(tr("The note could not be changed: it is no longer here."));
        }
    });
    dialog->open();
}

void ContactDetailPane::deleteSelectedNotes()
{
    const QStringList ids = selectedIds(m_notesTab, NoteListModel::NoteIdRole);
    if (ids.isEmpty())
        return;
    QString question;
    if (ids.size() == 1) {
        const QString text = m_noteModel->itemAt(m_noteModel->rowOf(ids.first()))->body;
        const QString excerpt = text.simplified();
        question = tr("Delete the note “%1”?")
                       .arg(excerpt.size() > 60 ? excerpt.left(60) + QStringLiteral("…") : excerpt);
    } else {
        question = tr("Delete %n notes?", nullptr, int(ids.size()));
    }
    if (!confirm(tr("Delete note", nullptr, int(ids.size())), question, tr("Delete")))
        return;
    const QString contactId = m_contactId;
    for (const QString& id : ids) {
        if (m_edits.deleteNote(contactId, id) == Store::EditOutcome::Rejected)
            qCInfo(lcDetail) << "a note delete was refused by the cache";
    }
}

} // namespace ContactDesk::Ui
