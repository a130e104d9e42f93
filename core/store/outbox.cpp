#include "store/outbox.h"

#include "common/clock.h"
#include "store/childrows.h"
#include "store/contactrows.h"
#include "store/database.h"
#include "store/logging.h"
#include "store/outboxrows.h"
#include "store/sqlutil.h"
#include "store/trashrows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <array>

namespace ContactDesk::Store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Store::Outbox", text);
}

struct KindName
{
    OutboxKind kind;
    const char* name;
};

constexpr std::array<KindName, 13> kindNames {{
    {OutboxKind::CreateContact, "createContact"},
    {OutboxKind::UpdateContact, "updateContact"},
    {OutboxKind::DeleteContact, "deleteContact"},
    {OutboxKind::AddTags, "addTags"},
    {OutboxKind::RemoveTags, "removeTags"},
    {OutboxKind::CreateTask, "createTask"},
    {OutboxKind::UpdateTask, "updateTask"},
    {OutboxKind::CompleteTask, "completeTask"},
    {OutboxKind::DeleteTask, "deleteTask"},
    {OutboxKind::CreateNote, "createNote"},
    {OutboxKind::UpdateNote, "updateNote"},
    {OutboxKind::DeleteNote, "deleteNote"},
    {OutboxKind::UpsertContact, "upsertContact"},
}};

struct StateName
{
    OutboxState state;
    const char* name;
};

constexpr std::array<StateName, 6> stateNames {{
    {OutboxState::Queued, "queued"},
    {OutboxState::InFlight, "inFlight"},
    {OutboxState::Failed, "failed"},
    {OutboxState::Conflict, "conflict"},
    {OutboxState::OutcomeUnknown, "outcomeUnknown"},
    {OutboxState::Done, "done"},
}};

const QString itemColumns = QStringLiteral(
    "id, kind, contact_id, child_id, payload, base, theirs, state, attempts, next_attempt_at,"
    " last_error, created_at, depends_on, trash_id");

// The columns to read: a file of a schema before 7 (tests build old files) has no origin.
QString selectedColumns(Database& db)
{
    return db.schemaVersion() >= 7 ? itemColumns + QStringLiteral(", origin") : itemColumns;
}

OutboxItem readRow(const QSqlQuery& query)
{
    OutboxItem item;
    item.id = query.value(0).toLongLong();
    item.kind = Outbox::kindFromName(query.value(1).toString()).value_or(OutboxKind::UpdateContact);
    item.contactId = query.value(2).toString();
    item.childId = query.value(3).toString();
    item.payload = Sql::objectFromText(query.value(4).toString());
    item.base = Sql::objectFromText(query.value(5).toString());
    item.theirs = Sql::objectFromText(query.value(6).toString());
    item.state = Outbox::stateFromName(query.value(7).toString()).value_or(OutboxState::Queued);
    item.attempts = query.value(8).toInt();
    item.nextAttemptAtMs = query.value(9).toLongLong();
    item.lastError = query.value(10).toString();
    item.createdAtMs = query.value(11).toLongLong();
    item.dependsOn = query.value(12).toString();
    item.trashId = query.value(13).toLongLong();
    if (query.record().count() > 14)
        item.origin
            = Outbox::originFromName(query.value(14).toString()).value_or(OutboxOrigin::User);
    return item;
}

bool isTaskKind(OutboxKind kind)
{
    return kind == OutboxKind::CreateTask || kind == OutboxKind::UpdateTask
        || kind == OutboxKind::CompleteTask || kind == OutboxKind::DeleteTask;
}

bool isNoteKind(OutboxKind kind)
{
    return kind == OutboxKind::CreateNote || kind == OutboxKind::UpdateNote
        || kind == OutboxKind::DeleteNote;
}

