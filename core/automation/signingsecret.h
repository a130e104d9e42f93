#pragma once

#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <optional>

namespace ContactDesk::Auth {
class SecretStore;
}

namespace ContactDesk::Automation {

// Where the `whsec_` secret that signs Your App's events lives: in the keychain beside the
// connection's tokens (Auth::SecretKind::EventSigningSecret), or, on a headless machine
// without one, in a file only its owner can read: `--secret-file FILE` or systemd's
// $CREDENTIALS_DIRECTORY/<credentialName> (LoadCredential=).

// The credential name of the systemd unit in packaging/.
inline constexpr char eventSecretCredential[] = "event-secret";

// Reads and checks a secret file: it must exist, be readable by its owner only (no group or
// other permission bits) and hold one `whsec_` secret. Nothing with *error, a user-readable
// message naming the file ("... is readable by group or others; chmod 600 ...").
std::optional<QString> readSigningSecretFile(const QString& path, QString* error);

// $CREDENTIALS_DIRECTORY/<name> when systemd passed that credential; nothing and no error when
// the variable is unset or the credential is absent, nothing with *error when it is unusable.
std::optional<QString> readSigningSecretCredential(
    const QProcessEnvironment& environment, const QString& name, QString* error);

// The connection's secret in the keychain. `done(secret, error)`: an empty secret with an
// empty error when there is none yet.
using SecretRead = std::function<void(const QString& secret, const QString& error)>;
void readStoredSigningSecret(
    Auth::SecretStore& store, const QString& connectionId, SecretRead done);
// The connection's secret, or a new one generated and stored first (the UI shows it once).
// `done(secret, created, error)`.
using SecretEnsured
    = std::function<void(const QString& secret, bool created, const QString& error)>;
void ensureStoredSigningSecret(
    Auth::SecretStore& store, const QString& connectionId, SecretEnsured done);
// Replaces the stored secret with a new one (events signed with the old one get 401).
void rotateStoredSigningSecret(
    Auth::SecretStore& store, const QString& connectionId, SecretEnsured done);

} // namespace ContactDesk::Automation
