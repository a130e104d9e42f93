#include "connection.h"

#include "auth/logging.h"

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

} // namespace ContactDesk::Auth
