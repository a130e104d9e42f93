#include "ui/mainwindow.h"

#include "auth/connectionstore.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/appsettings.h"
#include "ui/app/contactactions.h"
#include "ui/app/icons.h"
#include "ui/app/logging.h"
#include "ui/app/noticebar.h"
#include "ui/app/statuspanel.h"
#include "ui/app/syncchildloader.h"
#include "ui/app/unsavededits.h"
#include "ui/automation/automationswindow.h"
#include "ui/contacts/contactlistpane.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/mapping/importwizard.h"
#include "ui/outbox/outboxdialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(ContactDesk::Ui::lcApp, "contactdesk.ui", QtInfoMsg)

namespace ContactDesk::Ui {

namespace {

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString splitterKey = QStringLiteral("mainWindow/splitter");
constexpr int statusMessageMs = 6000;

} // namespace

MainWindow::MainWindow(const Services& services, QWidget* parent)
    : QMainWindow(parent)
    , m_app(services.app)
    , m_settings(services.settings)
    , m_network(services.network)
    , m_clock(services.clock)
    , m_budget(services.budget)
    , m_appSettings(std::make_unique<AppSettings>(services.settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ContactDesk"));
    setWindowIcon(Icons::appIcon());

    // Tab follows creation order, and goes the way the eye does: the status bar's buttons, which
    // wrap round to the connection switcher in the toolbar, the banners' buttons, then the panes,
    // which join the end of the chain whenever a workspace opens.
    m_status = new StatusPanel(*statusBar(), m_budget, this);
    createActions();
    createMenus();
    createAutomationActions();
    createToolBar();

    m_sandboxBanner = new NoticeBar(QStringLiteral("sandboxBanner"), this);
    m_sandboxBanner->setMessage(
        tr("Sandbox data - connect your HighLevel account"), tr("&Connect HighLevel…"));
    m_sandboxBanner->setClosable(true);
    m_signInBanner = new NoticeBar(QStringLiteral("signInBanner"), this);
    m_unsavedBanner = new NoticeBar(QStringLiteral("unsavedBanner"), this);
    m_listsBanner = new NoticeBar(QStringLiteral("listsBanner"), this);
    m_listsBanner->setClosable(true);
    m_listsBanner->hide();

    m_openingMessage = new QLabel(tr("Opening the contacts…"), this);
    m_openingMessage->setObjectName(QStringLiteral("openingMessage"));
    m_openingMessage->setAlignment(Qt::AlignCenter);
    m_openingMessage->setWordWrap(true);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_openingMessage);
    m_centre->addWidget(m_splitter);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sandboxBanner);
    layout->addWidget(m_signInBanner);
    layout->addWidget(m_unsavedBanner);
    layout->addWidget(m_listsBanner);
    layout->addWidget(m_centre, 1);
    setCentralWidget(central);

    connect(m_sandboxBanner, &NoticeBar::actionTriggered, this, &MainWindow::showConnect);
    connect(m_sandboxBanner, &NoticeBar::closed, this,
        [this] { m_appSettings->setSandboxBannerDismissed(true); });
    connect(m_signInBanner, &NoticeBar::actionTriggered, this, &MainWindow::signInAgain);
    connect(m_unsavedBanner, &NoticeBar::actionTriggered, this, &MainWindow::retryUnsaved);
    connect(m_status, &StatusPanel::outboxRequested, this, &MainWindow::showOutbox);
    connect(m_status, &StatusPanel::undoRequested, this, &MainWindow::undoDelete);
    connect(&m_app, &AppController::workspaceClosing, this, &MainWindow::detachWorkspace);
    connect(&m_app, &AppController::workspaceOpened, this, &MainWindow::attachWorkspace);
    connect(&m_app, &AppController::needsSignIn, this, &MainWindow::onNeedsSignIn);
    connect(&m_app, &AppController::locationListsChanged, this, &MainWindow::applyLocationLists);
    connect(&m_app, &AppController::connectionChanged, this, [this](const Auth::Connection& c) {
        m_status->setConnection(c);
        updateBanners();
    });
    connect(&m_app, &AppController::openFailed, this, [this](const QString& message) {
        statusBar()->showMessage(message, statusMessageMs);
        if (!m_app.isOpen()) {
            m_openingMessage->setText(message);
            m_centre->setCurrentWidget(m_openingMessage);
        }
    });
    connect(
        &m_app.connections(), &Auth::ConnectionStore::changed, this, &MainWindow::refreshSwitcher);

