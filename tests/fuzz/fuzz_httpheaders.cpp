// libFuzzer target: the Retry-After and rate-limit header parsers (core/api/httpheaders.h) on
// random bytes, and ApiError::fromHttp reading a 429 whose Retry-After is those bytes. Beyond
// "no crash, no UB": a Retry-After is -1 or within [0, maxRetryAfterMs]; digits alone are read as
// seconds; a parsed HTTP date written back as an IMF-fixdate parses to the same instant; a
// rate-limit value is never negative. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_httpheaders -max_total_time=60`.
#include "api/apierror.h"
#include "api/httpheaders.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Api;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

constexpr qint64 now = 1793534400000; // 2026-11-01T12:00:00Z

QByteArray imfFixdate(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return QLocale::c()
        .toString(time, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray value(reinterpret_cast<const char*>(data), qsizetype(size));

    const qint64 wait = retryAfterMs(value, now);
    check(wait == -1 || (wait >= 0 && wait <= maxRetryAfterMs));
    // Optional white space around a header value is spaces and tabs only (RFC 9110 5.6.3).
    QByteArrayView digits(value);
    while (!digits.isEmpty() && (digits.front() == ' ' || digits.front() == '\t'))
        digits = digits.sliced(1);
    while (!digits.isEmpty() && (digits.back() == ' ' || digits.back() == '\t'))
        digits.chop(1);
    if (!digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        check(wait >= 0);

    if (const std::optional<qint64> when = httpDateMs(value)) {
        check(*when % 1000 == 0);
        check(httpDateMs(imfFixdate(*when)) == when);
    }

    if (const std::optional<qint64> rate = rateHeaderValue(value))
        check(*rate >= 0);

    const ApiError error = ApiError::fromHttp(429, {}, {{"retry-after", value}}, now);
    check(error.kind() == ApiError::Kind::RateLimited);
    check(error.retryAfterMs() == wait);
    return 0;
}
