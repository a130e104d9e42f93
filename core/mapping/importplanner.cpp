#include "mapping/importplanner.h"

#include "common/phonenumbers.h"
#include "store/contactcache.h"
#include "store/contactlookup.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ContactDesk::Mapping {

namespace {

using L = QLatin1StringView;

const QString customFieldPrefix = QStringLiteral("customField:");
const QLatin1StringView customFieldsKey("customFields");
const QLatin1StringView tagsKey("tags");

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::ImportPlanner", text);
}

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().trimmed().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

QString sortedKey(const QJsonValue& value)
{
    if (!value.isArray())
        return Store::ContactLookup::valueKey(value);
    QStringList keys;
    for (const QJsonValue& item : value.toArray())
        keys.append(Store::ContactLookup::valueKey(item));
    keys.sort();
    return keys.join(u'\n');
}

bool containsTag(const QStringList& tags, const QString& tag)
{
    return std::any_of(tags.cbegin(), tags.cend(), [&tag](const QString& have) {
        return have.trimmed().compare(tag.trimmed(), Qt::CaseInsensitive) == 0;
    });
}

// The tags of `wanted` that `have` lacks, each once.
QStringList missingTags(const QStringList& have, const QStringList& wanted)
{
    QStringList missing;
    for (const QString& tag : wanted) {
        if (!tag.trimmed().isEmpty() && !containsTag(have, tag) && !containsTag(missing, tag))
            missing.append(tag.trimmed());
    }
    return missing;
}

QJsonValue customValue(const QJsonArray& fields, const QString& id)
{
    for (const QJsonValue& field : fields) {
        if (field.toObject().value(L("id")).toString() == id)
            return field.toObject().value(L("value"));
    }
    return QJsonValue(QJsonValue::Undefined);
}

void setCustomValue(QJsonArray* fields, const QString& id, const QJsonValue& value)
{
    for (qsizetype i = 0; i < fields->size(); ++i) {
        QJsonObject field = fields->at(i).toObject();
        if (field.value(L("id")).toString() == id) {
            field.insert(QStringLiteral("value"), value);
            fields->replace(i, field);
            return;
        }
    }
    fields->append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("value"), value}});
}

std::optional<Api::Contact> decode(QJsonObject json, const QString& id, QString* problem)
{
    json.insert(QStringLiteral("id"), id);
    return Api::Contact::fromJson(json, problem);
}

QString contactPath(const QString& id)
{
    return QStringLiteral("/contacts/") + id;
}

} // namespace

QString PlannedRequest::toText() const
{
    QString text = method + u' ' + path;
    if (!body.isEmpty())
        text += u' ' + QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
    return text;
}

