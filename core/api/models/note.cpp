#include "api/models/note.h"

#include "api/models/jsonreader.h"
#include "common/clock.h"

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const L createOperation("create-note");
const L updateOperation("update-note");

const TextField<Note> textFields[] = {
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
    readTextFields(r, &note, textFields);
    note.pinned = r.boolean(L("pinned"));
    note.dateAdded = r.utcTime(L("dateAdded"));
    if (!r.finish(error))
        return std::nullopt;
    note.extra = unknownKeys(withoutTextFields(json, textFields), {L("pinned"), L("dateAdded")});
    return note;
}

QJsonObject Note::toJson() const
{
    QJsonObject json = extra;
    writeTextFields(&json, *this, textFields);
    json.insert(QStringLiteral("pinned"), pinned);
    putIf(&json, L("dateAdded"), dateAdded.isValid(), isoUtc(dateAdded));
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