// After any change to an item: the contact's status and the views that show it.
bool afterChange(Database& db, const OutboxItem& item)
{
    if (!Rows::refreshStatus(db, item.contactId))
        return false;
    if (!item.childId.isEmpty())
        db.notifyChildrenChanged(item.contactId);
    db.notifyOutboxChanged();
    return true;
}

// Replaces `localId` by `serverId` in the id fields of a JSON body.
QJsonObject withIdRewritten(QJsonObject json, const QString& localId, const QString& serverId)
{
    for (const QLatin1StringView key : {QLatin1StringView("id"), QLatin1StringView("contactId")}) {
        if (json.value(key).toString() == localId)
            json.insert(key, serverId);
    }
    return json;
}

// Puts the base values of `payload`'s fields back where the object still shows the payload's
// values (a later edit of the same field wins).
QJsonObject reverted(QJsonObject current, const QJsonObject& payload, const QJsonObject& base)
{
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (current.value(it.key()) != it.value())
            continue;
        const QJsonValue old = base.value(it.key());
        if (old.isUndefined())
            current.remove(it.key());
        else
            current.insert(it.key(), old);
    }
    return current;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

namespace Rows {

qint64 appendItem(Database& db, const OutboxItem& item)
{
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("INSERT INTO outbox (kind, contact_id, child_id, payload, base, theirs,"
                       " state, attempts, next_attempt_at, last_error, created_at, depends_on,"
                       " trash_id%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%2)")
            // The column's default is 'user' (and a file before schema 7 has no such column).
            .arg(item.origin == OutboxOrigin::User ? QString() : QStringLiteral(", origin"),
                item.origin == OutboxOrigin::User ? QString() : QStringLiteral(", ?")));
    query.addBindValue(Outbox::kindName(item.kind));
    query.addBindValue(Sql::bindable(item.contactId));
    query.addBindValue(Sql::bindable(item.childId));
    query.addBindValue(Sql::toText(item.payload));
    query.addBindValue(Sql::toText(item.base));
    query.addBindValue(Sql::toText(item.theirs));
    query.addBindValue(Outbox::stateName(item.state));
    query.addBindValue(Sql::bindable(item.attempts));
    query.addBindValue(Sql::bindable(item.nextAttemptAtMs));
    query.addBindValue(Sql::bindable(item.lastError));
    query.addBindValue(Sql::bindable(item.createdAtMs));
    query.addBindValue(Sql::bindable(item.dependsOn));
    query.addBindValue(Sql::bindable(item.trashId));
    if (item.origin != OutboxOrigin::User)
        query.addBindValue(Outbox::originName(item.origin));
    if (!Sql::exec(db, query))
        return 0;
    db.notifyOutboxChanged();
    return query.lastInsertId().toLongLong();
}

bool saveItem(Database& db, const OutboxItem& item)
{
    if (!Sql::run(db,
            QStringLiteral("UPDATE outbox SET contact_id = ?, child_id = ?, payload = ?, base = ?,"
                           " theirs = ?, state = ?, attempts = ?, next_attempt_at = ?,"
                           " last_error = ?, depends_on = ?, trash_id = ? WHERE id = ?"),
            {item.contactId, item.childId, Sql::toText(item.payload), Sql::toText(item.base),
                Sql::toText(item.theirs), Outbox::stateName(item.state), item.attempts,
                item.nextAttemptAtMs, item.lastError, item.dependsOn, item.trashId, item.id}))
        return false;
    db.notifyOutboxChanged();
    return true;
}

bool deleteItem(Database& db, qint64 id)
{
    if (!Sql::run(db, QStringLiteral("DELETE FROM outbox WHERE id = ?"), {id}))
        return false;
    db.notifyOutboxChanged();
    return true;
}

std::optional<OutboxItem> readItem(Database& db, qint64 id)
{
    const QList<OutboxItem> items = readItems(db, QStringLiteral("id = ?"), {id});
    if (items.isEmpty())
        return std::nullopt;
    return items.first();
}

