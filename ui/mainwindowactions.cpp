// The main window's actions, menus, toolbar and the dialogs they open that are not about one
// contact (settings, connections, sign-in).
#include "ui/mainwindow.h"

#include "auth/connectionstore.h"
#include "common/version.h"
#include "store/database.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/appsettings.h"
#include "ui/app/contactactions.h"
#include "ui/app/icons.h"
#include "ui/app/noticebar.h"
#include "ui/app/statuspanel.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/connectionsdialog.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/settings/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSslSocket>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace ContactDesk::Ui {

namespace {

struct ActionSpec
{
    const char* name;
    QString text;
    QKeySequence shortcut;
    const char* icon;
    void (MainWindow::*slot)();
    // Keys the list handles itself (Enter, Del) are shown in the menu but bound to no widget
    // that takes focus, so they never fire twice nor while typing in a field.
    bool displayOnly = false;
};

} // namespace

QAction* MainWindow::action(const QString& objectName) const
{
    return m_actionsByName.value(objectName);
}

void MainWindow::createActions()
{
    const QList<ActionSpec> specs {
        {"newContactAction", tr("&New Contact…"), QKeySequence::New, "contact-new",
            &MainWindow::newContact},
        {"editContactAction", tr("&Edit Contact…"), QKeySequence(Qt::Key_Return), "edit",
            &MainWindow::editCurrent, true},
        {"deleteContactAction", tr("&Delete Contact…"), QKeySequence(Qt::Key_Delete), "delete",
            &MainWindow::deleteSelected, true},
        {"undoDeleteAction", tr("&Undo Delete"), QKeySequence::Undo, "undo",
            &MainWindow::undoDelete},
        {"addTaskAction", tr("Add &Task…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
            "task-new", &MainWindow::addTask},
        {"addNoteAction", tr("Add N&ote…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
            "note-new", &MainWindow::addNote},
        {"addTagsAction", tr("&Add Tags to Selected…"), {}, "tags", &MainWindow::addTags},
        {"removeTagsAction", tr("&Remove Tags from Selected…"), {}, nullptr,
            &MainWindow::removeTags},
        {"fixContactAction", tr("&Fix Refused Change…"), {}, nullptr, &MainWindow::fixCurrent},
        {"syncAction", tr("&Sync Now"), QKeySequence(Qt::Key_F5), "sync", &MainWindow::syncNow},
        {"outboxAction", tr("&Outbox…"), {}, "outbox", &MainWindow::showOutbox},
        {"settingsAction", tr("&Settings…"), QKeySequence::Preferences, "settings",
            &MainWindow::showSettings},
        {"connectionsAction", tr("&Connections…"), {}, nullptr, &MainWindow::showConnections},
        {"importAction", tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), nullptr,
            &MainWindow::importFile},
        {"exportAction", tr("E&xport…"), QKeySequence(Qt::CTRL | Qt::Key_E), nullptr,
            &MainWindow::exportContacts},
        {"connectAction", tr("Connect &HighLevel Account…"), {}, "connect",
            &MainWindow::showConnect},
    };
    for (const ActionSpec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        const QString name = QString::fromLatin1(spec.name);
        action->setObjectName(name);
        if (spec.icon)
            action->setIcon(Icons::icon(QString::fromLatin1(spec.icon)));
        if (!spec.shortcut.isEmpty()) {
            action->setShortcut(spec.shortcut);
            action->setShortcutContext(spec.displayOnly ? Qt::WidgetShortcut : Qt::WindowShortcut);
            if (!spec.displayOnly)
                addAction(action);
        }
        connect(action, &QAction::triggered, this, spec.slot);
        m_actionsByName.insert(name, action);
    }
    auto* quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    addAction(quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    m_actionsByName.insert(quit->objectName(), quit);
    auto* about = new QAction(tr("&About ContactDesk"), this);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    m_actionsByName.insert(about->objectName(), about);
    auto* refresh = new QAction(tr("&Reload Tasks, Notes and Appointments"), this);
    refresh->setObjectName(QStringLiteral("refreshDetailAction"));
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_detail)
            m_detail->refreshChildren();
    });
    m_actionsByName.insert(refresh->objectName(), refresh);
}

