#include "store/contactcache.h"

#include "store/contactrows.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlutil.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

namespace {

const QLatin1StringView tagsKey("tags");

struct SortSpec
{
    const char* column;
    bool numeric;
};

SortSpec sortSpec(SortColumn column)
{
    switch (column) {
    case SortColumn::Name:
        return {"name", false};
    case SortColumn::Email:
        return {"email", false};
    case SortColumn::Phone:
        return {"phone", false};
    case SortColumn::Company:
        return {"company", false};
    case SortColumn::Tags:
        return {"tags", false};
    case SortColumn::DateAdded:
        return {"date_added", true};
    case SortColumn::DateUpdated:
        return {"date_updated", true};
    }
    return {"name", false};
}

const QString summaryColumns = QStringLiteral(
    "rid, id, display_name, email, phone, company, tags, date_added, date_updated, local_status,"
    " status_message, local, stale");

ContactSummary readSummary(const QSqlQuery& query)
{
    ContactSummary summary;
    summary.rowId = query.value(0).toLongLong();
    summary.id = query.value(1).toString();
    summary.displayName = query.value(2).toString();
    summary.email = query.value(3).toString();
    summary.phone = query.value(4).toString();
    summary.company = query.value(5).toString();
    summary.tags = Rows::tagsFromText(query.value(6).toString());
    summary.dateAddedMs = query.value(7).toLongLong();
    summary.dateUpdatedMs = query.value(8).toLongLong();
    summary.localStatus = LocalStatus(query.value(9).toInt());
    summary.statusMessage = query.value(10).toString();
    summary.local = query.value(11).toBool();
    summary.stale = query.value(12).toBool();
    return summary;
}

// The server's contact with the local values of the fields the outbox still has to send, so
// a sync never overwrites what the user sees before the edit lands.
Api::Contact withPendingFields(
    Database& db, const Api::Contact& server, const Rows::StoredContact& stored, bool* ok)
{
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT kind, payload FROM outbox WHERE contact_id = ? AND state <> 'done'"
                       " AND kind IN ('updateContact', 'addTags', 'removeTags') ORDER BY id"));
    query.setForwardOnly(true);
    query.addBindValue(stored.id);
    *ok = Sql::exec(db, query);
    if (!*ok)
        return server;
    QJsonObject merged = server.toJson();
    QStringList pendingKeys;
    QStringList tags = server.tags;
    bool tagsPending = false;
    while (query.next()) {
        const auto kind = Outbox::kindFromName(query.value(0).toString());
        const QJsonObject payload = Sql::objectFromText(query.value(1).toString());
        if (kind == OutboxKind::UpdateContact) {
            for (auto it = payload.begin(); it != payload.end(); ++it) {
                if (!pendingKeys.contains(it.key()))
                    pendingKeys.append(it.key());
            }
            continue;
        }
        QStringList changed;
        for (const QJsonValue& tag : payload.value(tagsKey).toArray())
            changed.append(tag.toString());
        tags = kind == OutboxKind::AddTags ? Rows::withTagsAdded(tags, changed)
                                           : Rows::withTagsRemoved(tags, changed);
        tagsPending = true;
    }
    if (pendingKeys.isEmpty() && !tagsPending)
        return server;
    for (const QString& key : std::as_const(pendingKeys)) {
        const QJsonValue local = stored.json.value(key);
        if (local.isUndefined())
            merged.remove(key);
        else
            merged.insert(key, local);
    }
    if (tagsPending)
        merged.insert(tagsKey, QJsonArray::fromStringList(tags));
    Rows::applyDerivedFields(&merged, pendingKeys);
    const auto decoded = Rows::decode(merged);
    return decoded ? *decoded : server;
}

} // namespace

ContactCache::ContactCache(Database& database)
    : m_db(database)
{ }

