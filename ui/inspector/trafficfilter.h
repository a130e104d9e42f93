#pragma once

#include <QSortFilterProxyModel>

namespace ContactDesk::Ui {

class TrafficModel;

// What the traffic table shows: every criterion left empty lets everything through. Text
// matches the operation, method, path, status, connection, cause and outcome (any order of
// words, case-insensitive); the status class is "2xx" ... "5xx", "failed" (no HTTP answer) or
// "errors" (4xx, 5xx and failed together).
class TrafficFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TrafficFilter(QObject* parent = nullptr);

    void setText(const QString& text);
    void setStatusClass(const QString& statusClass);
    void setOperation(const QString& operationId);
    void setConnection(const QString& connection);
    void setCause(const QString& causeName);

    QString text() const { return m_words.join(u' '); }
    QString statusClass() const { return m_statusClass; }
    QString operation() const { return m_operation; }
    QString connection() const { return m_connection; }
    QString cause() const { return m_cause; }

    // The serials of the rows that pass, in the order shown.
    QList<qint64> serials() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void update(QString* field, const QString& value);

    QStringList m_words;
    QString m_statusClass;
    QString m_operation;
    QString m_connection;
    QString m_cause;
};

} // namespace ContactDesk::Ui
