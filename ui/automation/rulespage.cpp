#include "ui/automation/rulespage.h"

#include "automation/appevent.h"
#include "mapping/jsonsource.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/ruleform.h"
#include "ui/automation/sampleevents.h"
#include "ui/dialogs/dialogsupport.h"
#include "ui/mapping/mappingeditor.h"
#include "ui/mapping/targetchoices.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Automation::AutomationRule;

namespace {

constexpr qint64 hourMs = 3600LL * 1000;

// One record per event type, as the rule set's profile reads an event: {"type", "data"}.
Mapping::SourceSample sampleEvents()
{
    Mapping::SourceSample sample;
    sample.options.kind = Mapping::SourceKind::Ndjson;
    qint64 number = 0;
    const QStringList types = Automation::appEventTypes();
    for (const QString& type : types) {
        Mapping::Record record;
        record.number = ++number;
        record.line = number;
        Mapping::flattenJson(QJsonObject {{QStringLiteral("type"), type},
                                 {QStringLiteral("data"), sampleEventData(type)}},
            QString(), &record.fields);
        const QStringList paths = record.paths();
        for (const QString& path : paths) {
            if (!sample.columns.contains(path))
                sample.columns.append(path);
        }
        sample.records.append(record);
    }
    return sample;
}

} // namespace

RulesPage::RulesPage(AutomationController& automation, QSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_automation(automation)
    , m_settings(settings)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("automationRuleList"));
    m_list->setAccessibleName(tr("Rules"));
    auto* add = new QPushButton(tr("&Add Rule"), this);
    add->setObjectName(QStringLiteral("automationAddRule"));
    m_remove = new QPushButton(tr("Re&move Rule"), this);
    m_remove->setObjectName(QStringLiteral("automationRemoveRule"));
    m_up = new QPushButton(tr("Up"), this);
    m_up->setObjectName(QStringLiteral("automationRuleUp"));
    m_down = new QPushButton(tr("Down"), this);
    m_down->setObjectName(QStringLiteral("automationRuleDown"));
    m_form = new RuleForm(this);
    m_form->setObjectName(QStringLiteral("automationRuleForm"));

    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* listLabel = new QLabel(tr("R&ules (checked ones run):"), listPane);
    listLabel->setBuddy(m_list);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    for (QPushButton* button : {add, m_remove, m_up, m_down})
        listButtons->addWidget(button);
    listLayout->addLayout(listButtons);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_form);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    m_linkField = new QComboBox(this);
    m_linkField->setObjectName(QStringLiteral("automationLinkField"));
    m_waitHours = new QSpinBox(this);
    m_waitHours->setObjectName(QStringLiteral("automationWaitHours"));
    m_waitHours->setRange(1, 24 * 30);
    m_waitHours->setSuffix(tr(" hours"));
    auto* profile = new QPushButton(tr("Edit &Mapping Profile…"), this);
    profile->setObjectName(QStringLiteral("automationEditProfile"));
    profile->setToolTip(tr("How an event's data becomes contact fields."));
    auto* importButton = new QPushButton(tr("&Import Rules…"), this);
    importButton->setObjectName(QStringLiteral("automationImportRules"));
    auto* exportButton = new QPushButton(tr("&Export Rules…"), this);
    exportButton->setObjectName(QStringLiteral("automationExportRules"));
    auto* defaults = new QPushButton(tr("Restore &Defaults"), this);
    defaults->setObjectName(QStringLiteral("automationRestoreDefaults"));

    auto* settingsForm = new QFormLayout;
    settingsForm->addRow(tr("Also keep Your App's user id in the custom &field:"), m_linkField);
    settingsForm->addRow(tr("A task or note for an unknown user &waits up to:"), m_waitHours);
    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(profile);
    fileButtons->addStretch(1);
    fileButtons->addWidget(importButton);
    fileButtons->addWidget(exportButton);
    fileButtons->addWidget(defaults);

    m_defaultsNote = new QLabel(this);
    m_defaultsNote->setObjectName(QStringLiteral("automationDefaultsNote"));
    m_defaultsNote->setWordWrap(true);
    m_message = makeMessageLabel(this, QStringLiteral("automationRulesMessage"), tr("Rules"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_defaultsNote);
    layout->addWidget(splitter, 1);
    layout->addLayout(settingsForm);
    layout->addLayout(fileButtons);
    layout->addWidget(m_message);

    connect(m_list, &QListWidget::currentRowChanged, this, &RulesPage::showCurrent);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_filling)
            setRuleEnabled(m_list->row(item), item->checkState() == Qt::Checked);
    });
    connect(m_form, &RuleForm::ruleChanged, this, [this](const AutomationRule& rule) {
        const int row = m_list->currentRow();
        if (row < 0 || row >= m_rules.rules.size())
            return;
        AutomationRule changed = rule;
        changed.enabled = m_rules.rules.at(row).enabled;
        m_rules.rules[row] = changed;
        const bool filling = std::exchange(m_filling, true);
        m_list->item(row)->setText(itemText(changed));
        m_filling = filling;
        apply();
    });
    // Del removes the current rule, as in the mapping editor's rule list.
    m_list->installEventFilter(this);
    connect(add, &QPushButton::clicked, this, &RulesPage::addRule);
    connect(m_remove, &QPushButton::clicked, this, &RulesPage::removeRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(profile, &QPushButton::clicked, this, &RulesPage::editProfile);
    connect(importButton, &QPushButton::clicked, this, &RulesPage::importRules);
    connect(exportButton, &QPushButton::clicked, this, &RulesPage::exportRules);
    connect(defaults, &QPushButton::clicked, this, &RulesPage::restoreDefaults);
    connect(m_linkField, &QComboBox::activated, this, [this] {
        m_rules.linkField = m_linkField->currentData().toString();
        apply();
    });
    connect(m_waitHours, &QSpinBox::valueChanged, this, [this](int hours) {
        if (m_filling)
            return;
        m_rules.waitTimeoutMs = hours * hourMs;
        apply();
    });
    connect(&m_automation, &AutomationController::rulesChanged, this, [this] {
        if (!m_filling)
            reload();
    });
    reload();
}

