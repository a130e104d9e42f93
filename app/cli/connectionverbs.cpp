// connections list|add|remove|use: the saved connections the desktop app shares, their tokens in
// the system keychain.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "auth/connectioncheck.h"
#include "auth/connectionstore.h"
#include "auth/keychainsecretstore.h"
#include "auth/oauthflow.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// What `connections list` and `connections add` print: everything but secrets, which a
// Connection does not hold anyway. Absent values are left out rather than printed empty.
QJsonObject connectionJson(const Auth::Connection& connection, bool active)
{
    QJsonObject json {{QStringLiteral("id"), connection.id},
        {QStringLiteral("name"), connection.displayName},
        {QStringLiteral("environment"), Auth::environmentName(connection.environment)},
        {QStringLiteral("authKind"), Auth::authKindName(connection.authKind)},
        {QStringLiteral("state"), Auth::connectionStateName(connection.state)},
        {QStringLiteral("active"), active}};
    if (!connection.baseUrl.isEmpty())
        json.insert(QStringLiteral("baseUrl"), connection.baseUrl.toString(QUrl::FullyEncoded));
    if (!connection.locationId.isEmpty())
        json.insert(QStringLiteral("locationId"), connection.locationId);
    return json;
}

bool isProduction(const QUrl& baseUrl)
{
    const QUrl production(Auth::OAuthWire::productionApiBase);
    return baseUrl.adjusted(QUrl::StripTrailingSlash) == production;
}

int runConnectionsList(CliSession& session)
{
    Auth::ConnectionStore& store = session.connectionStore();
    QJsonArray list;
    for (const Auth::Connection& connection : store.connections())
        list.append(connectionJson(connection, connection.id == store.activeId()));
    writeOut(indented(list));
    return ExitOk;
}

int runConnectionsAdd(CliSession& session, const Command& command)
{
    // The keychain first: a token checked against the API but then kept nowhere helps nobody,
    // and the command line has no session to keep it in memory for.
    Auth::KeychainSecretStore& secrets = session.secretStore(command.keychainService);
    bool available = false;
    QString reason;
    waitFor([&](auto done) {
        secrets.checkAvailable([&, done](bool usable, const QString& why) {
            available = usable;
            reason = why;
            done();
        });
    });
    if (!available) {
        writeErr(QStringLiteral("contactdesk-cli: %1. The command line keeps tokens in the "
                                "system keychain only; nothing was saved.\n")
                     .arg(reason));
        return ExitApiError;
    }

    if (!session.setUp(command.target, command.verbose))
        return ExitNetwork;
    Api::ApiError error;
    waitFor([&](auto done) {
        Auth::startConnectionCheck(session.client(), session.target().locationId)
            ->onFinished(&session, [&, done](const Api::ApiJob& finished) {
                error = finished.error();
                done();
            });
    });
    if (error.isError())
        return session.fail(error, QStringLiteral("the token check failed, nothing was saved: "));

    Auth::Connection connection;
    connection.id = Auth::ConnectionStore::newId();
    connection.displayName = command.connectionName;
    connection.environment = isProduction(session.target().baseUrl) ? Auth::Environment::Production
                                                                    : Auth::Environment::Custom;
    connection.baseUrl = session.target().baseUrl;
    connection.authKind = Auth::AuthKind::PrivateIntegrationToken;
    connection.locationId = session.target().locationId;

    QString failure;
    waitFor([&](auto done) {
        secrets.write(connection.id, Auth::SecretKind::PrivateIntegrationToken,
            session.target().token, [&, done](const QString& writeError) {
                failure = writeError;
                done();
            });
    });
    if (!failure.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1; nothing was saved\n").arg(failure));
        return ExitApiError;
    }
    Auth::ConnectionStore& store = session.connectionStore();
    if (!store.save(connection)) {
        // A token whose connection is not saved could never be found again.
        waitFor([&](auto done) {
            secrets.removeAll(connection.id, [done](const QString&) { done(); });
        });
        writeErr(QStringLiteral("contactdesk-cli: the settings file %1 could not be written; "
                                "nothing was saved\n")
                     .arg(session.settings().fileName()));
        return ExitApiError;
    }
    writeOut(QJsonDocument(connectionJson(connection, store.activeId() == connection.id))
                 .toJson(QJsonDocument::Indented));
    return ExitOk;
}

