#pragma once

#include "ui/inspector/ratesampler.h"

#include <QMetaObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QChart;
class QChartView;

namespace ContactDesk::Api {
class RateBudget;
}

namespace ContactDesk::Inspector {
class TrafficLog;
}

namespace ContactDesk::Ui {

class AppController;

// The rate budget over the last minutes (Qt Charts): requests per second and the burst and
// daily budget left (as a share of their limits), per connection, with every 429 and every
// retry marked. Sampled once a second by its own timer; tests stop it and sample by hand with a
// fake clock.
class RateChartPanel : public QWidget
{
    Q_OBJECT

public:
    RateChartPanel(Api::RateBudget& budget, const Clock& clock, QWidget* parent = nullptr);

    // Reads every connection's exchanges from the app's traffic log (instead of the open
    // client's own signal).
    void setTrafficLog(Inspector::TrafficLog& log);
    // Follows the connection the app has open: its budget, and its client's exchanges unless a
    // traffic log brings them.
    void follow(AppController& app);

    RateSampler& sampler() { return m_sampler; }
    // The once-a-second timer (on by default).
    void setAutoSampling(bool on);
    // The connection shown (a display name the sampler knows).
    QString currentConnection() const;
    void showConnection(const QString& connection);
    QChart* chart() const { return m_chart; }
    // "3 requests/s, burst 87/100 left, ...", for the connection shown.
    QString summaryText() const;

private:
    void redraw();
    void readTraffic(int count);
    void addConnection(const QString& connection);

    const Clock& m_clock;
    RateSampler m_sampler;
    QTimer m_timer;
    QPointer<Inspector::TrafficLog> m_log;
    QMetaObject::Connection m_clientConnection;
    QComboBox* m_connection = nullptr;
    QComboBox* m_history = nullptr;
    QLabel* m_summary = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QValueAxis* m_time = nullptr;
    QValueAxis* m_rate = nullptr;
    QValueAxis* m_share = nullptr;
    QLineSeries* m_requests = nullptr;
    QLineSeries* m_burst = nullptr;
    QLineSeries* m_daily = nullptr;
    QScatterSeries* m_throttled = nullptr;
    QScatterSeries* m_retries = nullptr;
};

} // namespace ContactDesk::Ui
