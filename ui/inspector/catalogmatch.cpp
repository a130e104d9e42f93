#include "ui/inspector/catalogmatch.h"

#include "inspector/exchangeexport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::Ui::CatalogMatch {

namespace {

QList<QStringView> segments(QStringView path)
{
    QList<QStringView> parts;
    for (QStringView part : path.split(u'/', Qt::SkipEmptyParts))
        parts.append(part);
    return parts;
}

bool isParameter(QStringView segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

// A request of the catalog collection stands for `endpoint` when its method and the literal
// segments of its path agree (the collection writes parameters as :name, {{name}} or {name}).
bool sameOperation(const QJsonObject& request, const Api::Endpoint& endpoint)
{
    if (request.value(QLatin1String("method")).toString().toLatin1()
        != Api::methodName(endpoint.method))
        return false;
    const QJsonValue url = request.value(QLatin1String("url"));
    QStringList path;
    if (url.isObject()) {
        for (const QJsonValue& part : url.toObject().value(QLatin1String("path")).toArray())
            path.append(part.toString());
    } else {
        QString raw = url.toString();
        raw.remove(QStringLiteral("{{baseUrl}}"));
        path = QUrl(QStringLiteral("http://x") + raw).path().split(u'/', Qt::SkipEmptyParts);
    }
    // The views point into this string, so it lives as long as they do.
    const QString endpointPath(endpoint.path);
    const QList<QStringView> wanted = segments(endpointPath);
    if (path.size() != wanted.size())
        return false;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString& part = path.at(i);
        const bool parameter = part.startsWith(u':') || part.startsWith(u'{');
        if (isParameter(wanted.at(i)) != parameter)
            return false;
        if (!parameter && part != wanted.at(i))
            return false;
    }
    return true;
}

std::optional<QJsonObject> findInCollection(const QJsonArray& items, const Api::Endpoint& endpoint)
{
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        if (item.contains(QLatin1String("item"))) {
            if (auto found
                = findInCollection(item.value(QLatin1String("item")).toArray(), endpoint))
                return found;
            continue;
        }
        const QJsonObject request = item.value(QLatin1String("request")).toObject();
        if (!sameOperation(request, endpoint))
            continue;
        const QString raw = request.value(QLatin1String("body"))
                                .toObject()
                                .value(QLatin1String("raw"))
                                .toString();
        const QJsonDocument body = QJsonDocument::fromJson(raw.toUtf8());
        if (body.isObject())
            return body.object();
    }
    return std::nullopt;
}

// Replaces every string that is exactly "{{name}}" by the known value of `name`.
QJsonValue substitute(const QJsonValue& value, const QHash<QString, QString>& known)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.startsWith(QLatin1String("{{")) && text.endsWith(QLatin1String("}}"))) {
            const QString found = known.value(text.mid(2, text.size() - 4));
            if (!found.isEmpty())
                return found;
        }
        return value;
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(substitute(item, known));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), known);
        return object;
    }
    return value;
}

QJsonValue exampleValue(const Api::BodyField& field, const QHash<QString, QString>& known)
{
    const QString name(field.name);
    if (known.contains(name))
        return known.value(name);
    switch (field.type) {
    case Api::FieldType::String:
        if (name.contains(QLatin1String("email"), Qt::CaseInsensitive))
            return QStringLiteral("jane.doe@example.com");
        if (name.contains(QLatin1String("date"), Qt::CaseInsensitive))
            return QStringLiteral("2026-12-31T09:00:00Z");
        return QStringLiteral("example %1").arg(name);
    case Api::FieldType::Number:
        return 1;
    case Api::FieldType::Boolean:
        return false;
    case Api::FieldType::StringArray:
        return QJsonArray {QStringLiteral("example")};
    case Api::FieldType::Array:
        return QJsonArray {};
    case Api::FieldType::Object:
        return QJsonObject {};
    }
    return {};
}

} // namespace

const Api::Endpoint* match(
    const QByteArray& method, QStringView path, QHash<QString, QString>* parameters)
{
    const QList<QStringView> given = segments(path);
    const Api::Endpoint* best = nullptr;
    int bestLiterals = -1;
    QHash<QString, QString> bestParameters;
    for (const Api::Endpoint& endpoint : Api::endpoints()) {
        if (Api::methodName(endpoint.method) != method.toUpper())
            continue;
        const QString templ(endpoint.path);
        const QList<QStringView> wanted = segments(templ);
        if (wanted.size() != given.size())
            continue;
        int literals = 0;
        bool fits = true;
        QHash<QString, QString> found;
        for (qsizetype i = 0; i < wanted.size() && fits; ++i) {
            if (isParameter(wanted.at(i))) {
                found.insert(wanted.at(i).sliced(1, wanted.at(i).size() - 2).toString(),
                    QUrl::fromPercentEncoding(given.at(i).toUtf8()));
            } else if (wanted.at(i) == given.at(i)) {
                ++literals;
            } else {
                fits = false;
            }
        }
        if (fits && literals > bestLiterals) {
            best = &endpoint;
            bestLiterals = literals;
            bestParameters = found;
        }
    }
    if (best && parameters)
        *parameters = bestParameters;
    return best;
}

QStringList parameterNames(const Api::Endpoint& endpoint)
{
    QStringList names;
    const QString templ(endpoint.path);
    for (QStringView segment : segments(templ)) {
        if (isParameter(segment))
            names.append(segment.sliced(1, segment.size() - 2).toString());
    }
    return names;
}

QString fillPath(const Api::Endpoint& endpoint, const QHash<QString, QString>& parameters)
{
    QString path(endpoint.path);
    for (const QString& name : parameterNames(endpoint)) {
        const QString value = parameters.value(name);
        if (!value.isEmpty())
            path.replace(u'{' + name + u'}', QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return path;
}

QJsonObject exampleBody(const Api::Endpoint& endpoint, const QHash<QString, QString>& known)
{
    if (!endpoint.takesBody)
        return {};
    // The collection is built from the whole catalog; made once.
    static const QJsonArray items
        = Inspector::catalogCollection(QUrl(QStringLiteral("http://127.0.0.1")))
              .value(QLatin1String("item"))
              .toArray();
    if (std::optional<QJsonObject> found = findInCollection(items, endpoint))
        return substitute(*found, known).toObject();
    QJsonObject body;
    for (const Api::BodyField& field : endpoint.body) {
        if (field.required)
            body.insert(QString(field.name), exampleValue(field, known));
    }
    return body;
}

QString apiPath(const QUrl& url, const QUrl& baseUrl)
{
    QString path = url.path(QUrl::FullyEncoded);
    QString base = baseUrl.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.isEmpty() && path.startsWith(base))
        path = path.mid(base.size());
    return path.isEmpty() ? QStringLiteral("/") : path;
}

} // namespace ContactDesk::Ui::CatalogMatch
