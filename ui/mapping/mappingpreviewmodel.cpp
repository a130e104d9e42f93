#include "ui/mapping/mappingpreviewmodel.h"

#include "ui/dialogs/dialogsupport.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QStyle>

namespace ContactDesk::Ui {

using Mapping::Target;

QString targetTitle(const Target& target)
{
    switch (target.kind) {
    case Target::Kind::Ignore:
        return MappingPreviewModel::tr("Ignore");
    case Target::Kind::ContactField:
        return fieldDisplayName(target.name);
    case Target::Kind::CustomField:
        return MappingPreviewModel::tr("%1 (custom field)").arg(target.name);
    case Target::Kind::Tags:
        return MappingPreviewModel::tr("Tags");
    case Target::Kind::Assignee:
        return MappingPreviewModel::tr("Assignee");
    case Target::Kind::ContactId:
        return MappingPreviewModel::tr("Contact id (match only)");
    }
    return target.toString();
}

QString ruleSummary(const Mapping::Rule& rule)
{
    const QString sources = rule.sources.isEmpty() ? MappingPreviewModel::tr("(no source)")
                                                   : rule.sources.join(QStringLiteral(" + "));
    return MappingPreviewModel::tr("%1 → %2").arg(sources, targetTitle(rule.target));
}

MappingPreviewModel::MappingPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void MappingPreviewModel::setPreview(const Mapping::Profile& profile,
    const QList<Mapping::Record>& records, const QList<Mapping::MappedRow>& rows)
{
    beginResetModel();
    m_rules = profile.rules;
    m_records = records.mid(0, maxRows);
    m_rows = rows.mid(0, m_records.size());
    m_rowByNumber.clear();
    for (int row = 0; row < m_records.size(); ++row)
        m_rowByNumber.insert(m_records.at(row).number, row);
    endResetModel();
}

int MappingPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size()) + 1;
}

QString MappingPreviewModel::sourceText(int row, int rule) const
{
    QStringList parts;
    const Mapping::Record& record = m_records.at(row);
    for (const QString& path : m_rules.at(rule).sources)
        parts.append(record.values(path).join(QStringLiteral("; ")));
    return parts.join(QStringLiteral(" + "));
}

QStringList MappingPreviewModel::problemsOf(int row, int rule) const
{
    QStringList reasons;
    for (const Mapping::CellProblem& problem : m_rows.at(row).problems) {
        if (problem.rule == rule)
            reasons.append(problem.reason);
    }
    // The record's own problems (a ragged row) belong to the row as a whole.
    if (rule < 0)
        reasons.append(m_records.at(row).problems);
    reasons.removeDuplicates();
    return reasons;
}

QVariant MappingPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int row = index.row();
    const int rule = index.column() - 1;
    const QStringList problems = problemsOf(row, rule);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        if (rule < 0)
            return QString::number(m_rows.at(row).number);
        const QString source = sourceText(row, rule);
        const QString result = m_rows.at(row).results.value(rule);
        if (source == result || m_rules.at(rule).target.kind == Target::Kind::Ignore)
            return source;
        return tr("%1 → %2").arg(source, result);
    }
    case Qt::ToolTipRole:
        return problems.isEmpty() ? QVariant() : QVariant(problems.join(u'\n'));
    case Qt::DecorationRole:
        return problems.isEmpty()
            ? QVariant()
            : QVariant(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
    case Qt::ForegroundRole:
        if (problems.isEmpty())
            return {};
        return QBrush(QApplication::palette().color(QPalette::Window).lightness() < 128
                ? QColor(0xf9, 0x70, 0x66)
                : QColor(0xb4, 0x23, 0x18));
    case ProblemRole:
        return problems.join(u'\n');
    case SourceRole:
        return rule < 0 ? QVariant() : QVariant(sourceText(row, rule));
    case ResultRole:
        return rule < 0 ? QVariant() : QVariant(m_rows.at(row).results.value(rule));
    default:
        return {};
    }
}

QVariant MappingPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == numberColumn)
        return role == Qt::DisplayRole ? tr("Row") : tr("The record's number in the file");
    if (section - 1 >= m_rules.size())
        return {};
    return ruleSummary(m_rules.at(section - 1));
}

} // namespace ContactDesk::Ui
