// libFuzzer target: what Your App (or anyone who reaches the receiver) sends. The first line of
// the input is a webhook-signature header value, the rest the body. The header parser must
// keep only well-formed v1 entries; verification must never accept a forged signature and must
// accept one made with the key; an event body either parses (with its type known and a
// userId) or is refused with a reason. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_appevents -max_total_time=60 tests/fuzz/corpus/appevents`.
#include "automation/appevent.h"
#include "automation/standardwebhooks.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Automation;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

const QByteArray& key()
{
    static const QByteArray bytes
        = decodeSigningSecret(QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).value();
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    constexpr qint64 now = 1614265330;

    for (const QByteArray& signature : parseSignatureHeader(header))
        check(signature.startsWith("v1,") && signature.size() > 3);

    // The header as sent: accepted only if it holds the real signature of this body.
    const QByteArray genuine = signStandardWebhook(key(), "msg_fuzz", now, body);
    const SignatureCheck sent
        = verifyStandardWebhook(key(), {"msg_fuzz", QByteArray::number(now), header}, body, now);
    if (sent == SignatureCheck::Valid)
        check(parseSignatureHeader(header).contains(genuine));
    check(!signatureCheckMessage(sent).isEmpty());
    // With the genuine signature among the fuzzed ones, it is always accepted.
    check(verifyStandardWebhook(
              key(), {"msg_fuzz", QByteArray::number(now), header + ' ' + genuine}, body, now)
        == SignatureCheck::Valid);

    QString reason;
    const std::optional<AppEvent> event
        = parseAppEvent(body, QStringLiteral("msg_fuzz"), now, QStringLiteral("fuzz"), &reason);
    if (event) {
        check(appEventTypes().contains(event->type));
        check(!event->userId.isEmpty());
        // What it reads back out parses again as the same event.
        const std::optional<AppEvent> again = parseAppEvent(appEventBody(event->type, event->data),
            QStringLiteral("msg_fuzz"), now, QStringLiteral("fuzz"), &reason);
        check(again && again->data == event->data && again->userId == event->userId);
    } else {
        check(!reason.isEmpty());
    }
    return 0;
}
