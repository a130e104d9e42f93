#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace ContactDesk::Sandbox {

enum class FaultKind
{
    Status, // answer `status` without doing anything
    Latency, // do the work, answer after `latencyMs`
    Drop, // close the connection before doing anything
    DropAfterCommit, // do the work, then close the connection without an answer
    MalformedJson, // do the work, answer with a truncated JSON body
    HtmlError, // answer a proxy's HTML error page (502 unless `status` says otherwise)
    ExpireTokens, // every OAuth access token expires now, then the request goes on
    RevokeRefreshTokens, // every refresh token is revoked, then the request goes on
    IndexLag, // search stops seeing writes for `latencyMs` after each write
    // Webhook deliveries only (target "webhook"); Drop and Latency apply to them too.
    Duplicate, // deliver the event twice
    OutOfOrder, // hold the event back and deliver it after the next one
    BadSignature, // deliver with both signatures broken
};

// What a rule matches: API requests (by method and path) or webhook deliveries (by event type).
enum class FaultTarget
{
    Api,
    Webhook,
};

struct FaultRule
{
    FaultTarget target = FaultTarget::Api;
    QByteArray method; // empty: any
    QString path; // exact, or a prefix when it ends in '*'; for webhooks the event type or *
    FaultKind kind = FaultKind::Status;
    int status = 500;
    qint64 latencyMs = 0;
    double probability = 1.0;
    int remaining = -1; // -1: until cleared

    QJsonObject toJson() const;
};

// Fault rules from `POST /__sandbox/faults`, matched against each request in order.
class FaultInjector
{
public:
    // Adds a rule from its control-API JSON; returns an error text when the JSON is bad.
    QString add(const QJsonObject& json);
    void clear();
    // Removes the rule at `index` (in toJson() order); false when there is none.
    bool remove(qsizetype index);
    const QList<FaultRule>& rules() const { return m_rules; }
    QJsonArray toJson() const;

    // The first rule matching the request whose dice roll fires; counts it down.
    std::optional<FaultRule> take(QByteArrayView method, const QString& path,
        QRandomGenerator& random, FaultTarget target = FaultTarget::Api);
    // The first webhook rule for this event type ("ContactUpdate") whose dice roll fires.
    std::optional<FaultRule> takeWebhook(const QString& eventType, QRandomGenerator& random)
    {
        return take({}, eventType, random, FaultTarget::Webhook);
    }

private:
    QList<FaultRule> m_rules;
};

} // namespace ContactDesk::Sandbox
