// The editor's rule list: filling it from the profile, the chosen rule's edits, adding,
// removing and moving rules.
#include "ui/mapping/mappingeditor.h"

#include "mapping/transforms.h"
#include "ui/mapping/mappingpreviewmodel.h"
#include "ui/mapping/ruleeditor.h"

#include <QComboBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

namespace ContactDesk::Ui {

using Mapping::FieldPolicy;
using Mapping::Rule;

namespace {

enum RuleColumn
{
    SourceColumn,
    TargetColumn,
    TransformsColumn,
    PolicyColumn,
    ConfidenceColumn,
};

QString policyText(FieldPolicy policy)
{
    switch (policy) {
    case FieldPolicy::Overwrite:
        return MappingEditor::tr("Overwrite");
    case FieldPolicy::FillEmpty:
        return MappingEditor::tr("Fill when empty");
    case FieldPolicy::Never:
        return MappingEditor::tr("Never touch");
    }
    return {};
}

QString transformsText(const Rule& rule)
{
    QStringList titles;
    for (const Mapping::Transform& step : rule.transforms) {
        QString title = step.op;
        for (const Mapping::TransformInfo& info : Mapping::transformRegistry()) {
            if (info.op == step.op)
                title = info.title;
        }
        titles.append(title);
    }
    return titles.join(QStringLiteral(", "));
}

} // namespace

int MappingEditor::currentRule() const
{
    const int row = m_rules->currentRow();
    return row >= 0 && row < m_profile.rules.size() ? row : -1;
}

void MappingEditor::selectRule(int rule)
{
    if (rule < 0 || rule >= m_rules->rowCount())
        return;
    m_rules->setCurrentCell(rule, m_rules->currentColumn() < 0 ? 0 : m_rules->currentColumn());
}

void MappingEditor::fillRules(int current)
{
    m_filling = true;
    m_rules->setRowCount(int(m_profile.rules.size()));
    for (int row = 0; row < m_profile.rules.size(); ++row)
        fillRuleRow(row);
    m_rules->resizeColumnToContents(SourceColumn);
    m_rules->clearSelection();
    m_rules->setCurrentCell(-1, -1);
    m_filling = false;
    if (current >= 0 && current < m_profile.rules.size()) {
        m_rules->setCurrentCell(current, 0);
    } else {
        m_ruleEditor->setRule(nullptr);
        m_removeRule->setEnabled(false);
    }
}

void MappingEditor::fillRuleRow(int row)
{
    const Rule& rule = m_profile.rules.at(row);
    const auto set = [this, row](int column, const QString& text) {
        auto* item = m_rules->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_rules->setItem(row, column, item);
        }
        item->setText(text);
        return item;
    };
    set(SourceColumn,
        rule.sources.isEmpty() ? tr("(no source)") : rule.sources.join(QStringLiteral(" + ")));
    set(TargetColumn, targetTitle(rule.target));
    set(TransformsColumn, transformsText(rule));
    set(PolicyColumn, policyText(rule.policy));
    QTableWidgetItem* confidence = set(ConfidenceColumn, confidenceText(rule.confidence));
    confidence->setForeground(confidenceColour(rule.confidence, m_rules));
    confidence->setToolTip(rule.reason);
    confidence->setData(Qt::UserRole, rule.confidence);
}

void MappingEditor::ruleEdited(const Rule& rule)
{
    const int row = currentRule();
    if (row < 0)
        return;
    m_profile.rules[row] = rule;
    fillRuleRow(row);
    scheduleRefresh();
}

void MappingEditor::addRule()
{
    // The first column no rule reads yet, else an empty rule.
    for (const QString& column : std::as_const(m_sample.columns)) {
        bool used = false;
        for (const Rule& rule : std::as_const(m_profile.rules))
            used = used || rule.sources.contains(column);
        if (!used) {
            addRuleFor(column);
            return;
        }
    }
    addRuleFor({});
}

void MappingEditor::addRuleFor(const QString& column)
{
    Rule rule;
    if (!column.isEmpty())
        rule.sources = {column};
    const int at = currentRule() + 1;
    m_profile.rules.insert(at, rule);
    fillRules(at);
    m_ruleEditor->targetCombo()->setFocus(Qt::OtherFocusReason);
    scheduleRefresh();
}

void MappingEditor::removeRule()
{
    const int row = currentRule();
    if (row < 0)
        return;
    m_profile.rules.removeAt(row);
    fillRules(std::min(row, int(m_profile.rules.size()) - 1));
    scheduleRefresh();
}

void MappingEditor::moveRule(int by)
{
    const int row = currentRule();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_profile.rules.size())
        return;
    m_profile.rules.move(row, to);
    fillRules(to);
    scheduleRefresh();
}

void MappingEditor::scheduleRefresh()
{
    m_refresh->start();
    Q_EMIT profileChanged();
}

} // namespace ContactDesk::Ui
