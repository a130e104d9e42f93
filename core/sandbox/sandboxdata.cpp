#include "sandbox/sandboxdata.h"

#include "api/endpointcatalog.h"
#include "common/clock.h"
#include "common/ids.h"
#include "sandbox/sandboxdirectory.h"

#include <QJsonArray>

#include <algorithm>
#include <vector>

namespace ContactDesk::Sandbox {

namespace {

const QString kRateLimit = QStringLiteral("rateLimit");
const QString kCount = QStringLiteral("count");
const QString kWindowMs = QStringLiteral("windowMs");
const QString kDailyLimit = QStringLiteral("dailyLimit");
const QString kAllowDuplicates = QStringLiteral("allowDuplicates");
const QString kTokenLifetime = QStringLiteral("accessTokenLifetimeS");
const QString kIndexLag = QStringLiteral("searchIndexLagMs");

qint64 dateMs(const QJsonObject& contact, const QString& field)
{
    const QString text = contact.value(field).toString();
    if (const auto ms = isoUtcToMs(text))
        return *ms;
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : SandboxData::missingDate;
}

qint64 dateAddedMs(const QJsonObject& contact)
{
    return dateMs(contact, QStringLiteral("dateAdded"));
}

template <typename T>
QJsonArray objectList(const QHash<QString, QList<T>>& byContact)
{
    QJsonArray all;
    for (auto it = byContact.begin(); it != byContact.end(); ++it) {
        for (const T& item : it.value())
            all.append(item);
    }
    return all;
}

QList<QJsonObject> objects(const QJsonValue& value)
{
    QList<QJsonObject> records;
    for (const QJsonValue& item : value.toArray()) {
        if (item.isObject())
            records.append(item.toObject());
    }
    return records;
}

QHash<QString, QList<QJsonObject>> groupByContact(const QJsonArray& items)
{
    QHash<QString, QList<QJsonObject>> grouped;
    for (const QJsonValue& item : items) {
        const QJsonObject object = item.toObject();
        grouped[object.value(QStringLiteral("contactId")).toString()].append(object);
    }
    return grouped;
}

QJsonObject grantToJson(const Grant& g)
{
    return {{QStringLiteral("token"), g.token},
        {QStringLiteral("kind"), g.kind == TokenKind::OAuthAccess ? 1 : 0},
        {QStringLiteral("userType"), g.userType}, {QStringLiteral("locationId"), g.locationId},
        {QStringLiteral("companyId"), g.companyId}, {QStringLiteral("clientId"), g.clientId},
        {QStringLiteral("userId"), g.userId},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(g.scopes)},
        {QStringLiteral("expiresAtMs"), g.expiresAtMs}};
}

Grant grantFromJson(const QJsonObject& o)
{
    Grant g;
    g.token = o.value(QStringLiteral("token")).toString();
    g.kind = o.value(QStringLiteral("kind")).toInt() == 1 ? TokenKind::OAuthAccess
                                                          : TokenKind::PrivateIntegration;
    g.userType = o.value(QStringLiteral("userType")).toString();
    g.locationId = o.value(QStringLiteral("locationId")).toString();
    g.companyId = o.value(QStringLiteral("companyId")).toString();
    g.clientId = o.value(QStringLiteral("clientId")).toString();
    g.userId = o.value(QStringLiteral("userId")).toString();
    for (const QJsonValue& s : o.value(QStringLiteral("scopes")).toArray())
        g.scopes.append(s.toString());
    g.expiresAtMs = o.value(QStringLiteral("expiresAtMs")).toInteger();
    return g;
}

QJsonObject refreshToJson(const RefreshGrant& r)
{
    return {{QStringLiteral("token"), r.token}, {QStringLiteral("clientId"), r.clientId},
        {QStringLiteral("userType"), r.userType}, {QStringLiteral("locationId"), r.locationId},
        {QStringLiteral("companyId"), r.companyId}, {QStringLiteral("userId"), r.userId},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(r.scopes)}};
}

