#pragma once

#include "api/models/appointment.h"
#include "api/models/locationlists.h"
#include "ui/detail/childtablemodel.h"

#include <QString>

namespace ContactDesk::Store {
class ChildCache;
class LocalEdits;
} // namespace ContactDesk::Store

namespace ContactDesk::Ui {

// One contact's appointments from the cache, by start time. Read-only: appointments are booked
// and changed through HighLevel's calendars, not the Contacts API.
class AppointmentListModel : public ChildTableModel<Api::Appointment>
{
    Q_OBJECT

public:
    enum Column
    {
        StartColumn,
        EndColumn,
        StatusColumn,
        TitleColumn,
        CalendarColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // times in ms, the rest as text
        AppointmentIdRole,
    };

    AppointmentListModel(
        Store::ChildCache& cache, Store::LocalEdits& edits, QObject* parent = nullptr);

    // The location's lists: appointments show their calendar's name, or the calendar id when
    // the list does not know it (or cannot be read).
    void setLocationLists(const Api::LocationLists& lists);

    // The status people read: the appointment's own ("confirmed", "showed") before the
    // event's ("booked", "cancelled").
    static QString statusText(const Api::Appointment& appointment);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QList<Api::Appointment> load(const QString& contactId) const override;
    QHash<QString, Store::ChildStatus> statuses(const QString& contactId) const override;
    QString calendarText(const Api::Appointment& appointment) const;

    Store::ChildCache& m_cache;
    Api::LocationLists m_lists;
};

} // namespace ContactDesk::Ui
