#include "ui/automation/eventlogmodel.h"

#include "store/contactcache.h"

#include <QDateTime>
#include <QLocale>

namespace ContactDesk::Ui {

using Automation::EventStatus;
using Automation::InboxEvent;

EventLogModel::EventLogModel(
    Automation::Inbox& inbox, const Store::ContactCache* contacts, QObject* parent)
    : QAbstractTableModel(parent)
    , m_inbox(inbox)
    , m_contacts(contacts)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(refreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &EventLogModel::refresh);
    connect(&m_inbox, &Automation::Inbox::eventsStored, &m_refresh, qOverload<>(&QTimer::start));
    connect(&m_inbox, &Automation::Inbox::eventChanged, &m_refresh, qOverload<>(&QTimer::start));
    m_count = m_inbox.count(m_filter);
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

QString EventLogModel::statusText(EventStatus status)
{
    switch (status) {
    case EventStatus::Received:
        return tr("Received");
    case EventStatus::Waiting:
        return tr("Waiting");
    case EventStatus::Applied:
        return tr("Applied");
    case EventStatus::Failed:
        return tr("Failed");
    case EventStatus::Duplicate:
        return tr("Duplicate ignored");
    }
    return {};
}

const QList<InboxEvent>* EventLogModel::page(int index) const
{
    auto found = m_pages.find(index);
    if (found == m_pages.end()) {
        if (m_pageOrder.size() >= keptPages)
            m_pages.remove(m_pageOrder.takeFirst());
        found = m_pages.insert(index, m_inbox.list(m_filter, index * pageSize, pageSize));
    } else {
        m_pageOrder.removeOne(index);
    }
    m_pageOrder.append(index);
    return &found.value();
}

std::optional<InboxEvent> EventLogModel::eventAt(int row) const
{
    if (const InboxEvent* entry = entryAt(row))
        return *entry;
    return std::nullopt;
}

const InboxEvent* EventLogModel::entryAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const QList<InboxEvent>* events = page(row / pageSize);
    const int at = row % pageSize;
    return at < events->size() ? &events->at(at) : nullptr;
}

int EventLogModel::rowOfSeq(qint64 seq) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i).seq == seq)
                return it.key() * pageSize + i;
        }
    }
    return -1;
}

int EventLogModel::rowsInMemory() const
{
    int rows = 0;
    for (const QList<InboxEvent>& events : std::as_const(m_pages))
        rows += int(events.size());
    return rows;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxEvent* entry = entryAt(index.row());
    if (!entry)
        return {};
    switch (role) {
    case SeqRole:
        return entry->seq;
    case StatusRole:
        return int(entry->status);
    case ContactIdRole:
        return entry->contactId;
    case Qt::ToolTipRole:
        if (index.column() == Status && !entry->reason.isEmpty())
            return entry->reason;
        if (index.column() == Contact && !entry->contactId.isEmpty())
            return entry->contactId;
        if (index.column() == Type)
            return tr("webhook-id %1, from %2").arg(entry->event.webhookId, entry->event.source);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool raw = role == SortRole;
    switch (Column(index.column())) {
    case Time:
        if (raw)
            return entry->receivedAtMs;
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry->receivedAtMs),
            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Type:
        return entry->event.type;
    case User:
        return entry->event.userId;
    case Status:
        if (raw)
            return int(entry->status);
        if (entry->status == EventStatus::Duplicate && entry->duplicateOf > 0)
            return tr("Duplicate ignored (of %1)").arg(entry->duplicateOf);
        return statusText(entry->status);
    case Contact:
        if (!raw && m_contacts && !entry->contactId.isEmpty()) {
            const std::optional<Store::ContactSummary> contact
                = m_contacts->summary(entry->contactId);
            if (contact && !contact->displayName.isEmpty())
                return contact->displayName;
            if (contact && !contact->email.isEmpty())
                return contact->email;
        }
        return entry->contactId;
    case Requests:
        return int(entry->outboxItemIds.size());
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case User:
        return tr("Your App user");
    case Status:
        return tr("Status");
    case Contact:
        return tr("Contact");
    case Requests:
        return tr("Requests");
    }
    return {};
}

void EventLogModel::setFilter(const Automation::InboxFilter& filter)
{
    m_refresh.stop();
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    m_pageOrder.clear();
    m_count = m_inbox.count(m_filter);
    endResetModel();
}

void EventLogModel::refresh()
{
    m_refresh.stop();
    const int count = m_inbox.count(m_filter);
    // A status change can move an event into or out of a status or text filter anywhere in
    // the table; without such a filter events only arrive, newest first: at the top.
    if (m_filter.status || !m_filter.text.isEmpty() || count < m_count) {
        beginResetModel();
        m_pages.clear();
        m_pageOrder.clear();
        m_count = count;
        endResetModel();
        return;
    }
    m_pages.clear();
    m_pageOrder.clear();
    if (count > m_count) {
        beginInsertRows({}, 0, count - m_count - 1);
        m_count = count;
        endInsertRows();
    }
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, columnTotal - 1));
}

} // namespace ContactDesk::Ui