QString planActionName(PlanAction action)
{
    switch (action) {
    case PlanAction::Create:
        return QStringLiteral("create");
    case PlanAction::Upsert:
        return QStringLiteral("upsert");
    case PlanAction::Update:
        return QStringLiteral("update");
    case PlanAction::Unchanged:
        return QStringLiteral("unchanged");
    case PlanAction::Skip:
        return QStringLiteral("skip");
    case PlanAction::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

QString RowPlan::text() const
{
    QString prefix = QStringLiteral("row %1: %2").arg(row).arg(planActionName(action));
    if (mergedInto > 0)
        prefix += QStringLiteral(" (merged into row %1)").arg(mergedInto);
    if (requests.isEmpty())
        return reason.isEmpty() || mergedInto > 0 ? prefix : prefix + QStringLiteral(": ") + reason;
    QStringList lines;
    for (const PlannedRequest& request : requests)
        lines.append(prefix + QStringLiteral(": ") + request.toText());
    return lines.join(u'\n');
}

ImportPlanner::ImportPlanner(const Profile& profile, const Api::LocationLists& lists,
    const QString& locationId, Store::Database& database)
    : m_profile(profile)
    , m_lists(lists)
    , m_locationId(locationId)
    , m_db(database)
    , m_cache(std::make_unique<Store::ContactCache>(database))
    , m_lookup(std::make_unique<Store::ContactLookup>(database))
{
    if (m_profile.match.by == MatchKey::By::CustomField) {
        const QString wanted = m_profile.match.customField.trimmed();
        for (const Api::CustomFieldDefinition& field : m_lists.customFields) {
            if (field.id == wanted || field.fieldKey == wanted
                || field.name.compare(wanted, Qt::CaseInsensitive) == 0) {
                m_matchFieldId = field.id;
                break;
            }
        }
    }
}

ImportPlanner::~ImportPlanner() = default;

QString ImportPlanner::matchName() const
{
    switch (m_profile.match.by) {
    case MatchKey::By::Email:
        return tr("email");
    case MatchKey::By::Phone:
        return tr("phone");
    case MatchKey::By::CustomField:
        return m_profile.match.customField;
    case MatchKey::By::ContactId:
        return tr("contact id");
    }
    return {};
}

QString ImportPlanner::findExisting(const QString& matchValue)
{
    if (matchValue.isEmpty())
        return {};
    switch (m_profile.match.by) {
    case MatchKey::By::Email:
        return m_lookup->byEmail(matchValue);
    case MatchKey::By::Phone:
        return m_lookup->byPhone(matchValue);
    case MatchKey::By::CustomField:
        return m_lookup->byCustomField(m_matchFieldId, matchValue);
    case MatchKey::By::ContactId:
        return m_cache->rowIdFor(matchValue) > 0 ? matchValue : QString();
    }
    return {};
}

RowPlan ImportPlanner::plan(const MappedRow& row)
{
    RowPlan plan;
    plan.row = row.number;
    plan.matchValue = row.matchValue;
    if (!row.isValid()) {
        plan.action = PlanAction::Invalid;
        QStringList problems;
        for (const CellProblem& problem : row.problems) {
            problems.append(problem.column.isEmpty()
                    ? problem.reason
                    : QStringLiteral("%1: %2").arg(problem.column, problem.reason));
        }
        plan.reason = problems.join(QStringLiteral("; "));
        return plan;
    }

    if (!row.matchValue.isEmpty() && m_seen.contains(row.matchValue)) {
        Seen& seen = m_seen[row.matchValue];
        if (m_profile.duplicates == DuplicateRows::Report) {
            plan.action = PlanAction::Skip;
            plan.reason = tr("same %1 as row %2").arg(matchName()).arg(seen.row);
            return plan;
        }
        QJsonObject current = seen.state;
        if (!seen.contactId.isEmpty()) {
            if (const auto cached = m_cache->contact(seen.contactId))
                current = cached->toJson();
        }
        plan.contactId = seen.contactId;
        plan.mergedInto = seen.row;
        plan.reason = tr("merged into row %1").arg(seen.row);
        // Later rows fill and overwrite what earlier rows of the file gave a new contact.
        planUpdate(row, current, seen.created, &plan);
        seen.state = stateAfter(current, plan);
        return plan;
    }

    const QString existing = findExisting(row.matchValue);
    std::optional<Api::Contact> cached;
    if (!existing.isEmpty())
        cached = m_cache->contact(existing);
    switch (m_profile.mode) {
    case WriteMode::Create:
        if (cached) {
            plan.action = PlanAction::Skip;
            plan.reason = tr("a contact with this %1 exists").arg(matchName());
            return plan;
        }
        plan.action = PlanAction::Create;
        plan = planNew(row, plan);
        break;
    case WriteMode::Upsert:
        if (cached) {
            plan.contactId = existing;
            planUpdate(row, cached->toJson(), false, &plan);
        } else {
            plan.action = PlanAction::Upsert;
            plan = planNew(row, plan);
        }
        break;
    case WriteMode::Update:
        if (!cached) {
            plan.action = PlanAction::Skip;
            plan.reason = tr("no contact with this %1").arg(matchName());
            return plan;
        }
        plan.contactId = existing;
        planUpdate(row, cached->toJson(), false, &plan);
        break;
    }
    if (plan.action != PlanAction::Invalid && !row.matchValue.isEmpty()) {
        Seen seen;
        seen.row = row.number;
        seen.contactId = plan.contactId;
        seen.created = plan.contactId.isEmpty();
        seen.state = seen.created ? plan.draft.toJson()
                                  : stateAfter(cached ? cached->toJson() : QJsonObject(), plan);
        m_seen.insert(row.matchValue, seen);
    }
    return plan;
}

RowPlan ImportPlanner::planNew(const MappedRow& row, RowPlan plan) const
{
    const QJsonObject body = row.createBody(m_locationId);
    // The local contact is kept in the response shape: custom fields as {id, value}.
    QJsonObject stored = body;
    QJsonArray customFields;
    for (const QJsonValue& field : body.value(customFieldsKey).toArray()) {
        QJsonObject value = field.toObject();
        if (value.contains(L("field_value")))
            value.insert(QStringLiteral("value"), value.take(L("field_value")));
        customFields.append(value);
    }
    if (!customFields.isEmpty())
        stored.insert(customFieldsKey, customFields);
    QString problem;
    const std::optional<Api::Contact> draft
        = decode(stored, QStringLiteral("new-row-%1").arg(row.number), &problem);
    if (!draft) {
        plan.action = PlanAction::Invalid;
        plan.reason = problem;
        return plan;
    }
    plan.draft = *draft;
    if (plan.action == PlanAction::Create) {
        plan.requests.append({QStringLiteral("POST"), QStringLiteral("/contacts/"), body});
        return plan;
    }
    // An upsert that matches would replace the contact's tags: they are added after it.
    QJsonObject upsert = body;
    upsert.remove(tagsKey);
    plan.requests.append({QStringLiteral("POST"), QStringLiteral("/contacts/upsert"), upsert});
    if (!row.tags.isEmpty()) {
        plan.requests.append({QStringLiteral("POST"),
            contactPath(tr("{new contact of row %1}").arg(row.number)) + QStringLiteral("/tags"),
            QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(row.tags)}}});
    }
    return plan;
}

