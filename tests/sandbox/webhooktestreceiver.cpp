#include "webhooktestreceiver.h"

#include "sandboxtesthelpers.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <memory>

namespace ContactDesk::Testing {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey loadPublicKey(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = bio ? PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    return Pkey(key);
}

} // namespace

WebhookReceiver::WebhookReceiver()
{
    m_port = listen(QHostAddress::LocalHost, 0);
}

QUrl WebhookReceiver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/hooks").arg(m_port));
}

QStringList WebhookReceiver::types() const
{
    QStringList types;
    for (const ReceivedWebhook& webhook : m_received)
        types.append(webhook.type());
    return types;
}

bool WebhookReceiver::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ReceivedWebhook webhook;
    webhook.path = request.url().path().toUtf8();
    webhook.body = request.body();
    for (const auto& [name, value] : request.headers())
        webhook.headers.insert(name.toLower(), value);
    webhook.json = QJsonDocument::fromJson(webhook.body).object();
    webhook.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_received.append(webhook);
    const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode(status));
    return true;
}

void WebhookReceiver::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

QString verifySignature(
    const QByteArray& publicKeyPem, const QByteArray& body, const QByteArray& base64Signature)
{
    const Pkey key = loadPublicKey(publicKeyPem);
    if (!key)
        return QStringLiteral("the public key does not load");
    const QByteArray signature = QByteArray::fromBase64(base64Signature);
    if (signature.isEmpty())
        return QStringLiteral("no signature");
    const bool rsa = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    int ok = EVP_DigestVerifyInit(ctx, &pctx, rsa ? EVP_sha256() : nullptr, nullptr, key.get());
    if (ok == 1 && rsa)
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING);
    if (ok == 1)
        ok = EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.constData()),
            size_t(signature.size()), reinterpret_cast<const unsigned char*>(body.constData()),
            size_t(body.size()));
    EVP_MD_CTX_free(ctx);
    return ok == 1 ? QString() : QStringLiteral("the signature does not verify");
}

QString describeKey(const QByteArray& publicKeyPem)
{
    const Pkey key = loadPublicKey(publicKeyPem);
    if (!key)
        return {};
    const QString name = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA ? QStringLiteral("RSA")
        : EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_ED25519            ? QStringLiteral("ED25519")
                                                                         : QStringLiteral("other");
    return name + u' ' + QString::number(EVP_PKEY_get_bits(key.get()));
}

QString validateWebhook(const QJsonObject& payload)
{
    const QString type = payload.value(QStringLiteral("type")).toString();
    QFile file(QStringLiteral(CONTACTDESK_SPEC_DIR "/webhooks/%1.json").arg(type));
    if (type.isEmpty() || !file.open(QIODevice::ReadOnly))
        return QStringLiteral("no schema for type \"%1\" (%2)").arg(type, file.fileName());
    const QJsonValue schemaJson
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("schema"));
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    parser.populateSchema(valijson::adapters::QtJsonAdapter(schemaJson), schema);
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    if (validator.validate(
            schema, valijson::adapters::QtJsonAdapter(QJsonValue(payload)), &results))
        return {};
    QStringList lines;
    valijson::ValidationResults::Error failure;
    while (results.popError(failure)) {
        QString where;
        for (const std::string& part : failure.context)
            where += QString::fromStdString(part);
        lines.append(where + QStringLiteral(": ") + QString::fromStdString(failure.description));
    }
    return type + QStringLiteral(" does not match its schema: ") + lines.join(QStringLiteral("; "));
}

// Turns delivery on to the receiver with fast retries.
void target(SandboxFixture& fx, const WebhookReceiver& receiver, qint64 retryMs)
{
    QJsonObject body {{QStringLiteral("url"), receiver.url().toString()},
        {QStringLiteral("retryIntervalMs"), retryMs}};
    const HttpResult result = fx.control("PUT", QStringLiteral("/__sandbox/webhooks"), body);
    QCOMPARE(result.status, 200);
}

QJsonObject deliveries(SandboxFixture& fx)
{
    return fx.control("GET", QStringLiteral("/__sandbox/webhooks")).object();
}

QJsonObject lastDelivery(SandboxFixture& fx)
{
    const QJsonArray list = deliveries(fx).value(QStringLiteral("deliveries")).toArray();
    return list.isEmpty() ? QJsonObject() : list.last().toObject();
}

QString createContact(SandboxFixture& fx, const QString& email)
{
    QJsonObject body = json(R"({"firstName": "Ada", "lastName": "Lovelace"})");
    body.insert(QStringLiteral("email"), email);
    return postContact(fx, body).value(QStringLiteral("id")).toString();
}

void addFault(SandboxFixture& fx, const QByteArray& rule)
{
    const HttpResult result = fx.control("POST", QStringLiteral("/__sandbox/faults"), json(rule));
    QVERIFY2(result.status == 201, result.body.constData());
}

// A control-API change of another user: the name of contact `id`.
void rename(SandboxFixture& fx, const QString& id, const QString& firstName)
{
    const HttpResult result = fx.control("PATCH", QStringLiteral("/__sandbox/contacts/") + id,
        QJsonObject {{QStringLiteral("firstName"), firstName}});
    QCOMPARE(result.status, 200);
}

} // namespace ContactDesk::Testing
