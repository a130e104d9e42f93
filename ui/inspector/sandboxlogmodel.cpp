#include "ui/inspector/sandboxlogmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace ContactDesk::Ui {

SandboxLogModel::SandboxLogModel(Sandbox::RequestLog& log, QObject* parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    const qint64 from = qMax<qint64>(0, m_log.lastSeq() - capacity);
    for (const Sandbox::LoggedExchange& exchange : m_log.since(from))
        m_rows.push_back(exchange);
    m_batch.setSingleShot(true);
    m_batch.setInterval(200);
    connect(&m_batch, &QTimer::timeout, this, &SandboxLogModel::flush);
    connect(&m_log, &Sandbox::RequestLog::logged, this,
        [this](const Sandbox::LoggedExchange& exchange) {
            m_pending.append(exchange);
            if (m_pending.size() > capacity)
                m_pending.removeFirst();
            if (!m_batch.isActive())
                m_batch.start();
        });
}

int SandboxLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SandboxLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void SandboxLogModel::flush()
{
    m_batch.stop();
    if (m_pending.isEmpty())
        return;
    const int drop = qMax(0, int(m_rows.size() + m_pending.size()) - capacity);
    if (drop > 0) {
        const int removed = qMin(drop, int(m_rows.size()));
        beginRemoveRows({}, 0, removed - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + removed);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    for (const Sandbox::LoggedExchange& exchange : std::as_const(m_pending))
        m_rows.push_back(exchange);
    endInsertRows();
    m_pending.clear();
}

void SandboxLogModel::clear()
{
    m_log.clear();
    m_pending.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QVariant SandboxLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Sandbox::LoggedExchange& e = at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.seq;
        case StatusColumn:
            return e.status;
        case LatencyColumn:
            return e.latencyMs;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case OperationColumn:
            return e.operationId;
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case PathColumn:
            return e.query.isEmpty() ? e.path : e.path + u'?' + e.query;
        case StatusColumn:
            return e.status > 0 ? QString::number(e.status) : tr("dropped");
        case LatencyColumn:
            return tr("%1 ms").arg(e.latencyMs);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn
        && (e.status == 0 || e.status >= 400))
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::ToolTipRole && index.column() == PathColumn)
        return QString::fromUtf8(e.responseBody.left(2000));
    return {};
}

QVariant SandboxLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperationColumn:
        return tr("Operation");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    default:
        return {};
    }
}

} // namespace ContactDesk::Ui
