#include "ui/contacts/contactlistmodel.h"

#include "store/database.h"
#include "ui/contacts/logging.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <vector>

Q_LOGGING_CATEGORY(lcContactList, "contactdesk.ui", QtInfoMsg)

namespace ContactDesk::Ui {

namespace {

// Rows read per query when a bulk action needs ids outside the loaded windows.
constexpr int idChunkRows = 500;

const char* const columnKeys[ContactListModel::columnTotal]
    = {"name", "email", "phone", "company", "tags", "dateAdded", "dateUpdated"};

QString formatDate(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

QIcon themedIcon(const char* themeName, QStyle::StandardPixmap fallback)
{
    const auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    const QIcon fallbackIcon = app ? QApplication::style()->standardIcon(fallback) : QIcon();
    return QIcon::fromTheme(QLatin1StringView(themeName), fallbackIcon);
}

} // namespace

ContactListModel::ContactListModel(Store::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_cache(database)
    , m_pendingIcon(themedIcon("view-refresh", QStyle::SP_BrowserReload))
    , m_failedIcon(themedIcon("dialog-error", QStyle::SP_MessageBoxCritical))
    , m_conflictIcon(themedIcon("dialog-warning", QStyle::SP_MessageBoxWarning))
{
    connect(
        &database, &Store::Database::contactsChanged, this, &ContactListModel::onContactsChanged);
    connect(
        &database, &Store::Database::contactsInserted, this, &ContactListModel::onContactsInserted);
    connect(
        &database, &Store::Database::contactsRemoved, this, &ContactListModel::onContactsRemoved);
    connect(&database, &Store::Database::contactsReset, this, &ContactListModel::onContactsReset);
    m_ordered = queryOrder();
    m_rowIds = applySearch(m_ordered);
    m_totalCount = int(m_ordered.size());
}

ContactListModel::~ContactListModel() = default;

int ContactListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rowIds.size());
}

int ContactListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case RowIdRole:
        return m_rowIds.at(row);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::DecorationRole:
    case Qt::AccessibleDescriptionRole:
    case SortRole:
    case ContactIdRole:
    case LocalStatusRole:
    case StatusMessageRole:
    case StaleRole:
        break;
    default:
        // Other roles (size hints, fonts, colours) never cost a read of the cache.
        return {};
    }
    const Store::ContactSummary* summary = summaryFor(row);
    if (!summary)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*summary, column);
    case SortRole:
        return sortValue(*summary, column);
    case ContactIdRole:
        return summary->id;
    case LocalStatusRole:
        return int(summary->localStatus);
    case StatusMessageRole:
        return summary->statusMessage;
    case StaleRole:
        return summary->stale;
    case Qt::ToolTipRole:
        return toolTip(*summary, column);
    case Qt::AccessibleDescriptionRole:
        return column == Name ? toolTip(*summary, -1) : QVariant();
    case Qt::DecorationRole:
        return column == Name ? statusIcon(*summary) : QVariant();
    default:
        return {};
    }
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnTotal)
        return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case Phone:
        return tr("Phone");
    case Company:
        return tr("Company");
    case Tags:
        return tr("Tags");
    case DateAdded:
        return tr("Date added");
    case DateUpdated:
        return tr("Date updated");
    }
    return {};
}

Qt::ItemFlags ContactListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

void ContactListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnTotal)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    const QModelIndexList before = persistentIndexList();
    QVector<qint64> persistentRowIds;
    persistentRowIds.reserve(before.size());
    for (const QModelIndex& index : before)
        persistentRowIds.append(m_rowIds.at(index.row()));
    m_ordered = queryOrder();
    m_rowIds = applySearch(m_ordered);
    invalidateRowIndex();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowForRowId(persistentRowIds.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool ContactListModel::isSearching() const
{
    return !m_ftsQuery.isEmpty();
}

void ContactListModel::setSearchText(const QString& text)
{
    const QString query = Store::ContactCache::ftsQuery(text);
    if (query == m_ftsQuery) {
        // A space or punctuation typed: the same search, nothing to redo.
        m_searchText = text;
        return;
    }
    beginResetModel();
    m_searchText = text;
    m_ftsQuery = query;
    m_rowIds = applySearch(m_ordered);
    invalidateRowIndex();
    endResetModel();
    emit countsChanged();
}

void ContactListModel::setTagFilter(const QString& tag)
{
    if (tag == m_tag)
        return;
    beginResetModel();
    m_tag = tag;
    m_ordered = queryOrder();
    m_rowIds = applySearch(m_ordered);
    invalidateRowIndex();
    endResetModel();
    emit countsChanged();
}

int ContactListModel::rowForRowId(qint64 rowId) const
{
    if (!m_rowIndexValid) {
        m_rowIndex.clear();
        m_rowIndex.reserve(m_rowIds.size());
        for (int row = 0; row < m_rowIds.size(); ++row)
            m_rowIndex.insert(m_rowIds.at(row), row);
        m_rowIndexValid = true;
    }
    return m_rowIndex.value(rowId, -1);
}

int ContactListModel::rowForContactId(const QString& contactId) const
{
    const qint64 rowId = contactId.isEmpty() ? 0 : m_cache.rowIdFor(contactId);
    return rowId == 0 ? -1 : rowForRowId(rowId);
}

QModelIndex ContactListModel::indexForContactId(const QString& contactId, int column) const
{
    const int row = rowForContactId(contactId);
    return row < 0 ? QModelIndex() : index(row, column);
}

qint64 ContactListModel::rowIdAt(int row) const
{
    return row >= 0 && row < m_rowIds.size() ? m_rowIds.at(row) : 0;
}

QString ContactListModel::contactIdAt(int row) const
{
    if (row < 0 || row >= m_rowIds.size())
        return {};
    const Store::ContactSummary* summary = summaryFor(row);
    return summary ? summary->id : QString();
}

QStringList ContactListModel::contactIds(const QList<int>& rows) const
{
    QHash<qint64, QString> ids;
    QVector<qint64> unknown;
    for (int row : rows) {
        const qint64 rowId = rowIdAt(row);
        if (rowId == 0 || ids.contains(rowId))
            continue;
        const auto it = m_loaded.constFind(rowId);
        if (it != m_loaded.cend()) {
            ids.insert(rowId, it->missing ? QString() : it->summary.id);
        } else {
            ids.insert(rowId, QString());
            unknown.append(rowId);
        }
    }
    for (qsizetype first = 0; first < unknown.size(); first += idChunkRows) {
        const QList<Store::ContactSummary> chunk
            = m_cache.summaries(unknown.mid(first, idChunkRows));
        ++m_stats.queries;
        m_stats.rows += chunk.size();
        for (const Store::ContactSummary& summary : chunk) {
            ids.insert(summary.rowId, summary.id);
            if (m_countPerRow)
                ++m_fetchesPerRow[summary.rowId];
        }
    }
    QStringList result;
    result.reserve(rows.size());
    for (int row : rows) {
        const QString id = ids.value(rowIdAt(row));
        if (!id.isEmpty())
            result.append(id);
    }
    return result;
}

Store::ContactSummary ContactListModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_rowIds.size())
        return {};
    const Store::ContactSummary* summary = summaryFor(row);
    return summary ? *summary : Store::ContactSummary();
}

void ContactListModel::setCountFetchesPerRow(bool on)
{
    m_countPerRow = on;
    if (!on)
        m_fetchesPerRow.clear();
}

QString ContactListModel::columnKey(int column)
{
    if (column < 0 || column >= columnTotal)
        return {};
    return QLatin1StringView(columnKeys[column]);
}

int ContactListModel::columnForKey(const QString& key)
{
    for (int column = 0; column < columnTotal; ++column) {
        if (key == QLatin1StringView(columnKeys[column]))
            return column;
    }
    return -1;
}

const Store::ContactSummary* ContactListModel::summaryFor(int row) const
{
    const qint64 rowId = m_rowIds.at(row);
    auto it = m_loaded.find(rowId);
    if (it == m_loaded.end()) {
        loadWindow(row);
        it = m_loaded.find(rowId);
        if (it == m_loaded.end())
            return nullptr;
    }
    touchWindow(it->window);
    return it->missing ? nullptr : &it->summary;
}

// Windows are aligned on multiples of windowRows so that scrolling reads each row once; only
// the rows of the window not already loaded (by an overlapping window after rows moved) are read.
void ContactListModel::loadWindow(int row) const
{
    const int first = row / windowRows * windowRows;
    const int last = std::min(int(m_rowIds.size()), first + windowRows);
    Window window;
    window.serial = ++m_windowSerial;
    window.rowIds.reserve(last - first);
    for (int r = first; r < last; ++r) {
        const qint64 rowId = m_rowIds.at(r);
        if (!m_loaded.contains(rowId))
            window.rowIds.append(rowId);
    }
    const QList<Store::ContactSummary> summaries = m_cache.summaries(window.rowIds);
    ++m_stats.queries;
    m_stats.rows += summaries.size();
    for (const Store::ContactSummary& summary : summaries) {
        if (m_countPerRow)
            ++m_fetchesPerRow[summary.rowId];
        m_loaded.insert(summary.rowId, Entry {summary, window.serial, false});
    }
    // A row deleted since the list was read: remembered as missing so that painting it does not
    // query again; the store's removal signal takes the row away.
    for (qint64 rowId : std::as_const(window.rowIds)) {
        if (!m_loaded.contains(rowId))
            m_loaded.insert(rowId, Entry {{}, window.serial, true});
    }
    m_windows.append(std::move(window));
    while (m_windows.size() > cachedWindows) {
        const Window evicted = m_windows.takeFirst();
        for (qint64 rowId : evicted.rowIds) {
            const auto it = m_loaded.constFind(rowId);
            if (it != m_loaded.cend() && it->window == evicted.serial)
                m_loaded.erase(it);
        }
    }
}

