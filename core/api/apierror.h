#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ContactDesk::Api {

// What went wrong with a request, in terms a caller can act on. Made in one place from an HTTP
// answer (fromHttp) or a transport failure (fromTransport).
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind
    {
        None,
        Network, // never reached the server, or the connection failed on a read
        Timeout, // no answer within the transfer timeout
        OutcomeUnknown, // a create may or may not have happened; reconcile before resending
        RateLimited, // 429 within the burst window
        DailyLimitReached, // 429 with the daily quota used up
        VersionRejected, // 401 about the Version header: a client misconfiguration
        Unauthorized, // 401: token invalid or expired
        ScopeNotGranted, // 401 scope, or refused locally before sending
        Forbidden, // 403: another location's data
        NotFound, // 404, or 400 "... not found"
        Duplicate, // 400 "does not allow duplicated contacts", meta names the match
        BadRequest, // other 400
        Validation, // 422: messages lists each problem
        PayloadTooLarge, // 413
        Server, // 5xx
        IncorrectResponse, // the answer is not what the operation returns
        Cancelled,
    };

    ApiError() = default;
    ApiError(Kind kind, int httpStatus, QStringList messages);

    // `nowMs`: the client's clock, against which a Retry-After given as an HTTP date is read
    // (the system clock when not given).
    static ApiError fromHttp(int status, const QByteArray& body,
        const QHash<QByteArray, QByteArray>& lowerCaseHeaders, qint64 nowMs = -1);
    static ApiError incorrectResponse(const QString& detail, int httpStatus = 0);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    int httpStatus() const { return m_httpStatus; }
    const QStringList& messages() const { return m_messages; }
    QString traceId() const { return m_traceId; }
    qint64 retryAfterMs() const { return m_retryAfterMs; }
    const QJsonObject& meta() const { return m_meta; }
    // For ScopeNotGranted: the scope the operation needs ("users.readonly"), so a caller can
    // say what the connection lacks. Empty for other kinds.
    const QString& missingScope() const { return m_missingScope; }
    // Worth sending again after a pause (network trouble, timeouts, 429, 502/503/504).
    bool isTransient() const;

    // One sentence for the user, translated.
    QString userText() const;
    static QString kindName(Kind kind);

    void setTraceId(const QString& id) { m_traceId = id; }
    void setRetryAfterMs(qint64 ms) { m_retryAfterMs = ms; }
    void setMissingScope(const QString& scope) { m_missingScope = scope; }

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QStringList m_messages;
    QString m_traceId;
    qint64 m_retryAfterMs = -1;
    QJsonObject m_meta;
    QString m_missingScope;
};

} // namespace ContactDesk::Api
