#include "auth/connectionactions.h"

#include "auth/connectionstore.h"
#include "auth/logging.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace ContactDesk::Auth {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Auth::ConnectionActions", text);
}

// Writes values[index..] in order; `done` gets the first error, after which nothing more is
// written.
void writeFrom(SecretStore& secrets, const QString& connectionId,
    std::shared_ptr<const Secrets> values, qsizetype index, SecretStore::Done done)
{
    if (index == values->size()) {
        done({});
        return;
    }
    const auto& [kind, value] = values->at(index);
    QPointer<SecretStore> store(&secrets);
    secrets.write(connectionId, kind, value,
        [store, connectionId, values, index, done = std::move(done)](const QString& error) {
            if (!error.isEmpty() || !store) {
                done(error.isEmpty() ? translate("The secret store was closed.") : error);
                return;
            }
            writeFrom(*store, connectionId, values, index + 1, done);
        });
}

} // namespace

QUrl desktopRedirectUri()
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(desktopRedirectPort);
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void saveConnection(ConnectionStore& store, SecretStore& secrets, const Connection& connection,
    const Secrets& values, SecretStore::Done done)
{
    QPointer<ConnectionStore> connections(&store);
    QPointer<SecretStore> keychain(&secrets);
    const QString id = connection.id;
    writeFrom(secrets, id, std::make_shared<const Secrets>(values), 0,
        [connections, keychain, connection, id, done = std::move(done)](const QString& error) {
            const auto undo = [keychain, id, done](const QString& why) {
                qCWarning(lcAuth) << "connection" << id << "not saved:" << why;
                if (!keychain) {
                    done(why);
                    return;
                }
                // A secret whose connection was never saved could not be found again.
                keychain->removeAll(id, [done, why](const QString&) { done(why); });
            };
            if (!error.isEmpty()) {
                undo(error);
                return;
            }
            if (!connections || !connections->save(connection)) {
                undo(translate("The connection could not be saved: the settings file could "
                               "not be written."));
                return;
            }
            qCInfo(lcAuth) << "connection" << id << "saved with its secrets";
            done({});
        });
}

void signOut(ConnectionStore& store, SecretStore& secrets, const QString& connectionId,
    SecretStore::Done done)
{
    const std::optional<Connection> connection = store.find(connectionId);
    if (!connection) {
        done(translate("There is no connection %1.").arg(connectionId));
        return;
    }
    if (connection->isSandbox()) {
        done(translate("The built-in sandbox keeps no sign-in to sign out of."));
        return;
    }
    QPointer<ConnectionStore> connections(&store);
    secrets.removeAll(
        connectionId, [connections, connectionId, done = std::move(done)](const QString& error) {
            if (!error.isEmpty()) {
                done(translate("Signing out did not finish: %1").arg(error));
                return;
            }
            qCInfo(lcAuth) << "connection" << connectionId << "signed out";
            std::optional<Connection> signedOut
                = connections ? connections->find(connectionId) : std::nullopt;
            if (!signedOut) {
                done({});
                return;
            }
            signedOut->state = ConnectionState::NeedsSignIn;
            signedOut->accessTokenExpiresAt = {};
            if (!connections->save(*signedOut)) {
                done(translate("The keychain entries were deleted, but the settings file could "
                               "not be written."));
                return;
            }
            done({});
        });
}

void removeConnection(ConnectionStore& store, SecretStore& secrets, const QString& connectionId,
    SecretStore::Done done)
{
    if (connectionId == ConnectionStore::sandboxId()) {
        done(translate("The built-in sandbox cannot be removed."));
        return;
    }
    if (!store.contains(connectionId)) {
        done(translate("There is no connection %1.").arg(connectionId));
        return;
    }
    QPointer<ConnectionStore> connections(&store);
    secrets.removeAll(
        connectionId, [connections, connectionId, done = std::move(done)](const QString& error) {
            if (!error.isEmpty()) {
                done(translate("The connection is kept because its keychain entries could not "
                               "be deleted: %1")
                         .arg(error));
                return;
            }
            if (connections)
                connections->remove(connectionId);
            qCInfo(lcAuth) << "connection" << connectionId << "removed";
            done({});
        });
}

} // namespace ContactDesk::Auth
