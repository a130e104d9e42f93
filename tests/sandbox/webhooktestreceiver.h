#pragma once

// What the webhook tests use to receive and check the sandbox's deliveries: a local HTTP
// endpoint that records each POST and answers the statuses it is told, OpenSSL verification of
// both signatures, the official payload schemas (../shared/spec/webhooks/<Type>.json), and the
// control calls the webhook tests share.
#include "sandboxfixture.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace ContactDesk::Testing {

struct ReceivedWebhook
{
    QByteArray path;
    QByteArray body; // the raw bytes
    QHash<QByteArray, QByteArray> headers; // names lower case
    QJsonObject json;
    qint64 receivedAtMs = 0;

    QString type() const { return json.value(QStringLiteral("type")).toString(); }
    QString webhookId() const { return json.value(QStringLiteral("webhookId")).toString(); }
};

class WebhookReceiver : public QAbstractHttpServer
{
public:
    WebhookReceiver();
    QUrl url() const; // http://127.0.0.1:<port>/hooks

    // Statuses for the next deliveries, in order; 200 after they run out.
    void answer(QList<int> statuses) { m_statuses = std::move(statuses); }
    const QList<ReceivedWebhook>& received() const { return m_received; }
    QStringList types() const;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    quint16 m_port = 0;
    QList<int> m_statuses;
    QList<ReceivedWebhook> m_received;
};

// Empty when the base64 signature verifies over `body` with the SPKI PEM key (RSA-SHA256
// PKCS#1 v1.5 for an RSA key, Ed25519 for an Ed25519 key); otherwise why not.
QString verifySignature(
    const QByteArray& publicKeyPem, const QByteArray& body, const QByteArray& base64Signature);
// The key's algorithm and size: "RSA 2048", "ED25519 256"; empty when the PEM does not load.
QString describeKey(const QByteArray& publicKeyPem);

// Empty when `payload` matches ../shared/spec/webhooks/<its type>.json; otherwise what does not.
QString validateWebhook(const QJsonObject& payload);

// Turns delivery on to the receiver with fast retries.
void target(SandboxFixture& fx, const WebhookReceiver& receiver, qint64 retryMs = 50);
// GET /__sandbox/webhooks, and its newest delivery.
QJsonObject deliveries(SandboxFixture& fx);
QJsonObject lastDelivery(SandboxFixture& fx);
// A contact made through the API; its id.
QString createContact(SandboxFixture& fx, const QString& email);
// POST /__sandbox/faults of the rule written as JSON text.
void addFault(SandboxFixture& fx, const QByteArray& rule);
// A control-API change of another user: the first name of contact `id`.
void rename(SandboxFixture& fx, const QString& id, const QString& firstName);

} // namespace ContactDesk::Testing
