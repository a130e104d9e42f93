#include "common/emailaddress.h"

#include <QRegularExpression>

namespace ContactDesk {

bool isEmailAddress(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$"));
    return pattern.match(text).hasMatch();
}

} // namespace ContactDesk
