#pragma once

#include "inspector/trafficlog.h"

#include <QAbstractTableModel>

namespace ContactDesk::Ui {

// The traffic log as a table, oldest first. The log batches its signal, so between two batches
// it may already hold rows the model has not announced (or have dropped rows it still shows):
// the model keeps its own window (first serial, row count) and maps rows to serials, so every
// row signal is exact and a row never shows another exchange's data.
class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Connection,
        Operation,
        Method,
        Path,
        Status,
        Duration,
        RequestSize,
        ResponseSize,
        RateRemaining,
        Attempt,
        Cause,
    };
    static constexpr int columnTotal = Cause + 1;

    enum Role
    {
        SerialRole = Qt::UserRole + 1, // qint64
        SortRole, // the raw value of the column
        StatusClassRole, // QString: "2xx", "3xx", "4xx", "5xx" or "failed"
        OperationRole, // QString: the catalog's operation id
        ConnectionRole, // QString: the connection's display name
        CauseRole, // QString: requestCauseName()
        SearchTextRole, // QString: what the text filter looks in
    };

    explicit TrafficModel(Inspector::TrafficLog& log, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Inspector::TrafficLog& log() const { return m_log; }
    // The exchange shown in `row`; null when the log no longer holds it.
    const Inspector::TrafficEntry* entryAt(int row) const;
    // The row of `serial`, -1 when it is not shown.
    int rowOf(qint64 serial) const;

    // "2xx" ... "5xx" for an HTTP answer, "failed" for none.
    static QString statusClass(const Api::ApiExchange& exchange);
    // "1.2 KB", "340 B".
    static QString sizeText(qint64 bytes);

private:
    // Brings the window in line with the log: rows dropped at the front, then rows appended.
    void follow();
    void reset();

    Inspector::TrafficLog& m_log;
    qint64 m_firstSerial = 0;
    int m_count = 0;
};

} // namespace ContactDesk::Ui
