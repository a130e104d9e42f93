#include "ui/automation/ruleform.h"

#include "automation/appevent.h"
#include "ui/automation/actionform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Automation::Action;
using Automation::Condition;

namespace {

enum ConditionColumn
{
    PathColumn,
    OpColumn,
    ValueColumn,
};

const QList<Condition::Op> allOps {Condition::Op::Equals, Condition::Op::NotEquals,
    Condition::Op::Exists, Condition::Op::Missing, Condition::Op::Contains};

} // namespace

QString RuleForm::opText(Condition::Op op)
{
    switch (op) {
    case Condition::Op::Equals:
        return tr("equals");
    case Condition::Op::NotEquals:
        return tr("does not equal");
    case Condition::Op::Exists:
        return tr("is present");
    case Condition::Op::Missing:
        return tr("is missing");
    case Condition::Op::Contains:
        return tr("contains");
    }
    return {};
}

QJsonValue RuleForm::valueFromText(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    if (document.isArray() && document.array().size() == 1) {
        const QJsonValue value = document.array().at(0);
        if (!value.isArray() && !value.isObject())
            return value;
    }
    return text;
}

QString RuleForm::valueText(const QJsonValue& value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Text that would read back as another JSON type keeps its quotes.
        return valueFromText(text).isString()
            ? text
            : QString::fromUtf8(
                QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
    if (value.isUndefined() || value.isNull())
        return value.isNull() ? QStringLiteral("null") : QString();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

RuleForm::RuleForm(QWidget* parent)
    : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("ruleEventType"));
    const QStringList types = Automation::appEventTypes();
    for (const QString& type : types)
        m_type->addItem(type, type);

    m_conditions = new QTableWidget(0, 3, this);
    m_conditions->setObjectName(QStringLiteral("ruleConditions"));
    m_conditions->setHorizontalHeaderLabels({tr("Payload field"), tr("Test"), tr("Value")});
    m_conditions->horizontalHeader()->setStretchLastSection(true);
    m_conditions->verticalHeader()->hide();
    m_conditions->setMaximumHeight(130);
    m_addCondition = new QPushButton(tr("Add &Condition"), this);
    m_addCondition->setObjectName(QStringLiteral("ruleAddCondition"));
    m_removeCondition = new QPushButton(tr("Remove Co&ndition"), this);
    m_removeCondition->setObjectName(QStringLiteral("ruleRemoveCondition"));

    m_actions = new QListWidget(this);
    m_actions->setObjectName(QStringLiteral("ruleActions"));
    m_actions->setMaximumHeight(120);
    m_addAction = new QPushButton(tr("Add A&ction"), this);
    m_addAction->setObjectName(QStringLiteral("ruleAddAction"));
    m_removeAction = new QPushButton(tr("&Remove Action"), this);
    m_removeAction->setObjectName(QStringLiteral("ruleRemoveAction"));
    m_actionUp = new QPushButton(tr("Move &Up"), this);
    m_actionUp->setObjectName(QStringLiteral("ruleActionUp"));
    m_actionDown = new QPushButton(tr("Move Do&wn"), this);
    m_actionDown->setObjectName(QStringLiteral("ruleActionDown"));
    m_actionForm = new ActionForm(this);

    auto* trigger = new QGroupBox(tr("Trigger"), this);
    auto* triggerForm = new QFormLayout(trigger);
    triggerForm->addRow(tr("&Name:"), m_name);
    triggerForm->addRow(tr("When Your App sends:"), m_type);
    triggerForm->addRow(tr("and every condition holds:"), m_conditions);
    auto* conditionButtons = new QHBoxLayout;
    conditionButtons->addWidget(m_addCondition);
    conditionButtons->addWidget(m_removeCondition);
    conditionButtons->addStretch(1);
    triggerForm->addRow(QString(), conditionButtons);

    auto* actions = new QGroupBox(tr("Actions, in order"), this);
    auto* actionsLayout = new QVBoxLayout(actions);
    actionsLayout->addWidget(m_actions);
    auto* actionButtons = new QHBoxLayout;
    for (QPushButton* button : {m_addAction, m_removeAction, m_actionUp, m_actionDown})
        actionButtons->addWidget(button);
    actionButtons->addStretch(1);
    actionsLayout->addLayout(actionButtons);
    actionsLayout->addWidget(m_actionForm);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(trigger);
    layout->addWidget(actions, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_rule.name = text;
        emitChanged();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_rule.eventType = m_type->currentData().toString();
        emitChanged();
    });
    connect(m_conditions, &QTableWidget::itemChanged, this, &RuleForm::readConditions);
    connect(m_addCondition, &QPushButton::clicked, this, &RuleForm::addCondition);
    connect(m_removeCondition, &QPushButton::clicked, this, &RuleForm::removeCondition);
    connect(m_addAction, &QPushButton::clicked, this, &RuleForm::addAction);
    connect(m_removeAction, &QPushButton::clicked, this, &RuleForm::removeAction);
    connect(m_actionUp, &QPushButton::clicked, this, [this] { moveAction(-1); });
    connect(m_actionDown, &QPushButton::clicked, this, [this] { moveAction(1); });
    connect(m_actions, &QListWidget::currentRowChanged, this, &RuleForm::showCurrentAction);
    connect(m_actionForm, &ActionForm::actionChanged, this, [this](const Action& action) {
        const int row = m_actions->currentRow();
        if (row < 0 || row >= m_rule.actions.size())
            return;
        m_rule.actions[row] = action;
        m_actions->item(row)->setText(ActionForm::kindText(action.kind));
        emitChanged();
    });
    setRule(nullptr);
}

