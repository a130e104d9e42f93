#pragma once

#include "inspector/trafficlog.h"
#include "ui/mapping/fileprompts.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QToolButton;

namespace ContactDesk::Ui {

class ExchangeDetail;
class TrafficFilter;
class TrafficModel;

// The Traffic tab: the live table of exchanges with its filters, the detail of the selected
// one, pause/resume (the table stops following the newest; the bar counts what arrived), clear,
// the log's capacity, copy as curl and the exports (selection or filter as a Postman
// collection or HAR, the whole catalog as a collection), through file prompts tests answer.
class TrafficPane : public QWidget
{
    Q_OBJECT

public:
    enum class Format
    {
        Postman,
        Har,
    };

    explicit TrafficPane(Inspector::TrafficLog& log, QWidget* parent = nullptr);
    ~TrafficPane() override;

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    // The base URL the catalog collection points its {{baseUrl}} at (the open connection's).
    void setCatalogBaseUrl(std::function<QUrl()> baseUrl) { m_catalogBaseUrl = std::move(baseUrl); }

    TrafficModel* model() const { return m_model; }
    TrafficFilter* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    ExchangeDetail* detail() const { return m_detail; }

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Exchanges that arrived since the pause.
    int arrivedWhilePaused() const { return m_arrivedWhilePaused; }

    // The selected exchange (the current row), null when none.
    const Inspector::TrafficEntry* currentEntry() const;
    QList<Inspector::TrafficEntry> selectedEntries() const;
    QList<Inspector::TrafficEntry> filteredEntries() const;
    // Selects the newest exchange the filter shows.
    void selectLatest();
    // Shows only the exchanges of one cause whose operation, path or status mention `text`
    // (the event log's "Show Requests": an automation's calls for one contact); the other
    // filters are reset.
    void showOnly(const QString& text, Api::RequestCause cause);

    // The selected exchange as a curl command on the clipboard; false when none is selected.
    bool copyAsCurl();
    // Asks for a file and writes `entries` there; false when cancelled, empty or not written
    // (the status line says why).
    bool exportEntries(const QList<Inspector::TrafficEntry>& entries, Format format);
    bool exportCatalog();

    QString statusText() const;
    void showStatus(const QString& text);

Q_SIGNALS:
    void replayRequested(qint64 serial);
    void composeRequested(qint64 serial);
    // The user changed how many exchanges the log keeps (the log already follows).
    void capacityChanged(int capacity);

private:
    QWidget* createFilterBar();
    QWidget* createActionBar();
    void rowsArrived(int count);
    void showCurrent();
    void noteConnections(int first, int last);
    bool writeJson(const QJsonObject& json, const QString& caption, const QString& suggested,
        const QString& filter);

    Inspector::TrafficLog& m_log;
    TrafficModel* m_model = nullptr;
    TrafficFilter* m_filter = nullptr;
    QTableView* m_view = nullptr;
    ExchangeDetail* m_detail = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_operation = nullptr;
    QComboBox* m_connection = nullptr;
    QComboBox* m_cause = nullptr;
    QToolButton* m_pause = nullptr;
    QLabel* m_pausedLabel = nullptr;
    QSpinBox* m_capacity = nullptr;
    QLabel* m_statusLine = nullptr;
    FilePrompts m_prompts = FilePrompts::native();
    std::function<QUrl()> m_catalogBaseUrl;
    bool m_paused = false;
    int m_arrivedWhilePaused = 0;
    bool m_scrollPending = false;
};

} // namespace ContactDesk::Ui
