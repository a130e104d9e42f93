#include "api/apierror.h"

#include "api/httpheaders.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::Api {

ApiError::ApiError(Kind kind, int httpStatus, QStringList messages)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_messages(std::move(messages))
{ }

ApiError ApiError::incorrectResponse(const QString& detail, int httpStatus)
{
    return {Kind::IncorrectResponse, httpStatus, {detail}};
}

ApiError ApiError::fromHttp(
    int status, const QByteArray& body, const QHash<QByteArray, QByteArray>& headers, qint64 nowMs)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QStringList messages;
    const QJsonValue message = json.value(QStringLiteral("message"));
    if (message.isArray()) {
        for (const QJsonValue& m : message.toArray())
            messages.append(m.toString());
    } else if (message.isString()) {
        messages.append(message.toString());
    } else if (json.value(QStringLiteral("error_description")).isString()) {
        messages.append(json.value(QStringLiteral("error_description")).toString());
    } else if (json.value(QStringLiteral("error")).isString()) {
        messages.append(json.value(QStringLiteral("error")).toString());
    }
    const QString first = messages.value(0);

    Kind kind = Kind::Server;
    if (status == 400) {
        if (first.contains(QStringLiteral("does not allow duplicated")))
            kind = Kind::Duplicate;
        else if (first.contains(QStringLiteral("not found"), Qt::CaseInsensitive))
            kind = Kind::NotFound;
        else
            kind = Kind::BadRequest;
    } else if (status == 401) {
        if (first.startsWith(QStringLiteral("version header"), Qt::CaseInsensitive))
            kind = Kind::VersionRejected;
        else if (first.contains(QStringLiteral("scope"), Qt::CaseInsensitive))
            kind = Kind::ScopeNotGranted;
        else
            kind = Kind::Unauthorized;
    } else if (status == 403) {
        // 403 is another location's data, unless the answer is about a scope the token lacks.
        kind = first.contains(QStringLiteral("scope"), Qt::CaseInsensitive) ? Kind::ScopeNotGranted
                                                                            : Kind::Forbidden;
    } else if (status == 404) {
        kind = Kind::NotFound;
    } else if (status == 413) {
        kind = Kind::PayloadTooLarge;
    } else if (status == 422) {
        kind = Kind::Validation;
    } else if (status == 429) {
        // A daily limit of 0 means none is enforced; only a real quota can run out.
        const bool daily = headers.value("x-ratelimit-daily-remaining").trimmed() == "0"
            && headers.value("x-ratelimit-limit-daily").trimmed() != "0";
        kind = daily ? Kind::DailyLimitReached : Kind::RateLimited;
    } else if (status >= 400 && status < 500) {
        kind = Kind::BadRequest;
    }

    ApiError error(kind, status, messages);
    error.m_traceId = json.value(QStringLiteral("traceId")).toString();
    error.m_meta = json.value(QStringLiteral("meta")).toObject();
    const auto retryAfter = headers.constFind("retry-after");
    if (retryAfter != headers.cend()) {
        error.m_retryAfterMs = Api::retryAfterMs(
            *retryAfter, nowMs >= 0 ? nowMs : QDateTime::currentMSecsSinceEpoch());
    }
    return error;
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Server:
        return m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::OutcomeUnknown:
        return QStringLiteral("outcome-unknown");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::DailyLimitReached:
        return QStringLiteral("daily-limit-reached");
    case Kind::VersionRejected:
        return QStringLiteral("version-rejected");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::ScopeNotGranted:
        return QStringLiteral("scope-not-granted");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::PayloadTooLarge:
        return QStringLiteral("payload-too-large");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::IncorrectResponse:
        return QStringLiteral("incorrect-response");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString ApiError::userText() const
{
    const QString detail = m_messages.join(QStringLiteral("; "));
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("HighLevel could not be reached. Check the network connection.");
    case Kind::Timeout:
        return tr("HighLevel did not answer in time.");
    case Kind::OutcomeUnknown:
        return tr("The connection broke after the change was sent; it may or may not have been "
                  "saved. ContactDesk will check before sending it again.");
    case Kind::RateLimited:
        return tr("Too many requests for now; ContactDesk will continue shortly.");
    case Kind::DailyLimitReached:
        return tr("Today's request quota for this location is used up; work continues when it "
                  "resets.");
    case Kind::VersionRejected:
        return tr("HighLevel refused the API version ContactDesk sent (%1). This is a setup "
                  "problem, not a sign-in problem.")
            .arg(detail);
    case Kind::Unauthorized:
        return tr("HighLevel did not accept the sign-in. Please sign in again.");
    case Kind::ScopeNotGranted:
        if (!m_missingScope.isEmpty())
            return tr("This connection was not granted the %1 scope; add it to the connection "
                      "to do this.")
                .arg(m_missingScope);
        return tr("The connection is not allowed to do this: %1").arg(detail);
    case Kind::Forbidden:
        return tr("This connection has no access to that location.");
    case Kind::NotFound:
        return detail.isEmpty() ? tr("It no longer exists in HighLevel.")
                                : tr("Not found: %1").arg(detail);
    case Kind::Duplicate:
        return tr("A contact with the same %1 already exists.")
            .arg(m_meta.value(QStringLiteral("matchingField")).toString(tr("email or phone")));
    case Kind::BadRequest:
    case Kind::Validation:
        return tr("HighLevel refused the data: %1").arg(detail);
    case Kind::PayloadTooLarge:
        return tr("The request is too large for HighLevel.");
    case Kind::Server:
        return tr("HighLevel had a problem (HTTP %1). Try again later.").arg(m_httpStatus);
    case Kind::IncorrectResponse:
        return tr("HighLevel sent an answer ContactDesk does not understand: %1").arg(detail);
    case Kind::Cancelled:
        return tr("Cancelled.");
    }
    return {};
}

} // namespace ContactDesk::Api