void MainWindow::createMenus()
{
    const auto add = [this](QMenu* menu, const char* name) {
        menu->addAction(m_actionsByName.value(QString::fromLatin1(name)));
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    add(file, "connectAction");
    add(file, "connectionsAction");
    add(file, "settingsAction");
    file->addSeparator();
    add(file, "importAction");
    add(file, "exportAction");
    file->addSeparator();
    add(file, "quitAction");

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    add(m_editMenu, "undoDeleteAction");
    m_findAnchor = m_editMenu->addSeparator();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_columnsMenu = view->addMenu(tr("&Columns"));
    m_columnsMenu->setObjectName(QStringLiteral("viewColumnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &MainWindow::fillColumnsMenu);
    add(view, "refreshDetailAction");
    setUpInspector(view);

    QMenu* contact = menuBar()->addMenu(tr("&Contact"));
    contact->setObjectName(QStringLiteral("contactMenu"));
    add(contact, "newContactAction");
    add(contact, "editContactAction");
    add(contact, "deleteContactAction");
    contact->addSeparator();
    add(contact, "addTaskAction");
    add(contact, "addNoteAction");
    contact->addSeparator();
    add(contact, "addTagsAction");
    add(contact, "removeTagsAction");
    contact->addSeparator();
    add(contact, "fixContactAction");

    QMenu* sync = menuBar()->addMenu(tr("&Sync"));
    sync->setObjectName(QStringLiteral("syncMenu"));
    add(sync, "syncAction");
    add(sync, "outboxAction");

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    add(help, "aboutAction");
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_actionsByName.value(QStringLiteral("newContactAction")));
    m_toolBar->addAction(m_actionsByName.value(QStringLiteral("syncAction")));
    m_toolBar->addAction(m_actionsByName.value(QStringLiteral("outboxAction")));
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    auto* label = new QLabel(tr("C&onnection:"), m_toolBar);
    m_switcher = new QComboBox(m_toolBar);
    m_switcher->setObjectName(QStringLiteral("connectionSwitcher"));
    m_switcher->setAccessibleName(tr("Connection"));
    m_switcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_switcher);
    m_toolBar->addWidget(label);
    m_toolBar->addWidget(m_switcher);
    connect(m_switcher, &QComboBox::activated, this, [this](int index) {
        const QString id = m_switcher->itemData(index).toString();
        if (id.isEmpty() || (m_app.isOpen() && id == m_app.connection().id))
            return;
        if (!m_app.switchTo(id))
            refreshSwitcher();
    });
}

void MainWindow::refreshSwitcher()
{
    if (!m_switcher)
        return;
    const QSignalBlocker block(m_switcher);
    m_switcher->clear();
    const QString current = m_app.isOpen() ? m_app.connection().id : m_app.connections().activeId();
    const QList<Auth::Connection> connections = m_app.connections().connections();
    for (const Auth::Connection& connection : connections) {
        QString text = tr("%1: %2").arg(
            StatusPanel::environmentText(connection.environment), connection.displayName);
        if (connection.state == Auth::ConnectionState::NeedsSignIn)
            text += tr(" (needs sign-in)");
        m_switcher->addItem(text, connection.id);
        if (connection.id == current)
            m_switcher->setCurrentIndex(m_switcher->count() - 1);
    }
}

void MainWindow::updateActions()
{
    const bool open = m_actions != nullptr;
    const QString current = currentContactId();
    const int selected = m_list ? m_list->selectedCount() : 0;
    const auto enable = [this](const char* name, bool on) {
        if (QAction* action = m_actionsByName.value(QString::fromLatin1(name)))
            action->setEnabled(on);
    };
    enable("newContactAction", open);
    enable("editContactAction", open && !current.isEmpty());
    enable("deleteContactAction", open && (selected > 0 || !current.isEmpty()));
    enable("undoDeleteAction", open && m_actions->canUndoDelete());
    enable("addTaskAction", open && !current.isEmpty());
    enable("addNoteAction", open && !current.isEmpty());
    enable("addTagsAction", open && selected > 0);
    enable("removeTagsAction", open && selected > 0);
    enable("fixContactAction",
        open && !current.isEmpty() && m_actions->failedContactItem(current).has_value());
    enable("syncAction", open);
    enable("outboxAction", open);
    enable("importAction", open);
    enable("exportAction", open);
    enable("refreshDetailAction", open && !current.isEmpty());
    m_columnsMenu->setEnabled(open);
}

void MainWindow::fillColumnsMenu()
{
    m_columnsMenu->clear();
    if (!m_list)
        return;
    const QList<int> visible = m_list->visibleColumns();
    for (int column = 0; column < ContactListModel::columnTotal; ++column) {
        QAction* action = m_columnsMenu->addAction(
            m_list->model()->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("viewColumn_") + ContactListModel::columnKey(column));
        action->setCheckable(true);
        action->setChecked(visible.contains(column));
        action->setEnabled(!(visible.size() == 1 && visible.contains(column)));
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            if (m_list)
                m_list->setColumnVisible(column, on);
        });
    }
}

void MainWindow::showSettings()
{
    QList<SettingsDialog::Column> columns;
    for (int column = 0; m_list && column < ContactListModel::columnTotal; ++column) {
        columns.append({column, m_list->model()->headerData(column, Qt::Horizontal).toString(),
            m_list->isColumnVisible(column)});
    }
    auto* dialog
        = new SettingsDialog(*m_appSettings, m_app.connection().displayName, columns, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &SettingsDialog::manageConnectionsRequested, this, &MainWindow::showConnections);
    connect(dialog, &SettingsDialog::applied, this, [this, dialog] {
        m_app.setSyncIntervalMs(m_appSettings->syncIntervalMs());
        if (!m_list)
            return;
        const QList<int> visible = dialog->visibleColumns();
        // Shown first: the list keeps at least one column at every step.
        for (int column : visible)
            m_list->setColumnVisible(column, true);
        for (int column = 0; column < ContactListModel::columnTotal; ++column) {
            if (!visible.contains(column))
                m_list->setColumnVisible(column, false);
        }
    });
    dialog->open();
}