QList<OutboxItem> readItems(
    Database& db, const QString& where, const QVariantList& values, int limit)
{
    QList<OutboxItem> items;
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY id LIMIT %3")
            .arg(selectedColumns(db), where)
            .arg(limit));
    query.setForwardOnly(true);
    for (const QVariant& value : values)
        query.addBindValue(Sql::bindable(value));
    if (!Sql::exec(db, query))
        return items;
    while (query.next())
        items.append(readRow(query));
    return items;
}

std::optional<OutboxItem> lastOpenItem(
    Database& db, const QString& contactId, const QString& childId)
{
    QSqlQuery query = Sql::prepare(db,
        QStringLiteral("SELECT %1 FROM outbox WHERE contact_id = ? AND state <> 'done'"
                       " AND (? = '' OR child_id = ?) ORDER BY id DESC LIMIT 1")
            .arg(selectedColumns(db)));
    query.setForwardOnly(true);
    query.addBindValue(contactId);
    query.addBindValue(Sql::text(childId));
    query.addBindValue(Sql::text(childId));
    if (!Sql::exec(db, query) || !query.next())
        return std::nullopt;
    return readRow(query);
}

bool appendHistory(
    Database& db, const QString& action, const QString& contactId, const QString& summary)
{
    return Sql::run(db,
        QStringLiteral("INSERT INTO history (at, action, contact_id, summary) VALUES (?, ?, ?, ?)"),
        {db.clock().nowMs(), action, contactId, summary});
}

} // namespace Rows

Outbox::Outbox(Database& database)
    : m_db(database)
{ }

std::optional<OutboxItem> Outbox::nextReady(qint64 nowMs) const
{
    const QString ready
        = QStringLiteral("state IN ('queued', 'outcomeUnknown') AND next_attempt_at <= ?"
                         " AND (depends_on = '' OR depends_on NOT LIKE 'local-%')"
                         " AND NOT EXISTS (SELECT 1 FROM outbox earlier"
                         "  WHERE earlier.contact_id = outbox.contact_id AND earlier.id < outbox.id"
                         "  AND earlier.state <> 'done')");
    // The desktop user's own edits first; then whatever holds one of them back (an import's or
    // automation's earlier item of the same contact); then the rest, oldest first.
    for (const QString& preference : {
             QStringLiteral("origin = 'user' AND "),
             QStringLiteral("contact_id IN (SELECT contact_id FROM outbox AS mine"
                            " WHERE mine.origin = 'user' AND mine.state IN ('queued',"
                            " 'outcomeUnknown')) AND "),
             QString(),
         }) {
        const QList<OutboxItem> items = Rows::readItems(m_db, preference + ready, {nowMs}, 1);
        if (!items.isEmpty())
            return items.first();
    }
    return std::nullopt;
}

std::optional<qint64> Outbox::nextAttemptAt() const
{
    const QVariant at = Sql::scalar(m_db,
        QStringLiteral("SELECT min(next_attempt_at) FROM outbox"
                       " WHERE state IN ('queued', 'outcomeUnknown')"
                       " AND (depends_on = '' OR depends_on NOT LIKE 'local-%')"
                       " AND NOT EXISTS (SELECT 1 FROM outbox earlier"
                       "  WHERE earlier.contact_id = outbox.contact_id AND earlier.id < outbox.id"
                       "  AND earlier.state <> 'done')"));
    if (at.isNull())
        return std::nullopt;
    return at.toLongLong();
}

