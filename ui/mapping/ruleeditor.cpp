#include "ui/mapping/ruleeditor.h"

#include "mapping/transforms.h"
#include "ui/mapping/transformoptionsform.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Mapping::FieldPolicy;
using Mapping::Rule;
using Mapping::Target;
using Mapping::Transform;

namespace {

const Mapping::TransformInfo* infoOf(const QString& op)
{
    for (const Mapping::TransformInfo& info : Mapping::transformRegistry()) {
        if (info.op == op)
            return &info;
    }
    return nullptr;
}

} // namespace

QString confidenceText(double confidence)
{
    if (confidence < 0)
        return RuleEditor::tr("Set by you");
    const int percent = int(confidence * 100 + 0.5);
    if (confidence >= 0.9)
        return RuleEditor::tr("Sure (%1 %)").arg(percent);
    if (confidence >= 0.6)
        return RuleEditor::tr("Likely (%1 %)").arg(percent);
    return RuleEditor::tr("Guess (%1 %)").arg(percent);
}

QColor confidenceColour(double confidence, const QWidget* on)
{
    const bool dark = on && on->palette().color(QPalette::Window).lightness() < 128;
    if (confidence < 0)
        return on ? on->palette().color(QPalette::WindowText) : QColor(Qt::black);
    if (confidence >= 0.9)
        return dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    if (confidence >= 0.6)
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    return dark ? QColor(0xf9, 0x70, 0x66) : QColor(0xb4, 0x23, 0x18);
}

RuleEditor::RuleEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ruleEditor"));
    m_sources = new QListWidget(this);
    m_sources->setObjectName(QStringLiteral("ruleSources"));
    m_sources->setAccessibleName(tr("Source columns of the rule"));
    m_sources->setMaximumHeight(m_sources->fontMetrics().lineSpacing() * 5 + 12);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("ruleTarget"));
    m_target->setAccessibleName(tr("Target of the rule"));
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("rulePolicy"));
    m_policy->setAccessibleName(tr("What the rule does to a field that has a value"));
    m_policy->addItem(tr("Overwrite"), int(FieldPolicy::Overwrite));
    m_policy->addItem(tr("Fill only when empty"), int(FieldPolicy::FillEmpty));
    m_policy->addItem(tr("Never touch an existing contact"), int(FieldPolicy::Never));
    m_replaceTags = new QCheckBox(tr("Replace the contact's ta&gs instead of adding"), this);
    m_replaceTags->setObjectName(QStringLiteral("ruleReplaceTags"));
    m_confidence = new QLabel(this);
    m_confidence->setObjectName(QStringLiteral("ruleConfidence"));
    m_confidence->setTextFormat(Qt::PlainText);

    m_transforms = new QListWidget(this);
    m_transforms->setObjectName(QStringLiteral("ruleTransforms"));
    m_transforms->setAccessibleName(tr("Transform steps, in order"));
    m_transforms->setToolTip(tr("Del removes the step; Ctrl+Up and Ctrl+Down move it."));
    m_transforms->installEventFilter(this);
    m_addOp = new QComboBox(this);
    m_addOp->setObjectName(QStringLiteral("ruleTransformOp"));
    m_addOp->setAccessibleName(tr("Transform to add"));
    for (const Mapping::TransformInfo& info : Mapping::transformRegistry()) {
        m_addOp->addItem(info.title, info.op);
        m_addOp->setItemData(m_addOp->count() - 1, info.description, Qt::ToolTipRole);
    }
    m_add = new QPushButton(tr("I&nsert Step"), this);
    m_add->setObjectName(QStringLiteral("ruleTransformAdd"));
    m_remove = new QPushButton(tr("Remove Step"), this);
    m_remove->setObjectName(QStringLiteral("ruleTransformRemove"));
    m_up = new QPushButton(tr("Move &Up"), this);
    m_up->setObjectName(QStringLiteral("ruleTransformUp"));
    m_down = new QPushButton(tr("Move Down"), this);
    m_down->setObjectName(QStringLiteral("ruleTransformDown"));
    m_options = new TransformOptionsForm(this);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_addOp, 1);
    addRow->addWidget(m_add);
    auto* stepButtons = new QVBoxLayout;
    stepButtons->addWidget(m_remove);
    stepButtons->addWidget(m_up);
    stepButtons->addWidget(m_down);
    stepButtons->addStretch(1);
    auto* steps = new QHBoxLayout;
    steps->addWidget(m_transforms, 1);
    steps->addLayout(stepButtons);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto labelled = [this, form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    labelled(tr("&Sources:"), m_sources);
    labelled(tr("&Target:"), m_target);
    labelled(tr("Field p&olicy:"), m_policy);
    form->addRow(QString(), m_replaceTags);
    form->addRow(tr("Confidence:"), m_confidence);
    auto* stepsLabel = new QLabel(tr("Trans&forms:"), this);
    stepsLabel->setBuddy(m_transforms);
    form->addRow(stepsLabel, steps);
    form->addRow(QString(), addRow);
    auto* optionsLabel = new QLabel(tr("Step options:"), this);
    form->addRow(optionsLabel, m_options);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);

    setTabOrder(m_sources, m_target);
    setTabOrder(m_target, m_policy);
    setTabOrder(m_policy, m_replaceTags);
    setTabOrder(m_replaceTags, m_transforms);
    setTabOrder(m_transforms, m_remove);
    setTabOrder(m_remove, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_addOp);
    setTabOrder(m_addOp, m_add);
    setTabOrder(m_add, m_options);

    connect(m_sources, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling)
            return;
        const QString path = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked && !m_rule.sources.contains(path))
            m_rule.sources.append(path);
        else if (item->checkState() != Qt::Checked)
            m_rule.sources.removeAll(path);
        emitChanged();
    });
    connect(m_target, &QComboBox::activated, this, [this](int index) {
        const std::optional<Target> target
            = Target::fromString(m_target->itemData(index).toString());
        if (target)
            setTarget(*target);
    });
    connect(m_policy, &QComboBox::activated, this, [this](int index) {
        m_rule.policy = FieldPolicy(m_policy->itemData(index).toInt());
        emitChanged();
    });
    connect(m_replaceTags, &QCheckBox::toggled, this, [this](bool on) {
        if (m_filling)
            return;
        m_rule.replaceTags = on;
        emitChanged();
    });
    connect(m_transforms, &QListWidget::currentRowChanged, this, [this] {
        showCurrentTransform();
        updateButtons();
    });
    connect(m_add, &QPushButton::clicked, this,
        [this] { addTransform(m_addOp->currentData().toString()); });
    connect(m_remove, &QPushButton::clicked, this, &RuleEditor::removeTransform);
    connect(m_up, &QPushButton::clicked, this, [this] { moveTransform(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveTransform(1); });
    connect(
        m_options, &TransformOptionsForm::optionsChanged, this, [this](const QJsonObject& options) {
            const int current = m_transforms->currentRow();
            if (current < 0 || current >= m_rule.transforms.size())
                return;
            m_rule.transforms[current].options = options;
            fillTransforms(current);
            m_options->setProblem(
                Mapping::checkTransform(m_rule.transforms.at(current), m_rule.sources));
            emitChanged();
        });
    setRule(nullptr);
}

