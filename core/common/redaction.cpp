#include "common/redaction.h"

#include <QByteArrayMatcher>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

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
    // Most bodies (contacts, tasks, notes) hold no secret key at all: skip the expressions. The
    // needles ("key" and key=) are built once; this runs on every request-log record.
    static const std::vector<QByteArrayMatcher> needles = [] {
        std::vector<QByteArrayMatcher> matchers;
        for (const QByteArray& key : QByteArray(secretKeys).split('|')) {
            matchers.emplace_back(QByteArray('"' + key + '"'));
            matchers.emplace_back(QByteArray(key + '='));
        }
        return matchers;
    }();
    const bool mayHoldSecret = std::any_of(needles.begin(), needles.end(),
        [&body](const QByteArrayMatcher& needle) { return needle.indexIn(body) >= 0; });
    if (!mayHoldSecret)
        return body;
    // The value's closing quote is left in place (a lookahead): in a malformed body such as
    // {"token":"abc, "refresh_token":"x"} it is the quote that opens the next key, which must
    // still be found. A value cut off before its closing quote is masked to the end.
    static const QRegularExpression json(
        QStringLiteral("(\"(?:%1)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?=\"|$)")
            .arg(QLatin1StringView(secretKeys)));
    static const QRegularExpression form(
        QStringLiteral("(^|&)((?:%1)=)[^&]*").arg(QLatin1StringView(secretKeys)));
    QString text = QString::fromUtf8(body);
    text.replace(json, QStringLiteral("\\1\"[redacted]"));
    text.replace(form, QStringLiteral("\\1\\2[redacted]"));
    return text.toUtf8();
}

} // namespace ContactDesk
