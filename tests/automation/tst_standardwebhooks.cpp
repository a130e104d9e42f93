// Standard Webhooks signing and verification: the spec's test vector, signatures made by the
// reference npm library (run with node), and every way a delivery is refused.
#include "automation/standardwebhooks.h"

#include <QProcess>
#include <QTest>

using namespace ContactDesk::Automation;

namespace {

const QString vectorSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray vectorId = QByteArrayLiteral("msg_p5jXN8AQM9LWM0D4loKWxJek");
constexpr qint64 vectorTimestamp = 1614265330;
const QByteArray vectorBody = QByteArrayLiteral(R"({"test": 2432232314})");
const QByteArray vectorSignature
    = QByteArrayLiteral("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

QByteArray vectorKey()
{
    return decodeSigningSecret(vectorSecret).value_or(QByteArray());
}

WebhookHeaders headers(const QByteArray& id, qint64 timestamp, const QByteArray& signature)
{
    return {id, QByteArray::number(timestamp), signature};
}

// Runs the reference library: `mode` "sign" prints a signature; "verify" exits 0 when the
// library accepts the delivery.
QProcess::ExitStatus runNode(const QStringList& arguments, QByteArray* out, int* exitCode)
{
    static const QString script = QStringLiteral(R"JS(
const { Webhook } = require(process.argv[1] + "/standardwebhooks");
const [, , mode, secret, id, timestamp, body, signature] = process.argv;
const wh = new Webhook(secret);
if (mode === "sign") {
    process.stdout.write(wh.sign(id, new Date(Number(timestamp) * 1000), body));
} else {
    try {
        wh.verify(body, {"webhook-id": id, "webhook-timestamp": timestamp,
            "webhook-signature": signature});
    } catch (e) { process.stderr.write(String(e)); process.exit(3); }
}
)JS");
    QProcess node;
    node.start(QStringLiteral("node"),
        QStringList {QStringLiteral("-e"), script, QStringLiteral(CONTACTDESK_NODE_MODULES)}
            + arguments);
    if (!node.waitForFinished(30000))
        return QProcess::CrashExit;
    *out = node.readAllStandardOutput();
    *exitCode = node.exitCode();
    if (node.exitCode() != 0)
        qWarning() << node.readAllStandardError();
    return node.exitStatus();
}

} // namespace

class TestStandardWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A missing reference library fails the run: these checks are the point.
        QProcess probe;
        probe.start(QStringLiteral("node"), {QStringLiteral("--version")});
        QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0,
            "node is not installed (scripts/deps installs it)");
        QVERIFY2(QFile::exists(QStringLiteral(CONTACTDESK_NODE_MODULES "/standardwebhooks")),
            "tests/node/node_modules/standardwebhooks is missing (run scripts/deps)");
    }

    void specVectorSigns()
    {
        QCOMPARE(signStandardWebhook(vectorKey(), vectorId, vectorTimestamp, vectorBody),
            vectorSignature);
    }

    void specVectorVerifies()
    {
        QCOMPARE(
            verifyStandardWebhook(vectorKey(), headers(vectorId, vectorTimestamp, vectorSignature),
                vectorBody, vectorTimestamp + 10),
            SignatureCheck::Valid);
    }

    void secretWithoutPrefixDecodesTheSame()
    {
        QCOMPARE(decodeSigningSecret(vectorSecret.mid(6)), decodeSigningSecret(vectorSecret));
    }

    void badSecretsAreRefused_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("whsec_");
        QTest::newRow("not base64") << QStringLiteral("whsec_not*base64!");
        QTest::newRow("not latin") << QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS\u00e9");
    }

    void badSecretsAreRefused()
    {
        QFETCH(QString, secret);
        QString error;
        QVERIFY(!decodeSigningSecret(secret, &error));
        QVERIFY(!error.isEmpty());
    }

    void generatedSecretsAreRandomAndUsable()
    {
        const QString first = generateSigningSecret();
        const QString second = generateSigningSecret();
        QVERIFY(first.startsWith(QStringLiteral("whsec_")));
        QVERIFY(first != second);
        const std::optional<QByteArray> key = decodeSigningSecret(first);
        QVERIFY(key);
        QCOMPARE(key->size(), 32);
    }

    void referenceLibrarySignaturesVerify_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("sign-up")
            << generateSigningSecret()
            << QByteArrayLiteral(
                   R"({"type":"user.signed_up","data":{"id":"u1","email":"ada@example.com"}})");
        QTest::newRow("unicode")
            << generateSigningSecret()
            << QStringLiteral(R"({"type":"note.created","data":{"userId":"u1","body":"Grüße ✓"}})")
                   .toUtf8();
        QTest::newRow("spec secret") << vectorSecret << vectorBody;
    }

    void referenceLibrarySignaturesVerify()
    {
        QFETCH(QString, secret);
        QFETCH(QByteArray, body);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QByteArray signature;
        int exitCode = -1;
        QCOMPARE(runNode({QStringLiteral("sign"), secret, QStringLiteral("msg_ref1"),
                             QString::number(now), QString::fromUtf8(body)},
                     &signature, &exitCode),
            QProcess::NormalExit);
        QCOMPARE(exitCode, 0);
        const QByteArray key = decodeSigningSecret(secret).value_or(QByteArray());
        QCOMPARE(verifyStandardWebhook(key, headers("msg_ref1", now, signature), body, now),
            SignatureCheck::Valid);
        // And the other way round: the library accepts what ContactDesk signs.
        const QByteArray ours = signStandardWebhook(key, "msg_ref2", now, body);
        QByteArray ignored;
        QCOMPARE(
            runNode({QStringLiteral("verify"), secret, QStringLiteral("msg_ref2"),
                        QString::number(now), QString::fromUtf8(body), QString::fromLatin1(ours)},
                &ignored, &exitCode),
            QProcess::NormalExit);
        QCOMPARE(exitCode, 0);
    }

    void rejections_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("expected");
        const QByteArray ts = QByteArray::number(vectorTimestamp);
        const auto row = [&](const char* name, const QByteArray& id, const QByteArray& timestamp,
                             const QByteArray& signature, const QByteArray& body, qint64 now,
                             SignatureCheck expected) {
            QTest::newRow(name) << id << timestamp << signature << body << now << int(expected);
        };
        row("body changed", vectorId, ts, vectorSignature,
            QByteArrayLiteral(R"({"test": 2432232315})"), vectorTimestamp,
            SignatureCheck::BadSignature);
        row("id changed", "msg_other", ts, vectorSignature, vectorBody, vectorTimestamp,
            SignatureCheck::BadSignature);
        row("signature forged", vectorId, ts,
            QByteArrayLiteral("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), vectorBody,
            vectorTimestamp, SignatureCheck::BadSignature);
        row("other version only", vectorId, ts, QByteArray(vectorSignature).replace("v1,", "v2,"),
            vectorBody, vectorTimestamp, SignatureCheck::BadSignature);
        row("stale", vectorId, ts, vectorSignature, vectorBody, vectorTimestamp + 301,
            SignatureCheck::Stale);
        row("future", vectorId, ts, vectorSignature, vectorBody, vectorTimestamp - 301,
            SignatureCheck::Future);
        row("missing id", "", ts, vectorSignature, vectorBody, vectorTimestamp,
            SignatureCheck::MissingHeader);
        row("missing timestamp", vectorId, "", vectorSignature, vectorBody, vectorTimestamp,
            SignatureCheck::MissingHeader);
        row("missing signature", vectorId, ts, "", vectorBody, vectorTimestamp,
            SignatureCheck::MissingHeader);
        row("timestamp not a number", vectorId, "16142653x0", vectorSignature, vectorBody,
            vectorTimestamp, SignatureCheck::BadTimestamp);
        row("edge of the window", vectorId, ts, vectorSignature, vectorBody, vectorTimestamp + 300,
            SignatureCheck::Valid);
        row("several, one valid", vectorId, ts,
            QByteArrayLiteral("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,xyz ")
                + vectorSignature + QByteArrayLiteral(" v2,abc"),
            vectorBody, vectorTimestamp, SignatureCheck::Valid);
        row("several, none valid", vectorId, ts,
            QByteArrayLiteral("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1,Zm9v"),
            vectorBody, vectorTimestamp, SignatureCheck::BadSignature);
    }

    void rejections()
    {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, body);
        QFETCH(qint64, now);
        QFETCH(int, expected);
        const SignatureCheck check
            = verifyStandardWebhook(vectorKey(), {id, timestamp, signature}, body, now);
        QCOMPARE(int(check), expected);
        if (check != SignatureCheck::Valid)
            QVERIFY(!signatureCheckMessage(check).isEmpty());
    }

    void signatureHeaderParsing()
    {
        const QList<QByteArray> parsed
            = parseSignatureHeader("v1,Zm9v  v2,YmFy v1, v1,!!! v1,YmF6 garbage");
        QCOMPARE(parsed, (QList<QByteArray> {"v1,Zm9v", "v1,YmF6"}));
        QVERIFY(parseSignatureHeader("").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStandardWebhooks)
#include "tst_standardwebhooks.moc"
