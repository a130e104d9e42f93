#include "store/localedits.h"

#include "common/clock.h"
#include "store/childcache.h"
#include "store/childrows.h"
#include "store/contactrows.h"
#include "store/database.h"
#include "store/logging.h"
#include "store/outboxrows.h"
#include "store/sqlutil.h"
#include "store/trashrows.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Store {

namespace {

const QLatin1StringView idKey("id");
const QLatin1StringView contactIdKey("contactId");
const QLatin1StringView tagsKey("tags");
const QLatin1StringView dateAddedKey("dateAdded");
const QLatin1StringView dateUpdatedKey("dateUpdated");
const QLatin1StringView completedKey("completed");

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& v : value.toArray())
        list.append(v.toString());
    return list;
}

// A field set to null and a field that is absent both mean "not set".
bool sameValue(const QJsonValue& a, const QJsonValue& b)
{
    const bool aEmpty = a.isUndefined() || a.isNull();
    const bool bEmpty = b.isUndefined() || b.isNull();
    if (aEmpty || bEmpty)
        return aEmpty == bEmpty;
    return a == b;
}

QJsonValue baseValue(const QJsonObject& json, const QString& key)
{
    const QJsonValue value = json.value(key);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonObject withoutServerFields(QJsonObject json)
{
    json.remove(idKey);
    json.remove(dateAddedKey);
    json.remove(dateUpdatedKey);
    return json;
}

// An item the worker has not taken yet, or one the server refused: an edit may still change it.
bool foldable(const OutboxItem& item)
{
    return item.state == OutboxState::Queued || item.state == OutboxState::Failed;
}

// The edits made in one transaction: the optimistic change, its outbox item and its history row.
class Edit
{
public:
    Edit(Database& db, OutboxOrigin origin)
        : m_db(db)
        , m_now(db.clock().nowMs())
        , m_origin(origin)
    { }

    qint64 now() const { return m_now; }

    qint64 append(OutboxKind kind, const QString& contactId, const QString& childId,
        const QJsonObject& payload, const QJsonObject& base, qint64 trashId = 0)
    {
        OutboxItem item;
        item.kind = kind;
        item.contactId = contactId;
        item.childId = childId;
        item.payload = payload;
        item.base = base;
        item.createdAtMs = m_now;
        item.trashId = trashId;
        item.origin = m_origin;
        // What must exist on the server first: the contact, or for a change of a task or note
        // created here, that task or note.
        if (kind != OutboxKind::CreateContact && kind != OutboxKind::UpsertContact
            && Rows::isLocalId(contactId))
            item.dependsOn = contactId;
        else if (!Outbox::isCreate(kind) && Rows::isLocalId(childId))
            item.dependsOn = childId;
        return Rows::appendItem(m_db, item);
    }

    // Folds a change of fields into an update item (or the create) still waiting, or appends a
    // new update item.
    bool foldOrAppend(OutboxKind createKind, OutboxKind updateKind, const QString& contactId,
        const QString& childId, const QJsonObject& changes, const QJsonObject& base,
        const QJsonObject& createPayload)
    {
        auto last = Rows::lastOpenItem(m_db, contactId, childId);
        if (last && last->childId == childId && foldable(*last)) {
            if (last->kind == createKind) {
                last->payload = createPayload;
                return requeue(&*last);
            }
            // An import's upsert takes the change too (its tags go as their own item).
            if (createKind == OutboxKind::CreateContact
                && last->kind == OutboxKind::UpsertContact) {
                last->payload = createPayload;
                last->payload.remove(tagsKey);
                return requeue(&*last);
            }
            if (last->kind == updateKind) {
                for (auto it = changes.begin(); it != changes.end(); ++it) {
                    if (!last->base.contains(it.key()))
                        last->base.insert(it.key(), base.value(it.key()));
                    last->payload.insert(it.key(), it.value());
                    // Changed back to what the server has: nothing to send for it.
                    if (sameValue(last->payload.value(it.key()), last->base.value(it.key()))) {
                        last->payload.remove(it.key());
                        last->base.remove(it.key());
                    }
                }
                if (last->payload.isEmpty())
                    return Rows::deleteItem(m_db, last->id);
                return requeue(&*last);
            }
        }
        return append(updateKind, contactId, childId, changes, base) != 0;
    }

    bool requeue(OutboxItem* item)
    {
        // The user's change is in it now: it goes as the user's, before an import's or an
        // automation's.
        if (m_origin == OutboxOrigin::User && item->origin != OutboxOrigin::User) {
            if (!Sql::run(m_db, QStringLiteral("UPDATE outbox SET origin = 'user' WHERE id = ?"),
                    {item->id}))
                return false;
            item->origin = OutboxOrigin::User;
        }
        if (item->state == OutboxState::Failed) {
            // The user changed what the server refused: it goes again.
            item->state = OutboxState::Queued;
            item->attempts = 0;
            item->nextAttemptAtMs = 0;
            item->lastError.clear();
        }
        return Rows::saveItem(m_db, *item);
    }

    bool history(const QString& action, const QString& contactId, const QString& summary)
    {
        return Rows::appendHistory(m_db, action, contactId, summary);
    }

    // Drops the items of a contact (or of one of its children) that were never sent; returns
    // whether its create was among them, i.e. the server never heard of it.
    bool dropUnsent(const QString& contactId, const QString& childId, bool* createDropped)
    {
        const QList<OutboxItem> items = Rows::readItems(m_db,
            QStringLiteral("contact_id = ? AND (? = '' OR child_id = ?)"
                           " AND state IN ('queued', 'failed', 'conflict')"),
            {contactId, childId, childId});
        *createDropped = false;
        for (const OutboxItem& item : items) {
            // A create the server refused (Failed) or that was never sent made nothing there. One
            // queued again after a retryable failure may have: it goes, and the delete after it.
            if (Outbox::isCreate(item.kind) && item.childId == childId) {
                if (item.state == OutboxState::Queued && item.attempts > 0)
                    continue;
                *createDropped = true;
            }
            if (!Rows::deleteItem(m_db, item.id))
                return false;
        }
        return true;
    }

private:
    Database& m_db;
    qint64 m_now;
    OutboxOrigin m_origin;
};

} // namespace

