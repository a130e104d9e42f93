#include "ui/mapping/mappingeditor.h"

#include "ui/dialogs/dialogsupport.h"
#include "ui/mapping/mappingpreviewmodel.h"
#include "ui/mapping/ruleeditor.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Mapping::DuplicateRows;
using Mapping::MatchKey;
using Mapping::WriteMode;

namespace {

const QString geometryKey = QStringLiteral("mappingEditor/geometry");
const QString columnsKey = QStringLiteral("mappingEditor/columnsSplitter");
const QString rowsKey = QStringLiteral("mappingEditor/rowsSplitter");

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

MappingEditor::MappingEditor(QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_prompts(FilePrompts::native())
{
    setObjectName(QStringLiteral("mappingEditor"));
    setWindowTitle(tr("Map Fields for Import"));
    setAccessibleName(windowTitle());
    setSizeGripEnabled(true);
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &MappingEditor::refreshPreview);

    m_driftNotice = makeMessageLabel(
        this, QStringLiteral("mappingDriftNotice"), tr("What the profile names that is missing"));

    auto* sourcePane = new QWidget(this);
    buildSourcePane(sourcePane);
    auto* rulesPane = new QWidget(this);
    buildRulesPane(rulesPane);
    auto* targetsPane = new QWidget(this);
    m_targetList = new QListWidget(targetsPane);
    m_targetList->setObjectName(QStringLiteral("mappingTargets"));
    m_targetList->setAccessibleName(tr("HighLevel fields"));
    m_targetList->setToolTip(tr("Enter or double-click gives the chosen rule this target."));
    auto* targetsLayout = new QVBoxLayout(targetsPane);
    targetsLayout->setContentsMargins(0, 0, 0, 0);
    targetsLayout->addWidget(buddyLabel(tr("&HighLevel fields:"), m_targetList, targetsPane));
    targetsLayout->addWidget(m_targetList);

    m_columnsSplitter = new QSplitter(Qt::Horizontal, this);
    m_columnsSplitter->setObjectName(QStringLiteral("mappingColumnsSplitter"));
    m_columnsSplitter->addWidget(sourcePane);
    m_columnsSplitter->addWidget(rulesPane);
    m_columnsSplitter->addWidget(targetsPane);
    m_columnsSplitter->setStretchFactor(1, 2);

    m_preview = new MappingPreviewModel(this);
    m_previewView = new QTableView(this);
    m_previewView->setObjectName(QStringLiteral("mappingPreview"));
    m_previewView->setAccessibleName(tr("Preview of the first 50 records"));
    m_previewView->setModel(m_preview);
    m_previewView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->setTabKeyNavigation(false);
    m_previewView->verticalHeader()->hide();
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->horizontalHeader()->setStretchLastSection(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("mappingProblems"));
    m_problems->setAccessibleName(tr("Problems found in the preview"));
    m_problems->setWordWrap(true);
    m_problemsTitle = buddyLabel(tr("Pro&blems:"), m_problems, this);
    m_problemsTitle->setObjectName(QStringLiteral("mappingProblemsTitle"));
    auto* previewPane = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(buddyLabel(tr("Pre&view (first 50 records):"), m_previewView, this));
    previewLayout->addWidget(m_previewView);
    auto* problemsPane = new QWidget(this);
    auto* problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(m_problemsTitle);
    problemsLayout->addWidget(m_problems);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(previewPane);
    bottom->addWidget(problemsPane);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);

    m_rowsSplitter = new QSplitter(Qt::Vertical, this);
    m_rowsSplitter->setObjectName(QStringLiteral("mappingRowsSplitter"));
    m_rowsSplitter->addWidget(m_columnsSplitter);
    m_rowsSplitter->addWidget(bottom);

    auto* policy = new QWidget(this);
    buildWritePolicy(policy);