void MainWindow::showConnections()
{
    Auth::SecretStore* secrets = m_app.secretStore();
    if (!secrets) {
        statusBar()->showMessage(tr("Connections need the keychain or a memory-only session, "
                                    "which is not set up yet."));
        return;
    }
    auto* dialog = new ConnectionsDialog(m_network, m_clock, m_app.connections(), *secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSessionLookup([this](const QString& id) { return m_app.sessionFor(id); });
    if (m_connectSetup)
        dialog->setConnectDialogSetup(m_connectSetup);
    if (m_app.isOpen())
        dialog->select(m_app.connection().id);
    connect(dialog, &ConnectionsDialog::activeConnectionChanged, this,
        [this](const QString& id) { m_app.switchTo(id); });
    connect(dialog, &ConnectionsDialog::signedOut, this, [this](const QString& id) {
        if (m_app.isOpen() && m_app.connection().id == id)
            m_app.reopen();
    });
    connect(dialog, &ConnectionsDialog::connectionAdded, this, [this](const Auth::Connection& c) {
        if (m_app.isOpen() && m_app.connection().id == c.id)
            m_app.reopen();
    });
    // A removed connection leaves no contact data behind: its cache is closed, then deleted.
    connect(dialog, &ConnectionsDialog::connectionRemoved, this, [this](const QString& id) {
        if (m_app.isOpen() && m_app.connection().id == id)
            m_app.switchTo(Auth::ConnectionStore::sandboxId());
        QString error;
        if (!Store::Database::removeDefaultCache(id, &error))
            statusBar()->showMessage(error);
    });
    dialog->open();
}

void MainWindow::showConnect()
{
    Auth::SecretStore* secrets = m_app.secretStore();
    if (!secrets) {
        statusBar()->showMessage(tr("Connecting needs the keychain or a memory-only session, "
                                    "which is not set up yet."));
        return;
    }
    auto* dialog = new ConnectDialog(m_network, m_clock, m_app.connections(), *secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_connectSetup)
        m_connectSetup(*dialog);
    connect(dialog, &ConnectDialog::connectionSaved, this,
        [this](const Auth::Connection& connection) { m_app.switchTo(connection.id); });
    dialog->open();
}

void MainWindow::signInAgain()
{
    Auth::SecretStore* secrets = m_app.secretStore();
    if (!secrets || !m_app.isOpen())
        return;
    auto* dialog = new ConnectDialog(m_network, m_clock, m_app.connections(), *secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExistingConnection(m_app.connection());
    if (m_connectSetup)
        m_connectSetup(*dialog);
    // The new credentials are stored; the connection opens anew on them, queued work intact.
    connect(dialog, &ConnectDialog::connectionSaved, this,
        [this](const Auth::Connection&) { m_app.reopen(); });
    dialog->open();
}

void MainWindow::showAbout()
{
    const QString dataFolder
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toHtmlEscaped();
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About ContactDesk"),
        tr("<b>ContactDesk %1</b><p>A desktop contact manager for HighLevel: contacts, tasks and "
           "notes kept in a local cache that works offline, with every change sent through an "
           "outbox.</p><p><a href=\"%2\">%2</a></p>"
           "<p>Qt %3 (built with %4), SQLite %5, %6</p><p>Data folder: %7<br>Settings: %8</p>")
            .arg(ContactDesk::version(), ContactDesk::homepageUrl().toHtmlEscaped(),
                QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                Store::Database::sqliteVersion(),
                QSslSocket::sslLibraryVersionString().toHtmlEscaped(), dataFolder,
                m_settings.fileName().toHtmlEscaped()),
        QMessageBox::Close, this);
    box->setTextFormat(Qt::RichText);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(Icons::appIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::applyLocationLists()
{
    showLocationLists(m_app.locationLists());
}

void MainWindow::showLocationLists(const Api::LocationLists& lists)
{
    if (m_detail) {
        m_detail->setRegion(m_appSettings->defaultRegion());
        m_detail->setLocationLists(lists);
    }
    if (m_actions)
        m_actions->setLocationLists(lists);
    QStringList fresh;
    for (const QString& reason : lists.unavailable) {
        const QString told = m_app.connection().id + u'\n' + reason;
        if (m_listsTold.contains(told))
            continue;
        m_listsTold.append(told);
        fresh.append(reason);
    }
    if (!fresh.isEmpty()) {
        fresh.sort();
        m_listsBanner->setMessage(tr("Some names cannot be shown, so ids appear instead: %1.")
                                      .arg(fresh.join(QStringLiteral("; "))),
            {});
        m_listsBanner->show();
    } else if (lists.unavailable.isEmpty()) {
        m_listsBanner->hide();
    }
}

} // namespace ContactDesk::Ui
