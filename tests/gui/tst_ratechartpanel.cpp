// The inspector's rate chart: a stream of exchanges sampled once a (fake) second gives the
// requests-per-second line, the burst and daily budget left, and a mark for each 429 and each
// retry; old samples leave the chart; each connection has its own series. Then the same on the
// app's controller, where a 429 the sandbox answers is marked together with the retry after it.

#include "inspector/trafficlog.h"
#include "inspectorpanelfixture.h"
#include "ui/inspector/ratechartpanel.h"

#include <QChart>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

using namespace ContactDesk;
using InspectorPanelTest::Harness;

namespace {

template <typename Series>
QList<QPointF> points(Ui::RateChartPanel& panel, const char* name)
{
    for (QAbstractSeries* series : panel.chart()->series()) {
        if (series->objectName() == QLatin1StringView(name))
            return static_cast<Series*>(series)->points();
    }
    return {};
}

Api::ApiExchange exchange(int status, int attempt = 1)
{
    Api::ApiExchange e;
    e.operationId = QStringLiteral("get-contact");
    e.method = "GET";
    e.status = status;
    e.attempt = attempt;
    return e;
}

} // namespace

class TestRateChartPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamOfExchangesMarksTheSeries();
    void sandbox429IsMarkedWithItsRetry();
    void readsEveryConnectionFromTheTrafficLog();
};

void TestRateChartPanel::streamOfExchangesMarksTheSeries()
{
    Testing::FakeClock clock;
    Api::RateBudget budget(clock);
    Ui::RateChartPanel panel(budget, clock);
    panel.setAutoSampling(false);
    panel.show();
    Ui::RateSampler& sampler = panel.sampler();
    sampler.setBudgetKey(QStringLiteral("Sandbox"), QStringLiteral("loc-1"));
    budget.observe(QStringLiteral("loc-1"),
        {{"x-ratelimit-max", "100"}, {"x-ratelimit-remaining", "80"},
            {"x-ratelimit-interval-milliseconds", "10000"}, {"x-ratelimit-limit-daily", "200000"},
            {"x-ratelimit-daily-remaining", "150000"}});

    for (int i = 0; i < 5; ++i)
        sampler.addExchange(QStringLiteral("Sandbox"), exchange(200));
    clock.advance(1000);
    sampler.sample();
    QCOMPARE(panel.currentConnection(), QStringLiteral("Sandbox"));
    QList<QPointF> rate = points<QLineSeries>(panel, "requestsPerSecond");
    QCOMPARE(rate.size(), 1);
    QCOMPARE(rate.at(0), QPointF(0, 5));
    QCOMPARE(points<QLineSeries>(panel, "burstRemaining").value(0).y(), 80.0);
    QCOMPARE(points<QLineSeries>(panel, "dailyRemaining").value(0).y(), 75.0);
    QVERIFY(points<QScatterSeries>(panel, "throttled").isEmpty());
    QVERIFY(points<QScatterSeries>(panel, "retries").isEmpty());

    // Half a second later: a 429 and the retry that follows it.
    clock.advance(200);
    sampler.addExchange(QStringLiteral("Sandbox"), exchange(429));
    sampler.addExchange(QStringLiteral("Sandbox"), exchange(200, 2));
    clock.advance(300);
    sampler.sample();
    rate = points<QLineSeries>(panel, "requestsPerSecond");
    QCOMPARE(rate.size(), 2);
    QCOMPARE(rate.at(0), QPointF(-0.5, 5));
    QCOMPARE(rate.at(1), QPointF(0, 4));
    const QList<QPointF> throttled = points<QScatterSeries>(panel, "throttled");
    QCOMPARE(throttled.size(), 1);
    QCOMPARE(throttled.at(0), QPointF(-0.3, 4));
    QCOMPARE(points<QScatterSeries>(panel, "retries").size(), 1);
    QVERIFY2(panel.summaryText().contains(QStringLiteral("1 throttled (429)")),
        qPrintable(panel.summaryText()));
    QVERIFY2(panel.summaryText().contains(QStringLiteral("burst 80/100 left")),
        qPrintable(panel.summaryText()));

    // Another connection has its own series; the one shown does not change by itself.
    sampler.addExchange(QStringLiteral("Production"), exchange(200));
    clock.advance(1000);
    sampler.sample();
    auto* connections = panel.findChild<QComboBox*>(QStringLiteral("rateConnection"));
    QCOMPARE(connections->count(), 2);
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").constLast().y(), 0.0);
    panel.showConnection(QStringLiteral("Production"));
    // Its series starts when it was first seen.
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").size(), 1);
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").constLast().y(), 1.0);
    QVERIFY(points<QScatterSeries>(panel, "throttled").isEmpty());
    // No budget key for it: no budget lines.
    QVERIFY(points<QLineSeries>(panel, "burstRemaining").isEmpty());

    // A shorter history: the axis follows.
    auto* history = panel.findChild<QComboBox*>(QStringLiteral("rateHistory"));
    history->setCurrentIndex(history->findData(60000));
    QCOMPARE(sampler.historyMs(), 60000);
    const auto* axis = qobject_cast<QValueAxis*>(panel.chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->min(), -60.0);
    history->setCurrentIndex(history->findData(int(Ui::RateSampler::defaultHistoryMs)));

    // Past the history everything from before leaves the chart.
    panel.showConnection(QStringLiteral("Sandbox"));
    clock.advance(Ui::RateSampler::defaultHistoryMs + 1000);
    sampler.sample();
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").size(), 1);
    QVERIFY(points<QScatterSeries>(panel, "throttled").isEmpty());
    QVERIFY(points<QScatterSeries>(panel, "retries").isEmpty());
}

