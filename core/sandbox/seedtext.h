#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QTimeZone>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>

// The seeder's writing tools: timestamps and JSON records as text, without a QDateTime or a
// QJsonObject per value, which is what keeps seeding 100,000 contacts quick.
namespace ContactDesk::Sandbox::SeedText {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
inline void civilFromDays(qint64 days, int* year, int* month, int* day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *day = int(doy - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = int(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

enum class TimeStyle
{
    IsoUtc, // 2021-07-02T05:18:26.704Z, what isoUtc() writes
    Spaced, // 2021-07-16 11:00:00, local wall time as in the spec's appointment examples
    IsoOffset, // 2023-09-25T16:00:00+05:30, local time as in appointment webhooks
};

// A timestamp's text without a QDateTime or an allocation.
class TimeText
{
public:
    TimeText(qint64 ms, TimeStyle style, int offsetSeconds = 0)
    {
        const qint64 local = ms + qint64(offsetSeconds) * 1000;
        const qint64 days = local >= 0 ? local / dayMs : (local - dayMs + 1) / dayMs;
        const qint64 inDay = local - days * dayMs;
        int year = 0;
        int month = 0;
        int day = 0;
        civilFromDays(days, &year, &month, &day);
        put(year, 4, '-');
        put(month, 2, '-');
        put(day, 2, style == TimeStyle::Spaced ? ' ' : 'T');
        put(int(inDay / hourMs), 2, ':');
        put(int(inDay / minuteMs % 60), 2, ':');
        if (style == TimeStyle::IsoUtc) {
            put(int(inDay / 1000 % 60), 2, '.');
            put(int(inDay % 1000), 3, 'Z');
        } else if (style == TimeStyle::IsoOffset) {
            put(int(inDay / 1000 % 60), 2, offsetSeconds < 0 ? '-' : '+');
            const int minutes = std::abs(offsetSeconds) / 60;
            put(minutes / 60, 2, ':');
            put(minutes % 60, 2);
        } else {
            put(int(inDay / 1000 % 60), 2);
        }
    }
    operator QByteArrayView() const { return QByteArrayView(m_text, m_size); }

private:
    // `value` in `width` digits, then `separator` unless it is 0.
    void put(int value, int width, char separator = 0)
    {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            m_text[m_size + i] = char('0' + value % 10);
        m_size += width;
        if (separator)
            m_text[m_size++] = separator;
    }

    char m_text[32];
    int m_size = 0;
};

// Records are written as JSON text and parsed once: several times cheaper than building a
// QJsonObject key by key, which is what keeps 100,000 contacts quick.
class JsonText
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    // Keys are plain ASCII identifiers: nothing to escape.
    void key(const char* name)
    {
        separate();
        m_text += '"';
        m_text += name;
        m_text += "\":";
        m_fresh = true;
    }
    void string(QByteArrayView utf8)
    {
        separate();
        quote(utf8);
    }
    void number(qint64 value)
    {
        separate();
        char digits[24];
        const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
        m_text.append(digits, end);
    }
    void decimal(double value)
    {
        separate();
        m_text.append(QByteArray::number(value, 'g', 12));
    }
    void boolean(bool value)
    {
        separate();
        m_text += value ? "true" : "false";
    }
    void field(const char* name, QByteArrayView utf8)
    {
        key(name);
        string(utf8);
    }
    void flag(const char* name, bool value)
    {
        key(name);
        boolean(value);
    }

    QJsonValue take()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(m_text.data(), qsizetype(m_text.size())));
        m_text.clear();
        m_fresh = true;
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

private:
    void separate()
    {
        if (!m_fresh)
            m_text += ',';
        m_fresh = false;
    }
    void open(char c)
    {
        separate();
        m_text += c;
        m_fresh = true;
    }
    void close(char c)
    {
        m_text += c;
        m_fresh = false;
    }
    void quote(QByteArrayView utf8)
    {
        m_text += '"';
        const auto special = [](char c) { return c == '"' || c == '\\' || uchar(c) < 0x20; };
        if (std::none_of(utf8.begin(), utf8.end(), special)) {
            m_text.append(utf8.data(), std::size_t(utf8.size()));
        } else {
            for (const char c : utf8) {
                if (!special(c)) {
                    m_text += c;
                } else if (c == '"' || c == '\\') {
                    m_text += '\\';
                    m_text += c;
                } else {
                    m_text += "\\u00";
                    m_text += "0123456789abcdef"[uchar(c) >> 4];
                    m_text += "0123456789abcdef"[uchar(c) & 0xf];
                }
            }
        }
        m_text += '"';
    }

    std::string m_text; // inline appends: QByteArray's are calls, and this runs per character
    bool m_fresh = true;
};

// UTC offsets of one zone over the seeded period, looked up without a QDateTime per call.
class ZoneOffsets
{
public:
    ZoneOffsets(const char* zoneId, qint64 fromMs, qint64 toMs)
    {
        const QTimeZone zone(zoneId);
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
        m_starts.append(fromMs);
        m_offsets.append(zone.offsetFromUtc(from));
        const auto transitions
            = zone.transitions(from, QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC));
        for (const QTimeZone::OffsetData& transition : transitions) {
            m_starts.append(transition.atUtc.toMSecsSinceEpoch());
            m_offsets.append(transition.offsetFromUtc);
        }
    }

    int offsetAt(qint64 ms) const
    {
        const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), ms);
        return m_offsets.at(std::max<qsizetype>(0, (after - m_starts.cbegin()) - 1));
    }

private:
    QList<qint64> m_starts;
    QList<int> m_offsets;
};

} // namespace ContactDesk::Sandbox::SeedText
