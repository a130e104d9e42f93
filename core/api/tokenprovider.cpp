#include "api/tokenprovider.h"

#include <QCoreApplication>

namespace ContactDesk::Api {

StaticTokenProvider::StaticTokenProvider(QString token, QStringList scopes)
    : m_token(std::move(token))
    , m_scopes(std::move(scopes))
{ }

void StaticTokenProvider::withToken(Callback done)
{
    if (m_token.isEmpty())
        done({}, QCoreApplication::translate("ContactDesk::Api", "No access token is set."));
    else
        done(m_token, {});
}

void StaticTokenProvider::tokenRejected(const QString&, Callback done)
{
    done({},
        QCoreApplication::translate("ContactDesk::Api",
            "The private integration token was rejected; replace "
            "it in the connection settings."));
}

} // namespace ContactDesk::Api
