#include "ui/outbox/outboxmodel.h"

#include "store/contactcache.h"
#include "store/localedits.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <QStyle>

namespace ContactDesk::Ui {

OutboxModel::OutboxModel(
    Store::Outbox& outbox, Store::ContactCache& contacts, Store::LocalEdits& edits, QObject* parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
    , m_contacts(contacts)
{
    m_items = m_outbox.list();
    connect(&edits, &Store::LocalEdits::outboxChanged, this, &OutboxModel::refresh);
    // Names follow the contacts (an edit of the name, a local id that became a server id).
    connect(&edits, &Store::LocalEdits::contactsChanged, this, [this] {
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, Contact), index(rowCount() - 1, Contact));
    });
}

int OutboxModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int OutboxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

const Store::OutboxItem* OutboxModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int OutboxModel::rowOf(qint64 itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == itemId)
            return row;
    }
    return -1;
}

QString OutboxModel::contactName(const QString& contactId) const
{
    const std::optional<Store::ContactSummary> summary = m_contacts.summary(contactId);
    if (summary && !summary->displayName.isEmpty())
        return summary->displayName;
    return tr("(deleted contact)");
}

QString OutboxModel::kindText(Store::OutboxKind kind)
{
    using K = Store::OutboxKind;
    switch (kind) {
    case K::CreateContact:
        return tr("Create contact");
    case K::UpdateContact:
        return tr("Change contact");
    case K::UpsertContact:
        return tr("Import contact");
    case K::DeleteContact:
        return tr("Delete contact");
    case K::AddTags:
        return tr("Add tags");
    case K::RemoveTags:
        return tr("Remove tags");
    case K::CreateTask:
        return tr("Add task");
    case K::UpdateTask:
        return tr("Change task");
    case K::CompleteTask:
        return tr("Complete task");
    case K::DeleteTask:
        return tr("Delete task");
    case K::CreateNote:
        return tr("Add note");
    case K::UpdateNote:
        return tr("Change note");
    case K::DeleteNote:
        return tr("Delete note");
    }
    return {};
}

QString OutboxModel::stateText(Store::OutboxState state)
{
    using S = Store::OutboxState;
    switch (state) {
    case S::Queued:
        return tr("Waiting");
    case S::InFlight:
        return tr("Sending");
    case S::Failed:
        return tr("Failed");
    case S::Conflict:
        return tr("Conflict");
    case S::OutcomeUnknown:
        return tr("Checking");
    case S::Done:
        return tr("Sent");
    }
    return {};
}

QVariant OutboxModel::data(const QModelIndex& index, int role) const
{
    const Store::OutboxItem* item = itemAt(index.row());
    if (!item || index.column() < 0 || index.column() >= columnTotal)
        return {};
    switch (role) {
    case ItemIdRole:
        return item->id;
    case StateRole:
        return int(item->state);
    case KindRole:
        return int(item->kind);
    case ContactIdRole:
        return item->contactId;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        switch (index.column()) {
        case Contact:
            return contactName(item->contactId);
        case Change: {
            QString text = kindText(item->kind);
            if (item->kind == Store::OutboxKind::UpdateContact && !item->payload.isEmpty())
                text += QStringLiteral(": ") + item->payload.keys().join(QStringLiteral(", "));
            return text;
        }
        case State:
            if (role == Qt::DisplayRole && item->state == Store::OutboxState::Queued
                && item->attempts > 0)
                return tr("Waiting to retry");
            return stateText(item->state);
        case Reason:
            return item->lastError;
        case Queued:
            if (role == SortRole)
                return item->createdAtMs;
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(item->createdAtMs), QLocale::ShortFormat);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() != State)
            return {};
        if (item->state == Store::OutboxState::Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (item->state == Store::OutboxState::Conflict)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Contact:
        return tr("Contact");
    case Change:
        return tr("Change");
    case State:
        return tr("State");
    case Reason:
        return tr("Reason");
    case Queued:
        return tr("Queued");
    }
    return {};
}

void OutboxModel::refresh()
{
    const QList<Store::OutboxItem> next = m_outbox.list();
    QSet<qint64> nextIds;
    for (const Store::OutboxItem& item : next)
        nextIds.insert(item.id);
    // Both lists are ordered by id: remove what left (bottom up), insert what arrived at its
    // place, then report the rows whose values changed.
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!nextIds.contains(m_items.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < next.size(); ++row) {
        if (row < m_items.size() && m_items.at(row).id == next.at(row).id) {
            if (!(m_items.at(row) == next.at(row))) {
                m_items[row] = next.at(row);
                Q_EMIT dataChanged(index(row, 0), index(row, columnTotal - 1));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_items.insert(row, next.at(row));
        endInsertRows();
    }
}

} // namespace ContactDesk::Ui
