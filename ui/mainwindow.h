#pragma once

#include "api/models/locationlists.h"

#include "auth/connection.h"
#include "ui/mapping/fileprompts.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QMessageBox;
class QNetworkAccessManager;
class QSettings;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class RateBudget;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class AppController;
class AppSettings;
class AutomationController;
class AutomationsWindow;
class ConnectDialog;
class ContactActions;
class ContactDetailPane;
class ContactListPane;
class ImportWizard;
class InspectorController;
class InspectorWindow;
class NoticeBar;
class OutboxDialog;
class StatusPanel;
class SyncChildLoader;
class UnsavedEditsGuard;

// The main window composes: the toolbar and menus hold the actions, the contact list sits on the
// left and the detail pane on the right of a splitter, banners say what needs the user (sandbox
// data, a sign-in), and the status bar shows the connection, the last sync, the outbox and the
// API budget. Each pane and dialog owns its behaviour; the window rebuilds the panes when the
// app opens another connection's workspace. Every dialog opens window-modal without blocking,
// so tests answer it by finding it among the window's children.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Services
    {
        AppController& app;
        QSettings& settings;
        QNetworkAccessManager& network;
        const Clock& clock;
        Api::RateBudget& budget;
    };

    explicit MainWindow(const Services& services, QWidget* parent = nullptr);
    ~MainWindow() override;

    ContactListPane* listPane() const { return m_list; }
    ContactDetailPane* detailPane() const { return m_detail; }
    ContactActions* contactActions() const { return m_actions; }
    OutboxDialog* outboxDialog() const;
    StatusPanel* statusPanel() const { return m_status; }
    NoticeBar* sandboxBanner() const { return m_sandboxBanner; }
    NoticeBar* signInBanner() const { return m_signInBanner; }
    // Shown while edits the cache could not take are kept in memory.
    NoticeBar* unsavedBanner() const { return m_unsavedBanner; }
    // Says once why names are missing: the lists the connection cannot read, and the scope
    // that would let it.
    NoticeBar* listsBanner() const { return m_listsBanner; }
    // Hands `lists` (the open location's) to the panes and dialogs and says once per
    // connection why a list is missing. The controller's locationListsChanged() lands here.
    void showLocationLists(const Api::LocationLists& lists);
    // The open workspace's kept edits and their quiet retry; null without a workspace.
    UnsavedEditsGuard* unsavedEdits() const { return m_unsaved; }
    QComboBox* connectionSwitcher() const { return m_switcher; }
    // Actions by objectName ("newContactAction", ...).
    QAction* action(const QString& objectName) const;

    // What a second start of the app handed over (or the first got on its command line):
    // contactdesk://contact/ID selects that contact, a file opens the import with it. The
    // window comes to the front.
    void openArguments(const QStringList& arguments);

    // Called on every ConnectDialog before it opens (tests set the browser seams here).
    void setConnectDialogSetup(std::function<void(ConnectDialog&)> setup);
    // How File > Import... and File > Export... ask for files (tests answer with paths).
    void setFilePrompts(const FilePrompts& prompts) { m_filePrompts = prompts; }
    // The import that is open, null when none.
    ImportWizard* importWizard() const;
    // mainwindowinspector.cpp: the app's traffic log, and the inspector window (null until
    // View > Inspector first opens it).
    InspectorController* inspectorController() const { return m_inspectorController; }
    InspectorWindow* inspector() const;
    // mainwindowautomation.cpp: the open workspace's automations and Tools > Automations….
    AutomationController* automation() const { return m_automation; }
    AutomationsWindow* automationsWindow() const;

public Q_SLOTS:
    void newContact();
    void openCurrent();
    void editCurrent();
    void deleteSelected();
    void undoDelete();
    void addTask();
    void addNote();
    void addTags();
    void removeTags();
    void fixCurrent();
    void syncNow();
    void showOutbox();
    void showSettings();
    void showConnections();
    void showConnect();
    void signInAgain();
    // mainwindowmapping.cpp: File > Import... and File > Export...
    void importFile();
    // The import, with `path` already chosen.
    void importPath(const QString& path);
    void exportContacts();
    // mainwindowinspector.cpp: View > Inspector.
    void showInspector();
    // mainwindowautomation.cpp: Tools > Automations…
    void showAutomations();
    // Tries the edits kept in memory again ("Try again" on the notice).
    void retryUnsaved();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // mainwindowactions.cpp
    void createActions();
    void createMenus();
    void createToolBar();
    void refreshSwitcher();
    void updateActions();
    void fillColumnsMenu();
    void showAbout();
    // mainwindowinspector.cpp
    void setUpInspector(QMenu* view);
    void closeInspector();
    // mainwindowautomation.cpp: the automations of each workspace and the Tools menu entry.
    void createAutomationActions();

    void attachWorkspace(Sync::Workspace* workspace, const QString& notice);
    void detachWorkspace();
    void updateBanners();
    // Hands the location's lists to the panes and dialogs, and says once what is missing.
    void applyLocationLists();
    void onNeedsSignIn(const Auth::Connection& connection);
    void updateUnsavedBanner();
    // The close found edits that are still only in memory: Try again, Quit anyway or Cancel.
    void askAboutUnsaved();
    void selectContact(const QString& contactId);
    void restoreLayout();
    void saveLayout();
    QString currentContactId() const;

    AppController& m_app;
    QSettings& m_settings;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Api::RateBudget& m_budget;
    std::unique_ptr<AppSettings> m_appSettings;
    std::function<void(ConnectDialog&)> m_connectSetup;
    FilePrompts m_filePrompts = FilePrompts::native();

    QHash<QString, QAction*> m_actionsByName;
    QMenu* m_editMenu = nullptr;
    QAction* m_findAnchor = nullptr;
    QMenu* m_columnsMenu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QComboBox* m_switcher = nullptr;
    NoticeBar* m_sandboxBanner = nullptr;
    NoticeBar* m_signInBanner = nullptr;
    NoticeBar* m_unsavedBanner = nullptr;
    NoticeBar* m_listsBanner = nullptr;
    // The missing-list reasons already told for the open connection.
    QStringList m_listsTold;
    QPointer<QMessageBox> m_unsavedQuestion;
    // The user chose to quit although edits are not saved.
    bool m_quitAnyway = false;
    QStackedWidget* m_centre = nullptr;
    QLabel* m_openingMessage = nullptr;
    QSplitter* m_splitter = nullptr;
    StatusPanel* m_status = nullptr;

    // Built per workspace.
    ContactListPane* m_list = nullptr;
    ContactDetailPane* m_detail = nullptr;
    ContactActions* m_actions = nullptr;
    SyncChildLoader* m_loader = nullptr;
    UnsavedEditsGuard* m_unsaved = nullptr;
    QPointer<OutboxDialog> m_outboxDialog;
    QPointer<ImportWizard> m_importWizard;
    // mainwindowinspector.cpp
    InspectorController* m_inspectorController = nullptr;
    QPointer<InspectorWindow> m_inspector;
    // mainwindowautomation.cpp
    AutomationController* m_automation = nullptr;
    QPointer<AutomationsWindow> m_automationsWindow;
};

} // namespace ContactDesk::Ui
