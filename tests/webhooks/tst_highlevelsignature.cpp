// HighLevel's webhook signatures: x-wh-signature (RSA-SHA256 PKCS#1 v1.5) and x-ghl-signature
// (Ed25519) over the raw bytes, with keys generated here and the official key from the docs.

#include "webhooks/highlevelsignature.h"
#include "webhooktestkeys.h"

#include <QJsonDocument>
#include <QTest>

using namespace ContactDesk::Webhooks;
using ContactDesk::Testing::TestKeyPair;

namespace {

// Keys in the order HighLevel sends them, with spaces: a re-serialisation changes the bytes.
const QByteArray payload
    = R"({"type":"ContactTagUpdate","locationId":"loc1","id":"c1",)"
      R"( "tags":["vip","b"],"webhookId":"w1","timestamp":"2026-12-07T13:00:00.000Z"})";

QList<QPair<QByteArray, QByteArray>> headers(const QByteArray& name, const QByteArray& value)
{
    return {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}, {name, value}};
}

} // namespace

class TestHighLevelSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_rsa.isValid());
        QVERIFY(m_ed.isValid());
        QString error;
        m_verifier.setRsaKey(PublicKey::fromPem(m_rsa.publicPem(), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_verifier.setEd25519Key(PublicKey::fromPem(m_ed.publicPem(), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_verifier.rsaKey().kind(), PublicKey::Kind::Rsa);
        QCOMPARE(m_verifier.ed25519Key().kind(), PublicKey::Kind::Ed25519);
    }

    void officialRsaKeyLoads()
    {
        const QString path = QStringLiteral(CONTACTDESK_SPEC_DIR "/webhook-public-key.pem");
        QString error;
        const PublicKey key = PublicKey::fromPemFile(path, &error);
        QVERIFY2(!key.isNull(), qPrintable(error));
        QCOMPARE(key.kind(), PublicKey::Kind::Rsa);
        QCOMPARE(key.bits(), 4096);
        // It verifies nothing signed by another key.
        QVERIFY(!key.verify(payload, m_rsa.sign(payload)));
    }

    void productionKeysFromFiles()
    {
        const QString official = QStringLiteral(CONTACTDESK_SPEC_DIR "/webhook-public-key.pem");
        QString error;
        const std::optional<HighLevelVerifier> fromFiles
            = HighLevelVerifier::fromPemFiles(official, {}, &error);
        QVERIFY2(fromFiles, qPrintable(error));
        QCOMPARE(fromFiles->rsaKey().bits(), 4096);
        QVERIFY(fromFiles->ed25519Key().isNull());
        // The RSA file given as the Ed25519 key, no key at all, a missing file: each says why.
        QVERIFY(!HighLevelVerifier::fromPemFiles({}, official, &error));
        QVERIFY2(error.contains(QLatin1String("RSA")), qPrintable(error));
        QVERIFY(!HighLevelVerifier::fromPemFiles({}, {}, &error));
        QVERIFY2(error.contains(QLatin1String("no webhook public key")), qPrintable(error));
        QVERIFY(!HighLevelVerifier::fromPemFiles(QStringLiteral("/nonexistent.pem"), {}, &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent.pem")), qPrintable(error));
    }

    void thirdPartyEd25519KeyLoads()
    {
        // The Ed25519 key third-party code quotes from HighLevel's docs (contract 5.2).
        const QByteArray pem = "-----BEGIN PUBLIC KEY-----\n"
                               "MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n"
                               "-----END PUBLIC KEY-----\n";
        const PublicKey key = PublicKey::fromPem(pem);
        QCOMPARE(key.kind(), PublicKey::Kind::Ed25519);
    }

    void badPemIsRefusedWithAReason()
    {
        QString error;
        QVERIFY(PublicKey::fromPem("hello", &error).isNull());
        QVERIFY(error.contains(QLatin1String("PEM")));
        error.clear();
        QVERIFY(PublicKey::fromPem(
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", &error)
                    .isNull());
        QVERIFY(!error.isEmpty());
        QVERIFY(PublicKey::fromPemFile(QStringLiteral("/nonexistent/key.pem"), &error).isNull());
        QVERIFY(error.contains(QLatin1String("/nonexistent/key.pem")));
    }

    void rsaSignatureVerifies()
    {
        const auto h = SignatureHeaders::fromHeaders(
            headers(QByteArrayLiteral("X-WH-Signature"), m_rsa.signBase64(payload)));
        QCOMPARE(m_verifier.verify(h, payload), SignatureCheck::ValidRsa);
    }

    void ed25519SignatureVerifies()
    {
        const auto h = SignatureHeaders::fromHeaders(
            headers(QByteArrayLiteral("x-ghl-signature"), m_ed.signBase64(payload)));
        QCOMPARE(m_verifier.verify(h, payload), SignatureCheck::ValidEd25519);
    }

    void reserialisedJsonFailsWhileRawBytesPass()
    {
        const QByteArray reserialised
            = QJsonDocument::fromJson(payload).toJson(QJsonDocument::Compact);
        QVERIFY(reserialised != payload);
        for (const bool ed : {false, true}) {
            const QByteArray signature = ed ? m_ed.signBase64(payload) : m_rsa.signBase64(payload);
            const auto h = SignatureHeaders::fromHeaders(headers(
                ed ? QByteArrayLiteral("x-ghl-signature") : QByteArrayLiteral("x-wh-signature"),
                signature));
            QVERIFY(isValid(m_verifier.verify(h, payload)));
            QCOMPARE(m_verifier.verify(h, reserialised), SignatureCheck::BadSignature);
        }
    }

    void ed25519FirstWithoutFallback()
    {
        // A valid RSA signature does not rescue a bad Ed25519 one, as HighLevel's SDK does it.
        QList<QPair<QByteArray, QByteArray>> both
            = headers(QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(payload));
        both.append({QByteArrayLiteral("x-ghl-signature"), m_ed.signBase64("other bytes")});
        QCOMPARE(m_verifier.verify(SignatureHeaders::fromHeaders(both), payload),
            SignatureCheck::BadSignature);
        both.last().second = m_ed.signBase64(payload);
        QCOMPARE(m_verifier.verify(SignatureHeaders::fromHeaders(both), payload),
            SignatureCheck::ValidEd25519);
        // Without an Ed25519 key the RSA header is used.
        HighLevelVerifier rsaOnly;
        rsaOnly.setRsaKey(m_verifier.rsaKey());
        QCOMPARE(
            rsaOnly.verify(SignatureHeaders::fromHeaders(both), payload), SignatureCheck::ValidRsa);
    }

    void rejections()
    {
        QCOMPARE(m_verifier.verify(SignatureHeaders::fromHeaders({}), payload),
            SignatureCheck::MissingSignature);
        QCOMPARE(m_verifier.verify(SignatureHeaders::fromHeaders(headers(
                                       QByteArrayLiteral("x-wh-signature"), "not base64 !!")),
                     payload),
            SignatureCheck::MalformedSignature);
        QCOMPARE(m_verifier.verify(SignatureHeaders::fromHeaders(
                                       headers(QByteArrayLiteral("x-wh-signature"), "")),
                     payload),
            SignatureCheck::MalformedSignature);
        // Signed by another key pair.
        TestKeyPair other(TestKeyPair::Kind::Ed25519);
        QCOMPARE(
            m_verifier.verify(SignatureHeaders::fromHeaders(headers(
                                  QByteArrayLiteral("x-ghl-signature"), other.signBase64(payload))),
                payload),
            SignatureCheck::BadSignature);
        // One flipped byte of the body.
        QByteArray tampered = payload;
        tampered[tampered.indexOf("vip")] = 'V';
        QCOMPARE(
            m_verifier.verify(SignatureHeaders::fromHeaders(headers(
                                  QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(payload))),
                tampered),
            SignatureCheck::BadSignature);
        // No key configured: nothing verifies.
        QCOMPARE(HighLevelVerifier().verify(
                     SignatureHeaders::fromHeaders(
                         headers(QByteArrayLiteral("x-wh-signature"), m_rsa.signBase64(payload))),
                     payload),
            SignatureCheck::MissingSignature);
    }

    void headerDecoding()
    {
        const QByteArray raw("\xfb\xff\x01\x02", 4);
        QCOMPARE(decodeSignatureHeader(raw.toBase64()), raw);
        QCOMPARE(decodeSignatureHeader("  " + raw.toBase64() + " "), raw);
        QCOMPARE(decodeSignatureHeader(
                     raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
            raw);
        QVERIFY(!decodeSignatureHeader("a*b"));
        QVERIFY(!decodeSignatureHeader(QByteArray(4000, 'A')));
    }

private:
    TestKeyPair m_rsa {TestKeyPair::Kind::Rsa};
    TestKeyPair m_ed {TestKeyPair::Kind::Ed25519};
    HighLevelVerifier m_verifier;
};

QTEST_GUILESS_MAIN(TestHighLevelSignature)
#include "tst_highlevelsignature.moc"
