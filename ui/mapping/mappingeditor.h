#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"
#include "ui/mapping/fileprompts.h"
#include "ui/mapping/targetchoices.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;
class QTableWidget;
class QTimer;
class QTreeWidget;

namespace ContactDesk::Ui {

class MappingPreviewModel;
class RuleEditor;

// The field-mapping editor: the file's columns with sample values on the left, one line per
// rule in the middle with the chosen rule's form under it, the location's targets on the
// right; the write mode, match key and what to do with duplicate rows; and a live preview of
// the first 50 records (source → result per rule) with every invalid cell marked and listed
// under Problems, where activating a problem selects its cell and rule. A profile that names
// what the file or the location no longer has shows what is missing and cannot import.
//
// The editor only edits: Dry Run and Import are asked for through signals (ImportWizard runs
// them). Keys: Del removes the current rule (or step, in the step list), Ctrl+Up and Ctrl+Down
// move it; every part is reachable with Tab and has a mnemonic.
class MappingEditor : public QDialog
{
    Q_OBJECT

public:
    explicit MappingEditor(QSettings& settings, QWidget* parent = nullptr);
    ~MappingEditor() override;

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    void setLocationLists(const Api::LocationLists& lists);
    // The sampled records of the file (the first ones; the preview shows up to 50).
    void setSample(const Mapping::SourceSample& sample);
    void setProfile(const Mapping::Profile& profile);
    const Mapping::Profile& profile() const { return m_profile; }
    // A clean run verified the profile there (kept when it is saved).
    void recordVerification(const Mapping::Verification& verification)
    {
        m_profile.recordVerification(verification);
    }
    const Mapping::SourceSample& sample() const { return m_sample; }
    // What the profile names that is missing; empty when it can import.
    const Mapping::Drift& drift() const { return m_drift; }
    // The record numbers of the preview rows the user selected (all previewed rows when none).
    QList<qint64> selectedRecords() const;
    // Whether Import is offered (the wizard turns it off while a run is going).
    void setRunEnabled(bool enabled);

    MappingPreviewModel* previewModel() const { return m_preview; }
    QTableView* previewView() const { return m_previewView; }
    QListWidget* problemsList() const { return m_problems; }
    QTableWidget* rulesTable() const { return m_rules; }
    RuleEditor* ruleEditor() const { return m_ruleEditor; }
    QLabel* driftNotice() const { return m_driftNotice; }
    int currentRule() const;
    void selectRule(int rule);

public Q_SLOTS:
    // Through the file prompts; a profile that does not load says why under the buttons.
    void loadProfile();
    void saveProfile();
    void addRule();
    void removeRule();
    void moveRule(int by);
    // Maps the sample again now (edits do it on the next turn of the event loop).
    void refreshPreview();

Q_SIGNALS:
    void dryRunRequested(const QList<qint64>& recordNumbers);
    void importRequested();
    void profileChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void done(int result) override;

private:
    // mappingeditor.cpp
    void buildSourcePane(QWidget* pane);
    void buildRulesPane(QWidget* pane);
    void buildWritePolicy(QWidget* pane);
    void fillWritePolicy();
    void fillSourceColumns();
    void fillTargets();
    // mappingeditorrules.cpp
    void fillRules(int current);
    void fillRuleRow(int row);
    void ruleEdited(const Mapping::Rule& rule);
    void addRuleFor(const QString& column);
    void scheduleRefresh();
    // mappingeditorpreview.cpp
    void fillProblems();
    void showDrift();
    void jumpToProblem(int problemRow);
    void updateRunButtons();

    QSettings& m_settings;
    FilePrompts m_prompts;
    Api::LocationLists m_lists;
    QList<TargetChoice> m_targets;
    Mapping::SourceSample m_sample;
    Mapping::Profile m_profile;
    Mapping::Drift m_drift;
    bool m_runEnabled = true;
    bool m_filling = false;

    QLabel* m_driftNotice = nullptr;
    QTreeWidget* m_sourceColumns = nullptr;
    QTableWidget* m_rules = nullptr;
    QPushButton* m_addRule = nullptr;
    QPushButton* m_removeRule = nullptr;
    RuleEditor* m_ruleEditor = nullptr;
    QListWidget* m_targetList = nullptr;
    QComboBox* m_mode = nullptr;
    QComboBox* m_match = nullptr;
    QComboBox* m_matchField = nullptr;
    QComboBox* m_duplicates = nullptr;
    MappingPreviewModel* m_preview = nullptr;
    QTableView* m_previewView = nullptr;
    QListWidget* m_problems = nullptr;
    QLabel* m_problemsTitle = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_dryRun = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_close = nullptr;
    QSplitter* m_columnsSplitter = nullptr;
    QSplitter* m_rowsSplitter = nullptr;
    QTimer* m_refresh = nullptr;
};

} // namespace ContactDesk::Ui
