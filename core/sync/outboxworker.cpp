#include "sync/outboxworker.h"

#include "api/apiclient.h"
#include "api/endpointcatalog.h"
#include "common/clock.h"
#include "common/phonenumbers.h"
#include "store/database.h"
#include "store/trash.h"
#include "sync/logging.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <limits>
#include <memory>

namespace ContactDesk::Sync {

namespace {

using L = QLatin1StringView;
using Kind = Store::OutboxKind;
using ErrorKind = Api::ApiError::Kind;

const QLatin1StringView customFieldsKey("customFields");
const QLatin1StringView phoneKey("phone");
const QLatin1StringView emailKey("email");

QString text(const char* source)
{
    return QCoreApplication::translate("ContactDesk::Sync::OutboxWorker", source);
}

bool isLocalId(const QString& id)
{
    return id.startsWith(QLatin1StringView("local-"));
}

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

// Custom fields compare as sets: the server keeps its own order.
QJsonArray sortedById(const QJsonArray& fields)
{
    QList<QJsonValue> values(fields.begin(), fields.end());
    std::sort(values.begin(), values.end(), [](const QJsonValue& a, const QJsonValue& b) {
        return a.toObject().value(L("id")).toString() < b.toObject().value(L("id")).toString();
    });
    QJsonArray sorted;
    for (const QJsonValue& value : values)
        sorted.append(value);
    return sorted;
}

// Whether two values of a field say the same thing: absent, null and empty all mean "not set",
// e-mail compares without case and phone numbers by their E.164 form, as the server stores them.
bool sameValue(const QString& key, const QJsonValue& a, const QJsonValue& b)
{
    if (isBlank(a) || isBlank(b))
        return isBlank(a) && isBlank(b);
    if (key == emailKey && a.isString() && b.isString())
        return a.toString().trimmed().compare(b.toString().trimmed(), Qt::CaseInsensitive) == 0;
    if (key == phoneKey && a.isString() && b.isString()) {
        const QString x = toE164(a.toString(), QStringLiteral("US"));
        const QString y = toE164(b.toString(), QStringLiteral("US"));
        if (!x.isEmpty() && !y.isEmpty())
            return x == y;
    }
    if (key == customFieldsKey && a.isArray() && b.isArray())
        return sortedById(a.toArray()) == sortedById(b.toArray());
    return a == b;
}

QString sameText(const QString& a)
{
    return a.trimmed();
}

// The server's own words where it gave some, else what the error means for the user.
QString serverMessage(const Api::ApiError& error)
{
    QStringList messages;
    for (const QString& message : error.messages()) {
        if (!message.trimmed().isEmpty())
            messages.append(message.trimmed());
    }
    return messages.isEmpty() ? error.userText() : messages.join(QStringLiteral("; "));
}

bool isDelete(Kind kind)
{
    return kind == Kind::DeleteContact || kind == Kind::DeleteTask || kind == Kind::DeleteNote;
}

qint64 msOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

} // namespace

// One outbox item on its way: the operations it takes (a lookup, the write) and its ending.
// Every path ends in exactly one of done(), fail(), conflict() or defer().
class OutboxWorker::Send : public std::enable_shared_from_this<Send>
{
public:
    Send(OutboxWorker& worker, Store::OutboxItem item)
        : m_worker(worker)
        , m_item(std::move(item))
    { }

