#include "ui/detail/tasklistmodel.h"

#include "common/clock.h"
#include "store/localedits.h"
#include "ui/detail/detailsupport.h"
#include "ui/detail/logging.h"

#include <QFont>

#include <limits>

namespace ContactDesk::Ui {

TaskListModel::TaskListModel(
    Store::ChildCache& cache, Store::LocalEdits& edits, const Clock& clock, QObject* parent)
    : ChildTableModel<Api::Task>(edits, parent)
    , m_cache(cache)
    , m_edits(edits)
    , m_clock(clock)
{ }

QList<Api::Task> TaskListModel::load(const QString& contactId) const
{
    return m_cache.tasks(contactId);
}

QHash<QString, Store::ChildStatus> TaskListModel::statuses(const QString& contactId) const
{
    return m_cache.childStatuses(contactId);
}

void TaskListModel::refreshOverdue()
{
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            {Qt::BackgroundRole, Qt::ToolTipRole, OverdueRole});
    }
}

bool TaskListModel::isOverdue(const Api::Task& task) const
{
    return !task.completed && task.dueDate.isValid()
        && task.dueDate.toMSecsSinceEpoch() < m_clock.nowMs();
}

int TaskListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex& index, int role) const
{
    if (!isItemIndex(index))
        return {};
    const Api::Task& task = items().at(index.row());
    const Store::ChildStatus status = statusOf(task.id);
    const bool overdue = isOverdue(task);

    switch (role) {
    case TaskIdRole:
        return task.id;
    case OverdueRole:
        return overdue;
    case LocalStatusRole:
        return int(status.status);
    case Qt::BackgroundRole:
        return overdue ? attentionBackground() : QVariant();
    default:
        break;
    }

    switch (index.column()) {
    case CompletedColumn:
        if (role == Qt::CheckStateRole)
            return task.completed ? Qt::Checked : Qt::Unchecked;
        if (role == SortRole)
            return task.completed ? 1 : 0;
        if (role == Qt::AccessibleTextRole)
            return task.completed ? tr("Completed") : tr("Not completed");
        if (role == Qt::ToolTipRole)
            return task.completed ? tr("Completed: untick to reopen") : tr("Tick when done");
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::AccessibleTextRole)
            return task.title;
        if (role == Qt::DecorationRole)
            return childStatusIcon(status.status);
        if (role == Qt::FontRole && task.completed) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (!task.body.isEmpty())
                lines << task.body;
            const QString statusText = childStatusText(status);
            if (!statusText.isEmpty())
                lines << statusText;
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
        break;
    case DueColumn:
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            const QString due
                = task.dueDate.isValid() ? localDateTimeText(task.dueDate) : tr("No due date");
            return overdue && role == Qt::AccessibleTextRole ? tr("%1, overdue").arg(due) : due;
        }
        if (role == SortRole) {
            return task.dueDate.isValid() ? task.dueDate.toMSecsSinceEpoch()
                                          : std::numeric_limits<qint64>::max();
        }
        if (role == Qt::ToolTipRole && overdue)
            return tr("Overdue");
        break;
    default:
        break;
    }
    return {};
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CompletedColumn:
        return tr("Done");
    case TitleColumn:
        return tr("Title");
    case DueColumn:
        return tr("Due");
    default:
        return {};
    }
}

Qt::ItemFlags TaskListModel::flags(const QModelIndex& index) const
{
    if (!isItemIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == CompletedColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool TaskListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!isItemIndex(index) || index.column() != CompletedColumn || role != Qt::CheckStateRole)
        return false;
    const Api::Task task = items().at(index.row());
    const bool completed = value.toInt() == Qt::Checked;
    if (completed == task.completed)
        return false;
    const Store::EditOutcome outcome = m_edits.completeTask(contactId(), task.id, completed);
    if (outcome == Store::EditOutcome::Rejected) {
        qCWarning(lcDetail) << "completing a task was refused by the cache";
        return false;
    }
    return true;
}

} // namespace ContactDesk::Ui
