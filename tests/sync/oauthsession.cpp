#include "oauthsession.h"

#include "auth/oauthflow.h"
#include "synctesthelpers.h"

#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace ContactDesk::Testing {

QUrl allowConsent(SandboxFixture& fx, const QUrl& authorizeUrl)
{
    const QString query = authorizeUrl.query(QUrl::FullyEncoded);
    const HttpResult page
        = fx.raw("GET", authorizeUrl.path(QUrl::FullyEncoded) + u'?' + query, {}, {});
    const QString html = QString::fromUtf8(page.body);
    static const QRegularExpression form(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    static const QRegularExpression hidden(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    static const QRegularExpression option(QStringLiteral("<option value=\"([^\"]+)\""));
    const auto unescape = [](QString text) {
        return text.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
            .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
            .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
            .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
            .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    };
    QList<QPair<QString, QString>> fields;
    for (auto it = hidden.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        fields.append({match.captured(1), unescape(match.captured(2))});
    }
    fields.append({QStringLiteral("location_id"), unescape(option.match(html).captured(1))});
    fields.append({QStringLiteral("decision"), QStringLiteral("allow")});
    const HttpResult answer = fx.raw("POST", unescape(form.match(html).captured(1)),
        Auth::OAuthWire::formEncode(fields),
        {{QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/x-www-form-urlencoded")}});
    return QUrl::fromEncoded(answer.header("location"), QUrl::StrictMode);
}

OAuthSession::OAuthSession(SandboxFixture& fx, const QString& id)
    : m_fx(fx)
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_connection.id = id;
    m_connection.displayName = QStringLiteral("Sandbox over OAuth");
    m_connection.environment = Auth::Environment::Sandbox;
    m_connection.baseUrl = fx.baseUrl();
    m_connection.authKind = Auth::AuthKind::OAuth;
    m_connection.clientId = fx.data().oauthApp().clientId;
    m_clientSecret = fx.data().oauthApp().clientSecret;
    const auto stored = std::make_shared<bool>(false);
    m_secrets.write(m_connection.id, Auth::SecretKind::ClientSecret, m_clientSecret,
        [stored](const QString&) { *stored = true; });
    if (!QTest::qWaitFor([stored] { return *stored; }, syncWaitMs))
        qWarning("the client secret was not stored");
    m_tokens
        = std::make_unique<Auth::OAuthTokenProvider>(m_nam, m_secrets, fx.clock(), m_connection);
}

bool OAuthSession::signIn()
{
    Auth::OAuthFlow flow(m_nam, m_fx.clock(), m_connection, m_clientSecret);
    flow.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:1/callback")));
    QSignalSpy finished(&flow, &Auth::OAuthFlow::finished);
    const QUrl redirect = allowConsent(m_fx, flow.authorizeUrl());
    if (!flow.isRedirect(redirect))
        return false;
    flow.handleRedirect(redirect);
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, syncWaitMs))
        return false;
    const auto result = finished.constFirst().constFirst().value<Auth::SignInResult>();
    if (!result.ok())
        return false;
    // Shared: an answer after a timeout must not write into a finished frame.
    const auto answer = std::make_shared<std::optional<QString>>();
    m_tokens->signIn(result.tokens, [answer](const QString& error) { *answer = error; });
    return QTest::qWaitFor([answer] { return answer->has_value(); }, syncWaitMs)
        && (*answer)->isEmpty();
}

} // namespace ContactDesk::Testing
