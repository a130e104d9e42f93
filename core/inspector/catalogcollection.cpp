// Every operation of the endpoint catalog as a Postman collection and a HAR log, so a user can
// start in Postman, Bruno or Insomnia from what ContactDesk knows.
//
// The example bodies are built from the catalog itself: each operation's body allow-list names
// the properties the server accepts and which are required; every required property, and a few
// well-known optional ones, gets an example value in the shape the sandbox seeds its contacts,
// tasks and notes with (names, e-mail, E.164 phone, ISO dates). Ids are never invented: they are
// {{variables}} a user fills in (locationId, contactId, taskId, ...). The official spec files are
// not shipped with ContactDesk, so nothing here reads them.
#include "inspector/exchangeexport.h"
#include "inspector/exportsupport.h"
#include "inspector/postmansupport.h"

#include "api/endpointcatalog.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ContactDesk::Inspector {

namespace {

using Api::BodyField;
using Api::Endpoint;
using Api::FieldType;
using Query = QList<QPair<QString, QString>>;

// The variable a path parameter becomes: the ambiguous {id} is named after its resource.
QString variableFor(const QString& parameter, const QString& previousSegment)
{
    if (parameter != QLatin1StringView("id"))
        return parameter;
    if (previousSegment == QLatin1StringView("notes"))
        return QStringLiteral("noteId");
    if (previousSegment == QLatin1StringView("customFields"))
        return QStringLiteral("customFieldId");
    return previousSegment + QStringLiteral("Id");
}

// "/contacts/{contactId}/notes/{id}" -> "/contacts/{{contactId}}/notes/{{noteId}}", collecting
// the variable names in `variables`.
QString templatedPath(const Endpoint& endpoint, QStringList* variables)
{
    QStringList segments = QString(endpoint.path).split(u'/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString& segment = segments.at(i);
        if (!segment.startsWith(u'{') || !segment.endsWith(u'}'))
            continue;
        const QString variable = variableFor(
            segment.mid(1, segment.size() - 2), i > 0 ? segments.at(i - 1) : QString());
        if (!variables->contains(variable))
            variables->append(variable);
        segments[i] = QStringLiteral("{{%1}}").arg(variable);
    }
    return segments.join(u'/');
}

// The query parameters the operation needs to answer at all, as ContactsApi and LocationApi
// send them.
Query queryFor(const Endpoint& endpoint)
{
    const QString id = endpoint.operationId;
    const QPair<QString, QString> location {
        QStringLiteral("locationId"), QStringLiteral("{{locationId}}")};
    if (id == QLatin1StringView("get-contacts"))
        return {location, {QStringLiteral("limit"), QStringLiteral("20")}};
    if (id == QLatin1StringView("get-duplicate-contact"))
        return {location, {QStringLiteral("email"), QStringLiteral("{{email}}")}};
    if (id == QLatin1StringView("get-contacts-by-businessId"))
        return {location, {QStringLiteral("skip"), QStringLiteral("0")},
            {QStringLiteral("limit"), QStringLiteral("20")}};
    if (id == QLatin1StringView("search-users"))
        return {{QStringLiteral("companyId"), QStringLiteral("{{companyId}}")}, location,
            {QStringLiteral("skip"), QStringLiteral("0")},
            {QStringLiteral("limit"), QStringLiteral("25")}};
    if (id == QLatin1StringView("get-user-by-location") || id == QLatin1StringView("get-calendars"))
        return {location};
    return {};
}

// An example value for one property: the well-known names get a realistic value, ids a
// variable, anything else one of its type.
QJsonValue exampleValue(const Endpoint& endpoint, const BodyField& field)
{
    const QString name = field.name;
    const QString op = endpoint.operationId;
    static const QHash<QString, QJsonValue> known {
        {QStringLiteral("locationId"), QStringLiteral("{{locationId}}")},
        {QStringLiteral("firstName"), QStringLiteral("Ada")},
        {QStringLiteral("lastName"), QStringLiteral("Lovelace")},
        {QStringLiteral("email"), QStringLiteral("ada.lovelace@example.com")},
        {QStringLiteral("phone"), QStringLiteral("+14155550123")},
        {QStringLiteral("city"), QStringLiteral("London")},
        {QStringLiteral("source"), QStringLiteral("ContactDesk")},
        {QStringLiteral("title"), QStringLiteral("Call back about the quote")},
        {QStringLiteral("dueDate"), QStringLiteral("2026-12-31T10:00:00.000Z")},
        {QStringLiteral("completed"), false},
        {QStringLiteral("pageLimit"), 20},
        {QStringLiteral("page"), 1},
        {QStringLiteral("contacts"), QJsonArray {QStringLiteral("{{contactId}}")}},
        {QStringLiteral("ids"), QJsonArray {QStringLiteral("{{contactId}}")}},
        {QStringLiteral("businessId"), QStringLiteral("{{businessId}}")},
        {QStringLiteral("followers"), QJsonArray {QStringLiteral("{{userId}}")}},
        {QStringLiteral("eventStartTime"), QStringLiteral("2026-12-31T10:00:00+00:00")},
        {QStringLiteral("dataType"), QStringLiteral("TEXT")},
        {QStringLiteral("placeholder"), QStringLiteral("Favourite colour")},
        {QStringLiteral("model"), QStringLiteral("contact")},
        {QStringLiteral("removeAllTags"), false},
    };
    if (name == QLatin1StringView("body"))
        return op.contains(QLatin1StringView("note"))
            ? QStringLiteral("Asked for a quote by phone.")
            : QStringLiteral("Send the price list.");
    if (name == QLatin1StringView("name"))
        return op.contains(QLatin1StringView("custom-field")) ? QStringLiteral("Favourite colour")
            // Not {{tagName}}: the contact's tags become location tags, and a create of a name
            // that exists is refused.
            : op.contains(QLatin1StringView("tag")) ? QStringLiteral("{{newTagName}}")
                                                    : QStringLiteral("Ada Lovelace");
    if (name == QLatin1StringView("tags"))
        return QJsonArray {QStringLiteral("{{tagName}}")};
    const auto it = known.constFind(name);
    if (it != known.cend())
        return *it;
    switch (field.type) {
    case FieldType::String:
        return QStringLiteral("example");
    case FieldType::Number:
        return 1;
    case FieldType::Boolean:
        return false;
    case FieldType::StringArray:
        return QJsonArray {QStringLiteral("example")};
    case FieldType::Array:
        return QJsonArray();
    case FieldType::Object:
        return QJsonObject();
    }
    return {};
}

// Which optional properties the examples show besides the required ones: those a user
// usually sends first, never the nested objects whose shape the allow-list does not give.
bool shownWhenOptional(const QString& name)
{
    static const QStringList names {QStringLiteral("firstName"), QStringLiteral("lastName"),
        QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("city"),
        QStringLiteral("source"), QStringLiteral("body"), QStringLiteral("title"),
        QStringLiteral("placeholder"), QStringLiteral("model")};
    return names.contains(name);
}

QJsonObject exampleBody(const Endpoint& endpoint)
{
    QJsonObject body;
    for (const BodyField& field : endpoint.body) {
        if (field.required || shownWhenOptional(field.name))
            body.insert(QString(field.name), exampleValue(endpoint, field));
    }
    return body;
}

QString folderOf(const Endpoint& endpoint)
{
    const QString path = endpoint.path;
    if (path.startsWith(QLatin1StringView("/locations/")))
        return path.contains(QLatin1StringView("/tags")) ? QStringLiteral("Location tags")
                                                         : QStringLiteral("Custom fields");
    if (path.startsWith(QLatin1StringView("/users")))
        return QStringLiteral("Users");
    if (path.startsWith(QLatin1StringView("/calendars")))
        return QStringLiteral("Calendars");
    return QStringLiteral("Contacts");
}

struct CatalogRequest
{
    const Endpoint* endpoint;
    QString path; // with {{variables}}
    Query query;
    QString body; // empty for none
};

// The order a collection runner (Postman's, newman) sends the requests in, so that a run on a
// sandbox works from top to bottom: each resource is made first (its create keeps the new id as
// a collection variable, see captureLines), then read, changed and deleted; the contact last.
// An operation missing here keeps its catalog place after the listed ones.
int runRank(const Endpoint& endpoint)
{
    static const QStringList order {// Contacts
        QStringLiteral("create-contact"), QStringLiteral("get-contact"),
        QStringLiteral("update-contact"), QStringLiteral("get-contacts"),
        QStringLiteral("search-contacts-advanced"), QStringLiteral("get-duplicate-contact"),
        QStringLiteral("upsert-contact"), QStringLiteral("create-task"),
        QStringLiteral("get-all-tasks"), QStringLiteral("get-task"), QStringLiteral("update-task"),
        QStringLiteral("update-task-completed"), QStringLiteral("delete-task"),
        QStringLiteral("create-note"), QStringLiteral("get-all-notes"), QStringLiteral("get-note"),
        QStringLiteral("update-note"), QStringLiteral("delete-note"), QStringLiteral("add-tags"),
        QStringLiteral("remove-tags"), QStringLiteral("create-association"),
        QStringLiteral("add-followers-contact"), QStringLiteral("remove-followers-contact"),
        QStringLiteral("add-contact-to-campaign"), QStringLiteral("remove-contact-from-campaign"),
        QStringLiteral("remove-contact-from-every-campaign"),
        QStringLiteral("add-contact-to-workflow"), QStringLiteral("delete-contact-from-workflow"),
        QStringLiteral("get-appointments-for-contact"),
        QStringLiteral("add-remove-contact-from-business"),
        QStringLiteral("get-contacts-by-businessId"), QStringLiteral("delete-contact"),
        // Custom fields, tags, users, calendars
        QStringLiteral("create-custom-field"), QStringLiteral("get-custom-fields"),
        QStringLiteral("get-custom-field"), QStringLiteral("update-custom-field"),
        QStringLiteral("delete-custom-field"), QStringLiteral("create-tag"),
        QStringLiteral("get-location-tags"), QStringLiteral("get-tag-by-id"),
        QStringLiteral("update-tag"), QStringLiteral("delete-tag"), QStringLiteral("search-users"),
        QStringLiteral("get-user"), QStringLiteral("get-user-by-location"),
        QStringLiteral("get-calendars"), QStringLiteral("get-calendar")};
    const qsizetype rank = order.indexOf(QString(endpoint.operationId));
    return rank < 0 ? int(order.size()) : int(rank);
}

// After a create: the new record's id becomes the collection variable the later requests name.
QStringList captureLines(const Endpoint& endpoint)
{
    static const QHash<QString, QPair<QString, QString>> created {
        {QStringLiteral("create-contact"),
            {QStringLiteral("contact"), QStringLiteral("contactId")}},
        {QStringLiteral("create-task"), {QStringLiteral("task"), QStringLiteral("taskId")}},
        {QStringLiteral("create-note"), {QStringLiteral("note"), QStringLiteral("noteId")}},
        {QStringLiteral("create-custom-field"),
            {QStringLiteral("customField"), QStringLiteral("customFieldId")}},
        {QStringLiteral("create-tag"), {QStringLiteral("tag"), QStringLiteral("tagId")}},
    };
    const auto it = created.constFind(QString(endpoint.operationId));
    if (it == created.cend())
        return {};
    return {QStringLiteral("if (pm.response.code === %1) {").arg(endpoint.successStatus),
        QStringLiteral("    pm.collectionVariables.set(\"%1\", pm.response.json().%2.id);")
            .arg(it->second, it->first),
        QStringLiteral("}")};
}

QList<CatalogRequest> catalogRequests(QStringList* variables)
{
    QList<const Endpoint*> ordered;
    for (const Endpoint& endpoint : Api::endpoints())
        ordered.append(&endpoint);
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const Endpoint* a, const Endpoint* b) { return runRank(*a) < runRank(*b); });
    QList<CatalogRequest> requests;
    for (const Endpoint* pointer : std::as_const(ordered)) {
        const Endpoint& endpoint = *pointer;
        CatalogRequest request {
            &endpoint, templatedPath(endpoint, variables), queryFor(endpoint), {}};
        for (const auto& [key, value] : request.query) {
            if (value.startsWith(QLatin1StringView("{{"))) {
                const QString variable = value.mid(2, value.size() - 4);
                if (!variables->contains(variable))
                    variables->append(variable);
            }
        }
        if (endpoint.takesBody) {
            const QJsonObject body = exampleBody(endpoint);
            request.body = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
            // The ids the example names ({{contactId}}, ...) become variables too.
            const QString& text = request.body;
            qsizetype at = text.indexOf(QLatin1StringView("{{"));
            while (at >= 0) {
                const qsizetype close = text.indexOf(QLatin1StringView("}}"), at);
                const QString variable = text.mid(at + 2, close - at - 2);
                if (!variables->contains(variable))
                    variables->append(variable);
                at = text.indexOf(QLatin1StringView("{{"), close);
            }
        }
        requests.append(request);
    }
    return requests;
}

