#include "sync/locationlistsync.h"

#include "api/endpointcatalog.h"
#include "api/locationapi.h"
#include "api/models/appointment.h"
#include "api/models/contact.h"
#include "api/models/task.h"
#include "common/clock.h"
#include "store/locationlistcache.h"
#include "sync/logging.h"

#include <QCoreApplication>

#include <algorithm>

namespace ContactDesk::Sync {

namespace {

using Kind = Api::LocationLists::Kind;

QString text(const char* source)
{
    return QCoreApplication::translate("ContactDesk::Sync::LocationListSync", source);
}

// What a list is called in the sentence that says it cannot be read.
QString listName(Kind kind)
{
    switch (kind) {
    case Kind::CustomFields:
        return text("custom fields");
    case Kind::Tags:
        return text("tags");
    case Kind::Users:
        return text("users");
    case Kind::Calendars:
        return text("calendars");
    }
    return QString();
}

// The scope the catalog gives the operation that reads `kind`, for a refusal that names none.
QString catalogScope(Kind kind)
{
    const char* operation = "get-custom-fields";
    switch (kind) {
    case Kind::CustomFields:
        break;
    case Kind::Tags:
        operation = "get-location-tags";
        break;
    case Kind::Users:
        operation = "search-users";
        break;
    case Kind::Calendars:
        operation = "get-calendars";
        break;
    }
    const Api::Endpoint* endpoint = Api::findEndpoint(QString::fromLatin1(operation));
    return endpoint ? Api::scopeName(endpoint->scope) : QString();
}

bool sameLists(const Api::LocationLists& a, const Api::LocationLists& b)
{
    return a.customFields == b.customFields && a.tags == b.tags && a.users == b.users
        && a.calendars == b.calendars && a.unavailable == b.unavailable;
}

} // namespace

LocationListSync::LocationListSync(Api::ApiClient& client, Store::Database& database,
    const Clock& clock, LocationListSyncOptions options, QObject* parent)
    : QObject(parent)
    , m_api(std::make_unique<Api::LocationApi>(client, Api::RequestCause::Sync))
    , m_cache(std::make_unique<Store::LocationListCache>(database))
    , m_clock(clock)
    , m_options(options)
{ }

LocationListSync::~LocationListSync() = default;

QString LocationListSync::unavailableReason(Kind kind, const QString& scope)
{
    if (scope.isEmpty())
        return text("this connection can't read %1").arg(listName(kind));
    return text("this connection can't read %1: add the %2 scope").arg(listName(kind), scope);
}

void LocationListSync::load()
{
    reload();
}

void LocationListSync::reload()
{
    Api::LocationLists loaded = m_cache->load();
    const bool changed = !sameLists(loaded, m_lists);
    m_lists = std::move(loaded);
    if (changed)
        Q_EMIT listsChanged();
}

void LocationListSync::start()
{
    m_started = true;
    refreshAll();
}

void LocationListSync::stop()
{
    m_started = false;
}

int LocationListSync::refreshAll(bool force)
{
    int sent = 0;
    for (Kind kind : kinds)
        sent += refresh(kind, force) ? 1 : 0;
    return sent;
}

bool LocationListSync::isRefreshing(Kind kind) const
{
    return m_state.value(kind).inFlight;
}

bool LocationListSync::isRefreshing() const
{
    for (Kind kind : kinds) {
        if (isRefreshing(kind))
            return true;
    }
    return false;
}

bool LocationListSync::refresh(Kind kind, bool force)
{
    KindState& state = m_state[kind];
    if (state.inFlight)
        return false;
    const qint64 now = m_clock.nowMs();
    if (!force && state.lastAttemptMs >= 0 && now - state.lastAttemptMs < m_options.throttleMs)
        return false;
    state.inFlight = true;
    state.lastAttemptMs = now;
    const Api::Priority background = Api::Priority::Background;
    switch (kind) {
    case Kind::CustomFields:
        // The contact model only: opportunity fields never show on a contact.
        receive(kind, m_api->customFields(QStringLiteral("contact"), background),
            [this](const QList<Api::CustomFieldDefinition>& fields) {
                return m_cache->saveCustomFields(fields, m_clock.nowUtc());
            });
        break;
    case Kind::Tags:
        receive(kind, m_api->tags(background), [this](const QList<Api::LocationTag>& tags) {
            return m_cache->saveTags(tags, m_clock.nowUtc());
        });
        break;
    case Kind::Users:
        receive(kind, m_api->users(background), [this](const QList<Api::User>& users) {
            return m_cache->saveUsers(users, m_clock.nowUtc());
        });
        break;
    case Kind::Calendars:
        receive(kind, m_api->calendars(background), [this](const QList<Api::Calendar>& calendars) {
            return m_cache->saveCalendars(calendars, m_clock.nowUtc());
        });
        break;
    }
    return true;
}

template <typename T, typename Save>
void LocationListSync::receive(Kind kind, const Api::Call<QList<T>>& call, Save save)
{
    call.then(this, [this, kind, save](const Api::Result<QList<T>>& result) {
        finish(kind, result.error, result.ok() && save(result.value));
    });
}

void LocationListSync::finish(Kind kind, const Api::ApiError& error, bool saved)
{
    KindState& state = m_state[kind];
    state.inFlight = false;
    const QString name = Store::LocationListCache::kindName(kind);
    if (!error.isError()) {
        if (!saved) {
            const QString problem = m_cache->lastError().message;
            qCWarning(lcSync) << "the location's" << name << "could not be saved:" << problem;
            Q_EMIT refreshed(kind, false, problem);
            return;
        }
        reload();
        settleWaiting(kind);
        qCInfo(lcSync) << "refreshed the location's" << name;
        Q_EMIT refreshed(kind, true, QString());
        return;
    }
    if (error.kind() == Api::ApiError::Kind::ScopeNotGranted) {
        const QString scope
            = error.missingScope().isEmpty() ? catalogScope(kind) : error.missingScope();
        const QString reason = unavailableReason(kind, scope);
        qCInfo(lcSync) << "the connection may not read the location's" << name << "scope" << scope;
        if (m_cache->saveUnavailable(kind, reason, m_clock.nowUtc()))
            reload();
        else
            qCWarning(lcSync) << "could not mark" << name
                              << "unavailable:" << m_cache->lastError().message;
        Q_EMIT refreshed(kind, false, reason);
        return;
    }
    // Offline, rate limited, a server fault: what the cache has stays until the next refresh.
    qCWarning(lcSync) << "refreshing the location's" << name
                      << "failed, keeping the cached list:" << Api::ApiError::kindName(error.kind())
                      << error.httpStatus();
    Q_EMIT refreshed(kind, false, error.userText());
}

bool LocationListSync::knows(Kind kind, const QString& id) const
{
    switch (kind) {
    case Kind::CustomFields:
        return m_lists.customField(id) != nullptr;
    case Kind::Tags:
        return std::any_of(m_lists.tags.cbegin(), m_lists.tags.cend(),
            [&id](const Api::LocationTag& tag) { return tag.id == id || tag.name == id; });
    case Kind::Users:
        return m_lists.user(id) != nullptr;
    case Kind::Calendars:
        return m_lists.calendar(id) != nullptr;
    }
    return false;
}

void LocationListSync::settleWaiting(Kind kind)
{
    KindState& state = m_state[kind];
    for (const QString& id : std::as_const(state.waiting)) {
        if (!knows(kind, id))
            state.givenUp.insert(id);
    }
    state.waiting.clear();
}

void LocationListSync::noteUnknown(Kind kind, const QString& id)
{
    if (!m_started || id.isEmpty() || m_lists.unavailable.contains(kind) || knows(kind, id))
        return;
    KindState& state = m_state[kind];
    if (state.givenUp.contains(id))
        return;
    state.waiting.insert(id);
    if (refresh(kind))
        qCInfo(lcSync) << "the location's" << Store::LocationListCache::kindName(kind)
                       << "do not know an id the app met; refreshing them";
}

void LocationListSync::noteContacts(const QList<Api::Contact>& contacts)
{
    if (!m_started)
        return;
    for (const Api::Contact& contact : contacts) {
        for (const Api::CustomFieldValue& value : contact.customFields)
            noteUnknown(Kind::CustomFields, value.id.isEmpty() ? value.key : value.id);
        noteUnknown(Kind::Users, contact.assignedTo);
    }
}

void LocationListSync::noteAppointments(const QList<Api::Appointment>& appointments)
{
    for (const Api::Appointment& appointment : appointments) {
        noteUnknown(Kind::Calendars, appointment.calendarId);
        noteUnknown(Kind::Users, appointment.assignedUserId);
    }
}

void LocationListSync::noteTasks(const QList<Api::Task>& tasks)
{
    for (const Api::Task& task : tasks)
        noteUnknown(Kind::Users, task.assignedTo);
}

} // namespace ContactDesk::Sync