    void run()
    {
        switch (m_item.kind) {
        case Kind::CreateContact:
            return reconcileFirst() ? findContact() : createContact();
        case Kind::UpsertContact:
            // Matching is the server's: sending it again finds what a lost answer made.
            return upsertContact();
        case Kind::UpdateContact:
            return updateContact();
        case Kind::DeleteContact:
            return keepChildrenThenDelete();
        case Kind::AddTags:
        case Kind::RemoveTags: {
            QStringList tags;
            for (const QJsonValue& tag : m_item.payload.value(L("tags")).toArray())
                tags.append(tag.toString());
            return finishWith(m_item.kind == Kind::AddTags
                    ? api().addTags(m_item.contactId, tags)
                    : api().removeTags(m_item.contactId, tags));
        }
        case Kind::CreateTask:
            return reconcileFirst() ? findTask() : createTask();
        case Kind::UpdateTask:
            return updateTask();
        case Kind::CompleteTask:
            return finishWith(api().completeTask(
                m_item.contactId, m_item.childId, m_item.payload.value(L("completed")).toBool()));
        case Kind::DeleteTask:
            return finishWith(api().deleteTask(m_item.contactId, m_item.childId));
        case Kind::CreateNote:
            return reconcileFirst() ? findNote() : createNote();
        case Kind::UpdateNote:
            return updateNote();
        case Kind::DeleteNote:
            return finishWith(api().deleteNote(m_item.contactId, m_item.childId));
        }
    }

private:
    Api::ContactsApi& api()
    {
        switch (m_item.origin) {
        case Store::OutboxOrigin::Import:
            return m_worker.m_importApi;
        case Store::OutboxOrigin::Automation:
            return m_worker.m_automationApi;
        case Store::OutboxOrigin::User:
            break;
        }
        return m_worker.m_api;
    }
    qint64 now() const { return m_worker.m_clock.nowMs(); }
    bool reconcileFirst() const { return m_item.state == Store::OutboxState::OutcomeUnknown; }
    // What the traffic log says of a write whose outcome a later lookup settled.
    static QString foundAgain()
    {
        return text("reconciled: found on the server by a search, not sent again");
    }
    static QString notFoundSentAgain()
    {
        return text("reconciled: not on the server, so it was sent again");
    }
    static QString alreadyThere() { return text("reconciled: the server already had the change"); }

    template <typename T, typename Handler>
    void await(const Api::Call<T>& call, Handler handler)
    {
        call.then(&m_worker,
            [self = shared_from_this(), handler = std::move(handler)](
                const Api::Result<T>& result) { handler(*self, result); });
    }

    // A write whose answer says nothing more than "done".
    template <typename T>
    void finishWith(const Api::Call<T>& call)
    {
        await(call, [](Send& send, const Api::Result<T>& result) {
            if (result.ok())
                send.done();
            else
                send.failure(result.error, true, result.attempt);
        });
    }

    // Contacts ----------------------------------------------------------------------------------

    // HighLevel's delete takes the contact's tasks and notes with it, and the cache loads them
    // only when a contact is opened: the trash gets the server's lists first, so a restore
    // re-creates them too. A list the cache held fresh when the contact was deleted is in the
    // trash already and is not read again, so a bulk delete of contacts the user has looked at
    // costs one request each. A contact already gone (404) needs no delete.
    void keepChildrenThenDelete()
    {
        if (heldInTrash(L("tasksFetchedAt")))
            return readNotesThenDelete({});
        await(api().tasks(m_item.contactId),
            [](Send& send, const Api::Result<QList<Api::Task>>& tasks) {
                if (!tasks.ok())
                    return send.failure(tasks.error, false, tasks.attempt);
                send.readNotesThenDelete(tasks.value);
            });
    }

    void readNotesThenDelete(const QList<Api::Task>& tasks)
    {
        if (heldInTrash(L("notesFetchedAt")))
            return deleteKeeping(tasks, {});
        await(api().notes(m_item.contactId),
            [tasks](Send& send, const Api::Result<QList<Api::Note>>& notes) {
                if (!notes.ok())
                    return send.failure(notes.error, false, notes.attempt);
                send.deleteKeeping(tasks, notes.value);
            });
    }

    // Whether the delete's item says the cache held that list, fetched recently enough.
    bool heldInTrash(QLatin1StringView fetchedAtKey) const
    {
        const QJsonValue at = m_item.payload.value(fetchedAtKey);
        if (!at.isDouble())
            return false;
        const qint64 age = now() - qint64(at.toDouble());
        return age >= 0 && age <= m_worker.m_options.heldChildrenMaxAgeMs;
    }

