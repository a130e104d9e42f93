#pragma once

#include "webhooks/forwardrouter.h"

#include <functional>

class QSettings;

namespace ContactDesk::Auth {
class SecretStore;
}

namespace ContactDesk::Webhooks {

// The forwarding settings of a connection, beside the automations' own
// ("automation/<connection>/forwardEnabled", "forwardUrl", "forwardEvents").
ForwardConfig readForwardConfig(const QSettings& settings, const QString& connectionId);
void writeForwardConfig(
    QSettings& settings, const QString& connectionId, const ForwardConfig& config);
// The URL must be https with a host, or plain http to this machine (127.0.0.0/8, ::1,
// localhost), with no user info; empty with a user-readable reason otherwise.
QString checkForwardUrl(const QString& url);

// The `whsec_` secret that signs forwarded events, kept in the secret store like the receiver's
// (core/automation/signingsecret), under its own entry for the connection.
QString forwardSecretAccount(const QString& connectionId);
void ensureForwardSecret(Auth::SecretStore& store, const QString& connectionId,
    std::function<void(const QString& secret, bool created, const QString& error)> done);
void rotateForwardSecret(Auth::SecretStore& store, const QString& connectionId,
    std::function<void(const QString& secret, bool created, const QString& error)> done);

} // namespace ContactDesk::Webhooks