bool Outbox::markInFlight(qint64 itemId)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item)
        return false;
    if (item->state != OutboxState::Queued && item->state != OutboxState::OutcomeUnknown)
        return false;
    // Remember that the outcome of an earlier send is unknown: a retryable failure of this
    // attempt must still reconcile before the next one.
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE outbox SET state = 'inFlight', attempts = attempts + 1,"
                           " reconcile = CASE WHEN state = 'outcomeUnknown' THEN 1 ELSE reconcile"
                           " END WHERE id = ?"),
            {itemId}))
        return false;
    return afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::markDone(qint64 itemId)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state == OutboxState::Done)
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE outbox SET state = 'done', done_at = ?, last_error = '',"
                           " reconcile = 0 WHERE id = ?"),
            {m_db.clock().nowMs(), itemId}))
        return false;
    m_db.notifyOutboxChanged();
    return afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::resolveLocalId(const QString& localId, const QString& serverId)
{
    if (!Rows::isLocalId(localId) || serverId.isEmpty() || localId == serverId)
        return false;
    Sql::Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;

    // The contact row keeps its rowid: the list does not move.
    Rows::ContactWriter writer(m_db);
    const auto local = writer.load(localId);
    if (writer.failed())
        return false;
    if (local) {
        // The sync engine may already have brought the server's copy (a create whose answer
        // was lost and then found): the local row, with the user's view, takes its place.
        const auto twin = writer.load(serverId);
        if (writer.failed())
            return false;
        if (twin && !Rows::removeContact(m_db, twin->rowId, serverId))
            return false;
        QJsonObject json = local->json;
        json.insert(QStringLiteral("id"), serverId);
        if (!Sql::run(m_db,
                QStringLiteral("UPDATE contacts SET id = ?, json = ?, local = 0 WHERE rid = ?"),
                {serverId, Sql::toText(json), local->rowId}))
            return false;
        m_db.notifyContactsChanged({local->rowId});
        for (const QString& table : {QStringLiteral("tasks"), QStringLiteral("notes")}) {
            QSqlQuery children = Sql::prepare(
                m_db, QStringLiteral("SELECT id, json FROM %1 WHERE contact_id = ?").arg(table));
            children.setForwardOnly(true);
            children.addBindValue(localId);
            if (!Sql::exec(m_db, children))
                return false;
            QList<QPair<QString, QString>> rewritten;
            while (children.next()) {
                const QJsonObject childJson = withIdRewritten(
                    Sql::objectFromText(children.value(1).toString()), localId, serverId);
                rewritten.append({children.value(0).toString(), Sql::toText(childJson)});
            }
            for (const auto& child : std::as_const(rewritten)) {
                if (!Sql::run(m_db,
                        QStringLiteral("UPDATE %1 SET contact_id = ?, json = ? WHERE id = ?")
                            .arg(table),
                        {serverId, child.second, child.first}))
                    return false;
            }
        }
        for (const QString& table :
            {QStringLiteral("appointments"), QStringLiteral("child_fetches")}) {
            if (!Sql::run(m_db,
                    QStringLiteral("UPDATE OR REPLACE %1 SET contact_id = ? WHERE contact_id = ?")
                        .arg(table),
                    {serverId, localId}))
                return false;
        }
        m_db.notifyChildrenChanged(serverId);
    }

    // A task or note of that id.
    for (const QString& table : {QStringLiteral("tasks"), QStringLiteral("notes")}) {
        QSqlQuery child = Sql::prepare(
            m_db, QStringLiteral("SELECT contact_id, json FROM %1 WHERE id = ?").arg(table));
        child.setForwardOnly(true);
        child.addBindValue(localId);
        if (!Sql::exec(m_db, child))
            return false;
        if (!child.next())
            continue;
        const QString contactId = child.value(0).toString();
        const QJsonObject json
            = withIdRewritten(Sql::objectFromText(child.value(1).toString()), localId, serverId);
        child.finish();
        if (!Sql::run(m_db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {serverId})
            || !Sql::run(m_db,
                QStringLiteral("UPDATE %1 SET id = ?, json = ? WHERE id = ?").arg(table),
                {serverId, Sql::toText(json), localId}))
            return false;
        m_db.notifyChildrenChanged(contactId);
    }

    // Outbox items, their bodies and their dependencies.
    const QList<OutboxItem> items
        = Rows::readItems(m_db, QStringLiteral("contact_id = ? OR child_id = ? OR depends_on = ?"),
            {localId, localId, localId});
    QStringList touchedContacts;
    for (OutboxItem item : items) {
        if (item.contactId == localId)
            item.contactId = serverId;
        if (item.childId == localId)
            item.childId = serverId;
        if (item.dependsOn == localId)
            item.dependsOn = serverId;
        item.payload = withIdRewritten(item.payload, localId, serverId);
        item.base = withIdRewritten(item.base, localId, serverId);
        if (!Rows::saveItem(m_db, item))
            return false;
        if (!touchedContacts.contains(item.contactId))
            touchedContacts.append(item.contactId);
    }
    for (const QString& statement : {
             QStringLiteral("UPDATE trash SET contact_id = ? WHERE contact_id = ?"),
             QStringLiteral("UPDATE trash SET restored_as = ? WHERE restored_as = ?"),
             QStringLiteral("UPDATE history SET contact_id = ? WHERE contact_id = ?"),
         }) {
        if (!Sql::run(m_db, statement, {serverId, localId}))
            return false;
    }
    // Automations: the links of Your App's users and tasks, and the events about them.
    if (m_db.schemaVersion() >= 7) {
        for (const QString& statement : {
                 QStringLiteral("UPDATE app_links SET contact_id = ? WHERE contact_id = ?"),
                 QStringLiteral("UPDATE app_events SET contact_id = ? WHERE contact_id = ?"),
                 QStringLiteral("UPDATE app_tasks SET contact_id = ? WHERE contact_id = ?"),
                 QStringLiteral("UPDATE app_tasks SET task_id = ? WHERE task_id = ?"),
             }) {
            if (!Sql::run(m_db, statement, {serverId, localId}))
                return false;
        }
    }
    for (const QString& contactId : std::as_const(touchedContacts)) {
        if (!Rows::refreshStatus(m_db, contactId))
            return false;
    }
    m_db.notifyLocalIdResolved(localId, serverId);
    m_db.notifyOutboxChanged();
    return transaction.commit();
}

