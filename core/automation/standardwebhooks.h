#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Automation {

// Standard Webhooks (standardwebhooks.com) signing and verification: `webhook-signature` holds
// space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` entries, keyed with the
// base64 part of a `whsec_` secret. Verification runs over the raw body bytes, compares in
// constant time and accepts timestamps within the tolerance on both sides.

// The key bytes of a `whsec_<base64>` secret (the prefix is optional); nullopt with *error for
// anything else.
std::optional<QByteArray> decodeSigningSecret(const QString& secret, QString* error = nullptr);
// A new random `whsec_` secret (32 random bytes).
QString generateSigningSecret();

// The `v1,<base64>` signatures of a `webhook-signature` header value, in order; entries of
// other versions or malformed entries are skipped.
QList<QByteArray> parseSignatureHeader(QByteArrayView header);

// "v1,<base64>" for the given message.
QByteArray signStandardWebhook(
    const QByteArray& key, QByteArrayView id, qint64 timestampSecs, QByteArrayView body);

enum class SignatureCheck
{
    Valid,
    MissingHeader, // one of webhook-id, webhook-timestamp, webhook-signature is absent or empty
    BadTimestamp, // not an integer
    Stale, // older than the tolerance
    Future, // newer than the tolerance
    BadSignature, // no v1 signature matches
};

struct WebhookHeaders
{
    QByteArray id;
    QByteArray timestamp;
    QByteArray signature;
};

SignatureCheck verifyStandardWebhook(const QByteArray& key, const WebhookHeaders& headers,
    QByteArrayView body, qint64 nowSecs, qint64 toleranceSecs = 300);
// The user-readable reason for a failed check ("signature does not match", ...).
QString signatureCheckMessage(SignatureCheck check);

} // namespace ContactDesk::Automation
