#include "api/models/contact.h"

#include "api/endpointcatalog.h"
#include "api/models/jsonreader.h"
#include "api/models/wiretime.h"
#include "common/clock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <vector>

namespace ContactDesk::Api {

namespace {

using L = QLatin1StringView;

const L createOperation("create-contact");
const L upsertOperation("upsert-contact");
const L updateOperation("update-contact");

// The plain string fields, in the order decoders report them.
const TextField<Contact> textFields[] = {
    {L("id"), &Contact::id},
    {L("locationId"), &Contact::locationId},
    {L("name"), &Contact::name},
    {L("firstName"), &Contact::firstName},
    {L("lastName"), &Contact::lastName},
    {L("email"), &Contact::email},
    {L("phone"), &Contact::phone},
    {L("companyName"), &Contact::companyName},
    {L("address1"), &Contact::address1},
    {L("city"), &Contact::city},
    {L("state"), &Contact::state},
    {L("postalCode"), &Contact::postalCode},
    {L("country"), &Contact::country},
    {L("website"), &Contact::website},
    {L("timezone"), &Contact::timezone},
    {L("source"), &Contact::source},
    {L("type"), &Contact::type},
    {L("assignedTo"), &Contact::assignedTo},
    {L("businessId"), &Contact::businessId},
};

std::optional<DndStatus> readDndStatus(const QJsonValue& json, const QString& path, QString* error)
{
    if (!json.isObject()) {
        return failed(
            error, QStringLiteral("%1: expected an object, got %2").arg(path, jsonTypeName(json)));
    }
    JsonReader r(json.toObject(), path);
    DndStatus status;
    status.status = r.string(L("status"));
    status.message = r.string(L("message"));
    status.code = r.string(L("code"));
    if (!r.finish(error))
        return std::nullopt;
    return status;
}

QJsonObject dndStatusJson(const DndStatus& status)
{
    QJsonObject json;
    if (!status.status.isEmpty())
        json.insert(QStringLiteral("status"), status.status);
    if (!status.message.isEmpty())
        json.insert(QStringLiteral("message"), status.message);
    if (!status.code.isEmpty())
        json.insert(QStringLiteral("code"), status.code);
    return json;
}

std::optional<DndSettings> readDndSettings(
    const QJsonObject& json, const QString& path, QString* error)
{
    DndSettings settings;
    settings.extra = json;
    for (const DndChannel channel : DndSettings::allChannels) {
        const L key = DndSettings::key(channel);
        const QJsonValue value = json.value(key);
        settings.extra.remove(key);
        if (value.isUndefined() || value.isNull())
            continue;
        auto status = readDndStatus(value, path + u'.' + key, error);
        if (!status)
            return std::nullopt;
        settings[channel] = *status;
    }
    return settings;
}

QJsonObject dndSettingsJson(const DndSettings& settings)
{
    QJsonObject json = settings.extra;
    for (const DndChannel channel : DndSettings::allChannels) {
        if (const auto& status = settings[channel])
            json.insert(DndSettings::key(channel), dndStatusJson(*status));
    }
    return json;
}

std::optional<InboundDndSettings> readInbound(
    const QJsonObject& json, const QString& path, QString* error)
{
    InboundDndSettings settings;
    settings.extra = unknownKeys(json, {L("all")});
    const QJsonValue all = json.value(L("all"));
    if (!all.isUndefined() && !all.isNull()) {
        settings.all = readDndStatus(all, path + QStringLiteral(".all"), error);
        if (!settings.all)
            return std::nullopt;
    }
    return settings;
}

QJsonObject inboundJson(const InboundDndSettings& settings)
{
    QJsonObject json = settings.extra;
    if (settings.all)
        json.insert(QStringLiteral("all"), dndStatusJson(*settings.all));
    return json;
}

// A channel dropped from the settings is no longer under DND; PUT says so explicitly, since
// leaving it out would not change it.
QJsonObject cleared(QJsonObject json, const QStringList& keys)
{
    for (const QString& key : keys) {
        if (!json.contains(key))
            json.insert(key, QJsonObject {{QStringLiteral("status"), QStringLiteral("inactive")}});
    }
    return json;
}

// Every field of `contact` in request form, empty ones included, before any allow-list.
QJsonObject requestFields(const Contact& contact)
{
    QJsonObject json;
    for (const TextField<Contact>& field : textFields)
        json.insert(field.key, contact.*field.member);
    json.insert(QStringLiteral("dateOfBirth"), formatWireDate(contact.dateOfBirth));
    json.insert(QStringLiteral("dnd"), contact.dnd);
    json.insert(QStringLiteral("dndSettings"), dndSettingsJson(contact.dndSettings));
    json.insert(QStringLiteral("inboundDndSettings"), inboundJson(contact.inboundDndSettings));
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(contact.tags));
    json.insert(QStringLiteral("customFields"), CustomFields::toInputs(contact.customFields));
    return json;
}

// The compact JSON writer of toJsonText(), escaping as QJsonDocument does: the two-character
// escapes for quote, backslash and \b \f \n \r \t, \u00xx for other control characters,
// everything else as UTF-8.
void appendEscaped(QByteArray* out, QStringView text)
{
    const char* const hex = "0123456789abcdef";
    out->append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0x80) {
            qsizetype end = i + 1;
            while (end < size && text[end].unicode() >= 0x80)
                ++end;
            out->append(text.sliced(i, end - i).toUtf8());
            i = end - 1;
            continue;
        }
        if (u >= 0x20 && u != u'"' && u != u'\\') {
            out->append(char(u));
            continue;
        }
        out->append('\\');
        switch (u) {
        case u'"':
            out->append('"');
            break;
        case u'\\':
            out->append('\\');
            break;
        case u'\b':
            out->append('b');
            break;
        case u'\f':
            out->append('f');
            break;
        case u'\n':
            out->append('n');
            break;
        case u'\r':
            out->append('r');
            break;
        case u'\t':
            out->append('t');
            break;
        default:
            out->append("u00");
            out->append(hex[u >> 4]);
            out->append(hex[u & 0xf]);
        }
    }
    out->append('"');
}