RulesPage::~RulesPage() = default;

MappingEditor* RulesPage::profileEditor() const
{
    return m_profileEditor;
}

bool RulesPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            removeRule();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RulesPage::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    m_form->setLocationLists(lists);
    fillLinkFields();
    if (m_profileEditor)
        m_profileEditor->setLocationLists(lists);
}

void RulesPage::reload()
{
    m_rules = m_automation.rules();
    const int current = m_list->currentRow();
    fillList(current >= 0 && current < m_rules.rules.size() ? current : 0);
    fillLinkFields();
    const bool filling = std::exchange(m_filling, true);
    m_waitHours->setValue(int(std::max<qint64>(1, m_rules.waitTimeoutMs / hourMs)));
    m_filling = filling;
    m_defaultsNote->setText(m_automation.usingDefaultRules()
            ? (m_automation.isSandbox()
                    ? tr("These are the default rules; on the built-in sandbox they run.")
                    : tr("These are the default rules, all switched off: check the ones "
                         "that should run."))
            : tr("Your rules are saved in %1.").arg(m_automation.rulesPath()));
}

QString RulesPage::itemText(const AutomationRule& rule) const
{
    return tr("%1 (%2)").arg(rule.name.isEmpty() ? tr("Unnamed rule") : rule.name, rule.eventType);
}

