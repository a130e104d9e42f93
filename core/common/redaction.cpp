#include "common/redaction.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace ContactDesk {

namespace {
const char* const secretKeys = "access_token|refresh_token|client_secret|code|accessToken|"
                               "refreshToken|clientSecret|privateIntegrationToken|adminKey|"
                               "password|token";
} // namespace

bool isSecretHeader(QByteArrayView lowerCaseName)
{
    return lowerCaseName == "authorization" || lowerCaseName == "x-sandbox-admin-key"
        || lowerCaseName == "cookie" || lowerCaseName == "set-cookie";
}

QByteArray redactHeaderValue(QByteArrayView lowerCaseName, const QByteArray& value)
{
    if (!isSecretHeader(lowerCaseName))
        return value;
    if (lowerCaseName == "authorization") {
        const int space = value.indexOf(' ');
        if (space > 0)
            return value.left(space + 1) + QByteArray(redactedText.data(), redactedText.size());
    }
    return QByteArray(redactedText.data(), redactedText.size());
}

QByteArray redactBody(const QByteArray& body)
{
    // Most bodies (contacts, tasks, notes) hold no secret key at all: skip the expressions.
    static const QList<QByteArray> keys = QByteArray(secretKeys).split('|');
    const bool mayHoldSecret = std::any_of(keys.begin(), keys.end(), [&body](const QByteArray& k) {
        return body.contains('"' + k + '"') || body.contains(k + '=');
    });
    if (!mayHoldSecret)
        return body;
    static const QRegularExpression json(
        QStringLiteral("(\"(?:%1)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"")
            .arg(QLatin1StringView(secretKeys)));
    static const QRegularExpression form(
        QStringLiteral("(^|&)((?:%1)=)[^&]*").arg(QLatin1StringView(secretKeys)));
    QString text = QString::fromUtf8(body);
    text.replace(json, QStringLiteral("\\1\"[redacted]\""));
    text.replace(form, QStringLiteral("\\1\\2[redacted]"));
    return text.toUtf8();
}

} // namespace ContactDesk
