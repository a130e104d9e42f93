#pragma once

#include "automation/inbox.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

#include <optional>

namespace ContactDesk::Store {
class ContactCache;
}

namespace ContactDesk::Ui {

// The inbox's events as a table, newest first, under a filter (status, type, text). It reads
// the inbox window by window (pages of `pageSize` rows, a few pages kept) so 100,000 events
// cost a count and the rows the view shows. It follows the inbox's signals, gathered over a
// short delay: new events come in at the top with one insert; a status change repaints the
// rows (or, under a status or text filter, which the change may move rows in or out of, the
// table reads again).
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Type,
        User,
        Status,
        Contact,
        Requests,
    };
    static constexpr int columnTotal = Requests + 1;

    enum Role
    {
        SeqRole = Qt::UserRole + 1, // qint64
        StatusRole, // int: Automation::EventStatus
        ContactIdRole, // QString
        SortRole, // the raw value
    };

    static constexpr int pageSize = 100;
    static constexpr int keptPages = 8;

    // `contacts`, when given, names the contact of each event (its id otherwise).
    explicit EventLogModel(Automation::Inbox& inbox, const Store::ContactCache* contacts = nullptr,
        QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const Automation::InboxFilter& filter);
    const Automation::InboxFilter& filter() const { return m_filter; }
    // The event of a row (read from its page); nothing outside the table.
    std::optional<Automation::InboxEvent> eventAt(int row) const;
    // The row of an event among the pages in memory, -1 when not there.
    int rowOfSeq(qint64 seq) const;
    // Reads the count again and signals the difference now (the inbox's signals land here
    // after `refreshDelayMs`).
    void refresh();
    // How many events the model holds in memory (for the tests of its paging).
    int rowsInMemory() const;

    static constexpr int refreshDelayMs = 150;
    static QString statusText(Automation::EventStatus status);

private:
    const QList<Automation::InboxEvent>* page(int index) const;
    // Valid until the next page is read.
    const Automation::InboxEvent* entryAt(int row) const;

    Automation::Inbox& m_inbox;
    const Store::ContactCache* m_contacts;
    Automation::InboxFilter m_filter;
    int m_count = 0;
    mutable QHash<int, QList<Automation::InboxEvent>> m_pages;
    mutable QList<int> m_pageOrder; // least recently read first
    QTimer m_refresh;
};

} // namespace ContactDesk::Ui
