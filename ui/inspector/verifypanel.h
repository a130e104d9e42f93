#pragma once

#include "api/endpointverifier.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QSettings;
class QTableWidget;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
struct ApiExchange;
}

namespace ContactDesk::Ui {

class AppController;

// "Verify each endpoint before going to production", in the inspector: one row per catalog
// operation with its outcome, HTTP status, time and the exchange behind it. On the built-in
// sandbox "Verify all" runs every operation (the verifier makes and cleans up what it needs);
// on any other connection only the reads run unless the user ticks "Allow writes". The last
// run of each connection is kept in the settings and shown again when the panel opens.
class VerifyPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        OperationColumn,
        OutcomeColumn,
        StatusColumn,
        TimeColumn,
        ExchangeColumn,
        ReasonColumn,
        ColumnCount,
    };

    VerifyPanel(
        AppController& app, QSettings& settings, const Clock& clock, QWidget* parent = nullptr);
    ~VerifyPanel() override;

    // Starts a run on the open connection; false when none is open or one runs.
    bool verifyAll();
    bool isRunning() const;
    // "Verified 47/47 on Sandbox, 2026-12-07 13:05", or that there is no run yet.
    QString summaryText() const;

Q_SIGNALS:
    void runFinished();

private:
    // One row as shown and as kept in the settings.
    struct Row
    {
        QString operationId;
        QString outcome; // VerifyResult::outcomeName, empty while not run
        int httpStatus = 0;
        qint64 latencyMs = -1;
        QString exchange; // "GET /contacts/abc → 200"
        QString reason;
    };
    struct LastRun
    {
        qint64 atMs = 0;
        QString environment;
        bool writes = false;
        QList<Row> rows;
    };

    void buildRows();
    void showRow(const Row& row);
    void onOpened();
    void onClosing();
    void onResult(const Api::VerifyResult& result);
    void onExchanged(const Api::ApiExchange& exchange);
    void onFinished();
    void updateTarget();
    void updateSummary();
    Api::VerifyOptions options() const;
    QString settingsKey() const;
    void loadLastRun();
    void saveLastRun() const;

    AppController& m_app;
    QSettings& m_settings;
    const Clock& m_clock;
    QLabel* m_target = nullptr;
    QCheckBox* m_allowWrites = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;

    std::unique_ptr<Api::EndpointVerifier> m_verifier;
    QHash<QString, int> m_rowOf; // operation id -> row
    QHash<QString, QString> m_lastExchange; // operation id -> its latest exchange, this run
    LastRun m_current; // the run under way
    LastRun m_last; // the last finished run of the open connection
};

} // namespace ContactDesk::Ui
