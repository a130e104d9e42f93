#pragma once

#include "api/models/contact.h"
#include "store/storeerror.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <Qt>
#include <QVector>

#include <optional>

namespace ContactDesk::Store {

class Database;

// Where a cached contact (or task, note) stands against the server, for the list's status icon.
enum class LocalStatus
{
    Synced, // nothing waiting in the outbox
    Pending, // an outbox item is queued or on its way
    Failed, // an outbox item failed permanently; statusMessage has the server's reason
    Conflict, // an update met a server change of the same field; the user must choose
};

// The columns the list sorts by. Empty values always sort last, in both orders.
enum class SortColumn
{
    Name,
    Email,
    Phone,
    Company,
    Tags,
    DateAdded,
    DateUpdated,
};

// One list row: what the contact list shows, without decoding the full contact.
struct ContactSummary
{
    qint64 rowId = 0;
    QString id; // server id, or "local-<uuid>" until the create lands
    QString displayName;
    QString email;
    QString phone;
    QString company;
    QStringList tags;
    qint64 dateAddedMs = 0; // 0 when the server did not send it
    qint64 dateUpdatedMs = 0;
    LocalStatus localStatus = LocalStatus::Synced;
    QString statusMessage; // the failure or conflict text, empty when Synced or Pending
    bool local = false; // created here, not yet on the server
    bool stale = false; // a local change was discarded: the sync engine re-fetches it

    bool operator==(const ContactSummary& other) const = default;
};

// The contacts table: the full wire JSON of each contact plus the columns the list sorts,
// filters and searches by, and the FTS5 index over name, email, phone (and its digits), company
// and tags. The integer rowid is the stable handle for models: it survives updates and the
// change of a local id into a server id.
//
// Writes from the server side are for the sync engine; user changes go through LocalEdits so
// that each has its outbox item.
class ContactCache
{
public:
    explicit ContactCache(Database& database);

    // Server-side writes, each in ONE transaction. A contact with pending local edits keeps the
    // local values of the fields it has pending (the outbox item holds their base for conflict
    // detection), a contact with a pending delete is not brought back, and a stale mark is
    // cleared. Emits contactsInserted for new rows and contactsChanged for the others.
    bool upsertFromServer(const QList<Api::Contact>& contacts);
    // Contacts gone from the server (reconciliation, a not-found answer): removed with their
    // tasks, notes and appointments. Unknown ids are ignored.
    bool removeFromServer(const QStringList& ids);
    // Every cached id that came from the server (local creates excluded), for reconciliation.
    QStringList allServerIds() const;
    // The same ids with their dateAdded (0 when the server did not send it), oldest first: the
    // sync engine compares their counts per dateAdded range with the server's to find contacts
    // deleted there without listing every id.
    QList<QPair<qint64, QString>> serverIdsByDateAdded() const;
    // Contacts whose local change was discarded and whose server state must be fetched again.
    QStringList staleIds() const;

    std::optional<Api::Contact> contact(const QString& id) const;
    std::optional<Api::Contact> contactByRowId(qint64 rowId) const;
    std::optional<ContactSummary> summary(const QString& id) const;
    int count() const;
    // Rowids in list order, optionally only contacts carrying `tag` (compared without case).
    // Ties are broken by rowid so the order is stable. Sorted in memory from a narrow table of
    // sort keys: tens of ms for 100k, and no sort index for a sync to keep up to date.
    QVector<qint64> orderedRowIds(
        SortColumn column, Qt::SortOrder order, const QString& tag = {}) const;
    // FTS5 prefix search: every typed word becomes its tokens, the last one a prefix, and all
    // must match. Rowids sorted
    // ascending so a model can intersect them with its order cheaply. Blank text (or text with
    // no letter or digit) matches nothing: the caller shows the unfiltered list instead.
    QVector<qint64> matchingRowIds(const QString& text) const;
    // One query for a window of rows (up to a few hundred), in the order of `rowIds`; rowids
    // that no longer exist are skipped.
    QList<ContactSummary> summaries(const QVector<qint64>& rowIds) const;
    // 0 when the id is not cached.
    qint64 rowIdFor(const QString& contactId) const;
    QString idForRowId(qint64 rowId) const;
    // Every tag in use, sorted without case, each once (first spelling seen).
    QStringList allTags() const;

    StoreError lastError() const;

    // The list's name for a contact: name, else first + last, else email, else phone.
    static QString displayName(const Api::Contact& contact);
    // The FTS query for typed text ("jo smi" -> "jo"* "smi"*, "dave@be" -> "dave" "be"*); empty
    // when nothing searchable.
    static QString ftsQuery(const QString& text);

private:
    Database& m_db;
};

} // namespace ContactDesk::Store
