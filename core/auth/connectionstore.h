#pragma once

#include "auth/connection.h"

#include <QList>
#include <QObject>

#include <optional>

class QSettings;

namespace ContactDesk::Auth {

// The saved connections and which one is active, over the app's QSettings: group
// "connections/<id>" holds the non-secret fields, "activeConnection" the active id. Secrets are
// never written here (they go to a SecretStore under the same id). The built-in sandbox always
// exists, comes first, is the first-start default and cannot be removed. Entries a user or an
// older build left unreadable are skipped with a warning, never fatal.
class ConnectionStore : public QObject
{
    Q_OBJECT

public:
    static QString sandboxId(); // "sandbox"
    static Connection builtInSandbox();
    static QString newId(); // a UUID without braces
    // Ids become settings groups, keychain keys and cache folder names: letters, digits, '.', '_'
    // and '-' only, never starting with '.' (so never "." or "..").
    static bool isValidId(QStringView id);

    explicit ConnectionStore(QSettings& settings, QObject* parent = nullptr);

    // The sandbox first, then by display name.
    QList<Connection> connections() const { return m_connections; }
    std::optional<Connection> find(const QString& id) const;
    bool contains(const QString& id) const { return find(id).has_value(); }

    // Adds or replaces by id. Refused, with a warning, for an invalid id, another connection
    // claiming the sandbox environment, a custom one without a base URL, or a URL that
    // isAllowedBaseUrl() refuses (plain http to another machine). The built-in
    // sandbox keeps its id, name, environment and auth kind whatever is passed. Returns false too
    // when the settings could not be written (the change then lasts for this session only).
    bool save(const Connection& connection);
    // Refused for the built-in sandbox and unknown ids. Removing the active connection makes
    // the sandbox active. Secrets are not touched: sign out through the SecretStore first.
    bool remove(const QString& id);

    QString activeId() const { return m_activeId; }
    Connection active() const;
    // Refused for unknown ids.
    bool setActive(const QString& id);

    // Reads the settings again, for changes made by another process (the CLI).
    void reload();

Q_SIGNALS:
    void changed();

private:
    void load();
    void sortConnections();
    bool syncSettings();

    QSettings& m_settings;
    QList<Connection> m_connections;
    QString m_activeId;
};

} // namespace ContactDesk::Auth
