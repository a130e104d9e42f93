#pragma once

#include "sandbox/exchange.h"

namespace ContactDesk::Sandbox {

class SandboxServer;

// The `/__sandbox/` control API: reset, seed, faults, the request log, settings and test
// tokens. Every call must carry `X-Sandbox-Admin-Key`.
class ControlRoutes
{
public:
    explicit ControlRoutes(SandboxServer& server);

    Reply handle(const Request& request);

private:
    Reply seed(const Request& request);
    Reply faults(const Request& request);
    Reply requests(const Request& request);
    Reply settings(const Request& request);
    Reply mintToken(const Request& request);
    // Server-side edits for tests ("another user changed this contact"): create, change and
    // delete contacts of the main location as HighLevel would, without the API's rate limit.
    Reply contacts(const Request& request, const QString& route);
    // Appointments of a contact (the calendars API the sandbox does not serve), so their
    // webhooks can be caused: POST .../appointments, PATCH and DELETE .../appointments/{id}.
    Reply appointments(const Request& request, const QString& contactId, const QString& rest);
    // The webhook target and the deliveries: GET, PUT {url, retryIntervalMs, maxAttempts},
    // DELETE (forget the deliveries); POST /webhooks/test sends a ContactUpdate.
    Reply webhooks(const Request& request, const QString& route);
    QJsonObject info();

    SandboxServer& m_server;
};

} // namespace ContactDesk::Sandbox
