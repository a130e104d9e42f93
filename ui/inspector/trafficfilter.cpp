#include "ui/inspector/trafficfilter.h"

#include "ui/inspector/trafficmodel.h"

namespace ContactDesk::Ui {

TrafficFilter::TrafficFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TrafficModel::SortRole);
    // New rows are filtered (and sorted) as they arrive; only they are looked at.
    setDynamicSortFilter(true);
}

void TrafficFilter::setText(const QString& text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void TrafficFilter::update(QString* field, const QString& value)
{
    if (*field == value)
        return;
    *field = value;
    invalidateFilter();
}

void TrafficFilter::setStatusClass(const QString& statusClass)
{
    update(&m_statusClass, statusClass);
}

void TrafficFilter::setOperation(const QString& operationId)
{
    update(&m_operation, operationId);
}

void TrafficFilter::setConnection(const QString& connection)
{
    update(&m_connection, connection);
}

void TrafficFilter::setCause(const QString& causeName)
{
    update(&m_cause, causeName);
}

QList<qint64> TrafficFilter::serials() const
{
    QList<qint64> found;
    found.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        found.append(index(row, 0).data(TrafficModel::SerialRole).toLongLong());
    return found;
}

bool TrafficFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex source = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_statusClass.isEmpty()) {
        const QString actual = source.data(TrafficModel::StatusClassRole).toString();
        if (m_statusClass == QLatin1String("errors")) {
            if (actual != QLatin1String("4xx") && actual != QLatin1String("5xx")
                && actual != QLatin1String("failed"))
                return false;
        } else if (actual != m_statusClass) {
            return false;
        }
    }
    if (!m_operation.isEmpty()
        && source.data(TrafficModel::OperationRole).toString() != m_operation)
        return false;
    if (!m_connection.isEmpty()
        && source.data(TrafficModel::ConnectionRole).toString() != m_connection)
        return false;
    if (!m_cause.isEmpty() && source.data(TrafficModel::CauseRole).toString() != m_cause)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = source.data(TrafficModel::SearchTextRole).toString();
    for (const QString& word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace ContactDesk::Ui
