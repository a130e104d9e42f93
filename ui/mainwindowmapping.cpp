// File > Import... and File > Export...: the main window hands the open workspace, its
// location's lists and the file prompts to the import and the export.
#include "ui/mainwindow.h"

#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/mapping/exportdialog.h"
#include "ui/mapping/importwizard.h"
#include "ui/mapping/mappingeditor.h"

#include <QLineEdit>
#include <QStatusBar>

namespace ContactDesk::Ui {

namespace {

constexpr int mappingMessageMs = 8000;

} // namespace

ImportWizard* MainWindow::importWizard() const
{
    return m_importWizard;
}

void MainWindow::importFile()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace)
        return;
    // One import at a time: the open one comes forward.
    if (m_importWizard) {
        if (MappingEditor* editor = m_importWizard->editor()) {
            editor->raise();
            editor->activateWindow();
        }
        return;
    }
    auto* wizard = new ImportWizard(
        {this, m_settings, *workspace, m_clock}, m_app.connection(), m_app.locationLists(), this);
    wizard->setFilePrompts(m_filePrompts);
    connect(wizard, &ImportWizard::message, this,
        [this](const QString& text) { statusBar()->showMessage(text, mappingMessageMs); });
    connect(wizard, &ImportWizard::finished, wizard, &QObject::deleteLater);
    m_importWizard = wizard;
    // A cancelled choice, or a file that cannot be read, ends it through finished().
    wizard->start();
}

void MainWindow::exportContacts()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace || !m_list)
        return;
    ExportDialog::ListState state;
    const ContactListModel* model = m_list->model();
    for (int row = 0; row < model->rowCount(); ++row)
        state.shown.append(model->rowIdAt(row));
    state.searchText = m_list->searchField()->text().trimmed();
    state.narrowed = state.shown.size() != Mapping::exportRowIds(workspace->cache()).size();
    const QStringList selected = m_list->selectedContactIds();
    for (const QString& id : selected) {
        const int row = model->rowForContactId(id);
        if (row >= 0)
            state.selected.append(model->rowIdAt(row));
    }
    auto* dialog = new ExportDialog(workspace->cache(), m_app.locationLists(), state, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFilePrompts(m_filePrompts);
    connect(dialog, &ExportDialog::exported, this,
        [this](const QString& text) { statusBar()->showMessage(text, mappingMessageMs); });
    dialog->open();
}

} // namespace ContactDesk::Ui
