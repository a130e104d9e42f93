#include "connectionstore.h"

#include "auth/logging.h"
#include "common/clock.h"

#include <QRegularExpression>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace ContactDesk::Auth {

namespace {

const QString connectionsGroup = QStringLiteral("connections");
const QString activeKey = QStringLiteral("activeConnection");

namespace Key {
const QString displayName = QStringLiteral("displayName");
const QString environment = QStringLiteral("environment");
const QString baseUrl = QStringLiteral("baseUrl");
const QString authorizeBaseUrl = QStringLiteral("authorizeBaseUrl");
const QString authKind = QStringLiteral("authKind");
const QString clientId = QStringLiteral("clientId");
const QString locationId = QStringLiteral("locationId");
const QString companyId = QStringLiteral("companyId");
const QString userId = QStringLiteral("userId");
const QString scopes = QStringLiteral("scopes");
const QString accessTokenExpiresAt = QStringLiteral("accessTokenExpiresAt");
const QString state = QStringLiteral("state");
} // namespace Key

QString groupOf(const QString& id)
{
    return connectionsGroup + QLatin1Char('/') + id;
}

// https anywhere, plain http only to this machine: a token is never sent in clear.
bool isHttpUrl(const QUrl& url)
{
    return isAllowedBaseUrl(url);
}

// Reads one connection's group, warning about each value it cannot use. A field that is
// unreadable is left at its default; `usable` drops to false only when the entry as a whole
// cannot be trusted (unknown environment or auth kind, a custom one without a base URL).
class EntryReader
{
public:
    EntryReader(const QSettings& settings, QString id)
        : m_settings(settings)
        , m_id(std::move(id))
    { }

    bool usable() const { return m_usable; }

    // Absent is fine and reads as empty; only a value of a foreign type is complained about.
    std::optional<QString> string(const QString& key)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return QString();
        switch (value.typeId()) {
        case QMetaType::QString:
            return value.toString();
        case QMetaType::QByteArray:
            return QString::fromUtf8(value.toByteArray());
        case QMetaType::QStringList:
            // An INI value with an unquoted comma reads as a list.
            return value.toStringList().join(QStringLiteral(", "));
        default:
            warn(key, QStringLiteral("is not text"));
            return std::nullopt;
        }
    }

    QString text(const QString& key) { return string(key).value_or(QString()); }

    template <typename Enum>
    std::optional<Enum> required(const QString& key, std::optional<Enum> (*parse)(QStringView name))
    {
        const std::optional<QString> name = string(key);
        const std::optional<Enum> value = name ? parse(*name) : std::nullopt;
        if (!value) {
            if (name && name->isEmpty())
                warn(key, QStringLiteral("is missing"));
            else if (name)
                warn(key, QStringLiteral("has the unknown value \"%1\"").arg(*name));
            m_usable = false;
        }
        return value;
    }

    QUrl url(const QString& key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return {};
        const QUrl url(value, QUrl::StrictMode);
        if (!isHttpUrl(url)) {
            warn(key,
                QStringLiteral("is not an http(s) URL tokens may be sent to: ")
                    + baseUrlProblem(url));
            return {};
        }
        return url;
    }

    QStringList scopes(const QString& key)
    {
        static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
        return text(key).split(separators, Qt::SkipEmptyParts);
    }

    QDateTime time(const QString& key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return {};
        const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!time.isValid()) {
            warn(key, QStringLiteral("is not an ISO-8601 time"));
            return {};
        }
        return time.toUTC();
    }

    ConnectionState state(const QString& key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return ConnectionState::Ready;
        const std::optional<ConnectionState> state = connectionStateFromName(value);
        if (!state) {
            warn(key, QStringLiteral("has the unknown value \"%1\"").arg(value));
            return ConnectionState::Ready;
        }
        return *state;
    }

    void refuse(const QString& why)
    {
        qCWarning(lcAuth).noquote() << "connection" << m_id << why << "- skipped";
        m_usable = false;
    }

private:
    void warn(const QString& key, const QString& problem)
    {
        qCWarning(lcAuth).noquote() << "connection" << m_id << "setting" << key << problem;
    }

    const QSettings& m_settings;
    QString m_id;
    bool m_usable = true;
};

