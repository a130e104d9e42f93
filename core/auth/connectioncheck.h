#pragma once

#include "api/apierror.h"
#include "auth/connection.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ApiClient;
class ApiJob;
class RateBudget;
struct ApiExchange;
} // namespace ContactDesk::Api

namespace ContactDesk::Auth {

// The one request that proves a token works for a location before anything is saved:
// GET /contacts/?locationId=<id>&limit=1. It needs contacts.readonly, the least any ContactDesk
// connection needs, and changes nothing.
Api::ApiJob* startConnectionCheck(Api::ApiClient& client, const QString& locationId);

// What a failed check means for the person who pasted the token, with what to do next:
// a refused token (401), a missing scope (401 naming the scope), no access to the location
// (403), an address that does not answer.
QString connectionCheckFailureText(
    const Api::ApiError& error, const QUrl& baseUrl, const QString& locationId);

struct ConnectionCheckResult
{
    bool ok = false;
    QString message; // for the user, success or failure
    Api::ApiError error; // the token check's error; None for the client-credentials check
};

// Runs a check for credentials that are not saved anywhere yet, on its own client and budget
// and without retries, so a typo is reported at once rather than after a back-off. Two kinds:
// - a token (a private integration token, or a freshly signed-in access token) against a
//   location, with startConnectionCheck();
// - an OAuth app's client id and secret, which cannot be used without a sign-in: the token
//   endpoint authenticates the client before it looks at the grant (RFC 6749 5.2), so a refresh
//   grant with a throw-away refresh token answers invalid_client for a wrong pair and
//   invalid_grant for a right one, and nothing is issued either way.
// A new start cancels the check that is running; finished() is emitted once per start.
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    ConnectionCheck(QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);
    ~ConnectionCheck() override;

    void checkToken(const QUrl& baseUrl, const QString& token, const QString& locationId);
    void checkClientCredentials(const Connection& connection, const QString& clientSecret);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const ContactDesk::Auth::ConnectionCheckResult& result);
    // The token check's exchange, secrets redacted, for the request log.
    void exchanged(const ContactDesk::Api::ApiExchange& exchange);

private:
    class CheckedToken;

    void finish(const ConnectionCheckResult& result);

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    std::unique_ptr<CheckedToken> m_tokens;
    std::unique_ptr<Api::RateBudget> m_budget;
    // One client per token check (its base URL and location are the check's); an earlier one
    // is deleted later, never from inside its own job's signal.
    QPointer<Api::ApiClient> m_client;
    QPointer<Api::ApiJob> m_job;
    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace ContactDesk::Auth
