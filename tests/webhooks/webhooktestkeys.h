#pragma once

// Key pairs made in the test with OpenSSL, so signatures are those a HighLevel (or the sandbox)
// would send: RSA-SHA256 PKCS#1 v1.5 for x-wh-signature, Ed25519 for x-ghl-signature.

#include <QByteArray>

#include <memory>

namespace ContactDesk::Testing {

class TestKeyPair
{
public:
    enum class Kind
    {
        Rsa,
        Ed25519,
    };

    explicit TestKeyPair(Kind kind, int rsaBits = 2048);
    ~TestKeyPair();

    bool isValid() const;
    QByteArray publicPem() const; // SPKI "BEGIN PUBLIC KEY"
    QByteArray sign(const QByteArray& message) const; // raw signature bytes
    QByteArray signBase64(const QByteArray& message) const { return sign(message).toBase64(); }

private:
    struct Key;
    std::unique_ptr<Key> m_key;
    Kind m_kind;
};

} // namespace ContactDesk::Testing
