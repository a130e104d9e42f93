#pragma once

// What the sandbox tests share besides the fixture: JSON written as text, the contact they
// create through the API, and the status and schema checks.
#include "sandboxfixture.h"

#include <QJsonArray>
#include <QStringList>
#include <QTest>

namespace ContactDesk::Testing {

// Test bodies are written as JSON text: far easier to read than nested initialiser lists. Bad
// JSON (or, for json(), anything but an object) is a mistake in the test itself and stops it.
QJsonValue jsonValue(const QByteArray& text);
QJsonObject json(const QByteArray& text);

QString str(const char* text);
QStringList strings(const QJsonValue& value);

// The ids of a page's contacts, in its order.
QStringList idsOf(const QJsonArray& contacts);
// The GET /contacts/ order: (dateAdded, id) over the live contacts of the main location.
QStringList listOrder(SandboxFixture& fx);

// An error answer's message: a 400's string, or the lines of a 422's array.
QStringList messages(const HttpResult& result);
QString messageText(const HttpResult& result);

// POST /contacts/ of `fields` in the fixture's location, as a client would: the contact made,
// empty (after a warning) when the sandbox refused it.
QJsonObject postContact(SandboxFixture& fx, QJsonObject fields);

// The spec types a custom field's read value as a string, but HighLevel returns numbers, lists
// and objects too (contract 1.3); the tests check those values themselves, so they are
// stringified before the schema check sees them.
QJsonValue withStringCustomValues(const QJsonValue& value);

// Empty when `body`, answered to `operationId` with `status`, conforms to the official schema
// once its custom-field values are strings; empty too, after saying why, without the spec.
QString specProblems(
    const SpecValidator& spec, const char* operationId, int status, const QJsonValue& body);

} // namespace ContactDesk::Testing

#define CHECK_STATUS(result, expected)                                                             \
    QVERIFY2((result).status == (expected),                                                        \
        qPrintable(QStringLiteral("status %1, body %2")                                            \
                       .arg((result).status)                                                       \
                       .arg(QString::fromUtf8((result).body))))

// A success body against the official schema. Both need a SpecValidator m_spec in scope.
#define CHECK_SPEC(operationId, result) CHECK_SPEC_BODY(operationId, result, (result).json)
#define CHECK_SPEC_BODY(operationId, result, body)                                                 \
    do {                                                                                           \
        const QString problems                                                                     \
            = ContactDesk::Testing::specProblems(m_spec, (operationId), (result).status, (body));  \
        QVERIFY2(problems.isEmpty(), qPrintable(problems));                                        \
    } while (false)