LocalEdits::LocalEdits(Database& database, QObject* parent)
    : QObject(parent)
    , m_db(database)
{
    connect(&m_db, &Database::contactsChanged, this, &LocalEdits::contactsChanged);
    connect(&m_db, &Database::contactsInserted, this, &LocalEdits::contactsInserted);
    connect(&m_db, &Database::contactsRemoved, this, &LocalEdits::contactsRemoved);
    connect(&m_db, &Database::contactsReset, this, &LocalEdits::contactsReset);
    connect(&m_db, &Database::childrenChanged, this, &LocalEdits::childrenChanged);
    connect(&m_db, &Database::outboxChanged, this, &LocalEdits::outboxChanged);
    connect(&m_db, &Database::localIdResolved, this, &LocalEdits::localIdResolved);
}

LocalEdits::~LocalEdits() = default;

QString LocalEdits::createContact(const Api::Contact& draft)
{
    const QString id = Rows::newLocalId();
    const QString name = ContactCache::displayName(draft);
    run(id, tr("New contact %1").arg(name), [this, id, draft, name](bool*) {
        Edit edit(m_db, m_origin);
        Api::Contact contact = draft;
        contact.id = id;
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(edit.now(), Qt::UTC);
        contact.dateAdded = now;
        contact.dateUpdated = now;
        Rows::ContactWriter writer(m_db);
        return writer.insert(id, contact, true) != 0
            && edit.append(
                OutboxKind::CreateContact, id, {}, withoutServerFields(contact.toJson()), {})
            && edit.history(QStringLiteral("createContact"), id, tr("Created %1").arg(name))
            && Rows::refreshStatus(m_db, id);
    });
    return id;
}

