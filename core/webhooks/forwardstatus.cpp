#include "webhooks/forwardstatus.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

namespace ContactDesk::Webhooks {

ForwardStatus::ForwardStatus(ForwardQueue& queue, QObject* parent)
    : QObject(parent)
    , m_queue(queue)
{
    connect(&m_queue, &ForwardQueue::changed, this, [this] {
        if (m_pending)
            return;
        m_pending = true;
        QTimer::singleShot(0, this, [this] {
            m_pending = false;
            Q_EMIT changed();
        });
    });
}

QString ForwardStatus::statusText(const ForwardItem& item)
{
    switch (item.state) {
    case ForwardState::Queued:
        if (item.attempts == 0)
            return tr("Queued");
        return tr("Retrying at %1")
            .arg(QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(item.nextAttemptAtMs).time(), QLocale::LongFormat));
    case ForwardState::InFlight:
        return tr("Sending");
    case ForwardState::Delivered:
        return item.lastStatus > 0 ? tr("Delivered (HTTP %1)").arg(item.lastStatus)
                                   : tr("Delivered");
    case ForwardState::Dead:
        return tr("Dead letter");
    }
    return {};
}

ForwardRow ForwardStatus::row(const ForwardItem& item)
{
    ForwardRow row;
    row.id = item.seq;
    row.eventType = item.type;
    row.destination = item.destination;
    row.state = item.state;
    row.status = statusText(item);
    row.attempts = item.attempts;
    row.lastStatus = item.lastStatus;
    row.lastError = item.state == ForwardState::Delivered ? QString() : item.lastError;
    if (item.finishedAtMs > 0)
        row.timeMs = item.finishedAtMs;
    else if (item.state == ForwardState::Queued && item.attempts > 0)
        row.timeMs = item.nextAttemptAtMs;
    else
        row.timeMs = item.createdAtMs;
    row.eventId = item.eventId;
    row.contactId = item.contactId;
    return row;
}

QList<ForwardRow> ForwardStatus::recent(int limit) const
{
    QList<ForwardRow> rows;
    for (const ForwardItem& item : m_queue.recent(limit))
        rows.append(row(item));
    return rows;
}

QList<ForwardRow> ForwardStatus::deadLetters() const
{
    QList<ForwardRow> rows;
    for (const ForwardItem& item : m_queue.deadLetters())
        rows.append(row(item));
    return rows;
}

bool ForwardStatus::retry(qint64 id)
{
    return m_queue.retry(id);
}

bool ForwardStatus::discard(qint64 id)
{
    return m_queue.discard(id);
}

int ForwardStatus::retryAll()
{
    int count = 0;
    for (const ForwardItem& item : m_queue.deadLetters())
        count += m_queue.retry(item.seq) ? 1 : 0;
    return count;
}

int ForwardStatus::discardAll()
{
    int count = 0;
    for (const ForwardItem& item : m_queue.deadLetters())
        count += m_queue.discard(item.seq) ? 1 : 0;
    return count;
}

} // namespace ContactDesk::Webhooks