    void deleteKeeping(const QList<Api::Task>& tasks, const QList<Api::Note>& notes)
    {
        reached();
        Store::Trash trash(m_worker.m_db);
        if (!trash.addServerChildren(m_item.contactId, tasks, notes)) {
            // Not sent without them: the delete would make them unrecoverable.
            const Store::StoreError error = trash.lastError();
            qCWarning(lcSync) << "outbox item" << m_item.id
                              << "waits: the trash could not be written:" << error.detail;
            return defer(now() + m_worker.backoffFor(m_item.attempts + 1),
                error.message.isEmpty() ? text("The cache could not be written.") : error.message);
        }
        finishWith(api().deleteContact(m_item.contactId));
    }

    std::optional<Api::Contact> draftContact()
    {
        QJsonObject json = m_item.payload;
        json.insert(QStringLiteral("id"), m_item.contactId);
        QString problem;
        std::optional<Api::Contact> contact = Api::Contact::fromJson(json, &problem);
        if (!contact)
            fail(text("The change cannot be read: %1").arg(problem));
        return contact;
    }

    // The record a create with an unknown outcome may have made: the duplicate search by
    // e-mail or phone, or, without either, a search by name among contacts added since the edit.
    void findContact()
    {
        const std::optional<Api::Contact> draft = draftContact();
        if (!draft)
            return;
        if (!draft->email.isEmpty() || !draft->phone.isEmpty()) {
            await(api().findDuplicate(draft->email, draft->phone),
                [wanted = *draft](Send& send, const Api::Result<std::optional<Api::Contact>>& r) {
                    if (!r.ok())
                        return send.failure(r.error, false, r.attempt);
                    if (r.value && send.isOurs(wanted, *r.value)) {
                        send.settle(send.foundAgain());
                        return send.adoptContact(*r.value);
                    }
                    send.settle(send.notFoundSentAgain());
                    send.createContact();
                });
            return;
        }
        const QString name = Store::ContactCache::displayName(*draft);
        Api::SearchQuery query(m_worker.m_client.locationId(), 20);
        query.setQuery(name.left(Api::SearchQuery::maxQueryLength));
        Api::Filter::Bounds since;
        since.gte = QJsonValue(isoUtc(m_item.createdAtMs - addedSlackMs));
        query.addFilter(Api::Filter::range(QStringLiteral("dateAdded"), since));
        await(api().search(query),
            [wanted = *draft](Send& send, const Api::Result<Api::ContactPage>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                for (const Api::Contact& found : r.value.contacts) {
                    if (send.isOurs(wanted, found)) {
                        send.settle(send.foundAgain());
                        return send.adoptContact(found);
                    }
                }
                send.settle(send.notFoundSentAgain());
                send.createContact();
            });
    }

    // A found contact is the one this create made when everything the create set that
    // identifies a person is what the server holds.
    bool isOurs(const Api::Contact& draft, const Api::Contact& found) const
    {
        const auto matches = [](const QString& mine, const QString& theirs) {
            return mine.trimmed().isEmpty()
                || mine.trimmed().compare(theirs.trimmed(), Qt::CaseInsensitive) == 0;
        };
        const bool phoneMatches = draft.phone.isEmpty()
            || sameValue(phoneKey, QJsonValue(draft.phone), QJsonValue(found.phone));
        return matches(draft.firstName, found.firstName) && matches(draft.lastName, found.lastName)
            && matches(draft.email, found.email) && matches(draft.companyName, found.companyName)
            && phoneMatches;
    }

    void createContact()
    {
        const std::optional<Api::Contact> draft = draftContact();
        if (!draft)
            return;
        await(api().createContact(*draft), [](Send& send, const Api::Result<Api::Contact>& r) {
            if (!r.ok())
                return send.failure(r.error, true, r.attempt);
            send.adoptContact(r.value);
        });
    }