QString LocalEdits::upsertContact(const Api::Contact& draft)
{
    const QString id = Rows::newLocalId();
    const QString name = ContactCache::displayName(draft);
    run(id, tr("New contact %1").arg(name), [this, id, draft, name](bool*) {
        Edit edit(m_db, m_origin);
        Api::Contact contact = draft;
        contact.id = id;
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(edit.now(), Qt::UTC);
        contact.dateAdded = now;
        contact.dateUpdated = now;
        QJsonObject payload = withoutServerFields(contact.toJson());
        payload.remove(tagsKey);
        Rows::ContactWriter writer(m_db);
        const bool written = writer.insert(id, contact, true) != 0
            && edit.append(OutboxKind::UpsertContact, id, {}, payload, {})
            && edit.history(QStringLiteral("upsertContact"), id,
                m_origin == OutboxOrigin::Automation ? tr("Created %1 from Your App").arg(name)
                                                     : tr("Imported %1").arg(name));
        if (!written)
            return false;
        if (!contact.tags.isEmpty()
            && edit.append(OutboxKind::AddTags, id, {},
                   QJsonObject {{tagsKey, QJsonArray::fromStringList(contact.tags)}},
                   QJsonObject {{tagsKey, QJsonArray()}})
                == 0)
            return false;
        return Rows::refreshStatus(m_db, id);
    });
    return id;
}

EditOutcome LocalEdits::updateContact(const QString& contactId, const QJsonObject& changedFields)
{
    const QString name
        = ContactCache(m_db).summary(contactId).value_or(ContactSummary()).displayName;
    return run(contactId,
        tr("Change of %1: %2").arg(name, changedFields.keys().join(QStringLiteral(", "))),
        [this, contactId, changedFields](bool* rejected) {
            Edit edit(m_db, m_origin);
            Rows::ContactWriter writer(m_db);
            const auto stored = writer.load(contactId);
            if (writer.failed())
                return false;
            if (!stored) {
                *rejected = true;
                return true;
            }
            QJsonObject changes = changedFields;
            for (const QLatin1StringView key : {idKey, dateAddedKey, dateUpdatedKey})
                changes.remove(key);
            QStringList addTags;
            QStringList removeTags;
            if (changes.contains(tagsKey)) {
                if (!changes.value(tagsKey).isArray()) {
                    *rejected = true;
                    return true;
                }
                const QStringList wanted = stringList(changes.take(tagsKey));
                const QStringList current = stringList(stored->json.value(tagsKey));
                for (const QString& tag : wanted) {
                    if (!current.contains(tag.trimmed(), Qt::CaseInsensitive))
                        addTags.append(tag);
                }
                for (const QString& tag : current) {
                    if (!wanted.contains(tag, Qt::CaseInsensitive))
                        removeTags.append(tag);
                }
            }
            for (const QString& key : changes.keys()) {
                if (sameValue(changes.value(key), stored->json.value(key)))
                    changes.remove(key);
            }
            if (changes.isEmpty() && addTags.isEmpty() && removeTags.isEmpty()) {
                *rejected = true;
                return true;
            }
            if (!changes.isEmpty()) {
                QJsonObject json = stored->json;
                QJsonObject base;
                for (auto it = changes.begin(); it != changes.end(); ++it) {
                    base.insert(it.key(), baseValue(stored->json, it.key()));
                    json.insert(it.key(), it.value());
                }
                Rows::applyDerivedFields(&json, changes.keys());
                const auto contact = Rows::decode(json);
                if (!contact) {
                    *rejected = true;
                    return true;
                }
                if (!writer.update(stored->rowId, *contact, false)
                    || !edit.foldOrAppend(OutboxKind::CreateContact, OutboxKind::UpdateContact,
                        contactId, {}, changes, base, withoutServerFields(contact->toJson()))
                    || !edit.history(QStringLiteral("updateContact"), contactId,
                        tr("Changed %1").arg(changes.keys().join(QStringLiteral(", ")))))
                    return false;
            }
            bool changed = false;
            if (!addTags.isEmpty() && !applyTags(contactId, addTags, true, &changed))
                return false;
            if (!removeTags.isEmpty() && !applyTags(contactId, removeTags, false, &changed))
                return false;
            return Rows::refreshStatus(m_db, contactId);
        });
}

