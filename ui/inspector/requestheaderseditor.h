#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace ContactDesk::Ui {

// The request headers Compose adds to what the API client sends itself: a two-column table
// (name, value) with Add and Remove. Rows whose name and value are both empty are ignored.
class RequestHeadersEditor : public QWidget
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit RequestHeadersEditor(QWidget* parent = nullptr);

    // The rows as they will be sent (names and values trimmed, empty rows left out).
    Headers headers() const;
    void setHeaders(const Headers& headers);
    // Appends a row and puts the cursor in its name cell.
    void addRow(const QByteArray& name = {}, const QByteArray& value = {});
    void removeCurrentRow();
    int rowCount() const;

Q_SIGNALS:
    void changed();

private:
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace ContactDesk::Ui
