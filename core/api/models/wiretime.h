#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QTimeZone>

#include <optional>

namespace ContactDesk::Api {

// A timestamp as the API wrote it.
struct WireTime
{
    QDateTime time; // in the written offset, or in the zone the caller gave for a zone-less one
    bool zoned = false; // the text carried Z or an offset
};

// Reads the timestamp spellings HighLevel uses: ISO-8601 with Z or an offset
// ("2021-07-02T05:18:26.704Z", "2023-09-25T16:00:00+05:30"), and the spec's appointment form
// without a zone ("2021-07-16 11:00:00"), which is a wall-clock time read in `zoneless` (UTC
// when `zoneless` is not a valid zone).
// Seconds and fractions are optional; fractions beyond milliseconds are dropped. Anything else,
// including impossible dates and years outside 1..9999, is refused.
std::optional<WireTime> parseWireTime(QStringView text, const QTimeZone& zoneless);

// parseWireTime() with zone-less times taken as UTC (the API documents every contact, task and
// note timestamp as UTC), returned in UTC.
std::optional<QDateTime> parseUtcTime(QStringView text);

// A date of birth as the API returns it ("1990-09-25" on GET, "1990-09-25T00:00:00.000Z" from
// create) or as the create DTO accepts it (YYYY/MM/DD, MM/DD/YYYY, YYYY.MM.DD, MM-DD-YYYY,
// YYYY_MM_DD, MM_DD_YYYY, ...). A full timestamp gives the calendar date it was written with.
std::optional<QDate> parseWireDate(QStringView text);

// "2023-09-25T16:00:00+05:30" in the time's own offset ("Z" at offset 0), milliseconds only when
// there are any: the lossless form of a WireTime.
QString formatOffsetTime(const QDateTime& time);

// "1990-09-25", the form GET returns and every DTO accepts.
QString formatWireDate(const QDate& date);

} // namespace ContactDesk::Api
