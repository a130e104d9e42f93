#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace ContactDesk::Store {

// A change HighLevel reported and the cache took: by a webhook (core/webhooks/webhookapplier)
// or by the sync engine's incremental walk and reconciliation (core/sync/syncengine). What the
// cache held before and holds after, as wire JSON, so an observer (the forwarding to Your App,
// core/webhooks/forwardrouter) can tell a create, the changed fields and a delete apart.
enum class ServerRecord
{
    Contact,
    Task,
    Note,
};

struct ServerChange
{
    ServerRecord record = ServerRecord::Contact;
    QString id; // the contact, task or note id
    QString contactId; // the contact it belongs to (the contact's own id for contacts)
    QJsonObject before; // empty: the cache did not hold it (a create)
    QJsonObject after; // empty: it is gone (a delete)
    QString source; // "webhook" or "sync"

    bool isCreate() const { return before.isEmpty() && !after.isEmpty(); }
    bool isDelete() const { return !before.isEmpty() && after.isEmpty(); }
};

// Called with the changes of one write. The sync engine calls it inside the transaction of the
// page (returning false rolls the page back, so nothing the cache took is missed); the applier
// right after its write.
using ServerChangeObserver = std::function<bool(const QList<ServerChange>& changes)>;

} // namespace ContactDesk::Store
