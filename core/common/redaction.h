#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace ContactDesk {

// The one place secrets are masked before anything is logged or shown: Authorization, proxy and
// admin key headers, cookies; token, secret, code, id_token, apiKey and jwt values in JSON or form
// bodies; and URL query values that carry a secret or contact data (an email or phone number in a
// search query).
inline constexpr QLatin1StringView redactedText {"[redacted]"};

bool isSecretHeader(QByteArrayView lowerCaseName);
QByteArray redactHeaderValue(QByteArrayView lowerCaseName, const QByteArray& value);
QByteArray redactBody(const QByteArray& body);
// Masks the values of query items named like a secret or like contact data, and any value that
// holds an email address. Path, keys and the other values are kept, so the request stays
// recognisable.
QUrl redactUrl(const QUrl& url);

} // namespace ContactDesk
