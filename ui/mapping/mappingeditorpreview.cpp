// The editor's live preview: mapping the sampled records, the problems list that jumps to its
// cell, and the drift notice that stops an import.
#include "ui/mapping/mappingeditor.h"

#include "ui/dialogs/dialogsupport.h"
#include "ui/mapping/mappingpreviewmodel.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>

#include <set>

namespace ContactDesk::Ui {

namespace {

enum ProblemData
{
    RecordRole = Qt::UserRole,
    RuleRole,
};

} // namespace

void MappingEditor::refreshPreview()
{
    m_refresh->stop();
    const QModelIndex current = m_previewView->currentIndex();
    const Mapping::RowMapper mapper(m_profile, m_lists);
    m_drift = mapper.drift(m_sample.columns);
    QList<Mapping::Record> records = m_sample.records.mid(0, MappingPreviewModel::maxRows);
    QList<Mapping::MappedRow> rows;
    rows.reserve(records.size());
    for (const Mapping::Record& record : std::as_const(records))
        rows.append(mapper.map(record));
    m_preview->setPreview(m_profile, records, rows);
    if (current.isValid()) {
        const QModelIndex again = m_preview->index(current.row(), current.column());
        if (again.isValid())
            m_previewView->setCurrentIndex(again);
    }
    fillProblems();
    showDrift();
    updateRunButtons();
}

void MappingEditor::fillProblems()
{
    m_problems->clear();
    const QIcon warning = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        const Mapping::MappedRow& mapped = m_preview->mappedRow(row);
        QList<Mapping::CellProblem> problems = mapped.problems;
        const QModelIndex number = m_preview->index(row, MappingPreviewModel::numberColumn);
        // A record wrong as read (ragged) has no CellProblem of its own in every build.
        const QStringList recordProblems = m_preview->data(number, MappingPreviewModel::ProblemRole)
                                               .toString()
                                               .split(u'\n', Qt::SkipEmptyParts);
        for (const QString& reason : recordProblems) {
            bool known = false;
            for (const Mapping::CellProblem& problem : std::as_const(problems))
                known = known || (problem.rule < 0 && problem.reason == reason);
            if (!known)
                problems.append({mapped.number, -1, {}, {}, reason});
        }
        for (const Mapping::CellProblem& problem : std::as_const(problems)) {
            QString text;
            if (problem.rule < 0) {
                text = tr("Row %1: %2").arg(problem.row).arg(problem.reason);
            } else {
                const QString column = problem.column.isEmpty()
                    ? targetTitle(m_profile.rules.value(problem.rule).target)
                    : problem.column;
                text = problem.value.isEmpty()
                    ? tr("Row %1, %2: %3").arg(problem.row).arg(column, problem.reason)
                    : tr("Row %1, %2, '%3': %4")
                          .arg(problem.row)
                          .arg(column, problem.value, problem.reason);
            }
            auto* item = new QListWidgetItem(warning, text, m_problems);
            item->setData(RecordRole, problem.row);
            item->setData(RuleRole, problem.rule);
            item->setToolTip(text);
        }
    }
    const int count = m_problems->count();
    m_problemsTitle->setText(
        count == 0 ? tr("Pro&blems: none in the preview") : tr("Pro&blems (%1):").arg(count));
}

void MappingEditor::showDrift()
{
    if (m_drift.isEmpty()) {
        setMessage(m_driftNotice, {});
        return;
    }
    QStringList lines {tr("This profile names things that are missing, so it cannot import:")};
    const QStringList messages = m_drift.messages();
    for (const QString& message : messages)
        lines.append(QStringLiteral("• ") + message);
    setMessage(m_driftNotice, lines.join(u'\n'));
}

void MappingEditor::jumpToProblem(int problemRow)
{
    const QListWidgetItem* item = m_problems->item(problemRow);
    if (!item)
        return;
    const int row = m_preview->rowOfRecord(item->data(RecordRole).toLongLong());
    const int rule = item->data(RuleRole).toInt();
    if (row < 0)
        return;
    if (rule >= 0)
        selectRule(rule);
    const QModelIndex cell = m_preview->index(row,
        rule >= 0 ? MappingPreviewModel::columnOfRule(rule) : MappingPreviewModel::numberColumn);
    m_previewView->setCurrentIndex(cell);
    m_previewView->scrollTo(cell);
    m_previewView->setFocus(Qt::OtherFocusReason);
}

QList<qint64> MappingEditor::selectedRecords() const
{
    std::set<int> rows;
    if (const QItemSelectionModel* selection = m_previewView->selectionModel()) {
        const QModelIndexList chosen = selection->selectedIndexes();
        for (const QModelIndex& index : chosen)
            rows.insert(index.row());
    }
    QList<qint64> numbers;
    if (rows.empty()) {
        for (int row = 0; row < m_preview->rowCount(); ++row)
            numbers.append(m_preview->mappedRow(row).number);
        return numbers;
    }
    for (int row : rows)
        numbers.append(m_preview->mappedRow(row).number);
    return numbers;
}

void MappingEditor::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateRunButtons();
}

void MappingEditor::updateRunButtons()
{
    const bool ready = m_runEnabled && !m_profile.rules.isEmpty();
    m_dryRun->setEnabled(ready && m_preview->rowCount() > 0);
    m_import->setEnabled(ready && m_drift.isEmpty());
    m_import->setToolTip(m_drift.isEmpty() ? tr("Sends every record of the file.")
                                           : tr("Fix what the notice at the top lists first."));
}

} // namespace ContactDesk::Ui
