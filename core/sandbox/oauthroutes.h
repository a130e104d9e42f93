#pragma once

#include "sandbox/exchange.h"

#include <optional>

namespace ContactDesk::Sandbox {

class SandboxData;

// HighLevel's OAuth 2.0 server: the consent page (`/oauth/chooselocation` and
// `/v2/oauth/chooselocation`), `POST /oauth/token` (authorization_code and refresh_token
// grants, form-encoded), `POST /oauth/locationToken` and `GET /oauth/installedLocations`.
class OAuthRoutes
{
public:
    explicit OAuthRoutes(SandboxData& data);

    // The reply for an `/oauth/...` or `/v2/oauth/...` request, or nothing when the path is not
    // an OAuth route.
    std::optional<Reply> handle(const Request& request);

    // Issues an access token (Location or Company) + rotating refresh token pair (also used by
    // tests and the control API to mint expiring tokens).
    QJsonObject issueTokens(const QString& clientId, const QString& userType,
        const QString& locationId, const QString& companyId, const QString& userId,
        const QStringList& scopes);

private:
    Reply token(const Request& request);
    Reply locationToken(const Request& request);
    Reply installedLocations(const Request& request);
    // The agency helpers' gate: Version header, then a live Company token. Sets `grant` or
    // returns the 401 that refuses the call.
    std::optional<Reply> agencyGrant(const Request& request, const Grant** grant) const;

    SandboxData& m_data;
    // The app counts as installed on every location of the company from server start.
    qint64 m_installedAtMs = 0;
};

} // namespace ContactDesk::Sandbox
