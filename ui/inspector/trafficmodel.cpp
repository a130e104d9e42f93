#include "ui/inspector/trafficmodel.h"

#include <QDateTime>
#include <QLocale>

namespace ContactDesk::Ui {

namespace {

// The size the answer declared, else what was kept of it (a cut body is shorter than it was).
qint64 bodySize(const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body)
{
    for (const auto& [name, value] : headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 declared = value.trimmed().toLongLong(&ok);
            if (ok)
                return declared;
        }
    }
    return body.size();
}

QString pathText(const QUrl& url)
{
    const QString query = url.query(QUrl::FullyDecoded);
    return query.isEmpty() ? url.path() : url.path() + u'?' + query;
}

} // namespace

TrafficModel::TrafficModel(Inspector::TrafficLog& log, QObject* parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    connect(&m_log, &Inspector::TrafficLog::appended, this, &TrafficModel::follow);
    connect(&m_log, &Inspector::TrafficLog::cleared, this, &TrafficModel::reset);
    // The outcome shows in the status column's tooltip and the search text.
    connect(&m_log, &Inspector::TrafficLog::outcomeChanged, this, [this](qint64 serial) {
        const int row = rowOf(serial);
        if (row >= 0)
            Q_EMIT dataChanged(
                index(row, Status), index(row, Status), {Qt::ToolTipRole, SearchTextRole});
    });
    follow();
}

int TrafficModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int TrafficModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

const Inspector::TrafficEntry* TrafficModel::entryAt(int row) const
{
    if (row < 0 || row >= m_count || m_log.size() == 0)
        return nullptr;
    const qint64 index = m_firstSerial + row - m_log.at(0).serial;
    if (index < 0 || index >= m_log.size())
        return nullptr;
    const Inspector::TrafficEntry& entry = m_log.at(int(index));
    return entry.serial == m_firstSerial + row ? &entry : nullptr;
}

int TrafficModel::rowOf(qint64 serial) const
{
    const qint64 row = serial - m_firstSerial;
    return row >= 0 && row < m_count ? int(row) : -1;
}

QString TrafficModel::statusClass(const Api::ApiExchange& exchange)
{
    if (exchange.status < 100 || exchange.status > 599)
        return QStringLiteral("failed");
    return QStringLiteral("%1xx").arg(exchange.status / 100);
}

QString TrafficModel::sizeText(qint64 bytes)
{
    if (bytes < 0)
        return {};
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QVariant TrafficModel::data(const QModelIndex& index, int role) const
{
    const Inspector::TrafficEntry* entry = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!entry)
        return {};
    const Api::ApiExchange& x = entry->exchange;
    switch (role) {
    case SerialRole:
        return entry->serial;
    case StatusClassRole:
        return statusClass(x);
    case OperationRole:
        return x.operationId;
    case ConnectionRole:
        return entry->connection;
    case CauseRole:
        return Api::requestCauseName(x.cause);
    case SearchTextRole:
        return QStringList {x.operationId, QString::fromLatin1(x.method), pathText(x.url),
            QString::number(x.status), x.transportError, entry->connection,
            Api::requestCauseName(x.cause), entry->outcome}
            .join(u' ');
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Status:
        case Duration:
        case RequestSize:
        case ResponseSize:
        case RateRemaining:
        case Attempt:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Status && !x.transportError.isEmpty())
            return x.transportError;
        if (index.column() == Status && !entry->outcome.isEmpty())
            return entry->outcome;
        if (index.column() == Path)
            return x.url.toDisplayString();
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case Time:
            return entry->serial;
        case Status:
            return x.status;
        case Duration:
            return x.durationMs;
        case RequestSize:
            return qint64(x.requestBody.size());
        case ResponseSize:
            return bodySize(x.responseHeaders, x.responseBody);
        case RateRemaining:
            return entry->rateRemaining;
        case Attempt:
            return x.attempt;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(x.startedAtMs)
            .toString(QStringLiteral("HH:mm:ss.zzz"));
    case Connection:
        return entry->connection;
    case Operation:
        return x.operationId;
    case Method:
        return QString::fromLatin1(x.method);
    case Path:
        return pathText(x.url);
    case Status:
        return x.status > 0 ? QString::number(x.status) : tr("failed");
    case Duration:
        return tr("%1 ms").arg(x.durationMs);
    case RequestSize:
        return x.requestBody.isEmpty() ? QString() : sizeText(x.requestBody.size());
    case ResponseSize:
        return sizeText(bodySize(x.responseHeaders, x.responseBody));
    case RateRemaining:
        return entry->rateRemaining >= 0 ? QString::number(entry->rateRemaining) : QString();
    case Attempt:
        return x.attempt;
    case Cause:
        return Api::requestCauseName(x.cause);
    }
    return {};
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Connection:
        return tr("Connection");
    case Operation:
        return tr("Operation");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case RequestSize:
        return tr("Sent");
    case ResponseSize:
        return tr("Received");
    case RateRemaining:
        return tr("Rate left");
    case Attempt:
        return tr("Attempt");
    case Cause:
        return tr("Cause");
    }
    return {};
}

void TrafficModel::follow()
{
    const int size = m_log.size();
    if (size == 0) {
        reset();
        return;
    }
    const qint64 logFirst = m_log.at(0).serial;
    const qint64 logLast = m_log.at(size - 1).serial;
    if (m_count > 0) {
        const int dropped = int(qBound(qint64(0), logFirst - m_firstSerial, qint64(m_count)));
        if (dropped > 0) {
            beginRemoveRows({}, 0, dropped - 1);
            m_firstSerial += dropped;
            m_count -= dropped;
            endRemoveRows();
        }
    }
    if (m_count == 0)
        m_firstSerial = logFirst;
    const qint64 added = logLast - (m_firstSerial + m_count - 1);
    if (added > 0) {
        beginInsertRows({}, m_count, m_count + int(added) - 1);
        m_count += int(added);
        endInsertRows();
    }
}

void TrafficModel::reset()
{
    if (m_count == 0)
        return;
    beginRemoveRows({}, 0, m_count - 1);
    m_count = 0;
    endRemoveRows();
}

} // namespace ContactDesk::Ui
