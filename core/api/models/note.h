#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ContactDesk::Api {

// A note on a contact (GetNoteSchema).
struct Note
{
    QString id;
    QString contactId;
    QString body;
    QString userId;
    QString title;
    QString color; // "#FFAA00"
    bool pinned = false;
    QDateTime dateAdded; // UTC
    QJsonObject extra; // any other key the server sent

    static std::optional<Note> fromJson(
        const QJsonObject& json, QString* error, const QString& path = QStringLiteral("note"));
    QJsonObject toJson() const;

    // POST /contacts/{contactId}/notes: body always, the rest when set.
    QJsonObject createBody() const;
    // PUT /contacts/{contactId}/notes/{id}: only the fields that changed.
    static QJsonObject updateBody(const Note& before, const Note& after);

    bool operator==(const Note& other) const = default;
};

} // namespace ContactDesk::Api
