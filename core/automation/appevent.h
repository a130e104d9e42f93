#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Automation {

// One event from Your App (the ContactDesk user's own system), as the receiver or
// `contactdesk-cli events push` hands it to the inbox: already verified (signature) and checked
// against the JSON Schema of its type.
//
// Wire body: {"type": "user.signed_up", "data": {"id": "<Your App user id>", ...}}; the schemas
// live in core/automation/schemas/<type>.schema.json (compiled in as resources) and are
// documented in the README.
struct AppEvent
{
    QString webhookId; // the `webhook-id` header (or one generated for `events push`)
    QString type; // "user.signed_up", "user.updated", "user.deleted", "task.created",
                  // "task.completed", "note.created"
    QString userId; // data.id for user.*, data.userId for task.* and note.*
    QJsonObject data;
    qint64 timestampSecs = 0; // the `webhook-timestamp` header (or the push time)
    QString source; // "http", "cli", "test" (the UI's "Send test event")
};

// Every event type ContactDesk knows, in documentation order.
QStringList appEventTypes();

// Parses and validates one event body (the bytes the signature covered). On failure returns
// nullopt and sets *reason to a user-readable message naming the problem ("unknown event type
// 'user.signup'", "data.email: expected string"). `webhookId`, `timestampSecs` and `source` are
// copied into the event.
std::optional<AppEvent> parseAppEvent(const QByteArray& body, const QString& webhookId,
    qint64 timestampSecs, const QString& source, QString* reason);

// The wire body of an event, as parseAppEvent reads it.
QByteArray appEventBody(const QString& type, const QJsonObject& data);

} // namespace ContactDesk::Automation
