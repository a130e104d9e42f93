#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace ContactDesk::Api {

// Where the bearer token comes from. The API client asks for a token before each attempt and
// reports a 401 once per request; an OAuth provider refreshes then (single-flight), a private
// integration token cannot.
class TokenProvider
{
public:
    // `token` is empty when `error` says why there is none.
    using Callback = std::function<void(const QString& token, const QString& error)>;

    virtual ~TokenProvider() = default;
    virtual void withToken(Callback done) = 0;
    // `rejected` got a 401; answer with a fresh token, or an error when there is none.
    virtual void tokenRejected(const QString& rejected, Callback done) = 0;
    // The scopes the token carries; empty when unknown (then nothing is refused locally).
    virtual QStringList grantedScopes() const { return {}; }
};

// A private integration token: static, never refreshed.
class StaticTokenProvider final : public TokenProvider
{
public:
    explicit StaticTokenProvider(QString token, QStringList scopes = {});
    void withToken(Callback done) override;
    void tokenRejected(const QString& rejected, Callback done) override;
    QStringList grantedScopes() const override { return m_scopes; }

private:
    QString m_token;
    QStringList m_scopes;
};

} // namespace ContactDesk::Api