void RuleEditor::setColumns(const QStringList& columns)
{
    m_columns = columns;
    fillSources();
}

void RuleEditor::setTargets(const QList<TargetChoice>& targets)
{
    m_targets = targets;
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (const TargetChoice& choice : targets)
        m_target->addItem(choiceText(choice), choice.target.toString());
    if (m_hasRule)
        m_target->setCurrentIndex(targetIndex(m_rule.target));
}

int RuleEditor::targetIndex(const Target& target) const
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).target == target)
            return i;
    }
    // A custom field named by its key, or one the location no longer has, is still shown.
    for (int i = 0; i < m_targets.size(); ++i) {
        if (target.kind == Target::Kind::CustomField
            && m_targets.at(i).target.kind == Target::Kind::CustomField
            && m_targets.at(i).target.name.compare(target.name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void RuleEditor::setRule(const Rule* rule)
{
    m_filling = true;
    m_hasRule = rule != nullptr;
    m_rule = rule ? *rule : Rule();
    fillSources();
    setTargets(m_targets);
    int index = targetIndex(m_rule.target);
    if (index < 0 && m_hasRule) {
        const QSignalBlocker block(m_target);
        m_target->addItem(
            tr("%1 (not in this location)").arg(m_rule.target.name), m_rule.target.toString());
        index = m_target->count() - 1;
    }
    m_target->setCurrentIndex(index);
    m_policy->setCurrentIndex(m_policy->findData(int(m_rule.policy)));
    m_replaceTags->setChecked(m_rule.replaceTags);
    m_replaceTags->setVisible(m_rule.target.kind == Target::Kind::Tags);
    m_confidence->setText(m_hasRule ? confidenceText(m_rule.confidence) : QString());
    m_confidence->setToolTip(m_rule.reason);
    QPalette palette = m_confidence->palette();
    palette.setColor(QPalette::WindowText, confidenceColour(m_rule.confidence, this));
    m_confidence->setPalette(palette);
    fillTransforms(m_rule.transforms.isEmpty() ? -1 : 0);
    setEnabled(m_hasRule);
    m_filling = false;
    showCurrentTransform();
    updateButtons();
}

void RuleEditor::fillSources()
{
    const bool filling = std::exchange(m_filling, true);
    m_sources->clear();
    QStringList paths = m_columns;
    for (const QString& source : std::as_const(m_rule.sources)) {
        if (!paths.contains(source))
            paths.append(source);
    }
    for (const QString& path : std::as_const(paths)) {
        auto* item = new QListWidgetItem(
            m_columns.contains(path) ? path : tr("%1 (not in the file)").arg(path), m_sources);
        item->setData(Qt::UserRole, path);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(m_rule.sources.contains(path) ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = filling;
}

void RuleEditor::fillTransforms(int current)
{
    const QSignalBlocker block(m_transforms);
    m_transforms->clear();
    for (const Transform& step : std::as_const(m_rule.transforms)) {
        const Mapping::TransformInfo* info = infoOf(step.op);
        auto* item = new QListWidgetItem(info ? info->title : step.op, m_transforms);
        const QString problem = Mapping::checkTransform(step, m_rule.sources);
        if (!problem.isEmpty()) {
            item->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setToolTip(problem);
        } else if (info) {
            item->setToolTip(info->description);
        }
    }
    m_transforms->setCurrentRow(current);
}

void RuleEditor::showCurrentTransform()
{
    const int current = m_transforms->currentRow();
    if (current < 0 || current >= m_rule.transforms.size()) {
        m_options->setTransform(nullptr, {});
        m_options->setProblem({});
        return;
    }
    const Transform& step = m_rule.transforms.at(current);
    m_options->setTransform(infoOf(step.op), step.options);
    m_options->setProblem(Mapping::checkTransform(step, m_rule.sources));
}

void RuleEditor::updateButtons()
{
    const int current = m_transforms->currentRow();
    const bool has = current >= 0 && current < m_rule.transforms.size();
    m_remove->setEnabled(has);
    m_up->setEnabled(has && current > 0);
    m_down->setEnabled(has && current + 1 < m_rule.transforms.size());
    m_add->setEnabled(m_hasRule && m_addOp->count() > 0);
}

void RuleEditor::setTarget(const Target& target)
{
    if (!m_hasRule)
        return;
    m_rule.target = target;
    // The user chose: the suggestion's confidence no longer applies.
    m_rule.confidence = -1;
    m_rule.reason.clear();
    m_filling = true;
    m_target->setCurrentIndex(targetIndex(target));
    m_replaceTags->setVisible(target.kind == Target::Kind::Tags);
    m_confidence->setText(confidenceText(-1));
    m_confidence->setToolTip({});
    m_confidence->setPalette(palette());
    m_filling = false;
    emitChanged();
}

void RuleEditor::addTransform(const QString& op)
{
    if (!m_hasRule || !infoOf(op))
        return;
    const int at = m_transforms->currentRow() + 1;
    m_rule.transforms.insert(at, Transform {op, {}});
    fillTransforms(at);
    showCurrentTransform();
    updateButtons();
    emitChanged();
}

void RuleEditor::removeTransform()
{
    const int current = m_transforms->currentRow();
    if (current < 0 || current >= m_rule.transforms.size())
        return;
    m_rule.transforms.removeAt(current);
    fillTransforms(std::min(current, int(m_rule.transforms.size()) - 1));
    showCurrentTransform();
    updateButtons();
    emitChanged();
}

void RuleEditor::moveTransform(int by)
{
    const int current = m_transforms->currentRow();
    const int to = current + by;
    if (current < 0 || to < 0 || to >= m_rule.transforms.size())
        return;
    m_rule.transforms.move(current, to);
    fillTransforms(to);
    showCurrentTransform();
    updateButtons();
    emitChanged();
}

bool RuleEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_transforms && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            removeTransform();
            return true;
        }
        if (key->modifiers() == Qt::ControlModifier
            && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveTransform(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RuleEditor::emitChanged()
{
    if (!m_filling && m_hasRule)
        Q_EMIT ruleChanged(m_rule);
}

} // namespace ContactDesk::Ui
