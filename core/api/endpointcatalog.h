#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

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

// One Contacts v2 operation as the official spec defines it. Everything that needs to know an
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

    const BodyField* field(QStringView name) const;
};

// The 32 operations of the Contacts API, in the order the spec lists them.
const QList<Endpoint>& endpoints();
const Endpoint* findEndpoint(QStringView operationId);

QByteArray methodName(HttpMethod method);
QString scopeName(Scope scope);

// The API version sent on every call; the one place it is spelled.
inline constexpr QLatin1StringView apiVersion {"2021-07-28"};

} // namespace ContactDesk::Api