ExportSupport::Headers catalogHeaders(const Endpoint& endpoint)
{
    return {{QByteArrayLiteral("Version"),
                QByteArray(endpoint.version.data(), endpoint.version.size())},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
}

// Sensible starting values for variables that are not ids.
QString defaultValue(const QString& variable)
{
    if (variable == QLatin1StringView("type"))
        return QStringLiteral("add");
    if (variable == QLatin1StringView("email"))
        return QStringLiteral("ada.lovelace@example.com");
    if (variable == QLatin1StringView("tagName"))
        return QStringLiteral("contactdesk-example");
    if (variable == QLatin1StringView("newTagName"))
        return QStringLiteral("contactdesk-example-location");
    return {};
}

} // namespace

QJsonObject catalogCollection(const QUrl& baseUrl)
{
    QStringList variables;
    const QList<CatalogRequest> requests = catalogRequests(&variables);
    QList<QPair<QString, QString>> variableValues;
    for (const QString& variable : variables)
        variableValues.append({variable, defaultValue(variable)});

    QStringList folderNames;
    QHash<QString, QJsonArray> folders;
    for (const CatalogRequest& request : requests) {
        const Endpoint& endpoint = *request.endpoint;
        QJsonObject sent = PostmanSupport::request(QString::fromLatin1(methodName(endpoint.method)),
            catalogHeaders(endpoint), PostmanSupport::url(request.path, request.query),
            request.body);
        sent.insert(QStringLiteral("description"),
            QStringLiteral("%1 %2 (%3). Scope: %4.")
                .arg(QString::fromLatin1(methodName(endpoint.method)), QString(endpoint.path),
                    endpoint.writes() ? QStringLiteral("changes data") : QStringLiteral("reads"),
                    Api::scopeName(endpoint.scope).isEmpty() ? QStringLiteral("none")
                                                             : Api::scopeName(endpoint.scope)));
        const QString folder = folderOf(endpoint);
        if (!folderNames.contains(folder))
            folderNames.append(folder);
        folders[folder].append(QJsonObject {
            {QStringLiteral("name"), QString(endpoint.operationId)},
            {QStringLiteral("request"), sent},
            {QStringLiteral("response"), QJsonArray()},
            {QStringLiteral("event"),
                PostmanSupport::statusTest(endpoint.successStatus,
                    QStringLiteral("the operation's success status"), captureLines(endpoint))},
        });
    }
    QJsonArray items;
    for (const QString& folder : folderNames)
        items.append(QJsonObject {
            {QStringLiteral("name"), folder}, {QStringLiteral("item"), folders.value(folder)}});
    QJsonObject collection = PostmanSupport::collection(
        QStringLiteral("HighLevel API (ContactDesk)"),
        QStringLiteral("Every operation ContactDesk uses, with example bodies, in an order that "
                       "runs top to bottom: each create keeps the new id (contactId, taskId, "
                       "noteId, customFieldId, tagId) for the requests after it, and the "
                       "contact is deleted last. Set accessToken, locationId and companyId, "
                       "and the ids the API cannot make (userId, calendarId, businessId, "
                       "campaignId, workflowId); an environment value of the same name wins "
                       "over the kept ids."),
        baseUrl, variableValues);
    collection.insert(QStringLiteral("item"), items);
    return collection;
}

