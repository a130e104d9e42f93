// Which webhooks a write causes: the difference between the records before and after it.
#include "sandbox/sandboxdata.h"
#include "sandbox/webhookemitter.h"
#include "sandbox/webhookpayloads.h"

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;
using Records = QList<QJsonObject>;
using RecordsByContact = QHash<QString, Records>;

// Fields whose change is not a ContactUpdate of its own: bookkeeping, the fields with their
// own event, and inbound DND (which fires nothing, as live).
bool ownEventOrBookkeeping(const QString& key)
{
    static const QSet<QString> keys {QStringLiteral("dateUpdated"), QStringLiteral("tags"),
        QStringLiteral("dnd"), QStringLiteral("dndSettings"), QStringLiteral("inboundDndSettings")};
    return keys.contains(key);
}

bool otherFieldsChanged(const QJsonObject& before, const QJsonObject& after)
{
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!ownEventOrBookkeeping(it.key()) && before.value(it.key()) != it.value())
            return true;
    }
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!ownEventOrBookkeeping(it.key()) && !after.contains(it.key()))
            return true;
    }
    return false;
}

QHash<QString, QJsonObject> byId(const Records& records)
{
    QHash<QString, QJsonObject> map;
    for (const QJsonObject& record : records)
        map.insert(record.value(L("id")).toString(), record);
    return map;
}

// Calls `changed(before, after)` for every record whose list differs, with an empty object for
// the side where it does not exist; in the order of the lists.
template <typename Changed>
void diffRecords(const RecordsByContact& before, const RecordsByContact& after, Changed changed)
{
    const auto compare = [&](const QString& contactId, const Records& old, const Records& now) {
        if (old == now)
            return;
        const QHash<QString, QJsonObject> oldById = byId(old);
        const QHash<QString, QJsonObject> nowById = byId(now);
        for (const QJsonObject& record : now) {
            const QJsonObject previous = oldById.value(record.value(L("id")).toString());
            if (previous != record)
                changed(contactId, previous, record);
        }
        for (const QJsonObject& record : old) {
            if (!nowById.contains(record.value(L("id")).toString()))
                changed(contactId, record, QJsonObject());
        }
    };
    for (auto it = after.begin(); it != after.end(); ++it)
        compare(it.key(), before.value(it.key()), it.value());
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            compare(it.key(), it.value(), {});
    }
}

} // namespace

WebhookEmitter::Snapshot WebhookEmitter::snapshot() const
{
    return {true, {}, m_data.contacts(), m_data.deletedContacts(), m_data.tasks(), m_data.notes(),
        m_data.appointments()};
}

WebhookEmitter::Snapshot WebhookEmitter::snapshot(const QSet<QString>& contactIds) const
{
    Snapshot part;
    part.whole = false;
    part.ids = contactIds;
    const auto copy = [](const RecordsByContact& from, RecordsByContact& to, const QString& id) {
        if (const auto it = from.constFind(id); it != from.constEnd())
            to.insert(id, *it);
    };
    for (const QString& id : contactIds) {
        if (const auto it = m_data.contacts().constFind(id); it != m_data.contacts().constEnd())
            part.contacts.insert(id, *it);
        if (m_data.deletedContacts().contains(id))
            part.deleted.insert(id);
        copy(m_data.tasks(), part.tasks, id);
        copy(m_data.notes(), part.notes, id);
        copy(m_data.appointments(), part.appointments, id);
    }
    return part;
}

WebhookEmitter::Reach WebhookEmitter::reachOf(
    const QByteArray& method, const QString& path, QSet<QString>* ids)
{
    if (method == "GET" || method == "HEAD" || method == "OPTIONS")
        return Reach::Nothing;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.value(0) == L("__sandbox")) {
        // Seeding and reset make the world rather than change it; the other control calls
        // change no records, except another user's edits of contacts.
        if (parts.value(1) != L("contacts"))
            return Reach::Nothing;
        if (parts.size() > 2)
            ids->insert(parts.at(2));
        return Reach::NamedContacts;
    }
    if (parts.value(0) == L("oauth"))
        return Reach::Nothing;
    if (parts.value(0) != L("contacts"))
        return Reach::Anything; // location lists: a deleted tag or field reaches contacts
    if (parts.size() == 1)
        return Reach::NamedContacts; // create
    const QString second = parts.at(1);
    if (second == L("search"))
        return Reach::Nothing;
    if (second == L("upsert") || second == L("bulk") || second == L("business"))
        return Reach::Anything;
    ids->insert(second);
    return Reach::NamedContacts;
}