void ContactListModel::touchWindow(quint64 serial) const
{
    if (m_windows.isEmpty() || m_windows.constLast().serial == serial)
        return;
    for (qsizetype i = m_windows.size() - 2; i >= 0; --i) {
        if (m_windows.at(i).serial == serial) {
            m_windows.move(i, m_windows.size() - 1);
            return;
        }
    }
}

void ContactListModel::forget(const QVector<qint64>& rowIds)
{
    for (qint64 rowId : rowIds)
        m_loaded.remove(rowId);
}

void ContactListModel::forgetAll()
{
    m_loaded.clear();
    m_windows.clear();
}

QVector<qint64> ContactListModel::queryOrder() const
{
    return m_cache.orderedRowIds(Store::SortColumn(m_sortColumn), m_sortOrder, m_tag);
}

// A bitset of the FTS matches filters the ordered list in one pass, keeping its order: O(rows +
// matches) whatever the prefix.
QVector<qint64> ContactListModel::applySearch(const QVector<qint64>& ordered) const
{
    if (m_ftsQuery.isEmpty())
        return ordered;
    const QVector<qint64> matches = m_cache.matchingRowIds(m_searchText);
    if (matches.isEmpty())
        return {};
    const qint64 highest = *std::max_element(matches.cbegin(), matches.cend());
    std::vector<bool> matched(std::size_t(highest) + 1, false);
    for (qint64 rowId : matches)
        matched[std::size_t(rowId)] = true;
    QVector<qint64> rows;
    rows.reserve(std::min(matches.size(), ordered.size()));
    for (qint64 rowId : ordered) {
        if (std::size_t(rowId) < matched.size() && matched[std::size_t(rowId)])
            rows.append(rowId);
    }
    return rows;
}

void ContactListModel::resetTo(const QVector<qint64>& ordered, const QVector<qint64>& rows)
{
    beginResetModel();
    m_ordered = ordered;
    m_rowIds = rows;
    m_totalCount = m_cache.count();
    invalidateRowIndex();
    endResetModel();
    emit countsChanged();
}

QVariant ContactListModel::displayValue(const Store::ContactSummary& summary, int column) const
{
    switch (Column(column)) {
    case Name:
        return summary.displayName;
    case Email:
        return summary.email;
    case Phone:
        return summary.phone;
    case Company:
        return summary.company;
    case Tags:
        return summary.tags.join(QStringLiteral(", "));
    case DateAdded:
        return formatDate(summary.dateAddedMs);
    case DateUpdated:
        return formatDate(summary.dateUpdatedMs);
    }
    return {};
}

QVariant ContactListModel::sortValue(const Store::ContactSummary& summary, int column) const
{
    switch (Column(column)) {
    case DateAdded:
        return summary.dateAddedMs;
    case DateUpdated:
        return summary.dateUpdatedMs;
    case Tags:
        return summary.tags.join(QStringLiteral(", "));
    default:
        return displayValue(summary, column);
    }
}

QVariant ContactListModel::toolTip(const Store::ContactSummary& summary, int column) const
{
    QString status;
    switch (summary.localStatus) {
    case Store::LocalStatus::Synced:
        break;
    case Store::LocalStatus::Pending:
        status = tr("Waiting to be sent to HighLevel.");
        break;
    case Store::LocalStatus::Failed:
        status = summary.statusMessage.isEmpty()
            ? tr("Not saved on HighLevel.")
            : tr("Not saved on HighLevel: %1").arg(summary.statusMessage);
        break;
    case Store::LocalStatus::Conflict:
        status = summary.statusMessage.isEmpty()
            ? tr("Changed here and on HighLevel: open the contact to choose what to keep.")
            : tr("Changed here and on HighLevel: %1").arg(summary.statusMessage);
        break;
    }
    if (summary.stale && status.isEmpty())
        status = tr("Your change was discarded; the contact is being fetched again.");
    if (!status.isEmpty())
        return status;
    // Tags are often wider than their column.
    if (column == Tags && !summary.tags.isEmpty())
        return summary.tags.join(QStringLiteral(", "));
    return {};
}

QVariant ContactListModel::statusIcon(const Store::ContactSummary& summary) const
{
    switch (summary.localStatus) {
    case Store::LocalStatus::Synced:
        return summary.stale ? QVariant(m_pendingIcon) : QVariant();
    case Store::LocalStatus::Pending:
        return m_pendingIcon;
    case Store::LocalStatus::Failed:
        return m_failedIcon;
    case Store::LocalStatus::Conflict:
        return m_conflictIcon;
    }
    return {};
}

} // namespace ContactDesk::Ui