    m_message = makeMessageLabel(
        this, QStringLiteral("mappingProfileMessage"), tr("Loading or saving the profile"));
    m_load = new QPushButton(tr("&Load Profile…"), this);
    m_load->setObjectName(QStringLiteral("mappingLoad"));
    m_save = new QPushButton(tr("Save &Profile…"), this);
    m_save->setObjectName(QStringLiteral("mappingSave"));
    m_dryRun = new QPushButton(tr("Dr&y Run…"), this);
    m_dryRun->setObjectName(QStringLiteral("mappingDryRun"));
    m_dryRun->setToolTip(tr("Shows the requests the selected preview rows would send."));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("mappingImport"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("mappingClose"));
    m_close->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_load);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_import);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_driftNotice);
    layout->addWidget(m_rowsSplitter, 1);
    layout->addWidget(policy);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    setTabOrder(m_sourceColumns, m_rules);
    setTabOrder(m_rules, m_addRule);
    setTabOrder(m_addRule, m_removeRule);
    setTabOrder(m_removeRule, m_ruleEditor);
    setTabOrder(m_ruleEditor, m_targetList);
    setTabOrder(m_targetList, m_mode);
    setTabOrder(m_mode, m_match);
    setTabOrder(m_match, m_matchField);
    setTabOrder(m_matchField, m_duplicates);
    setTabOrder(m_duplicates, m_previewView);
    setTabOrder(m_previewView, m_problems);
    setTabOrder(m_problems, m_load);
    setTabOrder(m_load, m_save);
    setTabOrder(m_save, m_dryRun);
    setTabOrder(m_dryRun, m_import);
    setTabOrder(m_import, m_close);

    connect(m_targetList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const std::optional<Mapping::Target> target
            = Mapping::Target::fromString(item->data(Qt::UserRole).toString());
        if (target && currentRule() >= 0)
            m_ruleEditor->setTarget(*target);
    });
    connect(m_problems, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { jumpToProblem(m_problems->row(item)); });
    connect(m_load, &QPushButton::clicked, this, &MappingEditor::loadProfile);
    connect(m_save, &QPushButton::clicked, this, &MappingEditor::saveProfile);
    connect(m_dryRun, &QPushButton::clicked, this,
        [this] { Q_EMIT dryRunRequested(selectedRecords()); });
    connect(m_import, &QPushButton::clicked, this, [this] {
        refreshPreview();
        if (m_drift.isEmpty())
            Q_EMIT importRequested();
    });
    connect(m_close, &QPushButton::clicked, this, &MappingEditor::reject);

    // Enter belongs to the lists (a column adds a rule, a problem shows its cell), never to
    // Import or Load.
    const QList<QPushButton*> pushButtons = findChildren<QPushButton*>();
    for (QPushButton* button : pushButtons)
        button->setAutoDefault(false);

    resize(1200, 820);
    restoreGeometry(m_settings.value(geometryKey).toByteArray());
    m_columnsSplitter->restoreState(m_settings.value(columnsKey).toByteArray());
    m_rowsSplitter->restoreState(m_settings.value(rowsKey).toByteArray());
    fillWritePolicy();
    updateRunButtons();
}

MappingEditor::~MappingEditor() = default;

void MappingEditor::buildSourcePane(QWidget* pane)
{
    m_sourceColumns = new QTreeWidget(pane);
    m_sourceColumns->setObjectName(QStringLiteral("mappingSourceColumns"));
    m_sourceColumns->setAccessibleName(tr("Columns of the file with sample values"));
    m_sourceColumns->setRootIsDecorated(false);
    m_sourceColumns->setHeaderLabels({tr("Column"), tr("Sample values")});
    m_sourceColumns->setToolTip(tr("Enter or double-click adds a rule for the column."));
    connect(m_sourceColumns, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { addRuleFor(item->data(0, Qt::UserRole).toString()); });
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buddyLabel(tr("&Columns of the file:"), m_sourceColumns, pane));
    layout->addWidget(m_sourceColumns);
}