bool LocalEdits::applyTags(
    const QString& contactId, const QStringList& tags, bool add, bool* changed)
{
    Edit edit(m_db, m_origin);
    Rows::ContactWriter writer(m_db);
    const auto stored = writer.load(contactId);
    if (writer.failed())
        return false;
    if (!stored)
        return true;
    const QStringList current = stringList(stored->json.value(tagsKey));
    QStringList delta;
    for (const QString& raw : tags) {
        const QString tag = raw.trimmed();
        if (tag.isEmpty() || delta.contains(tag, Qt::CaseInsensitive))
            continue;
        if (current.contains(tag, Qt::CaseInsensitive) != add)
            delta.append(tag);
    }
    if (delta.isEmpty())
        return true;
    const QStringList now
        = add ? Rows::withTagsAdded(current, delta) : Rows::withTagsRemoved(current, delta);
    QJsonObject json = stored->json;
    json.insert(tagsKey, QJsonArray::fromStringList(now));
    const auto contact = Rows::decode(json);
    if (!contact)
        return true;
    if (!writer.update(stored->rowId, *contact, false))
        return false;
    *changed = true;

    // A contact not yet created simply gets the tags in its create.
    auto last = Rows::lastOpenItem(m_db, contactId);
    if (last && last->kind == OutboxKind::CreateContact && foldable(*last)) {
        last->payload.insert(tagsKey, QJsonArray::fromStringList(now));
        if (!edit.requeue(&*last))
            return false;
    } else if (edit.append(add ? OutboxKind::AddTags : OutboxKind::RemoveTags, contactId, {},
                   QJsonObject {{tagsKey, QJsonArray::fromStringList(delta)}},
                   QJsonObject {{tagsKey, QJsonArray::fromStringList(current)}})
        == 0) {
        return false;
    }
    const QString list = delta.join(QStringLiteral(", "));
    return edit.history(add ? QStringLiteral("addTags") : QStringLiteral("removeTags"), contactId,
               add ? tr("Added tags: %1").arg(list) : tr("Removed tags: %1").arg(list))
        && Rows::refreshStatus(m_db, contactId);
}

EditOutcome LocalEdits::deleteContact(const QString& contactId)
{
    return deleteContacts({contactId});
}

EditOutcome LocalEdits::deleteContacts(const QStringList& contactIds)
{
    QString description;
    if (contactIds.size() == 1) {
        description = tr("Deletion of %1")
                          .arg(ContactCache(m_db)
                                   .summary(contactIds.first())
                                   .value_or(ContactSummary())
                                   .displayName);
    } else {
        description = tr("Deletion of %n contact(s)", nullptr, int(contactIds.size()));
    }
    return run(contactIds.value(0), description, [this, contactIds](bool* rejected) {
        Edit edit(m_db, m_origin);
        Rows::ContactWriter writer(m_db);
        int deleted = 0;
        for (const QString& contactId : contactIds) {
            const auto stored = writer.load(contactId);
            if (writer.failed())
                return false;
            if (!stored)
                continue;
            // First the trash, with everything HighLevel's own restore would lose.
            const QList<Api::Task> tasks = Rows::tasksOf(m_db, contactId);
            const QList<Api::Note> notes = Rows::notesOf(m_db, contactId);
            // When the cache holds the server's lists, the delete need not read them again
            // (the outbox worker decides by their age): said in the item, since the lists
            // leave the cache with the contact.
            QJsonObject held;
            const ChildCache children(m_db);
            if (const std::optional<qint64> at = children.tasksFetchedAt(contactId))
                held.insert(QStringLiteral("tasksFetchedAt"), double(*at));
            if (const std::optional<qint64> at = children.notesFetchedAt(contactId))
                held.insert(QStringLiteral("notesFetchedAt"), double(*at));
            if (!Sql::run(m_db,
                    QStringLiteral("INSERT INTO trash (contact_id, snapshot, deleted_at)"
                                   " VALUES (?, ?, ?)"),
                    {contactId, Rows::encodeSnapshot(stored->json, tasks, notes), edit.now()}))
                return false;
            if (!Rows::removeContact(m_db, stored->rowId, contactId))
                return false;
            // Changes not sent yet are moot (the trash keeps their result); a contact whose
            // create was never sent needs no delete either.
            bool createDropped = false;
            if (!edit.dropUnsent(contactId, {}, &createDropped))
                return false;
            if (!createDropped
                && edit.append(OutboxKind::DeleteContact, contactId, {}, held, {}) == 0)
                return false;
            const QString name
                = ContactCache::displayName(Rows::decode(stored->json).value_or(Api::Contact()));
            if (!edit.history(QStringLiteral("deleteContact"), contactId,
                    tr("Deleted %1 with %n task(s)", nullptr, int(tasks.size())).arg(name)
                        + QLatin1Char(' ') + tr("and %n note(s)", nullptr, int(notes.size()))))
                return false;
            ++deleted;
        }
        if (deleted == 0)
            *rejected = true;
        return true;
    });
}