bool ContactCache::upsertFromServer(const QList<Api::Contact>& contacts)
{
    if (contacts.isEmpty())
        return true;
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;

    // A contact the user deleted here stays deleted, even if the server still lists it.
    QSet<QString> deletedHere;
    {
        QSqlQuery deletes = Sql::prepare(
            m_db, QStringLiteral("SELECT contact_id FROM outbox WHERE kind = 'deleteContact'"));
        deletes.setForwardOnly(true);
        if (!Sql::exec(m_db, deletes))
            return false;
        while (deletes.next())
            deletedHere.insert(deletes.value(0).toString());
    }

    // A failed write may leave the cached statements mid-step: the next call prepares afresh.
    struct DropOnFailure
    {
        Database& db;
        bool ok = false;
        ~DropOnFailure()
        {
            if (!ok)
                db.dropContactWriter();
        }
    } guard {m_db};
    Rows::ContactWriter& writer = m_db.contactWriter();
    if (writer.failed())
        return false;
    for (const Api::Contact& contact : contacts) {
        if (contact.id.isEmpty() || deletedHere.contains(contact.id))
            continue;
        const auto stored = writer.load(contact.id);
        if (writer.failed())
            return false;
        if (!stored) {
            if (writer.insert(contact.id, contact, false, QString::fromUtf8(contact.toJsonText()))
                == 0)
                return false;
            continue;
        }
        Api::Contact merged = contact;
        if (stored->status != LocalStatus::Synced) {
            bool ok = false;
            merged = withPendingFields(m_db, contact, *stored, &ok);
            if (!ok)
                return false;
        }
        // A page often repeats what is cached (the cursor's overlap, a reconciliation):
        // rewriting it would only churn the index.
        const QString jsonText = QString::fromUtf8(merged.toJsonText());
        if (!stored->stale && jsonText == stored->jsonText)
            continue;
        if (!writer.update(stored->rowId, merged, true, jsonText))
            return false;
    }
    guard.ok = transaction.commit();
    return guard.ok;
}

bool ContactCache::removeFromServer(const QStringList& ids)
{
    if (ids.isEmpty())
        return true;
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;
    QSqlQuery find = Sql::prepare(m_db, QStringLiteral("SELECT rid FROM contacts WHERE id = ?"));
    find.setForwardOnly(true);
    for (const QString& id : ids) {
        if (Rows::isLocalId(id))
            continue;
        find.bindValue(0, id);
        if (!Sql::exec(m_db, find))
            return false;
        if (!find.next())
            continue;
        const qint64 rowId = find.value(0).toLongLong();
        find.finish();
        if (!Rows::removeContact(m_db, rowId, id))
            return false;
    }
    return transaction.commit();
}

QStringList ContactCache::allServerIds() const
{
    QStringList ids;
    QSqlQuery query = Sql::prepare(m_db, QStringLiteral("SELECT id FROM contacts WHERE local = 0"));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query))
        return ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

QList<QPair<qint64, QString>> ContactCache::serverIdsByDateAdded() const
{
    QList<QPair<qint64, QString>> ids;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT date_added, id FROM contacts WHERE local = 0 ORDER BY date_added"));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query))
        return ids;
    while (query.next())
        ids.append({query.value(0).toLongLong(), query.value(1).toString()});
    return ids;
}