RefreshGrant refreshFromJson(const QJsonObject& o)
{
    RefreshGrant r;
    r.token = o.value(QStringLiteral("token")).toString();
    r.clientId = o.value(QStringLiteral("clientId")).toString();
    r.userType = o.value(QStringLiteral("userType")).toString();
    r.locationId = o.value(QStringLiteral("locationId")).toString();
    r.companyId = o.value(QStringLiteral("companyId")).toString();
    r.userId = o.value(QStringLiteral("userId")).toString();
    for (const QJsonValue& s : o.value(QStringLiteral("scopes")).toArray())
        r.scopes.append(s.toString());
    return r;
}

} // namespace

QJsonObject Settings::toJson() const
{
    return {{kRateLimit, QJsonObject {{kCount, rateLimitCount}, {kWindowMs, rateLimitWindowMs}}},
        {kDailyLimit, dailyLimit}, {kAllowDuplicates, allowDuplicates},
        {kTokenLifetime, accessTokenLifetimeS}, {kIndexLag, searchIndexLagMs}};
}

QString Settings::apply(const QJsonObject& json)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QStringList known {
            kRateLimit, kDailyLimit, kAllowDuplicates, kTokenLifetime, kIndexLag};
        if (!known.contains(it.key()))
            return QStringLiteral("property %1 should not exist").arg(it.key());
    }
    Settings next = *this;
    if (json.contains(kRateLimit)) {
        const QJsonObject rate = json.value(kRateLimit).toObject();
        const QJsonValue count = rate.value(kCount);
        const QJsonValue window = rate.value(kWindowMs);
        if ((!count.isUndefined() && (!count.isDouble() || count.toInt(-1) < 0))
            || (!window.isUndefined() && (!window.isDouble() || window.toInteger(-1) < 1)))
            return QStringLiteral("rateLimit needs count >= 0 (0: off) and windowMs >= 1");
        next.rateLimitCount = count.toInt(next.rateLimitCount);
        next.rateLimitWindowMs = window.toInteger(next.rateLimitWindowMs);
    }
    const auto number
        = [&json](const QString& key, qint64 current, qint64 min, QString* error) -> qint64 {
        const QJsonValue v = json.value(key);
        if (v.isUndefined())
            return current;
        if (!v.isDouble() || v.toInteger(min - 1) < min) {
            *error = QStringLiteral("%1 must be a number >= %2").arg(key).arg(min);
            return current;
        }
        return v.toInteger();
    };
    QString error;
    next.dailyLimit = number(kDailyLimit, next.dailyLimit, 0, &error);
    next.accessTokenLifetimeS = number(kTokenLifetime, next.accessTokenLifetimeS, 1, &error);
    next.searchIndexLagMs = number(kIndexLag, next.searchIndexLagMs, 0, &error);
    if (json.contains(kAllowDuplicates)) {
        if (!json.value(kAllowDuplicates).isBool())
            error = QStringLiteral("allowDuplicates must be a boolean");
        next.allowDuplicates = json.value(kAllowDuplicates).toBool();
    }
    if (!error.isEmpty())
        return error;
    *this = next;
    return {};
}

SandboxData::SandboxData(const Clock& clock, quint64 seed)
    : m_clock(clock)
    , m_random(static_cast<quint32>(seed ^ (seed >> 32)))
{
    createFixedWorld();
}

