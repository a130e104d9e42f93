// ContactListModel: turning the store's change signals into exact model signals.
#include "ui/contacts/contactlistmodel.h"

#include "ui/contacts/logging.h"

#include <algorithm>
#include <vector>

namespace ContactDesk::Ui {

namespace {

enum Placement : char
{
    Stays,
    Moves,
    Inserted,
};

// Which of `values` (distinct) form a longest increasing subsequence: those rows keep their
// place, the others move. O(n log n); the common case (nothing moved) is one pass.
std::vector<char> longestIncreasing(const std::vector<int>& values)
{
    std::vector<char> keep(values.size(), 0);
    if (std::is_sorted(values.begin(), values.end())) {
        std::fill(keep.begin(), keep.end(), 1);
        return keep;
    }
    std::vector<int> tails;
    std::vector<int> previous(values.size(), -1);
    for (int i = 0; i < int(values.size()); ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), values[std::size_t(i)],
            [&values](int index, int value) { return values[std::size_t(index)] < value; });
        if (it != tails.begin())
            previous[std::size_t(i)] = *(it - 1);
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = previous[std::size_t(i)])
        keep[std::size_t(i)] = 1;
    return keep;
}

QVector<qint64> sorted(QVector<qint64> rowIds)
{
    std::sort(rowIds.begin(), rowIds.end());
    return rowIds;
}

bool containsSorted(const QVector<qint64>& sortedRowIds, qint64 rowId)
{
    return std::binary_search(sortedRowIds.cbegin(), sortedRowIds.cend(), rowId);
}

} // namespace

void ContactListModel::onContactsChanged(const QVector<qint64>& rowIds)
{
    forget(rowIds);
    const QVector<qint64> ordered = queryOrder();
    const QVector<qint64> next = applySearch(ordered);
    if (rowIds.size() > massChangeRows) {
        qCDebug(lcContactList) << "reset after" << rowIds.size() << "changed contacts";
        resetTo(ordered, next);
        return;
    }
    // A change can move a row (its sort key changed) or take it in or out of the filter.
    m_ordered = ordered;
    if (!reconcile(next)) {
        resetTo(ordered, next);
        return;
    }
    emitChangedRows(sorted(rowIds));
    emit countsChanged();
}

void ContactListModel::onContactsInserted(const QVector<qint64>& rowIds)
{
    forget(rowIds);
    const QVector<qint64> ordered = queryOrder();
    const QVector<qint64> next = applySearch(ordered);
    m_totalCount = m_cache.count();
    if (rowIds.size() > massChangeRows) {
        qCDebug(lcContactList) << "reset after" << rowIds.size() << "new contacts";
        resetTo(ordered, next);
        return;
    }
    m_ordered = ordered;
    if (!reconcile(next)) {
        resetTo(ordered, next);
        return;
    }
    emit countsChanged();
}

void ContactListModel::onContactsRemoved(const QVector<qint64>& rowIds)
{
    forget(rowIds);
    m_totalCount = m_cache.count();
    // Removal needs no new query: the rows just leave, the others keep their order.
    const QVector<qint64> removed = sorted(rowIds);
    QVector<qint64> ordered;
    ordered.reserve(m_ordered.size());
    for (qint64 rowId : std::as_const(m_ordered)) {
        if (!containsSorted(removed, rowId))
            ordered.append(rowId);
    }
    QVector<int> rows;
    for (int row = 0; row < m_rowIds.size(); ++row) {
        if (containsSorted(removed, m_rowIds.at(row)))
            rows.append(row);
    }
    if (rows.size() > massChangeRows) {
        QVector<qint64> remaining;
        remaining.reserve(m_rowIds.size() - rows.size());
        for (qint64 rowId : std::as_const(m_rowIds)) {
            if (!containsSorted(removed, rowId))
                remaining.append(rowId);
        }
        resetTo(ordered, remaining);
        return;
    }
    m_ordered = ordered;
    removeRowRuns(rows);
    emit countsChanged();
}

