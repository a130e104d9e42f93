#pragma once

#include "api/apijob.h"
#include "api/endpointcatalog.h"
#include "api/endpointverifier.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ContactDesk::Cli {

// Where the requests go. With `sandbox` the runner starts an embedded sandbox and fills in the
// rest itself; with `saved` it reads a saved connection (the active one when `connectionId` is
// empty) and its token from the system keychain.
struct Target
{
    bool sandbox = false;
    bool saved = false;
    QString connectionId;
    QUrl baseUrl;
    QString token;
    QString locationId;
    // From a saved connection, the sandbox or --company-id; search-users needs it.
    QString companyId;
    // The X-Sandbox-Admin-Key of an external sandbox: lets `verify` confirm through
    // GET /__sandbox/info that the target is a sandbox serving this location.
    QString sandboxAdminKey;
    // --sandbox --data FILE: the embedded sandbox keeps its state in FILE across runs, so its
    // cache (and outbox) can persist too. Absolute.
    QString sandboxDataFile;
};

enum class Action
{
    Help,
    Version, // --version: "contactdesk-cli <version>"
    Call, // one operation: `call` and every friendly verb but `contacts list --all`
    ListAll, // contacts list --all
    Verify,
    ConnectionsList,
    ConnectionsAdd, // the connection to add is `target`, checked with one request before saving
    ConnectionsRemove,
    ConnectionsUse,
    // The offline cache of the target's connection (see dataCommand()).
    Sync, // send the outbox, then sync the cache
    OutboxList,
    OutboxRetry,
    OutboxDiscard,
    TrashList,
    TrashRestore,
    CacheSearch, // search TEXT over the cache
    CacheStats,
    // The location's lists (see listKind): fields, tags, users and calendars list.
    LocationList,
    // Field mapping (see sourceFile, mappingFile): a profile proposed for a file, a file
    // checked against a profile.
    MappingSuggest,
    MappingCheck,
    // import FILE --mapping PROFILE: sync, then the rows through the outbox (see importFile).
    Import,
    // export --format csv|vcard: sync, then the cached contacts (see exportFormat).
    Export,
    // collection [--har]: the whole endpoint catalog as a Postman collection or a HAR log;
    // nothing is sent (see collectionHar).
    Collection,
    // Your App's events (see eventType, eventsFile): events push stores them in the inbox and
    // applies them through the rules; events list prints the event log; serve runs the
    // receiver and the rules until SIGTERM.
    EventsPush,
    EventsList,
    Serve,
    // serve devices add NAME | list | remove NAME: who may subscribe to serve's change feed
    // (see deviceName).
    ServeDevicesAdd,
    ServeDevicesList,
    ServeDevicesRemove,
    // The dead letters of the forwarding to Your App (see forwardAll): forward dead-letters,
    // forward retry ID|--all, forward discard ID|--all.
    ForwardDeadLetters,
    ForwardRetry,
    ForwardDiscard,
};

// Which of the location's lists `LocationList` prints.
enum class ListKind
{
    CustomFields,
    Tags,
    Users,
    Calendars,
};

bool isConnectionsAction(Action action);
// The commands on the cache; all but `sync` work without the network.
bool isDataAction(Action action);

// A parsed command line, before anything is sent.
struct Command
{
    Action action = Action::Help;
    Target target;
    bool verbose = false;

    // Call. The location is filled in by fillLocation() once the target is known.
    QString operationId;
    Api::RequestSpec spec;

    // ListAll: contacts per page.
    int pageLimit = 500;

    // Verify. allowWrites holds --allow-writes; the runner also allows writes to a sandbox.
    Api::VerifyOptions verify;

    // ConnectionsAdd: the display name. ConnectionsRemove and ConnectionsUse: the id.
    QString connectionName;
    QString connectionId;

    // The system keychain's service for tokens: CONTACTDESK_KEYCHAIN_SERVICE, so tests never
    // touch the user's entries; empty for the app's own.
    QString keychainService;