EditOutcome LocalEdits::addTags(const QStringList& contactIds, const QStringList& tags)
{
    return run(contactIds.value(0),
        tr("Tags %1 added to %n contact(s)", nullptr, int(contactIds.size()))
            .arg(tags.join(QStringLiteral(", "))),
        [this, contactIds, tags](bool* rejected) {
            bool changed = false;
            for (const QString& contactId : contactIds) {
                if (!applyTags(contactId, tags, true, &changed))
                    return false;
            }
            *rejected = !changed;
            return true;
        });
}

EditOutcome LocalEdits::removeTags(const QStringList& contactIds, const QStringList& tags)
{
    return run(contactIds.value(0),
        tr("Tags %1 removed from %n contact(s)", nullptr, int(contactIds.size()))
            .arg(tags.join(QStringLiteral(", "))),
        [this, contactIds, tags](bool* rejected) {
            bool changed = false;
            for (const QString& contactId : contactIds) {
                if (!applyTags(contactId, tags, false, &changed))
                    return false;
            }
            *rejected = !changed;
            return true;
        });
}

QString LocalEdits::createTask(const QString& contactId, const Api::Task& draft)
{
    if (m_unsaved.isEmpty() && ContactCache(m_db).rowIdFor(contactId) == 0)
        return {};
    const QString taskId = Rows::newLocalId();
    const EditOutcome outcome = run(contactId, tr("New task “%1”").arg(draft.title),
        [this, contactId, taskId, draft](bool* rejected) {
            if (ContactCache(m_db).rowIdFor(contactId) == 0) {
                *rejected = true;
                return true;
            }
            Edit edit(m_db, m_origin);
            Api::Task task = draft;
            task.id = taskId;
            task.contactId = contactId;
            if (!task.dateAdded.isValid())
                task.dateAdded = QDateTime::fromMSecsSinceEpoch(edit.now(), Qt::UTC);
            QJsonObject payload = withoutServerFields(task.toJson());
            return Rows::writeTask(m_db, task)
                && edit.append(OutboxKind::CreateTask, contactId, taskId, payload, {}) != 0
                && edit.history(
                    QStringLiteral("createTask"), contactId, tr("Added task “%1”").arg(task.title))
                && notifyChild(contactId);
        });
    return outcome == EditOutcome::Rejected ? QString() : taskId;
}

EditOutcome LocalEdits::updateTask(
    const QString& contactId, const QString& taskId, const QJsonObject& changedFields)
{
    return updateChild(Rows::ChildKind::Task, contactId, taskId, changedFields);
}