    resize(1180, 760);
    restoreGeometry(m_settings.value(geometryKey).toByteArray());
    restoreState(m_settings.value(stateKey).toByteArray());
    refreshSwitcher();
    if (m_app.workspace())
        attachWorkspace(m_app.workspace(), {});
    updateActions();
}

MainWindow::~MainWindow()
{
    // The inspector reads the traffic log its controller owns: it goes first (and closing it
    // remembers its geometry).
    closeInspector();
    // The automations window works on the automation controller: it goes first.
    delete m_automationsWindow;
    detachWorkspace();
}

OutboxDialog* MainWindow::outboxDialog() const
{
    return m_outboxDialog;
}

void MainWindow::setConnectDialogSetup(std::function<void(ConnectDialog&)> setup)
{
    m_connectSetup = std::move(setup);
}

void MainWindow::attachWorkspace(Sync::Workspace* workspace, const QString& notice)
{
    detachWorkspace();
    m_actions = new ContactActions(*workspace, *m_appSettings, this, this);
    m_loader = new SyncChildLoader(workspace->syncEngine(), this);
    m_unsaved = new UnsavedEditsGuard(workspace->edits(), this);
    m_list = new ContactListPane(workspace->database(), m_settings, m_splitter);
    m_detail = new ContactDetailPane(
        ContactDetailPane::Services {workspace->cache(), workspace->children(), workspace->edits(),
            workspace->outbox(), m_clock, m_loader},
        m_splitter);
    m_list->setObjectName(QStringLiteral("contactListPane"));
    m_detail->setObjectName(QStringLiteral("contactDetailPane"));
    applyLocationLists();
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    restoreLayout();
    m_centre->setCurrentWidget(m_splitter);

    connect(m_list, &ContactListPane::currentContactChanged, this, [this](const QString& id) {
        m_detail->setContactId(id);
        updateActions();
    });
    connect(m_list, &ContactListPane::selectedCountChanged, this, &MainWindow::updateActions);
    connect(m_list, &ContactListPane::activated, this, &MainWindow::openCurrent);
    connect(m_list, &ContactListPane::deleteRequested, m_actions, &ContactActions::deleteContacts);
    connect(m_detail, &ContactDetailPane::statusMessage, this,
        [this](const QString& message) { statusBar()->showMessage(message, statusMessageMs); });
    connect(m_detail, &ContactDetailPane::resolveConflictRequested, m_actions,
        [this](const QString&, qint64 itemId) { m_actions->resolveConflict(itemId); });
    connect(m_actions, &ContactActions::statusMessage, this,
        [this](const QString& message) { statusBar()->showMessage(message, statusMessageMs); });
    connect(m_actions, &ContactActions::contactCreated, this, &MainWindow::selectContact);
    connect(m_actions, &ContactActions::openContactRequested, this, &MainWindow::selectContact);
    connect(m_actions, &ContactActions::contactsDeleted, m_status, &StatusPanel::offerUndo);
    connect(m_actions, &ContactActions::contactsRestored, this, [this](const QString& id) {
        m_status->hideUndo();
        selectContact(id);
    });
    connect(m_actions, &ContactActions::undoAvailableChanged, this, &MainWindow::updateActions);
    connect(
        &workspace->edits(), &Store::LocalEdits::outboxChanged, this, &MainWindow::updateActions);
    connect(m_unsaved, &UnsavedEditsGuard::changed, this, &MainWindow::updateUnsavedBanner);
    connect(m_unsaved, &UnsavedEditsGuard::saved, this, [this](int count) {
        statusBar()->showMessage(count == 1
                ? tr("The kept edit is saved in the local cache now.")
                : tr("The %n kept edits are saved in the local cache now.", nullptr, count),
            statusMessageMs);
    });

    // The pane's own Find action (Ctrl+F) goes in the menu, so the shortcut has one owner; it
    // leaves the menu with the pane.
    if (QAction* find = m_list->findAction()) {
        find->setIcon(Icons::icon(QStringLiteral("search")));
        m_editMenu->insertAction(m_findAnchor, find);
    }

    m_status->attach(workspace, m_app.connection());
    refreshSwitcher();
    updateBanners();
    updateUnsavedBanner();
    setWindowTitle(tr("ContactDesk — %1: %2")
                       .arg(StatusPanel::environmentText(m_app.connection().environment),
                           m_app.connection().displayName));
    if (!notice.isEmpty())
        statusBar()->showMessage(notice);
    // The panes join the end of the focus chain, after the banners' buttons (see the
    // constructor): each keeps its own order (search, tag filter, table; then the detail).
    m_list->view()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::detachWorkspace()
{
    if (!m_list)
        return;
    saveLayout();
    delete m_outboxDialog;
    // An import works on this workspace's cache and outbox.
    delete m_importWizard;
    m_status->attach(nullptr, {});
    // The panes read the workspace's cache: they go before it does.
    delete m_detail;
    delete m_list;
    delete m_actions;
    delete m_loader;
    delete m_unsaved;
    m_detail = nullptr;
    m_list = nullptr;
    m_actions = nullptr;
    m_loader = nullptr;
    m_unsaved = nullptr;
    updateUnsavedBanner();
    m_openingMessage->setText(tr("Opening the contacts…"));
    m_centre->setCurrentWidget(m_openingMessage);
    updateActions();
}

void MainWindow::updateBanners()
{
    const bool sandbox = m_app.isOpen() && m_app.connection().isSandbox();
    m_sandboxBanner->setVisible(sandbox && !m_appSettings->sandboxBannerDismissed());
    const Auth::Connection& connection = m_app.connection();
    const bool signIn = m_app.isOpen() && connection.state == Auth::ConnectionState::NeedsSignIn;
    if (signIn) {
        const bool oauth = connection.authKind == Auth::AuthKind::OAuth;
        m_signInBanner->setMessage(oauth
                ? tr("“%1” needs you to sign in again. Your changes wait in the outbox and "
                     "are sent once you have signed in.")
                      .arg(connection.displayName)
                : tr("HighLevel refused the token of “%1”. Your changes wait in the outbox; "
                     "replace the token to send them.")
                      .arg(connection.displayName),
            oauth ? tr("&Sign in again…") : tr("&Replace token…"));
    }
    m_signInBanner->setVisible(signIn);
}

void MainWindow::updateUnsavedBanner()
{
    const int count = m_unsaved ? m_unsaved->count() : 0;
    if (count > 0) {
        const Store::StoreError error = m_unsaved->error();
        m_unsavedBanner->setMessage(UnsavedEditsGuard::noticeText(count, error), tr("&Try again"));
        m_unsavedBanner->setToolTip(error.message);
    }
    m_unsavedBanner->setVisible(count > 0);
}

void MainWindow::retryUnsaved()
{
    if (!m_unsaved || m_unsaved->retryNow())
        return;
    statusBar()->showMessage(tr("The edits still cannot be saved: %1.")
                                 .arg(UnsavedEditsGuard::reasonText(m_unsaved->error())),
        statusMessageMs);
    // The reason may have changed (a read-only disk that is now full).
    updateUnsavedBanner();
}

void MainWindow::onNeedsSignIn(const Auth::Connection& connection)
{
    m_status->setConnection(connection);
    updateBanners();
}

void MainWindow::selectContact(const QString& contactId)
{
    if (!m_list || contactId.isEmpty())
        return;
    if (!m_list->selectContact(contactId)) {
        // Hidden by the search or the tag filter: show the whole list.
        m_list->clearSearch();
        if (m_list->tagFilter())
            m_list->tagFilter()->setCurrentIndex(0);
        m_list->selectContact(contactId);
    }
    m_list->view()->setFocus(Qt::OtherFocusReason);
}

QString MainWindow::currentContactId() const
{
    return m_list ? m_list->currentContactId() : QString();
}

void MainWindow::restoreLayout()
{
    const QByteArray state = m_settings.value(splitterKey).toByteArray();
    if (state.isEmpty() || !m_splitter->restoreState(state)) {
        const int width = std::max(800, this->width());
        m_splitter->setSizes({width * 3 / 5, width * 2 / 5});
    }
}

void MainWindow::saveLayout()
{
    if (m_list)
        m_settings.setValue(splitterKey, m_splitter->saveState());
    m_settings.setValue(geometryKey, saveGeometry());
    m_settings.setValue(stateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Edits kept in memory die with the app: one more try, then the user decides.
    const bool quitAnyway = std::exchange(m_quitAnyway, false);
    if (!quitAnyway && m_unsaved && !m_unsaved->retryNow()) {
        event->ignore();
        askAboutUnsaved();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::askAboutUnsaved()
{
    if (m_unsavedQuestion) {
        m_unsavedQuestion->raise();
        m_unsavedQuestion->activateWindow();
        return;
    }
    const int count = m_unsaved->count();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Unsaved edits"),
        count == 1
            ? tr("1 edit is not saved yet. If you quit now it is lost.")
            : tr("%n edits are not saved yet. If you quit now they are lost.", nullptr, count),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unsavedQuestion"));
    box->setInformativeText(m_unsaved->error().message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* retry = box->addButton(tr("&Try again"), QMessageBox::AcceptRole);
    retry->setObjectName(QStringLiteral("unsavedQuestionRetry"));
    QPushButton* quit = box->addButton(tr("&Quit anyway"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("unsavedQuestionQuit"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("unsavedQuestionCancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    m_unsavedQuestion = box;
    connect(box, &QMessageBox::finished, this, [this, box, retry, quit](int) {
        m_unsavedQuestion = nullptr;
        if (box->clickedButton() == quit) {
            m_quitAnyway = true;
            close();
        } else if (box->clickedButton() == retry) {
            // Saved: the window closes; still failing: the question comes back.
            close();
        }
    });
    box->open();
}

void MainWindow::newContact()
{
    if (m_actions)
        m_actions->newContact();
}

void MainWindow::openCurrent()
{
    editCurrent();
}

void MainWindow::editCurrent()
{
    if (m_actions && !currentContactId().isEmpty())
        m_actions->editContact(currentContactId());
}

void MainWindow::fixCurrent()
{
    if (m_actions && !currentContactId().isEmpty())
        m_actions->fixContact(currentContactId());
}

void MainWindow::deleteSelected()
{
    if (!m_actions)
        return;
    QStringList ids = m_list->selectedContactIds();
    if (ids.isEmpty() && !currentContactId().isEmpty())
        ids.append(currentContactId());
    if (!ids.isEmpty())
        m_actions->deleteContacts(ids);
}

void MainWindow::undoDelete()
{
    if (m_actions)
        m_actions->undoDelete();
}

void MainWindow::addTask()
{
    if (m_detail && !m_detail->contactId().isEmpty())
        m_detail->addTask();
}

void MainWindow::addNote()
{
    if (m_detail && !m_detail->contactId().isEmpty())
        m_detail->addNote();
}

void MainWindow::addTags()
{
    if (m_actions)
        m_actions->editTags(m_list->selectedContactIds(), BulkTagsDialog::Action::Add);
}

void MainWindow::removeTags()
{
    if (m_actions)
        m_actions->editTags(m_list->selectedContactIds(), BulkTagsDialog::Action::Remove);
}

void MainWindow::syncNow()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace)
        return;
    // The outbox goes first: what the user changed should reach HighLevel before the sync
    // brings the server's view back.
    workspace->outboxWorker().wake();
    if (workspace->syncEngine().sync())
        statusBar()->showMessage(tr("Syncing with HighLevel…"), statusMessageMs);
    else
        statusBar()->showMessage(tr("A sync is already running."), statusMessageMs);
}

void MainWindow::showOutbox()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace || !m_actions)
        return;
    if (!m_outboxDialog)
        m_outboxDialog = new OutboxDialog(*workspace, *m_actions, this);
    m_outboxDialog->show();
    m_outboxDialog->raise();
    m_outboxDialog->activateWindow();
}

} // namespace ContactDesk::Ui
