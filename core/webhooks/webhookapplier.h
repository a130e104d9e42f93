#pragma once

#include "store/serverchange.h"
#include "webhooks/webhookreceipt.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
struct Contact;
class ContactsApi;
} // namespace ContactDesk::Api

namespace ContactDesk::Store {
class ChildCache;
class ContactCache;
} // namespace ContactDesk::Store

namespace ContactDesk::Webhooks {

class WebhookLedger;

// Applies HighLevel's deliveries from the ledger to one workspace's cache, one at a time in
// arrival order:
// - never over something newer: an event older than the cached contact's dateUpdated, or about
//   a record whose delete was applied at or after its timestamp, is ignored;
// - ContactCreate and ContactUpdate carry the contact: their fields are laid over the cached
//   contact (dateUpdated becomes the event's timestamp);
// - a partial payload (ContactTagUpdate, ContactDndUpdate, or one that does not decode as a
//   contact) re-fetches the contact through `contacts` (which should carry
//   RequestCause::Webhook); a fetched contact older than the cache is dropped;
// - ContactDelete removes the contact from the cache;
// - task, note and appointment events re-fetch that list of the contact when it is cached.
// Every delivery ends "applied", "ignored" or "failed" in the ledger, with the reason.
class WebhookApplier : public QObject
{
    Q_OBJECT

public:
    WebhookApplier(Store::ContactCache& cache, Store::ChildCache& children,
        Api::ContactsApi& contacts, WebhookLedger& ledger, const Clock& clock,
        QObject* parent = nullptr);

    // Starts applying the pending deliveries (soon, from the event loop); safe to call often.
    void schedule();
    bool isIdle() const { return !m_busy && !m_scheduled; }
    // Told of every change a delivery brought into the cache (source "webhook"): the contact
    // before and after, and each task or note of a re-fetched list that appeared, changed or
    // went. Called after the cache write, inside one transaction with the write and the
    // delivery's "applied": an observer that returns false rolls both back (the delivery ends
    // "failed"; the next reconcile catches up), and a crash never leaves a change in the cache
    // that the observer was not told of.
    void setChangeObserver(Store::ServerChangeObserver observer)
    {
        m_observer = std::move(observer);
    }

Q_SIGNALS:
    // One delivery done: its webhookId, "applied" / "ignored" / "failed" and why.
    void finished(const QString& webhookId, const QString& status, const QString& reason);
    // Nothing pending any more.
    void idle();

private:
    void runNext();
    void done(qint64 seq, const QString& webhookId, const QString& status, const QString& reason);
    void applyContact(qint64 seq, const WebhookPayload& payload);
    void applyChildren(qint64 seq, const WebhookPayload& payload);
    void refetchContact(qint64 seq, const WebhookPayload& payload);
    // The cached dateUpdated of `contactId` in ms, 0 when unknown.
    qint64 cachedUpdatedMs(const QString& contactId) const;
    // The tail of done(): the log line, the signal, the next delivery.
    void settled(const QString& webhookId, const QString& status, const QString& reason);
    // `write` to the cache, the observer told of `changes()` (computed after the write), and
    // the delivery "applied" with `reason`, in one transaction; else the delivery "failed"
    // with `failure` and what refused.
    void commit(qint64 seq, const QString& webhookId, const std::function<bool()>& write,
        const std::function<QList<Store::ServerChange>()>& changes, const QString& reason,
        const QString& failure);
    QList<Store::ServerChange> contactChange(const QString& contactId,
        const std::optional<Api::Contact>& before, const std::optional<Api::Contact>& after) const;

    Store::ContactCache& m_cache;
    Store::ChildCache& m_children;
    Api::ContactsApi& m_contacts;
    WebhookLedger& m_ledger;
    const Clock& m_clock;
    bool m_busy = false;
    bool m_scheduled = false;
    Store::ServerChangeObserver m_observer;
};

// The contact `payload` (a ContactCreate or ContactUpdate) makes of `cached` (or of nothing),
// or nullopt when its fields do not decode as a contact.
std::optional<Api::Contact> contactFromPayload(
    const WebhookPayload& payload, const std::optional<Api::Contact>& cached, QString* error);

} // namespace ContactDesk::Webhooks