    void upsertContact()
    {
        const std::optional<Api::Contact> draft = draftContact();
        if (!draft)
            return;
        await(api().upsertContact(*draft, false),
            [](Send& send, const Api::Result<Api::UpsertResult>& r) {
                if (!r.ok())
                    return send.failure(r.error, true, r.attempt);
                if (r.value.contact.id.isEmpty())
                    return send.fail(text("The upsert's answer names no contact."));
                send.adoptContact(r.value.contact);
            });
    }

    void adoptContact(const Api::Contact& server)
    {
        reached();
        Store::Database& db = m_worker.m_db;
        // The server id, the end of the item and the server's copy land together: a crash in
        // between would otherwise leave a create that looks unsent.
        const bool recorded = db.beginTransaction()
            && (!isLocalId(m_item.contactId)
                || m_worker.m_outbox.resolveLocalId(m_item.contactId, server.id))
            && m_worker.m_outbox.markDone(m_item.id) && m_worker.m_cache.upsertFromServer({server})
            && db.commitTransaction();
        if (!recorded)
            return notRecorded();
        qCDebug(lcSync) << "outbox item" << m_item.id << "created contact" << server.id;
        forget();
        ended();
        Q_EMIT m_worker.itemDone(m_item.id);
    }

    void updateContact()
    {
        await(
            api().getContact(m_item.contactId), [](Send& send, const Api::Result<Api::Contact>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                send.updateContactFrom(r.value);
            });
    }

    void updateContactFrom(const Api::Contact& server)
    {
        QJsonObject after = server.toJson();
        QJsonObject changes;
        if (!compare(after, &changes))
            return;
        if (changes.isEmpty()) {
            settle(alreadyThere());
            return recordContact(server);
        }
        static const Api::Endpoint* const update
            = Api::findEndpoint(QStringLiteral("update-contact"));
        QStringList unsendable;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (!update || !update->field(it.key()))
                unsendable.append(it.key());
            if (it.value().isNull())
                after.remove(it.key());
            else
                after.insert(it.key(), it.value());
        }
        if (!unsendable.isEmpty()) {
            return fail(text("HighLevel does not let an update change %1; edit or discard this "
                             "change.")
                            .arg(unsendable.join(QStringLiteral(", "))));
        }
        QString problem;
        const std::optional<Api::Contact> wanted = Api::Contact::fromJson(after, &problem);
        if (!wanted)
            return fail(text("The change cannot be read: %1").arg(problem));
        const bool replaceTags = changes.contains(L("tags"));
        if (Api::Contact::updateBody(server, *wanted, replaceTags).isEmpty())
            return recordContact(server);
        await(api().updateContact(server, *wanted, replaceTags),
            [](Send& send, const Api::Result<Api::UpdateResult>& r) {
                if (!r.ok())
                    return send.failure(r.error, true, r.attempt);
                if (r.value.contact.id.isEmpty())
                    return send.done();
                send.recordContact(r.value.contact);
            });
    }

    void recordContact(const Api::Contact& server)
    {
        reached();
        Store::Database& db = m_worker.m_db;
        const bool recorded = db.beginTransaction() && m_worker.m_outbox.markDone(m_item.id)
            && m_worker.m_cache.upsertFromServer({server}) && db.commitTransaction();
        if (!recorded)
            return notRecorded();
        forget();
        ended();
        Q_EMIT m_worker.itemDone(m_item.id);
    }

    // The fields of the item set against the server's current values (`current`, its JSON):
    // a field the server already has needs nothing, a field the server still has at the base
    // is sent, and a field the server changed to something else is a conflict. False when the
    // item ended as a conflict; `changes` gets what to send.
    bool compare(const QJsonObject& current, QJsonObject* changes)
    {
        QJsonObject theirs;
        for (auto it = m_item.payload.begin(); it != m_item.payload.end(); ++it) {
            const QJsonValue server = current.value(it.key());
            if (sameValue(it.key(), server, it.value()))
                continue;
            if (sameValue(it.key(), server, m_item.base.value(it.key())))
                changes->insert(it.key(), it.value());
            else
                theirs.insert(it.key(), server.isUndefined() ? QJsonValue() : server);
        }
        if (theirs.isEmpty())
            return true;
        conflict(theirs);
        return false;
    }

