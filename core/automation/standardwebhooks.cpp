#include "automation/standardwebhooks.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace ContactDesk::Automation {

namespace {

const QByteArray secretPrefix = QByteArrayLiteral("whsec_");
const QByteArray versionPrefix = QByteArrayLiteral("v1,");

// Every byte is looked at whatever the first difference, so the time taken says nothing about
// how much of a forged signature was right.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

QByteArray signedContent(QByteArrayView id, QByteArrayView timestamp, QByteArrayView body)
{
    QByteArray content;
    content.reserve(id.size() + timestamp.size() + body.size() + 2);
    content.append(id);
    content.append('.');
    content.append(timestamp);
    content.append('.');
    content.append(body);
    return content;
}

QByteArray rawSignature(
    const QByteArray& key, QByteArrayView id, QByteArrayView timestamp, QByteArrayView body)
{
    return QMessageAuthenticationCode::hash(
        signedContent(id, timestamp, body), key, QCryptographicHash::Sha256);
}

} // namespace

std::optional<QByteArray> decodeSigningSecret(const QString& secret, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QByteArray text = secret.trimmed().toLatin1();
    if (secret.trimmed().toLatin1() != secret.trimmed().toUtf8())
        return fail(QCoreApplication::translate(
            "StandardWebhooks", "the signing secret holds characters that are not base64"));
    if (text.startsWith(secretPrefix))
        text = text.mid(secretPrefix.size());
    if (text.isEmpty())
        return fail(QCoreApplication::translate("StandardWebhooks", "the signing secret is empty"));
    const QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return fail(QCoreApplication::translate("StandardWebhooks",
            "the signing secret is not a whsec_ secret (whsec_ followed by base64)"));
    return decoded.decoded;
}

QString generateSigningSecret()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return QString::fromLatin1(secretPrefix + key.toBase64());
}

QList<QByteArray> parseSignatureHeader(QByteArrayView header)
{
    QList<QByteArray> signatures;
    for (const QByteArray& entry : header.toByteArray().split(' ')) {
        if (!entry.startsWith(versionPrefix) || entry.size() == versionPrefix.size())
            continue;
        const QByteArray encoded = entry.mid(versionPrefix.size());
        const QByteArray::FromBase64Result decoded
            = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            continue;
        signatures.append(entry);
    }
    return signatures;
}

QByteArray signStandardWebhook(
    const QByteArray& key, QByteArrayView id, qint64 timestampSecs, QByteArrayView body)
{
    return versionPrefix
        + rawSignature(key, id, QByteArray::number(timestampSecs), body).toBase64();
}

SignatureCheck verifyStandardWebhook(const QByteArray& key, const WebhookHeaders& headers,
    QByteArrayView body, qint64 nowSecs, qint64 toleranceSecs)
{
    if (headers.id.isEmpty() || headers.timestamp.isEmpty() || headers.signature.isEmpty())
        return SignatureCheck::MissingHeader;
    bool ok = false;
    const qint64 timestamp = headers.timestamp.trimmed().toLongLong(&ok);
    if (!ok)
        return SignatureCheck::BadTimestamp;
    if (timestamp < nowSecs - toleranceSecs)
        return SignatureCheck::Stale;
    if (timestamp > nowSecs + toleranceSecs)
        return SignatureCheck::Future;
    // Signed over the timestamp exactly as it was sent, as the reference libraries do.
    const QByteArray expected = versionPrefix
        + rawSignature(key, headers.id, headers.timestamp.trimmed(), body).toBase64();
    bool matched = false;
    // Every candidate is compared, so which one matched (if any) does not show in the timing.
    for (const QByteArray& signature : parseSignatureHeader(headers.signature))
        matched = constantTimeEquals(signature, expected) || matched;
    return matched ? SignatureCheck::Valid : SignatureCheck::BadSignature;
}

QString signatureCheckMessage(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Valid:
        return QCoreApplication::translate("StandardWebhooks", "signature verified");
    case SignatureCheck::MissingHeader:
        return QCoreApplication::translate("StandardWebhooks",
            "missing webhook-id, webhook-timestamp or webhook-signature header");
    case SignatureCheck::BadTimestamp:
        return QCoreApplication::translate(
            "StandardWebhooks", "webhook-timestamp is not a number of seconds");
    case SignatureCheck::Stale:
        return QCoreApplication::translate(
            "StandardWebhooks", "webhook-timestamp is too old (outside the allowed window)");
    case SignatureCheck::Future:
        return QCoreApplication::translate("StandardWebhooks",
            "webhook-timestamp is too far in the future (outside the allowed window)");
    case SignatureCheck::BadSignature:
        return QCoreApplication::translate("StandardWebhooks", "signature does not match");
    }
    return {};
}

} // namespace ContactDesk::Automation
