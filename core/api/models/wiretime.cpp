#include "api/models/wiretime.h"

#include "common/clock.h"

#include <cstdlib>

namespace ContactDesk::Api {

namespace {

// A cursor over the text that reads fixed-width digit groups and single separators.
class Scanner
{
public:
    explicit Scanner(QStringView text)
        : m_text(text)
    { }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    qsizetype position() const { return m_pos; }

    std::optional<int> digits(int count)
    {
        if (m_pos + count > m_text.size())
            return std::nullopt;
        int value = 0;
        for (int i = 0; i < count; ++i) {
            const QChar c = m_text.at(m_pos + i);
            if (c < u'0' || c > u'9')
                return std::nullopt;
            value = value * 10 + (c.unicode() - u'0');
        }
        m_pos += count;
        return value;
    }

    bool accept(QChar c)
    {
        if (peek() != c || atEnd())
            return false;
        ++m_pos;
        return true;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

// Real zones span UTC-12:00 to UTC+14:00.
constexpr int maxOffsetSeconds = 14 * 3600;

bool inSupportedRange(const QDateTime& time)
{
    const int year = time.toUTC().date().year();
    return time.isValid() && year >= 1 && year <= 9999;
}

// "YYYY?MM?DD" with one separator from `separators`, or "MM?DD?YYYY" with the same separator.
std::optional<QDate> readDate(QStringView text)
{
    static const QString separators = QStringLiteral("-/._");
    if (text.size() != 10)
        return std::nullopt;
    Scanner s(text);
    if (const auto year = s.digits(4)) {
        const QChar separator = s.peek();
        if (!separators.contains(separator) || !s.accept(separator))
            return std::nullopt;
        const auto month = s.digits(2);
        if (!month || !s.accept(separator))
            return std::nullopt;
        const auto day = s.digits(2);
        if (!day || !s.atEnd())
            return std::nullopt;
        const QDate date(*year, *month, *day);
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    }
    Scanner us(text);
    const auto month = us.digits(2);
    const QChar separator = us.peek();
    if (!month || !separators.contains(separator) || !us.accept(separator))
        return std::nullopt;
    const auto day = us.digits(2);
    if (!day || !us.accept(separator))
        return std::nullopt;
    const auto year = us.digits(4);
    if (!year || !us.atEnd())
        return std::nullopt;
    const QDate date(*year, *month, *day);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace

std::optional<WireTime> parseWireTime(QStringView text, const QTimeZone& zoneless)
{
    Scanner s(text);
    const auto year = s.digits(4);
    if (!year || !s.accept(u'-'))
        return std::nullopt;
    const auto month = s.digits(2);
    if (!month || !s.accept(u'-'))
        return std::nullopt;
    const auto day = s.digits(2);
    if (!day || !(s.accept(u'T') || s.accept(u't') || s.accept(u' ')))
        return std::nullopt;
    const auto hour = s.digits(2);
    if (!hour || !s.accept(u':'))
        return std::nullopt;
    const auto minute = s.digits(2);
    if (!minute)
        return std::nullopt;
    int second = 0;
    int msec = 0;
    if (s.accept(u':')) {
        const auto sec = s.digits(2);
        if (!sec)
            return std::nullopt;
        second = *sec;
        if (s.accept(u'.') || s.accept(u',')) {
            int digits = 0;
            int scale = 100;
            while (const auto d = s.digits(1)) {
                if (scale > 0)
                    msec += *d * scale;
                scale /= 10;
                if (++digits > 9)
                    return std::nullopt;
            }
            if (digits == 0)
                return std::nullopt;
        }
    }

    const QDate date(*year, *month, *day);
    const QTime time(*hour, *minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;

    WireTime result;
    if (s.atEnd()) {
        // A caller's unknown zone (an empty or unrecognised IANA id) falls back to UTC, the
        // zone the API documents, rather than failing every time it reads.
        const QTimeZone zone = zoneless.isValid() ? zoneless : QTimeZone::utc();
        result.time = QDateTime(date, time, zone);
        if (!result.time.isValid()) {
            // A wall time skipped by a DST jump: read it with the offset in force the day
            // before, which lands inside the jump, as a clock that was not moved would show.
            const QDateTime asUtc(date, time, Qt::UTC);
            const int before = zone.offsetFromUtc(asUtc.addDays(-1));
            result.time = QDateTime(date, time, Qt::OffsetFromUTC, before).toTimeZone(zone);
        }
    } else if (s.accept(u'Z') || s.accept(u'z')) {
        if (!s.atEnd())
            return std::nullopt;
        result.time = QDateTime(date, time, Qt::UTC);
        result.zoned = true;
    } else {
        const QChar sign = s.peek();
        if (!s.accept(u'+') && !s.accept(u'-'))
            return std::nullopt;
        const auto offsetHours = s.digits(2);
        if (!offsetHours)
            return std::nullopt;
        int offsetMinutes = 0;
        if (!s.atEnd()) {
            s.accept(u':');
            const auto minutes = s.digits(2);
            if (!minutes)
                return std::nullopt;
            offsetMinutes = *minutes;
        }
        const int magnitude = *offsetHours * 3600 + offsetMinutes * 60;
        if (!s.atEnd() || offsetMinutes > 59 || magnitude > maxOffsetSeconds)
            return std::nullopt;
        const int offset = sign == u'-' ? -magnitude : magnitude;
        result.time = QDateTime(date, time, Qt::OffsetFromUTC, offset);
        result.zoned = true;
    }
    if (!inSupportedRange(result.time))
        return std::nullopt;
    return result;
}

std::optional<QDateTime> parseUtcTime(QStringView text)
{
    // What the server writes nearly always; a sync reads two per contact.
    if (const auto ms = isoUtcToMs(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    const auto parsed = parseWireTime(text, QTimeZone::utc());
    if (!parsed)
        return std::nullopt;
    return parsed->time.toUTC();
}

std::optional<QDate> parseWireDate(QStringView text)
{
    if (const auto date = readDate(text))
        return date;
    // A full timestamp: the date as written, not shifted by its offset.
    if (text.size() > 10 && parseWireTime(text, QTimeZone::utc()))
        return readDate(text.left(10));
    return std::nullopt;
}

QString formatOffsetTime(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    int offset = time.offsetFromUtc();
    // Historical local mean times have offsets in seconds, which ISO-8601 cannot spell.
    if (offset % 60 != 0)
        offset = 0;
    const QDateTime local = time.toOffsetFromUtc(offset);
    const QString text
        = local.toString(local.time().msec() != 0 ? QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")
                                                  : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    if (offset == 0)
        return text + u'Z';
    const int minutes = std::abs(offset) / 60;
    return text
        + QStringLiteral("%1%2:%3")
              .arg(QChar(offset < 0 ? u'-' : u'+'))
              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatWireDate(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

} // namespace ContactDesk::Api
