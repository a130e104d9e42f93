#pragma once

#include "sandbox/requestlog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <deque>

namespace ContactDesk::Ui {

// The built-in sandbox's own request log, as the server saw it (what `/__sandbox/requests`
// serves), newest last. Arrivals are taken in batches so a burst of requests costs one insert;
// only the last `capacity` are kept.
class SandboxLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        OperationColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        LatencyColumn,
        ColumnCount,
    };
    static constexpr int capacity = 1000;
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit SandboxLogModel(Sandbox::RequestLog& log, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const Sandbox::LoggedExchange& at(int row) const { return m_rows[std::size_t(row)]; }
    // Takes what arrived since the last batch now (the timer does it otherwise).
    void flush();
    // Empties the sandbox's log and the view.
    void clear();

private:
    Sandbox::RequestLog& m_log;
    std::deque<Sandbox::LoggedExchange> m_rows;
    QList<Sandbox::LoggedExchange> m_pending;
    QTimer m_batch;
};

} // namespace ContactDesk::Ui
