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
// What redactUrl() masks besides secrets. Log lines and messages mask contact data too; the
// inspector's traffic (shown only to this user, replayed, copied as curl and exported like the
// bodies it holds) keeps it, or its requests could not be sent again.
enum class UrlRedaction
{
    SecretsAndContactData,
    SecretsOnly,
};
// Masks the values of query items named like a secret and, unless told otherwise, those named
// like contact data and any value that holds an email address. Path, keys and the other values
// are kept, so the request stays recognisable.
QUrl redactUrl(const QUrl& url, UrlRedaction what = UrlRedaction::SecretsAndContactData);
// `text` (a network error, which names the URL it failed on) with `url` in it redacted.
QString redactUrlIn(
    const QString& text, const QUrl& url, UrlRedaction what = UrlRedaction::SecretsAndContactData);

} // namespace ContactDesk