bool Outbox::scheduleRetry(qint64 itemId, qint64 nextAttemptAtMs, const QString& error)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state == OutboxState::Done)
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE outbox SET state = CASE WHEN reconcile <> 0 OR state ="
                           " 'outcomeUnknown' THEN 'outcomeUnknown' ELSE 'queued' END,"
                           " next_attempt_at = ?, last_error = ? WHERE id = ?"),
            {nextAttemptAtMs, error, itemId}))
        return false;
    return afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::markFailed(qint64 itemId, const QString& message)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state == OutboxState::Done)
        return false;
    item->state = OutboxState::Failed;
    item->lastError = message;
    return Rows::saveItem(m_db, *item) && afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::markConflict(qint64 itemId, const QJsonObject& theirs)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state == OutboxState::Done)
        return false;
    item->state = OutboxState::Conflict;
    item->theirs = theirs;
    item->lastError
        = tr("Changed on the server as well: %1").arg(theirs.keys().join(QStringLiteral(", ")));
    return Rows::saveItem(m_db, *item) && afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::markOutcomeUnknown(qint64 itemId, qint64 nextAttemptAtMs, const QString& error)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state == OutboxState::Done)
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE outbox SET state = 'outcomeUnknown', reconcile = 1,"
                           " next_attempt_at = ?, last_error = ? WHERE id = ?"),
            {nextAttemptAtMs, error, itemId}))
        return false;
    return afterChange(m_db, *item) && transaction.commit();
}

QList<OutboxItem> Outbox::list() const
{
    return Rows::readItems(m_db, QStringLiteral("state <> 'done'"));
}

QList<OutboxItem> Outbox::itemsForContact(const QString& contactId) const
{
    return Rows::readItems(m_db, QStringLiteral("contact_id = ? AND state <> 'done'"), {contactId});
}

