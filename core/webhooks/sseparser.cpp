#include "webhooks/sseparser.h"

namespace ContactDesk::Webhooks {

SseParser::SseParser(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{ }

void SseParser::reset()
{
    m_line.clear();
    m_skipLf = false;
    m_data.clear();
    m_hasData = false;
    m_type.clear();
    m_id.reset();
    m_started = false;
}

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> out;
    if (failed())
        return out;
    qsizetype i = 0;
    if (!m_started) {
        // The BOM may come split over pieces, so the first bytes wait until there are three
        // or they cannot be one.
        static constexpr char bom[] = "\xEF\xBB\xBF";
        const QByteArray head = m_line + bytes.toByteArray();
        qsizetype matched = 0;
        while (matched < head.size() && matched < 3 && head.at(matched) == bom[matched])
            ++matched;
        if (matched == head.size() && matched < 3) {
            m_line = head;
            return out;
        }
        m_started = true;
        const QByteArray rest = head.mid(matched == 3 ? 3 : 0);
        m_line.clear();
        return feed(rest);
    }
    const qsizetype size = bytes.size();
    while (i < size) {
        const char c = bytes.at(i);
        if (m_skipLf) {
            m_skipLf = false;
            if (c == '\n') {
                ++i;
                continue;
            }
        }
        // Find the end of the line in this piece.
        qsizetype end = i;
        while (end < size && bytes.at(end) != '\r' && bytes.at(end) != '\n')
            ++end;
        if (m_line.size() + (end - i) > m_maxLineBytes) {
            m_error = QStringLiteral("a line of the event stream is longer than %1 bytes")
                          .arg(m_maxLineBytes);
            reset();
            return out;
        }
        m_line.append(bytes.sliced(i, end - i));
        if (end == size)
            break;
        m_skipLf = bytes.at(end) == '\r';
        i = end + 1;
        const QByteArray line = std::exchange(m_line, {});
        processLine(line, out);
        if (failed()) {
            reset();
            return out;
        }
    }
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent>& out)
{
    ++m_lines;
    if (line.isEmpty()) {
        // Dispatch. An event without data is not one, but its id still counts.
        if (m_id)
            m_lastEventId = *m_id;
        if (m_hasData) {
            SseEvent event;
            if (!m_type.isEmpty())
                event.type = m_type;
            if (m_data.endsWith('\n'))
                m_data.chop(1);
            event.data = std::exchange(m_data, {});
            event.id = m_id;
            out.append(std::move(event));
        }
        m_data.clear();
        m_hasData = false;
        m_type.clear();
        m_id.reset();
        return;
    }
    if (line.front() == ':')
        return; // a comment
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    if (field == "data") {
        if (m_data.size() + value.size() > m_maxLineBytes) {
            m_error = QStringLiteral("an event of the stream is longer than %1 bytes")
                          .arg(m_maxLineBytes);
            return;
        }
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = QString::fromUtf8(value);
    } else if (field == "id") {
        // An id with a NUL is ignored, as the specification says.
        if (!value.contains('\0'))
            m_id = value.toByteArray();
    } else if (field == "retry") {
        bool digitsOnly = !value.isEmpty() && value.size() <= 9;
        for (const char c : value)
            digitsOnly = digitsOnly && c >= '0' && c <= '9';
        if (digitsOnly)
            m_retryMs = value.toByteArray().toInt();
    }
}

} // namespace ContactDesk::Webhooks