    // Cache commands: the outbox item or trash entry, the search text and how many matches.
    qint64 itemId = 0;
    QString searchText;
    int searchLimit = 20;
    // sync --reconcile: look for contacts deleted on the server even when not due.
    bool reconcile = false;

    // LocationList: the list, and for custom fields the model (contact, opportunity or all).
    ListKind listKind = ListKind::CustomFields;
    QString fieldModel = QStringLiteral("contact");
    // Mapping and import: the source file and the mapping profile, absolute.
    QString sourceFile;
    QString mappingFile;

    // Import: where the results go (empty: nowhere), the dry run, resuming the file's
    // unfinished run, and a results file whose failed rows are the only ones taken.
    QString resultsFile;
    bool dryRun = false;
    bool resume = false;
    QString failedFrom;

    // Export: "csv" or "vcard", the search text (empty: every contact; searchText) and the CSV
    // columns by header or field name (empty: every column the ContactDesk preset reads back).
    QString exportFormat;
    QStringList exportColumns;

    // --har FILE (any command): every HTTP exchange of the run goes into FILE as a HAR 1.2 log,
    // written at exit, also when the command failed. Absolute; empty without --har.
    QString harFile;
    // Collection: a HAR instead of a Postman collection, into collectionFile (empty: stdout);
    // the collection's baseUrl, locationId and companyId variables (collectionBaseUrl is
    // HighLevel's API unless --base-url names another).
    bool collectionHar = false;
    QString collectionFile;
    QUrl collectionBaseUrl;
    // EventsPush: one event (--type, --data) or an NDJSON file of {"type", "data"} lines,
    // absolute. EventsList: the filters (status name, event type; empty: all) and searchLimit.
    // Serve: where to listen, the whsec_ secret file (absolute; empty: the systemd credential,
    // then the keychain). Both: the rule set file (empty: the default rules).
    QString eventType;
    QJsonObject eventData;
    QString eventsFile;
    QString eventStatus;
    QString listenAddress = QStringLiteral("127.0.0.1");
    quint16 listenPort = 0;
    QString secretFile;
    QString rulesFile;
    // serve --webhook-public-key FILE (up to twice: HighLevel's RSA and Ed25519 keys). Absolute.
    QStringList webhookKeyFiles;
    // ServeDevicesAdd and ServeDevicesRemove: the device.
    QString deviceName;
    // serve --forward-url URL --forward-secret-file FILE (absolute) [--forward-events LIST]:
    // HighLevel's changes forwarded to Your App, of these types (every type without the
    // option). ForwardRetry, ForwardDiscard: itemId, or every dead letter with --all.
    QString forwardUrl;
    QString forwardSecretFile;
    QStringList forwardEvents;
    bool forwardAll = false;
};

struct ParseResult
{
    std::optional<Command> command;
    QString usageError; // set when command is empty
};

// `arguments` includes the program name, as QCoreApplication::arguments() gives it. Target
// options fall back to CONTACTDESK_BASE_URL, CONTACTDESK_TOKEN, CONTACTDESK_LOCATION and
// CONTACTDESK_SANDBOX_ADMIN_KEY from `environment`; with none of them (and neither --sandbox
// nor --connection) the target is the active saved connection.
ParseResult parseCommandLine(const QStringList& arguments, const QProcessEnvironment& environment);

QString helpText();

// Adds the location where the operation takes one and the command line did not give it: the
// {locationId} of the Locations paths, the query of the listings, the duplicate lookup, the user
// and calendar lists, the body of create, upsert, search and the bulk calls; and the company to
// search-users when it is known. An operation that takes a body gets `{}` when none was given.
void fillLocation(const Api::Endpoint& endpoint, Api::RequestSpec& spec, const QString& locationId,
    const QString& companyId = {});

// The path parameters an operation's template names, in order.
QStringList pathParameters(const Api::Endpoint& endpoint);

} // namespace ContactDesk::Cli
