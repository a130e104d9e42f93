// libFuzzer target: HighLevel webhook deliveries from random bytes. The input is split at its
// first newline into a signature header value and the raw body; the header goes through the
// base64 decoder and, under both header names, through the verifier (an Ed25519 key and an RSA
// key are set); the body through the payload parser and the receipt checks. Beyond "no crash, no
// UB": a decoded signature is 1..1024 bytes, nothing random verifies, and a parsed payload has
// its type, webhookId and timestamp. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_highlevelsignature -max_total_time=60`.
#include "webhooks/highlevelsignature.h"
#include "webhooks/webhookreceipt.h"

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Webhooks;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

// The Ed25519 key third-party code quotes from HighLevel's docs; with it set, x-ghl-signature
// is verified and x-wh-signature (no RSA key) reports a missing signature.
const QByteArray ed25519Pem = "-----BEGIN PUBLIC KEY-----\n"
                              "MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n"
                              "-----END PUBLIC KEY-----\n";

const HighLevelVerifier& verifier()
{
    static const HighLevelVerifier instance = [] {
        HighLevelVerifier v;
        v.setEd25519Key(PublicKey::fromPem(ed25519Pem));
        return v;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);

    if (const std::optional<QByteArray> decoded = decodeSignatureHeader(header))
        check(!decoded->isEmpty() && decoded->size() <= 1024);

    // Any header bytes as a PEM key must not crash the loader.
    QString error;
    const PublicKey key = PublicKey::fromPem(header, &error);
    check(key.isNull() != error.isEmpty());

    for (const QByteArray name :
        {QByteArrayLiteral("x-ghl-signature"), QByteArrayLiteral("X-WH-Signature")}) {
        const SignatureHeaders headers = SignatureHeaders::fromHeaders({{name, header}});
        check(!isValid(verifier().verify(headers, body)));
    }

    QString reason;
    if (const std::optional<WebhookPayload> payload = parseWebhookPayload(body, &reason)) {
        check(!payload->type.isEmpty() && !payload->webhookId.isEmpty());
        check(payload->timestampMs > 0);
        ReceiptPolicy policy;
        policy.locationId = QStringLiteral("loc1");
        policy.clientId = QStringLiteral("app1-x");
        const ReceiptVerdict verdict = checkReceipt(*payload, policy, payload->timestampMs);
        check(verdict != ReceiptVerdict::TooOld && verdict != ReceiptVerdict::TooNew);
        check(!receiptVerdictMessage(verdict, *payload).isEmpty());
    } else {
        check(!reason.isEmpty());
    }
    return 0;
}
