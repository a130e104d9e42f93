#include "ui/detail/notelistmodel.h"

#include "store/localedits.h"
#include "ui/detail/detailsupport.h"

#include <algorithm>

namespace ContactDesk::Ui {

namespace {

// The first line with text, for a one-line table cell.
QString firstLine(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed;
    }
    return {};
}

} // namespace

NoteListModel::NoteListModel(Store::ChildCache& cache, Store::LocalEdits& edits, QObject* parent)
    : ChildTableModel<Api::Note>(edits, parent)
    , m_cache(cache)
{ }

QList<Api::Note> NoteListModel::load(const QString& contactId) const
{
    QList<Api::Note> notes = m_cache.notes(contactId);
    // Notes without a date (never the case for the API's) go last.
    std::stable_sort(notes.begin(), notes.end(), [](const Api::Note& a, const Api::Note& b) {
        if (a.dateAdded.isValid() != b.dateAdded.isValid())
            return a.dateAdded.isValid();
        return a.dateAdded > b.dateAdded;
    });
    return notes;
}

QHash<QString, Store::ChildStatus> NoteListModel::statuses(const QString& contactId) const
{
    return m_cache.childStatuses(contactId);
}

int NoteListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoteListModel::data(const QModelIndex& index, int role) const
{
    if (!isItemIndex(index))
        return {};
    const Api::Note& note = items().at(index.row());
    const Store::ChildStatus status = statusOf(note.id);
    switch (role) {
    case NoteIdRole:
        return note.id;
    case LocalStatusRole:
        return int(status.status);
    case FullTextRole:
        return note.body;
    default:
        break;
    }

    if (index.column() == DateColumn) {
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return localDateTimeText(note.dateAdded);
        if (role == SortRole)
            return note.dateAdded.isValid() ? note.dateAdded.toMSecsSinceEpoch() : qint64(0);
        if (role == Qt::DecorationRole)
            return childStatusIcon(status.status);
        if (role == Qt::ToolTipRole) {
            const QString text = childStatusText(status);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        return {};
    }

    if (role == Qt::DisplayRole)
        return firstLine(note.body);
    if (role == SortRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole)
        return note.body;
    return {};
}

QVariant NoteListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Added");
    case TextColumn:
        return tr("Note");
    default:
        return {};
    }
}

Qt::ItemFlags NoteListModel::flags(const QModelIndex& index) const
{
    if (!isItemIndex(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace ContactDesk::Ui
