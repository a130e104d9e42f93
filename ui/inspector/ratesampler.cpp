#include "ui/inspector/ratesampler.h"

#include "api/apiclient.h"
#include "api/ratebudget.h"
#include "common/clock.h"

namespace ContactDesk::Ui {

RateSampler::RateSampler(Api::RateBudget& budget, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_budget(budget)
    , m_clock(clock)
{ }

void RateSampler::setHistoryMs(qint64 ms)
{
    m_historyMs = qMax<qint64>(1000, ms);
}

RateSampler::Series& RateSampler::seriesFor(const QString& connection)
{
    auto it = m_series.find(connection);
    if (it == m_series.end()) {
        it = m_series.insert(connection, Series());
        m_order.append(connection);
        Q_EMIT connectionAdded(connection);
    }
    return *it;
}

void RateSampler::setBudgetKey(const QString& connection, const QString& key)
{
    seriesFor(connection).budgetKey = key;
}

void RateSampler::addExchange(const QString& connection, const Api::ApiExchange& exchange)
{
    Series& series = seriesFor(connection);
    ++series.sinceLastSample;
    const qint64 now = m_clock.nowMs();
    if (exchange.status == 429)
        series.marks.push_back(
            {now, MarkKind::Throttled, exchange.status, exchange.attempt, exchange.operationId});
    // Attempts count from 1: anything later is a retry of the same request.
    if (exchange.attempt > 1)
        series.marks.push_back(
            {now, MarkKind::Retry, exchange.status, exchange.attempt, exchange.operationId});
}

void RateSampler::sample()
{
    const qint64 now = m_clock.nowMs();
    // The first sample covers one second; later ones the time since the one before.
    const qint64 elapsed = m_lastSampleMs < 0 ? 1000 : qMax<qint64>(1, now - m_lastSampleMs);
    m_lastSampleMs = now;
    const qint64 oldest = now - m_historyMs;
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        Series& series = *it;
        Sample sample;
        sample.atMs = now;
        sample.requestsPerSecond = series.sinceLastSample * 1000.0 / double(elapsed);
        series.sinceLastSample = 0;
        if (!series.budgetKey.isEmpty()) {
            const Api::RateBudget::State state = m_budget.state(series.budgetKey);
            sample.burstLimit = state.limit;
            sample.burstRemaining = state.serverRemaining >= 0
                ? state.serverRemaining
                : qMax(0, state.limit - state.sentInWindow);
            sample.dailyLimit = state.dailyLimit;
            sample.dailyRemaining = state.dailyExhausted ? 0
                : state.dailyRemaining >= 0              ? state.dailyRemaining
                                                         : state.dailyLimit;
            sample.paused = state.pausedUntilMs > now;
        }
        series.samples.push_back(sample);
        while (!series.samples.empty() && series.samples.front().atMs < oldest)
            series.samples.pop_front();
        while (!series.marks.empty() && series.marks.front().atMs < oldest)
            series.marks.pop_front();
    }
    Q_EMIT sampled();
}

const RateSampler::Series* RateSampler::series(const QString& connection) const
{
    const auto it = m_series.constFind(connection);
    return it == m_series.cend() ? nullptr : &*it;
}

int RateSampler::count(const QString& connection, MarkKind kind) const
{
    const Series* s = series(connection);
    if (!s)
        return 0;
    return int(std::count_if(
        s->marks.cbegin(), s->marks.cend(), [kind](const Mark& m) { return m.kind == kind; }));
}

} // namespace ContactDesk::Ui
