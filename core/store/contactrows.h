#pragma once

// Internal to core/store: writing contact rows with their tags and search-index entries, and the
// local status derived from the outbox. Shared by ContactCache (server writes), LocalEdits
// (optimistic writes) and Outbox (id rewrites, discards).

#include "api/models/contact.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/sqlutil.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Store::Rows {

inline const QString localIdPrefix = QStringLiteral("local-");
bool isLocalId(const QString& id);
QString newLocalId();

// The digits of a phone number, and the forms a user may type it in (with or without a
// country code): "15551234567 5551234567 551234567".
QString phoneDigitVariants(const QString& phone);
QString phoneDigits(const QString& phone);

// Field names (the contact's JSON keys) whose derived values follow them locally, as the server
// recomputes them on write: name follows firstName and lastName unless it was given.
void applyDerivedFields(QJsonObject* json, const QStringList& changedKeys);

// Tags compare without case, as the API treats them.
QStringList withTagsAdded(const QStringList& tags, const QStringList& add);
QStringList withTagsRemoved(const QStringList& tags, const QStringList& remove);

struct StoredContact
{
    qint64 rowId = 0;
    QString id;
    QJsonObject json;
    QString jsonText;
    LocalStatus status = LocalStatus::Synced;
    bool local = false;
    bool stale = false;
};

// Prepared statements for writing many contacts in one transaction.
class ContactWriter
{
public:
    explicit ContactWriter(Database& db);

    // nullopt when the contact is not cached or the read failed (then failed() is true).
    std::optional<StoredContact> load(const QString& id);
    bool failed() const { return m_failed; }
    // Returns the new rowid, 0 on failure.
    // `jsonText`: contact.toJson() as text when the caller has it already.
    qint64 insert(
        const QString& id, const Api::Contact& contact, bool local, const QString& jsonText = {});
    bool update(
        qint64 rowId, const Api::Contact& contact, bool clearStale, const QString& jsonText = {});

private:
    bool writeIndex(qint64 rowId, const Api::Contact& contact, bool replace);
    bool writeKeys(qint64 rowId, const Api::Contact& contact);

    Database& m_db;
    Sql::Statement m_load;
    Sql::Statement m_insert;
    Sql::Statement m_update;
    Sql::Statement m_writeKeys;
    Sql::Statement m_deleteTags;
    Sql::Statement m_insertTag;
    Sql::Statement m_deleteFts;
    Sql::Statement m_insertFts;
    bool m_failed = false;
};

// The tags column: a JSON array, so tags holding commas survive.
QString tagsText(const QStringList& tags);
QStringList tagsFromText(const QString& text);

std::optional<StoredContact> loadContact(Database& db, const QString& id);
std::optional<Api::Contact> decode(const QJsonObject& json);
// Removes the contact row, its tags, its index entry, tasks, notes, appointments and fetch
// times. Notifies contactsRemoved.
bool removeContact(Database& db, qint64 rowId, const QString& id);
// Recomputes the contact's local status from its unfinished outbox items; notifies a change.
bool refreshStatus(Database& db, const QString& contactId);
bool setStale(Database& db, const QString& contactId, bool stale);

} // namespace ContactDesk::Store::Rows
