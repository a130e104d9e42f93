#include "api/models/envelopes.h"

#include "api/models/jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <climits>

namespace ContactDesk::Api::Envelopes {

namespace {

using L = QLatin1StringView;

// v2 spells it `succeded`, v3 `succeeded`; either will do, and one must be there.
std::optional<bool> readSucceeded(JsonReader& r)
{
    if (r.has(L("succeded")))
        return r.requiredBoolean(L("succeded"));
    if (r.has(L("succeeded")))
        return r.requiredBoolean(L("succeeded"));
    if (r.ok())
        r.fail(L("succeded"), QStringLiteral("missing (and no succeeded)"));
    return std::nullopt;
}

QStringList requiredStringList(JsonReader& r, QLatin1StringView key)
{
    if (r.ok() && !r.has(key))
        r.fail(key, QStringLiteral("missing"));
    return r.stringList(key);
}

// The object under `key`, which must be there.
std::optional<QJsonObject> member(const QJsonObject& body, QLatin1StringView key, QString* error)
{
    JsonReader r(body, {});
    const QJsonObject object = r.object(key);
    if (r.ok() && !r.has(key))
        r.fail(key, QStringLiteral("missing"));
    if (!r.finish(error))
        return std::nullopt;
    return object;
}

std::optional<int> readCount(JsonReader& r, QLatin1StringView key)
{
    const auto value = r.integer(key);
    if (value && (*value < 0 || *value > INT_MAX)) {
        r.fail(key, QStringLiteral("expected a count"));
        return std::nullopt;
    }
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

} // namespace

std::optional<QJsonObject> parseResponse(const QByteArray& body, QString* error, qsizetype maxBytes)
{
    if (body.size() > maxBytes) {
        return failed(error,
            QStringLiteral("response body too large (%1 bytes, at most %2 read)")
                .arg(body.size())
                .arg(maxBytes));
    }
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return failed(error, QStringLiteral("empty response body"));
    if (trimmed.startsWith('<'))
        return failed(error, QStringLiteral("HTML instead of JSON"));
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failed(error,
            QStringLiteral("malformed JSON (%1 at offset %2)")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return failed(error,
            QStringLiteral("expected a JSON object, got %1")
                .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a value")));
    }
    return document.object();
}

std::optional<Contact> contact(const QJsonObject& body, QString* error)
{
    const auto object = member(body, L("contact"), error);
    if (!object)
        return std::nullopt;
    return Contact::fromJson(*object, error);
}

std::optional<UpdateResult> updatedContact(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const auto ok = readSucceeded(r);
    if (!r.finish(error))
        return std::nullopt;
    auto decoded = contact(body, error);
    if (!decoded)
        return std::nullopt;
    return UpdateResult {*ok, std::move(*decoded)};
}

std::optional<UpsertResult> upsert(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const auto created = r.requiredBoolean(L("new"));
    const QString traceId = r.string(L("traceId"));
    if (!r.finish(error))
        return std::nullopt;
    auto decoded = contact(body, error);
    if (!decoded)
        return std::nullopt;
    return UpsertResult {*created, std::move(*decoded), traceId};
}

std::optional<ContactPage> contactPage(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const auto total = readCount(r, L("total"));
    const auto count = readCount(r, L("count"));
    ContactPage page;
    page.meta = r.object(L("meta"));
    JsonReader meta(page.meta, QStringLiteral("meta"));
    const auto metaTotal = readCount(meta, L("total"));
    if (!r.finish(error) || !meta.finish(error))
        return std::nullopt;
    page.total = total.value_or(count.value_or(metaTotal.value_or(-1)));

    const auto contacts = decodeList<Contact>(
        body, L("contacts"), error, [](const QJsonObject& json, QString* e, const QString& path) {
            return Contact::fromJson(json, e, path);
        });
    if (!contacts)
        return std::nullopt;
    page.contacts = *contacts;
    if (!page.contacts.isEmpty()) {
        const QJsonValue cursor = page.contacts.constLast().extra.value(L("searchAfter"));
        if (!cursor.isUndefined() && !cursor.isNull() && !cursor.isArray()) {
            return failed(error,
                QStringLiteral("%1.searchAfter: expected an array, got %2")
                    .arg(elementPath(QStringLiteral("contacts"), page.contacts.size() - 1),
                        jsonTypeName(cursor)));
        }
        page.lastSearchAfter = cursor.toArray();
    }
    return page;
}

std::optional<std::optional<Contact>> duplicate(const QJsonObject& body, QString* error)
{
    const QJsonValue value = body.value(L("contact"));
    if (value.isNull())
        return std::optional<Contact>();
    auto decoded = contact(body, error);
    if (!decoded)
        return std::nullopt;
    return std::optional<Contact>(std::move(*decoded));
}

std::optional<Task> task(const QJsonObject& body, QString* error)
{
    const auto object = member(body, L("task"), error);
    if (!object)
        return std::nullopt;
    return Task::fromJson(*object, error);
}

std::optional<QList<Task>> tasks(const QJsonObject& body, QString* error)
{
    return decodeList<Task>(
        body, L("tasks"), error, [](const QJsonObject& json, QString* e, const QString& path) {
            return Task::fromJson(json, e, path);
        });
}

std::optional<Note> note(const QJsonObject& body, QString* error)
{
    const auto object = member(body, L("note"), error);
    if (!object)
        return std::nullopt;
    return Note::fromJson(*object, error);
}

std::optional<QList<Note>> notes(const QJsonObject& body, QString* error)
{
    return decodeList<Note>(
        body, L("notes"), error, [](const QJsonObject& json, QString* e, const QString& path) {
            return Note::fromJson(json, e, path);
        });
}

std::optional<QList<Appointment>> events(
    const QJsonObject& body, QString* error, const QTimeZone& wallClockZone)
{
    return decodeList<Appointment>(body, L("events"), error,
        [&wallClockZone](const QJsonObject& json, QString* e, const QString& path) {
            return Appointment::fromJson(json, e, path, wallClockZone);
        });
}

std::optional<QStringList> tags(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const QStringList list = requiredStringList(r, L("tags"));
    if (!r.finish(error))
        return std::nullopt;
    return list;
}

std::optional<FollowersResult> followers(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    FollowersResult result;
    result.followers = requiredStringList(r, L("followers"));
    result.added = r.stringList(L("followersAdded"));
    result.removed = r.stringList(L("followersRemoved"));
    if (!r.finish(error))
        return std::nullopt;
    return result;
}

std::optional<bool> succeeded(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    const auto ok = readSucceeded(r);
    if (!r.finish(error))
        return std::nullopt;
    return ok;
}

std::optional<BulkTagsResult> bulkTags(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    BulkTagsResult result;
    const auto ok = readSucceeded(r);
    const auto errorCount = readCount(r, L("errorCount"));
    if (!r.finish(error))
        return std::nullopt;
    result.succeeded = *ok;

    const auto items = decodeList<BulkTagsItem>(body, L("responses"), error,
        [](const QJsonObject& json, QString* e,
            const QString& path) -> std::optional<BulkTagsItem> {
            JsonReader item(json, path);
            BulkTagsItem decoded;
            decoded.contactId = item.string(L("contactId"));
            decoded.type = item.requiredString(L("type"));
            decoded.message = item.string(L("message"));
            decoded.oldTags = item.stringList(L("oldTags"));
            decoded.tagsAdded = item.stringList(L("tagsAdded"));
            decoded.tagsRemoved = item.stringList(L("tagsRemoved"));
            if (!item.finish(e))
                return std::nullopt;
            return decoded;
        });
    if (!items)
        return std::nullopt;
    result.responses = *items;
    result.errorCount = errorCount.value_or(int(std::count_if(result.responses.begin(),
        result.responses.end(), [](const BulkTagsItem& i) { return !i.succeeded(); })));
    return result;
}

std::optional<BulkBusinessResult> bulkBusiness(const QJsonObject& body, QString* error)
{
    JsonReader r(body, {});
    BulkBusinessResult result;
    const auto ok = r.requiredBoolean(L("success"));
    result.ids = requiredStringList(r, L("ids"));
    if (!r.finish(error))
        return std::nullopt;
    result.success = *ok;
    return result;
}

} // namespace ContactDesk::Api::Envelopes
