#include "store/migrations.h"

namespace ContactDesk::Store::Migrations {

namespace {

// Version 1: contacts, their sort keys, their tags (for the tag filter and the tag list) and the
// search index. Each contact keeps its full wire JSON; the other columns are extracted from it
// for the list.
//
// The sort keys (case-folded) live in a narrow table of their own and are NOT indexed: a sync
// page of 100 contacts would dirty about a hundred pages of every sort index (random keys), and
// writing those pages is most of what a sync costs. Sorting the narrow table in memory takes
// tens of milliseconds at 100,000 contacts (ContactCache::orderedRowIds).
const QStringList migration1 {
    QStringLiteral("CREATE TABLE contacts ("
                   " rid INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " id TEXT NOT NULL UNIQUE,"
                   " json TEXT NOT NULL,"
                   " display_name TEXT NOT NULL DEFAULT '',"
                   " email TEXT NOT NULL DEFAULT '',"
                   " phone TEXT NOT NULL DEFAULT '',"
                   " company TEXT NOT NULL DEFAULT '',"
                   " tags TEXT NOT NULL DEFAULT '',"
                   " date_added INTEGER NOT NULL DEFAULT 0,"
                   " date_updated INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE contact_keys ("
                   " rid INTEGER PRIMARY KEY,"
                   " name TEXT NOT NULL DEFAULT '',"
                   " email TEXT NOT NULL DEFAULT '',"
                   " phone TEXT NOT NULL DEFAULT '',"
                   " company TEXT NOT NULL DEFAULT '',"
                   " tags TEXT NOT NULL DEFAULT '',"
                   " date_added INTEGER NOT NULL DEFAULT 0,"
                   " date_updated INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE contact_tags ("
                   " rid INTEGER NOT NULL REFERENCES contacts(rid) ON DELETE CASCADE,"
                   " tag_key TEXT NOT NULL,"
                   " tag TEXT NOT NULL,"
                   " PRIMARY KEY (rid, tag_key)) WITHOUT ROWID"),
    QStringLiteral("CREATE INDEX contact_tags_by_tag ON contact_tags(tag_key, rid)"),
    // The index keeps its own copy of the text (a plain FTS5 table): SQLite 3.40 cannot delete
    // from a contentless table, and an external-content table would need the digits columns
    // in contacts too.
    QStringLiteral("CREATE VIRTUAL TABLE contacts_fts USING fts5("
                   "name, email, phone, phone_digits, company, tags,"
                   " tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"),
};

// Version 2: what the detail pane shows per contact, loaded lazily, with the time each list was
// fetched so stale data can be marked and refreshed.
const QStringList migration2 {
    QStringLiteral("CREATE TABLE tasks ("
                   " id TEXT PRIMARY KEY,"
                   " contact_id TEXT NOT NULL,"
                   " json TEXT NOT NULL,"
                   " due_date INTEGER NOT NULL DEFAULT 0,"
                   " completed INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX tasks_by_contact ON tasks(contact_id)"),
    QStringLiteral("CREATE TABLE notes ("
                   " id TEXT PRIMARY KEY,"
                   " contact_id TEXT NOT NULL,"
                   " json TEXT NOT NULL,"
                   " date_added INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX notes_by_contact ON notes(contact_id)"),
    QStringLiteral("CREATE TABLE appointments ("
                   " contact_id TEXT NOT NULL,"
                   " id TEXT NOT NULL,"
                   " json TEXT NOT NULL,"
                   " start_time INTEGER NOT NULL DEFAULT 0,"
                   " PRIMARY KEY (contact_id, id)) WITHOUT ROWID"),
    QStringLiteral("CREATE TABLE child_fetches ("
                   " contact_id TEXT NOT NULL,"
                   " kind TEXT NOT NULL,"
                   " fetched_at INTEGER NOT NULL,"
                   " PRIMARY KEY (contact_id, kind)) WITHOUT ROWID"),
};

// Version 3: local edits. The outbox, the trash and the history, plus the local status of each
// contact (derived from its outbox items, kept in the row so the list reads it with the rest).
const QStringList migration3 {
    QStringLiteral("ALTER TABLE contacts ADD COLUMN local_status INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("ALTER TABLE contacts ADD COLUMN status_message TEXT NOT NULL DEFAULT ''"),
    QStringLiteral("ALTER TABLE contacts ADD COLUMN local INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("ALTER TABLE contacts ADD COLUMN stale INTEGER NOT NULL DEFAULT 0"),
    QStringLiteral("CREATE INDEX contacts_stale ON contacts(stale) WHERE stale <> 0"),
    QStringLiteral("CREATE TABLE outbox ("
                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " kind TEXT NOT NULL,"
                   " contact_id TEXT NOT NULL,"
                   " child_id TEXT NOT NULL DEFAULT '',"
                   " payload TEXT NOT NULL DEFAULT '{}',"
                   " base TEXT NOT NULL DEFAULT '{}',"
                   " theirs TEXT NOT NULL DEFAULT '{}',"
                   " state TEXT NOT NULL,"
                   " attempts INTEGER NOT NULL DEFAULT 0,"
                   " next_attempt_at INTEGER NOT NULL DEFAULT 0,"
                   " last_error TEXT NOT NULL DEFAULT '',"
                   " created_at INTEGER NOT NULL,"
                   " depends_on TEXT NOT NULL DEFAULT '',"
                   " trash_id INTEGER NOT NULL DEFAULT 0,"
                   " done_at INTEGER NOT NULL DEFAULT 0,"
                   " reconcile INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX outbox_by_contact ON outbox(contact_id, id)"),
    QStringLiteral("CREATE INDEX outbox_by_state ON outbox(state, id)"),
    QStringLiteral("CREATE INDEX outbox_by_child ON outbox(child_id) WHERE child_id <> ''"),
    QStringLiteral("CREATE TABLE trash ("
                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " contact_id TEXT NOT NULL,"
                   " snapshot TEXT NOT NULL,"
                   " deleted_at INTEGER NOT NULL,"
                   " restored_as TEXT NOT NULL DEFAULT '')"),
    QStringLiteral("CREATE INDEX trash_by_contact ON trash(contact_id)"),
    QStringLiteral("CREATE TABLE history ("
                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " at INTEGER NOT NULL,"
                   " action TEXT NOT NULL,"
                   " contact_id TEXT NOT NULL,"
                   " summary TEXT NOT NULL)"),
    QStringLiteral("CREATE INDEX history_by_contact ON history(contact_id, id)"),
    QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                   " WITHOUT ROWID"),
};

// Version 4: the location's lists that names are read from (custom fields, tags, users,
// calendars), one row per kind holding the whole list as JSON, replaced in one statement.
const QStringList migration4 {
    QStringLiteral("CREATE TABLE location_lists ("
                   " kind TEXT PRIMARY KEY,"
                   " items TEXT NOT NULL DEFAULT '[]',"
                   " unavailable TEXT NOT NULL DEFAULT '',"
                   " refreshed_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
};

// Version 5: imports. A run records its profile and the file it reads (size and mtime, so a
// resume refuses a changed file); the journal has one row per source row, written in the same
// transaction as that row's local edit, so a resumed run neither repeats nor loses a row. The
// indexes let an import find an existing contact by e-mail (without case) or phone per row.
const QStringList migration5 {
    QStringLiteral("CREATE INDEX contacts_by_email ON contacts(email COLLATE NOCASE)"
                   " WHERE email <> ''"),
    QStringLiteral("CREATE INDEX contacts_by_phone ON contacts(phone) WHERE phone <> ''"),
    QStringLiteral("CREATE TABLE import_runs ("
                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " created_at INTEGER NOT NULL,"
                   " profile TEXT NOT NULL DEFAULT '{}',"
                   " file_path TEXT NOT NULL,"
                   " file_size INTEGER NOT NULL DEFAULT 0,"
                   " file_mtime INTEGER NOT NULL DEFAULT 0,"
                   " only_rows TEXT NOT NULL DEFAULT '[]',"
                   " state TEXT NOT NULL DEFAULT 'running',"
                   " finished_at INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE import_rows ("
                   " run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,"
                   " row INTEGER NOT NULL,"
                   " action TEXT NOT NULL,"
                   " reason TEXT NOT NULL DEFAULT '',"
                   " match_value TEXT NOT NULL DEFAULT '',"
                   " contact_id TEXT NOT NULL DEFAULT '',"
                   " items TEXT NOT NULL DEFAULT '[]',"
                   " PRIMARY KEY (run_id, row)) WITHOUT ROWID"),
};

// Version 6: cheaper writes: a cheaper search index, so that writing 100,000 contacts (a first
// sync, an import) stays under two seconds. The index keeps which rows hold a token but not where
// (detail=none): searches only AND prefix tokens (ContactCache::ftsQuery splits a typed word into
// its tokens instead of a phrase), so positions were never read. No column sizes (no ranking), and
// only the two-character prefix index: longer prefixes match few enough terms to scan quickly.
const QStringList migration6 {
    QStringLiteral("CREATE VIRTUAL TABLE contacts_fts_v6 USING fts5("
                   "name, email, phone, phone_digits, company, tags,"
                   " tokenize = 'unicode61 remove_diacritics 2', prefix = '2', detail = none,"
                   " columnsize = 0)"),
    QStringLiteral("INSERT INTO contacts_fts_v6 (rowid, name, email, phone, phone_digits, company,"
                   " tags) SELECT rowid, name, email, phone, phone_digits, company, tags"
                   " FROM contacts_fts"),
    QStringLiteral("DROP TABLE contacts_fts"),
    QStringLiteral("ALTER TABLE contacts_fts_v6 RENAME TO contacts_fts"),
    // Every cached write paid for these two (random keys: a page of 100 contacts touched
    // about 100 index pages each); an import's ContactLookup reads e-mails and phones once into
    // memory instead.
    QStringLiteral("DROP INDEX IF EXISTS contacts_by_email"),
    QStringLiteral("DROP INDEX IF EXISTS contacts_by_phone"),
};

// Version 7: automations. Events from Your App (the inbox: every verified event, in arrival
// order, with what became of it), the links between Your App's user ids and contacts, and the
// origin of each outbox item, so that a desktop user's own edits are sent before an import's or
// an automation's (with the tasks the automation made, by Your App's task id).
const QStringList migration7 {
    QStringLiteral("CREATE TABLE app_events ("
                   " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " webhook_id TEXT NOT NULL,"
                   " type TEXT NOT NULL,"
                   " user_id TEXT NOT NULL DEFAULT '',"
                   " data TEXT NOT NULL DEFAULT '{}',"
                   " timestamp INTEGER NOT NULL DEFAULT 0,"
                   " source TEXT NOT NULL DEFAULT '',"
                   " status TEXT NOT NULL,"
                   " reason TEXT NOT NULL DEFAULT '',"
                   " received_at INTEGER NOT NULL,"
                   " updated_at INTEGER NOT NULL DEFAULT 0,"
                   " contact_id TEXT NOT NULL DEFAULT '',"
                   " items TEXT NOT NULL DEFAULT '[]',"
                   " duplicate_of INTEGER NOT NULL DEFAULT 0,"
                   " attempts INTEGER NOT NULL DEFAULT 0)"),
    // One stored event per webhook-id; duplicate deliveries are logged with duplicate_of set.
    QStringLiteral("CREATE UNIQUE INDEX app_events_by_webhook_id ON app_events(webhook_id)"
                   " WHERE duplicate_of = 0"),
    QStringLiteral("CREATE INDEX app_events_by_status ON app_events(status, seq)"),
    QStringLiteral("CREATE INDEX app_events_by_user ON app_events(user_id, seq)"),
    QStringLiteral("CREATE TABLE app_links ("
                   " user_id TEXT PRIMARY KEY,"
                   " contact_id TEXT NOT NULL,"
                   " linked_at INTEGER NOT NULL,"
                   " last_values TEXT NOT NULL DEFAULT '{}') WITHOUT ROWID"),
    QStringLiteral("CREATE INDEX app_links_by_contact ON app_links(contact_id)"),
    // The task a task.created made, by Your App's task id, so task.completed finds it.
    QStringLiteral("CREATE TABLE app_tasks ("
                   " app_task_id TEXT PRIMARY KEY,"
                   " user_id TEXT NOT NULL,"
                   " contact_id TEXT NOT NULL,"
                   " task_id TEXT NOT NULL) WITHOUT ROWID"),
    QStringLiteral("CREATE INDEX app_tasks_by_task ON app_tasks(task_id)"),
    QStringLiteral("ALTER TABLE outbox ADD COLUMN origin TEXT NOT NULL DEFAULT 'user'"),
    // The worker asks for the user's own items first (Outbox::nextReady).
    QStringLiteral("CREATE INDEX outbox_by_origin ON outbox(origin, state, id)"),
};

// Version 8: HighLevel's webhooks. Every delivery accepted, by webhookId (kept at least for the
// replay window, so a duplicate is recognised after a restart too), with its raw payload until
// it is applied to the cache, and what became of it.
const QStringList migration8 {
    QStringLiteral("CREATE TABLE highlevel_webhooks ("
                   " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " webhook_id TEXT NOT NULL UNIQUE,"
                   " type TEXT NOT NULL,"
                   " record_id TEXT NOT NULL DEFAULT '',"
                   " contact_id TEXT NOT NULL DEFAULT '',"
                   " timestamp INTEGER NOT NULL,"
                   " received_at INTEGER NOT NULL,"
                   " payload TEXT NOT NULL DEFAULT '',"
                   " status TEXT NOT NULL DEFAULT 'pending',"
                   " reason TEXT NOT NULL DEFAULT '')"),
    QStringLiteral("CREATE INDEX highlevel_webhooks_by_status ON highlevel_webhooks(status, seq)"),
    QStringLiteral("CREATE INDEX highlevel_webhooks_by_received"
                   " ON highlevel_webhooks(received_at)"),
    QStringLiteral("CREATE INDEX highlevel_webhooks_by_record"
                   " ON highlevel_webhooks(record_id, type, timestamp)"),
};

// Version 9: the change feed `contactdesk-cli serve` offers its subscribed desktops. Each
// webhook the ledger accepts is copied into webhook_feed by a trigger, in the ledger's own
// transaction (an accepted delivery is never missing from the feed), but only while a device
// is registered in feed_devices: a desktop that receives webhooks itself keeps no feed.
// AUTOINCREMENT keeps the event ids growing after old rows are pruned. feed_devices holds each
// device's token as a SHA-256 hash only; feed_subscriptions is the desktop's side: the last
// event id applied from each serve URL.
const QStringList migration9 {
    QStringLiteral("CREATE TABLE webhook_feed ("
                   " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " webhook_id TEXT NOT NULL,"
                   " type TEXT NOT NULL,"
                   " body TEXT NOT NULL,"
                   " received_at INTEGER NOT NULL)"),
    QStringLiteral("CREATE INDEX webhook_feed_by_received ON webhook_feed(received_at)"),
    QStringLiteral("CREATE TABLE feed_devices ("
                   " name TEXT PRIMARY KEY,"
                   " token_hash TEXT NOT NULL UNIQUE,"
                   " created_at INTEGER NOT NULL,"
                   " last_seen_at INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TABLE feed_subscriptions ("
                   " url TEXT PRIMARY KEY,"
                   " last_seq INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE TRIGGER webhook_feed_from_ledger AFTER INSERT ON highlevel_webhooks"
                   " WHEN EXISTS (SELECT 1 FROM feed_devices)"
                   " BEGIN"
                   " INSERT INTO webhook_feed (webhook_id, type, body, received_at)"
                   " VALUES (NEW.webhook_id, NEW.type, NEW.payload, NEW.received_at);"
                   " END"),
};

// Version 10: forwarding HighLevel's changes to Your App. The outbound queue, one row per
// event with the exact body sent, in order per destination; what became of each attempt, and
// the dead letters (refused, or out of attempts) until the user retries or discards them.
const QStringList migration10 {
    QStringLiteral("CREATE TABLE forward_queue ("
                   " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                   " destination TEXT NOT NULL,"
                   " event_id TEXT NOT NULL UNIQUE,"
                   " type TEXT NOT NULL,"
                   " contact_id TEXT NOT NULL DEFAULT '',"
                   " body BLOB NOT NULL,"
                   " state TEXT NOT NULL DEFAULT 'queued',"
                   " attempts INTEGER NOT NULL DEFAULT 0,"
                   " created_at INTEGER NOT NULL,"
                   " next_attempt_at INTEGER NOT NULL DEFAULT 0,"
                   " last_status INTEGER NOT NULL DEFAULT 0,"
                   " last_error TEXT NOT NULL DEFAULT '',"
                   " finished_at INTEGER NOT NULL DEFAULT 0)"),
    // The head of each destination: its oldest queued or in-flight event.
    QStringLiteral("CREATE INDEX forward_queue_by_destination"
                   " ON forward_queue(destination, state, seq)"),
    QStringLiteral("CREATE INDEX forward_queue_by_state ON forward_queue(state, seq)"),
};

} // namespace

const QStringList* statements(int version)
{
    switch (version) {
    case 1:
        return &migration1;
    case 2:
        return &migration2;
    case 3:
        return &migration3;
    case 4:
        return &migration4;
    case 5:
        return &migration5;
    case 6:
        return &migration6;
    case 7:
        return &migration7;
    case 8:
        return &migration8;
    case 9:
        return &migration9;
    case 10:
        return &migration10;
    default:
        return nullptr;
    }
}

} // namespace ContactDesk::Store::Migrations