void RuleForm::setLocationLists(const Api::LocationLists& lists)
{
    m_actionForm->setLocationLists(lists);
}

void RuleForm::setRule(const Automation::AutomationRule* rule)
{
    const bool filling = std::exchange(m_filling, true);
    m_rule = rule ? *rule : Automation::AutomationRule {};
    setEnabled(rule != nullptr);
    m_name->setText(m_rule.name);
    m_type->setCurrentIndex(std::max(0, m_type->findData(m_rule.eventType)));
    fillConditions();
    fillActions(m_rule.actions.isEmpty() ? -1 : 0);
    m_filling = filling;
}

void RuleForm::fillConditions()
{
    const bool filling = std::exchange(m_filling, true);
    m_conditions->setRowCount(0);
    for (const Condition& condition : std::as_const(m_rule.conditions)) {
        const int row = m_conditions->rowCount();
        m_conditions->insertRow(row);
        m_conditions->setItem(row, PathColumn, new QTableWidgetItem(condition.path));
        auto* op = new QComboBox(m_conditions);
        for (Condition::Op each : allOps)
            op->addItem(opText(each), int(each));
        op->setCurrentIndex(op->findData(int(condition.op)));
        connect(op, &QComboBox::currentIndexChanged, this, &RuleForm::readConditions);
        m_conditions->setCellWidget(row, OpColumn, op);
        m_conditions->setItem(row, ValueColumn, new QTableWidgetItem(valueText(condition.value)));
    }
    m_removeCondition->setEnabled(!m_rule.conditions.isEmpty());
    m_filling = filling;
}

void RuleForm::readConditions()
{
    if (m_filling)
        return;
    QList<Condition> conditions;
    for (int row = 0; row < m_conditions->rowCount(); ++row) {
        Condition condition;
        const QTableWidgetItem* path = m_conditions->item(row, PathColumn);
        const QTableWidgetItem* value = m_conditions->item(row, ValueColumn);
        const auto* op = qobject_cast<QComboBox*>(m_conditions->cellWidget(row, OpColumn));
        condition.path = path ? path->text().trimmed() : QString();
        condition.op = op ? Condition::Op(op->currentData().toInt()) : Condition::Op::Equals;
        if (condition.op != Condition::Op::Exists && condition.op != Condition::Op::Missing)
            condition.value = valueFromText(value ? value->text() : QString());
        conditions.append(condition);
    }
    if (conditions == m_rule.conditions)
        return;
    m_rule.conditions = conditions;
    emitChanged();
}

void RuleForm::addCondition()
{
    Condition condition;
    condition.path = QStringLiteral("data.");
    m_rule.conditions.append(condition);
    fillConditions();
    m_conditions->setCurrentCell(m_conditions->rowCount() - 1, PathColumn);
    m_conditions->editItem(m_conditions->item(m_conditions->rowCount() - 1, PathColumn));
    emitChanged();
}

void RuleForm::removeCondition()
{
    const int row = m_conditions->currentRow();
    if (row < 0 || row >= m_rule.conditions.size())
        return;
    m_rule.conditions.removeAt(row);
    fillConditions();
    emitChanged();
}

void RuleForm::fillActions(int current)
{
    const bool filling = std::exchange(m_filling, true);
    m_actions->clear();
    for (const Action& action : std::as_const(m_rule.actions))
        m_actions->addItem(ActionForm::kindText(action.kind));
    m_filling = filling;
    m_actions->setCurrentRow(current);
    showCurrentAction();
}

void RuleForm::showCurrentAction()
{
    const int row = m_actions->currentRow();
    const bool valid = row >= 0 && row < m_rule.actions.size();
    m_actionForm->setAction(valid ? &m_rule.actions.at(row) : nullptr);
    m_removeAction->setEnabled(valid);
    m_actionUp->setEnabled(valid && row > 0);
    m_actionDown->setEnabled(valid && row + 1 < m_rule.actions.size());
}

void RuleForm::addAction()
{
    Action action;
    action.kind = Action::Kind::AddNote;
    action.body = QStringLiteral("{{data.body}}");
    const int row = m_actions->currentRow() + 1;
    m_rule.actions.insert(row, action);
    fillActions(row);
    m_actionForm->kindCombo()->setFocus(Qt::OtherFocusReason);
    emitChanged();
}

void RuleForm::removeAction()
{
    const int row = m_actions->currentRow();
    if (row < 0 || row >= m_rule.actions.size())
        return;
    m_rule.actions.removeAt(row);
    fillActions(std::min(row, int(m_rule.actions.size()) - 1));
    emitChanged();
}

void RuleForm::moveAction(int by)
{
    const int row = m_actions->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_rule.actions.size())
        return;
    m_rule.actions.move(row, to);
    fillActions(to);
    emitChanged();
}

void RuleForm::emitChanged()
{
    if (!m_filling && isEnabled())
        Q_EMIT ruleChanged(m_rule);
}

} // namespace ContactDesk::Ui
