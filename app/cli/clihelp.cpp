#include "clicommands.h"

#include "api/endpointcatalog.h"

namespace ContactDesk::Cli {

QString helpText()
{
    QString text
        = QStringLiteral(R"(Usage: contactdesk-cli [TARGET] [--verbose] [--har FILE] COMMAND ...

The HighLevel Contacts API v2 (and the location's custom fields, tags, users and calendars)
from the command line.

Target (one of; without any, the active saved connection, see `connections`):
  --sandbox                  start an embedded sandbox on 127.0.0.1 with 50 demo contacts
  --sandbox --data FILE      the same, keeping the sandbox's state in FILE across runs
  --connection ID            a saved connection; its token comes from the system keychain
  --base-url URL --token TOKEN --location ID
                             a HighLevel API (https://services.leadconnectorhq.com) or a
                             sandbox; defaults come from CONTACTDESK_BASE_URL,
                             CONTACTDESK_TOKEN and CONTACTDESK_LOCATION. Prefer the
                             environment for the token: other users can see command lines.
  --company-id ID            (or CONTACTDESK_COMPANY) with --base-url: the location's company,
                             which search-users needs (`users list` reads the location's
                             list without it)
  --sandbox-admin-key KEY    (or CONTACTDESK_SANDBOX_ADMIN_KEY) the admin key of an external
                             sandbox, so that `verify` may write to it (see below)

Commands:
  call OPERATION_ID [--path K=V]... [--query K=V]... [--body JSON|@FILE|@-]
                             any operation of the catalog (list below)
  contacts list [--limit N]  the first N contacts (default 20, at most 500), via search
  contacts list --all [--limit N]
                             every contact of the location, N per page (default 500)
  contacts search TEXT [--limit N]
  contacts get|delete CONTACT_ID
  contacts create --body JSON
  contacts update CONTACT_ID --body JSON
  tasks list CONTACT_ID
  tasks get|complete|delete CONTACT_ID TASK_ID
  tasks create CONTACT_ID --body JSON
  tasks update CONTACT_ID TASK_ID --body JSON
  notes list CONTACT_ID
  notes get|delete CONTACT_ID NOTE_ID
  notes create CONTACT_ID --body JSON
  notes update CONTACT_ID NOTE_ID --body JSON
  tags add|remove CONTACT_ID TAG...
  fields list [--model contact|opportunity|all]
                             the location's custom fields in field order (default contact)
  tags list                  the location's tags
  users list                 the location's users (search-users, every page)
  calendars list             the location's calendars
  verify [--allow-writes] [--campaign-id ID] [--workflow-id ID] [--business-id ID]
         [--user-id ID]
                             runs every operation once and prints one row per operation
  sync [--reconcile]         sends the outbox (local edits), then syncs the offline cache:
                             the whole location the first time, what changed since after;
                             --reconcile also looks for contacts deleted on the server now
  search TEXT [--limit N]    searches the offline cache (name, email, phone, company, tags;
                             prefix match per word), default 20 matches
  import FILE --mapping PROFILE [--dry-run] [--results OUT.csv] [--resume]
         [--failed-from RESULTS.csv]
                             syncs, then writes FILE's rows as contacts through the outbox,
                             as the mapping profile says; waits until they are sent;
                             --dry-run prints each row's requests and sends nothing. A clean
                             run is recorded in the profile ("verified" on the sandbox or
                             production)
  export --format csv|vcard [--query TEXT] [--columns A,B,...]
                             syncs, then writes the contacts (those the search TEXT matches)
                             to stdout: CSV with custom fields by name and tags joined, or
                             vCard 4.0; the file imports back through `mapping suggest`
  collection [--har [FILE]] [--base-url URL] [--location ID] [--company-id ID]
                             every operation of the catalog as a Postman collection v2.1 on
                             stdout (example bodies; the token and the ids are variables to
                             fill in; it runs top to bottom, the creates keeping the new ids),
                             or with --har as a HAR 1.2 log (into FILE if given); sends
                             nothing, needs no target
  outbox list                local edits not on the server yet, oldest first
  outbox retry ID            sends a failed (or waiting) edit again at the next sync
  outbox discard ID          drops an edit and reverts it in the cache
  trash list                 contacts deleted here, newest first
  trash restore ID           re-creates a deleted contact with its tasks and notes (sent at
                             the next sync)
  cache stats                counts of the offline cache as JSON
  mapping suggest FILE       proposes a mapping profile (JSON on stdout) for a CSV, JSON,
                             NDJSON or vCard file, from its headers and sampled values and
                             the location's custom fields; each rule's confidence on stderr
  mapping check PROFILE FILE [--limit N]
                             checks every row of FILE against the profile (and the profile
                             against the location's lists) and sends nothing; lists the
                             first N problems (default 100) with row, column, value and
                             reason; exits with 1 when any row is invalid
  events push --type TYPE --data JSON [--rules FILE]
  events push --file EVENTS.ndjson [--rules FILE]
                             stores Your App's events (one {"type", "data"[, "id"]} per line)
                             in the inbox, checked against their schemas, and applies them
                             through the rules (the default rules without --rules); waits
                             until the outbox has sent what they made
  events list [--status S] [--type TYPE] [--limit N]
                             the event log, newest first (status received, waiting, applied,
                             failed or duplicate), default 20 events
  serve [--listen HOST:PORT] [--secret-file FILE] [--rules FILE] [--webhook-public-key FILE]
                             receives Your App's signed events on POST /events (Standard
                             Webhooks) and applies the rules until SIGTERM; prints
                             {"listening": "http://HOST:PORT"} once ready (default
                             127.0.0.1, any free port). The whsec_ secret comes from FILE
                             (readable by its owner only), $CREDENTIALS_DIRECTORY/event-secret
                             (systemd), or the saved connection's keychain entry.
                             HighLevel's webhooks arrive on POST /hooks/highlevel, verified
                             with its public key(s) from --webhook-public-key FILE (PEM, RSA
                             or Ed25519; twice for both), or on a sandbox with its own keys
                             (--sandbox, or --sandbox-admin-key), and are applied to the cache.
                             Registered devices subscribe to the webhooks it accepted on GET
                             /stream (Server-Sent Events, Authorization: Bearer DEVICE-TOKEN)
  serve devices add NAME     a device that may subscribe; prints its token once (only its
                             hash is kept)
  serve devices list         the devices, when added and last seen
  serve devices remove NAME  refuses the device's token from now on
  serve ... --forward-url URL --forward-secret-file FILE [--forward-events LIST]
                             also forwards what those webhooks and serve's sync change to Your
                             App's URL (https, or http to this machine) as Standard Webhooks
                             events signed with FILE's whsec_ secret: contact.created,
                             contact.updated (the changed fields), contact.deleted, task.*,
                             note.*; LIST takes names and patterns (contact.*,task.completed;
                             default all). Failures are tried again with back-off; a refusal
                             (4xx) or too many failures makes a dead letter
  forward dead-letters       the forwarded events that became dead letters, as a JSON array
  forward retry ID|--all     queues dead letters again (a running serve sends them)
  forward discard ID|--all   drops dead letters
  connections list           the saved connections as a JSON array (never a token)
  connections add --name NAME --base-url URL --location ID --token TOKEN
                             saves a private integration token connection once one
                             GET /contacts/ with it succeeded; the token goes to the system
                             keychain only (--token may come from CONTACTDESK_TOKEN)
  connections use ID         makes a saved connection the active one
  connections remove ID      deletes a saved connection, its keychain entries and its cache

The location id is filled in where an operation takes one (the {locationId} of the Locations
paths; the query of get-contacts, get-duplicate-contact, get-contacts-by-businessId,
search-users, get-user-by-location and get-calendars; the body of create, upsert, search and
the bulk calls) unless it is given, and the company id in the query of search-users when the
target knows it. An operation that takes a body gets {} without --body.

Options:
  -h, --help                 this text
  --version                  the version of contactdesk-cli
  --verbose                  every HTTP exchange on stderr (secrets redacted)

Output:
  The API's JSON answer on stdout. The `list` commands of fields, tags, users and calendars
  print a JSON array of the records (a token without the list's scope exits with 1 and names
  the scope to add). `contacts list --all` prints one JSON array with one
  contact per line, written page by page as the pages arrive; after an error it is closed, so
  stdout always holds valid JSON. Errors are one line on stderr. --verbose writes every HTTP
  exchange to stderr (Authorization, tokens and secrets redacted).

verify:
  Creates a temporary contact tagged contactdesk-verify, runs every task, note, tag,
  follower, campaign, workflow, search, duplicate, upsert, business and bulk call on it, and
  deletes it and everything it made. First it reads the location's custom fields, tags, users
  and calendars (one of each again by id); with writes it creates, renames and deletes a
  temporary custom field "ContactDesk verify RUN" and tag contactdesk-verify-RUN, and at the
  end deletes whatever field or tag the run left (also the location tags the temporary
  contact's tags became). search-users is skipped when no company id is known (--company-id,
  a saved connection or a sandbox). Prints `OPERATION STATUS LATENCY RESULT REASON` per
  operation, then `N passed, M failed, K skipped`. Operations that need an id the API cannot
  list (--campaign-id, --workflow-id, --business-id, --user-id for the followers) are skipped
  without one; with --sandbox they come from the embedded sandbox.
  Writes happen only against a sandbox: --sandbox, or a target whose GET /__sandbox/info
  accepts --sandbox-admin-key and names the same location. Anything else gets the reads only,
  on its first existing contact, unless --allow-writes is given.
  Exit status 0 when nothing failed (skips are not failures).

The offline cache:
  One per connection, shared with the desktop app, in $XDG_DATA_HOME/ContactDesk/ContactDesk/
  connections/ID/cache.sqlite (ID: the saved connection's id; for --base-url targets one
  derived from the URL and location). The embedded --sandbox starts fresh on every run, so its
  cache is thrown away at exit unless --sandbox --data FILE keeps the sandbox's state in FILE
  (and then the cache too). `sync` prints one progress line at a time on stderr and its result
  as JSON on stdout; items that wait for a back-off are sent at once. The other cache commands
  need no network.

import:
  Syncs the cache first, so rows are matched against the location's contacts, then reads
  FILE one row at a time (CSV, JSON, NDJSON or vCard, as the profile says) and queues each
  row's create, upsert or update with a journal entry in the same cache transaction. A killed
  import continues with --resume, taking each row exactly once (a file whose size or
  modification time changed is refused). --dry-run prints each row's request (`row N:
  ACTION: METHOD PATH BODY`, or why nothing is sent) and sends nothing. --results writes
  `row,outcome,contact id,error` per row (outcomes created, updated, unchanged, skipped,
  failed); --failed-from takes only the rows a results file lists as failed. Prints the counts
  as JSON on stdout and a progress line on stderr when it is a terminal. Exit status 1 when a
  row failed or the profile names columns, fields or users that do not exist.

Inspecting traffic:
  --har FILE, before or after any command, records every HTTP exchange of the run into FILE
  as a HAR 1.2 log, written at exit, also when the command failed (headers and bodies as
  --verbose shows them: Authorization, tokens and secrets redacted). Open it in a browser's
  developer tools or any HAR viewer, or share it. `collection` writes the catalog for Postman,
  newman, Bruno or Insomnia: set the accessToken variable (never written by ContactDesk) and
  the ids the requests name.

connections:
  Saved connections are shared with the desktop app. The built-in sandbox is always there,
  is active until another connection is used, and behaves like --sandbox. Tokens live in the
  system keychain only (CONTACTDESK_KEYCHAIN_SERVICE names another keychain service); without
  a usable keychain `connections add` refuses: the command line keeps no token anywhere else.

Exit status:
  0 success, 1 the API refused or failed the request, or the system keychain failed,
  2 usage error (also an unknown connection id, outbox item or trash entry),
  3 network error (unreachable, timeout, or the outcome of a write is unknown)

Operations:
)");
    for (const Api::Endpoint& endpoint : Api::endpoints()) {
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(QString(endpoint.operationId), -36)
                    .arg(QString::fromLatin1(Api::methodName(endpoint.method)), -6)
                    .arg(QString(endpoint.path));
    }
    return text;
}

} // namespace ContactDesk::Cli
