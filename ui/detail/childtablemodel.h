#pragma once

#include "store/childcache.h"
#include "store/localedits.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace ContactDesk::Ui {

// The part the task, note and appointment tables share: one contact's items, replaced as a whole
// from the cache and turned into exact change signals (removals, insertions, and dataChanged for
// the rows whose values changed), so a view keeps its selection and scroll position when one
// task is completed or a note added. It follows the store's edits: the contact's children
// changing, and a local id (of the contact or of an item) resolved to the server's. `Item` needs
// an `id` and operator==.
template <typename Item>
class ChildTableModel : public QAbstractTableModel
{
public:
    ChildTableModel(Store::LocalEdits& edits, QObject* parent)
        : QAbstractTableModel(parent)
    {
        connect(
            &edits, &Store::LocalEdits::childrenChanged, this, [this](const QString& contactId) {
                if (!m_contactId.isEmpty() && contactId == m_contactId)
                    reload();
            });
        connect(&edits, &Store::LocalEdits::localIdResolved, this,
            [this](const QString& localId, const QString& serverId) {
                if (m_contactId == localId) {
                    m_contactId = serverId;
                    reload();
                } else if (rowOf(localId) >= 0) {
                    reload();
                }
            });
    }

    // Shows the items of `contactId` (empty: none).
    void setContactId(const QString& contactId)
    {
        if (contactId == m_contactId)
            return;
        m_contactId = contactId;
        if (m_contactId.isEmpty())
            resetItems({}, {});
        else
            resetItems(load(m_contactId), statuses(m_contactId));
    }
    QString contactId() const { return m_contactId; }
    // Reads the items again from the cache; done by itself on the store's change signals.
    void reload()
    {
        if (!m_contactId.isEmpty())
            replaceItems(load(m_contactId), statuses(m_contactId));
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }

    const QList<Item>& items() const { return m_items; }
    // The row of the item with `id`, or -1.
    int rowOf(const QString& id) const
    {
        for (int row = 0; row < m_items.size(); ++row) {
            if (m_items.at(row).id == id)
                return row;
        }
        return -1;
    }
    const Item* itemAt(int row) const
    {
        return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
    }
    Store::ChildStatus statusOf(const QString& id) const { return m_statuses.value(id); }

protected:
    // The contact's items from the cache, in the order they are shown, and their local states.
    virtual QList<Item> load(const QString& contactId) const = 0;
    virtual QHash<QString, Store::ChildStatus> statuses(const QString& contactId) const = 0;

    // A cell of this table. Views ask about the invalid index too: that is no mistake, so it is
    // refused without the warning checkIndex() gives.
    bool isItemIndex(const QModelIndex& index) const
    {
        return index.isValid() && checkIndex(index, CheckIndexOption::ParentIsInvalid);
    }

    // `items` in the order they are to be shown.
    void replaceItems(const QList<Item>& items, const QHash<QString, Store::ChildStatus>& statuses)
    {
        QHash<QString, Store::ChildStatus> oldStatuses = m_statuses;
        m_statuses = statuses;
        if (!sameRelativeOrder(items)) {
            beginResetModel();
            m_items = items;
            endResetModel();
            return;
        }

        QSet<QString> kept;
        for (const Item& item : items)
            kept.insert(item.id);
        for (int row = int(m_items.size()) - 1; row >= 0; --row) {
            if (kept.contains(m_items.at(row).id))
                continue;
            int first = row;
            while (first > 0 && !kept.contains(m_items.at(first - 1).id))
                --first;
            beginRemoveRows({}, first, row);
            m_items.remove(first, row - first + 1);
            endRemoveRows();
            row = first;
        }

        for (int row = 0; row < items.size(); ++row) {
            if (row < m_items.size() && m_items.at(row).id == items.at(row).id) {
                const QString& id = items.at(row).id;
                if (!(m_items.at(row) == items.at(row))
                    || !sameStatus(oldStatuses.value(id), m_statuses.value(id))) {
                    m_items[row] = items.at(row);
                    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
                }
                continue;
            }
            int last = row;
            while (last + 1 < items.size() && rowOf(items.at(last + 1).id) < 0)
                ++last;
            beginInsertRows({}, row, last);
            for (int i = row; i <= last; ++i)
                m_items.insert(i, items.at(i));
            endInsertRows();
            row = last;
        }
    }

    // Another contact: nothing to keep.
    void resetItems(const QList<Item>& items, const QHash<QString, Store::ChildStatus>& statuses)
    {
        beginResetModel();
        m_items = items;
        m_statuses = statuses;
        endResetModel();
    }

private:
    static bool sameStatus(const Store::ChildStatus& a, const Store::ChildStatus& b)
    {
        return a.status == b.status && a.message == b.message;
    }

    // Whether the items both lists have keep their order: then removals and insertions describe
    // the change; otherwise (a due date moved a task) the table is reset.
    bool sameRelativeOrder(const QList<Item>& items) const
    {
        QHash<QString, int> newRow;
        for (int row = 0; row < items.size(); ++row)
            newRow.insert(items.at(row).id, row);
        int previous = -1;
        for (const Item& item : m_items) {
            const auto it = newRow.constFind(item.id);
            if (it == newRow.constEnd())
                continue;
            if (*it < previous)
                return false;
            previous = *it;
        }
        return true;
    }

    QString m_contactId;
    QList<Item> m_items;
    QHash<QString, Store::ChildStatus> m_statuses;
};

} // namespace ContactDesk::Ui
