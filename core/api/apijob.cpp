// The parts of a request that are not the client's sending: the names of its causes, the rules
// for extra headers, and the job object's own methods.
#include "api/apijob.h"

#include "api/apiclient.h"
#include "api/ratebudget.h"

#include <QNetworkReply>

#include <algorithm>

namespace ContactDesk::Api {

namespace {
constexpr std::pair<RequestCause, QLatin1StringView> causeNames[] = {
    {RequestCause::User, QLatin1StringView("user")},
    {RequestCause::Sync, QLatin1StringView("sync")},
    {RequestCause::Outbox, QLatin1StringView("outbox")},
    {RequestCause::Import, QLatin1StringView("import")},
    {RequestCause::Automation, QLatin1StringView("automation")},
    {RequestCause::Webhook, QLatin1StringView("webhook")},
    {RequestCause::Verify, QLatin1StringView("verify")},
    {RequestCause::Replay, QLatin1StringView("replay")},
};
} // namespace

QString requestCauseName(RequestCause cause)
{
    for (const auto& [value, name] : causeNames) {
        if (value == cause)
            return name;
    }
    return {};
}

std::optional<RequestCause> requestCauseFromName(const QString& name)
{
    for (const auto& [value, text] : causeNames) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

namespace {
// Lower case: what the client sets itself and no caller may.
constexpr QByteArrayView reservedHeaders[]
    = {"authorization", "proxy-authorization", "version", "content-type", "content-length", "host",
        "connection", "transfer-encoding", "upgrade", "te", "keep-alive", "expect"};

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}
} // namespace

QString requestHeaderProblem(const QByteArray& name, const QByteArray& value)
{
    if (name.isEmpty())
        return ApiClient::tr("a header needs a name");
    if (!std::all_of(name.begin(), name.end(), isTokenChar))
        return ApiClient::tr("\"%1\" is not a valid header name").arg(QString::fromLatin1(name));
    const QByteArray lower = name.toLower();
    for (const QByteArrayView reserved : reservedHeaders) {
        if (lower == reserved)
            return ApiClient::tr("ContactDesk sets the %1 header itself; remove it from the "
                                 "request's headers")
                .arg(QString::fromLatin1(name));
    }
    if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
        return ApiClient::tr("the value of %1 holds a line break").arg(QString::fromLatin1(name));
    return {};
}

bool isClientHeader(const QByteArray& name)
{
    const QByteArray lower = name.toLower();
    return lower == "accept" || lower == "user-agent"
        || std::any_of(std::begin(reservedHeaders), std::end(reservedHeaders),
            [&lower](QByteArrayView reserved) { return lower == reserved; });
}

ApiJob::ApiJob(const Endpoint& endpoint, RequestSpec spec, ApiClient* client)
    : QObject(client)
    , m_endpoint(endpoint)
    , m_spec(std::move(spec))
{ }

AttemptRef ApiJob::lastAttempt() const
{
    if (m_attempts == 0 || m_sentUrl.isEmpty())
        return {};
    return {methodName(m_endpoint.method), m_sentUrl, m_attempts};
}

void ApiJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    auto* client = static_cast<ApiClient*>(parent());
    if (m_ticket)
        client->m_budget.cancel(m_ticket);
    if (m_reply) {
        m_reply->abort(); // handleReply sees m_cancelled and finishes
        return;
    }
    client->finish(this, ApiError(ApiError::Kind::Cancelled, 0, {}));
}

} // namespace ContactDesk::Api
