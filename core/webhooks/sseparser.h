#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Webhooks {

// One dispatched Server-Sent Event.
struct SseEvent
{
    QString type = QStringLiteral("message"); // the `event:` field
    QByteArray data; // the `data:` lines, joined with '\n'
    // The `id:` field of this event, when it had one (the last event id otherwise stays).
    std::optional<QByteArray> id;
};

// The text/event-stream parser of the WHATWG HTML specification (9.2.6), fed the bytes of a
// stream as they come in pieces of any size: lines end with CR, LF or CRLF (also when the CR
// and LF arrive apart); a leading BOM is dropped; ':' lines are comments; an empty line
// dispatches the event gathered so far, unless it has no data. A line or an event longer than
// the limit (a server that never ends one) makes the stream bad: failed() is then set and
// nothing more is parsed.
class SseParser
{
public:
    explicit SseParser(qsizetype maxLineBytes = 1024 * 1024);

    // The events the bytes complete, in order.
    QList<SseEvent> feed(QByteArrayView bytes);
    // The `retry:` the stream asked for (ms), when it did.
    std::optional<int> retryMs() const { return m_retryMs; }
    // The last `id:` seen (the SSE "last event ID").
    QByteArray lastEventId() const { return m_lastEventId; }
    // When a comment line (the server's keep-alive) or any line arrived, counted.
    qint64 linesSeen() const { return m_lines; }
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Forgets a partly received event (the connection ended in the middle of it).
    void reset();

private:
    void processLine(QByteArrayView line, QList<SseEvent>& out);

    qsizetype m_maxLineBytes;
    QByteArray m_line;
    bool m_skipLf = false; // the last line ended in CR: a following LF belongs to it
    bool m_started = false; // past the optional BOM
    QByteArray m_data;
    bool m_hasData = false;
    QString m_type;
    std::optional<QByteArray> m_id;
    QByteArray m_lastEventId;
    std::optional<int> m_retryMs;
    qint64 m_lines = 0;
    QString m_error;
};

} // namespace ContactDesk::Webhooks