    // Tasks and notes ---------------------------------------------------------------------------

    template <typename Child>
    std::optional<Child> draftChild()
    {
        QJsonObject json = m_item.payload;
        json.insert(QStringLiteral("id"), m_item.childId);
        json.insert(QStringLiteral("contactId"), m_item.contactId);
        QString problem;
        std::optional<Child> child = Child::fromJson(json, &problem);
        if (!child)
            fail(text("The change cannot be read: %1").arg(problem));
        return child;
    }

    void adoptChild(const QString& serverId)
    {
        reached();
        Store::Database& db = m_worker.m_db;
        const bool recorded = db.beginTransaction()
            && (!isLocalId(m_item.childId)
                || m_worker.m_outbox.resolveLocalId(m_item.childId, serverId))
            && m_worker.m_outbox.markDone(m_item.id) && db.commitTransaction();
        if (!recorded)
            return notRecorded();
        forget();
        ended();
        Q_EMIT m_worker.itemDone(m_item.id);
    }

    void findTask()
    {
        const std::optional<Api::Task> draft = draftChild<Api::Task>();
        if (!draft)
            return;
        await(api().tasks(m_item.contactId),
            [wanted = *draft](Send& send, const Api::Result<QList<Api::Task>>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                for (const Api::Task& task : r.value) {
                    if (!send.knownChild(task.id) && sameText(task.title) == sameText(wanted.title)
                        && sameText(task.body) == sameText(wanted.body)
                        && msOf(task.dueDate) == msOf(wanted.dueDate)) {
                        send.settle(send.foundAgain());
                        return send.adoptChild(task.id);
                    }
                }
                send.settle(send.notFoundSentAgain());
                send.createTask();
            });
    }

    void createTask()
    {
        const std::optional<Api::Task> draft = draftChild<Api::Task>();
        if (!draft)
            return;
        await(api().createTask(*draft), [](Send& send, const Api::Result<Api::Task>& r) {
            if (!r.ok())
                return send.failure(r.error, true, r.attempt);
            send.adoptChild(r.value.id);
        });
    }

    void updateTask()
    {
        await(api().task(m_item.contactId, m_item.childId),
            [](Send& send, const Api::Result<Api::Task>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                send.updateChildFrom(r.value);
            });
    }

    void findNote()
    {
        const std::optional<Api::Note> draft = draftChild<Api::Note>();
        if (!draft)
            return;
        await(api().notes(m_item.contactId),
            [wanted = *draft](Send& send, const Api::Result<QList<Api::Note>>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                for (const Api::Note& note : r.value) {
                    if (!send.knownChild(note.id) && sameText(note.body) == sameText(wanted.body)
                        && sameText(note.title) == sameText(wanted.title)) {
                        send.settle(send.foundAgain());
                        return send.adoptChild(note.id);
                    }
                }
                send.settle(send.notFoundSentAgain());
                send.createNote();
            });
    }

    void createNote()
    {
        const std::optional<Api::Note> draft = draftChild<Api::Note>();
        if (!draft)
            return;
        await(api().createNote(*draft), [](Send& send, const Api::Result<Api::Note>& r) {
            if (!r.ok())
                return send.failure(r.error, true, r.attempt);
            send.adoptChild(r.value.id);
        });
    }

    void updateNote()
    {
        await(api().note(m_item.contactId, m_item.childId),
            [](Send& send, const Api::Result<Api::Note>& r) {
                if (!r.ok())
                    return send.failure(r.error, false, r.attempt);
                send.updateChildFrom(r.value);
            });
    }

    // A task or note the cache already knows under its server id was there before this create.
    bool knownChild(const QString& serverId) const
    {
        const Store::ChildCache& children = m_worker.m_children;
        return children.task(m_item.contactId, serverId).has_value()
            || children.note(m_item.contactId, serverId).has_value();
    }

