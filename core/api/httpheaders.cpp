#include "api/httpheaders.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace ContactDesk::Api {

namespace {

constexpr QByteArrayView monthNames[]
    = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr QByteArrayView dayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr QByteArrayView longDayNames[]
    = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// Exactly `digits` decimal digits (any count from 1 when `digits` is 0), at most 15.
std::optional<qint64> number(QByteArrayView text, int digits = 0)
{
    if (text.isEmpty() || text.size() > 15 || (digits > 0 && text.size() != digits))
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

int month(QByteArrayView name)
{
    for (int i = 0; i < 12; ++i) {
        if (name == monthNames[i])
            return i + 1;
    }
    return 0;
}

bool isDayName(QByteArrayView name, bool longForm)
{
    for (int i = 0; i < 7; ++i) {
        if (name == (longForm ? longDayNames[i] : dayNames[i]))
            return true;
    }
    return false;
}

// "08:49:37"
std::optional<QTime> timeOfDay(QByteArrayView text)
{
    if (text.size() != 8 || text.at(2) != ':' || text.at(5) != ':')
        return std::nullopt;
    const auto h = number(text.sliced(0, 2), 2);
    const auto m = number(text.sliced(3, 2), 2);
    const auto s = number(text.sliced(6, 2), 2);
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60)
        return std::nullopt;
    // A leap second (":60") is the last second of its minute here.
    return QTime(int(*h), int(*m), int(qMin<qint64>(*s, 59)));
}

std::optional<qint64> at(qint64 year, int monthNumber, qint64 day, QByteArrayView time)
{
    if (monthNumber == 0 || year < 1 || year > 9999 || day < 1 || day > 31)
        return std::nullopt;
    const QDate date(int(year), monthNumber, int(day));
    const std::optional<QTime> clock = timeOfDay(time);
    if (!date.isValid() || !clock)
        return std::nullopt;
    return QDateTime(date, *clock, QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

std::optional<qint64> httpDateMs(QByteArrayView text)
{
    QList<QByteArrayView> words;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) == ' ') {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text.at(end) != ' ')
            ++end;
        words.append(text.sliced(i, end - i));
        if (words.size() > 6)
            return std::nullopt;
        i = end;
    }
    if (words.isEmpty())
        return std::nullopt;
    const bool dayWithComma = words.first().endsWith(',');
    const QByteArrayView day = dayWithComma ? words.first().chopped(1) : words.first();
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    if (words.size() == 6 && dayWithComma && isDayName(day, false) && words.at(5) == "GMT") {
        const auto dayOfMonth = number(words.at(1), 2);
        const auto year = number(words.at(3), 4);
        if (!dayOfMonth || !year)
            return std::nullopt;
        return at(*year, month(words.at(2)), *dayOfMonth, words.at(4));
    }
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (a two-digit year: the closest century, which for
    // a Retry-After is this one)
    if (words.size() == 4 && dayWithComma && isDayName(day, true) && words.at(3) == "GMT") {
        const QByteArrayView date = words.at(1);
        if (date.size() != 9 || date.at(2) != '-' || date.at(6) != '-')
            return std::nullopt;
        const auto dayOfMonth = number(date.sliced(0, 2), 2);
        const auto year = number(date.sliced(7, 2), 2);
        if (!dayOfMonth || !year)
            return std::nullopt;
        return at(*year < 70 ? 2000 + *year : 1900 + *year, month(date.sliced(3, 3)), *dayOfMonth,
            words.at(2));
    }
    // asctime: Sun Nov  6 08:49:37 1994 (the day of the month space-padded)
    if (words.size() == 5 && !dayWithComma && isDayName(day, false)) {
        const auto dayOfMonth = number(words.at(2));
        const auto year = number(words.at(4), 4);
        if (!dayOfMonth || words.at(2).size() > 2 || !year)
            return std::nullopt;
        return at(*year, month(words.at(1)), *dayOfMonth, words.at(3));
    }
    return std::nullopt;
}

qint64 retryAfterMs(QByteArrayView value, qint64 nowMs)
{
    const QByteArrayView text = trimmed(value);
    if (text.isEmpty())
        return -1;
    if (text.front() >= '0' && text.front() <= '9') {
        // Delay-seconds: any run of digits, however long, is "a long time".
        for (const char c : text) {
            if (c < '0' || c > '9')
                return -1;
        }
        const std::optional<qint64> seconds = number(text);
        if (!seconds || *seconds > maxRetryAfterMs / 1000)
            return maxRetryAfterMs;
        return *seconds * 1000;
    }
    const std::optional<qint64> when = httpDateMs(text);
    if (!when)
        return -1;
    return qBound<qint64>(0, *when - nowMs, maxRetryAfterMs);
}

std::optional<qint64> rateHeaderValue(QByteArrayView value)
{
    return number(trimmed(value));
}

} // namespace ContactDesk::Api
