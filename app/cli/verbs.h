#pragma once

#include "clicommands.h"

#include "api/models/locationlists.h"
#include "automation/rules.h"

#include <QObject>

#include <memory>
#include <optional>

// The verb groups of contactdesk-cli, one file each: how its words parse into a Command and how
// that Command runs. clicommands.cpp and clirunner.cpp dispatch to them.
namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Webhooks {
class WebhookIntake;
}

namespace ContactDesk::Cli {

class CliSession;
class VerbParser;

// contactverbs.cpp: contacts, tasks, notes, and the tags of one contact.
Command parseContactsVerb(VerbParser& words, Command command, const QString& verb);
Command parseTasksVerb(VerbParser& words, const Command& command, const QString& verb);
Command parseNotesVerb(VerbParser& words, const Command& command, const QString& verb);
Command parseContactTagsVerb(VerbParser& words, const Command& command, const QString& verb);
int runListAll(CliSession& session, const Command& command);

// callverbs.cpp: call and verify.
Command parseCall(VerbParser& words, const Command& command);
Command parseVerify(VerbParser& words, Command command);
int runCall(CliSession& session, const Command& command);
int runVerify(CliSession& session, const Command& command);

// connectionverbs.cpp: connections list|add|remove|use.
Command parseConnectionsVerb(VerbParser& words, Command command, const QString& verb);
int runConnectionsVerb(CliSession& session, const Command& command);

// syncverbs.cpp: sync, and opening the offline cache for every cache command.
Command parseSync(VerbParser& words, Command command);
int runDataVerb(CliSession& session, const Command& command);
int runSync(CliSession& session, const Command& command, Sync::Workspace& workspace);

// cacheverbs.cpp: search, outbox, trash and cache, which need no network.
Command parseCacheSearch(VerbParser& words, Command command);
Command parseCacheVerb(
    VerbParser& words, Command command, const QString& group, const QString& verb);
int runOfflineVerb(const Command& command, Sync::Workspace& workspace);

// listverbs.cpp: fields, tags, users and calendars list (the location's lists).
bool isLocationListGroup(const QString& group);
Command parseLocationListVerb(
    VerbParser& words, Command command, const QString& group, const QString& verb);
int runLocationList(CliSession& session, const Command& command);

// mappingverbs.cpp: mapping suggest|check.
Command parseMappingVerb(VerbParser& words, Command command, const QString& verb);
int runMappingVerb(CliSession& session, const Command& command, Sync::Workspace& workspace);

// syncverbs.cpp: the location's lists for names, read again from the server when it answers,
// else as the cache holds them (saying so on stderr).
Api::LocationLists currentLocationLists(Sync::Workspace& workspace);
// The sync before a command that works on the cache (import, export): what changed on the
// server comes in, then the lists; nothing on stdout. False with *exitCode when it failed.
bool syncQuietly(CliSession& session, Sync::Workspace& workspace, int* exitCode);

// exportverbs.cpp: export --format csv|vcard [--query TEXT] [--columns A,B].
Command parseExport(VerbParser& words, Command command);
int runExport(CliSession& session, const Command& command, Sync::Workspace& workspace);

// importverbs.cpp: import FILE --mapping PROFILE, on the cache runDataVerb opens.
Command parseImport(VerbParser& words, Command command);
int runImport(CliSession& session, const Command& command, Sync::Workspace& workspace);

// collectionverbs.cpp: collection [--har [FILE]] [--base-url URL] [--location ID]
// [--company-id ID], the whole catalog as a Postman collection or a HAR; nothing is sent.
Command parseCollection(VerbParser& words, Command command);
int runCollection(const Command& command);

// eventverbs.cpp: events push --type T --data JSON | --file NDJSON, events list; the rule set
// (--rules FILE, or the default rules for the location's lists) that push and serve apply.
Command parseEventsVerb(VerbParser& words, Command command, const QString& verb);
int runEventsVerb(CliSession& session, const Command& command, Sync::Workspace& workspace);
std::optional<Automation::RuleSet> loadRules(const Command& command, Sync::Workspace& workspace);

// serveverbs.cpp: serve --listen HOST:PORT --secret-file FILE [--rules FILE]: the receiver and
// the rules without a display, until SIGTERM.
Command parseServe(VerbParser& words, Command command);
int runServe(CliSession& session, const Command& command, Sync::Workspace& workspace);

// deviceverbs.cpp: serve devices add NAME | list | remove NAME, the devices that may subscribe
// to serve's change feed (GET /stream); `add` prints the device's token once.
Command parseServeDevices(VerbParser& words, Command command);
int runServeDevices(const Command& command, Sync::Workspace& workspace);
// forwardverbs.cpp: forward dead-letters, forward retry ID|--all, forward discard ID|--all, on
// the cache; and serve's forwarding to Your App (--forward-url URL --forward-secret-file FILE
// [--forward-events contact.*,task.*]): parseServeForwarding() reads the options into
// `command`; startServeForwarding() routes the intake's and the sync engine's changes to Your
// App for as long as the object it returns lives (nothing without --forward-url; nothing with
// *exitCode set after the one-line error when the secret file does not do).
Command parseForwardVerb(VerbParser& words, Command command, const QString& verb);
int runForwardVerb(const Command& command, Sync::Workspace& workspace);
void parseServeForwarding(VerbParser& words, Command& command);
std::unique_ptr<QObject> startServeForwarding(CliSession& session, const Command& command,
    Sync::Workspace& workspace, Webhooks::WebhookIntake& intake, int* exitCode);

} // namespace ContactDesk::Cli