    template <typename Child>
    void updateChildFrom(const Child& server)
    {
        QJsonObject after = server.toJson();
        QJsonObject changes;
        if (!compare(after, &changes))
            return;
        if (changes.isEmpty()) {
            settle(alreadyThere());
            return done();
        }
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                after.remove(it.key());
            else
                after.insert(it.key(), it.value());
        }
        QString problem;
        const std::optional<Child> wanted = Child::fromJson(after, &problem);
        if (!wanted)
            return fail(text("The change cannot be read: %1").arg(problem));
        if (Child::updateBody(server, *wanted).isEmpty())
            return done();
        if constexpr (std::is_same_v<Child, Api::Task>)
            finishWith(api().updateTask(server, *wanted));
        else
            finishWith(api().updateNote(server, *wanted));
    }

    // Endings -----------------------------------------------------------------------------------

    // `at`: the attempt that answered with `error`, for the traffic log.
    void failure(const Api::ApiError& error, bool sent, const Api::AttemptRef& at)
    {
        const QString message = serverMessage(error);
        // A write whose effect is open: a later lookup says what the server did with it.
        const bool open = sent
            && (error.kind() == ErrorKind::OutcomeUnknown || error.kind() == ErrorKind::Server
                || error.kind() == ErrorKind::Timeout || error.kind() == ErrorKind::Network
                || (error.kind() == ErrorKind::IncorrectResponse
                    && Store::Outbox::isCreate(m_item.kind)));
        if (open && at.isValid())
            m_worker.m_unsettled.insert(m_item.id, at);
        const qint64 backoff = m_worker.backoffFor(m_item.attempts + 1);
        switch (error.kind()) {
        case ErrorKind::None:
            return done();
        case ErrorKind::Unauthorized:
            // Not the item's fault: it waits, untouched, for a sign-in.
            defer(now(), message);
            m_worker.pauseForSignIn(message);
            return;
        case ErrorKind::Network:
        case ErrorKind::Timeout:
            m_worker.m_offlineUntilMs = std::max(m_worker.m_offlineUntilMs, now() + backoff);
            return defer(now() + backoff, message);
        case ErrorKind::OutcomeUnknown:
            return outcomeUnknown(now() + backoff, message);
        case ErrorKind::RateLimited:
        case ErrorKind::DailyLimitReached:
        case ErrorKind::Server:
            reached();
            return defer(now() + std::max(backoff, error.retryAfterMs()), message);
        case ErrorKind::Cancelled:
            return defer(now(), message);
        case ErrorKind::IncorrectResponse:
            // An answer that could not be read after the server accepted the write: a create
            // may have happened and is looked for first; anything else did happen.
            if (sent && Store::Outbox::isCreate(m_item.kind))
                return outcomeUnknown(now(), message);
            if (sent && error.httpStatus() >= 200 && error.httpStatus() < 300)
                return done();
            return defer(now() + backoff, message);
        case ErrorKind::NotFound:
            if (isDelete(m_item.kind)) {
                m_worker.m_client.noteOutcome(
                    at, text("reconciled: already gone from the server, nothing to delete"));
                return done();
            }
            return fail(m_item.childId.isEmpty()
                    ? text("The contact no longer exists on the server (%1).").arg(message)
                    : text("It no longer exists on the server (%1).").arg(message));
        case ErrorKind::VersionRejected:
        case ErrorKind::ScopeNotGranted:
        case ErrorKind::Forbidden:
        case ErrorKind::Duplicate:
        case ErrorKind::BadRequest:
        case ErrorKind::Validation:
        case ErrorKind::PayloadTooLarge:
            return fail(message);
        }
        fail(message);
    }

    // An answer came from the server: the network is back.
    void reached() { m_worker.m_offlineUntilMs = 0; }

    // A lookup settled what an earlier write with an open outcome did: its exchange says so.
    void settle(const QString& how)
    {
        const auto it = m_worker.m_unsettled.constFind(m_item.id);
        if (it == m_worker.m_unsettled.cend())
            return;
        m_worker.m_client.noteOutcome(*it, how);
        m_worker.m_unsettled.erase(it);
    }
    // The item ended for good: nothing is left open about it.
    void forget() { m_worker.m_unsettled.remove(m_item.id); }

    void done()
    {
        reached();
        forget();
        if (!m_worker.m_outbox.markDone(m_item.id))
            return notRecorded();
        ended();
        Q_EMIT m_worker.itemDone(m_item.id);
    }

    void fail(const QString& message)
    {
        reached();
        forget();
        if (!m_worker.m_outbox.markFailed(m_item.id, message))
            qCWarning(lcSync) << "outbox item" << m_item.id << "failed but could not be marked:"
                              << m_worker.m_outbox.lastError().detail;
        qCInfo(lcSync) << "outbox item" << m_item.id << Store::Outbox::kindName(m_item.kind)
                       << "failed permanently";
        ended();
        Q_EMIT m_worker.itemFailed(m_item.id, message);
    }

    void conflict(const QJsonObject& theirs)
    {
        reached();
        forget();
        if (!m_worker.m_outbox.markConflict(m_item.id, theirs))
            qCWarning(lcSync) << "outbox item" << m_item.id << "conflicts but could not be marked:"
                              << m_worker.m_outbox.lastError().detail;
        qCInfo(lcSync) << "outbox item" << m_item.id << "held as a conflict on"
                       << theirs.keys().size() << "field(s)";
        ended();
        Q_EMIT m_worker.itemConflict(m_item.id);
    }

    void defer(qint64 atMs, const QString& message)
    {
        if (!m_worker.m_outbox.scheduleRetry(m_item.id, atMs, message))
            qCWarning(lcSync) << "outbox item" << m_item.id
                              << "could not be put back:" << m_worker.m_outbox.lastError().detail;
        ended();
        Q_EMIT m_worker.itemDeferred(m_item.id, message);
    }

    void outcomeUnknown(qint64 atMs, const QString& message)
    {
        if (!m_worker.m_outbox.markOutcomeUnknown(m_item.id, atMs, message))
            qCWarning(lcSync) << "outbox item" << m_item.id << "could not be marked unknown:"
                              << m_worker.m_outbox.lastError().detail;
        qCInfo(lcSync) << "outbox item" << m_item.id << "sent without an answer; it is looked for"
                       << "before any resend";
        ended();
        Q_EMIT m_worker.itemDeferred(m_item.id, message);
    }

    // The server did it but the cache could not record it (disk full, read-only): the item is
    // marked unknown so that the next attempt looks on the server before anything is resent.
    void notRecorded()
    {
        Store::Database& db = m_worker.m_db;
        if (db.inTransaction())
            db.rollbackTransaction();
        const Store::StoreError error = db.lastError();
        qCWarning(lcSync) << "outbox item" << m_item.id << "reached the server but the cache could"
                          << "not record it:" << error.detail;
        m_worker.m_outbox.markOutcomeUnknown(m_item.id,
            now() + m_worker.backoffFor(m_item.attempts + 1),
            error.message.isEmpty() ? text("The cache could not be written.") : error.message);
        ended();
        Q_EMIT m_worker.itemDeferred(m_item.id, error.message);
    }

    void ended()
    {
        if (std::exchange(m_ended, true))
            return;
        m_worker.finished(m_item.id);
    }

    // A name-only create may have landed a little before the local clock says it was made.
    static constexpr qint64 addedSlackMs = 10LL * 60 * 1000;

    OutboxWorker& m_worker;
    Store::OutboxItem m_item;
    bool m_ended = false;
};