void SandboxData::createFixedWorld()
{
    const QString companyId = newId();
    m_locations = {
        {newId(), companyId, QStringLiteral("ContactDesk Demo Agency"),
            QStringLiteral("100 Market Street, San Francisco, CA 94105"), QStringLiteral("US")},
        {newId(), companyId, QStringLiteral("Harbour Dental (second location)"),
            QStringLiteral("12 Harbour Road, Boston, MA 02110"), QStringLiteral("US")},
    };
    const QString appId = newObjectId();
    QString suffix = randomToken(m_random, 8).toLower();
    m_app = {appId + u'-' + suffix, randomToken(m_random, 36), appId, newObjectId()};
    m_pit = QStringLiteral("pit-") + randomToken(m_random, 32);
    m_adminKey = randomToken(m_random, 32);
    Directory::seed(*this);
    m_userId = m_users.first().value(QStringLiteral("id")).toString();

    Grant pit;
    pit.token = m_pit;
    pit.locationId = mainLocation().id;
    pit.companyId = companyId;
    pit.clientId = QStringLiteral("pit:") + m_pit.left(8);
    pit.userId = m_userId;
    pit.scopes = Api::catalogScopes();
    m_grants.insert(pit.token, pit);

    for (const char* name : {"Acme Corporation", "Globex Logistics", "Initech Software"}) {
        const QString id = newObjectId();
        m_businesses.insert(id,
            {{QStringLiteral("id"), id}, {QStringLiteral("name"), QString::fromLatin1(name)},
                {QStringLiteral("locationId"), mainLocation().id}});
    }
}

