#include "webhooks/highlevelsignature.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace ContactDesk::Webhooks {

namespace {

constexpr qsizetype maxSignatureBytes = 1024;

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

struct PublicKey::Key
{
    EVP_PKEY* pkey = nullptr;
    Kind kind = Kind::None;
    ~Key() { EVP_PKEY_free(pkey); }
};

PublicKey::PublicKey() = default;
PublicKey::~PublicKey() = default;
PublicKey::PublicKey(const PublicKey&) = default;
PublicKey& PublicKey::operator=(const PublicKey&) = default;

PublicKey PublicKey::fromPem(const QByteArray& pem, QString* error)
{
    PublicKey key;
    if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
        if (error)
            *error = QStringLiteral("not a PEM public key (no \"BEGIN PUBLIC KEY\" block)");
        return key;
    }
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio) {
        if (error)
            *error = openSslError();
        return key;
    }
    EVP_PKEY* pkey = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!pkey) {
        if (error)
            *error = QStringLiteral("the PEM public key does not decode: %1").arg(openSslError());
        return key;
    }
    auto data = std::make_shared<Key>();
    data->pkey = pkey;
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
        data->kind = Kind::Rsa;
        break;
    case EVP_PKEY_ED25519:
        data->kind = Kind::Ed25519;
        break;
    default:
        if (error)
            *error = QStringLiteral("the public key is neither RSA nor Ed25519");
        return key;
    }
    key.m_key = std::move(data);
    return key;
}

PublicKey PublicKey::fromPemFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return fromPem(file.read(64 * 1024), error);
}

PublicKey::Kind PublicKey::kind() const
{
    return m_key ? m_key->kind : Kind::None;
}

int PublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key->pkey) : 0;
}

bool PublicKey::verify(const QByteArray& message, const QByteArray& signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (!ctx)
        return false;
    bool ok = false;
    const auto* sig = reinterpret_cast<const unsigned char*>(signature.constData());
    const auto* msg = reinterpret_cast<const unsigned char*>(message.constData());
    if (m_key->kind == Kind::Ed25519) {
        // Ed25519 is one-shot: no digest, the whole message at once.
        ok = EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
            && EVP_DigestVerify(ctx, sig, size_t(signature.size()), msg, size_t(message.size()))
                == 1;
    } else {
        EVP_PKEY_CTX* pctx = nullptr;
        ok = EVP_DigestVerifyInit(ctx, &pctx, EVP_sha256(), nullptr, m_key->pkey) == 1
            && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1
            && EVP_DigestVerifyUpdate(ctx, msg, size_t(message.size())) == 1
            && EVP_DigestVerifyFinal(ctx, sig, size_t(signature.size())) == 1;
    }
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    return ok;
}

SignatureHeaders SignatureHeaders::fromHeaders(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    SignatureHeaders result;
    for (const auto& [name, value] : headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (lower == "x-ghl-signature")
            result.ghlSignature = value;
        else if (lower == "x-wh-signature")
            result.whSignature = value;
    }
    return result;
}

std::optional<QByteArray> decodeSignatureHeader(const QByteArray& value)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty() || text.size() > maxSignatureBytes * 2)
        return std::nullopt;
    const bool url = text.contains('-') || text.contains('_');
    const auto options = (url ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding)
        | QByteArray::AbortOnBase64DecodingErrors;
    QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(text, options);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.size() > maxSignatureBytes)
        return std::nullopt;
    return std::move(decoded.decoded);
}

QString signatureCheckMessage(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::ValidEd25519:
        return QStringLiteral("x-ghl-signature (Ed25519) verified");
    case SignatureCheck::ValidRsa:
        return QStringLiteral("x-wh-signature (RSA-SHA256) verified");
    case SignatureCheck::MissingSignature:
        return QStringLiteral("no x-ghl-signature or x-wh-signature this receiver has a key for");
    case SignatureCheck::MalformedSignature:
        return QStringLiteral("the signature header is not base64");
    case SignatureCheck::BadSignature:
        return QStringLiteral("the signature does not match the body");
    }
    return {};
}

std::optional<HighLevelVerifier> HighLevelVerifier::fromPemFiles(
    const QString& rsaPemPath, const QString& ed25519PemPath, QString* error)
{
    HighLevelVerifier verifier;
    const auto load = [error](const QString& path, PublicKey::Kind kind, PublicKey* key) {
        if (path.isEmpty())
            return true;
        QString problem;
        *key = PublicKey::fromPemFile(path, &problem);
        if (!key->isNull() && key->kind() != kind)
            problem = QStringLiteral("%1 holds a %2 key")
                          .arg(path,
                              key->kind() == PublicKey::Kind::Rsa ? QStringLiteral("RSA")
                                                                  : QStringLiteral("Ed25519"));
        if (problem.isEmpty())
            return true;
        if (error)
            *error = problem.contains(path) ? problem : QStringLiteral("%1: %2").arg(path, problem);
        return false;
    };
    if (!load(rsaPemPath, PublicKey::Kind::Rsa, &verifier.m_rsa)
        || !load(ed25519PemPath, PublicKey::Kind::Ed25519, &verifier.m_ed25519))
        return std::nullopt;
    if (!verifier.hasKey()) {
        if (error)
            *error = QStringLiteral("no webhook public key is configured");
        return std::nullopt;
    }
    return verifier;
}

SignatureCheck HighLevelVerifier::verify(
    const SignatureHeaders& headers, const QByteArray& rawBody) const
{
    const auto check
        = [&rawBody](const PublicKey& key, const QByteArray& header, SignatureCheck valid) {
              const std::optional<QByteArray> signature = decodeSignatureHeader(header);
              if (!signature)
                  return SignatureCheck::MalformedSignature;
              return key.verify(rawBody, *signature) ? valid : SignatureCheck::BadSignature;
          };
    if (headers.ghlSignature && !m_ed25519.isNull())
        return check(m_ed25519, *headers.ghlSignature, SignatureCheck::ValidEd25519);
    if (headers.whSignature && !m_rsa.isNull())
        return check(m_rsa, *headers.whSignature, SignatureCheck::ValidRsa);
    return SignatureCheck::MissingSignature;
}

} // namespace ContactDesk::Webhooks