void WebhookEmitter::emitChanges(const Snapshot& before, const QSet<QString>& created)
{
    const Snapshot after = before.whole ? snapshot() : snapshot(before.ids + created);
    const QHash<QString, QJsonObject>& contacts = after.contacts;
    const QSet<QString>& deleted = after.deleted;
    const auto wasLive = [&](const QString& id) {
        return before.contacts.contains(id) && !before.deleted.contains(id);
    };
    for (auto it = contacts.begin(); it != contacts.end(); ++it) {
        const QString& id = it.key();
        const bool live = !deleted.contains(id);
        const bool was = wasLive(id);
        const auto old = before.contacts.constFind(id);
        if (was == live && (!live || (old != before.contacts.constEnd() && *old == *it)))
            continue;
        if (live && !was) {
            send(contactPayload(QStringLiteral("ContactCreate"), *it));
        } else if (!live) {
            // The snapshot is the record as it was when it went.
            send(contactPayload(QStringLiteral("ContactDelete"), *old));
        } else {
            if (otherFieldsChanged(*old, *it))
                send(contactPayload(QStringLiteral("ContactUpdate"), *it));
            if (old->value(L("tags")) != it->value(L("tags")))
                send(contactPayload(QStringLiteral("ContactTagUpdate"), *it));
            if (old->value(L("dnd")) != it->value(L("dnd"))
                || old->value(L("dndSettings")) != it->value(L("dndSettings")))
                send(contactPayload(QStringLiteral("ContactDndUpdate"), *it));
        }
    }
    for (auto it = before.contacts.begin(); it != before.contacts.end(); ++it) {
        if (!contacts.contains(it.key()) && wasLive(it.key()))
            send(contactPayload(QStringLiteral("ContactDelete"), *it));
    }

    const auto locationOf = [&](const QString& contactId) {
        const QJsonObject contact = contacts.value(contactId, before.contacts.value(contactId));
        return contact.value(L("locationId")).toString();
    };
    diffRecords(before.tasks, after.tasks,
        [&](const QString& contactId, const QJsonObject& old, const QJsonObject& now) {
            if (old.isEmpty())
                send(taskPayload(QStringLiteral("TaskCreate"), now, locationOf(contactId)));
            else if (now.isEmpty())
                send(taskPayload(QStringLiteral("TaskDelete"), old, locationOf(contactId)));
            else if (now.value(L("completed")).toBool() && !old.value(L("completed")).toBool())
                send(taskPayload(QStringLiteral("TaskComplete"), now, locationOf(contactId)));
            // HighLevel has no TaskUpdate event: other task edits fire nothing.
        });
    diffRecords(before.notes, after.notes,
        [&](const QString& contactId, const QJsonObject& old, const QJsonObject& now) {
            const QString type = old.isEmpty() ? QStringLiteral("NoteCreate")
                : now.isEmpty()                ? QStringLiteral("NoteDelete")
                                               : QStringLiteral("NoteUpdate");
            send(notePayload(type, now.isEmpty() ? old : now, locationOf(contactId)));
        });
    diffRecords(before.appointments, after.appointments,
        [&](const QString& contactId, const QJsonObject& old, const QJsonObject& now) {
            const QString type = old.isEmpty() ? QStringLiteral("AppointmentCreate")
                : now.isEmpty()                ? QStringLiteral("AppointmentDelete")
                                               : QStringLiteral("AppointmentUpdate");
            send(appointmentPayload(type, now.isEmpty() ? old : now, locationOf(contactId)));
        });
}

} // namespace ContactDesk::Sandbox
