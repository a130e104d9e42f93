#include "ui/automation/webhookdeliverymodel.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace ContactDesk::Ui {

WebhookDeliveryModel::WebhookDeliveryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void WebhookDeliveryModel::reload(const Webhooks::WebhookLedger* ledger)
{
    m_stored.clear();
    if (ledger) {
        for (const Webhooks::WebhookLedger::Delivery& delivery : ledger->recent()) {
            Row row;
            row.atMs = delivery.receivedAtMs;
            row.type = delivery.type;
            row.record = delivery.recordId;
            row.answer = 200;
            row.result = delivery.status;
            row.reason = delivery.reason;
            m_stored.append(row);
        }
    }
    rebuild();
}

void WebhookDeliveryModel::addRefusal(
    qint64 atMs, int status, const QString& type, const QString& reason)
{
    Row row;
    row.atMs = atMs;
    row.type = type;
    row.answer = status;
    row.result = QStringLiteral("refused");
    row.reason = reason;
    row.refused = true;
    m_refused.prepend(row);
    if (m_refused.size() > keptRefusals)
        m_refused.removeLast();
    rebuild();
}

void WebhookDeliveryModel::clearRefusals()
{
    m_refused.clear();
    rebuild();
}

void WebhookDeliveryModel::rebuild()
{
    beginResetModel();
    m_rows = m_stored + m_refused;
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) { return a.atMs > b.atMs; });
    endResetModel();
}

int WebhookDeliveryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WebhookDeliveryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookDeliveryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == Qt::ForegroundRole && row.refused)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::ToolTipRole)
        return row.reason.isEmpty() ? QVariant() : QVariant(row.reason);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ReceivedColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.atMs), QLocale::ShortFormat);
    case TypeColumn:
        return row.type.isEmpty() ? tr("(unreadable)") : row.type;
    case RecordColumn:
        return row.record;
    case AnswerColumn:
        return row.answer;
    case ResultColumn:
        if (row.refused)
            return tr("refused: %1").arg(row.reason);
        if (row.result == QStringLiteral("applied"))
            return tr("verified, applied");
        if (row.result == QStringLiteral("pending"))
            return tr("verified, waiting to be applied");
        if (row.result == QStringLiteral("ignored"))
            return tr("verified, ignored: %1").arg(row.reason);
        return tr("verified, %1: %2").arg(row.result, row.reason);
    default:
        return {};
    }
}

QVariant WebhookDeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReceivedColumn:
        return tr("Received");
    case TypeColumn:
        return tr("Event");
    case RecordColumn:
        return tr("Record");
    case AnswerColumn:
        return tr("Answer");
    case ResultColumn:
        return tr("Signature and result");
    default:
        return {};
    }
}

} // namespace ContactDesk::Ui
