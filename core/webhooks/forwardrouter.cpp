#include "webhooks/forwardrouter.h"

#include "automation/applinks.h"
#include "common/clock.h"
#include "webhooks/forwardecho.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRouter, "contactdesk.webhooks.forward", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

using L = QLatin1StringView;

// Keys that change with every write and say nothing by themselves, and the creation time,
// which no edit changes (the cache's copy of a record made here may carry this machine's time
// until HighLevel's own comes back).
const QStringList bookkeeping {QStringLiteral("dateUpdated"), QStringLiteral("updatedAt"),
    QStringLiteral("dateAdded"), QStringLiteral("createdAt")};

QString prefix(Store::ServerRecord record)
{
    switch (record) {
    case Store::ServerRecord::Contact:
        return QStringLiteral("contact");
    case Store::ServerRecord::Task:
        return QStringLiteral("task");
    case Store::ServerRecord::Note:
        return QStringLiteral("note");
    }
    return {};
}

// The fields whose value differs, with their new value (null when gone) and old one.
void diff(const QJsonObject& before, const QJsonObject& after, QJsonObject* changes,
    QJsonObject* previous)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString& key : std::as_const(keys)) {
        if (bookkeeping.contains(key))
            continue;
        const QJsonValue old = before.value(key);
        const QJsonValue now = after.value(key);
        if (old == now)
            continue;
        changes->insert(key, now.isUndefined() ? QJsonValue(QJsonValue::Null) : now);
        previous->insert(key, old.isUndefined() ? QJsonValue(QJsonValue::Null) : old);
    }
}

ForwardEvent makeEvent(const QString& type, const QString& contactId, QJsonObject data,
    const QString& userId, const QString& locationId, const QString& source, qint64 nowMs)
{
    if (!userId.isEmpty())
        data.insert(QStringLiteral("userId"), userId);
    if (!locationId.isEmpty())
        data.insert(QStringLiteral("locationId"), locationId);
    data.insert(QStringLiteral("source"), source);
    const QJsonObject envelope {{QStringLiteral("type"), type},
        {QStringLiteral("timestamp"), isoUtc(nowMs)}, {QStringLiteral("data"), data}};
    return {type, contactId, QJsonDocument(envelope).toJson(QJsonDocument::Compact)};
}

} // namespace

const QStringList& forwardEventTypes()
{
    static const QStringList types {QStringLiteral("contact.created"),
        QStringLiteral("contact.updated"), QStringLiteral("contact.deleted"),
        QStringLiteral("task.created"), QStringLiteral("task.updated"),
        QStringLiteral("task.completed"), QStringLiteral("task.deleted"),
        QStringLiteral("note.created"), QStringLiteral("note.updated"),
        QStringLiteral("note.deleted")};
    return types;
}

QList<ForwardEvent> forwardEventsFor(const Store::ServerChange& change, const QString& userId,
    const QString& locationId, qint64 nowMs)
{
    const QString kind = prefix(change.record);
    const bool isContact = change.record == Store::ServerRecord::Contact;
    if (change.before.isEmpty() && change.after.isEmpty())
        return {};
    if (change.isCreate()) {
        QJsonObject data {{kind, change.after}};
        if (!isContact)
            data.insert(QStringLiteral("contactId"), change.contactId);
        return {makeEvent(kind + QStringLiteral(".created"), change.contactId, data, userId,
            locationId, change.source, nowMs)};
    }
    if (change.isDelete()) {
        QJsonObject data {{QStringLiteral("id"), change.id}};
        if (!isContact)
            data.insert(QStringLiteral("contactId"), change.contactId);
        return {makeEvent(kind + QStringLiteral(".deleted"), change.contactId, data, userId,
            locationId, change.source, nowMs)};
    }
    QJsonObject changes;
    QJsonObject previous;
    diff(change.before, change.after, &changes, &previous);
    if (changes.isEmpty())
        return {};
    QJsonObject data {{QStringLiteral("id"), change.id}, {QStringLiteral("changes"), changes},
        {QStringLiteral("previous"), previous}};
    if (!isContact)
        data.insert(QStringLiteral("contactId"), change.contactId);
    if (change.after.contains(L("dateUpdated")))
        data.insert(QStringLiteral("dateUpdated"), change.after.value(L("dateUpdated")));
    QString type = kind + QStringLiteral(".updated");
    if (change.record == Store::ServerRecord::Task && changes.value(L("completed")).toBool(false)) {
        type = QStringLiteral("task.completed");
        data.insert(kind, change.after);
    }
    return {makeEvent(type, change.contactId, data, userId, locationId, change.source, nowMs)};
}

ForwardRouter::ForwardRouter(
    Store::Database& database, ForwardQueue& queue, const Clock& clock, QString locationId)
    : m_db(database)
    , m_queue(queue)
    , m_clock(clock)
    , m_locationId(std::move(locationId))
{ }

Store::ServerChangeObserver ForwardRouter::observer()
{
    return [this](const QList<Store::ServerChange>& changes) { return route(changes); };
}

bool ForwardRouter::route(const QList<Store::ServerChange>& changes)
{
    if (!m_config.isActive())
        return true;
    const qint64 now = m_clock.nowMs();
    const EchoFilter echoes(m_db);
    const Automation::AppLinks links(m_db);
    for (const Store::ServerChange& change : changes) {
        const std::optional<Store::ServerChange> outside = echoes.filter(change, now);
        if (!outside) {
            ++m_echoes;
            qCInfo(lcRouter) << "not forwarding" << prefix(change.record) << change.id
                             << ": ContactDesk's own automation made this change";
            continue;
        }
        const QString userId = links.userFor(change.contactId);
        for (const ForwardEvent& event : forwardEventsFor(*outside, userId, m_locationId, now)) {
            if (!m_config.types.contains(event.type))
                continue;
            if (!m_queue.enqueue(m_config.url, event, now))
                return false;
        }
    }
    return true;
}

} // namespace ContactDesk::Webhooks
