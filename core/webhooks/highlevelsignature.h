#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace ContactDesk::Webhooks {

// A public key read from PEM (SubjectPublicKeyInfo, "-----BEGIN PUBLIC KEY-----"): RSA for
// x-wh-signature, Ed25519 for x-ghl-signature. Copies share the key.
class PublicKey
{
public:
    enum class Kind
    {
        None,
        Rsa,
        Ed25519,
    };

    PublicKey();
    ~PublicKey();
    PublicKey(const PublicKey&);
    PublicKey& operator=(const PublicKey&);

    // The key in `pem`, or an empty key with *error naming why (not PEM, not a public key, a
    // key type other than RSA or Ed25519).
    static PublicKey fromPem(const QByteArray& pem, QString* error = nullptr);
    static PublicKey fromPemFile(const QString& path, QString* error = nullptr);

    bool isNull() const { return kind() == Kind::None; }
    Kind kind() const;
    int bits() const; // 4096 for HighLevel's RSA key, 256 for Ed25519; 0 when null

    // True when `signature` (raw bytes, not base64) signs `message` with this key: RSA-SHA256
    // PKCS#1 v1.5 for an RSA key, pure Ed25519 for an Ed25519 key.
    bool verify(const QByteArray& message, const QByteArray& signature) const;

private:
    struct Key;
    std::shared_ptr<Key> m_key;
};

// The signature headers of one delivery, as received (names compared without case).
struct SignatureHeaders
{
    std::optional<QByteArray> ghlSignature; // x-ghl-signature: base64 Ed25519
    std::optional<QByteArray> whSignature; // x-wh-signature: base64 RSA-SHA256

    static SignatureHeaders fromHeaders(const QList<QPair<QByteArray, QByteArray>>& headers);
};

// A base64 signature header value decoded strictly (standard or URL alphabet, padding optional,
// surrounding spaces ignored); nullopt for anything else, or for a value that decodes to nothing
// or to more than 1 KiB.
std::optional<QByteArray> decodeSignatureHeader(const QByteArray& value);

enum class SignatureCheck
{
    ValidEd25519,
    ValidRsa,
    MissingSignature, // neither header, or only one whose key is not configured
    MalformedSignature, // the header is not base64
    BadSignature, // does not verify over the raw body
};

QString signatureCheckMessage(SignatureCheck check);
inline bool isValid(SignatureCheck check)
{
    return check == SignatureCheck::ValidEd25519 || check == SignatureCheck::ValidRsa;
}

// HighLevel's two schemes, checked over the raw request bytes, never a re-serialisation:
// x-ghl-signature (Ed25519) when it is present and an Ed25519 key is set, with no fallback when
// it fails; otherwise x-wh-signature (RSA-SHA256 PKCS#1 v1.5) with the RSA key. Unlike
// HighLevel's SDK a delivery that cannot be verified is refused, never let through.
class HighLevelVerifier
{
public:
    // The production keys are configured as PEM files (HighLevel's RSA key from its
    // WebhookAuthentication docs, its Ed25519 key); an empty path leaves that scheme off. nullopt
    // with *error naming the file when one does not load or holds the other kind of key, or when
    // both paths are empty.
    static std::optional<HighLevelVerifier> fromPemFiles(
        const QString& rsaPemPath, const QString& ed25519PemPath, QString* error = nullptr);

    void setRsaKey(const PublicKey& key) { m_rsa = key; }
    void setEd25519Key(const PublicKey& key) { m_ed25519 = key; }
    const PublicKey& rsaKey() const { return m_rsa; }
    const PublicKey& ed25519Key() const { return m_ed25519; }
    bool hasKey() const { return !m_rsa.isNull() || !m_ed25519.isNull(); }

    SignatureCheck verify(const SignatureHeaders& headers, const QByteArray& rawBody) const;

private:
    PublicKey m_rsa;
    PublicKey m_ed25519;
};

} // namespace ContactDesk::Webhooks
