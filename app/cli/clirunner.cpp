#include "clirunner.h"

#include "clisession.h"
#include "verbs.h"

#include "common/version.h"

namespace ContactDesk::Cli {

int CliRunner::run(const Command& command)
{
    CliSession session;
    if (command.harFile.isEmpty())
        return dispatch(session, command);
    // The HAR is written whatever the command's outcome: a failed run is what one shares.
    session.recordHar(command.harFile);
    const int code = dispatch(session, command);
    if (!session.writeHar() && code == ExitOk)
        return ExitApiError;
    return code;
}

int CliRunner::dispatch(CliSession& session, const Command& command)
{
    switch (command.action) {
    case Action::Help:
        writeOut(helpText().toUtf8());
        return ExitOk;
    case Action::Version:
        writeOut("contactdesk-cli " + ContactDesk::version().toUtf8() + '\n');
        return ExitOk;
    case Action::Collection:
        return runCollection(command);
    case Action::ConnectionsList:
    case Action::ConnectionsAdd:
    case Action::ConnectionsRemove:
    case Action::ConnectionsUse:
        return runConnectionsVerb(session, command);
    case Action::Sync:
    case Action::OutboxList:
    case Action::OutboxRetry:
    case Action::OutboxDiscard:
    case Action::TrashList:
    case Action::TrashRestore:
    case Action::CacheSearch:
    case Action::CacheStats:
    case Action::MappingSuggest:
    case Action::MappingCheck:
    case Action::Import:
    case Action::Export:
    case Action::EventsPush:
    case Action::EventsList:
    case Action::Serve:
    case Action::ServeDevicesAdd:
    case Action::ServeDevicesList:
    case Action::ServeDevicesRemove:
    case Action::ForwardDeadLetters:
    case Action::ForwardRetry:
    case Action::ForwardDiscard:
        return runDataVerb(session, command);
    case Action::Call:
    case Action::ListAll:
    case Action::Verify:
    case Action::LocationList:
        break;
    }
    Target target = command.target;
    if (target.saved) {
        const int resolved = session.resolveSaved(target, command.keychainService);
        if (resolved != ExitOk)
            return resolved;
    }
    if (!session.setUp(target, command.verbose))
        return ExitNetwork;
    switch (command.action) {
    case Action::Call:
        return runCall(session, command);
    case Action::ListAll:
        return runListAll(session, command);
    case Action::Verify:
        return runVerify(session, command);
    case Action::LocationList:
        return runLocationList(session, command);
    default:
        break;
    }
    return ExitOk;
}

} // namespace ContactDesk::Cli