std::optional<OutboxItem> Outbox::item(qint64 itemId) const
{
    return Rows::readItem(m_db, itemId);
}

bool Outbox::retry(qint64 itemId)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item)
        return false;
    if (item->state != OutboxState::Failed && item->state != OutboxState::OutcomeUnknown
        && item->state != OutboxState::Queued)
        return false;
    if (!Sql::run(m_db,
            QStringLiteral("UPDATE outbox SET state = CASE WHEN reconcile <> 0 OR state ="
                           " 'outcomeUnknown' THEN 'outcomeUnknown' ELSE 'queued' END,"
                           " next_attempt_at = 0, attempts = 0, last_error = '' WHERE id = ?"),
            {itemId}))
        return false;
    return afterChange(m_db, *item) && transaction.commit();
}

bool Outbox::discard(qint64 itemId)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item)
        return false;
    if (item->state == OutboxState::InFlight || item->state == OutboxState::Done)
        return false;

    const Rows::ChildKind childKind
        = isNoteKind(item->kind) ? Rows::ChildKind::Note : Rows::ChildKind::Task;
    const QString fetchKind = isNoteKind(item->kind) ? Rows::notesFetch : Rows::tasksFetch;
    QString summary;

    switch (item->kind) {
    case OutboxKind::CreateContact:
    case OutboxKind::UpsertContact: {
        // Never created: the local contact goes, with everything waiting on it.
        const auto stored = Rows::loadContact(m_db, item->contactId);
        if (stored && !Rows::removeContact(m_db, stored->rowId, item->contactId))
            return false;
        if (!Sql::run(m_db,
                QStringLiteral("DELETE FROM outbox WHERE state <> 'done' AND id <> ? AND"
                               " (contact_id = ? OR depends_on = ?)"),
                {itemId, item->contactId, item->contactId}))
            return false;
        if (item->trashId != 0
            && !Sql::run(m_db, QStringLiteral("UPDATE trash SET restored_as = '' WHERE id = ?"),
                {item->trashId}))
            return false;
        summary = tr("Discarded the creation of this contact");
        break;
    }
    case OutboxKind::CreateTask:
    case OutboxKind::CreateNote:
        if (!Rows::removeChild(m_db, childKind, item->childId)
            || !Sql::run(m_db,
                QStringLiteral("DELETE FROM outbox WHERE state <> 'done' AND id <> ? AND"
                               " (child_id = ? OR depends_on = ?)"),
                {itemId, item->childId, item->childId}))
            return false;
        summary = item->kind == OutboxKind::CreateTask ? tr("Discarded a new task")
                                                       : tr("Discarded a new note");
        break;
    case OutboxKind::UpdateContact:
    case OutboxKind::AddTags:
    case OutboxKind::RemoveTags: {
        Rows::ContactWriter writer(m_db);
        const auto stored = writer.load(item->contactId);
        if (writer.failed())
            return false;
        if (stored) {
            QJsonObject json = stored->json;
            if (item->kind == OutboxKind::UpdateContact) {
                json = reverted(json, item->payload, item->base);
                Rows::applyDerivedFields(&json, item->payload.keys());
            } else {
                const QStringList changed = stringList(item->payload.value(QStringLiteral("tags")));
                const QStringList before = stringList(item->base.value(QStringLiteral("tags")));
                QStringList tags = stringList(json.value(QStringLiteral("tags")));
                QStringList undo;
                for (const QString& tag : changed) {
                    if (before.contains(tag, Qt::CaseInsensitive)
                        == (item->kind == OutboxKind::AddTags))
                        continue;
                    undo.append(tag);
                }
                tags = item->kind == OutboxKind::AddTags ? Rows::withTagsRemoved(tags, undo)
                                                         : Rows::withTagsAdded(tags, undo);
                json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
            }
            const auto contact = Rows::decode(json);
            if (contact && !writer.update(stored->rowId, *contact, false))
                return false;
            // What the server has is only known after a fetch.
            if (!stored->local && !Rows::setStale(m_db, item->contactId, true))
                return false;
        }
        summary = tr("Discarded a change");
        break;
    }
    case OutboxKind::DeleteContact: {
        // The contact comes back from the trash as it was; the server is asked again.
        const QVariant trashId = Sql::scalar(m_db,
            QStringLiteral("SELECT id FROM trash WHERE contact_id = ? AND restored_as = ''"
                           " ORDER BY id DESC LIMIT 1"),
            {item->contactId});
        if (!trashId.isNull()) {
            const auto entry = Rows::trashEntry(m_db, trashId.toLongLong());
            Rows::ContactWriter writer(m_db);
            if (entry && !writer.load(item->contactId) && !writer.failed()) {
                Api::Contact contact = entry->contact;
                contact.id = item->contactId;
                if (writer.insert(item->contactId, contact, Rows::isLocalId(item->contactId)) == 0)
                    return false;
                for (const Api::Task& task : entry->tasks) {
                    if (!Rows::writeTask(m_db, task))
                        return false;
                }
                for (const Api::Note& note : entry->notes) {
                    if (!Rows::writeNote(m_db, note))
                        return false;
                }
                if (!Sql::run(m_db, QStringLiteral("DELETE FROM trash WHERE id = ?"), {entry->id}))
                    return false;
                m_db.notifyChildrenChanged(item->contactId);
            }
            if (writer.failed())
                return false;
        }
        if (!Rows::isLocalId(item->contactId) && !Rows::setStale(m_db, item->contactId, true))
            return false;
        summary = tr("Discarded the deletion of this contact");
        break;
    }
    case OutboxKind::UpdateTask:
    case OutboxKind::CompleteTask:
    case OutboxKind::UpdateNote: {
        const auto json = Rows::childJson(m_db, childKind, item->contactId, item->childId);
        if (json
            && !Rows::writeChildJson(m_db, childKind, reverted(*json, item->payload, item->base)))
            return false;
        if (!Rows::invalidateFetch(m_db, item->contactId, fetchKind))
            return false;
        summary = tr("Discarded a change");
        break;
    }
    case OutboxKind::DeleteTask:
    case OutboxKind::DeleteNote:
        // The base of a delete is the whole item as it was.
        if (!item->base.isEmpty() && !Rows::writeChildJson(m_db, childKind, item->base))
            return false;
        if (!Rows::invalidateFetch(m_db, item->contactId, fetchKind))
            return false;
        summary = tr("Discarded a deletion");
        break;
    }

    if (!Rows::deleteItem(m_db, itemId)
        || !Rows::appendHistory(m_db, QStringLiteral("discard"), item->contactId, summary)
        || !afterChange(m_db, *item))
        return false;
    if (isTaskKind(item->kind) || isNoteKind(item->kind))
        m_db.notifyChildrenChanged(item->contactId);
    return transaction.commit();
}

