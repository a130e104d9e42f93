#pragma once

#include "api/apierror.h"
#include "api/endpointcatalog.h"
#include "api/ratebudget.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace ContactDesk::Api {

class ApiClient;

// Which feature of ContactDesk made a request, for the inspector and the request log.
enum class RequestCause
{
    User, // a direct call: the CLI's call verb, a lookup the user waits for
    Sync,
    Outbox, // a desktop user's own edit
    Import,
    Automation,
    Webhook, // a re-fetch or forward caused by a HighLevel webhook
    Verify,
    Replay, // the inspector's replay and compose
};
// "user", "sync", "outbox", ...: stable, for files and filters.
QString requestCauseName(RequestCause cause);
std::optional<RequestCause> requestCauseFromName(const QString& name);

// What to send for one operation: path parameters, query items, extra headers and an optional
// JSON body.
struct RequestSpec
{
    QHash<QString, QString> path;
    QList<QPair<QString, QString>> query;
    // Sent as given, after the client's own; one of the same name as a default (Accept,
    // User-Agent) replaces it. A header the client owns (requestHeaderProblem()) is refused
    // before anything is sent: the job finishes with BadRequest saying so.
    QList<QPair<QByteArray, QByteArray>> headers;
    std::optional<QJsonObject> body;
    Priority priority = Priority::Foreground;
    RequestCause cause = RequestCause::User;
};

// Why a header cannot go out in RequestSpec::headers, empty when it can. The client alone sets
// Authorization (the connection's token, refreshed on a 401), Version (the catalog's), the
// body's Content-Type and Content-Length, and the connection headers: a caller's value would be
// dropped or would fight the client's, so it is refused with this text instead. A name must be
// an HTTP token and a value must hold no line break or NUL.
QString requestHeaderProblem(const QByteArray& name, const QByteArray& value);
// Whether ContactDesk's client sets `name` itself on every request (case-insensitive): the
// reserved headers above and the defaults a caller may replace (Accept, User-Agent).
bool isClientHeader(const QByteArray& name);

// Which attempt of a request an exchange was: what the traffic log matches an outcome to.
struct AttemptRef
{
    QByteArray method;
    QUrl url;
    int attempt = 0; // 0: never sent
    bool isValid() const { return attempt > 0 && !url.isEmpty(); }
};

// One request, from the queue to its result. The client drives it through fixed steps (scope
// check, rate budget, token, send, check reply, retry or finish); the job holds the outcome.
// It deletes itself after `finished` has been delivered.
class ApiJob : public QObject
{
    Q_OBJECT

public:
    const Endpoint& endpoint() const { return m_endpoint; }
    const RequestSpec& spec() const { return m_spec; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError& error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // The validated answer; empty unless succeeded().
    const QJsonObject& result() const { return m_result; }
    int attempts() const { return m_attempts; }
    // The last attempt that went out; not valid when none did.
    AttemptRef lastAttempt() const;

    // Stops the request: a queued one never leaves, one in flight is aborted. Finishes with
    // ApiError::Kind::Cancelled unless it had already finished.
    void cancel();

    // Calls `callback(job)` once, when the job finishes, in `context`'s thread.
    template <typename Callback>
    void onFinished(QObject* context, Callback callback)
    {
        connect(
            this, &ApiJob::finished, context,
            [callback = std::move(callback)](ApiJob* job) { callback(*job); },
            Qt::SingleShotConnection);
    }

Q_SIGNALS:
    void finished(ContactDesk::Api::ApiJob* job);
    // A transient failure; the next attempt starts after `delayMs`.
    void retryScheduled(int retry, qint64 delayMs, const ContactDesk::Api::ApiError& reason);

private:
    friend class ApiClient;
    ApiJob(const Endpoint& endpoint, RequestSpec spec, ApiClient* client);

    const Endpoint& m_endpoint;
    RequestSpec m_spec;
    ApiError m_error;
    QJsonObject m_result;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_retries = 0;
    int m_rateLimitRetries = 0;
    bool m_refreshed = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    quint64 m_ticket = 0;
    // Worked out once, before the first attempt; every retry sends the same.
    QUrl m_url;
    QByteArray m_body;
    QString m_token;
    QPointer<QNetworkReply> m_reply;
    QUrl m_sentUrl; // where the last attempt went (for ApiClient::gaveUp)
};

} // namespace ContactDesk::Api
