#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace ContactDesk::Auth {

enum class SecretKind
{
    AccessToken,
    RefreshToken,
    ClientSecret,
    PrivateIntegrationToken,
    EventSigningSecret, // the whsec_ secret that signs Your App's events (core/automation)
};

inline constexpr SecretKind allSecretKinds[] = {SecretKind::AccessToken, SecretKind::RefreshToken,
    SecretKind::ClientSecret, SecretKind::PrivateIntegrationToken, SecretKind::EventSigningSecret};

// Where secrets live: the OS keychain, or memory when there is no keychain (the user is told
// and agrees). Every call is asynchronous and its result must be handled; errors carry text
// for the UI.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QString& error)>; // empty error: success
    // `found` is false when there is no such entry (not an error).
    using Read = std::function<void(const QString& value, bool found, const QString& error)>;

    using QObject::QObject;
    virtual bool persistent() const = 0;
    virtual void write(
        const QString& connectionId, SecretKind kind, const QString& value, Done done)
        = 0;
    virtual void read(const QString& connectionId, SecretKind kind, Read done) = 0;
    // Removing a missing entry succeeds.
    virtual void remove(const QString& connectionId, SecretKind kind, Done done) = 0;
    // Sign-out: removes every kind one after the other, carrying on past a failure so as much
    // as possible is gone; `done` gets the errors joined, or nothing.
    void removeAll(const QString& connectionId, Done done);

private:
    void removeFrom(const QString& connectionId, std::size_t index, QStringList errors, Done done);
};

// The entry name of a kind ("accessToken", ...); an entry's key is "<connectionId>/<kind key>".
QString secretKindKey(SecretKind kind);

} // namespace ContactDesk::Auth
