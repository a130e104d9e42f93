// libFuzzer target: the headers of HighLevel's answers that shape the client's pacing. The
// input is an HTTP answer: a status line ("429"), header lines ("x-ratelimit-remaining: 0")
// up to an empty line, then the body. It goes through ApiError::fromHttp (Retry-After, the
// daily-limit check) and a RateBudget (observe, then refused as the client calls it). Beyond "no
// crash, no UB" (an overflow in a wait is UB and a pause in the past): a wait is never
// negative, a pause never ends before now, the window is at least 1 ms, and a request queued
// after the answer starts once the pause is over. Built by the asan preset (CONTACTDESK_FUZZ);
// run e.g. `scripts/fuzz ratelimitheaders 60`.
#include "api/apierror.h"
#include "api/ratebudget.h"
#include "common/clock.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>

#include <cstddef>
#include <cstdint>
#include <limits>

using namespace ContactDesk;
using namespace ContactDesk::Api;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

class SteppedClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 1793534400000; // 2026-11-01T12:00:00Z
};

struct Answer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names lower case, as ApiClient hands them on
    QByteArray body;
};

Answer readAnswer(const QByteArray& input)
{
    Answer answer;
    qsizetype at = 0;
    qsizetype end = input.indexOf('\n');
    answer.status = input.left(end < 0 ? input.size() : end).trimmed().toInt();
    while (end >= 0) {
        at = end + 1;
        end = input.indexOf('\n', at);
        const QByteArray line = input.mid(at, end < 0 ? -1 : end - at);
        if (line.trimmed().isEmpty()) {
            answer.body = end < 0 ? QByteArray() : input.mid(end + 1);
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            answer.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1));
    }
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_ratelimitheaders";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);

    const Answer answer
        = readAnswer(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    const ApiError error = ApiError::fromHttp(answer.status, answer.body, answer.headers);
    check(error.retryAfterMs() >= -1);
    if (!answer.headers.contains("retry-after"))
        check(error.retryAfterMs() == -1);
    check(!error.userText().isEmpty());
    if (answer.status == 429) {
        check(error.kind() == ApiError::Kind::RateLimited
            || error.kind() == ApiError::Kind::DailyLimitReached);
    }

    SteppedClock clock;
    const qint64 start = clock.nowMs();
    RateBudget budget(clock);
    const QString key = QStringLiteral("location");
    budget.observe(key, answer.headers);
    RateBudget::State state = budget.state(key);
    check(state.windowMs >= 1);
    check(state.pausedUntilMs == 0 || state.pausedUntilMs >= start);
    if (answer.status == 429) {
        budget.refused(
            key, error.retryAfterMs(), error.kind() == ApiError::Kind::DailyLimitReached);
        state = budget.state(key);
        check(state.pausedUntilMs > start);
    }

    // A request queued now starts at the latest when the pause is over (and the window has
    // room), never before it.
    int started = 0;
    budget.enqueue(key, Priority::Foreground, [&started] { ++started; });
    state = budget.state(key);
    if (state.pausedUntilMs > clock.nowMs())
        check(started == 0);
    if (!state.dailyExhausted && state.pausedUntilMs < std::numeric_limits<qint64>::max() / 2
        && state.limit > 0) {
        clock.set(qMax(state.pausedUntilMs, start) + 1);
        budget.pump();
        check(started == 1);
    }
    return 0;
}