void RulesPage::fillList(int current)
{
    const bool filling = std::exchange(m_filling, true);
    m_list->clear();
    for (const AutomationRule& rule : std::as_const(m_rules.rules)) {
        auto* item = new QListWidgetItem(itemText(rule), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = filling;
    m_list->setCurrentRow(
        m_rules.rules.isEmpty() ? -1 : std::min(current, int(m_rules.rules.size()) - 1));
    showCurrent();
}

void RulesPage::fillLinkFields()
{
    const bool filling = std::exchange(m_filling, true);
    m_linkField->clear();
    m_linkField->addItem(tr("None (the link lives in this cache only)"), QString());
    const QList<TargetChoice> choices = targetChoices(m_lists);
    for (const TargetChoice& choice : choices) {
        if (choice.target.kind == Mapping::Target::Kind::CustomField)
            m_linkField->addItem(choiceText(choice), choice.target.name);
    }
    int index = m_linkField->findData(m_rules.linkField);
    if (index < 0 && !m_rules.linkField.isEmpty()) {
        // A field this location does not list (yet): keep it, said as it is.
        m_linkField->addItem(
            tr("%1 (not in this location)").arg(m_rules.linkField), m_rules.linkField);
        index = m_linkField->count() - 1;
    }
    m_linkField->setCurrentIndex(std::max(0, index));
    m_filling = filling;
}

void RulesPage::showCurrent()
{
    if (m_filling)
        return;
    const int row = m_list->currentRow();
    const bool valid = row >= 0 && row < m_rules.rules.size();
    m_form->setRule(valid ? &m_rules.rules.at(row) : nullptr);
    m_remove->setEnabled(valid);
    m_up->setEnabled(valid && row > 0);
    m_down->setEnabled(valid && row + 1 < m_rules.rules.size());
}

void RulesPage::apply()
{
    QString error;
    const bool filling = std::exchange(m_filling, true);
    const bool saved = m_automation.setRules(m_rules, &error);
    m_filling = filling;
    setMessage(m_message, saved ? QString() : tr("The rules were not saved: %1").arg(error));
    if (saved)
        m_defaultsNote->setText(tr("Your rules are saved in %1.").arg(m_automation.rulesPath()));
}

void RulesPage::setRuleEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_rules.rules.size() || m_rules.rules.at(row).enabled == enabled)
        return;
    m_rules.rules[row].enabled = enabled;
    const bool filling = std::exchange(m_filling, true);
    m_list->item(row)->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
    m_filling = filling;
    apply();
}

void RulesPage::addRule()
{
    AutomationRule rule;
    rule.name = tr("New rule");
    rule.eventType = QStringLiteral("note.created");
    Automation::Action note;
    note.kind = Automation::Action::Kind::AddNote;
    note.body = QStringLiteral("{{data.body}}");
    rule.actions.append(note);
    const int row = m_list->currentRow() + 1;
    m_rules.rules.insert(row, rule);
    fillList(row);
    apply();
    m_form->nameEdit()->setFocus(Qt::OtherFocusReason);
    m_form->nameEdit()->selectAll();
}

void RulesPage::removeRule()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.rules.size())
        return;
    m_rules.rules.removeAt(row);
    fillList(std::max(0, row - 1));
    apply();
}

void RulesPage::moveRule(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rules.rules.size())
        return;
    m_rules.rules.move(row, to);
    fillList(to);
    apply();
}

void RulesPage::importRules()
{
    const QString path
        = m_prompts.open(this, tr("Import Rules"), tr("Automation rules (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QStringList problems;
    const std::optional<Automation::RuleSet> rules = Automation::RuleSet::load(path, &problems);
    if (!rules) {
        setMessage(m_message,
            tr("The rules were not imported: %1").arg(problems.join(QStringLiteral("; "))));
        return;
    }
    m_rules = *rules;
    fillList(0);
    fillLinkFields();
    apply();
}

void RulesPage::exportRules()
{
    const QString path = m_prompts.save(this, tr("Export Rules"),
        QStringLiteral("automation-rules.json"), tr("Automation rules (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_rules.save(path, &error)) {
        setMessage(m_message, tr("The rules were not exported: %1").arg(error));
        return;
    }
    setMessage(m_message, {});
}

void RulesPage::restoreDefaults()
{
    m_rules = m_automation.defaultRules();
    fillList(0);
    fillLinkFields();
    apply();
}

void RulesPage::editProfile()
{
    if (m_profileEditor) {
        m_profileEditor->raise();
        m_profileEditor->activateWindow();
        return;
    }
    auto* editor = new MappingEditor(m_settings, this);
    editor->setObjectName(QStringLiteral("automationProfileEditor"));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowTitle(tr("Mapping of Your App's events"));
    editor->setFilePrompts(m_prompts);
    editor->setLocationLists(m_lists);
    editor->setSample(sampleEvents());
    editor->setProfile(m_rules.profile);
    // Events are applied by the rules, never imported from here.
    editor->setRunEnabled(false);
    connect(editor, &MappingEditor::profileChanged, this, [this, editor] {
        if (editor->profile() == m_rules.profile)
            return;
        m_rules.profile = editor->profile();
        apply();
    });
    m_profileEditor = editor;
    editor->open();
}

} // namespace ContactDesk::Ui
