#pragma once

#include "api/apiclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>

namespace ContactDesk::Inspector {

// One exchange as the inspector keeps it: the redacted ApiExchange (ApiClient::exchanged
// redacts before anything leaves the client) with the connection it went through and what
// ContactDesk did about its answer.
struct TrafficEntry
{
    qint64 serial = 0; // increasing, never reused
    QString connection; // the connection's display name ("Built-in sandbox", ...)
    QString environment; // "sandbox", "production", "custom"
    Api::ApiExchange exchange;
    int rateRemaining = -1; // X-RateLimit-Remaining of the answer, -1 when absent
    // For a 4xx/5xx or a transport failure: "retried after 2 s", "reconciled: ...", "gave up",
    // filled in when the client's next step is known (or, for "reconciled", when the feature
    // that sent it, such as the outbox, settled it with the server); empty otherwise.
    QString outcome;
    bool bodiesTruncated = false;
};

struct TrafficOptions
{
    int capacity = 10000; // the last N exchanges are kept
    qint64 maxBodyBytes = 64 * 1024; // each body is cut there (bodiesTruncated)
};

// The in-memory log of every exchange of every connection the app (or CLI) has open, newest
// last, capped. No widgets: the inspector's models and the CLI's --har read it.
class TrafficLog : public QObject
{
    Q_OBJECT

public:
    explicit TrafficLog(TrafficOptions options = {}, QObject* parent = nullptr);

    const TrafficOptions& options() const { return m_options; }
    void setCapacity(int capacity); // drops the oldest beyond it

    // Follows a client's exchanged() signal, tagging each exchange with the connection.
    void attach(Api::ApiClient& client, const QString& connection, const QString& environment);
    // Adds one exchange from elsewhere than a client (redacted here); returns its serial.
    qint64 add(
        const QString& connection, const QString& environment, const Api::ApiExchange& exchange);
    void clear();
    // What ContactDesk did about an answer, when a caller knows better than the log ("reconciled",
    // "gave up"); emits outcomeChanged. False when the entry is gone.
    bool setOutcome(qint64 serial, const QString& outcome);

    // size() counts every entry, also those the next appended() announces; until then at(i)
    // keeps the rows listeners know where they were (the oldest are dropped when it is sent).
    int size() const { return int(m_entries.size()); }
    const TrafficEntry& at(int index) const { return m_entries[std::size_t(index)]; }
    const TrafficEntry* find(qint64 serial) const;
    QList<TrafficEntry> entries() const;

Q_SIGNALS:
    // Batched: emitted at most every few milliseconds with what arrived since, so a view stays
    // smooth at 100 exchanges a second. `dropped`: how many of the oldest were removed first.
    void appended(int count, int dropped);
    void cleared();
    // An entry's outcome was filled in (the client retried it, or setOutcome()).
    void outcomeChanged(qint64 serial);

private:
    // Trims to the capacity and announces what arrived since the last appended().
    void flush();
    void scheduleFlush();
    enum class Redaction
    {
        Needed,
        Done, // an ApiClient's exchange: redacted before it left the client
    };
    qint64 append(const QString& connection, const QString& environment,
        const Api::ApiExchange& exchange, Redaction redaction);
    void noteRetry(const TrafficEntry& entry);
    void noteOutcome(const QString& connection, const QByteArray& method, const QUrl& url,
        int attempt, const QString& outcome);
    void noteGaveUp(const QString& connection, const QByteArray& method, const QUrl& url,
        int attempt, const QString& reason);
    TrafficEntry* findEntry(qint64 serial);

    TrafficOptions m_options;
    std::deque<TrafficEntry> m_entries;
    qint64 m_nextSerial = 1;
    QTimer m_flushTimer;
    int m_announced = 0; // entries listeners know of (the front of m_entries)
    int m_pending = 0; // entries added since the last appended()
    // Failed attempts that may still be retried, by connection, method and URL: the serial of
    // the last one, whose outcome the next attempt of the same request fills in.
    QHash<QString, qint64> m_awaitingRetry;
};

} // namespace ContactDesk::Inspector
