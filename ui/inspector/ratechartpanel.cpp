#include "ui/inspector/ratechartpanel.h"

#include "api/apiclient.h"
#include "common/clock.h"
#include "inspector/trafficlog.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace ContactDesk::Ui {

namespace {

template <typename Series>
Series* makeSeries(QObject* parent, const char* name, const QString& title, const QColor& color)
{
    auto* series = new Series(parent);
    series->setObjectName(QString::fromLatin1(name));
    series->setName(title);
    series->setColor(color);
    return series;
}

} // namespace

RateChartPanel::RateChartPanel(Api::RateBudget& budget, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_sampler(budget, clock, this)
{
    setObjectName(QStringLiteral("rateChartPanel"));
    m_connection = new QComboBox(this);
    m_connection->setObjectName(QStringLiteral("rateConnection"));
    m_history = new QComboBox(this);
    m_history->setObjectName(QStringLiteral("rateHistory"));
    for (const int minutes : {1, 5, 15, 60})
        m_history->addItem(tr("Last %n minute(s)", nullptr, minutes), minutes * 60000);
    m_history->setCurrentIndex(m_history->findData(int(RateSampler::defaultHistoryMs)));
    m_summary = new QLabel(tr("No requests yet."), this);
    m_summary->setObjectName(QStringLiteral("rateSummary"));
    m_summary->setWordWrap(true);

    m_chart = new QChart;
    m_chart->setObjectName(QStringLiteral("rateChart"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_requests = makeSeries<QLineSeries>(
        m_chart, "requestsPerSecond", tr("Requests per second"), QColor(0x1f, 0x6f, 0xb5));
    m_burst = makeSeries<QLineSeries>(
        m_chart, "burstRemaining", tr("Burst budget left (%)"), QColor(0x2e, 0x9d, 0x4a));
    m_daily = makeSeries<QLineSeries>(
        m_chart, "dailyRemaining", tr("Daily budget left (%)"), QColor(0x8a, 0x5c, 0xc4));
    m_throttled = makeSeries<QScatterSeries>(
        m_chart, "throttled", tr("429 Too Many Requests"), QColor(0xd3, 0x2f, 0x2f));
    m_throttled->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_throttled->setMarkerSize(9);
    m_retries
        = makeSeries<QScatterSeries>(m_chart, "retries", tr("Retry"), QColor(0xef, 0x8f, 0x00));
    m_retries->setMarkerSize(8);
    const QList<QAbstractSeries*> all {m_requests, m_burst, m_daily, m_throttled, m_retries};
    for (QAbstractSeries* series : all)
        m_chart->addSeries(series);

    m_time = new QValueAxis(m_chart);
    m_time->setTitleText(tr("Seconds ago"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_rate = new QValueAxis(m_chart);
    m_rate->setTitleText(tr("Requests/s"));
    m_rate->setLabelFormat(QStringLiteral("%d"));
    m_rate->setRange(0, 10);
    m_share = new QValueAxis(m_chart);
    m_share->setTitleText(tr("Budget left (%)"));
    m_share->setRange(0, 100);
    m_share->setTickCount(5);
    m_rate->setTickCount(5);
    m_share->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_rate, Qt::AlignLeft);
    m_chart->addAxis(m_share, Qt::AlignRight);
    for (QAbstractSeries* series : all)
        series->attachAxis(m_time);
    const QList<QAbstractSeries*> onRate {m_requests, m_throttled, m_retries};
    for (QAbstractSeries* series : onRate)
        series->attachAxis(m_rate);
    m_burst->attachAxis(m_share);
    m_daily->attachAxis(m_share);

    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("rateChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);

    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Connection:"), this);
    label->setBuddy(m_connection);
    top->addWidget(label);
    top->addWidget(m_connection, 1);
    top->addWidget(m_history);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(&m_sampler, &RateSampler::connectionAdded, this, &RateChartPanel::addConnection);
    connect(&m_sampler, &RateSampler::sampled, this, &RateChartPanel::redraw);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &RateChartPanel::redraw);
    connect(m_history, &QComboBox::currentIndexChanged, this, [this] {
        // A longer history keeps what comes from now on; what already left stays gone.
        m_sampler.setHistoryMs(m_history->currentData().toLongLong());
        redraw();
    });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, &m_sampler, &RateSampler::sample);
    m_timer.start();
    redraw();
}

void RateChartPanel::follow(AppController& app)
{
    const auto attach = [this, &app] {
        Sync::Workspace* workspace = app.workspace();
        if (!workspace)
            return;
        const Auth::Connection& connection = app.connection();
        const QString name = connection.displayName;
        m_sampler.setBudgetKey(name, connection.locationId);
        connect(&workspace->client(), &Api::ApiClient::exchanged, this,
            [this, name](
                const Api::ApiExchange& exchange) { m_sampler.addExchange(name, exchange); });
        showConnection(name);
    };
    connect(&app, &AppController::workspaceOpened, this, attach);
    attach();
}

void RateChartPanel::setTrafficLog(Inspector::TrafficLog& log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    disconnect(m_clientConnection);
    m_log = &log;
    connect(&log, &Inspector::TrafficLog::appended, this,
        [this](int count, int) { readTraffic(count); });
}

void RateChartPanel::readTraffic(int count)
{
    // appended() announces the newest `count` entries, at the end of the log.
    const int size = m_log->size();
    for (int i = qMax(0, size - count); i < size; ++i) {
        const Inspector::TrafficEntry& entry = m_log->at(i);
        m_sampler.addExchange(entry.connection, entry.exchange);
    }
}

void RateChartPanel::setAutoSampling(bool on)
{
    if (on)
        m_timer.start();
    else
        m_timer.stop();
}

void RateChartPanel::addConnection(const QString& connection)
{
    if (m_connection->findText(connection) < 0)
        m_connection->addItem(connection);
}

QString RateChartPanel::currentConnection() const
{
    return m_connection->currentText();
}

void RateChartPanel::showConnection(const QString& connection)
{
    addConnection(connection);
    m_connection->setCurrentIndex(m_connection->findText(connection));
}

QString RateChartPanel::summaryText() const
{
    return m_summary->text();
}

void RateChartPanel::redraw()
{
    const QString connection = currentConnection();
    const RateSampler::Series* series = m_sampler.series(connection);
    const qint64 now = m_clock.nowMs();
    const double historyS = double(m_sampler.historyMs()) / 1000.0;
    m_time->setRange(-historyS, 0);
    QList<QPointF> requests;
    QList<QPointF> burst;
    QList<QPointF> daily;
    QList<QPointF> throttled;
    QList<QPointF> retries;
    double peak = 0;
    if (series) {
        for (const RateSampler::Sample& s : series->samples) {
            const double x = double(s.atMs - now) / 1000.0;
            requests.append({x, s.requestsPerSecond});
            peak = qMax(peak, s.requestsPerSecond);
            if (s.burstRemaining >= 0 && s.burstLimit > 0)
                burst.append({x, 100.0 * s.burstRemaining / s.burstLimit});
            if (s.dailyRemaining >= 0 && s.dailyLimit > 0)
                daily.append({x, 100.0 * double(s.dailyRemaining) / double(s.dailyLimit)});
        }
        // A mark sits on the rate line, at the second its exchange was counted in.
        for (const RateSampler::Mark& mark : series->marks) {
            double y = 0;
            for (const RateSampler::Sample& s : series->samples) {
                if (s.atMs >= mark.atMs) {
                    y = s.requestsPerSecond;
                    break;
                }
            }
            const QPointF point(double(mark.atMs - now) / 1000.0, y);
            (mark.kind == RateSampler::MarkKind::Throttled ? throttled : retries).append(point);
        }
    }
    m_requests->replace(requests);
    m_burst->replace(burst);
    m_daily->replace(daily);
    m_throttled->replace(throttled);
    m_retries->replace(retries);
    m_rate->setRange(0, qMax(10.0, std::ceil(peak * 1.2)));
    m_rate->applyNiceNumbers();

    if (!series || series->samples.empty()) {
        m_summary->setText(tr("No requests yet."));
        return;
    }
    const RateSampler::Sample& last = series->samples.back();
    const QLocale locale;
    QStringList parts {tr("%1 requests/s").arg(locale.toString(last.requestsPerSecond, 'f', 1))};
    if (last.burstRemaining >= 0)
        parts.append(tr("burst %1/%2 left").arg(last.burstRemaining).arg(last.burstLimit));
    if (last.dailyRemaining >= 0)
        parts.append(
            tr("daily %1/%2 left")
                .arg(locale.toString(last.dailyRemaining), locale.toString(last.dailyLimit)));
    if (last.paused)
        parts.append(tr("paused after a 429"));
    parts.append(tr("%n throttled (429)", nullptr,
        m_sampler.count(connection, RateSampler::MarkKind::Throttled)));
    parts.append(
        tr("%n retries", nullptr, m_sampler.count(connection, RateSampler::MarkKind::Retry)));
    m_summary->setText(
        tr("%1 in the last %n minute(s)", nullptr, int(m_sampler.historyMs() / 60000))
            .arg(parts.join(QStringLiteral(", "))));
}

} // namespace ContactDesk::Ui
