#include "common/version.h"

#include "versioninfo.h"

namespace ContactDesk {

QString version()
{
    return QStringLiteral(CONTACTDESK_VERSION_TEXT);
}

QString homepageUrl()
{
    return QStringLiteral(CONTACTDESK_HOMEPAGE_TEXT);
}

QString applicationId()
{
    return QStringLiteral(CONTACTDESK_APP_ID_TEXT);
}

QByteArray userAgent()
{
    return QByteArrayLiteral(
        "ContactDesk/" CONTACTDESK_VERSION_TEXT " (+" CONTACTDESK_HOMEPAGE_TEXT ")");
}

} // namespace ContactDesk
