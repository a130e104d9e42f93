#pragma once

#include "fakeclock.h"
#include "sandbox/sandboxserver.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>
#include <optional>

namespace ContactDesk::Testing {

struct HttpResult
{
    int status = 0; // 0: no HTTP reply (connection closed, refused, timed out)
    QByteArray body;
    QJsonValue json; // parsed body, undefined when not JSON
    QHash<QByteArray, QByteArray> headers; // names lower case
    QString networkError; // QNetworkReply error text when the transport failed

    QJsonObject object() const { return json.toObject(); }
    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
};

// A real sandbox server on 127.0.0.1 with a fake clock, plus a blocking HTTP client for tests.
class SandboxFixture
{
public:
    explicit SandboxFixture(int seedContacts = 0, quint64 seed = 42);
    ~SandboxFixture();

    Sandbox::SandboxServer& server() { return *m_server; }
    Sandbox::SandboxData& data() { return m_server->data(); }
    FakeClock& clock() { return m_clock; }
    QUrl baseUrl() const { return m_server->baseUrl(); }
    QString locationId() const;
    QString pit() const;

    // An API call with `Version: 2021-07-28`, `Authorization: Bearer <token or the PIT>`,
    // `Accept: application/json` and, with a body, `Content-Type: application/json`. A header
    // given in `headers` replaces the default of the same name; an empty value removes it.
    HttpResult api(const QByteArray& method, const QString& pathAndQuery,
        const QJsonValue& body = QJsonValue(QJsonValue::Undefined),
        const QList<QPair<QByteArray, QByteArray>>& headers = {},
        const std::optional<QString>& token = std::nullopt);
    // Exactly the given method, path, body and headers; nothing added.
    HttpResult raw(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
        const QList<QPair<QByteArray, QByteArray>>& headers);
    // A control call (`/__sandbox/...`) with the admin key.
    HttpResult control(const QByteArray& method, const QString& path,
        const QJsonValue& body = QJsonValue(QJsonValue::Undefined));

private:
    FakeClock m_clock;
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_nam;
};

// The official OpenAPI spec beside the project (`../shared/spec/contacts.openapi.json`, found
// through CONTACTDESK_SPEC_DIR). Validates response bodies against the response schema the
// spec gives an operation and status.
class SpecValidator
{
public:
    SpecValidator();
    ~SpecValidator();
    bool available() const;
    QString unavailableReason() const;
    // Empty when `body` conforms; otherwise what does not.
    QString validate(const QString& operationId, int status, const QJsonValue& body) const;
    // The same for a request body against the operation's request schema.
    QString validateRequest(const QString& operationId, const QJsonValue& body) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ContactDesk::Testing