// The settings group must be current.
std::optional<Connection> readConnection(const QSettings& settings, const QString& id)
{
    EntryReader reader(settings, id);
    Connection connection;
    connection.id = id;
    connection.displayName = reader.text(Key::displayName);
    const std::optional<Environment> environment
        = reader.required<Environment>(Key::environment, &environmentFromName);
    connection.baseUrl = reader.url(Key::baseUrl);
    connection.authorizeBaseUrl = reader.url(Key::authorizeBaseUrl);
    const std::optional<AuthKind> authKind
        = reader.required<AuthKind>(Key::authKind, &authKindFromName);
    connection.clientId = reader.text(Key::clientId);
    connection.locationId = reader.text(Key::locationId);
    connection.companyId = reader.text(Key::companyId);
    connection.userId = reader.text(Key::userId);
    connection.scopes = reader.scopes(Key::scopes);
    connection.accessTokenExpiresAt = reader.time(Key::accessTokenExpiresAt);
    connection.state = reader.state(Key::state);
    if (environment)
        connection.environment = *environment;
    if (authKind)
        connection.authKind = *authKind;

    if (reader.usable() && id != ConnectionStore::sandboxId()) {
        if (connection.environment == Environment::Sandbox)
            reader.refuse(QStringLiteral("claims the built-in sandbox's environment"));
        else if (connection.environment == Environment::Custom && connection.baseUrl.isEmpty())
            reader.refuse(QStringLiteral("is a custom connection without a base URL"));
    }
    if (!reader.usable())
        return std::nullopt;
    return connection;
}

void writeConnection(QSettings& settings, const Connection& connection)
{
    const auto put = [&settings](const QString& key, const QString& value) {
        if (!value.isEmpty())
            settings.setValue(key, value);
    };
    put(Key::displayName, connection.displayName);
    put(Key::environment, environmentName(connection.environment));
    put(Key::baseUrl, connection.baseUrl.toString(QUrl::FullyEncoded));
    put(Key::authorizeBaseUrl, connection.authorizeBaseUrl.toString(QUrl::FullyEncoded));
    put(Key::authKind, authKindName(connection.authKind));
    put(Key::clientId, connection.clientId);
    put(Key::locationId, connection.locationId);
    put(Key::companyId, connection.companyId);
    put(Key::userId, connection.userId);
    put(Key::scopes, connection.scopes.join(QLatin1Char(' ')));
    if (connection.accessTokenExpiresAt.isValid())
        put(Key::accessTokenExpiresAt, isoUtc(connection.accessTokenExpiresAt));
    put(Key::state, connectionStateName(connection.state));
}

// The built-in sandbox is whatever was saved for it, with its identity fixed.
Connection asSandbox(Connection connection)
{
    const Connection builtIn = ConnectionStore::builtInSandbox();
    connection.id = builtIn.id;
    connection.displayName = builtIn.displayName;
    connection.environment = builtIn.environment;
    connection.authKind = builtIn.authKind;
    return connection;
}

} // namespace

QString ConnectionStore::sandboxId()
{
    return QStringLiteral("sandbox");
}

Connection ConnectionStore::builtInSandbox()
{
    Connection sandbox;
    sandbox.id = sandboxId();
    sandbox.displayName = tr("Built-in sandbox");
    sandbox.environment = Environment::Sandbox;
    sandbox.authKind = AuthKind::PrivateIntegrationToken;
    return sandbox;
}

QString ConnectionStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool ConnectionStore::isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    // Ids name the connection's cache folder: "." and ".." (and any id starting with a dot)
    // would be the data folder itself, its parent or a hidden entry.
    if (id.startsWith(QLatin1Char('.')))
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.')
            || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}

ConnectionStore::ConnectionStore(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

std::optional<Connection> ConnectionStore::find(const QString& id) const
{
    const auto it = std::find_if(m_connections.cbegin(), m_connections.cend(),
        [&id](const Connection& c) { return c.id == id; });
    if (it == m_connections.cend())
        return std::nullopt;
    return *it;
}

Connection ConnectionStore::active() const
{
    return find(m_activeId).value_or(builtInSandbox());
}

void ConnectionStore::load()
{
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcAuth) << "the settings file could not be read:" << m_settings.status();

    m_connections.clear();
    Connection sandbox = builtInSandbox();
    // From all keys rather than childGroups() in the group: Qt 6.4 lists nothing inside a group
    // whose hand-written "[connections/<id>]" section it has not parsed yet, while allKeys() at
    // the top parses every section.
    QStringList ids;
    const QString prefix = connectionsGroup + QLatin1Char('/');
    const QStringList keys = m_settings.allKeys();
    for (const QString& key : keys) {
        if (!key.startsWith(prefix))
            continue;
        const qsizetype slash = key.indexOf(QLatin1Char('/'), prefix.size());
        const QString id = key.mid(prefix.size(), slash - prefix.size());
        if (slash > 0 && !ids.contains(id))
            ids.append(id);
    }
    m_settings.beginGroup(connectionsGroup);
    for (const QString& id : std::as_const(ids)) {
        if (!isValidId(id)) {
            qCWarning(lcAuth).noquote()
                << "connection group" << id << "has an invalid id - skipped";
            continue;
        }
        m_settings.beginGroup(id);
        const std::optional<Connection> connection = readConnection(m_settings, id);
        m_settings.endGroup();
        if (!connection)
            continue;
        if (id == sandboxId())
            sandbox = asSandbox(*connection);
        else
            m_connections.append(*connection);
    }
    m_settings.endGroup();
    m_connections.prepend(sandbox);
    sortConnections();

    const QVariant active = m_settings.value(activeKey);
    m_activeId = active.typeId() == QMetaType::QString ? active.toString() : QString();
    if (active.isValid() && !contains(m_activeId)) {
        qCWarning(lcAuth) << "the active connection is not a known one; using the sandbox";
        m_activeId.clear();
    }
    if (m_activeId.isEmpty())
        m_activeId = sandboxId();
}

