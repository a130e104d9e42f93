#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace ContactDesk::Api {

// The longest pause a Retry-After can ask for. A server (or a proxy in between) saying "come
// back in a year" would otherwise stop every request of the location for that long.
constexpr qint64 maxRetryAfterMs = 24LL * 60 * 60 * 1000;

// Retry-After in milliseconds from `nowMs`: delay-seconds ("120") or an HTTP date in any of the
// three forms RFC 9110 names (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday,
// 06-Nov-94 08:49:37 GMT", asctime "Sun Nov  6 08:49:37 1994"). A date in the past is 0; both
// are capped at maxRetryAfterMs. -1 when the value is absent or neither form.
qint64 retryAfterMs(QByteArrayView value, qint64 nowMs);

// An HTTP date (the three forms above) as epoch milliseconds, UTC; nothing for anything else.
std::optional<qint64> httpDateMs(QByteArrayView text);

// A rate-limit header's value (X-RateLimit-Remaining, -Max, -Interval-Milliseconds, the daily
// ones): a non-negative decimal integer, surrounding spaces allowed. Nothing for a sign, a
// fraction, other text or a number past 10^15.
std::optional<qint64> rateHeaderValue(QByteArrayView value);

} // namespace ContactDesk::Api