void TestRateChartPanel::sandbox429IsMarkedWithItsRetry()
{
    Harness h;
    QVERIFY(h.app.openActive());
    QTRY_VERIFY_WITH_TIMEOUT(!h.app.workspace()->syncEngine().isRunning(), 15000);
    Ui::RateChartPanel panel(h.budget, h.fx.clock());
    panel.follow(h.app);
    QCOMPARE(panel.currentConnection(), h.app.connection().displayName);
    QVERIFY(h.fx.control("POST", QStringLiteral("/__sandbox/faults"),
                    QJsonObject {{QStringLiteral("kind"), QStringLiteral("status")},
                        {QStringLiteral("status"), 429}, {QStringLiteral("count"), 1},
                        {QStringLiteral("path"), QStringLiteral("/contacts/*")}})
                .status
        == 201);
    Api::RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), h.fx.data().contacts().cbegin().key());
    int status = -1;
    QObject context;
    h.app.workspace()
        ->client()
        .call(QStringLiteral("get-contact"), spec)
        ->onFinished(&context, [&status](const Api::ApiJob& job) { status = job.httpStatus(); });
    QTRY_VERIFY_WITH_TIMEOUT(status >= 0, 20000);
    QCOMPARE(status, 200);
    // The panel's own timer samples once a second.
    QTRY_COMPARE_WITH_TIMEOUT(points<QScatterSeries>(panel, "throttled").size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(points<QScatterSeries>(panel, "retries").size(), 1, 5000);
    QCOMPARE(points<QScatterSeries>(panel, "throttled").size(), 1);
    // The retry waited out the budget's pause after the 429: it is drawn later than the 429.
    QVERIFY(points<QScatterSeries>(panel, "retries").at(0).x()
        > points<QScatterSeries>(panel, "throttled").at(0).x());
    QVERIFY(!points<QLineSeries>(panel, "requestsPerSecond").isEmpty());
    QVERIFY(!points<QLineSeries>(panel, "burstRemaining").isEmpty());
}

void TestRateChartPanel::readsEveryConnectionFromTheTrafficLog()
{
    Testing::FakeClock clock;
    Api::RateBudget budget(clock);
    Inspector::TrafficLog log;
    Ui::RateChartPanel panel(budget, clock);
    panel.setAutoSampling(false);
    panel.setTrafficLog(log);
    log.add(QStringLiteral("Sandbox"), QStringLiteral("sandbox"), exchange(200));
    log.add(QStringLiteral("Sandbox"), QStringLiteral("sandbox"), exchange(429));
    log.add(QStringLiteral("Acme"), QStringLiteral("production"), exchange(200));
    QTRY_COMPARE(panel.sampler().connections().size(), 2);
    clock.advance(1000);
    panel.sampler().sample();
    panel.showConnection(QStringLiteral("Sandbox"));
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").value(0).y(), 2.0);
    QCOMPARE(points<QScatterSeries>(panel, "throttled").size(), 1);
    panel.showConnection(QStringLiteral("Acme"));
    QCOMPARE(points<QLineSeries>(panel, "requestsPerSecond").value(0).y(), 1.0);
    QVERIFY(points<QScatterSeries>(panel, "throttled").isEmpty());
}

QTEST_MAIN(TestRateChartPanel)
#include "tst_ratechartpanel.moc"
