#include "sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using ContactDesk::Testing::HttpResult;
using ContactDesk::Testing::SandboxFixture;

namespace {

using Pairs = QList<QPair<QString, QString>>;

const QString callback = QStringLiteral("http://127.0.0.1:8765/callback");
const QString bothScopes = QStringLiteral("contacts.readonly contacts.write");

QByteArray formBody(const Pairs& fields)
{
    QByteArray body;
    for (const auto& [key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QString query(const Pairs& fields)
{
    return QString::fromLatin1(formBody(fields));
}

const QList<QPair<QByteArray, QByteArray>> formHeaders {
    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
};

QUrl redirectTarget(const HttpResult& result)
{
    return QUrl::fromEncoded(result.header("location"));
}

QString redirectParameter(const HttpResult& result, const QString& key)
{
    return QUrlQuery(redirectTarget(result)).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

class TestSandboxOAuth : public QObject
{
    Q_OBJECT

private:
    // The consent form as a browser submits it after a click on Allow or Deny.
    HttpResult decide(SandboxFixture& fx, const QString& decision, const QString& locationId,
        const QString& scope = bothScopes, const QString& state = QString(),
        const QString& redirectUri = callback)
    {
        Pairs fields {{QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), fx.data().oauthApp().clientId},
            {QStringLiteral("redirect_uri"), redirectUri}, {QStringLiteral("scope"), scope},
            {QStringLiteral("state"), state}, {QStringLiteral("location_id"), locationId},
            {QStringLiteral("decision"), decision}};
        return fx.raw("POST", QStringLiteral("/oauth/chooselocation/decision"), formBody(fields),
            formHeaders);
    }

    QString authorize(
        SandboxFixture& fx, const QString& locationId, const QString& scope = bothScopes)
    {
        const HttpResult result = decide(fx, QStringLiteral("allow"), locationId, scope);
        if (result.status != 302)
            qWarning() << "consent answered" << result.status << result.body;
        return redirectParameter(result, QStringLiteral("code"));
    }

    HttpResult tokenRequest(SandboxFixture& fx, Pairs fields, bool withClient = true)
    {
        if (withClient) {
            fields.prepend({QStringLiteral("client_secret"), fx.data().oauthApp().clientSecret});
            fields.prepend({QStringLiteral("client_id"), fx.data().oauthApp().clientId});
        }
        return fx.raw("POST", QStringLiteral("/oauth/token"), formBody(fields), formHeaders);
    }

    HttpResult exchange(SandboxFixture& fx, const QString& code,
        const QString& userType = QStringLiteral("Location"))
    {
        return tokenRequest(fx,
            {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), code}, {QStringLiteral("user_type"), userType},
                {QStringLiteral("redirect_uri"), callback}});
    }

    HttpResult refresh(SandboxFixture& fx, const QString& refreshToken)
    {
        return tokenRequest(fx,
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("refresh_token"), refreshToken},
                {QStringLiteral("user_type"), QStringLiteral("Location")}});
    }

    HttpResult listContacts(SandboxFixture& fx, const QString& token, const QString& locationId)
    {
        return fx.api("GET", QStringLiteral("/contacts/?locationId=") + locationId,
            QJsonValue(QJsonValue::Undefined), {}, token);
    }

