#include "secretstore.h"

#include <QStringList>

namespace ContactDesk::Auth {

QString secretKindKey(SecretKind kind)
{
    switch (kind) {
    case SecretKind::AccessToken:
        return QStringLiteral("accessToken");
    case SecretKind::RefreshToken:
        return QStringLiteral("refreshToken");
    case SecretKind::ClientSecret:
        return QStringLiteral("clientSecret");
    case SecretKind::PrivateIntegrationToken:
        return QStringLiteral("privateIntegrationToken");
    case SecretKind::EventSigningSecret:
        return QStringLiteral("eventSigningSecret");
    }
    Q_UNREACHABLE();
    return {};
}

void SecretStore::removeAll(const QString& connectionId, Done done)
{
    removeFrom(connectionId, 0, {}, std::move(done));
}

void SecretStore::removeFrom(
    const QString& connectionId, std::size_t index, QStringList errors, Done done)
{
    if (index == std::size(allSecretKinds)) {
        done(errors.join(QLatin1Char('\n')));
        return;
    }
    remove(connectionId, allSecretKinds[index],
        [this, connectionId, index, errors, done = std::move(done)](const QString& error) mutable {
            if (!error.isEmpty())
                errors.append(error);
            removeFrom(connectionId, index + 1, std::move(errors), std::move(done));
        });
}

} // namespace ContactDesk::Auth