void ImportPlanner::planUpdate(
    const MappedRow& row, const QJsonObject& current, bool newContact, RowPlan* plan) const
{
    QJsonObject changes;
    QJsonArray customFields = current.value(customFieldsKey).toArray();
    bool customChanged = false;
    for (const MappedValue& value : row.values) {
        const bool custom = value.key.startsWith(customFieldPrefix);
        const QString fieldId = custom ? value.key.mid(customFieldPrefix.size()) : QString();
        const QJsonValue now
            = custom ? customValue(customFields, fieldId) : current.value(value.key);
        if (!newContact) {
            if (value.policy == FieldPolicy::Never)
                continue;
            if (value.policy == FieldPolicy::FillEmpty && !isBlank(now))
                continue;
        }
        if (isBlank(now) && isBlank(value.value))
            continue;
        if (!isBlank(now) && !isBlank(value.value)) {
            if (value.key == L("email")
                && now.toString().trimmed().compare(
                       value.value.toString().trimmed(), Qt::CaseInsensitive)
                    == 0)
                continue;
            if (value.key == L("phone")) {
                const QString a = toE164(now.toString(), m_profile.defaultRegion);
                const QString b = toE164(value.value.toString(), m_profile.defaultRegion);
                if (!a.isEmpty() && a == b)
                    continue;
            }
            if (sortedKey(now) == sortedKey(value.value))
                continue;
        }
        if (custom) {
            setCustomValue(&customFields, fieldId, value.value);
            customChanged = true;
        } else {
            changes.insert(value.key, value.value);
        }
    }
    if (customChanged)
        changes.insert(customFieldsKey, customFields);

    const QStringList have = strings(current.value(tagsKey));
    QStringList add;
    QStringList remove;
    if (row.replaceTags) {
        add = missingTags(have, row.tags);
        remove = missingTags(row.tags, have);
        if (!add.isEmpty() || !remove.isEmpty())
            changes.insert(tagsKey, QJsonArray::fromStringList(row.tags));
    } else {
        add = missingTags(have, row.tags);
        plan->addTags = add;
    }
    plan->changes = changes;
    plan->action = changes.isEmpty() && add.isEmpty() ? PlanAction::Unchanged : PlanAction::Update;

    const QString id = !plan->contactId.isEmpty()
        ? plan->contactId
        : tr("{new contact of row %1}").arg(plan->mergedInto > 0 ? plan->mergedInto : row.number);
    QJsonObject fields = changes;
    fields.remove(tagsKey);
    if (!fields.isEmpty()) {
        QJsonObject after = current;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            after.insert(it.key(), it.value());
        QString problem;
        const auto beforeContact = decode(current, id, &problem);
        const auto afterContact = decode(after, id, &problem);
        const QJsonObject body = beforeContact && afterContact
            ? Api::Contact::updateBody(*beforeContact, *afterContact)
            : fields;
        plan->requests.append({QStringLiteral("PUT"), contactPath(id), body});
    }
    const QString tagsPath = contactPath(id) + QStringLiteral("/tags");
    if (!add.isEmpty()) {
        plan->requests.append({QStringLiteral("POST"), tagsPath,
            QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(add)}}});
    }
    if (!remove.isEmpty()) {
        plan->requests.append({QStringLiteral("DELETE"), tagsPath,
            QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(remove)}}});
    }
}

QJsonObject ImportPlanner::stateAfter(const QJsonObject& current, const RowPlan& plan) const
{
    QJsonObject state = current;
    for (auto it = plan.changes.begin(); it != plan.changes.end(); ++it)
        state.insert(it.key(), it.value());
    if (!plan.addTags.isEmpty()) {
        QStringList tags = strings(state.value(tagsKey));
        tags.append(plan.addTags);
        state.insert(tagsKey, QJsonArray::fromStringList(tags));
    }
    return state;
}

void ImportPlanner::applied(const RowPlan& plan, const QString& contactId)
{
    if (plan.matchValue.isEmpty() || contactId.isEmpty())
        return;
    auto it = m_seen.find(plan.matchValue);
    if (it != m_seen.end() && it->contactId.isEmpty())
        it->contactId = contactId;
    if (!m_matchFieldId.isEmpty())
        m_lookup->note(m_matchFieldId, plan.matchValue, contactId);
}

void ImportPlanner::remember(const QString& matchValue, qint64 row, const QString& contactId)
{
    if (matchValue.isEmpty() || m_seen.contains(matchValue))
        return;
    Seen seen;
    seen.row = row;
    seen.contactId = contactId;
    // Whether it was new then no longer matters much: its values are in the cache now.
    seen.created = false;
    if (const auto cached = m_cache->contact(contactId))
        seen.state = cached->toJson();
    m_seen.insert(matchValue, seen);
}

} // namespace ContactDesk::Mapping