EditOutcome LocalEdits::completeTask(
    const QString& contactId, const QString& taskId, bool completed)
{
    return run(contactId, completed ? tr("Task completed") : tr("Task reopened"),
        [this, contactId, taskId, completed](bool* rejected) {
            Edit edit(m_db, m_origin);
            const auto json = Rows::childJson(m_db, Rows::ChildKind::Task, contactId, taskId);
            if (!json || json->value(completedKey).toBool() == completed) {
                *rejected = true;
                return true;
            }
            QJsonObject task = *json;
            task.insert(completedKey, completed);
            if (!Rows::writeChildJson(m_db, Rows::ChildKind::Task, task))
                return false;
            auto last = Rows::lastOpenItem(m_db, contactId, taskId);
            bool ok = true;
            if (last && last->childId == taskId && foldable(*last)
                && last->kind == OutboxKind::CreateTask) {
                last->payload.insert(completedKey, completed);
                ok = edit.requeue(&*last);
            } else if (last && last->childId == taskId && foldable(*last)
                && last->kind == OutboxKind::CompleteTask) {
                // Toggled back before it was sent: nothing to send.
                ok = Rows::deleteItem(m_db, last->id);
            } else {
                ok = edit.append(OutboxKind::CompleteTask, contactId, taskId,
                         QJsonObject {{completedKey, completed}},
                         QJsonObject {{completedKey, !completed}})
                    != 0;
            }
            const QString title = task.value(QStringLiteral("title")).toString();
            return ok
                && edit.history(QStringLiteral("completeTask"), contactId,
                    completed ? tr("Completed task “%1”").arg(title)
                              : tr("Reopened task “%1”").arg(title))
                && notifyChild(contactId);
        });
}

EditOutcome LocalEdits::deleteTask(const QString& contactId, const QString& taskId)
{
    return deleteChild(Rows::ChildKind::Task, contactId, taskId);
}

QString LocalEdits::createNote(const QString& contactId, const Api::Note& draft)
{
    if (m_unsaved.isEmpty() && ContactCache(m_db).rowIdFor(contactId) == 0)
        return {};
    const QString noteId = Rows::newLocalId();
    const EditOutcome outcome
        = run(contactId, tr("New note"), [this, contactId, noteId, draft](bool* rejected) {
              if (ContactCache(m_db).rowIdFor(contactId) == 0) {
                  *rejected = true;
                  return true;
              }
              Edit edit(m_db, m_origin);
              Api::Note note = draft;
              note.id = noteId;
              note.contactId = contactId;
              if (!note.dateAdded.isValid())
                  note.dateAdded = QDateTime::fromMSecsSinceEpoch(edit.now(), Qt::UTC);
              return Rows::writeNote(m_db, note)
                  && edit.append(OutboxKind::CreateNote, contactId, noteId,
                         withoutServerFields(note.toJson()), {})
                  != 0
                  && edit.history(QStringLiteral("createNote"), contactId, tr("Added a note"))
                  && notifyChild(contactId);
          });
    return outcome == EditOutcome::Rejected ? QString() : noteId;
}

EditOutcome LocalEdits::updateNote(
    const QString& contactId, const QString& noteId, const QJsonObject& changedFields)
{
    return updateChild(Rows::ChildKind::Note, contactId, noteId, changedFields);
}

EditOutcome LocalEdits::deleteNote(const QString& contactId, const QString& noteId)
{
    return deleteChild(Rows::ChildKind::Note, contactId, noteId);
}

EditOutcome LocalEdits::updateChild(Rows::ChildKind kind, const QString& contactId,
    const QString& childId, const QJsonObject& changedFields)
{
    const bool isTask = kind == Rows::ChildKind::Task;
    return run(contactId, isTask ? tr("Change of a task") : tr("Change of a note"),
        [this, kind, isTask, contactId, childId, changedFields](bool* rejected) {
            Edit edit(m_db, m_origin);
            const auto json = Rows::childJson(m_db, kind, contactId, childId);
            if (!json) {
                *rejected = true;
                return true;
            }
            QJsonObject changes = changedFields;
            for (const QLatin1StringView key : {idKey, contactIdKey, dateAddedKey})
                changes.remove(key);
            for (const QString& key : changes.keys()) {
                if (sameValue(changes.value(key), json->value(key)))
                    changes.remove(key);
            }
            if (changes.isEmpty()) {
                *rejected = true;
                return true;
            }
            QJsonObject edited = *json;
            QJsonObject base;
            for (auto it = changes.begin(); it != changes.end(); ++it) {
                base.insert(it.key(), baseValue(*json, it.key()));
                edited.insert(it.key(), it.value());
            }
            // Only values the model accepts reach the cache and the server.
            QString error;
            const bool valid = isTask ? Api::Task::fromJson(edited, &error).has_value()
                                      : Api::Note::fromJson(edited, &error).has_value();
            if (!valid) {
                *rejected = true;
                return true;
            }
            return Rows::writeChildJson(m_db, kind, edited)
                && edit.foldOrAppend(isTask ? OutboxKind::CreateTask : OutboxKind::CreateNote,
                    isTask ? OutboxKind::UpdateTask : OutboxKind::UpdateNote, contactId, childId,
                    changes, base, withoutServerFields(edited))
                && edit.history(
                    isTask ? QStringLiteral("updateTask") : QStringLiteral("updateNote"), contactId,
                    (isTask ? tr("Changed a task: %1") : tr("Changed a note: %1"))
                        .arg(changes.keys().join(QStringLiteral(", "))))
                && notifyChild(contactId);
        });
}

