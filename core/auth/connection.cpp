#include "connection.h"

#include "auth/logging.h"

#include <QCoreApplication>
#include <QHostAddress>

Q_LOGGING_CATEGORY(lcAuth, "contactdesk.auth", QtInfoMsg)

namespace ContactDesk::Auth {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(QStringView name, const std::pair<Enum, QLatin1StringView> (&table)[N])
{
    for (const auto& [value, text] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString toName(Enum value, const std::pair<Enum, QLatin1StringView> (&table)[N])
{
    for (const auto& [candidate, text] : table) {
        if (candidate == value)
            return QString(text);
    }
    Q_UNREACHABLE();
    return {};
}

const std::pair<Environment, QLatin1StringView> environments[] = {
    {Environment::Sandbox, QLatin1StringView("sandbox")},
    {Environment::Production, QLatin1StringView("production")},
    {Environment::Custom, QLatin1StringView("custom")},
};

const std::pair<AuthKind, QLatin1StringView> authKinds[] = {
    {AuthKind::OAuth, QLatin1StringView("oauth")},
    {AuthKind::PrivateIntegrationToken, QLatin1StringView("pit")},
};

const std::pair<ConnectionState, QLatin1StringView> states[] = {
    {ConnectionState::Ready, QLatin1StringView("ready")},
    {ConnectionState::NeedsSignIn, QLatin1StringView("needs-sign-in")},
};

} // namespace

QString environmentName(Environment environment)
{
    return toName(environment, environments);
}

std::optional<Environment> environmentFromName(QStringView name)
{
    return fromName(name, environments);
}

QString authKindName(AuthKind kind)
{
    return toName(kind, authKinds);
}

std::optional<AuthKind> authKindFromName(QStringView name)
{
    return fromName(name, authKinds);
}

QString connectionStateName(ConnectionState state)
{
    return toName(state, states);
}

std::optional<ConnectionState> connectionStateFromName(QStringView name)
{
    return fromName(name, states);
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isAllowedBaseUrl(const QUrl& url)
{
    return baseUrlProblem(url).isEmpty();
}

QString baseUrlProblem(const QUrl& url)
{
    const auto tr
        = [](const char* text) { return QCoreApplication::translate("ContactDesk::Auth", text); };
    const QString shown = url.toDisplayString();
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not an http or https URL with a host.").arg(shown);
    if (!url.userInfo().isEmpty())
        return tr("\"%1\" carries a user name or password; put credentials in the connection, "
                  "not in the URL.")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1StringView("https"))
        return {};
    if (scheme == QLatin1StringView("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("\"%1\" uses plain http to another machine, which would send the sign-in "
                  "unencrypted. Use https (plain http is allowed only for 127.0.0.1 or "
                  "localhost).")
            .arg(shown);
    }
    return tr("\"%1\" is not an http or https URL.").arg(shown);
}

} // namespace ContactDesk::Auth