bool Outbox::resolveConflict(qint64 itemId, const QJsonObject& chosenFields)
{
    Sql::Transaction transaction(m_db);
    auto item = Rows::readItem(m_db, itemId);
    if (!transaction.isActive() || !item || item->state != OutboxState::Conflict)
        return false;

    // The cache shows the chosen values.
    if (item->kind == OutboxKind::UpdateContact) {
        Rows::ContactWriter writer(m_db);
        const auto stored = writer.load(item->contactId);
        if (writer.failed())
            return false;
        if (stored) {
            QJsonObject json = stored->json;
            for (auto it = chosenFields.begin(); it != chosenFields.end(); ++it)
                json.insert(it.key(), it.value());
            Rows::applyDerivedFields(&json, chosenFields.keys());
            const auto contact = Rows::decode(json);
            if (!contact || !writer.update(stored->rowId, *contact, false))
                return false;
        }
    } else if (!item->childId.isEmpty()) {
        const Rows::ChildKind kind
            = isNoteKind(item->kind) ? Rows::ChildKind::Note : Rows::ChildKind::Task;
        const auto json = Rows::childJson(m_db, kind, item->contactId, item->childId);
        if (json) {
            QJsonObject edited = *json;
            for (auto it = chosenFields.begin(); it != chosenFields.end(); ++it)
                edited.insert(it.key(), it.value());
            if (!Rows::writeChildJson(m_db, kind, edited))
                return false;
        }
    }

    // Fields without a conflict go as they were; a chosen value the server already has needs
    // no request.
    QJsonObject payload;
    QJsonObject base;
    for (auto it = item->payload.begin(); it != item->payload.end(); ++it) {
        if (item->theirs.contains(it.key()) || chosenFields.contains(it.key()))
            continue;
        payload.insert(it.key(), it.value());
        base.insert(it.key(), item->base.value(it.key()));
    }
    for (auto it = chosenFields.begin(); it != chosenFields.end(); ++it) {
        if (item->theirs.value(it.key()) == it.value())
            continue;
        payload.insert(it.key(), it.value());
        base.insert(it.key(), item->theirs.value(it.key()));
    }

    if (payload.isEmpty()) {
        if (!Sql::run(m_db,
                QStringLiteral("UPDATE outbox SET state = 'done', done_at = ?, last_error = '',"
                               " theirs = '{}' WHERE id = ?"),
                {m_db.clock().nowMs(), itemId}))
            return false;
        m_db.notifyOutboxChanged();
    } else {
        item->payload = payload;
        item->base = base;
        item->theirs = {};
        item->state = OutboxState::Queued;
        item->lastError.clear();
        item->attempts = 0;
        item->nextAttemptAtMs = 0;
        if (!Rows::saveItem(m_db, *item))
            return false;
    }
    if (!Rows::appendHistory(m_db, QStringLiteral("resolveConflict"), item->contactId,
            tr("Resolved a conflict: %1").arg(chosenFields.keys().join(QStringLiteral(", ")))))
        return false;
    return afterChange(m_db, *item) && transaction.commit();
}