OutboxWorker::OutboxWorker(Api::ApiClient& client, Store::Database& database, const Clock& clock,
    OutboxOptions options, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_api(client, Api::Priority::Foreground, Api::RequestCause::Outbox)
    , m_importApi(client, Api::Priority::Background, Api::RequestCause::Import)
    , m_automationApi(client, Api::Priority::Background, Api::RequestCause::Automation)
    , m_db(database)
    , m_outbox(database)
    , m_cache(database)
    , m_children(database)
    , m_clock(clock)
    , m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxWorker::pump);
    connect(&m_probe, &QTimer::timeout, this, &OutboxWorker::probeSignIn);
    connect(&m_db, &Store::Database::outboxChanged, this, &OutboxWorker::schedulePump);
}

OutboxWorker::~OutboxWorker() = default;

void OutboxWorker::start()
{
    m_running = true;
    schedulePump();
}

void OutboxWorker::stop()
{
    m_running = false;
    m_timer.stop();
    m_probe.stop();
}

void OutboxWorker::wake()
{
    if (m_offlineUntilMs > m_clock.nowMs())
        m_offlineUntilMs = 0;
    pump();
}

void OutboxWorker::resume()
{
    m_probe.stop();
    const bool wasPaused = std::exchange(m_pausedForSignIn, false);
    if (wasPaused) {
        qCInfo(lcSync) << "outbox resumes after a sign-in";
        Q_EMIT resumed();
    }
    pump();
}