void ContactListModel::onContactsReset()
{
    forgetAll();
    const QVector<qint64> ordered = queryOrder();
    resetTo(ordered, applySearch(ordered));
}

bool ContactListModel::reconcile(const QVector<qint64>& next)
{
    if (next == m_rowIds)
        return true;
    QHash<qint64, int> newRow;
    newRow.reserve(next.size());
    for (int row = 0; row < next.size(); ++row)
        newRow.insert(next.at(row), row);

    // The rows that stay in the list, by their new row in their current order: a longest
    // increasing run of them keeps its place; every other row moves.
    QVector<int> removedRows;
    std::vector<int> keptNewRows;
    keptNewRows.reserve(std::size_t(m_rowIds.size()));
    for (int row = 0; row < m_rowIds.size(); ++row) {
        const auto it = newRow.constFind(m_rowIds.at(row));
        if (it == newRow.cend())
            removedRows.append(row);
        else
            keptNewRows.push_back(*it);
    }
    const std::vector<char> keep = longestIncreasing(keptNewRows);
    std::vector<char> placement(std::size_t(next.size()), Inserted);
    qsizetype operations = removedRows.size();
    for (std::size_t i = 0; i < keptNewRows.size(); ++i) {
        placement[std::size_t(keptNewRows[i])] = keep[i] ? Stays : Moves;
        if (!keep[i])
            ++operations;
    }
    operations += next.size() - qsizetype(keptNewRows.size());
    if (operations > massChangeRows) {
        qCDebug(lcContactList) << "reset:" << operations << "rows to insert, move or remove";
        return false;
    }

    removeRowRuns(removedRows);
    // In new order, each moving or new row goes right after the row before it in the new list,
    // which is already in place: the rows that stay, and the rows placed before this one.
    for (qsizetype k = 0; k < next.size(); ++k) {
        const char how = placement[std::size_t(k)];
        if (how == Stays)
            continue;
        const int destination = k == 0 ? 0 : int(m_rowIds.indexOf(next.at(k - 1))) + 1;
        if (how == Inserted) {
            qsizetype end = k;
            while (end + 1 < next.size() && placement[std::size_t(end + 1)] == Inserted)
                ++end;
            beginInsertRows({}, destination, destination + int(end - k));
            for (qsizetype j = k; j <= end; ++j)
                m_rowIds.insert(destination + (j - k), next.at(j));
            endInsertRows();
            k = end;
            continue;
        }
        const int source = int(m_rowIds.indexOf(next.at(k)));
        if (source == destination)
            continue;
        beginMoveRows({}, source, source, {}, destination);
        m_rowIds.move(source, destination > source ? destination - 1 : destination);
        endMoveRows();
    }
    invalidateRowIndex();
    if (m_rowIds != next) {
        qCWarning(lcContactList) << "list order diverged after a store change; resetting";
        return false;
    }
    return true;
}

void ContactListModel::removeRowRuns(const QVector<int>& rowsAscending)
{
    // Last run first, so the earlier rows keep their numbers.
    for (qsizetype i = rowsAscending.size() - 1; i >= 0;) {
        const int last = rowsAscending.at(i);
        int first = last;
        qsizetype j = i;
        while (j > 0 && rowsAscending.at(j - 1) == first - 1) {
            --j;
            --first;
        }
        beginRemoveRows({}, first, last);
        m_rowIds.remove(first, last - first + 1);
        endRemoveRows();
        i = j - 1;
    }
    invalidateRowIndex();
}

void ContactListModel::emitChangedRows(const QVector<qint64>& changedSorted)
{
    if (changedSorted.isEmpty())
        return;
    int first = -1;
    int last = -1;
    const auto flush = [this, &first, &last] {
        if (first >= 0)
            emit dataChanged(index(first, 0), index(last, columnTotal - 1));
        first = last = -1;
    };
    for (int row = 0; row < m_rowIds.size(); ++row) {
        if (!containsSorted(changedSorted, m_rowIds.at(row)))
            continue;
        if (row != last + 1 || first < 0) {
            flush();
            first = row;
        }
        last = row;
    }
    flush();
}

} // namespace ContactDesk::Ui
