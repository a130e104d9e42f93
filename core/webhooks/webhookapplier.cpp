#include "webhooks/webhookapplier.h"

#include "api/contactsapi.h"
#include "api/models/contact.h"
#include "common/clock.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "webhooks/webhookledger.h"

#include <QHash>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApplier, "contactdesk.webhooks", QtInfoMsg)

namespace ContactDesk::Webhooks {

namespace {

using L = QLatin1StringView;

const QString applied = QStringLiteral("applied");
const QString ignored = QStringLiteral("ignored");
const QString failed = QStringLiteral("failed");

// The delivery's own keys, not the contact's.
const QStringList envelopeKeys {QStringLiteral("type"), QStringLiteral("webhookId"),
    QStringLiteral("timestamp"), QStringLiteral("appId"), QStringLiteral("versionId"),
    QStringLiteral("attachments")};

// What changed between two lists of a contact's tasks or notes, by id. Records with a local id
// were made here and are not on the server yet: they are nobody's change.
template <typename T>
QList<Store::ServerChange> listChanges(Store::ServerRecord record, const QString& contactId,
    const QList<T>& before, const QList<T>& after)
{
    QHash<QString, QJsonObject> old;
    for (const T& item : before) {
        if (!item.id.startsWith(L("local-")))
            old.insert(item.id, item.toJson());
    }
    QList<Store::ServerChange> changes;
    for (const T& item : after) {
        const QJsonObject now = item.toJson();
        const QJsonObject was = old.take(item.id);
        if (was != now)
            changes.append({record, item.id, contactId, was, now, QStringLiteral("webhook")});
    }
    for (auto it = old.constBegin(); it != old.constEnd(); ++it)
        changes.append({record, it.key(), contactId, it.value(), {}, QStringLiteral("webhook")});
    return changes;
}

} // namespace

std::optional<Api::Contact> contactFromPayload(
    const WebhookPayload& payload, const std::optional<Api::Contact>& cached, QString* error)
{
    QJsonObject json = cached ? cached->toJson() : QJsonObject();
    for (auto it = payload.object.constBegin(); it != payload.object.constEnd(); ++it) {
        if (!envelopeKeys.contains(it.key()))
            json.insert(it.key(), it.value());
    }
    // Webhooks give dateOfBirth as an ISO datetime; the cache keeps the date.
    const QString birth = json.value(L("dateOfBirth")).toString();
    if (birth.size() > 10 && birth.at(10) == u'T')
        json.insert(QStringLiteral("dateOfBirth"), birth.left(10));
    const qint64 cachedMs
        = cached && cached->dateUpdated.isValid() ? cached->dateUpdated.toMSecsSinceEpoch() : 0;
    json.insert(QStringLiteral("dateUpdated"), isoUtc(std::max(cachedMs, payload.timestampMs)));
    return Api::Contact::fromJson(json, error, QStringLiteral("webhook"));
}

WebhookApplier::WebhookApplier(Store::ContactCache& cache, Store::ChildCache& children,
    Api::ContactsApi& contacts, WebhookLedger& ledger, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_children(children)
    , m_contacts(contacts)
    , m_ledger(ledger)
    , m_clock(clock)
{ }

void WebhookApplier::schedule()
{
    if (m_busy || m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        runNext();
    });
}

qint64 WebhookApplier::cachedUpdatedMs(const QString& contactId) const
{
    const std::optional<Store::ContactSummary> summary = m_cache.summary(contactId);
    return summary ? summary->dateUpdatedMs : 0;
}

QList<Store::ServerChange> WebhookApplier::contactChange(const QString& contactId,
    const std::optional<Api::Contact>& before, const std::optional<Api::Contact>& after) const
{
    Store::ServerChange change {Store::ServerRecord::Contact, contactId, contactId,
        before ? before->toJson() : QJsonObject(), after ? after->toJson() : QJsonObject(),
        QStringLiteral("webhook")};
    if (change.before == change.after)
        return {};
    return {change};
}

void WebhookApplier::commit(qint64 seq, const QString& webhookId,
    const std::function<bool()>& write, const std::function<QList<Store::ServerChange>()>& changes,
    const QString& reason, const QString& failure)
{
    Store::Database& db = m_ledger.database();
    QString why;
    if (!db.beginTransaction()) {
        why = db.lastError().message;
    } else if (!write()) {
        why = m_cache.lastError().isError() ? m_cache.lastError().message
                                            : m_children.lastError().message;
    } else if (const QList<Store::ServerChange> list
               = m_observer ? changes() : QList<Store::ServerChange>();
               !list.isEmpty() && !m_observer(list)) {
        why = QStringLiteral("the change observer refused %1 changes").arg(list.size());
    } else if (!m_ledger.finish(seq, applied, reason)) {
        why = m_ledger.lastError();
    } else if (!db.commitTransaction()) {
        why = db.lastError().message;
    } else {
        settled(webhookId, applied, reason);
        return;
    }
    if (db.inTransaction())
        db.rollbackTransaction();
    done(seq, webhookId, failed, failure.arg(why));
}

void WebhookApplier::runNext()
{
    if (m_busy)
        return;
    const QList<WebhookLedger::Entry> next = m_ledger.pending(1);
    if (next.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const WebhookLedger::Entry& entry = next.first();
    m_busy = true;
    QString error;
    const std::optional<WebhookPayload> payload = parseWebhookPayload(entry.rawBody, &error);
    if (!payload) {
        done(entry.seq, entry.webhookId, failed, error);
        return;
    }
    // A record whose delete came at or after this event stays deleted.
    const std::optional<qint64> deleted = m_ledger.deletedAt(payload->recordId);
    if (deleted && *deleted >= payload->timestampMs && !payload->isDelete()) {
        done(entry.seq, entry.webhookId, ignored,
            QStringLiteral("the record was deleted at %1, after this event").arg(isoUtc(*deleted)));
        return;
    }
    switch (payload->subject) {
    case WebhookSubject::Contact:
        applyContact(entry.seq, *payload);
        return;
    case WebhookSubject::Task:
    case WebhookSubject::Note:
    case WebhookSubject::Appointment:
        applyChildren(entry.seq, *payload);
        return;
    case WebhookSubject::App:
    case WebhookSubject::Other:
        done(entry.seq, entry.webhookId, ignored,
            QStringLiteral("%1 does not change the contacts").arg(payload->type));
        return;
    }
}

void WebhookApplier::done(
    qint64 seq, const QString& webhookId, const QString& status, const QString& reason)
{
    if (!m_ledger.finish(seq, status, reason))
        qCWarning(lcApplier) << "cannot record the outcome of webhook" << webhookId << ":"
                             << m_ledger.lastError();
    settled(webhookId, status, reason);
}

void WebhookApplier::settled(const QString& webhookId, const QString& status, const QString& reason)
{
    qCInfo(lcApplier).noquote() << "webhook" << webhookId << status << reason;
    m_busy = false;
    Q_EMIT finished(webhookId, status, reason);
    schedule();
}

void WebhookApplier::applyContact(qint64 seq, const WebhookPayload& payload)
{
    const qint64 cachedMs = cachedUpdatedMs(payload.recordId);
    if (cachedMs > payload.timestampMs) {
        done(seq, payload.webhookId, ignored,
            QStringLiteral("older than the cached contact (updated %1)").arg(isoUtc(cachedMs)));
        return;
    }
    const std::optional<Api::Contact> before = m_cache.contact(payload.recordId);
    const QString id = payload.recordId;
    if (payload.type == L("ContactDelete")) {
        commit(
            seq, payload.webhookId, [this, id] { return m_cache.removeFromServer({id}); },
            [this, id, before] { return contactChange(id, before, std::nullopt); },
            QStringLiteral("contact deleted"), QStringLiteral("the cache refused the delete: %1"));
        return;
    }
    if (payload.type == L("ContactCreate") || payload.type == L("ContactUpdate")) {
        QString error;
        if (std::optional<Api::Contact> contact = contactFromPayload(payload, before, &error)) {
            const Api::Contact written = *contact;
            commit(
                seq, payload.webhookId,
                [this, written] { return m_cache.upsertFromServer({written}); },
                [this, id, before] { return contactChange(id, before, m_cache.contact(id)); },
                QStringLiteral("contact written"),
                QStringLiteral("the cache refused the contact: %1"));
            return;
        }
        qCInfo(lcApplier).noquote()
            << "webhook" << payload.webhookId << "does not decode as a contact (" << error
            << "); re-fetching";
    }
    refetchContact(seq, payload);
}

void WebhookApplier::refetchContact(qint64 seq, const WebhookPayload& payload)
{
    m_contacts.getContact(payload.recordId, Api::Priority::Background)
        .then(this, [this, seq, payload](const Api::Result<Api::Contact>& result) {
            if (!result.ok()) {
                if (result.error.httpStatus() == 404) {
                    const QString id = payload.recordId;
                    const std::optional<Api::Contact> gone = m_cache.contact(id);
                    commit(
                        seq, payload.webhookId,
                        [this, id] { return m_cache.removeFromServer({id}); },
                        [this, id, gone] { return contactChange(id, gone, std::nullopt); },
                        QStringLiteral("re-fetched: the contact is gone"),
                        QStringLiteral("the cache refused the delete: %1"));
                } else {
                    done(seq, payload.webhookId, failed,
                        QStringLiteral("re-fetch failed (the next reconcile catches up): %1")
                            .arg(result.error.userText()));
                }
                return;
            }
            const qint64 cachedMs = cachedUpdatedMs(payload.recordId);
            const qint64 fetchedMs = result.value.dateUpdated.isValid()
                ? result.value.dateUpdated.toMSecsSinceEpoch()
                : 0;
            if (fetchedMs != 0 && cachedMs > fetchedMs) {
                done(seq, payload.webhookId, ignored,
                    QStringLiteral("the re-fetched contact is older than the cache"));
                return;
            }
            const QString id = payload.recordId;
            const std::optional<Api::Contact> before = m_cache.contact(id);
            const Api::Contact fetched = result.value;
            commit(
                seq, payload.webhookId,
                [this, fetched] { return m_cache.upsertFromServer({fetched}); },
                [this, id, before] { return contactChange(id, before, m_cache.contact(id)); },
                QStringLiteral("contact re-fetched"),
                QStringLiteral("the cache refused the contact: %1"));
        });
}

void WebhookApplier::applyChildren(qint64 seq, const WebhookPayload& payload)
{
    if (payload.contactId.isEmpty()) {
        done(seq, payload.webhookId, ignored,
            QStringLiteral("%1 names no contact; the next sync fetches it").arg(payload.type));
        return;
    }
    if (!m_cache.summary(payload.contactId)) {
        done(seq, payload.webhookId, ignored,
            QStringLiteral("contact %1 is not in the cache").arg(payload.contactId));
        return;
    }
    const QString contactId = payload.contactId;
    const auto finish = [this, seq, payload](bool ok, const Api::ApiError& error) {
        if (!error.isError() && ok)
            done(seq, payload.webhookId, applied, QStringLiteral("re-fetched the list"));
        else if (error.isError())
            done(seq, payload.webhookId, failed,
                QStringLiteral("re-fetch failed: %1").arg(error.userText()));
        else
            done(seq, payload.webhookId, failed,
                QStringLiteral("the cache refused the list: %1")
                    .arg(m_children.lastError().message));
    };
    switch (payload.subject) {
    case WebhookSubject::Task:
        m_contacts.tasks(contactId, Api::Priority::Background)
            .then(this,
                [this, seq, payload, contactId, finish](
                    const Api::Result<QList<Api::Task>>& result) {
                    if (!result.ok())
                        return finish(false, result.error);
                    const QList<Api::Task> before = m_children.tasks(contactId);
                    const QList<Api::Task> after = result.value;
                    commit(
                        seq, payload.webhookId,
                        [this, contactId, after] {
                            return m_children.replaceTasks(contactId, after, m_clock.nowMs());
                        },
                        [contactId, before, after] {
                            return listChanges(Store::ServerRecord::Task, contactId, before, after);
                        },
                        QStringLiteral("re-fetched the list"),
                        QStringLiteral("the cache refused the list: %1"));
                });
        return;
    case WebhookSubject::Note:
        m_contacts.notes(contactId, Api::Priority::Background)
            .then(this,
                [this, seq, payload, contactId, finish](
                    const Api::Result<QList<Api::Note>>& result) {
                    if (!result.ok())
                        return finish(false, result.error);
                    const QList<Api::Note> before = m_children.notes(contactId);
                    const QList<Api::Note> after = result.value;
                    commit(
                        seq, payload.webhookId,
                        [this, contactId, after] {
                            return m_children.replaceNotes(contactId, after, m_clock.nowMs());
                        },
                        [contactId, before, after] {
                            return listChanges(Store::ServerRecord::Note, contactId, before, after);
                        },
                        QStringLiteral("re-fetched the list"),
                        QStringLiteral("the cache refused the list: %1"));
                });
        return;
    default:
        m_contacts.appointments(contactId, QTimeZone::utc(), Api::Priority::Background)
            .then(this,
                [this, contactId, finish](const Api::Result<QList<Api::Appointment>>& result) {
                    finish(result.ok()
                            && m_children.replaceAppointments(
                                contactId, result.value, m_clock.nowMs()),
                        result.error);
                });
        return;
    }
}

} // namespace ContactDesk::Webhooks