    QString companyToken(SandboxFixture& fx)
    {
        const HttpResult result
            = exchange(fx, authorize(fx, fx.locationId()), QStringLiteral("Company"));
        return result.object().value(QStringLiteral("access_token")).toString();
    }

private Q_SLOTS:
    void consentPageOffersLocationsAndButtons_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("oauth") << QStringLiteral("/oauth/chooselocation");
        QTest::newRow("v2") << QStringLiteral("/v2/oauth/chooselocation");
    }

    void consentPageOffersLocationsAndButtons()
    {
        QFETCH(QString, path);
        SandboxFixture fx;
        // The SDK's URLSearchParams encoding: spaces in scope become '+'.
        const QString url = path + u'?'
            + query({{QStringLiteral("response_type"), QStringLiteral("code")},
                {QStringLiteral("client_id"), fx.data().oauthApp().clientId},
                {QStringLiteral("redirect_uri"), callback},
                {QStringLiteral("state"), QStringLiteral("s<1>")}})
            + QStringLiteral("&scope=contacts.readonly+contacts.write");
        const HttpResult page = fx.raw("GET", url, {}, {});
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("content-type").startsWith("text/html"));
        const QString html = QString::fromUtf8(page.body);
        for (const char* id : {"id=\"allow\"", "id=\"deny\"", "id=\"location\""})
            QVERIFY2(html.contains(QLatin1StringView(id)), id);
        for (const auto& location : fx.data().locations())
            QVERIFY2(html.contains(location.id), qPrintable(location.name));
        QVERIFY(html.contains(QStringLiteral("contacts.readonly")));
        QVERIFY(html.contains(QStringLiteral("contacts.write")));
        QVERIFY(html.contains(QStringLiteral("action=\"/oauth/chooselocation/decision\"")));
        // The state is carried through the form, escaped, and nothing is loaded from elsewhere.
        QVERIFY(html.contains(QStringLiteral("value=\"s&lt;1&gt;\"")));
        QVERIFY(!html.contains(QStringLiteral("s<1>")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(!html.contains(QStringLiteral("<link")));
    }

    void consentPageRejectsBadRequests_data()
    {
        QTest::addColumn<QString>("drop");
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown client") << QString() << QStringLiteral("0123456789abcdef01234567-x")
                                        << bothScopes << QStringLiteral("No integration found");
        QTest::newRow("no redirect_uri") << QStringLiteral("redirect_uri") << QString()
                                         << bothScopes << QStringLiteral("redirect_uri");
        QTest::newRow("no response_type") << QStringLiteral("response_type") << QString()
                                          << bothScopes << QStringLiteral("response_type");
        QTest::newRow("unknown scope")
            << QString() << QString() << QStringLiteral("contacts.readonly calendars.write")
            << QStringLiteral("calendars.write");
    }

    void consentPageRejectsBadRequests()
    {
        QFETCH(QString, drop);
        QFETCH(QString, clientId);
        QFETCH(QString, scope);
        QFETCH(QString, message);
        SandboxFixture fx;
        Pairs fields {{QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"),
                clientId.isEmpty() ? fx.data().oauthApp().clientId : clientId},
            {QStringLiteral("redirect_uri"), callback}, {QStringLiteral("scope"), scope}};
        fields.removeIf([&drop](const auto& field) { return field.first == drop; });
        const HttpResult page
            = fx.raw("GET", QStringLiteral("/oauth/chooselocation?") + query(fields), {}, {});
        QCOMPARE(page.status, 400);
        QVERIFY(page.header("content-type").startsWith("text/html"));
        QVERIFY2(QString::fromUtf8(page.body).contains(message), page.body.constData());
    }

    void codeFlowRefreshRotatesTokens()
    {
        SandboxFixture fx;
        const QString code = authorize(fx, fx.locationId());
        QVERIFY(!code.isEmpty());

        // Headers an SDK sends along are ignored by the token endpoint.
        const HttpResult issued = fx.raw("POST", QStringLiteral("/oauth/token"),
            formBody({{QStringLiteral("client_id"), fx.data().oauthApp().clientId},
                {QStringLiteral("client_secret"), fx.data().oauthApp().clientSecret},
                {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), code},
                {QStringLiteral("user_type"), QStringLiteral("Location")},
                {QStringLiteral("redirect_uri"), callback}}),
            {formHeaders.first(), {QByteArrayLiteral("Version"), QByteArrayLiteral("2021-07-28")},
                {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer stale")}});
        QCOMPARE(issued.status, 200);
        const QJsonObject first = issued.object();
        QCOMPARE(first.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(first.value(QStringLiteral("expires_in")).toInteger(),
            fx.data().settings().accessTokenLifetimeS);
        QCOMPARE(first.value(QStringLiteral("scope")).toString(), bothScopes);
        QCOMPARE(first.value(QStringLiteral("userType")).toString(), QStringLiteral("Location"));
        QCOMPARE(first.value(QStringLiteral("locationId")).toString(), fx.locationId());
        QCOMPARE(first.value(QStringLiteral("companyId")).toString(),
            fx.data().mainLocation().companyId);
        QCOMPARE(first.value(QStringLiteral("userId")).toString(), fx.data().userId());
        QCOMPARE(first.value(QStringLiteral("isBulkInstallation")).toBool(true), false);
        QVERIFY(!first.contains(QStringLiteral("approvedLocations")));
        for (const QString& key : first.keys())
            QVERIFY2(!first.value(key).isNull(), qPrintable(key));
        const QString access = first.value(QStringLiteral("access_token")).toString();
        const QString refreshToken = first.value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!access.isEmpty());
        QVERIFY(!refreshToken.isEmpty());
        QVERIFY(issued.header("cache-control").contains("no-store"));

        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 200);

        const HttpResult rotated = refresh(fx, refreshToken);
        QCOMPARE(rotated.status, 200);
        const QString secondAccess
            = rotated.object().value(QStringLiteral("access_token")).toString();
        const QString secondRefresh
            = rotated.object().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!secondRefresh.isEmpty());
        QVERIFY(secondRefresh != refreshToken);
        QVERIFY(secondAccess != access);
        QCOMPARE(rotated.object().value(QStringLiteral("locationId")).toString(), fx.locationId());
        QCOMPARE(listContacts(fx, secondAccess, fx.locationId()).status, 200);

        // The spent refresh token is refused at once; the access token issued with it keeps
        // working until it expires, as on the live API.
        const HttpResult reused = refresh(fx, refreshToken);
        QCOMPARE(reused.status, 400);
        QCOMPARE(reused.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));
        QVERIFY(!reused.object().value(QStringLiteral("error_description")).toString().isEmpty());
        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 200);

        QCOMPARE(refresh(fx, secondRefresh).status, 200);
    }

    void tokenRequestAcceptsJson()
    {
        SandboxFixture fx;
        const QJsonObject body {{QStringLiteral("client_id"), fx.data().oauthApp().clientId},
            {QStringLiteral("client_secret"), fx.data().oauthApp().clientSecret},
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), authorize(fx, fx.locationId())},
            {QStringLiteral("redirect_uri"), callback}};
        const HttpResult issued = fx.raw("POST", QStringLiteral("/oauth/token"),
            QJsonDocument(body).toJson(QJsonDocument::Compact),
            {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
        QCOMPARE(issued.status, 200);
        QCOMPARE(issued.object().value(QStringLiteral("userType")).toString(),
            QStringLiteral("Location"));
    }

    void denyRedirectsWithAccessDenied()
    {
        SandboxFixture fx;
        const HttpResult denied
            = decide(fx, QStringLiteral("deny"), fx.locationId(), bothScopes, QStringLiteral("s1"));
        QCOMPARE(denied.status, 302);
        const QUrl target = redirectTarget(denied);
        QCOMPARE(target.adjusted(QUrl::RemoveQuery), QUrl(callback));
        QCOMPARE(
            redirectParameter(denied, QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(redirectParameter(denied, QStringLiteral("state")), QStringLiteral("s1"));
        QVERIFY(!QUrlQuery(target).hasQueryItem(QStringLiteral("code")));
    }

    void stateIsEchoedExactly()
    {
        SandboxFixture fx;
        // A '+' and an '&' in state must survive a form decoder at the redirect target, and a
        // query the redirect URI already has must stay.
        const QString state = QStringLiteral("a+b&c d/=");
        const QString redirectUri = callback + QStringLiteral("?app=desk");
        const HttpResult allowed
            = decide(fx, QStringLiteral("allow"), fx.locationId(), bothScopes, state, redirectUri);
        QCOMPARE(allowed.status, 302);
        const QByteArray location = allowed.header("location");
        QVERIFY2(location.startsWith(callback.toUtf8() + "?app=desk&code="), location.constData());
        QVERIFY(!location.contains('+'));
        QCOMPARE(redirectParameter(allowed, QStringLiteral("state")), state);

        const HttpResult withoutState = decide(fx, QStringLiteral("allow"), fx.locationId());
        QCOMPARE(withoutState.status, 302);
        QVERIFY(!QUrlQuery(redirectTarget(withoutState)).hasQueryItem(QStringLiteral("state")));
    }

    void codeIsSingleUse()
    {
        SandboxFixture fx;
        const QString code = authorize(fx, fx.locationId());
        QCOMPARE(exchange(fx, code).status, 200);
        const HttpResult again = exchange(fx, code);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));
    }

    void codeExpiresAfterTenMinutes()
    {
        SandboxFixture fx;
        const QString code = authorize(fx, fx.locationId());
        fx.clock().advance(11 * 60 * 1000);
        const HttpResult late = exchange(fx, code);
        QCOMPARE(late.status, 400);
        QCOMPARE(late.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));

        const QString fresh = authorize(fx, fx.locationId());
        fx.clock().advance(9 * 60 * 1000);
        QCOMPARE(exchange(fx, fresh).status, 200);
    }

    void clientCredentialsAreChecked_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::newRow("wrong secret") << QString() << QStringLiteral("not-the-secret");
        QTest::newRow("unknown client")
            << QStringLiteral("0123456789abcdef01234567-abcd1234") << QString();
        QTest::newRow("malformed client") << QStringLiteral("client") << QString();
    }

    void clientCredentialsAreChecked()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        SandboxFixture fx;
        const QString code = authorize(fx, fx.locationId());
        const HttpResult refused = tokenRequest(fx,
            {{QStringLiteral("client_id"),
                 clientId.isEmpty() ? fx.data().oauthApp().clientId : clientId},
                {QStringLiteral("client_secret"),
                    secret.isEmpty() ? fx.data().oauthApp().clientSecret : secret},
                {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), code}},
            false);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_client"));
        QVERIFY(!refused.object().value(QStringLiteral("error_description")).toString().isEmpty());
        // A refused client does not burn the code.
        QCOMPARE(exchange(fx, code).status, 200);
    }

    void redirectUriMustMatch()
    {
        SandboxFixture fx;
        const HttpResult mismatch = tokenRequest(fx,
            {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), authorize(fx, fx.locationId())},
                {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:9/other")}});
        QCOMPARE(mismatch.status, 400);
        QCOMPARE(mismatch.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("invalid_grant"));
    }

    void unsupportedGrantType()
    {
        SandboxFixture fx;
        const HttpResult refused = tokenRequest(
            fx, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
            QStringLiteral("unsupported_grant_type"));
    }

    void accessTokenExpires()
    {
        SandboxFixture fx;
        const QJsonObject issued = exchange(fx, authorize(fx, fx.locationId())).object();
        const QString access = issued.value(QStringLiteral("access_token")).toString();
        const qint64 lifetimeS = issued.value(QStringLiteral("expires_in")).toInteger();
        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 200);
        fx.clock().advance(lifetimeS * 1000 - 1000);
        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 200);
        fx.clock().advance(2000);
        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 401);

        // The refresh token outlives the access token.
        const HttpResult renewed
            = refresh(fx, issued.value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(renewed.status, 200);
        QCOMPARE(listContacts(fx, renewed.object().value(QStringLiteral("access_token")).toString(),
                     fx.locationId())
                     .status,
            200);
    }

    void tokenIsBoundToItsLocation()
    {
        SandboxFixture fx;
        const QString other = fx.data().locations().at(1).id;
        const QString access = exchange(fx, authorize(fx, fx.locationId()))
                                   .object()
                                   .value(QStringLiteral("access_token"))
                                   .toString();
        const HttpResult refused = listContacts(fx, access, other);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("The token does not have access to this location."));

        // Choosing the second location on the consent page binds the token to it.
        const QString second = exchange(fx, authorize(fx, other))
                                   .object()
                                   .value(QStringLiteral("access_token"))
                                   .toString();
        QCOMPARE(listContacts(fx, second, other).status, 200);
    }

    void readOnlyTokenCannotWrite()
    {
        SandboxFixture fx;
        const QJsonObject issued
            = exchange(fx, authorize(fx, fx.locationId(), QStringLiteral("contacts.readonly")))
                  .object();
        QCOMPARE(
            issued.value(QStringLiteral("scope")).toString(), QStringLiteral("contacts.readonly"));
        const QString access = issued.value(QStringLiteral("access_token")).toString();
        QCOMPARE(listContacts(fx, access, fx.locationId()).status, 200);
        const HttpResult refused = fx.api("POST", QStringLiteral("/contacts/"),
            QJsonObject {{QStringLiteral("locationId"), fx.locationId()},
                {QStringLiteral("firstName"), QStringLiteral("Ada")}},
            {}, access);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("The token is not authorized for this scope."));
    }

    void companyTokenMintsLocationTokens()
    {
        SandboxFixture fx;
        const HttpResult issued
            = exchange(fx, authorize(fx, fx.locationId()), QStringLiteral("Company"));
        QCOMPARE(issued.status, 200);
        const QJsonObject company = issued.object();
        const QString companyId = fx.data().mainLocation().companyId;
        QCOMPARE(company.value(QStringLiteral("userType")).toString(), QStringLiteral("Company"));
        QCOMPARE(company.value(QStringLiteral("companyId")).toString(), companyId);
        QVERIFY(!company.contains(QStringLiteral("locationId")));
        const QJsonArray approved = company.value(QStringLiteral("approvedLocations")).toArray();
        QCOMPARE(approved.size(), fx.data().locations().size());
        QVERIFY(approved.contains(fx.locationId()));
        const QString companyAccess = company.value(QStringLiteral("access_token")).toString();

        // A Company token is not a sub-account token.
        QCOMPARE(listContacts(fx, companyAccess, fx.locationId()).status, 403);

        const QString second = fx.data().locations().at(1).id;
        const auto locationToken = [&](const QString& locationId, const QByteArray& version) {
            QList<QPair<QByteArray, QByteArray>> headers = formHeaders;
            headers.append(
                {QByteArrayLiteral("Authorization"), "Bearer " + companyAccess.toUtf8()});
            if (!version.isEmpty())
                headers.append({QByteArrayLiteral("Version"), version});
            return fx.raw("POST", QStringLiteral("/oauth/locationToken"),
                formBody({{QStringLiteral("companyId"), companyId},
                    {QStringLiteral("locationId"), locationId}}),
                headers);
        };
        const HttpResult minted = locationToken(second, QByteArrayLiteral("2021-07-28"));
        QCOMPARE(minted.status, 200);
        const QJsonObject location = minted.object();
        QCOMPARE(location.value(QStringLiteral("locationId")).toString(), second);
        QCOMPARE(location.value(QStringLiteral("appId")).toString(), fx.data().oauthApp().appId);
        QCOMPARE(
            location.value(QStringLiteral("versionId")).toString(), fx.data().oauthApp().versionId);
        QCOMPARE(location.value(QStringLiteral("userId")).toString(), fx.data().userId());
        QCOMPARE(location.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(!location.value(QStringLiteral("refresh_token")).toString().isEmpty());
        const QString locationAccess = location.value(QStringLiteral("access_token")).toString();
        QCOMPARE(listContacts(fx, locationAccess, second).status, 200);
        QCOMPARE(listContacts(fx, locationAccess, fx.locationId()).status, 403);
        // The minted pair refreshes like any Location pair.
        QCOMPARE(refresh(fx, location.value(QStringLiteral("refresh_token")).toString())
                     .object()
                     .value(QStringLiteral("locationId"))
                     .toString(),
            second);

        const HttpResult noVersion = locationToken(second, {});
        QCOMPARE(noVersion.status, 401);
        QCOMPARE(noVersion.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("version header was not found."));

        const HttpResult stranger = locationToken(
            QStringLiteral("NoSuchLocation000000"), QByteArrayLiteral("2021-07-28"));
        QCOMPARE(stranger.status, 400);
        QVERIFY(stranger.object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("NoSuchLocation000000")));

        // A Location token cannot mint tokens.
        const HttpResult wrongClass = fx.raw("POST", QStringLiteral("/oauth/locationToken"),
            formBody(
                {{QStringLiteral("companyId"), companyId}, {QStringLiteral("locationId"), second}}),
            {formHeaders.first(), {QByteArrayLiteral("Version"), QByteArrayLiteral("2021-07-28")},
                {QByteArrayLiteral("Authorization"), "Bearer " + locationAccess.toUtf8()}});
        QCOMPARE(wrongClass.status, 401);
    }

    void installedLocationsListsTheCompany()
    {
        SandboxFixture fx;
        const QString companyAccess = companyToken(fx);
        QVERIFY(!companyAccess.isEmpty());
        const QString base = QStringLiteral("/oauth/installedLocations?")
            + query({{QStringLiteral("companyId"), fx.data().mainLocation().companyId},
                {QStringLiteral("appId"), fx.data().oauthApp().appId}});

        const HttpResult all
            = fx.api("GET", base, QJsonValue(QJsonValue::Undefined), {}, companyAccess);
        QCOMPARE(all.status, 200);
        const QJsonObject body = all.object();
        QCOMPARE(body.value(QStringLiteral("count")).toInt(), fx.data().locations().size());
        QCOMPARE(body.value(QStringLiteral("installToFutureLocations")).toBool(true), false);
        const QJsonArray locations = body.value(QStringLiteral("locations")).toArray();
        QCOMPARE(locations.size(), fx.data().locations().size());
        const QJsonObject first = locations.first().toObject();
        QCOMPARE(first.value(QStringLiteral("_id")).toString(), fx.locationId());
        QCOMPARE(first.value(QStringLiteral("name")).toString(), fx.data().mainLocation().name);
        QCOMPARE(
            first.value(QStringLiteral("address")).toString(), fx.data().mainLocation().address);
        QCOMPARE(first.value(QStringLiteral("isInstalled")).toBool(), true);
        QCOMPARE(
            first.value(QStringLiteral("versionId")).toString(), fx.data().oauthApp().versionId);
        static const QRegularExpression iso(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        QVERIFY(iso.match(first.value(QStringLiteral("installedAt")).toString()).hasMatch());

        const HttpResult paged = fx.api("GET", base + QStringLiteral("&skip=1&limit=1"),
            QJsonValue(QJsonValue::Undefined), {}, companyAccess);
        QCOMPARE(
            paged.object().value(QStringLiteral("count")).toInt(), fx.data().locations().size());
        const QJsonArray page = paged.object().value(QStringLiteral("locations")).toArray();
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.first().toObject().value(QStringLiteral("_id")).toString(),
            fx.data().locations().at(1).id);

        const HttpResult named = fx.api("GET", base + QStringLiteral("&query=harbour"),
            QJsonValue(QJsonValue::Undefined), {}, companyAccess);
        QCOMPARE(named.object().value(QStringLiteral("count")).toInt(), 1);

        const HttpResult noVersion = fx.api("GET", base, QJsonValue(QJsonValue::Undefined),
            {{QByteArrayLiteral("Version"), QByteArray()}}, companyAccess);
        QCOMPARE(noVersion.status, 401);
        QCOMPARE(noVersion.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("version header was not found."));

        // The private integration token is a Location credential.
        QCOMPARE(fx.api("GET", base).status, 401);
    }

    void unknownOAuthRouteIsNotFound()
    {
        SandboxFixture fx;
        const HttpResult missing = fx.raw("GET", QStringLiteral("/oauth/authorize"), {}, {});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.object().value(QStringLiteral("message")).toString(),
            QStringLiteral("Cannot GET /oauth/authorize"));
        QCOMPARE(fx.raw("GET", QStringLiteral("/oauth/token"), {}, {}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxOAuth)
#include "tst_sandboxoauth.moc"
