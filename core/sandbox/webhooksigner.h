#pragma once

#include <QByteArray>

#include <memory>

namespace ContactDesk::Sandbox {

// The sandbox's two webhook key pairs (RSA-2048 for `x-wh-signature`, Ed25519 for
// `x-ghl-signature`), made with OpenSSL the first time they are needed.
class WebhookSigner
{
public:
    WebhookSigner();
    ~WebhookSigner();
    WebhookSigner(const WebhookSigner&) = delete;
    WebhookSigner& operator=(const WebhookSigner&) = delete;

    // SPKI PEM ("-----BEGIN PUBLIC KEY-----").
    QByteArray rsaPublicKeyPem();
    QByteArray ed25519PublicKeyPem();

    // Base64 signatures over exactly these bytes: RSA-SHA256 PKCS#1 v1.5, and Ed25519.
    QByteArray signRsa(const QByteArray& body);
    QByteArray signEd25519(const QByteArray& body);

private:
    struct Keys;
    Keys& keys();
    std::unique_ptr<Keys> m_keys;
};

} // namespace ContactDesk::Sandbox
