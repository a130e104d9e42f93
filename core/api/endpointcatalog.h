#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Api {

enum class HttpMethod
{
    Get,
    Post,
    Put,
    Delete,
};

enum class Scope
{
    None,
    ContactsReadonly,
    ContactsWrite,
    CustomFieldsReadonly, // locations/customFields.readonly
    CustomFieldsWrite,
    TagsReadonly, // locations/tags.readonly
    TagsWrite,
    UsersReadonly,
    CalendarsReadonly,
};

enum class FieldType
{
    String,
    Number,
    Boolean,
    StringArray,
    Array,
    Object,
};

// One property of a request body DTO. The server refuses properties that are not listed.
struct BodyField
{
    QLatin1StringView name;
    FieldType type;
    bool required = false;
    bool nullable = false;
};

// The API version sent on every call of the Contacts, Locations and Users APIs.
inline constexpr QLatin1StringView apiVersion {"2021-07-28"};
// The Calendars API's own version.
inline constexpr QLatin1StringView calendarsApiVersion {"2021-04-15"};

// One HighLevel v2 operation as the official spec defines it. Everything that needs to know an
// operation's shape (requests, scope checks, the request log, the sandbox router) reads this.
struct Endpoint
{
    QLatin1StringView operationId;
    HttpMethod method;
    QLatin1StringView path; // template, e.g. "/contacts/{contactId}/notes/{id}"
    Scope scope;
    int successStatus;
    bool takesBody;
    QList<BodyField> body;
    QLatin1StringView version = apiVersion; // the `Version` header it takes

    const BodyField* field(QStringView name) const;
    // True for operations that change data on the server (their scope is a write scope, or
    // they need none and are not GETs).
    bool writes() const;
};

// The 32 operations of the Contacts API, in the order the spec lists them, then the location
// lists the app reads names from: custom fields and tags (Locations API), users, calendars.
const QList<Endpoint>& endpoints();
const Endpoint* findEndpoint(QStringView operationId);

QByteArray methodName(HttpMethod method);
QString scopeName(Scope scope);
// Every scope the catalog's operations need, in catalog order: what ContactDesk asks for.
QStringList catalogScopes();

} // namespace ContactDesk::Api
