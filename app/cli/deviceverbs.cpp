// serve devices add|list|remove: the devices that may subscribe to serve's change feed
// (GET /stream). Each has its own random token, printed once by `add` and stored only as its
// SHA-256 in the connection's data folder; removing a device refuses its next connection.
#include "clioutput.h"
#include "cliparser.h"
#include "verbs.h"

#include "common/clock.h"
#include "sync/workspace.h"
#include "webhooks/feeddevices.h"

#include <QJsonArray>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Command parseServeDevices(VerbParser& parser, Command command)
{
    QStringList& words = parser.words();
    if (words.isEmpty())
        usage(QStringLiteral("serve devices needs a subcommand (add, list or remove)"));
    const QString verb = words.takeFirst();
    parser.allowOnly(QStringLiteral("serve devices ") + verb, {});
    if (verb == L("list")) {
        parser.expectArguments(QStringLiteral("serve devices list"), 0, QString());
        command.action = Action::ServeDevicesList;
        return command;
    }
    if (verb != L("add") && verb != L("remove"))
        usage(
            QStringLiteral("unknown serve devices subcommand %1 (add, list or remove)").arg(verb));
    parser.expectArguments(QStringLiteral("serve devices ") + verb, 1, QStringLiteral("NAME"));
    command.deviceName = words.first();
    if (!Webhooks::FeedDevices::isValidName(command.deviceName))
        usage(Webhooks::FeedDevices::addedMessage(
            Webhooks::FeedDevices::Added::BadName, command.deviceName));
    command.action = verb == L("add") ? Action::ServeDevicesAdd : Action::ServeDevicesRemove;
    return command;
}

int runServeDevices(const Command& command, Sync::Workspace& workspace)
{
    Webhooks::FeedDevices devices(workspace.database());
    switch (command.action) {
    case Action::ServeDevicesAdd: {
        QByteArray token;
        const Webhooks::FeedDevices::Added added = devices.add(command.deviceName, &token);
        if (added != Webhooks::FeedDevices::Added::Added) {
            writeErr(QStringLiteral("contactdesk-cli: %1%2\n")
                         .arg(Webhooks::FeedDevices::addedMessage(added, command.deviceName),
                             added == Webhooks::FeedDevices::Added::Failed
                                 ? QStringLiteral(": ") + devices.lastError()
                                 : QString()));
            return added == Webhooks::FeedDevices::Added::Failed ? ExitApiError : ExitUsage;
        }
        writeOut(compact({{QStringLiteral("device"), command.deviceName},
                     {QStringLiteral("token"), QString::fromLatin1(token)}})
            + '\n');
        writeErr(QStringLiteral("contactdesk-cli: the token is shown only now; enter it in the "
                                "desktop app with serve's address (only its hash is kept here)\n"));
        return ExitOk;
    }
    case Action::ServeDevicesList: {
        QJsonArray list;
        for (const Webhooks::FeedDevices::Device& device : devices.list())
            list.append(QJsonObject {{QStringLiteral("name"), device.name},
                {QStringLiteral("added"), timeOrNull(device.createdAtMs)},
                {QStringLiteral("lastSeen"), timeOrNull(device.lastSeenAtMs)}});
        if (!devices.lastError().isEmpty()) {
            writeErr(QStringLiteral("contactdesk-cli: cannot read the devices: %1\n")
                         .arg(devices.lastError()));
            return ExitApiError;
        }
        writeOut(indented(list));
        return ExitOk;
    }
    case Action::ServeDevicesRemove:
        if (!devices.remove(command.deviceName)) {
            writeErr(devices.lastError().isEmpty()
                    ? QStringLiteral("contactdesk-cli: there is no device named %1 (see serve "
                                     "devices list)\n")
                          .arg(command.deviceName)
                    : QStringLiteral("contactdesk-cli: cannot remove the device: %1\n")
                          .arg(devices.lastError()));
            return devices.lastError().isEmpty() ? ExitUsage : ExitApiError;
        }
        writeOut(compact({{QStringLiteral("removed"), command.deviceName}}) + '\n');
        return ExitOk;
    default:
        return ExitUsage;
    }
}

} // namespace ContactDesk::Cli