void appendStringList(QByteArray* out, const QStringList& list)
{
    out->append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out->append(',');
        appendEscaped(out, list.at(i));
    }
    out->append(']');
}

// Any other value (custom fields, DND settings, unknown keys): rare enough to go through Qt.
void appendValue(QByteArray* out, const QJsonValue& value)
{
    if (value.isString()) {
        appendEscaped(out, value.toString());
        return;
    }
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    out->append(QByteArrayView(wrapped).sliced(1, wrapped.size() - 2));
}

// The keys toJson() sets (or removes from `extra`), sorted as QJsonObject keeps its keys, so
// that toJsonText() merges them with `extra` in one pass.
enum class OwnKind
{
    Text,
    DateOfBirth,
    Dnd,
    DndSettings,
    InboundDnd,
    Tags,
    CustomFields,
    Followers,
    DateAdded,
    DateUpdated,
};

struct OwnKey
{
    L key;
    OwnKind kind;
    const QString Contact::*text = nullptr;
};

const std::vector<OwnKey>& ownKeys()
{
    static const std::vector<OwnKey> keys = [] {
        std::vector<OwnKey> list;
        for (const TextField<Contact>& field : textFields)
            list.push_back({field.key, OwnKind::Text, field.member});
        list.push_back({L("dateOfBirth"), OwnKind::DateOfBirth});
        list.push_back({L("dnd"), OwnKind::Dnd});
        list.push_back({L("dndSettings"), OwnKind::DndSettings});
        list.push_back({L("inboundDndSettings"), OwnKind::InboundDnd});
        list.push_back({L("tags"), OwnKind::Tags});
        list.push_back({L("customFields"), OwnKind::CustomFields});
        list.push_back({L("followers"), OwnKind::Followers});
        list.push_back({L("dateAdded"), OwnKind::DateAdded});
        list.push_back({L("dateUpdated"), OwnKind::DateUpdated});
        std::sort(list.begin(), list.end(),
            [](const OwnKey& a, const OwnKey& b) { return a.key.compare(b.key) < 0; });
        return list;
    }();
    return keys;
}

bool isBlank(const QJsonValue& value)
{
    return (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty())
        || (value.isObject() && value.toObject().isEmpty()) || (value.isBool() && !value.toBool());
}

} // namespace