const Location* SandboxData::location(const QString& id) const
{
    for (const Location& l : m_locations) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

const Grant* SandboxData::grant(const QString& token) const
{
    const auto it = m_grants.constFind(token);
    return it == m_grants.constEnd() ? nullptr : &it.value();
}

const QJsonObject* SandboxData::liveContact(const QString& id) const
{
    const auto it = m_contacts.constFind(id);
    if (it == m_contacts.constEnd() || m_deleted.contains(id))
        return nullptr;
    return &it.value();
}

void SandboxData::storeContact(const QJsonObject& contact)
{
    const QString id = contact.value(QStringLiteral("id")).toString();
    const auto previous = m_contacts.constFind(id);
    if (previous != m_contacts.constEnd() && !m_deleted.contains(id))
        index(*previous, false);
    m_contacts.insert(id, contact);
    m_deleted.remove(id);
    index(contact, true);
    rememberTags(contact);
}

void SandboxData::rememberTags(const QJsonObject& contact)
{
    // As in HighLevel, a tag written on a contact becomes one of the location's tags.
    const QString locationId = contact.value(QStringLiteral("locationId")).toString();
    for (const QJsonValue& value : contact.value(QStringLiteral("tags")).toArray()) {
        const QString name = value.toString();
        if (name.isEmpty() || findTag(locationId, name))
            continue;
        m_tags.append({{QStringLiteral("id"), newId()}, {QStringLiteral("name"), name},
            {QStringLiteral("locationId"), locationId}});
    }
}

const QJsonObject* SandboxData::findTag(const QString& locationId, const QString& name) const
{
    for (const QJsonObject& tag : m_tags) {
        if (tag.value(QStringLiteral("locationId")).toString() == locationId
            && tag.value(QStringLiteral("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return &tag;
    }
    return nullptr;
}

void SandboxData::deleteContact(const QString& id)
{
    const auto it = m_contacts.constFind(id);
    if (it == m_contacts.constEnd() || m_deleted.contains(id))
        return;
    index(*it, false);
    m_deleted.insert(id);
}

void SandboxData::index(const QJsonObject& contact, bool add)
{
    const QString id = contact.value(QStringLiteral("id")).toString();
    const QString locationId = contact.value(QStringLiteral("locationId")).toString();
    const QString email = contact.value(QStringLiteral("email")).toString().toLower();
    const QString phone = contact.value(QStringLiteral("phone")).toString();
    const std::pair<qint64, QString> key {dateAddedMs(contact), id};
    const std::pair<qint64, QString> updatedKey {
        dateMs(contact, QStringLiteral("dateUpdated")), id};
    const auto update = [&](QHash<QString, QSet<QString>>& map, const QString& value) {
        if (value.isEmpty())
            return;
        const QString slot = locationId + u'|' + value;
        if (add) {
            map[slot].insert(id);
        } else if (auto it = map.find(slot); it != map.end()) {
            it->remove(id);
            if (it->isEmpty())
                map.erase(it);
        }
    };
    update(m_byEmail, email);
    update(m_byPhone, phone);
    if (add) {
        m_order[locationId].insert({key, id});
        m_updatedOrder[locationId].insert({updatedKey, id});
    } else {
        m_order[locationId].erase(key);
        m_updatedOrder[locationId].erase(updatedKey);
    }
}

QStringList SandboxData::oldestFirst(const QSet<QString>& ids) const
{
    std::vector<std::pair<qint64, QString>> keyed;
    for (const QString& id : ids)
        keyed.emplace_back(dateAddedMs(m_contacts.value(id)), id);
    std::sort(keyed.begin(), keyed.end());
    QStringList sorted;
    for (const auto& [added, id] : keyed)
        sorted.append(id);
    return sorted;
}

QStringList SandboxData::contactsWithEmail(const QString& locationId, const QString& email) const
{
    return oldestFirst(m_byEmail.value(locationId + u'|' + email.toLower()));
}

QStringList SandboxData::contactsWithPhone(const QString& locationId, const QString& phone) const
{
    return oldestFirst(m_byPhone.value(locationId + u'|' + phone));
}

const SandboxData::ContactOrder& SandboxData::contactOrder(const QString& locationId)
{
    return m_order[locationId];
}

const SandboxData::ContactOrder& SandboxData::contactOrderByUpdated(const QString& locationId)
{
    return m_updatedOrder[locationId];
}

QStringList SandboxData::userIds() const
{
    return Directory::userIdsOf(*this, mainLocation().id);
}

const QJsonObject* SandboxData::customFieldDefinition(
    const QString& idOrKey, const QString& locationId) const
{
    const QString owner = locationId.isEmpty() ? mainLocation().id : locationId;
    for (const QJsonObject& field : m_customFields) {
        if (field.value(QStringLiteral("locationId")).toString() != owner)
            continue;
        const QString key = field.value(QStringLiteral("fieldKey")).toString();
        if (field.value(QStringLiteral("id")).toString() == idOrKey || key == idOrKey
            || key.mid(key.indexOf(u'.') + 1) == idOrKey)
            return &field;
    }
    return nullptr;
}

QString SandboxData::newId()
{
    return firestoreId(m_random);
}

QString SandboxData::newObjectId()
{
    return objectId(m_random);
}

void SandboxData::clearContacts()
{
    m_contacts.clear();
    m_deleted.clear();
    m_order.clear();
    m_updatedOrder.clear();
    m_byEmail.clear();
    m_byPhone.clear();
    m_searchVisibleAt.clear();
    m_tasks.clear();
    m_notes.clear();
    m_appointments.clear();
    m_followers.clear();
    m_campaigns.clear();
    m_workflows.clear();
}

QJsonObject SandboxData::toJson() const
{
    QJsonArray locations;
    for (const Location& l : m_locations) {
        locations.append(QJsonObject {{QStringLiteral("id"), l.id},
            {QStringLiteral("companyId"), l.companyId}, {QStringLiteral("name"), l.name},
            {QStringLiteral("address"), l.address}, {QStringLiteral("country"), l.country}});
    }
    QJsonArray grants;
    for (const Grant& g : m_grants)
        grants.append(grantToJson(g));
    QJsonArray refresh;
    for (const RefreshGrant& r : m_refreshGrants)
        refresh.append(refreshToJson(r));
    QJsonArray contacts;
    for (const QJsonObject& c : m_contacts)
        contacts.append(c);
    QJsonObject followers;
    for (auto it = m_followers.begin(); it != m_followers.end(); ++it)
        followers.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject campaigns;
    for (auto it = m_campaigns.begin(); it != m_campaigns.end(); ++it)
        campaigns.insert(it.key(), QJsonArray::fromStringList(it.value().values()));
    QJsonObject workflows;
    for (auto it = m_workflows.begin(); it != m_workflows.end(); ++it) {
        QJsonObject starts;
        for (auto w = it.value().begin(); w != it.value().end(); ++w)
            starts.insert(w.key(), w.value());
        workflows.insert(it.key(), starts);
    }
    QJsonArray businesses;
    for (const QJsonObject& b : m_businesses)
        businesses.append(b);
    return {{QStringLiteral("format"), QStringLiteral("contactdesk-sandbox/1")},
        {QStringLiteral("settings"), m_settings.toJson()}, {QStringLiteral("locations"), locations},
        {QStringLiteral("app"),
            QJsonObject {{QStringLiteral("clientId"), m_app.clientId},
                {QStringLiteral("clientSecret"), m_app.clientSecret},
                {QStringLiteral("appId"), m_app.appId},
                {QStringLiteral("versionId"), m_app.versionId}}},
        {QStringLiteral("privateIntegrationToken"), m_pit},
        {QStringLiteral("adminKey"), m_adminKey}, {QStringLiteral("users"), recordsToJson(m_users)},
        {QStringLiteral("grants"), grants}, {QStringLiteral("refreshGrants"), refresh},
        {QStringLiteral("contacts"), contacts},
        {QStringLiteral("deleted"), QJsonArray::fromStringList(m_deleted.values())},
        {QStringLiteral("tasks"), objectList(m_tasks)},
        {QStringLiteral("notes"), objectList(m_notes)},
        {QStringLiteral("appointments"), objectList(m_appointments)},
        {QStringLiteral("followers"), followers}, {QStringLiteral("campaigns"), campaigns},
        {QStringLiteral("workflows"), workflows}, {QStringLiteral("businesses"), businesses},
        {QStringLiteral("customFields"), recordsToJson(m_customFields)},
        {QStringLiteral("tags"), recordsToJson(m_tags)},
        {QStringLiteral("calendars"), recordsToJson(m_calendars)}};
}

QString SandboxData::fromJson(const QJsonObject& json)
{
    if (json.value(QStringLiteral("format")).toString() != QStringLiteral("contactdesk-sandbox/1"))
        return QStringLiteral("not a ContactDesk sandbox data file (format "
                              "\"contactdesk-sandbox/1\" expected)");
    const QJsonArray locations = json.value(QStringLiteral("locations")).toArray();
    const QJsonObject app = json.value(QStringLiteral("app")).toObject();
    const QJsonArray users = json.value(QStringLiteral("users")).toArray();
    if (locations.isEmpty() || app.isEmpty() || users.isEmpty())
        return QStringLiteral("the data file lacks locations, the OAuth app or users");
    Settings settings;
    if (const QString error = settings.apply(json.value(QStringLiteral("settings")).toObject());
        !error.isEmpty())
        return QStringLiteral("bad settings in the data file: ") + error;

    m_settings = settings;
    m_locations.clear();
    for (const QJsonValue& v : locations) {
        const QJsonObject l = v.toObject();
        m_locations.append({l.value(QStringLiteral("id")).toString(),
            l.value(QStringLiteral("companyId")).toString(),
            l.value(QStringLiteral("name")).toString(),
            l.value(QStringLiteral("address")).toString(),
            l.value(QStringLiteral("country")).toString()});
    }
    m_app = {app.value(QStringLiteral("clientId")).toString(),
        app.value(QStringLiteral("clientSecret")).toString(),
        app.value(QStringLiteral("appId")).toString(),
        app.value(QStringLiteral("versionId")).toString()};
    m_pit = json.value(QStringLiteral("privateIntegrationToken")).toString();
    m_adminKey = json.value(QStringLiteral("adminKey")).toString();
    readDirectory(json);
    m_grants.clear();
    for (const QJsonValue& v : json.value(QStringLiteral("grants")).toArray()) {
        const Grant g = grantFromJson(v.toObject());
        m_grants.insert(g.token, g);
    }
    m_refreshGrants.clear();
    for (const QJsonValue& v : json.value(QStringLiteral("refreshGrants")).toArray()) {
        const RefreshGrant r = refreshFromJson(v.toObject());
        m_refreshGrants.insert(r.token, r);
    }
    m_authCodes.clear();
    clearContacts();
    for (const QJsonValue& v : json.value(QStringLiteral("contacts")).toArray())
        storeContact(v.toObject());
    for (const QJsonValue& v : json.value(QStringLiteral("deleted")).toArray())
        deleteContact(v.toString());
    m_tasks = groupByContact(json.value(QStringLiteral("tasks")).toArray());
    m_notes = groupByContact(json.value(QStringLiteral("notes")).toArray());
    m_appointments = groupByContact(json.value(QStringLiteral("appointments")).toArray());
    const QJsonObject followers = json.value(QStringLiteral("followers")).toObject();
    for (auto it = followers.begin(); it != followers.end(); ++it)
        m_followers.insert(it.key(), it.value().toVariant().toStringList());
    const QJsonObject campaigns = json.value(QStringLiteral("campaigns")).toObject();
    for (auto it = campaigns.begin(); it != campaigns.end(); ++it) {
        const QStringList ids = it.value().toVariant().toStringList();
        m_campaigns.insert(it.key(), QSet<QString>(ids.begin(), ids.end()));
    }
    const QJsonObject workflows = json.value(QStringLiteral("workflows")).toObject();
    for (auto it = workflows.begin(); it != workflows.end(); ++it) {
        const QJsonObject starts = it.value().toObject();
        for (auto w = starts.begin(); w != starts.end(); ++w)
            m_workflows[it.key()].insert(w.key(), w.value().toString());
    }
    m_businesses.clear();
    for (const QJsonValue& v : json.value(QStringLiteral("businesses")).toArray()) {
        const QJsonObject b = v.toObject();
        m_businesses.insert(b.value(QStringLiteral("id")).toString(), b);
    }
    return {};
}

void SandboxData::readDirectory(const QJsonObject& json)
{
    // Files written before the sandbox had location lists hold user ids only, custom fields
    // named by `key`, and no tags or calendars: those get the seeded lists, the file's user ids
    // and its fields, so the contacts in it still name users and fields that exist.
    m_customFields.clear();
    m_tags.clear();
    m_users.clear();
    m_calendars.clear();
    Directory::seed(*this);
    const QJsonArray users = json.value(QStringLiteral("users")).toArray();
    if (users.first().isString()) {
        for (qsizetype i = 0; i < users.size() && i < m_users.size(); ++i)
            m_users[i].insert(QStringLiteral("id"), users.at(i).toString());
    } else {
        m_users = objects(users);
    }
    m_userId = m_users.first().value(QStringLiteral("id")).toString();
    if (json.contains(QStringLiteral("customFields"))) {
        m_customFields = objects(json.value(QStringLiteral("customFields")));
        for (qsizetype i = 0; i < m_customFields.size(); ++i) {
            QJsonObject& field = m_customFields[i];
            if (!field.contains(QStringLiteral("fieldKey")))
                field.insert(QStringLiteral("fieldKey"), field.take(QStringLiteral("key")));
            if (!field.contains(QStringLiteral("position")))
                field.insert(QStringLiteral("position"), int(i) * 50);
            if (!field.contains(QStringLiteral("model")))
                field.insert(QStringLiteral("model"), QStringLiteral("contact"));
        }
    }
    if (json.contains(QStringLiteral("tags")))
        m_tags = objects(json.value(QStringLiteral("tags")));
    if (json.contains(QStringLiteral("calendars")))
        m_calendars = objects(json.value(QStringLiteral("calendars")));
}

QJsonArray recordsToJson(const QList<QJsonObject>& records)
{
    QJsonArray array;
    for (const QJsonObject& record : records)
        array.append(record);
    return array;
}

} // namespace ContactDesk::Sandbox
