#include "inspector/postmansupport.h"

#include <QUuid>

namespace ContactDesk::Inspector::PostmanSupport {

QJsonObject url(const QString& path, const QList<QPair<QString, QString>>& query)
{
    QString raw = QStringLiteral("{{baseUrl}}") + path;
    QJsonArray segments;
    const QString trimmed = path.startsWith(u'/') ? path.mid(1) : path;
    if (!trimmed.isEmpty()) {
        // A trailing slash ("/contacts/") stays as an empty last segment, as Postman keeps it.
        for (const QString& segment : trimmed.split(u'/'))
            segments.append(segment);
    }
    QJsonArray queryItems;
    for (qsizetype i = 0; i < query.size(); ++i) {
        raw += (i == 0 ? u'?' : u'&') + query.at(i).first + u'=' + query.at(i).second;
        queryItems.append(QJsonObject {{QStringLiteral("key"), query.at(i).first},
            {QStringLiteral("value"), query.at(i).second}});
    }
    QJsonObject object {
        {QStringLiteral("raw"), raw},
        {QStringLiteral("host"), QJsonArray {QStringLiteral("{{baseUrl}}")}},
        {QStringLiteral("path"), segments},
    };
    if (!queryItems.isEmpty())
        object.insert(QStringLiteral("query"), queryItems);
    return object;
}

QJsonObject request(const QString& method, ExportSupport::Headers headers, const QJsonObject& url,
    const QString& body)
{
    if (!body.isEmpty() && ExportSupport::headerValue(headers, "content-type").isEmpty())
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    QJsonObject object {
        {QStringLiteral("method"), method.isEmpty() ? QStringLiteral("GET") : method},
        {QStringLiteral("header"), ExportSupport::nameValues(headers, "key", "value")},
        {QStringLiteral("url"), url},
    };
    if (!body.isEmpty()) {
        object.insert(QStringLiteral("body"),
            QJsonObject {{QStringLiteral("mode"), QStringLiteral("raw")},
                {QStringLiteral("raw"), body},
                {QStringLiteral("options"),
                    QJsonObject {{QStringLiteral("raw"),
                        QJsonObject {{QStringLiteral("language"), QStringLiteral("json")}}}}}});
    }
    return object;
}

QJsonArray statusTest(int status, const QString& why, const QStringList& then)
{
    QJsonArray lines {
        QStringLiteral("pm.test(\"status %1 (%2)\", function () {").arg(status).arg(why),
        QStringLiteral("    pm.response.to.have.status(%1);").arg(status),
        QStringLiteral("});"),
    };
    for (const QString& line : then)
        lines.append(line);
    return QJsonArray {QJsonObject {
        {QStringLiteral("listen"), QStringLiteral("test")},
        {QStringLiteral("script"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("text/javascript")},
                {QStringLiteral("exec"), lines}}},
    }};
}

QJsonObject collection(const QString& name, const QString& description, const QUrl& baseUrl,
    const QList<QPair<QString, QString>>& variables)
{
    QString base = QString::fromUtf8(baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment));
    while (base.endsWith(u'/'))
        base.chop(1);
    QJsonArray variableItems {
        QJsonObject {{QStringLiteral("key"), QStringLiteral("baseUrl")},
            {QStringLiteral("value"), base}, {QStringLiteral("type"), QStringLiteral("string")}},
        // Never filled in by ContactDesk: the user sets it in Postman or with --env-var.
        QJsonObject {{QStringLiteral("key"), QStringLiteral("accessToken")},
            {QStringLiteral("value"), QString()},
            {QStringLiteral("type"), QStringLiteral("secret")}},
    };
    for (const auto& [key, value] : variables)
        variableItems.append(QJsonObject {{QStringLiteral("key"), key},
            {QStringLiteral("value"), value}, {QStringLiteral("type"), QStringLiteral("string")}});
    return QJsonObject {
        {QStringLiteral("info"),
            QJsonObject {
                {QStringLiteral("_postman_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("name"), name},
                {QStringLiteral("description"), description},
                {QStringLiteral("schema"), QString(schemaUrl)},
            }},
        {QStringLiteral("auth"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("bearer")},
                {QStringLiteral("bearer"),
                    QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("token")},
                        {QStringLiteral("value"), QStringLiteral("{{accessToken}}")},
                        {QStringLiteral("type"), QStringLiteral("string")}}}}}},
        {QStringLiteral("variable"), variableItems},
        {QStringLiteral("item"), QJsonArray()},
    };
}

} // namespace ContactDesk::Inspector::PostmanSupport