bool OutboxWorker::isIdle() const
{
    return m_inFlight == 0
        && (m_pausedForSignIn || m_offlineUntilMs > m_clock.nowMs()
            || !m_outbox.nextReady(m_clock.nowMs()));
}

void OutboxWorker::pauseForSignIn(const QString& message)
{
    if (std::exchange(m_pausedForSignIn, true))
        return;
    qCInfo(lcSync) << "outbox paused: the connection needs a sign-in";
    if (m_options.signInProbeMs > 0)
        m_probe.start(
            int(std::min<qint64>(m_options.signInProbeMs, std::numeric_limits<int>::max())));
    Q_EMIT pausedForSignIn(message);
}

// The API client asks the token provider before every request; a provider that still needs a
// sign-in answers without any network traffic, so trying the oldest item is a cheap probe.
void OutboxWorker::probeSignIn()
{
    if (m_pausedForSignIn && m_inFlight == 0)
        resume();
}

void OutboxWorker::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(this, &OutboxWorker::pump, Qt::QueuedConnection);
}

void OutboxWorker::pump()
{
    m_pumpScheduled = false;
    if (!m_running || m_pausedForSignIn)
        return;
    const qint64 now = m_clock.nowMs();
    // Offline: nothing goes until the back-off has passed (the timer brings it back).
    const bool offline = m_offlineUntilMs > now;
    while (!offline && m_inFlight < std::max(1, m_options.maxInFlight) && !m_pausedForSignIn) {
        const std::optional<Store::OutboxItem> item = m_outbox.nextReady(now);
        if (!item)
            break;
        if (!m_outbox.markInFlight(item->id)) {
            qCWarning(lcSync) << "outbox item" << item->id
                              << "could not be taken:" << m_outbox.lastError().detail;
            break;
        }
        ++m_inFlight;
        qCDebug(lcSync) << "sending outbox item" << item->id << Store::Outbox::kindName(item->kind);
        std::make_shared<Send>(*this, *item)->run();
    }
    if (m_inFlight == 0) {
        armTimer();
        Q_EMIT idle();
    }
}

void OutboxWorker::armTimer()
{
    const qint64 now = m_clock.nowMs();
    std::optional<qint64> at = m_outbox.nextAttemptAt();
    if (m_offlineUntilMs > now)
        at = at ? std::max(*at, m_offlineUntilMs) : m_offlineUntilMs;
    if (!at) {
        m_timer.stop();
        return;
    }
    // At least a moment: an item blocked by another is not worth a busy loop.
    const qint64 delay = std::clamp<qint64>(*at - now, 50, std::numeric_limits<int>::max());
    m_timer.start(int(delay));
}

void OutboxWorker::finished(qint64 itemId)
{
    Q_UNUSED(itemId);
    --m_inFlight;
    schedulePump();
}

qint64 OutboxWorker::backoffFor(int attempts) const
{
    if (m_options.backoffMs.isEmpty())
        return 0;
    const qsizetype index = std::clamp<qsizetype>(attempts - 1, 0, m_options.backoffMs.size() - 1);
    return m_options.backoffMs.at(index);
}

} // namespace ContactDesk::Sync
