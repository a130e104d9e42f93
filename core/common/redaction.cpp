#include "common/redaction.h"

#include <QByteArrayMatcher>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace ContactDesk {

namespace {
const char* const secretKeys = "access_token|refresh_token|client_secret|code|accessToken|"
                               "refreshToken|clientSecret|privateIntegrationToken|adminKey|"
                               "password|token|id_token|idToken|apiKey|api_key|secret|jwt|"
                               "code_verifier|signingSecret|signing_secret";

// Query parameters whose values are a contact's data: the search box of GET /contacts/ and the
// duplicate lookup's email and phone.
bool isContactDataKey(const QString& key)
{
    static const QStringList keys {QStringLiteral("query"), QStringLiteral("q"),
        QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("number"),
        QStringLiteral("name"), QStringLiteral("firstName"), QStringLiteral("lastName")};
    return keys.contains(key, Qt::CaseInsensitive);
}

bool isSecretKey(const QString& key)
{
    static const QStringList keys
        = QString::fromLatin1(secretKeys).split(u'|') + QStringList {QStringLiteral("state")};
    return keys.contains(key, Qt::CaseInsensitive);
}
} // namespace

bool isSecretHeader(QByteArrayView lowerCaseName)
{
    return lowerCaseName == "authorization" || lowerCaseName == "proxy-authorization"
        || lowerCaseName == "x-sandbox-admin-key" || lowerCaseName == "cookie"
        || lowerCaseName == "set-cookie" || lowerCaseName == "x-api-key";
}

QByteArray redactHeaderValue(QByteArrayView lowerCaseName, const QByteArray& value)
{
    if (!isSecretHeader(lowerCaseName))
        return value;
    if (lowerCaseName == "authorization" || lowerCaseName == "proxy-authorization") {
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

QUrl redactUrl(const QUrl& url)
{
    if (!url.hasQuery())
        return url;
    const QString encoded = url.query(QUrl::FullyEncoded);
    if (encoded.isEmpty())
        return url;
    // Item by item on the encoded text, so the order, the keys and every untouched value keep
    // their exact bytes.
    QStringList items = encoded.split(u'&');
    bool changed = false;
    for (QString& item : items) {
        const qsizetype equals = item.indexOf(u'=');
        if (equals < 0)
            continue;
        const QString key = QUrl::fromPercentEncoding(item.left(equals).toUtf8());
        const QString value = QUrl::fromPercentEncoding(item.mid(equals + 1).toUtf8());
        if (value.isEmpty() || value == redactedText)
            continue;
        if (isSecretKey(key) || isContactDataKey(key) || value.contains(u'@')) {
            item = item.left(equals + 1) + QLatin1StringView("%5Bredacted%5D");
            changed = true;
        }
    }
    if (!changed)
        return url;
    QUrl redacted = url;
    redacted.setQuery(items.join(u'&'), QUrl::StrictMode);
    return redacted;
}

} // namespace ContactDesk