QJsonObject catalogHar(const QUrl& baseUrl)
{
    QStringList variables;
    const QList<CatalogRequest> requests = catalogRequests(&variables);
    QString base = QString::fromUtf8(baseUrl.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment));
    while (base.endsWith(u'/'))
        base.chop(1);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QJsonArray entries;
    for (const CatalogRequest& request : requests) {
        const Endpoint& endpoint = *request.endpoint;
        QString pathAndQuery = request.path;
        for (qsizetype i = 0; i < request.query.size(); ++i)
            pathAndQuery += (i == 0 ? u'?' : u'&') + request.query.at(i).first + u'='
                + request.query.at(i).second;
        // A HAR URL must be a valid URI: the {{variable}} braces are percent-encoded.
        const QUrl url = QUrl(base + pathAndQuery, QUrl::TolerantMode);
        ExportSupport::Headers headers = catalogHeaders(endpoint);
        headers.prepend(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer {{accessToken}}")});
        if (!request.body.isEmpty())
            headers.append(
                {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        entries.append(QJsonObject {
            {QStringLiteral("startedDateTime"), now},
            {QStringLiteral("time"), 0},
            {QStringLiteral("request"),
                HarSupport::request(QString::fromLatin1(methodName(endpoint.method)), url, headers,
                    request.body.toUtf8())},
            {QStringLiteral("response"), HarSupport::noResponse()},
            {QStringLiteral("cache"), QJsonObject()},
            {QStringLiteral("timings"),
                QJsonObject {{QStringLiteral("send"), -1}, {QStringLiteral("wait"), -1},
                    {QStringLiteral("receive"), -1}}},
            {QStringLiteral("comment"),
                QStringLiteral("%1: not sent; fill in the {{variables}}.")
                    .arg(QString(endpoint.operationId))},
        });
    }
    return HarSupport::log(entries);
}

} // namespace ContactDesk::Inspector
