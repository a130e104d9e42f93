#pragma once

#include "webhooks/webhookledger.h"

#include <QAbstractTableModel>
#include <QList>

namespace ContactDesk::Ui {

// HighLevel's deliveries as the Webhooks tab lists them, newest first: those the ledger stored
// (pending, applied, ignored with why) and, kept in memory since the window opened, those the
// receiver refused before storing anything (a bad signature, outside the replay window, no key,
// busy), each with the HTTP status it answered.
class WebhookDeliveryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReceivedColumn,
        TypeColumn,
        RecordColumn,
        AnswerColumn,
        ResultColumn,
        ColumnCount,
    };

    static constexpr int keptRefusals = 200;

    explicit WebhookDeliveryModel(QObject* parent = nullptr);

    // The ledger's newest deliveries replace the stored rows (null: none).
    void reload(const Webhooks::WebhookLedger* ledger);
    // A delivery answered without being stored: `status` is the HTTP status answered.
    void addRefusal(qint64 atMs, int status, const QString& type, const QString& reason);
    void clearRefusals();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        qint64 atMs = 0;
        QString type;
        QString record;
        int answer = 0;
        QString result;
        QString reason;
        bool refused = false;
    };
    void rebuild();

    QList<Row> m_stored;
    QList<Row> m_refused;
    QList<Row> m_rows;
};

} // namespace ContactDesk::Ui
