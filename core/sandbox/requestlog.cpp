#include "sandbox/requestlog.h"

#include "common/redaction.h"

#include <QJsonDocument>

namespace ContactDesk::Sandbox {

QJsonObject LoggedExchange::toJson() const
{
    QJsonObject headers;
    for (const auto& [name, value] : requestHeaders)
        headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    return {{QStringLiteral("seq"), seq}, {QStringLiteral("at"), atMs},
        {QStringLiteral("operationId"), operationId},
        {QStringLiteral("method"), QString::fromLatin1(method)}, {QStringLiteral("path"), path},
        {QStringLiteral("query"), query}, {QStringLiteral("status"), status},
        {QStringLiteral("latencyMs"), latencyMs}, {QStringLiteral("requestHeaders"), headers},
        {QStringLiteral("requestBody"), QString::fromUtf8(requestBody)},
        {QStringLiteral("responseBody"), QString::fromUtf8(responseBody)}};
}

void RequestLog::append(LoggedExchange exchange)
{
    exchange.seq = m_nextSeq++;
    for (auto& [name, value] : exchange.requestHeaders)
        value = redactHeaderValue(name, value);
    exchange.requestBody = redactBody(exchange.requestBody);
    exchange.responseBody = redactBody(exchange.responseBody);
    m_entries.push_back(exchange);
    if (m_entries.size() > capacity)
        m_entries.pop_front();
    Q_EMIT logged(m_entries.back());
}

QList<LoggedExchange> RequestLog::since(qint64 seq) const
{
    QList<LoggedExchange> result;
    // Entries are in seq order; skip straight to the first one after `seq`.
    const qint64 firstSeq = m_entries.empty() ? m_nextSeq : m_entries.front().seq;
    const qint64 skip = qBound<qint64>(0, seq - firstSeq + 1, qint64(m_entries.size()));
    for (auto it = m_entries.begin() + skip; it != m_entries.end(); ++it)
        result.append(*it);
    return result;
}

void RequestLog::clear()
{
    m_entries.clear();
}

} // namespace ContactDesk::Sandbox
