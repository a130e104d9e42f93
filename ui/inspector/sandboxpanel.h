#pragma once

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace ContactDesk::Ui {

class AppController;
class SandboxFaultsForm;
class SandboxLogModel;

// The built-in sandbox's controls, in-process: its fault rules (first, so a 503 storm is the
// inspector, this panel and "Add fault"), its data (counts, the seeded location lists, reset
// and reseed with a chosen count and seed), its rate-limit and token-lifetime settings and its
// own request log. When the app has no built-in sandbox the panel says so instead.
class SandboxPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SandboxPanel(AppController& app, QWidget* parent = nullptr);
    ~SandboxPanel() override;

    // Replaces the sandbox's contacts with `contacts` new ones made from `seed`; the open
    // sandbox workspace then syncs (deletions included).
    void reseed(int contacts, quint64 seed);
    // Everything back to the start: no contacts, default settings, no faults, no OAuth tokens.
    void resetSandbox();
    // Applies the settings form; false (reason shown) when the sandbox refuses it.
    bool applySettings();
    // Reads the sandbox's counts, lists and rules into the panel (when hidden: once shown).
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildDataTab();
    QWidget* buildSettingsTab();
    QWidget* buildLogTab();
    void refreshData();
    void refreshContacts();
    void refreshSettings();
    void resyncWorkspace();

    AppController& m_app;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_unavailable = nullptr;
    QLabel* m_notOpen = nullptr;
    QTabWidget* m_tabs = nullptr;
    SandboxFaultsForm* m_faults = nullptr;
    // Data.
    QLabel* m_counts = nullptr;
    QTreeWidget* m_lists = nullptr;
    QTreeWidget* m_contacts = nullptr;
    QSpinBox* m_seedCount = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_reseed = nullptr;
    QPushButton* m_reset = nullptr;
    // Settings.
    QSpinBox* m_rateCount = nullptr;
    QSpinBox* m_rateWindow = nullptr;
    QSpinBox* m_dailyLimit = nullptr;
    QSpinBox* m_tokenLifetime = nullptr;
    QSpinBox* m_indexLag = nullptr;
    QCheckBox* m_allowDuplicates = nullptr;
    QLabel* m_settingsError = nullptr;
    // Request log.
    SandboxLogModel* m_log = nullptr;
    QTableView* m_logView = nullptr;
    // Bursts of sandbox changes share one refresh.
    QTimer m_refresh;
    bool m_dataDirty = true;
};

} // namespace ContactDesk::Ui