EditOutcome LocalEdits::deleteChild(
    Rows::ChildKind kind, const QString& contactId, const QString& childId)
{
    const bool isTask = kind == Rows::ChildKind::Task;
    return run(contactId, isTask ? tr("Deletion of a task") : tr("Deletion of a note"),
        [this, kind, isTask, contactId, childId](bool* rejected) {
            Edit edit(m_db, m_origin);
            const auto json = Rows::childJson(m_db, kind, contactId, childId);
            if (!json) {
                *rejected = true;
                return true;
            }
            if (!Rows::removeChild(m_db, kind, childId))
                return false;
            bool createDropped = false;
            if (!edit.dropUnsent(contactId, childId, &createDropped))
                return false;
            // The base of a delete is the item as it was, so a discard can bring it back.
            if (!createDropped
                && edit.append(isTask ? OutboxKind::DeleteTask : OutboxKind::DeleteNote, contactId,
                       childId, {}, *json)
                    == 0)
                return false;
            const QString title = json->value(QStringLiteral("title")).toString();
            return edit.history(
                       isTask ? QStringLiteral("deleteTask") : QStringLiteral("deleteNote"),
                       contactId,
                       isTask ? tr("Deleted task “%1”").arg(title) : tr("Deleted a note"))
                && notifyChild(contactId);
        });
}

QString LocalEdits::restore(qint64 trashId)
{
    const auto entry = Rows::trashEntry(m_db, trashId);
    if (m_unsaved.isEmpty() && (!entry || !entry->restoredAs.isEmpty()))
        return {};
    const QString newId = Rows::newLocalId();
    const QString name = entry ? ContactCache::displayName(entry->contact) : QString();
    const EditOutcome outcome
        = run(newId, tr("Restore of %1").arg(name), [this, trashId, newId](bool* rejected) {
              const auto entry = Rows::trashEntry(m_db, trashId);
              if (!entry || !entry->restoredAs.isEmpty()) {
                  *rejected = true;
                  return true;
              }
              Edit edit(m_db, m_origin);
              Api::Contact contact = entry->contact;
              contact.id = newId;
              const QDateTime now = QDateTime::fromMSecsSinceEpoch(edit.now(), Qt::UTC);
              contact.dateAdded = now;
              contact.dateUpdated = now;
              Rows::ContactWriter writer(m_db);
              if (writer.insert(newId, contact, true) == 0
                  || edit.append(OutboxKind::CreateContact, newId, {},
                         withoutServerFields(contact.toJson()), {}, trashId)
                      == 0)
                  return false;
              // Tasks and notes are created after the contact, under its new id.
              for (Api::Task task : entry->tasks) {
                  task.id = Rows::newLocalId();
                  task.contactId = newId;
                  if (!Rows::writeTask(m_db, task)
                      || edit.append(OutboxKind::CreateTask, newId, task.id,
                             withoutServerFields(task.toJson()), {})
                          == 0)
                      return false;
              }
              for (Api::Note note : entry->notes) {
                  note.id = Rows::newLocalId();
                  note.contactId = newId;
                  if (!Rows::writeNote(m_db, note)
                      || edit.append(OutboxKind::CreateNote, newId, note.id,
                             withoutServerFields(note.toJson()), {})
                          == 0)
                      return false;
              }
              if (!Sql::run(m_db, QStringLiteral("UPDATE trash SET restored_as = ? WHERE id = ?"),
                      {newId, trashId}))
                  return false;
              return edit.history(QStringLiteral("restoreContact"), newId,
                         tr("Restored %1 with %n task(s)", nullptr, int(entry->tasks.size()))
                                 .arg(ContactCache::displayName(entry->contact))
                             + QLatin1Char(' ')
                             + tr("and %n note(s)", nullptr, int(entry->notes.size())))
                  && Rows::refreshStatus(m_db, newId) && notifyChild(newId);
          });
    return outcome == EditOutcome::Rejected ? QString() : newId;
}