int Outbox::pendingCount() const
{
    return Sql::scalar(
        m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'done'"), {}, 0)
        .toInt();
}

bool Outbox::purgeDone(qint64 doneBeforeMs)
{
    return Sql::run(m_db, QStringLiteral("DELETE FROM outbox WHERE state = 'done' AND done_at < ?"),
        {doneBeforeMs});
}

StoreError Outbox::lastError() const
{
    return m_db.lastError();
}

QString Outbox::kindName(OutboxKind kind)
{
    for (const KindName& entry : kindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<OutboxKind> Outbox::kindFromName(const QString& name)
{
    for (const KindName& entry : kindNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

QString Outbox::stateName(OutboxState state)
{
    for (const StateName& entry : stateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<OutboxState> Outbox::stateFromName(const QString& name)
{
    for (const StateName& entry : stateNames) {
        if (name == QLatin1StringView(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

QString Outbox::originName(OutboxOrigin origin)
{
    switch (origin) {
    case OutboxOrigin::User:
        return QStringLiteral("user");
    case OutboxOrigin::Import:
        return QStringLiteral("import");
    case OutboxOrigin::Automation:
        return QStringLiteral("automation");
    }
    return QStringLiteral("user");
}

std::optional<OutboxOrigin> Outbox::originFromName(const QString& name)
{
    for (const OutboxOrigin origin :
        {OutboxOrigin::User, OutboxOrigin::Import, OutboxOrigin::Automation}) {
        if (name == originName(origin))
            return origin;
    }
    return std::nullopt;
}

bool Outbox::isCreate(OutboxKind kind)
{
    return kind == OutboxKind::CreateContact || kind == OutboxKind::UpsertContact
        || kind == OutboxKind::CreateTask || kind == OutboxKind::CreateNote;
}

} // namespace ContactDesk::Store
