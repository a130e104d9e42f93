#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>

namespace ContactDesk::Sandbox {

// One request and its answer, secrets already redacted.
struct LoggedExchange
{
    qint64 seq = 0;
    qint64 atMs = 0;
    QString operationId; // the catalog's id, "oauth", "control" or empty for unknown routes
    QByteArray method;
    QString path;
    QString query;
    int status = 0; // 0: the connection was dropped without an answer
    qint64 latencyMs = 0;
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QByteArray requestBody;
    QByteArray responseBody;

    QJsonObject toJson() const;
};

// The sandbox's request log: what the inspector shows and `/__sandbox/requests` serves. Keeps
// the most recent entries only.
class RequestLog : public QObject
{
    Q_OBJECT

public:
    static constexpr int capacity = 20000;

    void append(LoggedExchange exchange); // assigns seq; redacts headers and bodies
    QList<LoggedExchange> since(qint64 seq) const;
    qint64 lastSeq() const { return m_nextSeq - 1; }
    void clear();

Q_SIGNALS:
    void logged(const ContactDesk::Sandbox::LoggedExchange& exchange);

private:
    std::deque<LoggedExchange> m_entries;
    qint64 m_nextSeq = 1;
};

} // namespace ContactDesk::Sandbox
