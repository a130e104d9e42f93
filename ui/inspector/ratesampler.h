#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class RateBudget;
struct ApiExchange;
} // namespace ContactDesk::Api

namespace ContactDesk::Ui {

// What the rate chart draws, per connection: requests per second and the burst and daily
// budget left, one sample a second (whoever owns the sampler calls sample(); the chart's timer,
// or a test by hand with a fake clock), and a mark for every 429 and every retry. Keeps the last
// historyMs of it. No widgets.
class RateSampler : public QObject
{
    Q_OBJECT

public:
    struct Sample
    {
        qint64 atMs = 0;
        double requestsPerSecond = 0;
        int burstLimit = 0;
        int burstRemaining = -1; // -1: no budget known (no connection key yet)
        qint64 dailyLimit = 0;
        qint64 dailyRemaining = -1;
        bool paused = false; // the budget waits out a 429
    };
    enum class MarkKind
    {
        Throttled, // a 429
        Retry, // an attempt after the first
    };
    struct Mark
    {
        qint64 atMs = 0;
        MarkKind kind = MarkKind::Throttled;
        int status = 0;
        int attempt = 0;
        QString operationId;
    };
    struct Series
    {
        QString budgetKey; // the location the budget counts under
        std::deque<Sample> samples;
        std::deque<Mark> marks;
        int sinceLastSample = 0; // exchanges since the last sample
    };

    RateSampler(Api::RateBudget& budget, const Clock& clock, QObject* parent = nullptr);

    static constexpr qint64 defaultHistoryMs = 5LL * 60 * 1000;
    qint64 historyMs() const { return m_historyMs; }
    void setHistoryMs(qint64 ms);

    // The rate budget key (location id) of a connection, for its remaining budget.
    void setBudgetKey(const QString& connection, const QString& key);
    // One exchange of `connection` (its display name) as it arrived.
    void addExchange(const QString& connection, const Api::ApiExchange& exchange);
    // Closes the second: one sample per connection; drops what is older than the history.
    void sample();

    QStringList connections() const { return m_order; }
    const Series* series(const QString& connection) const;
    int count(const QString& connection, MarkKind kind) const;

Q_SIGNALS:
    void sampled();
    // A connection was seen for the first time.
    void connectionAdded(const QString& connection);

private:
    Series& seriesFor(const QString& connection);

    Api::RateBudget& m_budget;
    const Clock& m_clock;
    qint64 m_historyMs = defaultHistoryMs;
    qint64 m_lastSampleMs = -1;
    QHash<QString, Series> m_series;
    QStringList m_order;
};

} // namespace ContactDesk::Ui
