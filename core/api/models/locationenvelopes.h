#pragma once

#include "api/models/locationlists.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

// GET /users/search: one page of users and the number that match in all.
struct UserPage
{
    QList<User> users;
    int count = -1; // -1 when the server sent none
};

// The success envelopes of the location lists (Locations, Users and Calendars specs). Like
// Envelopes, each decoder returns std::nullopt and an error naming the offending item
// ("customFields[3].id: missing") when the body does not have the operation's shape.
namespace LocationEnvelopes {

// {customFields}: get-custom-fields, sorted by `position` (the location's field order; equal
// positions keep the order they came in).
std::optional<QList<CustomFieldDefinition>> customFields(const QJsonObject& body, QString* error);
// {customField}: get-, create- and update-custom-field.
std::optional<CustomFieldDefinition> customField(const QJsonObject& body, QString* error);
// {tags}: get-location-tags.
std::optional<QList<LocationTag>> tags(const QJsonObject& body, QString* error);
// {tag}: get-tag-by-id, create-tag, update-tag.
std::optional<LocationTag> tag(const QJsonObject& body, QString* error);
// {users, count}: search-users.
std::optional<UserPage> userPage(const QJsonObject& body, QString* error);
// {users}: get-user-by-location.
std::optional<QList<User>> users(const QJsonObject& body, QString* error);
// A bare user object (UserSuccessfulResponseDto): get-user.
std::optional<User> user(const QJsonObject& body, QString* error);
// {calendars}: get-calendars.
std::optional<QList<Calendar>> calendars(const QJsonObject& body, QString* error);
// {calendar}: get-calendar.
std::optional<Calendar> calendar(const QJsonObject& body, QString* error);

} // namespace LocationEnvelopes

} // namespace ContactDesk::Api