QLatin1StringView DndSettings::key(DndChannel channel)
{
    switch (channel) {
    case DndChannel::Call:
        return L("Call");
    case DndChannel::Email:
        return L("Email");
    case DndChannel::Sms:
        return L("SMS");
    case DndChannel::WhatsApp:
        return L("WhatsApp");
    case DndChannel::Gmb:
        return L("GMB");
    case DndChannel::Fb:
        return L("FB");
    case DndChannel::Rcs:
        return L("RCS");
    }
    return {};
}

bool DndSettings::isEmpty() const
{
    return extra.isEmpty()
        && std::none_of(channels.begin(), channels.end(), [](const auto& c) { return c; });
}

std::optional<Contact> Contact::fromJson(
    const QJsonObject& json, QString* error, const QString& path)
{
    JsonReader r(json, path);
    Contact contact;
    readTextFields(r, &contact, textFields);
    contact.dateOfBirth = r.date(L("dateOfBirth"));
    contact.dnd = r.boolean(L("dnd"));
    const QJsonObject dnd = r.object(L("dndSettings"));
    const QJsonObject inbound = r.object(L("inboundDndSettings"));
    contact.tags = r.stringList(L("tags"));
    const QJsonArray customFields = r.array(L("customFields"));
    contact.followers = r.stringList(L("followers"));
    contact.dateAdded = r.utcTime(L("dateAdded"));
    contact.dateUpdated = r.utcTime(L("dateUpdated"));
    if (!r.finish(error))
        return std::nullopt;

    const auto settings = readDndSettings(dnd, r.path(L("dndSettings")), error);
    if (!settings)
        return std::nullopt;
    contact.dndSettings = *settings;
    const auto inboundSettings = readInbound(inbound, r.path(L("inboundDndSettings")), error);
    if (!inboundSettings)
        return std::nullopt;
    contact.inboundDndSettings = *inboundSettings;
    const auto values = CustomFields::fromJson(customFields, r.path(L("customFields")), error);
    if (!values)
        return std::nullopt;
    contact.customFields = *values;

    contact.extra = unknownKeys(withoutTextFields(json, textFields),
        {L("dateOfBirth"), L("dnd"), L("dndSettings"), L("inboundDndSettings"), L("tags"),
            L("customFields"), L("followers"), L("dateAdded"), L("dateUpdated")});
    return contact;
}

QJsonObject Contact::toJson() const
{
    QJsonObject json = extra;
    writeTextFields(&json, *this, textFields);
    putIf(&json, L("dateOfBirth"), dateOfBirth.isValid(), formatWireDate(dateOfBirth));
    json.insert(QStringLiteral("dnd"), dnd);
    putIf(&json, L("dndSettings"), !dndSettings.isEmpty(), dndSettingsJson(dndSettings));
    putIf(&json, L("inboundDndSettings"), !inboundDndSettings.isEmpty(),
        inboundJson(inboundDndSettings));
    json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    json.insert(QStringLiteral("customFields"), CustomFields::toJson(customFields));
    putIf(&json, L("followers"), !followers.isEmpty(), QJsonArray::fromStringList(followers));
    putIf(&json, L("dateAdded"), dateAdded.isValid(), isoUtc(dateAdded));
    putIf(&json, L("dateUpdated"), dateUpdated.isValid(), isoUtc(dateUpdated));
    return json;
}