void MappingEditor::buildRulesPane(QWidget* pane)
{
    m_rules = new QTableWidget(0, 5, pane);
    m_rules->setObjectName(QStringLiteral("mappingRules"));
    m_rules->setAccessibleName(tr("Rules, one per target"));
    m_rules->setHorizontalHeaderLabels(
        {tr("Source"), tr("Target"), tr("Transforms"), tr("Policy"), tr("Confidence")});
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setTabKeyNavigation(false);
    m_rules->verticalHeader()->hide();
    m_rules->horizontalHeader()->setStretchLastSection(true);
    m_rules->setToolTip(tr("Del removes the rule; Ctrl+Up and Ctrl+Down move it."));
    m_rules->installEventFilter(this);
    m_addRule = new QPushButton(tr("&Add Rule"), pane);
    m_addRule->setObjectName(QStringLiteral("mappingAddRule"));
    m_removeRule = new QPushButton(tr("R&emove Rule"), pane);
    m_removeRule->setObjectName(QStringLiteral("mappingRemoveRule"));
    m_ruleEditor = new RuleEditor(pane);
    auto* ruleBox = new QGroupBox(tr("Chosen rule"), pane);
    auto* ruleBoxLayout = new QVBoxLayout(ruleBox);
    ruleBoxLayout->addWidget(m_ruleEditor);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addRule);
    buttons->addWidget(m_removeRule);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buddyLabel(tr("&Rules:"), m_rules, pane));
    layout->addWidget(m_rules, 1);
    layout->addLayout(buttons);
    layout->addWidget(ruleBox, 2);

    connect(m_rules, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_filling)
            return;
        m_ruleEditor->setRule(
            row >= 0 && row < m_profile.rules.size() ? &m_profile.rules[row] : nullptr);
        m_removeRule->setEnabled(row >= 0);
    });
    connect(m_addRule, &QPushButton::clicked, this, &MappingEditor::addRule);
    connect(m_removeRule, &QPushButton::clicked, this, &MappingEditor::removeRule);
    connect(m_ruleEditor, &RuleEditor::ruleChanged, this, &MappingEditor::ruleEdited);
}

void MappingEditor::buildWritePolicy(QWidget* pane)
{
    m_mode = new QComboBox(pane);
    m_mode->setObjectName(QStringLiteral("mappingWriteMode"));
    m_mode->setAccessibleName(tr("Write mode"));
    m_mode->addItem(tr("Create new contacts only"), int(WriteMode::Create));
    m_mode->addItem(tr("Create or update (upsert)"), int(WriteMode::Upsert));
    m_mode->addItem(tr("Update existing contacts only"), int(WriteMode::Update));
    m_match = new QComboBox(pane);
    m_match->setObjectName(QStringLiteral("mappingMatchKey"));
    m_match->setAccessibleName(tr("Match existing contacts by"));
    m_match->addItem(tr("Email"), int(MatchKey::By::Email));
    m_match->addItem(tr("Phone"), int(MatchKey::By::Phone));
    m_match->addItem(tr("Custom field"), int(MatchKey::By::CustomField));
    m_match->addItem(tr("Contact id (a ContactDesk export)"), int(MatchKey::By::ContactId));
    m_matchField = new QComboBox(pane);
    m_matchField->setObjectName(QStringLiteral("mappingMatchField"));
    m_matchField->setAccessibleName(tr("Custom field holding the other app's id"));
    m_duplicates = new QComboBox(pane);
    m_duplicates->setObjectName(QStringLiteral("mappingDuplicates"));
    m_duplicates->setAccessibleName(tr("Rows of the file with the same match key"));
    m_duplicates->addItem(tr("Merge them into one contact"), int(DuplicateRows::Merge));
    m_duplicates->addItem(tr("Report and skip the later ones"), int(DuplicateRows::Report));

    auto* layout = new QHBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buddyLabel(tr("&Write:"), m_mode, pane));
    layout->addWidget(m_mode);
    layout->addWidget(buddyLabel(tr("&Match by:"), m_match, pane));
    layout->addWidget(m_match);
    layout->addWidget(m_matchField);
    layout->addWidget(buddyLabel(tr("&Duplicate rows:"), m_duplicates, pane));
    layout->addWidget(m_duplicates);
    layout->addStretch(1);

    connect(m_mode, &QComboBox::activated, this, [this](int index) {
        m_profile.mode = WriteMode(m_mode->itemData(index).toInt());
        scheduleRefresh();
    });
    connect(m_match, &QComboBox::activated, this, [this](int index) {
        m_profile.match.by = MatchKey::By(m_match->itemData(index).toInt());
        if (m_profile.match.by == MatchKey::By::CustomField
            && m_profile.match.customField.isEmpty())
            m_profile.match.customField = m_matchField->currentData().toString();
        fillWritePolicy();
        scheduleRefresh();
    });
    connect(m_matchField, &QComboBox::activated, this, [this](int index) {
        m_profile.match.customField = m_matchField->itemData(index).toString();
        scheduleRefresh();
    });
    connect(m_duplicates, &QComboBox::activated, this, [this](int index) {
        m_profile.duplicates = DuplicateRows(m_duplicates->itemData(index).toInt());
        scheduleRefresh();
    });
}