int runConnectionsRemove(CliSession& session, const Command& command)
{
    Auth::ConnectionStore& store = session.connectionStore();
    const QString& id = command.connectionId;
    if (id == Auth::ConnectionStore::sandboxId())
        return usageFailure(QStringLiteral("the built-in sandbox connection cannot be removed"));
    const std::optional<Auth::Connection> connection = store.find(id);
    if (!connection)
        return usageFailure(
            QStringLiteral("there is no saved connection %1 (see connections list)").arg(id));
    // Secrets first: a connection forgotten while its token stays in the keychain would leave
    // that token where nothing ever deletes it.
    QString failure;
    waitFor([&](auto done) {
        session.secretStore(command.keychainService).removeAll(id, [&, done](const QString& error) {
            failure = error;
            done();
        });
    });
    if (!failure.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1; the connection %2 is kept, try again once "
                                "the keychain works\n")
                     .arg(QString(failure).replace(u'\n', u' '), describe(*connection)));
        return ExitApiError;
    }
    store.remove(id);
    // Nothing of the connection stays on disk: its cache (contacts, outbox) goes too.
    QString cacheError;
    if (!Store::Database::removeDefaultCache(id, &cacheError)) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(cacheError));
        return ExitApiError;
    }
    return ExitOk;
}

int runConnectionsUse(CliSession& session, const Command& command)
{
    Auth::ConnectionStore& store = session.connectionStore();
    if (!store.contains(command.connectionId))
        return usageFailure(QStringLiteral("there is no saved connection %1 (see connections list)")
                                .arg(command.connectionId));
    if (!store.setActive(command.connectionId)) {
        writeErr(QStringLiteral("contactdesk-cli: the settings file %1 could not be written\n")
                     .arg(session.settings().fileName()));
        return ExitApiError;
    }
    return ExitOk;
}

} // namespace

Command parseConnectionsVerb(VerbParser& parser, Command command, const QString& verb)
{
    const Options& options = parser.options();
    const QString name = QStringLiteral("connections ") + verb;
    if (verb == L("list")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 0, QString());
        command.action = Action::ConnectionsList;
        return command;
    }
    if (verb == L("add")) {
        parser.allowOnly(name, {&options.name});
        parser.expectArguments(
            name, 0, QStringLiteral("--name NAME --base-url URL --location ID --token TOKEN"));
        command.connectionName = parser.value(options.name).trimmed();
        if (command.connectionName.isEmpty())
            usage(QStringLiteral("connections add needs --name NAME"));
        command.action = Action::ConnectionsAdd;
        return command;
    }
    if (verb == L("remove") || verb == L("use")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 1, QStringLiteral("CONNECTION_ID"));
        command.connectionId = parser.words().first();
        command.action = verb == L("use") ? Action::ConnectionsUse : Action::ConnectionsRemove;
        return command;
    }
    usage(QStringLiteral("unknown command %1").arg(name));
}

int runConnectionsVerb(CliSession& session, const Command& command)
{
    switch (command.action) {
    case Action::ConnectionsList:
        return runConnectionsList(session);
    case Action::ConnectionsAdd:
        return runConnectionsAdd(session, command);
    case Action::ConnectionsRemove:
        return runConnectionsRemove(session, command);
    case Action::ConnectionsUse:
        return runConnectionsUse(session, command);
    default:
        break;
    }
    return ExitUsage;
}

} // namespace ContactDesk::Cli
