#pragma once

#include "api/apierror.h"
#include "api/contactsapi.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/outbox.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ApiClient;
}

namespace ContactDesk::Store {
class Database;
}

namespace ContactDesk::Sync {

struct OutboxOptions
{
    // Items of different contacts on their way at once (one contact's items always go one by
    // one, in order).
    int maxInFlight = 4;
    // The wait after the Nth retryable failure of an item (network, 5xx, a 429 the client gave
    // up on); the last value repeats.
    QList<qint64> backoffMs {2000, 5000, 15000, 30000, 60000, 300000};
    // While the connection needs a sign-in, how often to look whether the token works again
    // (resume() does it at once).
    qint64 signInProbeMs = 30000;
    // A contact's delete reads its tasks and notes for the trash first, unless the cache held
    // that list from a fetch at most this old when the contact was deleted (the trash has it).
    qint64 heldChildrenMaxAgeMs = 10LL * 60 * 1000;
};

// Sends the outbox to the server, the user's own edits first (Outbox::nextReady), through the
// API client: the user's items at foreground priority, an import's or an automation's at
// background, each request with its cause (Outbox, Import, Automation). Each kind maps to its
// operation; creates replace the temporary local id by the server's (Outbox::resolveLocalId) so the
// items that waited for it go next.
//
// - Retryable failures (network, 5xx, a rate limit the client gave up on) back off by the
//   injected clock; a network failure holds the whole queue, so an offline app does not knock
//   on every item, and the queue drains in order once the network is back.
// - Permanent failures (422, 400, 403, ...) stop the item with the server's message; it stays
//   listed for the user to fix, retry or discard. Nothing is dropped.
// - A create whose outcome is unknown (no answer, a gateway error, an unreadable answer) is
//   looked for on the server before it is sent again: contacts through the duplicate search by
//   email or phone, tasks and notes by title, body and due date among that contact's own. A
//   match is adopted instead of creating a second record.
// - Updates are checked against the server's current values first: a field the server changed
//   since the edit's base is held as a conflict (Outbox::markConflict with theirs); otherwise
//   only the fields that still differ are sent, so changes of other fields merge.
// - Unauthorized (the connection needs a sign-in): the item goes back to the queue and the
//   worker pauses until resume() or a probe finds a token again.
class OutboxWorker : public QObject
{
    Q_OBJECT

public:
    OutboxWorker(Api::ApiClient& client, Store::Database& database, const Clock& clock,
        OutboxOptions options = {}, QObject* parent = nullptr);
    ~OutboxWorker() override;

    const OutboxOptions& options() const { return m_options; }
    void setOptions(const OutboxOptions& options) { m_options = options; }

    // Starts draining and follows every outbox change.
    void start();
    // Takes no new item; those on their way finish.
    void stop();
    bool isRunning() const { return m_running; }

    // Looks at the queue again now: after the clock moved past a back-off, or to try the
    // network again at once.
    void wake();
    // After a sign-in: leaves the paused state and drains.
    void resume();
    bool isPausedForSignIn() const { return m_pausedForSignIn; }
    // A network failure holds the queue until this time (the injected clock's ms); 0 when not.
    qint64 offlineUntilMs() const { return m_offlineUntilMs; }

    int inFlight() const { return m_inFlight; }
    // Nothing on its way and nothing that could be sent now.
    bool isIdle() const;

Q_SIGNALS:
    void itemDone(qint64 itemId);
    void itemFailed(qint64 itemId, const QString& message);
    void itemConflict(qint64 itemId);
    // A retryable failure; the item goes again after its back-off.
    void itemDeferred(qint64 itemId, const QString& message);
    void pausedForSignIn(const QString& message);
    void resumed();
    // Nothing on its way and nothing ready: everything sent, or waiting (back-off, failure,
    // conflict, a sign-in).
    void idle();

private:
    class Send;
    friend class Send;

    void schedulePump();
    void pump();
    void armTimer();
    void finished(qint64 itemId);
    qint64 backoffFor(int attempts) const;
    void pauseForSignIn(const QString& message);
    void probeSignIn();

    Api::ApiClient& m_client;
    // By the item's origin: the user's own edits at foreground priority, an import's and an
    // automation's at background, each request naming its cause.
    Api::ContactsApi m_api;
    Api::ContactsApi m_importApi;
    Api::ContactsApi m_automationApi;
    Store::Database& m_db;
    Store::Outbox m_outbox;
    Store::ContactCache m_cache;
    Store::ChildCache m_children;
    const Clock& m_clock;
    OutboxOptions m_options;
    QTimer m_timer;
    QTimer m_probe;
    bool m_running = false;
    bool m_pumpScheduled = false;
    bool m_pausedForSignIn = false;
    qint64 m_offlineUntilMs = 0;
    int m_inFlight = 0;
    // By item id: the attempt of a write whose answer left its outcome open (lost, a 5xx), for
    // the traffic log to say "reconciled" once a later lookup settles it. In memory only, as
    // the traffic log is.
    QHash<qint64, Api::AttemptRef> m_unsettled;
};

} // namespace ContactDesk::Sync
