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
    out->append('"');
    const QByteArray utf8 = text.toUtf8();
    const char* const hex = "0123456789abcdef";
    for (const char c : utf8) {
        const auto u = uchar(c);
        if (u >= 0x20 && u != '"' && u != '\\') {
            out->append(c);
            continue;
        }
        out->append('\\');
        switch (u) {
        case '"':
            out->append('"');
            break;
        case '\\':
            out->append('\\');
            break;
        case '\b':
            out->append('b');
            break;
        case '\f':
            out->append('f');
            break;
        case '\n':
            out->append('n');
            break;
        case '\r':
            out->append('r');
            break;
        case '\t':
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

QByteArray stringText(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    appendEscaped(&out, text);
    return out;
}

QByteArray stringListText(const QStringList& list)
{
    QByteArray out("[");
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendEscaped(&out, list.at(i));
    }
    out.append(']');
    return out;
}

// Any other value (custom fields, DND settings, unknown keys): rare enough to go through Qt.
QByteArray valueText(const QJsonValue& value)
{
    if (value.isString())
        return stringText(value.toString());
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

struct Member
{
    QString key;
    QByteArray value;
};

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
    std::vector<Member> members;
    members.reserve(std::size_t(extra.size()) + 32);
    // The keys toJson() sets or removes win over the same keys in `extra`.
    QStringList own;
    own.reserve(qsizetype(std::size(textFields)) + 9);
    const auto put = [&members, &own](QLatin1StringView key, bool present, QByteArray value) {
        own.append(QString(key));
        if (present)
            members.push_back({QString(key), std::move(value)});
    };
    for (const TextField<Contact>& field : textFields) {
        const QString& text = this->*field.member;
        put(field.key, !text.isEmpty(), text.isEmpty() ? QByteArray() : stringText(text));
    }
    put(L("dateOfBirth"), dateOfBirth.isValid(),
        dateOfBirth.isValid() ? stringText(formatWireDate(dateOfBirth)) : QByteArray());
    put(L("dnd"), true, dnd ? QByteArray("true") : QByteArray("false"));
    put(L("dndSettings"), !dndSettings.isEmpty(),
        dndSettings.isEmpty() ? QByteArray() : valueText(dndSettingsJson(dndSettings)));
    put(L("inboundDndSettings"), !inboundDndSettings.isEmpty(),
        inboundDndSettings.isEmpty() ? QByteArray() : valueText(inboundJson(inboundDndSettings)));
    put(L("tags"), true, stringListText(tags));
    put(L("customFields"), true,
        customFields.isEmpty() ? QByteArray("[]") : valueText(CustomFields::toJson(customFields)));
    put(L("followers"), !followers.isEmpty(), stringListText(followers));
    put(L("dateAdded"), dateAdded.isValid(),
        dateAdded.isValid() ? stringText(isoUtc(dateAdded)) : QByteArray());
    put(L("dateUpdated"), dateUpdated.isValid(),
        dateUpdated.isValid() ? stringText(isoUtc(dateUpdated)) : QByteArray());
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!own.contains(it.key()))
            members.push_back({it.key(), valueText(it.value())});
    }
    // QJsonObject keeps its keys sorted (by UTF-16 code units) and writes them in that order.
    std::sort(members.begin(), members.end(),
        [](const Member& a, const Member& b) { return a.key < b.key; });
    QByteArray out;
    out.reserve(512);
    out.append('{');
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendEscaped(&out, members[i].key);
        out.append(':');
        out.append(members[i].value);
    }
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
