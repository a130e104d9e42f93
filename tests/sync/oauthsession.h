#pragma once

// An OAuth connection to the in-process sandbox, signed in through its consent page with no
// browser: what the tests need when tokens expire, refresh or are revoked.
#include "auth/connection.h"
#include "auth/memorysecretstore.h"
#include "auth/tokenmanager.h"
#include "sandboxfixture.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

namespace ContactDesk::Testing {

// The browser's part of a sign-in: loads the sandbox's consent page, allows it for the first
// location, and returns where the sandbox redirects.
QUrl allowConsent(SandboxFixture& fx, const QUrl& authorizeUrl);

class OAuthSession
{
public:
    // A connection `id` on the fixture's OAuth app; its client secret is in the memory store.
    OAuthSession(SandboxFixture& fx, const QString& id);

    // Runs the code flow (authorize, consent, token) and hands the tokens to the provider;
    // false when any step fails or times out.
    bool signIn();

    Auth::OAuthTokenProvider& tokens() { return *m_tokens; }
    const Auth::Connection& connection() const { return m_connection; }

private:
    SandboxFixture& m_fx;
    QNetworkAccessManager m_nam;
    Auth::MemorySecretStore m_secrets;
    Auth::Connection m_connection;
    QString m_clientSecret;
    std::unique_ptr<Auth::OAuthTokenProvider> m_tokens;
};

} // namespace ContactDesk::Testing
