#include "webhooks/forwardecho.h"

#include "store/database.h"
#include "store/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ContactDesk::Webhooks {

namespace {

using L = QLatin1StringView;
using Store::OutboxKind;

struct SentItem
{
    OutboxKind kind;
    QString contactId;
    QString childId;
    QJsonObject payload;
};

bool sameValue(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString(), Qt::CaseInsensitive) == 0;
    return a == b;
}

QSet<QString> tagSet(const QJsonValue& value)
{
    QSet<QString> tags;
    for (const QJsonValue& tag : value.toArray())
        tags.insert(tag.toString().trimmed().toLower());
    return tags;
}

// The kind of record an outbox item changes.
Store::ServerRecord recordOf(OutboxKind kind)
{
    switch (kind) {
    case OutboxKind::CreateTask:
    case OutboxKind::UpdateTask:
    case OutboxKind::CompleteTask:
    case OutboxKind::DeleteTask:
        return Store::ServerRecord::Task;
    case OutboxKind::CreateNote:
    case OutboxKind::UpdateNote:
    case OutboxKind::DeleteNote:
        return Store::ServerRecord::Note;
    default:
        return Store::ServerRecord::Contact;
    }
}

bool isCreateOf(OutboxKind kind, Store::ServerRecord record)
{
    switch (record) {
    case Store::ServerRecord::Contact:
        return kind == OutboxKind::CreateContact || kind == OutboxKind::UpsertContact;
    case Store::ServerRecord::Task:
        return kind == OutboxKind::CreateTask;
    case Store::ServerRecord::Note:
        return kind == OutboxKind::CreateNote;
    }
    return false;
}

bool isDeleteOf(OutboxKind kind, Store::ServerRecord record)
{
    switch (record) {
    case Store::ServerRecord::Contact:
        return kind == OutboxKind::DeleteContact;
    case Store::ServerRecord::Task:
        return kind == OutboxKind::DeleteTask;
    case Store::ServerRecord::Note:
        return kind == OutboxKind::DeleteNote;
    }
    return false;
}

// The item is about the record: its own id, or (for a create not resolved yet) a local id
// whose payload names the same record.
bool sameRecord(const SentItem& item, const Store::ServerChange& change)
{
    const QString itemId
        = change.record == Store::ServerRecord::Contact ? item.contactId : item.childId;
    if (itemId == change.id)
        return true;
    if (!itemId.startsWith(L("local-")) || !isCreateOf(item.kind, change.record))
        return false;
    QStringList keys;
    switch (change.record) {
    case Store::ServerRecord::Contact:
        keys = {QStringLiteral("email"), QStringLiteral("phone")};
        break;
    case Store::ServerRecord::Task:
        keys = {QStringLiteral("title")};
        break;
    case Store::ServerRecord::Note:
        keys = {QStringLiteral("body")};
        break;
    }
    for (const QString& key : std::as_const(keys)) {
        const QJsonValue sent = item.payload.value(key);
        if (sent.isString() && !sent.toString().isEmpty()
            && sameValue(sent, change.after.value(key)))
            return true;
    }
    return false;
}

} // namespace

EchoFilter::EchoFilter(Store::Database& database, qint64 windowMs)
    : m_db(database)
    , m_windowMs(windowMs)
{ }

std::optional<Store::ServerChange> EchoFilter::filter(
    const Store::ServerChange& change, qint64 nowMs) const
{
    // What the automations sent for this contact: on its way, or done within the window.
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral(
        "SELECT kind, contact_id, child_id, payload FROM outbox WHERE origin = 'automation'"
        " AND (contact_id = ? OR contact_id LIKE 'local-%')"
        " AND (state <> 'done' OR done_at >= ?) ORDER BY id"));
    query.addBindValue(change.contactId);
    query.addBindValue(nowMs - m_windowMs);
    if (!query.exec())
        return change; // unknown: forwarding a change twice beats losing one
    QList<SentItem> sent;
    while (query.next()) {
        const std::optional<OutboxKind> kind
            = Store::Outbox::kindFromName(query.value(0).toString());
        if (!kind || recordOf(*kind) != change.record)
            continue;
        SentItem item {*kind, query.value(1).toString(), query.value(2).toString(),
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object()};
        if (sameRecord(item, change))
            sent.append(item);
    }
    if (sent.isEmpty())
        return change;

    if (change.isCreate()) {
        for (const SentItem& item : std::as_const(sent)) {
            if (isCreateOf(item.kind, change.record))
                return std::nullopt;
        }
        return change;
    }
    if (change.isDelete()) {
        for (const SentItem& item : std::as_const(sent)) {
            if (isDeleteOf(item.kind, change.record))
                return std::nullopt;
        }
        return change;
    }

    // An update: the fields an automation set to exactly these values are its own echo.
    Store::ServerChange rest = change;
    QStringList keys = change.before.keys() + change.after.keys();
    keys.removeDuplicates();
    bool left = false;
    for (const QString& key : std::as_const(keys)) {
        const QJsonValue now = change.after.value(key);
        if (change.before.value(key) == now || key == L("dateUpdated"))
            continue;
        bool echo = false;
        if (key == L("tags")) {
            const QSet<QString> before = tagSet(change.before.value(key));
            const QSet<QString> after = tagSet(now);
            QSet<QString> added = after - before;
            QSet<QString> removed = before - after;
            for (const SentItem& item : std::as_const(sent)) {
                const QSet<QString> tags = tagSet(item.payload.value(key));
                if (item.kind == OutboxKind::AddTags)
                    added -= tags;
                else if (item.kind == OutboxKind::RemoveTags)
                    removed -= tags;
                else if (item.payload.contains(key) && tags == after) {
                    added.clear();
                    removed.clear();
                }
            }
            echo = added.isEmpty() && removed.isEmpty();
        } else {
            for (const SentItem& item : std::as_const(sent)) {
                if (item.payload.contains(key) && sameValue(item.payload.value(key), now))
                    echo = true;
            }
        }
        if (echo) {
            if (change.before.contains(key))
                rest.after.insert(key, change.before.value(key));
            else
                rest.after.remove(key);
        } else {
            left = true;
        }
    }
    if (!left)
        return std::nullopt;
    return rest;
}

} // namespace ContactDesk::Webhooks
