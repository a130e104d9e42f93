#include "common/clock.h"

namespace ContactDesk {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

namespace {

constexpr qint64 msPerDay = 86'400'000;

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil algorithms).
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(qint64 days, int* year, int* month, int* day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    *month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2));
}

// The value of `count` decimal digits at `from`; -1 when one of them is not a digit.
int digitsAt(QStringView text, qsizetype from, int count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QString isoUtc(qint64 msecsSinceEpoch)
{
    qint64 days = msecsSinceEpoch / msPerDay;
    qint64 inDay = msecsSinceEpoch % msPerDay;
    if (inDay < 0) {
        inDay += msPerDay;
        --days;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    if (year < 0 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    const int ms = int(inDay % 1000);
    const int seconds = int(inDay / 1000);
    char text[25];
    const auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, seconds / 3600, 2);
    text[13] = ':';
    put(14, seconds / 60 % 60, 2);
    text[16] = ':';
    put(17, seconds % 60, 2);
    text[19] = '.';
    put(20, ms, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? isoUtc(time.toMSecsSinceEpoch()) : QString();
}

std::optional<qint64> isoUtcToMs(QStringView text)
{
    // YYYY-MM-DDTHH:MM:SS[.f...]Z
    if (text.size() < 20 || text.back() != u'Z' || text.at(4) != u'-' || text.at(7) != u'-'
        || text.at(10) != u'T' || text.at(13) != u':' || text.at(16) != u':')
        return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59 || !QDate::isValid(year, month, day))
        return std::nullopt;
    int ms = 0;
    const qsizetype fractionDigits = text.size() - 21;
    if (fractionDigits >= 0) {
        if (text.at(19) != u'.' || fractionDigits == 0)
            return std::nullopt;
        // Milliseconds from the first three digits; the rest must still be digits.
        for (qsizetype i = 0; i < fractionDigits; ++i) {
            const int digit = digitsAt(text, 20 + i, 1);
            if (digit < 0)
                return std::nullopt;
            if (i < 3)
                ms += digit * (i == 0 ? 100 : i == 1 ? 10 : 1);
        }
    } else if (text.size() != 20) {
        return std::nullopt;
    }
    return daysFromCivil(year, month, day) * msPerDay
        + ((hour * 60 + minute) * 60 + second) * qint64(1000) + ms;
}

} // namespace ContactDesk
