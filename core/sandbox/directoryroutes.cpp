#include "sandbox/operations.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdirectory.h"

#include <QJsonArray>

#include <algorithm>

namespace ContactDesk::Sandbox {

namespace {

using L = QLatin1StringView;
using Records = QList<QJsonObject>;

constexpr int defaultUserPage = 25;
constexpr int maxUserPage = 100;

// A query parameter the spec marks required, as class-validator words its absence.
std::optional<Reply> requireQuery(const Request& request, const QString& name)
{
    if (!request.queryValue(name).isEmpty())
        return std::nullopt;
    return Reply::validation({name + QStringLiteral(" should not be empty")});
}

class UserRoutes
{
public:
    explicit UserRoutes(const SandboxData& data)
        : m_data(data)
    { }

    // GET /users/search: the company's users, narrowed by location, ids and a text query.
    Reply search(const Request& request) const
    {
        if (std::optional<Reply> missing = requireQuery(request, QStringLiteral("companyId")))
            return *missing;
        if (request.queryValue(QStringLiteral("companyId")) != request.grant->companyId) {
            return Reply::error(
                403, QStringLiteral("The token does not have access to this company."));
        }
        bool skipOk = true;
        bool limitOk = true;
        const QString skipText = request.queryValue(QStringLiteral("skip"));
        const QString limitText = request.queryValue(QStringLiteral("limit"));
        const int skip = skipText.isEmpty() ? 0 : skipText.toInt(&skipOk);
        const int limit = limitText.isEmpty() ? defaultUserPage : limitText.toInt(&limitOk);
        QStringList errors;
        if (!skipOk || skip < 0)
            errors.append(QStringLiteral("skip must not be less than 0"));
        if (!limitOk || limit < 1 || limit > maxUserPage)
            errors.append(QStringLiteral("limit must be between 1 and %1").arg(maxUserPage));
        if (!errors.isEmpty())
            return Reply::validation(errors);

        const QString locationId = request.queryValue(QStringLiteral("locationId"));
        const QString text = request.queryValue(QStringLiteral("query")).trimmed();
        const QStringList ids
            = request.queryValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts);
        Records matches;
        for (const QJsonObject& user : m_data.users()) {
            if (!inCompany(user, request.grant->companyId))
                continue;
            if (!locationId.isEmpty() && !Directory::userBelongsTo(user, locationId))
                continue;
            if (!ids.isEmpty() && !ids.contains(user.value(L("id")).toString()))
                continue;
            if (!text.isEmpty()
                && !user.value(L("name")).toString().contains(text, Qt::CaseInsensitive)
                && !user.value(L("email")).toString().contains(text, Qt::CaseInsensitive))
                continue;
            matches.append(user);
        }
        std::stable_sort(
            matches.begin(), matches.end(), [](const QJsonObject& a, const QJsonObject& b) {
                return a.value(L("name")).toString().compare(
                           b.value(L("name")).toString(), Qt::CaseInsensitive)
                    < 0;
            });
        const qsizetype total = matches.size();
        return Reply::json(200,
            {{QStringLiteral("users"), recordsToJson(matches.mid(skip, limit))},
                {QStringLiteral("count"), total}});
    }

    // GET /users/{userId}: a bare user object.
    Reply get(const Request& request) const
    {
        const QString id = request.pathParams.value(QStringLiteral("userId"));
        for (const QJsonObject& user : m_data.users()) {
            if (user.value(L("id")).toString() == id && inCompany(user, request.grant->companyId))
                return Reply::json(200, user);
        }
        return Reply::error(404, QStringLiteral("User with id %1 not found").arg(id));
    }

    // GET /users/?locationId: the location's users, unpaged.
    Reply ofLocation(const Request& request) const
    {
        if (std::optional<Reply> missing = requireQuery(request, QStringLiteral("locationId")))
            return *missing;
        const QString locationId = request.queryValue(QStringLiteral("locationId"));
        Records users;
        for (const QJsonObject& user : m_data.users()) {
            if (Directory::userBelongsTo(user, locationId))
                users.append(user);
        }
        return Reply::json(200, {{QStringLiteral("users"), recordsToJson(users)}});
    }

private:
    bool inCompany(const QJsonObject& user, const QString& companyId) const
    {
        const QJsonArray locations
            = user.value(L("roles")).toObject().value(L("locationIds")).toArray();
        return std::any_of(locations.begin(), locations.end(), [&](const QJsonValue& id) {
            const Location* location = m_data.location(id.toString());
            return location && location->companyId == companyId;
        });
    }

    const SandboxData& m_data;
};

class CalendarRoutes
{
public:
    explicit CalendarRoutes(const SandboxData& data)
        : m_data(data)
    { }

    Reply list(const Request& request) const
    {
        if (std::optional<Reply> missing = requireQuery(request, QStringLiteral("locationId")))
            return *missing;
        const QString locationId = request.queryValue(QStringLiteral("locationId"));
        const QString groupId = request.queryValue(QStringLiteral("groupId"));
        Records calendars;
        for (const QJsonObject& calendar : m_data.calendars()) {
            if (calendar.value(L("locationId")).toString() == locationId
                && (groupId.isEmpty() || calendar.value(L("groupId")).toString() == groupId))
                calendars.append(calendar);
        }
        return Reply::json(200, {{QStringLiteral("calendars"), recordsToJson(calendars)}});
    }

    Reply get(const Request& request) const
    {
        const QString id = request.pathParams.value(QStringLiteral("calendarId"));
        for (const QJsonObject& calendar : m_data.calendars()) {
            if (calendar.value(L("id")).toString() != id)
                continue;
            if (calendar.value(L("locationId")).toString() != request.grant->locationId) {
                return Reply::error(
                    403, QStringLiteral("The token does not have access to this location."));
            }
            return Reply::json(200, {{QStringLiteral("calendar"), calendar}});
        }
        return Reply::error(404, QStringLiteral("Calendar with id %1 not found").arg(id));
    }

private:
    const SandboxData& m_data;
};

} // namespace

void addDirectoryHandlers(HandlerTable& table, const SandboxData& data)
{
    auto users = std::make_shared<UserRoutes>(data);
    table.insert(
        QStringLiteral("search-users"), [users](const Request& r) { return users->search(r); });
    table.insert(QStringLiteral("get-user"), [users](const Request& r) { return users->get(r); });
    table.insert(QStringLiteral("get-user-by-location"),
        [users](const Request& r) { return users->ofLocation(r); });
    auto calendars = std::make_shared<CalendarRoutes>(data);
    table.insert(QStringLiteral("get-calendars"),
        [calendars](const Request& r) { return calendars->list(r); });
    table.insert(QStringLiteral("get-calendar"),
        [calendars](const Request& r) { return calendars->get(r); });
}

} // namespace ContactDesk::Sandbox
