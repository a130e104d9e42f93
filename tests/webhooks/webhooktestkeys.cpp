#include "webhooktestkeys.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace ContactDesk::Testing {

struct TestKeyPair::Key
{
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

TestKeyPair::TestKeyPair(Kind kind, int rsaBits)
    : m_key(std::make_unique<Key>())
    , m_kind(kind)
{
    if (kind == Kind::Rsa)
        m_key->pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(rsaBits));
    else
        m_key->pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
}

TestKeyPair::~TestKeyPair() = default;

bool TestKeyPair::isValid() const
{
    return m_key->pkey != nullptr;
}

QByteArray TestKeyPair::publicPem() const
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key->pkey);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(size));
    BIO_free(bio);
    return pem;
}

QByteArray TestKeyPair::sign(const QByteArray& message) const
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const auto* msg = reinterpret_cast<const unsigned char*>(message.constData());
    QByteArray signature;
    size_t length = 0;
    if (m_kind == Kind::Ed25519) {
        if (EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, m_key->pkey) == 1
            && EVP_DigestSign(ctx, nullptr, &length, msg, size_t(message.size())) == 1) {
            signature.resize(qsizetype(length));
            EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length, msg,
                size_t(message.size()));
        }
    } else {
        EVP_PKEY_CTX* pctx = nullptr;
        if (EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), nullptr, m_key->pkey) == 1
            && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1
            && EVP_DigestSignUpdate(ctx, msg, size_t(message.size())) == 1
            && EVP_DigestSignFinal(ctx, nullptr, &length) == 1) {
            signature.resize(qsizetype(length));
            EVP_DigestSignFinal(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length);
        }
    }
    signature.resize(qsizetype(length));
    EVP_MD_CTX_free(ctx);
    return signature;
}

} // namespace ContactDesk::Testing
