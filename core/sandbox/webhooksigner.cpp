#include "sandbox/webhooksigner.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace ContactDesk::Sandbox {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

Pkey generate(const char* type)
{
    EVP_PKEY* key = nullptr;
    if (qstrcmp(type, "RSA") == 0)
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    else
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, type);
    if (!key)
        throw std::runtime_error(std::string("OpenSSL could not generate a key: ") + type);
    return Pkey(key);
}

QByteArray publicPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (bio && PEM_write_bio_PUBKEY(bio, key) == 1) {
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, qsizetype(size));
    }
    BIO_free(bio);
    return pem;
}

// Ed25519 signs the message itself (no digest); RSA hashes with SHA-256 and pads PKCS#1 v1.5.
QByteArray sign(EVP_PKEY* key, const EVP_MD* digest, const QByteArray& body)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, digest, nullptr, key) != 1)
        return {};
    if (digest && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return {};
    const auto* data = reinterpret_cast<const unsigned char*>(body.constData());
    size_t size = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &size, data, size_t(body.size())) != 1)
        return {};
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, data,
            size_t(body.size()))
        != 1)
        return {};
    signature.resize(qsizetype(size));
    return signature.toBase64();
}

} // namespace

struct WebhookSigner::Keys
{
    Pkey rsa = generate("RSA");
    Pkey ed25519 = generate("ED25519");
};

WebhookSigner::WebhookSigner() = default;
WebhookSigner::~WebhookSigner() = default;

WebhookSigner::Keys& WebhookSigner::keys()
{
    if (!m_keys)
        m_keys = std::make_unique<Keys>();
    return *m_keys;
}

QByteArray WebhookSigner::rsaPublicKeyPem()
{
    return publicPem(keys().rsa.get());
}

QByteArray WebhookSigner::ed25519PublicKeyPem()
{
    return publicPem(keys().ed25519.get());
}

QByteArray WebhookSigner::signRsa(const QByteArray& body)
{
    return sign(keys().rsa.get(), EVP_sha256(), body);
}

QByteArray WebhookSigner::signEd25519(const QByteArray& body)
{
    return sign(keys().ed25519.get(), nullptr, body);
}

} // namespace ContactDesk::Sandbox