QByteArray Contact::toJsonText() const
{
    QByteArray out;
    out.reserve(640);
    out.append('{');
    bool first = true;
    const auto startMember = [&out, &first] {
        if (!first)
            out.append(',');
        first = false;
    };
    // Appends the member for one of toJson()'s own keys when it is present.
    const auto writeOwn = [&](const OwnKey& own) {
        const auto key = [&] {
            startMember();
            out.append('"');
            out.append(own.key);
            out.append("\":");
        };
        switch (own.kind) {
        case OwnKind::Text:
            if (!(this->*own.text).isEmpty()) {
                key();
                appendEscaped(&out, this->*own.text);
            }
            break;
        case OwnKind::DateOfBirth:
            if (dateOfBirth.isValid()) {
                key();
                appendEscaped(&out, formatWireDate(dateOfBirth));
            }
            break;
        case OwnKind::Dnd:
            key();
            out.append(dnd ? "true" : "false");
            break;
        case OwnKind::DndSettings:
            if (!dndSettings.isEmpty()) {
                key();
                appendValue(&out, dndSettingsJson(dndSettings));
            }
            break;
        case OwnKind::InboundDnd:
            if (!inboundDndSettings.isEmpty()) {
                key();
                appendValue(&out, inboundJson(inboundDndSettings));
            }
            break;
        case OwnKind::Tags:
            key();
            appendStringList(&out, tags);
            break;
        case OwnKind::CustomFields:
            key();
            if (customFields.isEmpty())
                out.append("[]");
            else
                appendValue(&out, CustomFields::toJson(customFields));
            break;
        case OwnKind::Followers:
            if (!followers.isEmpty()) {
                key();
                appendStringList(&out, followers);
            }
            break;
        case OwnKind::DateAdded:
            if (dateAdded.isValid()) {
                key();
                appendEscaped(&out, isoUtc(dateAdded));
            }
            break;
        case OwnKind::DateUpdated:
            if (dateUpdated.isValid()) {
                key();
                appendEscaped(&out, isoUtc(dateUpdated));
            }
            break;
        }
    };
    // `extra` iterates in key order too; an own key wins over the same key there.
    const std::vector<OwnKey>& own = ownKeys();
    std::size_t next = 0;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const QString extraKey = it.key();
        int order = -1;
        while (next < own.size() && (order = QStringView(extraKey).compare(own[next].key)) > 0)
            writeOwn(own[next++]);
        if (next < own.size() && order == 0)
            continue;
        startMember();
        appendEscaped(&out, extraKey);
        out.append(':');
        appendValue(&out, it.value());
    }
    while (next < own.size())
        writeOwn(own[next++]);
    out.append('}');
    return out;
}

QJsonObject Contact::createBody(const QString& locationId) const
{
    const QJsonObject fields = requestFields(*this);
    QJsonObject body;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isBlank(it.value()))
            body.insert(it.key(), it.value());
    }
    body.insert(QStringLiteral("locationId"), locationId);
    return allowedBody(body, createOperation);
}

QJsonObject Contact::upsertBody(const QString& locationId, bool createNewIfDuplicateAllowed) const
{
    QJsonObject body = createBody(locationId);
    if (createNewIfDuplicateAllowed)
        body.insert(QStringLiteral("createNewIfDuplicateAllowed"), true);
    return allowedBody(body, upsertOperation);
}

QJsonObject Contact::updateBody(const Contact& before, const Contact& after, bool replaceTags)
{
    const QJsonObject old = requestFields(before);
    const QJsonObject now = requestFields(after);
    QJsonObject body;
    for (const TextField<Contact>& field : textFields)
        putChanged(&body, updateOperation, field.key, old.value(field.key), now.value(field.key));
    putChanged(&body, updateOperation, L("dateOfBirth"), old.value(L("dateOfBirth")),
        now.value(L("dateOfBirth")));
    if (before.dnd != after.dnd)
        body.insert(QStringLiteral("dnd"), after.dnd);
    if (before.dndSettings != after.dndSettings) {
        body.insert(QStringLiteral("dndSettings"),
            cleared(
                dndSettingsJson(after.dndSettings), dndSettingsJson(before.dndSettings).keys()));
    }
    if (before.inboundDndSettings != after.inboundDndSettings) {
        body.insert(QStringLiteral("inboundDndSettings"),
            cleared(inboundJson(after.inboundDndSettings),
                inboundJson(before.inboundDndSettings).keys()));
    }
    if (replaceTags && before.tags != after.tags)
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(after.tags));
    const QJsonArray customFields = CustomFields::changes(before.customFields, after.customFields);
    if (!customFields.isEmpty())
        body.insert(QStringLiteral("customFields"), customFields);
    return allowedBody(body, updateOperation);
}

TagChange Contact::tagChange(const Contact& before, const Contact& after)
{
    TagChange change;
    for (const QString& tag : after.tags) {
        if (!before.tags.contains(tag, Qt::CaseInsensitive)
            && !change.add.contains(tag, Qt::CaseInsensitive))
            change.add.append(tag);
    }
    for (const QString& tag : before.tags) {
        if (!after.tags.contains(tag, Qt::CaseInsensitive)
            && !change.remove.contains(tag, Qt::CaseInsensitive))
            change.remove.append(tag);
    }
    return change;
}

} // namespace ContactDesk::Api
