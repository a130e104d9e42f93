#pragma once

#include "api/apierror.h"
#include "api/contactsapi.h"
#include "api/models/locationlists.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Api {
class ApiClient;
class LocationApi;
struct Appointment;
struct Contact;
struct Task;
} // namespace ContactDesk::Api

namespace ContactDesk::Store {
class Database;
class LocationListCache;
} // namespace ContactDesk::Store

namespace ContactDesk::Sync {

struct LocationListSyncOptions
{
    // A list is asked for at most once in this window, whatever asks: the sync, or an id the
    // lists do not know (a contact refers to a field created since, say).
    qint64 throttleMs = 60LL * 1000;
};

// Keeps the four lists of the connection's location (its contact custom fields, tags, users
// and calendars) fresh in the cache, so every name the app shows comes from there, offline
// too. One request per list (every page for users) at background priority; each list is saved
// as it arrives.
//
// A refresh that fails keeps what the cache had. A list the connection may not read (a scope
// it was not granted) is saved as unavailable with a sentence the UI shows, until a later
// refresh reads it.
class LocationListSync : public QObject
{
    Q_OBJECT

public:
    using Kind = Api::LocationLists::Kind;

    // Everything must outlive the object.
    LocationListSync(Api::ApiClient& client, Store::Database& database, const Clock& clock,
        LocationListSyncOptions options = {}, QObject* parent = nullptr);
    ~LocationListSync() override;

    static constexpr Kind kinds[] = {Kind::CustomFields, Kind::Tags, Kind::Users, Kind::Calendars};

    // Reads the lists from the cache (an open database); listsChanged() when they differ from
    // those held.
    void load();
    const Api::LocationLists& lists() const { return m_lists; }

    // Refreshes every list now (within the throttle) and from then on follows unknown ids.
    void start();
    // Unknown ids no longer ask for refreshes; answers on their way are still saved.
    void stop();
    bool isStarted() const { return m_started; }

    // Asks for `kind` unless a request for it is on its way or one was sent within the
    // throttle window (`force` ignores the window). True when a request was sent.
    bool refresh(Kind kind, bool force = false);
    // refresh() for each kind; how many were sent.
    int refreshAll(bool force = false);
    bool isRefreshing(Kind kind) const;
    bool isRefreshing() const;

    // The app met `id` where a list of `kind` should know it. Once started, an id the lists do
    // not know asks for one refresh of that list (throttled); an id still unknown after one is
    // not asked about again, and nor is a list the connection may not read.
    void noteUnknown(Kind kind, const QString& id);
    // noteUnknown() for the custom field ids and assignees of contacts the sync stored, and for
    // the calendars and assignees of a contact's appointments and tasks.
    void noteContacts(const QList<Api::Contact>& contacts);
    void noteAppointments(const QList<Api::Appointment>& appointments);
    void noteTasks(const QList<Api::Task>& tasks);

    // The user-facing sentence for a list the connection may not read, lower case and without
    // a full stop (the UI puts it in a sentence): "this connection can't read users: add the
    // users.readonly scope".
    static QString unavailableReason(Kind kind, const QString& scope);

Q_SIGNALS:
    // lists() changed: a refresh brought something new, or load() read other lists.
    void listsChanged();
    // A refresh of `kind` ended: `ok` when the list was read and saved. Otherwise `message`
    // (user text) says why; a missing scope has marked the list unavailable, any other failure
    // left the cached list as it was.
    void refreshed(ContactDesk::Api::LocationLists::Kind kind, bool ok, const QString& message);

private:
    struct KindState
    {
        bool inFlight = false;
        qint64 lastAttemptMs = -1;
        // Ids met since the last refresh was sent; those the answer does not know are given up.
        QSet<QString> waiting;
        QSet<QString> givenUp;
    };

    template <typename T, typename Save>
    void receive(Kind kind, const Api::Call<QList<T>>& call, Save save);
    void finish(Kind kind, const Api::ApiError& error, bool saved);
    void settleWaiting(Kind kind);
    bool knows(Kind kind, const QString& id) const;
    // Reloads from the cache and tells when something differs.
    void reload();

    std::unique_ptr<Api::LocationApi> m_api;
    std::unique_ptr<Store::LocationListCache> m_cache;
    const Clock& m_clock;
    LocationListSyncOptions m_options;
    Api::LocationLists m_lists;
    QHash<Kind, KindState> m_state;
    bool m_started = false;
};

} // namespace ContactDesk::Sync
