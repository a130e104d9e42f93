#pragma once

#include "store/outbox.h"

#include <QAbstractTableModel>
#include <QList>

namespace ContactDesk::Store {
class ContactCache;
class LocalEdits;
} // namespace ContactDesk::Store

namespace ContactDesk::Ui {

// The outbox as a table: every edit not yet on the server, oldest first, with its contact, what
// it changes, where it stands and why it waits. It follows the store's outbox signal with exact
// row signals (items leave, arrive and change), so a selection survives the worker's progress.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Contact,
        Change,
        State,
        Reason,
        Queued,
    };
    static constexpr int columnTotal = Queued + 1;

    enum Role
    {
        ItemIdRole = Qt::UserRole + 1, // qint64
        StateRole, // int: Store::OutboxState
        KindRole, // int: Store::OutboxKind
        ContactIdRole, // QString
        SortRole, // the raw value: text, or ms for Queued
    };

    OutboxModel(Store::Outbox& outbox, Store::ContactCache& contacts, Store::LocalEdits& edits,
        QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Store::OutboxItem* itemAt(int row) const;
    int rowOf(qint64 itemId) const;
    // Reads the outbox again and signals the differences.
    void refresh();

    static QString kindText(Store::OutboxKind kind);
    static QString stateText(Store::OutboxState state);

private:
    QString contactName(const QString& contactId) const;

    Store::Outbox& m_outbox;
    Store::ContactCache& m_contacts;
    QList<Store::OutboxItem> m_items;
};

} // namespace ContactDesk::Ui
