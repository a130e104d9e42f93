#pragma once

#include "store/contactcache.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Ui {

// The contact list over the cache. It holds only the ordered rowids of the current query (sort
// column and order, tag filter, search text) and reads row data window by window through
// ContactCache::summaries(), keeping a few windows in a small LRU. 100,000 contacts cost a vector
// of integers plus a few hundred summaries, and nothing scans the whole list per keystroke or per
// paint.
//
// The store's change signals become exact model signals: removes, inserts and moves for the rows
// that left, arrived or changed place, dataChanged for the rows that changed, and one modelReset
// when many rows change at once (a sync page).
class ContactListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Email,
        Phone,
        Company,
        Tags,
        DateAdded,
        DateUpdated,
    };
    static constexpr int columnTotal = DateUpdated + 1;

    enum Role
    {
        // The raw value the list sorts by: QString for text columns, qint64 milliseconds since
        // the epoch for dates (0 when unknown).
        SortRole = Qt::UserRole + 1,
        ContactIdRole, // QString: server id, or "local-..." until the create lands
        RowIdRole, // qint64: the cache's stable handle, unchanged when a local id resolves
        LocalStatusRole, // int: Store::LocalStatus
        StatusMessageRole, // QString: why an edit failed or conflicts; empty otherwise
        StaleRole, // bool: a local change was discarded and the contact is being fetched again
    };

    // Rows per window read from the cache in one query, and how many windows stay loaded.
    static constexpr int windowRows = 200;
    static constexpr int cachedWindows = 8;
    // More changed rows than this in one store signal (or more rows to move, insert or remove)
    // and the model resets instead of signalling each row.
    static constexpr int massChangeRows = 50;

    struct FetchStats
    {
        qint64 queries = 0; // summaries() calls
        qint64 rows = 0; // rows read by them
    };

    // Listens to the database's change signals (every change of the store passes there).
    // `database` must be open and outlive the model.
    explicit ContactListModel(Store::Database& database, QObject* parent = nullptr);
    ~ContactListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Re-reads the order from the cache's indexes; persistent indexes (selection, current)
    // follow their contacts.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Full-text prefix search over name, email, phone (digits too), company and tags. Text with
    // nothing searchable in it shows the whole list.
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString& text);
    bool isSearching() const;
    // Only contacts carrying `tag` (compared without case); empty for all.
    QString tagFilter() const { return m_tag; }
    void setTagFilter(const QString& tag);
    bool isFiltered() const { return isSearching() || !m_tag.isEmpty(); }

    // The cache the model reads, for the tag list and other reads next to the list.
    const Store::ContactCache& cache() const { return m_cache; }

    // Every cached contact, whatever the filter.
    int totalCount() const { return m_totalCount; }

    // O(1) after the first lookup of a query (a rowid -> row hash built once per list change).
    int rowForRowId(qint64 rowId) const;
    // -1 when the contact is not in the current list.
    int rowForContactId(const QString& contactId) const;
    QModelIndex indexForContactId(const QString& contactId, int column = Name) const;
    qint64 rowIdAt(int row) const;
    QString contactIdAt(int row) const;
    // The ids of `rows` in the given order; rows outside the loaded windows are read in chunks
    // without disturbing the window cache (a bulk action over thousands of selected rows).
    QStringList contactIds(const QList<int>& rows) const;
    Store::ContactSummary summaryAt(int row) const;

    // How often row data was read from the cache, for the benchmark and tests.
    FetchStats fetchStats() const { return m_stats; }
    // Also count reads per rowid (off by default: it costs a hash entry per row seen).
    void setCountFetchesPerRow(bool on);
    QHash<qint64, int> fetchesPerRow() const { return m_fetchesPerRow; }

    // Column keys for settings ("name", "email", ...); -1 for an unknown key.
    static QString columnKey(int column);
    static int columnForKey(const QString& key);

Q_SIGNALS:
    // rowCount() or totalCount() may have changed (after a query change or a store change).
    void countsChanged();

private:
    struct Entry
    {
        Store::ContactSummary summary;
        quint64 window = 0;
        bool missing = false; // the row was gone when its window was read
    };
    struct Window
    {
        quint64 serial = 0;
        QVector<qint64> rowIds;
    };

    const Store::ContactSummary* summaryFor(int row) const;
    void loadWindow(int row) const;
    void touchWindow(quint64 serial) const;
    void forget(const QVector<qint64>& rowIds);
    void forgetAll();

    QVector<qint64> queryOrder() const;
    QVector<qint64> applySearch(const QVector<qint64>& ordered) const;
    void resetTo(const QVector<qint64>& ordered, const QVector<qint64>& rows);
    void invalidateRowIndex() { m_rowIndexValid = false; }

    void onContactsChanged(const QVector<qint64>& rowIds);
    void onContactsInserted(const QVector<qint64>& rowIds);
    void onContactsRemoved(const QVector<qint64>& rowIds);
    void onContactsReset();
    // Moves the list to the cache's current order with row signals; false when it would take
    // more than massChangeRows operations (the caller resets).
    bool reconcile(const QVector<qint64>& next);
    void removeRowRuns(const QVector<int>& rowsAscending);
    void emitChangedRows(const QVector<qint64>& changedSorted);

    QVariant displayValue(const Store::ContactSummary& summary, int column) const;
    QVariant sortValue(const Store::ContactSummary& summary, int column) const;
    QVariant toolTip(const Store::ContactSummary& summary, int column) const;
    QVariant statusIcon(const Store::ContactSummary& summary) const;

    Store::ContactCache m_cache;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_tag;
    QString m_searchText;
    QString m_ftsQuery; // what m_searchText searches for; empty shows everything
    QVector<qint64> m_ordered; // sort + tag filter
    QVector<qint64> m_rowIds; // m_ordered narrowed by the search: the rows
    int m_totalCount = 0;

    mutable QHash<qint64, int> m_rowIndex;
    mutable bool m_rowIndexValid = false;

    mutable QHash<qint64, Entry> m_loaded;
    mutable QList<Window> m_windows; // least recently used first
    mutable quint64 m_windowSerial = 0;
    mutable FetchStats m_stats;
    mutable QHash<qint64, int> m_fetchesPerRow;
    bool m_countPerRow = false;

    QIcon m_pendingIcon;
    QIcon m_failedIcon;
    QIcon m_conflictIcon;
};

} // namespace ContactDesk::Ui
