#pragma once

#include "auth/connection.h"
#include "auth/secretstore.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ContactDesk::Auth {

class ConnectionStore;

// The redirect URI a ContactDesk OAuth app registers in HighLevel's marketplace. The embedded
// browser catches it before anything loads it; the system-browser mode listens on it (RFC 8252
// loopback: the IP literal, a fixed port, because the marketplace matches redirect URIs
// exactly).
inline constexpr quint16 desktopRedirectPort = 47615;
QUrl desktopRedirectUri(); // http://127.0.0.1:47615/callback

using Secrets = QList<QPair<SecretKind, QString>>;

// The steps that change a saved connection together with its keychain entries, in the order
// that never leaves a secret nobody can find, nor a connection whose secrets are gone without it
// saying so. Each `done` gets an error text for the UI, or nothing. The stores must outlive the
// call.

// Stores `secrets` one after the other, then saves the connection. When a secret cannot be
// stored, or the settings cannot be written, the secrets written so far are removed again and
// nothing is saved.
void saveConnection(ConnectionStore& store, SecretStore& secrets, const Connection& connection,
    const Secrets& values, SecretStore::Done done);

// Deletes every keychain entry of the connection (a missing one is fine), then keeps the
// connection, marked as needing a new sign-in, so signing in again restores it with its
// settings and local data. A keychain failure leaves the connection as it was: some entries
// may remain, and the user is told. The built-in sandbox has nothing to sign out of.
void signOut(ConnectionStore& store, SecretStore& secrets, const QString& connectionId,
    SecretStore::Done done);

// Deletes the keychain entries, then the connection; kept when the keychain fails, so its
// entries can still be found and deleted later. Refused for the built-in sandbox.
void removeConnection(ConnectionStore& store, SecretStore& secrets, const QString& connectionId,
    SecretStore::Done done);

} // namespace ContactDesk::Auth