void ConnectionStore::sortConnections()
{
    // The sandbox stays first.
    std::stable_sort(m_connections.begin() + 1, m_connections.end(),
        [](const Connection& a, const Connection& b) {
            const int byName = QString::compare(a.displayName, b.displayName, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a.id < b.id;
        });
}

bool ConnectionStore::syncSettings()
{
    m_settings.sync();
    if (m_settings.status() == QSettings::NoError)
        return true;
    qCWarning(lcAuth) << "the settings file could not be written:" << m_settings.status();
    return false;
}

bool ConnectionStore::save(const Connection& connection)
{
    if (!isValidId(connection.id)) {
        qCWarning(lcAuth).noquote()
            << "refused to save a connection with the invalid id" << connection.id;
        return false;
    }
    const bool isSandbox = connection.id == sandboxId();
    const Connection saved = isSandbox ? asSandbox(connection) : connection;
    if (!isSandbox && saved.environment == Environment::Sandbox) {
        qCWarning(lcAuth).noquote()
            << "refused to save connection" << saved.id << "in the built-in sandbox's environment";
        return false;
    }
    if (!isSandbox && saved.environment == Environment::Custom && !isHttpUrl(saved.baseUrl)) {
        qCWarning(lcAuth).noquote()
            << "refused to save custom connection" << saved.id
            << "without an http(s) base URL:" << baseUrlProblem(saved.baseUrl);
        return false;
    }
    for (const QUrl& url : {saved.baseUrl, saved.authorizeBaseUrl}) {
        if (!url.isEmpty() && !isHttpUrl(url)) {
            qCWarning(lcAuth).noquote()
                << "refused to save connection" << saved.id
                << "with a URL that is not http(s), or plain http to another machine:"
                << baseUrlProblem(url);
            return false;
        }
    }

    const QString group = groupOf(saved.id);
    // Replacing the whole group drops keys this build does not write, whoever left them.
    m_settings.remove(group);
    m_settings.beginGroup(group);
    writeConnection(m_settings, saved);
    m_settings.endGroup();
    const bool written = syncSettings();

    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
        [&saved](const Connection& c) { return c.id == saved.id; });
    const bool differs = it == m_connections.end() || *it != saved;
    if (it == m_connections.end())
        m_connections.append(saved);
    else
        *it = saved;
    sortConnections();
    if (differs)
        Q_EMIT changed();
    return written;
}

bool ConnectionStore::remove(const QString& id)
{
    if (id == sandboxId()) {
        qCWarning(lcAuth) << "the built-in sandbox connection cannot be removed";
        return false;
    }
    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
        [&id](const Connection& c) { return c.id == id; });
    if (it == m_connections.end())
        return false;
    m_connections.erase(it);
    m_settings.remove(groupOf(id));
    if (m_activeId == id) {
        m_activeId = sandboxId();
        m_settings.setValue(activeKey, m_activeId);
    }
    syncSettings();
    Q_EMIT changed();
    return true;
}

bool ConnectionStore::setActive(const QString& id)
{
    if (!contains(id)) {
        qCWarning(lcAuth).noquote() << "cannot activate unknown connection" << id;
        return false;
    }
    m_settings.setValue(activeKey, id);
    const bool written = syncSettings();
    if (m_activeId != id) {
        m_activeId = id;
        Q_EMIT changed();
    }
    return written;
}

void ConnectionStore::reload()
{
    const QList<Connection> before = m_connections;
    const QString activeBefore = m_activeId;
    m_settings.sync();
    load();
    if (m_connections != before || m_activeId != activeBefore)
        Q_EMIT changed();
}

} // namespace ContactDesk::Auth