void MappingEditor::fillWritePolicy()
{
    m_mode->setCurrentIndex(m_mode->findData(int(m_profile.mode)));
    m_match->setCurrentIndex(m_match->findData(int(m_profile.match.by)));
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(m_profile.duplicates)));
    m_matchField->clear();
    for (const Api::CustomFieldDefinition& field : std::as_const(m_lists.customFields)) {
        if (field.model.isEmpty() || field.model == QLatin1StringView("contact"))
            m_matchField->addItem(field.name, field.name);
    }
    const QString chosen = m_profile.match.customField;
    int index = m_matchField->findData(chosen, Qt::UserRole, Qt::MatchFixedString);
    if (index < 0 && !chosen.isEmpty()) {
        m_matchField->addItem(tr("%1 (not in this location)").arg(chosen), chosen);
        index = m_matchField->count() - 1;
    }
    m_matchField->setCurrentIndex(index);
    m_matchField->setVisible(m_profile.match.by == MatchKey::By::CustomField);
}

void MappingEditor::fillSourceColumns()
{
    m_sourceColumns->clear();
    for (const QString& column : std::as_const(m_sample.columns)) {
        QStringList samples;
        for (const Mapping::Record& record : std::as_const(m_sample.records)) {
            const QString value = record.value(column);
            if (!value.isEmpty() && !samples.contains(value))
                samples.append(value);
            if (samples.size() == 3)
                break;
        }
        auto* item
            = new QTreeWidgetItem(m_sourceColumns, {column, samples.join(QStringLiteral("; "))});
        item->setData(0, Qt::UserRole, column);
        item->setToolTip(1, samples.join(u'\n'));
    }
    m_sourceColumns->resizeColumnToContents(0);
}

void MappingEditor::fillTargets()
{
    m_targetList->clear();
    for (const TargetChoice& choice : std::as_const(m_targets)) {
        auto* item = new QListWidgetItem(choiceText(choice), m_targetList);
        item->setData(Qt::UserRole, choice.target.toString());
        item->setToolTip(choice.group);
    }
}

void MappingEditor::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    m_targets = targetChoices(lists);
    m_ruleEditor->setTargets(m_targets);
    fillTargets();
    fillWritePolicy();
    scheduleRefresh();
}

void MappingEditor::setSample(const Mapping::SourceSample& sample)
{
    m_sample = sample;
    m_ruleEditor->setColumns(sample.columns);
    fillSourceColumns();
    scheduleRefresh();
}

void MappingEditor::setProfile(const Mapping::Profile& profile)
{
    m_profile = profile;
    fillWritePolicy();
    fillRules(m_profile.rules.isEmpty() ? -1 : 0);
    scheduleRefresh();
}

void MappingEditor::loadProfile()
{
    const QString path = m_prompts.open ? m_prompts.open(this, tr("Load Mapping Profile"),
                             tr("Mapping profiles (*.json);;All files (*)"))
                                        : QString();
    if (path.isEmpty())
        return;
    QStringList problems;
    const std::optional<Mapping::Profile> loaded = Mapping::Profile::load(path, &problems);
    if (!loaded) {
        setMessage(m_message,
            tr("'%1' is not a profile this editor can use:\n%2")
                .arg(QFileInfo(path).fileName(), problems.join(u'\n')));
        return;
    }
    setMessage(m_message, {});
    setProfile(*loaded);
    Q_EMIT profileChanged();
}

void MappingEditor::saveProfile()
{
    const QString name = m_profile.name.isEmpty() ? tr("mapping") : m_profile.name;
    const QString path = m_prompts.save ? m_prompts.save(this, tr("Save Mapping Profile"),
                             name + QStringLiteral(".json"), tr("Mapping profiles (*.json)"))
                                        : QString();
    if (path.isEmpty())
        return;
    QString error;
    if (!m_profile.save(path, &error)) {
        setMessage(m_message, tr("The profile was not saved: %1").arg(error));
        return;
    }
    setMessage(m_message, {});
}

void MappingEditor::done(int result)
{
    m_settings.setValue(geometryKey, saveGeometry());
    m_settings.setValue(columnsKey, m_columnsSplitter->saveState());
    m_settings.setValue(rowsKey, m_rowsSplitter->saveState());
    QDialog::done(result);
}

bool MappingEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_rules && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            removeRule();
            return true;
        }
        if (key->modifiers() == Qt::ControlModifier
            && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveRule(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ContactDesk::Ui
