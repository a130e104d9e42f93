#include "sandboxfixture.h"

#include "api/endpointcatalog.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace ContactDesk::Testing {

namespace {

// Long enough for a slow CI machine, short enough that a hung server fails the test instead of
// the ctest timeout killing the whole executable.
constexpr int requestTimeoutMs = 30000;

// QJsonDocument only holds objects and arrays; tests also send scalars and null as bodies.
QByteArray serialise(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// Wrapping in brackets lets top-level scalars (`null`, `"text"`, `3`) parse too; exactly one
// element means the body was exactly one JSON value.
QJsonValue parse(const QByteArray& body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonArray array = doc.array();
    if (array.size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return array.first();
}

// Errors that mean the exchange itself failed, as opposed to QNetworkReply turning an HTTP
// error status into an error code.
bool isTransportError(QNetworkReply::NetworkError error, bool hasStatus)
{
    if (error == QNetworkReply::NoError)
        return false;
    if (!hasStatus)
        return true;
    return error < QNetworkReply::ContentAccessDenied || error == QNetworkReply::ProtocolFailure;
}

} // namespace

SandboxFixture::SandboxFixture(int seedContacts, quint64 seed)
    : m_server(std::make_unique<Sandbox::SandboxServer>(m_clock, seed))
{
    if (!m_server->listenLocal(0))
        qFatal("SandboxFixture: the sandbox server cannot listen on 127.0.0.1");
    if (seedContacts > 0)
        m_server->seed(seedContacts, seed);
    // An http_proxy in the environment must not send loopback test traffic elsewhere.
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

SandboxFixture::~SandboxFixture() = default;

QString SandboxFixture::locationId() const
{
    return m_server->data().mainLocation().id;
}

QString SandboxFixture::pit() const
{
    return m_server->data().privateIntegrationToken();
}

HttpResult SandboxFixture::api(const QByteArray& method, const QString& pathAndQuery,
    const QJsonValue& body, const QList<QPair<QByteArray, QByteArray>>& headers,
    const std::optional<QString>& token)
{
    const bool hasBody = !body.isUndefined();
    QList<QPair<QByteArray, QByteArray>> all {
        {QByteArrayLiteral("Version"), QByteArray(Api::apiVersion.data(), Api::apiVersion.size())},
        {QByteArrayLiteral("Authorization"), "Bearer " + token.value_or(pit()).toUtf8()},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
    };
    if (hasBody)
        all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    for (const auto& [name, value] : headers) {
        // A named reference: clang 14 cannot capture a structured binding.
        const QByteArray& header = name;
        const auto sameName = [&header](const QPair<QByteArray, QByteArray>& h) {
            return h.first.compare(header, Qt::CaseInsensitive) == 0;
        };
        all.removeIf(sameName);
        if (!value.isEmpty())
            all.append({name, value});
    }
    return raw(method, pathAndQuery, hasBody ? serialise(body) : QByteArray(), all);
}

HttpResult SandboxFixture::raw(const QByteArray& method, const QString& pathAndQuery,
    const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QString base = baseUrl().toString(QUrl::FullyEncoded);
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest request(QUrl(base + pathAndQuery));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    // Without a body no upload device is attached, so a GET carries no Content-Length and Qt
    // does not invent a Content-Type.
    QNetworkReply* reply = body.isEmpty() ? m_nam.sendCustomRequest(request, method)
                                          : m_nam.sendCustomRequest(request, method, body);

    // The server lives in this thread: it only answers while this loop spins.
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(requestTimeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpResult result;
    if (!reply->isFinished()) {
        QObject::disconnect(reply, nullptr, &loop, nullptr);
        reply->abort();
        reply->deleteLater();
        result.json = QJsonValue(QJsonValue::Undefined);
        result.networkError = QStringLiteral("timeout");
        return result;
    }

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : 0;
    result.body = reply->readAll();
    result.json = parse(result.body);
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        const QByteArray key = name.toLower();
        const auto existing = result.headers.constFind(key);
        result.headers.insert(
            key, existing == result.headers.cend() ? value : *existing + ", " + value);
    }
    if (isTransportError(reply->error(), status.isValid()))
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult SandboxFixture::control(
    const QByteArray& method, const QString& path, const QJsonValue& body)
{
    QList<QPair<QByteArray, QByteArray>> headers {
        {QByteArrayLiteral("X-Sandbox-Admin-Key"), data().adminKey().toUtf8()},
    };
    const bool hasBody = !body.isUndefined();
    if (hasBody)
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return raw(method, path, hasBody ? serialise(body) : QByteArray(), headers);
}

} // namespace ContactDesk::Testing
