#pragma once

#include "inspector/trafficlog.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace ContactDesk::Ui {

class JsonBodyView;

// One exchange in full: a summary line, for a 4xx/5xx or a failure the error the server gave and
// what ContactDesk did about it, then the request and the response (headers, body as coloured
// JSON or a folding tree, with search), the raw text of both, and the timing.
class ExchangeDetail : public QWidget
{
    Q_OBJECT

public:
    explicit ExchangeDetail(QWidget* parent = nullptr);

    // Shows `entry`; null clears the view.
    void setEntry(const Inspector::TrafficEntry* entry);
    qint64 serial() const { return m_serial; }

    QString summaryText() const;
    // Empty unless the shown exchange is an error.
    QString errorText() const;
    JsonBodyView* requestBody() const { return m_requestBody; }
    JsonBodyView* responseBody() const { return m_responseBody; }
    QString rawText() const;

    // The request and the answer as they would look on the wire (HTTP/1.1), headers redacted.
    static QString rawExchange(const Inspector::TrafficEntry& entry);
    // The server's message in an error body ("message", "error" or a list of them).
    static QString errorMessage(const QByteArray& body);

private:
    QWidget* bodyTab(QTreeWidget** headers, JsonBodyView** body, const QString& name);

    qint64 m_serial = 0;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_requestHeaders = nullptr;
    QTreeWidget* m_responseHeaders = nullptr;
    JsonBodyView* m_requestBody = nullptr;
    JsonBodyView* m_responseBody = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QLabel* m_timing = nullptr;
};

} // namespace ContactDesk::Ui
