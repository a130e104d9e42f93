#pragma once

#include "api/apijob.h"
#include "api/endpointcatalog.h"
#include "api/retrypolicy.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {

class RateBudget;
class TokenProvider;

// One HTTP exchange as the request log keeps it, secrets already redacted.
struct ApiExchange
{
    QString operationId;
    QByteArray method;
    QUrl url;
    int attempt = 0;
    RequestCause cause = RequestCause::User;
    int status = 0; // 0: no HTTP answer
    QString transportError;
    qint64 startedAtMs = 0;
    qint64 durationMs = 0;
    QList<QPair<QByteArray, QByteArray>> requestHeaders;
    QByteArray requestBody;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray responseBody;
};

struct ApiConfig
{
    QUrl baseUrl;
    QString locationId;
    // The agency (company) the location belongs to: search-users needs it.
    QString companyId;
    // The Version header of every operation whose catalog entry takes the default
    // (Api::apiVersion); operations of an API with its own version (calendars) send that.
    QString apiVersion = QString(Api::apiVersion);
    RetryPolicy retry;
};

// The only way ContactDesk talks to HighLevel: one per connection, on an injected network
// manager, token provider, rate budget and clock.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    ApiClient(QNetworkAccessManager& network, TokenProvider& tokens, RateBudget& budget,
        const Clock& clock, ApiConfig config, QObject* parent = nullptr);
    ~ApiClient() override;

    const ApiConfig& config() const { return m_config; }
    QString locationId() const { return m_config.locationId; }

    // Starts `operationId` (a catalog id such as "get-contact"). Never returns null: an unknown
    // id or a missing path parameter finishes the job with an error.
    ApiJob* call(const QString& operationId, RequestSpec spec);

    // The URL a call would go to (for "copy as curl" and the request log).
    QUrl urlFor(const Endpoint& endpoint, const RequestSpec& spec, QString* error = nullptr) const;

    // What became of the answer of `attempt`, said by the feature that acted on it later
    // ("reconciled: found on the server by a search"): for the traffic log's outcome column.
    // Emits outcomeNoted(); nothing for an attempt that never went out.
    void noteOutcome(const AttemptRef& attempt, const QString& outcome);

Q_SIGNALS:
    void outcomeNoted(
        const QByteArray& method, const QUrl& url, int attempt, const QString& outcome);
    // Every exchange, for the request log; secrets are redacted.
    void exchanged(const ContactDesk::Api::ApiExchange& exchange);
    // A request that reached the server at least once finished with an error: no further
    // attempt follows its last exchange (same method, URL and attempt number). `reason` is the
    // error's user text.
    void gaveUp(const QByteArray& method, const QUrl& url, int attempt, const QString& reason);

private:
    void enqueue(ApiJob* job);
    void start(ApiJob* job);
    void send(ApiJob* job);
    void handleReply(ApiJob* job, QNetworkReply* reply, const QByteArray& body);
    void retryLater(ApiJob* job, const ApiError& reason);
    void finish(ApiJob* job, const ApiError& error, const QJsonObject& result = {});
    void logExchange(ApiJob* job, QNetworkReply* reply, const QByteArray& requestBody,
        const QByteArray& responseBody, qint64 startedAtMs);
    const QByteArray& authorization(const QString& token);
    friend class ApiJob;

    QNetworkAccessManager& m_network;
    TokenProvider& m_tokens;
    RateBudget& m_budget;
    const Clock& m_clock;
    const ApiConfig m_config;
    QRandomGenerator m_random;
    // Built once from the config, which never changes: the encoded base URL (no trailing
    // slash) and a request carrying every header and attribute that is the same on each call.
    const QByteArray m_baseEncoded;
    QNetworkRequest m_requestTemplate;
    // "Bearer <token>" for the token last sent; tokens change rarely, requests often.
    QString m_authToken;
    QByteArray m_authHeader;
};

// Whether sending the operation twice could make two records; such requests are never resent
// unless they provably did not reach the server.
bool createsRecord(const Endpoint& endpoint);
// The top-level keys a successful answer must carry.
QStringList expectedResultKeys(const Endpoint& endpoint);

} // namespace ContactDesk::Api
