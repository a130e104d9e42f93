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

#include <QFileInfo>
#include <QLineEdit>
#include <QStatusBar>

#include <memory>

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
    importPath({});
}

void MainWindow::importPath(const QString& path)
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
    FilePrompts prompts = m_filePrompts;
    if (!path.isEmpty()) {
        // The file is chosen already; only the first question (which file) is answered.
        auto asked = std::make_shared<bool>(false);
        prompts.open = [path, asked, open = m_filePrompts.open](
                           QWidget* parent, const QString& caption, const QString& filter) {
            if (*asked)
                return open(parent, caption, filter);
            *asked = true;
            return path;
        };
    }
    wizard->setFilePrompts(prompts);
    connect(wizard, &ImportWizard::message, this,
        [this](const QString& text) { statusBar()->showMessage(text, mappingMessageMs); });
    connect(wizard, &ImportWizard::finished, wizard, &QObject::deleteLater);
    m_importWizard = wizard;
    // A cancelled choice, or a file that cannot be read, ends it through finished().
    wizard->start();
}

void MainWindow::openArguments(const QStringList& arguments)
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    const QLatin1StringView contactLink("contactdesk://contact/");
    for (const QString& argument : arguments) {
        if (argument.startsWith(contactLink)) {
            selectContact(argument.mid(contactLink.size()));
        } else if (QFileInfo(argument).isFile()) {
            importPath(QFileInfo(argument).absoluteFilePath());
        } else {
            statusBar()->showMessage(
                tr("ContactDesk cannot open \"%1\": not a contactdesk:// link or a file.")
                    .arg(argument),
                mappingMessageMs);
        }
    }
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
