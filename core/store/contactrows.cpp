#include "store/contactrows.h"

#include "store/sqlutil.h"

#include <QJsonArray>
#include <QUuid>
#include <QVariant>

namespace ContactDesk::Store::Rows {

namespace {

const QLatin1StringView nameKey("name");
const QLatin1StringView firstNameKey("firstName");
const QLatin1StringView lastNameKey("lastName");

qint64 ms(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString sortTags(QStringList tags)
{
    for (QString& tag : tags)
        tag = tag.toCaseFolded();
    tags.sort();
    return tags.join(QStringLiteral(", "));
}

QString searchName(const Api::Contact& contact)
{
    QStringList parts {ContactCache::displayName(contact)};
    const QString full = (contact.firstName + QLatin1Char(' ') + contact.lastName).trimmed();
    if (!full.isEmpty() && full.compare(parts.first(), Qt::CaseInsensitive) != 0)
        parts.append(full);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString tagsText(const QStringList& tags)
{
    return tags.isEmpty() ? QString() : Sql::toText(QJsonArray::fromStringList(tags));
}

QStringList tagsFromText(const QString& text)
{
    QStringList tags;
    if (text.isEmpty())
        return tags;
    const QJsonArray array = Sql::arrayFromText(text);
    for (const QJsonValue& value : array)
        tags.append(value.toString());
    return tags;
}

bool isLocalId(const QString& id)
{
    return id.startsWith(localIdPrefix);
}

QString newLocalId()
{
    return localIdPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString phoneDigits(const QString& phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    return digits;
}

QString phoneDigitVariants(const QString& phone)
{
    const QString digits = phoneDigits(phone);
    // Country codes are one to three digits: dropping each gives the national digits a user
    // types ("5551234" for +1 555-123-4...), without knowing the country.
    QStringList variants;
    for (int skip = 0; skip <= 3 && digits.size() - skip >= 4; ++skip)
        variants.append(digits.mid(skip));
    return variants.join(QLatin1Char(' '));
}

void applyDerivedFields(QJsonObject* json, const QStringList& changedKeys)
{
    const bool namePartChanged
        = changedKeys.contains(firstNameKey) || changedKeys.contains(lastNameKey);
    if (namePartChanged && !changedKeys.contains(nameKey)) {
        const QString name = (json->value(firstNameKey).toString() + QLatin1Char(' ')
            + json->value(lastNameKey).toString())
                                 .trimmed();
        if (name.isEmpty())
            json->remove(nameKey);
        else
            json->insert(nameKey, name);
    }
}

QStringList withTagsAdded(const QStringList& tags, const QStringList& add)
{
    QStringList result = tags;
    for (const QString& tag : add) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed, Qt::CaseInsensitive))
            result.append(trimmed);
    }
    return result;
}

QStringList withTagsRemoved(const QStringList& tags, const QStringList& remove)
{
    QStringList result;
    for (const QString& tag : tags) {
        if (!remove.contains(tag.trimmed(), Qt::CaseInsensitive))
            result.append(tag);
    }
    return result;
}

ContactWriter::ContactWriter(Database& db)
    : m_db(db)
    , m_load(db,
          QStringLiteral("SELECT rid, json, local_status, local, stale FROM contacts"
                         " WHERE id = ?"))
    , m_insert(db,
          QStringLiteral("INSERT INTO contacts (id, json, display_name, email, phone, company,"
                         " tags, date_added, date_updated, local)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_update(db,
          QStringLiteral("UPDATE contacts SET json = ?, display_name = ?, email = ?, phone = ?,"
                         " company = ?, tags = ?, date_added = ?, date_updated = ?,"
                         " stale = CASE WHEN ? THEN 0 ELSE stale END WHERE rid = ?"))
    , m_writeKeys(db,
          QStringLiteral("INSERT OR REPLACE INTO contact_keys (rid, name, email, phone, company,"
                         " tags, date_added, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_deleteTags(db, QStringLiteral("DELETE FROM contact_tags WHERE rid = ?"))
    , m_insertTag(db,
          QStringLiteral("INSERT OR IGNORE INTO contact_tags (rid, tag_key, tag) VALUES (?, ?, ?)"))
    , m_deleteFts(db, QStringLiteral("DELETE FROM contacts_fts WHERE rowid = ?"))
    , m_insertFts(db,
          QStringLiteral("INSERT INTO contacts_fts (rowid, name, email, phone, phone_digits,"
                         " company, tags) VALUES (?, ?, ?, ?, ?, ?, ?)"))
{
    m_failed = !m_load.isValid() || !m_insert.isValid() || !m_update.isValid()
        || !m_writeKeys.isValid() || !m_deleteTags.isValid() || !m_insertTag.isValid()
        || !m_deleteFts.isValid() || !m_insertFts.isValid();
}

std::optional<StoredContact> ContactWriter::load(const QString& id)
{
    if (m_failed)
        return std::nullopt;
    m_load.bind(1, id);
    const Sql::Statement::Step step = m_load.step();
    if (step == Sql::Statement::Step::Error) {
        m_failed = true;
        m_load.reset();
        return std::nullopt;
    }
    if (step == Sql::Statement::Step::Done) {
        m_load.reset();
        return std::nullopt;
    }
    StoredContact stored;
    stored.rowId = m_load.int64(0);
    stored.id = id;
    stored.jsonText = m_load.text(1);
    stored.json = Sql::objectFromText(stored.jsonText);
    stored.status = LocalStatus(m_load.int64(2));
    stored.local = m_load.int64(3) != 0;
    stored.stale = m_load.int64(4) != 0;
    m_load.reset();
    return stored;
}

qint64 ContactWriter::insert(
    const QString& id, const Api::Contact& contact, bool local, const QString& jsonText)
{
    if (m_failed)
        return 0;
    int i = 1;
    m_insert.bind(i++, id);
    m_insert.bind(i++, jsonText.isEmpty() ? QString::fromUtf8(contact.toJsonText()) : jsonText);
    m_insert.bind(i++, ContactCache::displayName(contact));
    m_insert.bind(i++, contact.email);
    m_insert.bind(i++, contact.phone);
    m_insert.bind(i++, contact.companyName);
    m_insert.bind(i++, tagsText(contact.tags));
    m_insert.bind(i++, ms(contact.dateAdded));
    m_insert.bind(i++, ms(contact.dateUpdated));
    m_insert.bind(i++, qint64(local));
    if (!m_insert.run())
        return 0;
    const qint64 rowId = m_insert.lastInsertRowId();
    if (!writeKeys(rowId, contact) || !writeIndex(rowId, contact, false))
        return 0;
    m_db.notifyContactsInserted({rowId});
    return rowId;
}

bool ContactWriter::update(
    qint64 rowId, const Api::Contact& contact, bool clearStale, const QString& jsonText)
{
    if (m_failed)
        return false;
    int i = 1;
    m_update.bind(i++, jsonText.isEmpty() ? QString::fromUtf8(contact.toJsonText()) : jsonText);
    m_update.bind(i++, ContactCache::displayName(contact));
    m_update.bind(i++, contact.email);
    m_update.bind(i++, contact.phone);
    m_update.bind(i++, contact.companyName);
    m_update.bind(i++, tagsText(contact.tags));
    m_update.bind(i++, ms(contact.dateAdded));
    m_update.bind(i++, ms(contact.dateUpdated));
    m_update.bind(i++, qint64(clearStale));
    m_update.bind(i++, rowId);
    if (!m_update.run() || !writeKeys(rowId, contact) || !writeIndex(rowId, contact, true))
        return false;
    m_db.notifyContactsChanged({rowId});
    return true;
}

bool ContactWriter::writeKeys(qint64 rowId, const Api::Contact& contact)
{
    int i = 1;
    m_writeKeys.bind(i++, rowId);
    m_writeKeys.bind(i++, ContactCache::displayName(contact).toCaseFolded());
    m_writeKeys.bind(i++, contact.email.toCaseFolded());
    m_writeKeys.bind(i++, phoneDigits(contact.phone));
    m_writeKeys.bind(i++, contact.companyName.trimmed().toCaseFolded());
    m_writeKeys.bind(i++, sortTags(contact.tags));
    m_writeKeys.bind(i++, ms(contact.dateAdded));
    m_writeKeys.bind(i++, ms(contact.dateUpdated));
    return m_writeKeys.run();
}

bool ContactWriter::writeIndex(qint64 rowId, const Api::Contact& contact, bool replace)
{
    if (replace) {
        m_deleteTags.bind(1, rowId);
        m_deleteFts.bind(1, rowId);
        if (!m_deleteTags.run() || !m_deleteFts.run())
            return false;
    }
    for (const QString& tag : contact.tags) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty())
            continue;
        m_insertTag.bind(1, rowId);
        m_insertTag.bind(2, trimmed.toCaseFolded());
        m_insertTag.bind(3, trimmed);
        if (!m_insertTag.run())
            return false;
    }
    int i = 1;
    m_insertFts.bind(i++, rowId);
    m_insertFts.bind(i++, searchName(contact));
    m_insertFts.bind(i++, contact.email);
    m_insertFts.bind(i++, contact.phone);
    m_insertFts.bind(i++, phoneDigitVariants(contact.phone));
    m_insertFts.bind(i++, contact.companyName);
    m_insertFts.bind(i++, contact.tags.join(QLatin1Char(' ')));
    return m_insertFts.run();
}

std::optional<StoredContact> loadContact(Database& db, const QString& id)
{
    ContactWriter writer(db);
    return writer.load(id);
}

std::optional<Api::Contact> decode(const QJsonObject& json)
{
    QString error;
    return Api::Contact::fromJson(json, &error);
}

bool removeContact(Database& db, qint64 rowId, const QString& id)
{
    const QStringList statements {
        QStringLiteral("DELETE FROM contacts_fts WHERE rowid = ?"),
        QStringLiteral("DELETE FROM contact_tags WHERE rid = ?"),
        QStringLiteral("DELETE FROM contact_keys WHERE rid = ?"),
        QStringLiteral("DELETE FROM contacts WHERE rid = ?"),
    };
    for (const QString& statement : statements) {
        if (!Sql::run(db, statement, {rowId}))
            return false;
    }
    const QStringList children {
        QStringLiteral("DELETE FROM tasks WHERE contact_id = ?"),
        QStringLiteral("DELETE FROM notes WHERE contact_id = ?"),
        QStringLiteral("DELETE FROM appointments WHERE contact_id = ?"),
        QStringLiteral("DELETE FROM child_fetches WHERE contact_id = ?"),
    };
    for (const QString& statement : children) {
        if (!Sql::run(db, statement, {id}))
            return false;
    }
    db.notifyContactsRemoved({rowId});
    db.notifyChildrenChanged(id);
    return true;
}

bool refreshStatus(Database& db, const QString& contactId)
{
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT state, last_error FROM outbox WHERE contact_id = ?"
                       " AND state <> 'done' ORDER BY id"));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    if (!Sql::exec(db, query))
        return false;
    LocalStatus status = LocalStatus::Synced;
    QString message;
    while (query.next()) {
        const QString state = query.value(0).toString();
        if (state == QLatin1StringView("failed")) {
            if (status != LocalStatus::Failed) {
                status = LocalStatus::Failed;
                message = query.value(1).toString();
            }
        } else if (state == QLatin1StringView("conflict")) {
            if (status != LocalStatus::Failed && status != LocalStatus::Conflict) {
                status = LocalStatus::Conflict;
                message = query.value(1).toString();
            }
        } else if (status == LocalStatus::Synced) {
            status = LocalStatus::Pending;
        }
    }
    query.finish();
    QSqlQuery current = Sql::prepare(
        db, QStringLiteral("SELECT rid, local_status, status_message FROM contacts WHERE id = ?"));
    current.addBindValue(contactId);
    if (!Sql::exec(db, current))
        return false;
    if (!current.next())
        return true;
    const qint64 rowId = current.value(0).toLongLong();
    if (current.value(1).toInt() == int(status) && current.value(2).toString() == message)
        return true;
    current.finish();
    if (!Sql::run(db,
            QStringLiteral(
                "UPDATE contacts SET local_status = ?, status_message = ? WHERE rid = ?"),
            {int(status), message, rowId}))
        return false;
    db.notifyContactsChanged({rowId});
    return true;
}

bool setStale(Database& db, const QString& contactId, bool stale)
{
    const qint64 rowId
        = Sql::scalar(db, QStringLiteral("SELECT rid FROM contacts WHERE id = ?"), {contactId}, 0)
              .toLongLong();
    if (rowId == 0)
        return true;
    if (!Sql::run(
            db, QStringLiteral("UPDATE contacts SET stale = ? WHERE rid = ?"), {stale, rowId}))
        return false;
    db.notifyContactsChanged({rowId});
    return true;
}

} // namespace ContactDesk::Store::Rows
