#include "api/models/note.h"

#include "api/models/jsonreader.h"
#include "common/clock.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const L createOperation("create-note");
const L updateOperation("update-note");

struct TextField
{
    L key;
    QString Note::*member;
};

const TextField textFields[] = {
    {L("id"), &Note::id},
    {L("contactId"), &Note::contactId},
    {L("body"), &Note::body},
    {L("userId"), &Note::userId},
    {L("title"), &Note::title},
    {L("color"), &Note::color},
};

QJsonObject requestFields(const Note& note)
{
    return {
        {QStringLiteral("body"), note.body},
        {QStringLiteral("userId"), note.userId},
        {QStringLiteral("title"), note.title},
        {QStringLiteral("color"), note.color},
        {QStringLiteral("pinned"), note.pinned},
    };
}

} // namespace

std::optional<Note> Note::fromJson(const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    Note note;
    note.id = r.requiredString(L("id"));
    for (const TextField& field : textFields) {
        if (field.member != &Note::id)
            note.*field.member = r.string(field.key);
    }
    note.pinned = r.boolean(L("pinned"));
    note.dateAdded = r.utcTime(L("dateAdded"));
    if (!r.finish(error))
        return std::nullopt;
    QJsonObject extra = unknownKeys(json, {L("pinned"), L("dateAdded")});
    for (const TextField& field : textFields)
        extra.remove(field.key);
    note.extra = extra;
    return note;
}

QJsonObject Note::toJson() const
{
    QJsonObject json = extra;
    for (const TextField& field : textFields) {
        const QString& text = this->*field.member;
        if (!text.isEmpty())
            json.insert(field.key, text);
        else
            json.remove(field.key);
    }
    json.insert(QStringLiteral("pinned"), pinned);
    if (dateAdded.isValid())
        json.insert(QStringLiteral("dateAdded"), isoUtc(dateAdded));
    else
        json.remove(QStringLiteral("dateAdded"));
    return json;
}

QJsonObject Note::createBody() const
{
    QJsonObject body = requestFields(*this);
    for (const L optional : {L("userId"), L("title"), L("color")}) {
        if (body.value(optional).toString().isEmpty())
            body.remove(optional);
    }
    if (!pinned)
        body.remove(QStringLiteral("pinned"));
    return allowedBody(body, createOperation);
}

QJsonObject Note::updateBody(const Note& before, const Note& after)
{
    const QJsonObject old = requestFields(before);
    const QJsonObject now = requestFields(after);
    QJsonObject body;
    for (auto it = now.begin(); it != now.end(); ++it)
        putChanged(&body, updateOperation, it.key(), old.value(it.key()), it.value());
    return allowedBody(body, updateOperation);
}

} // namespace ContactDesk::Api
