#include "api/apiclient.h"

#include "api/logging.h"
#include "api/models/envelopes.h"
#include "api/ratebudget.h"
#include "api/tokenprovider.h"
#include "common/clock.h"
#include "common/redaction.h"
#include "common/version.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcApi, "contactdesk.api", QtInfoMsg)

namespace ContactDesk::Api {

namespace {

// A request body that can be read exactly once. QNetworkAccessManager silently resends a
// request whose connection closed before any answer; for a create that could make a second
// record, so its body refuses the rewind and the resend fails instead (ContentReSendError).
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, m_data.size() - m_pos);
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

bool neverReachedServer(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::ConnectionRefusedError
        || error == QNetworkReply::HostNotFoundError
        || error == QNetworkReply::ProxyConnectionRefusedError
        || error == QNetworkReply::ProxyNotFoundError;
}

QHash<QByteArray, QByteArray> lowerCaseHeaders(const QNetworkReply* reply)
{
    const QList<QNetworkReply::RawHeaderPair>& pairs = reply->rawHeaderPairs();
    QHash<QByteArray, QByteArray> headers;
    headers.reserve(pairs.size());
    for (const auto& [name, value] : pairs)
        headers.insert(name.toLower(), value);
    return headers;
}

QByteArray encodedBase(const QUrl& baseUrl)
{
    QByteArray base = baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (base.endsWith('/'))
        base.chop(1);
    return base;
}

// expectedResultKeys() with each entry already split into its alternatives, looked up by the
// catalog's own operation id so the check after every answer allocates nothing.
const QList<QStringList>& resultKeyAlternatives(const Endpoint& endpoint)
{
    static const QHash<QLatin1StringView, QList<QStringList>> table = [] {
        QHash<QLatin1StringView, QList<QStringList>> alternatives;
        for (const Endpoint& e : endpoints()) {
            QList<QStringList>& keys = alternatives[e.operationId];
            for (const QString& key : expectedResultKeys(e))
                keys.append(key.split(u'|'));
        }
        return alternatives;
    }();
    static const QList<QStringList> none;
    const auto it = table.constFind(endpoint.operationId);
    return it == table.cend() ? none : *it;
}

const QMetaMethod& exchangedSignal()
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&ApiClient::exchanged);
    return signal;
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager& network, TokenProvider& tokens, RateBudget& budget,
    const Clock& clock, ApiConfig config, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_budget(budget)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_random(QRandomGenerator::securelySeeded())
    , m_baseEncoded(encodedBase(m_config.baseUrl))
{
    m_requestTemplate.setRawHeader(QByteArrayLiteral("Version"), m_config.apiVersion.toUtf8());
    m_requestTemplate.setRawHeader(
        QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    m_requestTemplate.setRawHeader(QByteArrayLiteral("User-Agent"), ContactDesk::userAgent());
    m_requestTemplate.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    m_requestTemplate.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_requestTemplate.setTransferTimeout(int(m_config.retry.transferTimeoutMs));
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::urlFor(const Endpoint& endpoint, const RequestSpec& spec, QString* error) const
{
    // Walks the template in place: every segment after the first '/' is copied, or, when it is
    // a {name}, replaced by the percent-encoded path parameter.
    const QLatin1StringView path = endpoint.path;
    QByteArray encoded = m_baseEncoded;
    encoded.reserve(m_baseEncoded.size() + path.size() + 64);
    qsizetype slash = path.indexOf(u'/');
    while (slash >= 0) {
        const qsizetype begin = slash + 1;
        slash = path.indexOf(u'/', begin);
        const QLatin1StringView segment
            = path.sliced(begin, (slash < 0 ? path.size() : slash) - begin);
        encoded += '/';
        if (!segment.startsWith(u'{')) {
            encoded.append(segment.data(), segment.size());
            continue;
        }
        const QLatin1StringView name
            = segment.size() > 2 ? segment.sliced(1, segment.size() - 2) : QLatin1StringView();
        const QString* value = nullptr;
        for (auto it = spec.path.cbegin(); it != spec.path.cend() && !value; ++it) {
            if (it.key() == name)
                value = &it.value();
        }
        if (!value || value->isEmpty()) {
            if (error)
                *error = QStringLiteral("missing path parameter %1").arg(name);
            return {};
        }
        encoded += QUrl::toPercentEncoding(*value);
    }
    for (qsizetype i = 0; i < spec.query.size(); ++i) {
        const auto& [key, value] = spec.query.at(i);
        encoded += i == 0 ? '?' : '&';
        encoded += QUrl::toPercentEncoding(key);
        encoded += '=';
        encoded += QUrl::toPercentEncoding(value);
    }
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

ApiJob* ApiClient::call(const QString& operationId, RequestSpec spec)
{
    const Endpoint* endpoint = findEndpoint(operationId);
    static const Endpoint unknown {QLatin1StringView("unknown"), HttpMethod::Get,
        QLatin1StringView("/"), Scope::None, 200, false, {}};
    auto* job = new ApiJob(endpoint ? *endpoint : unknown, std::move(spec), this);
    // Errors found before sending still arrive through `finished`, after the caller connected.
    QTimer::singleShot(0, job, [this, job, operationId, endpoint] {
        if (!endpoint) {
            finish(job,
                ApiError(ApiError::Kind::BadRequest, 0,
                    {QStringLiteral("unknown operation %1").arg(operationId)}));
            return;
        }
        const QString scope = scopeName(endpoint->scope);
        const QStringList granted = m_tokens.grantedScopes();
        if (!scope.isEmpty() && !granted.isEmpty() && !granted.contains(scope)) {
            ApiError refused(ApiError::Kind::ScopeNotGranted, 0,
                {tr("this connection was not granted the %1 scope").arg(scope)});
            refused.setMissingScope(scope);
            finish(job, refused);
            return;
        }
        for (const auto& [name, value] : job->spec().headers) {
            const QString refused = requestHeaderProblem(name, value);
            if (!refused.isEmpty()) {
                finish(job, ApiError(ApiError::Kind::BadRequest, 0, {refused}));
                return;
            }
        }
        QString problem;
        job->m_url = urlFor(*endpoint, job->spec(), &problem);
        if (job->m_url.isEmpty()) {
            finish(job, ApiError(ApiError::Kind::BadRequest, 0, {problem}));
            return;
        }
        enqueue(job);
    });
    return job;
}

void ApiClient::enqueue(ApiJob* job)
{
    if (job->m_cancelled)
        return;
    job->m_ticket
        = m_budget.enqueue(m_config.locationId, job->spec().priority, [this, job] { start(job); });
}

void ApiClient::start(ApiJob* job)
{
    // m_ticket stays: the budget's answered() needs it, and cancel() of a started ticket is a
    // no-op.
    QPointer<ApiJob> guard(job);
    m_tokens.withToken([this, guard](const QString& token, const QString& error) {
        if (!guard || guard->m_cancelled)
            return;
        if (token.isEmpty()) {
            finish(guard, ApiError(ApiError::Kind::Unauthorized, 0, {error}));
            return;
        }
        guard->m_token = token;
        send(guard);
    });
}

const QByteArray& ApiClient::authorization(const QString& token)
{
    if (token != m_authToken || m_authHeader.isEmpty()) {
        m_authToken = token;
        m_authHeader = "Bearer " + token.toUtf8();
    }
    return m_authHeader;
}

void ApiClient::send(ApiJob* job)
{
    const Endpoint& endpoint = job->endpoint();
    QNetworkRequest request(m_requestTemplate);
    request.setUrl(job->m_url);
    // The template carries the version most operations take (the config's); the few of another
    // API (calendars) replace it. Comparing two short views costs next to nothing per request.
    if (endpoint.version != Api::apiVersion)
        request.setRawHeader(QByteArrayLiteral("Version"),
            QByteArray::fromRawData(endpoint.version.data(), endpoint.version.size()));
    request.setRawHeader(QByteArrayLiteral("Authorization"), authorization(job->m_token));
    // Checked in call(): none of these is one the client owns.
    for (const auto& [name, value] : job->spec().headers)
        request.setRawHeader(name, value);

    QByteArray body;
    QIODevice* device = nullptr;
    if (job->spec().body) {
        if (job->m_body.isNull())
            job->m_body = QJsonDocument(*job->spec().body).toJson(QJsonDocument::Compact);
        body = job->m_body;
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        if (createsRecord(endpoint)) {
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            device = new OneShotBody(body, job);
        }
    }
    ++job->m_attempts;
    const qint64 startedAtMs = m_clock.nowMs();
    const QByteArray method = methodName(endpoint.method);
    // Body-less calls still carry an empty upload device. Sending them without one is about a
    // tenth cheaper for QNetworkAccessManager, but Qt 6.4 then sometimes leaves a request sent
    // just after the server closed a connection ("Connection: close", as on a 502 page) waiting
    // for the transfer timeout instead of reconnecting.
    QNetworkReply* reply = device ? m_network.sendCustomRequest(request, method, device)
                                  : m_network.sendCustomRequest(request, method, body);
    job->m_reply = reply;
    job->m_sentUrl = request.url();
    // A runaway answer (a proxy's endless page, a 50 MB dump) is cut off instead of read.
    connect(
        reply, &QNetworkReply::downloadProgress, job, [job, reply](qint64 received, qint64 total) {
            if (received > maxResponseBytes || total > maxResponseBytes) {
                job->m_tooLarge = true;
                reply->abort();
            }
        });
    connect(reply, &QNetworkReply::requestSent, job,
        [this, job] { m_budget.onWire(m_config.locationId, job->m_ticket); });
    connect(reply, &QNetworkReply::finished, job, [this, job, reply, body, startedAtMs] {
        // An aborted reply (cancel, transfer timeout) is closed; reading it only warns.
        const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
        m_budget.answered(m_config.locationId, job->m_ticket);
        // The request log's record copies and redacts headers and bodies: only worth it when
        // someone reads it.
        if (isSignalConnected(exchangedSignal()))
            logExchange(job, reply, body, answer, startedAtMs);
        handleReply(job, reply, answer);
        reply->deleteLater();
    });
}

void ApiClient::handleReply(ApiJob* job, QNetworkReply* reply, const QByteArray& body)
{
    job->m_reply.clear();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QHash<QByteArray, QByteArray> headers = lowerCaseHeaders(reply);
    job->m_httpStatus = status;
    if (job->m_cancelled) {
        finish(job, ApiError(ApiError::Kind::Cancelled, status, {}));
        return;
    }
    if (job->m_tooLarge) {
        finish(job,
            ApiError::incorrectResponse(
                tr("the answer is larger than %1 MB").arg(maxResponseBytes / 1024 / 1024), status));
        return;
    }
    if (status > 0)
        m_budget.observe(m_config.locationId, headers);

    const bool creates = createsRecord(job->endpoint());
    if (status == 0) {
        const QNetworkReply::NetworkError code = reply->error();
        const bool timedOut
            = code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError;
        const ApiError::Kind kind = timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network;
        if (creates && !neverReachedServer(code)) {
            finish(job, ApiError(ApiError::Kind::OutcomeUnknown, 0, {reply->errorString()}));
            return;
        }
        retryLater(job, ApiError(kind, 0, {reply->errorString()}));
        return;
    }
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            finish(job,
                ApiError::incorrectResponse(tr("the answer is not a JSON object (%1)")
                                                .arg(parseError.error != QJsonParseError::NoError
                                                        ? parseError.errorString()
                                                        : tr("got %1 bytes").arg(body.size())),
                    status));
            return;
        }
        const QJsonObject result = document.object();
        for (const QStringList& names : resultKeyAlternatives(job->endpoint())) {
            const bool present = std::any_of(
                names.begin(), names.end(), [&](const QString& n) { return result.contains(n); });
            if (!present) {
                finish(job,
                    ApiError::incorrectResponse(
                        tr("the answer lacks \"%1\"").arg(names.first()), status));
                return;
            }
        }
        finish(job, ApiError(), result);
        return;
    }

    const ApiError error = ApiError::fromHttp(status, body, headers, m_clock.nowMs());
    switch (error.kind()) {
    case ApiError::Kind::Unauthorized:
        if (!job->m_refreshed) {
            // One refresh and one resend per request, never a loop.
            job->m_refreshed = true;
            QPointer<ApiJob> guard(job);
            m_tokens.tokenRejected(
                job->m_token, [this, guard, error](const QString& token, const QString& problem) {
                    if (!guard || guard->m_cancelled)
                        return;
                    if (token.isEmpty()) {
                        finish(guard,
                            ApiError(ApiError::Kind::Unauthorized, error.httpStatus(), {problem}));
                        return;
                    }
                    enqueue(guard);
                });
            return;
        }
        break;
    case ApiError::Kind::RateLimited:
        m_budget.refused(m_config.locationId, error.retryAfterMs(), false);
        if (job->m_rateLimitRetries < m_config.retry.maxRateLimitRetries) {
            ++job->m_rateLimitRetries;
            // The budget's pause is the real wait: Retry-After when sent, else the window.
            const qint64 wait = m_budget.state(m_config.locationId).pausedUntilMs - m_clock.nowMs();
            Q_EMIT job->retryScheduled(job->m_rateLimitRetries, qMax<qint64>(0, wait), error);
            enqueue(job);
            return;
        }
        break;
    case ApiError::Kind::DailyLimitReached:
        m_budget.refused(m_config.locationId, error.retryAfterMs(), true);
        break;
    case ApiError::Kind::Server:
        // A gateway error after a create may hide a commit; only 503 says it was not done.
        if (creates && status != 503) {
            finish(job, ApiError(ApiError::Kind::OutcomeUnknown, status, error.messages()));
            return;
        }
        retryLater(job, error);
        return;
    default:
        break;
    }
    finish(job, error);
}

void ApiClient::retryLater(ApiJob* job, const ApiError& reason)
{
    if (!reason.isTransient() || job->m_retries >= m_config.retry.maxRetries()) {
        finish(job, reason);
        return;
    }
    // A 503 may say when to come back (Retry-After, seconds or a date). Within what the policy
    // would wait anyway the client waits that long; a longer pause is the caller's to take
    // (the outbox defers the item until then), not a request held open for minutes.
    const qint64 asked = reason.retryAfterMs();
    const qint64 longest = m_config.retry.backoffMs.isEmpty()
        ? 0
        : *std::max_element(m_config.retry.backoffMs.cbegin(), m_config.retry.backoffMs.cend());
    if (asked > longest) {
        finish(job, reason);
        return;
    }
    ++job->m_retries;
    const qint64 delay = std::max(m_config.retry.delayBefore(job->m_retries, m_random), asked);
    Q_EMIT job->retryScheduled(job->m_retries, delay, reason);
    qCDebug(lcApi) << job->endpoint().operationId << "retry" << job->m_retries << "in" << delay
                   << "ms after" << ApiError::kindName(reason.kind());
    QTimer::singleShot(int(delay), job, [this, job] { enqueue(job); });
}

void ApiClient::finish(ApiJob* job, const ApiError& error, const QJsonObject& result)
{
    if (job->m_finished)
        return;
    job->m_finished = true;
    // A job that ends without an answer (no token, cancelled) gives its slot back too.
    m_budget.answered(m_config.locationId, job->m_ticket);
    job->m_error = error;
    // The server's refusal does not always name the scope; the catalog does.
    if (error.kind() == ApiError::Kind::ScopeNotGranted && error.missingScope().isEmpty())
        job->m_error.setMissingScope(scopeName(job->endpoint().scope));
    job->m_result = result;
    if (error.isError() && job->m_attempts > 0 && error.kind() != ApiError::Kind::Cancelled
        && !job->m_sentUrl.isEmpty()) {
        Q_EMIT gaveUp(methodName(job->endpoint().method), redactUrl(job->m_sentUrl),
            job->m_attempts, error.messages().value(0));
    }
    qCDebug(lcApi) << job->endpoint().operationId << "finished:"
                   << (error.isError() ? ApiError::kindName(error.kind()) : QStringLiteral("ok"))
                   << "after" << job->m_attempts << "attempt(s)";
    Q_EMIT job->finished(job);
    job->deleteLater();
}

void ApiClient::noteOutcome(const AttemptRef& attempt, const QString& outcome)
{
    if (attempt.isValid())
        Q_EMIT outcomeNoted(attempt.method, attempt.url, attempt.attempt, outcome);
}

void ApiClient::logExchange(ApiJob* job, QNetworkReply* reply, const QByteArray& requestBody,
    const QByteArray& responseBody, qint64 startedAtMs)
{
    ApiExchange exchange;
    exchange.operationId = QString(job->endpoint().operationId);
    exchange.method = methodName(job->endpoint().method);
    exchange.url = redactUrl(reply->request().url());
    exchange.attempt = job->m_attempts;
    exchange.cause = job->spec().cause;
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && exchange.status == 0)
        exchange.transportError = reply->errorString();
    exchange.startedAtMs = startedAtMs;
    exchange.durationMs = m_clock.nowMs() - startedAtMs;
    const QNetworkRequest sent = reply->request();
    for (const QByteArray& name : sent.rawHeaderList())
        exchange.requestHeaders.append(
            {name, redactHeaderValue(name.toLower(), sent.rawHeader(name))});
    exchange.requestBody = redactBody(requestBody);
    for (const auto& [name, value] : reply->rawHeaderPairs())
        exchange.responseHeaders.append({name, redactHeaderValue(name.toLower(), value)});
    exchange.responseBody = redactBody(responseBody);
    Q_EMIT exchanged(exchange);
}

} // namespace ContactDesk::Api
