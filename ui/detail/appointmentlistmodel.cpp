#include "ui/detail/appointmentlistmodel.h"

#include "store/localedits.h"
#include "ui/detail/detailsupport.h"

#include <QCoreApplication>

namespace ContactDesk::Ui {

AppointmentListModel::AppointmentListModel(
    Store::ChildCache& cache, Store::LocalEdits& edits, QObject* parent)
    : ChildTableModel<Api::Appointment>(edits, parent)
    , m_cache(cache)
{ }

QList<Api::Appointment> AppointmentListModel::load(const QString& contactId) const
{
    return m_cache.appointments(contactId);
}

// Appointments are read-only here: they have no local state.
QHash<QString, Store::ChildStatus> AppointmentListModel::statuses(const QString&) const
{
    return {};
}

void AppointmentListModel::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    if (rowCount() > 0) {
        emit dataChanged(index(0, CalendarColumn), index(rowCount() - 1, CalendarColumn),
            {Qt::DisplayRole, Qt::AccessibleTextRole, SortRole});
    }
}

QString AppointmentListModel::statusText(const Api::Appointment& appointment)
{
    const QString status = appointment.appointmentStatus.isEmpty() ? appointment.status
                                                                   : appointment.appointmentStatus;
    static const struct
    {
        const char* wire;
        const char* text;
    } known[] = {
        {"new", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "New")},
        {"booked", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "Booked")},
        {"confirmed", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "Confirmed")},
        {"cancelled", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "Cancelled")},
        {"showed", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "Showed")},
        {"noshow", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "No show")},
        {"invalid", QT_TRANSLATE_NOOP("ContactDesk::Ui::AppointmentListModel", "Invalid")},
    };
    for (const auto& entry : known) {
        if (status.compare(QLatin1StringView(entry.wire), Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("ContactDesk::Ui::AppointmentListModel", entry.text);
    }
    return status;
}

QString AppointmentListModel::calendarText(const Api::Appointment& appointment) const
{
    return m_lists.calendarName(appointment.calendarId);
}

int AppointmentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentListModel::data(const QModelIndex& index, int role) const
{
    if (!isItemIndex(index))
        return {};
    const Api::Appointment& appointment = items().at(index.row());
    if (role == AppointmentIdRole)
        return appointment.id;
    const bool text = role == Qt::DisplayRole || role == Qt::AccessibleTextRole;
    switch (index.column()) {
    case StartColumn:
    case EndColumn: {
        const QDateTime& time
            = index.column() == StartColumn ? appointment.startTime : appointment.endTime;
        if (text)
            return localDateTimeText(time);
        if (role == SortRole)
            return time.isValid() ? time.toMSecsSinceEpoch() : qint64(0);
        break;
    }
    case StatusColumn:
        if (text || role == SortRole)
            return statusText(appointment);
        break;
    case TitleColumn:
        if (text || role == SortRole)
            return appointment.title;
        if (role == Qt::ToolTipRole && !appointment.notes.isEmpty())
            return appointment.notes;
        break;
    case CalendarColumn:
        if (text || role == SortRole)
            return calendarText(appointment);
        break;
    default:
        break;
    }
    return {};
}

QVariant AppointmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case StatusColumn:
        return tr("Status");
    case TitleColumn:
        return tr("Title");
    case CalendarColumn:
        return tr("Calendar");
    default:
        return {};
    }
}

Qt::ItemFlags AppointmentListModel::flags(const QModelIndex& index) const
{
    if (!isItemIndex(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace ContactDesk::Ui