QStringList ContactCache::staleIds() const
{
    QStringList ids;
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT id FROM contacts WHERE stale <> 0 ORDER BY rid"));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query))
        return ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

std::optional<Api::Contact> ContactCache::contact(const QString& id) const
{
    const QVariant json
        = Sql::scalar(m_db, QStringLiteral("SELECT json FROM contacts WHERE id = ?"), {id});
    if (json.isNull())
        return std::nullopt;
    return Rows::decode(Sql::objectFromText(json.toString()));
}

std::optional<Api::Contact> ContactCache::contactByRowId(qint64 rowId) const
{
    const QVariant json
        = Sql::scalar(m_db, QStringLiteral("SELECT json FROM contacts WHERE rid = ?"), {rowId});
    if (json.isNull())
        return std::nullopt;
    return Rows::decode(Sql::objectFromText(json.toString()));
}

std::optional<ContactSummary> ContactCache::summary(const QString& id) const
{
    QSqlQuery query = Sql::prepare(
        m_db, QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(summaryColumns));
    query.setForwardOnly(true);
    query.addBindValue(id);
    if (!Sql::exec(m_db, query) || !query.next())
        return std::nullopt;
    return readSummary(query);
}

int ContactCache::count() const
{
    return Sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM contacts"), {}, 0).toInt();
}

QVector<qint64> ContactCache::orderedRowIds(
    SortColumn column, Qt::SortOrder order, const QString& tag) const
{
    const SortSpec spec = sortSpec(column);
    const QString key = QLatin1StringView(spec.column);
    const QString statement = tag.isEmpty()
        ? QStringLiteral("SELECT rid, %1 FROM contact_keys").arg(key)
        : QStringLiteral("SELECT k.rid, k.%1 FROM contact_tags t JOIN contact_keys k"
                         " ON k.rid = t.rid WHERE t.tag_key = ?")
              .arg(key);
    const QStringList values
        = tag.isEmpty() ? QStringList() : QStringList {tag.trimmed().toCaseFolded()};
    QVector<qint64> rowIds;
    if (!Sql::sortedRowIds(m_db, statement, values, spec.numeric, order, &rowIds))
        return {};
    return rowIds;
}

QVector<qint64> ContactCache::matchingRowIds(const QString& text) const
{
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return {};
    QVector<qint64> rowIds;
    if (!Sql::integerColumn(m_db,
            QStringLiteral("SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?"
                           " ORDER BY rowid"),
            {match}, &rowIds))
        return {};
    return rowIds;
}

QList<ContactSummary> ContactCache::summaries(const QVector<qint64>& rowIds) const
{
    QList<ContactSummary> result;
    if (rowIds.isEmpty())
        return result;
    QJsonArray ids;
    for (qint64 rowId : rowIds)
        ids.append(rowId);
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral("SELECT %1 FROM contacts WHERE rid IN (SELECT value FROM json_each(?))")
            .arg(summaryColumns));
    query.setForwardOnly(true);
    query.addBindValue(Sql::toText(ids));
    if (!Sql::exec(m_db, query))
        return result;
    QHash<qint64, ContactSummary> byRow;
    byRow.reserve(rowIds.size());
    while (query.next()) {
        ContactSummary summary = readSummary(query);
        byRow.insert(summary.rowId, std::move(summary));
    }
    result.reserve(byRow.size());
    for (qint64 rowId : rowIds) {
        const auto it = byRow.constFind(rowId);
        if (it != byRow.cend())
            result.append(*it);
    }
    return result;
}

qint64 ContactCache::rowIdFor(const QString& contactId) const
{
    return Sql::scalar(
        m_db, QStringLiteral("SELECT rid FROM contacts WHERE id = ?"), {contactId}, 0)
        .toLongLong();
}

QString ContactCache::idForRowId(qint64 rowId) const
{
    return Sql::scalar(m_db, QStringLiteral("SELECT id FROM contacts WHERE rid = ?"), {rowId})
        .toString();
}

QStringList ContactCache::allTags() const
{
    QStringList tags;
    QSqlQuery query = Sql::prepare(m_db,
        QStringLiteral(
            "SELECT tag_key, min(tag) FROM contact_tags GROUP BY tag_key ORDER BY tag_key"));
    query.setForwardOnly(true);
    if (!Sql::exec(m_db, query))
        return tags;
    while (query.next())
        tags.append(query.value(1).toString());
    return tags;
}

StoreError ContactCache::lastError() const
{
    return m_db.lastError();
}

QString ContactCache::displayName(const Api::Contact& contact)
{
    const QString name = contact.name.trimmed();
    if (!name.isEmpty())
        return name;
    const QString full
        = (contact.firstName.trimmed() + QLatin1Char(' ') + contact.lastName.trimmed()).trimmed();
    if (!full.isEmpty())
        return full;
    if (!contact.email.trimmed().isEmpty())
        return contact.email.trimmed();
    return contact.phone.trimmed();
}

QString ContactCache::ftsQuery(const QString& text)
{
    // The index has no token positions (schema 6), so a typed word is not a phrase: it becomes
    // its tokens as the unicode61 tokenizer cuts them (letters and digits, the rest separates),
    // all required, the last one as a prefix ("dave@be" -> "dave" "be"*). Quotes and FTS
    // operators are separators, so no term needs escaping and "OR" stays a word.
    QStringList terms;
    QString token;
    const auto flush = [&terms, &token](bool prefix) {
        if (token.isEmpty())
            return;
        terms.append(
            QLatin1Char('"') + token + (prefix ? QStringLiteral("\"*") : QStringLiteral("\"")));
        token.clear();
    };
    for (const QString& word :
        text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        for (const QChar c : word) {
            if (c.isLetterOrNumber() || c.isMark())
                token.append(c);
            else
                flush(false);
        }
        if (token.isEmpty() && !terms.isEmpty() && !terms.last().endsWith(QLatin1Char('*')))
            terms.last().append(QLatin1Char('*'));
        flush(true);
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace ContactDesk::Store
