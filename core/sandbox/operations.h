#pragma once

#include "sandbox/exchange.h"

#include <QHash>
#include <QString>

#include <functional>

namespace ContactDesk::Sandbox {

class SandboxData;

// A handler for one catalog operation, keyed by the spec's operationId. The server pipeline
// has already checked the route, Version header, token, scope, rate limit, JSON body against
// the operation's DTO (allow-list, required fields, JSON types), that a `locationId` in the
// query, body or path belongs to the token, and that a `{contactId}` in the path names a live
// contact of the token's location.
using Handler = std::function<Reply(const Request&)>;
using HandlerTable = QHash<QString, Handler>;

// contactroutes.cpp: get/create/update/delete/upsert contact, get-contacts, search,
// duplicate search, contacts by business, bulk business.
void addContactHandlers(HandlerTable& table, SandboxData& data);
// subresourceroutes.cpp: tasks, notes, appointments.
void addSubresourceHandlers(HandlerTable& table, SandboxData& data);
// membershiproutes.cpp: tags, bulk tags, followers, campaigns, workflows.
void addMembershipHandlers(HandlerTable& table, SandboxData& data);
// locationroutes.cpp: the location's custom fields and tags.
void addLocationListHandlers(HandlerTable& table, SandboxData& data);
// directoryroutes.cpp: the company's users and the location's calendars.
void addDirectoryHandlers(HandlerTable& table, const SandboxData& data);

} // namespace ContactDesk::Sandbox
