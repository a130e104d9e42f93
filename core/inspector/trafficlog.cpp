#include "inspector/trafficlog.h"

#include "common/redaction.h"

#include <algorithm>

namespace ContactDesk::Inspector {

namespace {

// Short enough that a view feels live, long enough that 100 exchanges a second arrive as a
// handful of row inserts instead of a hundred.
constexpr int flushIntervalMs = 40;
// A burst added without the event loop running (a replayed file, a test) is still announced in
// steps, so the entries beyond the capacity never pile up.
constexpr int maxPendingBeforeFlush = 1024;

bool mayBeRetried(int status)
{
    return status == 0 || status == 401 || status == 429 || status >= 500;
}

QString retryKey(const QString& connection, const Api::ApiExchange& exchange)
{
    return connection + u'\n' + QString::fromLatin1(exchange.method) + u' '
        + QString::fromUtf8(exchange.url.toEncoded());
}

int rateRemaining(const Api::ApiExchange& exchange)
{
    for (const auto& [name, value] : exchange.responseHeaders) {
        if (name.compare("x-ratelimit-remaining", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const int remaining = value.trimmed().toInt(&ok);
            return ok ? remaining : -1;
        }
    }
    return -1;
}

// The client redacts before it emits; add() is public, so whatever reaches the log goes
// through the same helper once more (a no-op on redacted text).
void redact(QList<QPair<QByteArray, QByteArray>>& headers)
{
    for (auto& [name, value] : headers)
        value = redactHeaderValue(name.toLower(), value);
}

bool cap(QByteArray& body, qint64 maxBytes)
{
    if (maxBytes < 0 || body.size() <= maxBytes)
        return false;
    body.truncate(maxBytes);
    return true;
}

QString waitText(qint64 ms)
{
    if (ms < 1000)
        return TrafficLog::tr("retried after %1 ms").arg(qMax<qint64>(0, ms));
    return TrafficLog::tr("retried after %1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1));
}

} // namespace

TrafficLog::TrafficLog(TrafficOptions options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_options.capacity = qMax(1, m_options.capacity);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrafficLog::flush);
}

void TrafficLog::setCapacity(int capacity)
{
    m_options.capacity = qMax(1, capacity);
    if (int(m_entries.size()) > m_options.capacity)
        scheduleFlush();
}

void TrafficLog::attach(
    Api::ApiClient& client, const QString& connection, const QString& environment)
{
    connect(&client, &Api::ApiClient::exchanged, this,
        [this, connection, environment](const Api::ApiExchange& exchange) {
            // ApiClient::exchanged redacts before anything leaves the client.
            append(connection, environment, exchange, Redaction::Done);
        });
    connect(&client, &Api::ApiClient::outcomeNoted, this,
        [this, connection](const QByteArray& method, const QUrl& url, int attempt,
            const QString& outcome) { noteOutcome(connection, method, url, attempt, outcome); });
    connect(&client, &Api::ApiClient::gaveUp, this,
        [this, connection](const QByteArray& method, const QUrl& url, int attempt,
            const QString& reason) { noteGaveUp(connection, method, url, attempt, reason); });
}

void TrafficLog::noteGaveUp(const QString& connection, const QByteArray& method, const QUrl& url,
    int attempt, const QString& reason)
{
    // The exchange is among the newest: look back a little only.
    constexpr int lookBack = 256;
    int looked = 0;
    for (auto it = m_entries.rbegin(); it != m_entries.rend() && looked < lookBack;
         ++it, ++looked) {
        const Api::ApiExchange& x = it->exchange;
        if (it->connection != connection || x.method != method || x.url != url
            || x.attempt != attempt)
            continue;
        m_awaitingRetry.remove(retryKey(connection, x));
        if (it->outcome.isEmpty()) {
            setOutcome(it->serial,
                attempt > 1 ? tr("gave up after %n attempt(s): %1", nullptr, attempt).arg(reason)
                            : tr("not sent again: %1").arg(reason));
        }
        return;
    }
}

void TrafficLog::noteOutcome(const QString& connection, const QByteArray& method, const QUrl& url,
    int attempt, const QString& outcome)
{
    // Said later than a retry or a give-up (after a back-off, a lookup, a restart of the
    // queue), so the whole log is looked through, newest first; it is rare.
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        const Api::ApiExchange& x = it->exchange;
        if (it->connection != connection || x.attempt != attempt || x.method != method
            || x.url != url)
            continue;
        m_awaitingRetry.remove(retryKey(connection, x));
        setOutcome(it->serial, outcome);
        return;
    }
}

qint64 TrafficLog::add(
    const QString& connection, const QString& environment, const Api::ApiExchange& exchange)
{
    return append(connection, environment, exchange, Redaction::Needed);
}

qint64 TrafficLog::append(const QString& connection, const QString& environment,
    const Api::ApiExchange& exchange, Redaction redaction)
{
    TrafficEntry entry;
    entry.serial = m_nextSerial++;
    entry.connection = connection;
    entry.environment = environment;
    entry.exchange = exchange;
    if (redaction == Redaction::Needed) {
        entry.exchange.url = redactUrl(entry.exchange.url);
        redact(entry.exchange.requestHeaders);
        redact(entry.exchange.responseHeaders);
        entry.exchange.requestBody = redactBody(entry.exchange.requestBody);
        entry.exchange.responseBody = redactBody(entry.exchange.responseBody);
    }
    entry.rateRemaining = rateRemaining(entry.exchange);
    const bool requestCut = cap(entry.exchange.requestBody, m_options.maxBodyBytes);
    const bool responseCut = cap(entry.exchange.responseBody, m_options.maxBodyBytes);
    entry.bodiesTruncated = requestCut || responseCut;
    noteRetry(entry);
    m_entries.push_back(std::move(entry));
    ++m_pending;
    if (m_pending >= maxPendingBeforeFlush)
        flush();
    else
        scheduleFlush();
    return m_nextSerial - 1;
}

void TrafficLog::noteRetry(const TrafficEntry& entry)
{
    const QString key = retryKey(entry.connection, entry.exchange);
    const auto it = m_awaitingRetry.find(key);
    if (it != m_awaitingRetry.end()) {
        const qint64 previousSerial = it.value();
        m_awaitingRetry.erase(it);
        const TrafficEntry* previous = find(previousSerial);
        // Only the next attempt of the same request says what became of the failed one; a
        // fresh request to the same URL (attempt 1) says nothing about it.
        if (previous && previous->outcome.isEmpty()
            && entry.exchange.attempt == previous->exchange.attempt + 1) {
            const qint64 wait = entry.exchange.startedAtMs
                - (previous->exchange.startedAtMs + previous->exchange.durationMs);
            setOutcome(previousSerial,
                previous->exchange.status == 401 ? tr("sent again with a refreshed token")
                                                 : waitText(wait));
        }
    }
    if (mayBeRetried(entry.exchange.status))
        m_awaitingRetry.insert(key, entry.serial);
}

bool TrafficLog::setOutcome(qint64 serial, const QString& outcome)
{
    TrafficEntry* entry = findEntry(serial);
    if (!entry)
        return false;
    entry->outcome = outcome;
    Q_EMIT outcomeChanged(serial);
    return true;
}

void TrafficLog::clear()
{
    m_flushTimer.stop();
    m_entries.clear();
    m_awaitingRetry.clear();
    m_announced = 0;
    m_pending = 0;
    Q_EMIT cleared();
}

const TrafficEntry* TrafficLog::find(qint64 serial) const
{
    // Serials increase along the deque, so the entry is found by bisection.
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), serial,
        [](const TrafficEntry& entry, qint64 wanted) { return entry.serial < wanted; });
    return it != m_entries.end() && it->serial == serial ? &*it : nullptr;
}

TrafficEntry* TrafficLog::findEntry(qint64 serial)
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), serial,
        [](const TrafficEntry& entry, qint64 wanted) { return entry.serial < wanted; });
    return it != m_entries.end() && it->serial == serial ? &*it : nullptr;
}

QList<TrafficEntry> TrafficLog::entries() const
{
    return QList<TrafficEntry>(m_entries.begin(), m_entries.end());
}

void TrafficLog::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TrafficLog::flush()
{
    m_flushTimer.stop();
    const int excess = int(m_entries.size()) - m_options.capacity;
    int dropped = 0;
    if (excess > 0) {
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        // Listeners are told only about rows they knew; entries that arrived and left within
        // the same batch are never announced.
        dropped = qMin(excess, m_announced);
        m_pending -= excess - dropped;
        if (m_awaitingRetry.size() > m_options.capacity) {
            const qint64 oldest = m_entries.front().serial;
            m_awaitingRetry.removeIf([oldest](auto it) { return it.value() < oldest; });
        }
    }
    const int count = m_pending;
    m_pending = 0;
    m_announced = int(m_entries.size());
    if (count > 0 || dropped > 0)
        Q_EMIT appended(count, dropped);
}

} // namespace ContactDesk::Inspector
