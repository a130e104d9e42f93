#pragma once

#include <QByteArray>
#include <QString>

namespace ContactDesk {

// The one place secrets are masked before anything is logged or shown: Authorization and admin
// key headers, and token, secret and code values in JSON or form bodies.
inline constexpr QLatin1StringView redactedText {"[redacted]"};

bool isSecretHeader(QByteArrayView lowerCaseName);
QByteArray redactHeaderValue(QByteArrayView lowerCaseName, const QByteArray& value);
QByteArray redactBody(const QByteArray& body);

} // namespace ContactDesk