QList<UnsavedEdit> LocalEdits::unsavedEdits() const
{
    QList<UnsavedEdit> edits;
    for (const Pending& pending : m_unsaved)
        edits.append(pending.edit);
    return edits;
}

bool LocalEdits::retryUnsaved()
{
    bool changed = false;
    while (!m_unsaved.isEmpty()) {
        Pending& first = m_unsaved.first();
        const EditOutcome outcome = applyPending(first);
        if (outcome == EditOutcome::Unsaved) {
            if (changed)
                emit unsavedEditsChanged();
            return false;
        }
        if (outcome == EditOutcome::Rejected)
            qCInfo(lcStore) << "a kept edit no longer applies and was dropped";
        m_unsaved.removeFirst();
        changed = true;
    }
    if (changed)
        emit unsavedEditsChanged();
    return true;
}

bool LocalEdits::discardUnsaved(qint64 serial)
{
    for (qsizetype i = 0; i < m_unsaved.size(); ++i) {
        if (m_unsaved.at(i).edit.serial == serial) {
            m_unsaved.removeAt(i);
            emit unsavedEditsChanged();
            return true;
        }
    }
    return false;
}

EditOutcome LocalEdits::run(
    const QString& contactId, const QString& description, std::function<bool(bool* rejected)> apply)
{
    Pending pending;
    pending.edit.serial = m_nextSerial++;
    pending.edit.contactId = contactId;
    pending.edit.description = description;
    pending.edit.atMs = m_db.clock().nowMs();
    pending.apply = std::move(apply);

    // Inside the caller's transaction the edit is the caller's: it succeeds or fails with it.
    if (m_db.inTransaction())
        return applyPending(pending);
    // Edits apply in the order they were made: while earlier ones wait, so does this one.
    if (!m_unsaved.isEmpty() && !retryUnsaved()) {
        pending.edit.error = m_unsaved.last().edit.error;
        m_unsaved.append(std::move(pending));
        emit unsavedEditsChanged();
        return EditOutcome::Unsaved;
    }
    const EditOutcome outcome = applyPending(pending);
    if (outcome == EditOutcome::Unsaved) {
        const StoreError error = pending.edit.error;
        m_unsaved.append(std::move(pending));
        emit saveFailed(error.message, error);
        emit unsavedEditsChanged();
    }
    return outcome;
}

EditOutcome LocalEdits::applyPending(Pending& pending)
{
    m_db.recordError({});
    bool rejected = false;
    bool ok = false;
    const bool nested = m_db.inTransaction();
    {
        Sql::Transaction transaction(m_db);
        if (transaction.isActive()) {
            ok = pending.apply(&rejected);
            if (rejected) {
                // Nothing was written; a caller's outer transaction stays good to commit.
                if (ok && nested)
                    transaction.commit();
                return EditOutcome::Rejected;
            }
            ok = ok && transaction.commit();
        }
    }
    if (ok)
        return EditOutcome::Saved;
    StoreError error = m_db.lastError();
    if (!error.isError())
        error = StoreError::fromSqliteCode(1, QStringLiteral("edit not written"));
    pending.edit.error = error;
    qCWarning(lcStore) << "an edit could not be written and is kept in memory:" << error.detail;
    return EditOutcome::Unsaved;
}

bool LocalEdits::notifyChild(const QString& contactId)
{
    m_db.notifyChildrenChanged(contactId);
    return Rows::refreshStatus(m_db, contactId);
}

} // namespace ContactDesk::Store
