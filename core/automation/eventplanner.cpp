#include "automation/eventplanner.h"

#include "automation/applinks.h"
#include "automation/templates.h"
#include "common/phonenumbers.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/contactlookup.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ContactDesk::Automation {

namespace {

using L = QLatin1StringView;
using Kind = Action::Kind;

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Automation::AutomationEngine", text);
}

const QString customFieldPrefix = QStringLiteral("customField:");
const L customFieldsKey("customFields");

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().trimmed().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
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

QString valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts.append(valueText(item));
        return parts.join(QStringLiteral(", "));
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Whether two values of a field say the same thing, as the server stores them.
bool sameValue(const QString& key, const QJsonValue& a, const QJsonValue& b, const QString& region)
{
    if (isBlank(a) || isBlank(b))
        return isBlank(a) && isBlank(b);
    if (key == L("email"))
        return a.toString().trimmed().compare(b.toString().trimmed(), Qt::CaseInsensitive) == 0;
    if (key == L("phone")) {
        const QString x = toE164(a.toString(), region);
        const QString y = toE164(b.toString(), region);
        if (!x.isEmpty() && x == y)
            return true;
    }
    return valueText(a).trimmed() == valueText(b).trimmed();
}

// A payload date: ISO 8601 with or without time, or epoch seconds.
QDateTime payloadDate(const QString& text)
{
    bool number = false;
    const qint64 secs = text.toLongLong(&number);
    if (number)
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = QDateTime(date, QTime(9, 0), Qt::UTC);
    }
    return time.toUTC();
}

Mapping::Record dataRecord(const AppEvent& event, const QJsonObject& data)
{
    AppEvent copy = event;
    copy.data = data;
    return eventRecord(copy);
}

} // namespace

EventPlanner::EventPlanner(Store::Database& database, const RuleSet& rules,
    const Api::LocationLists& lists, const QString& locationId)
    : m_db(database)
    , m_rules(rules)
    , m_lists(lists)
    , m_locationId(locationId)
    , m_mapper(rules.profile, lists)
    , m_links(std::make_unique<AppLinks>(database))
    , m_cache(std::make_unique<Store::ContactCache>(database))
    , m_children(std::make_unique<Store::ChildCache>(database))
    , m_lookup(std::make_unique<Store::ContactLookup>(database))
{ }

EventPlanner::~EventPlanner() = default;

const AutomationRule* EventPlanner::matchingRule(
    const AppEvent& event, const Mapping::Record& record) const
{
    for (const AutomationRule& rule : m_rules.rules) {
        if (!rule.enabled || rule.eventType != event.type)
            continue;
        const bool holds = std::all_of(rule.conditions.cbegin(), rule.conditions.cend(),
            [&](const Condition& c) { return conditionHolds(c, record, event); });
        if (holds)
            return &rule;
    }
    return nullptr;
}

bool EventPlanner::conditionHolds(
    const Condition& condition, const Mapping::Record& record, const AppEvent& event) const
{
    Q_UNUSED(event);
    const QStringList values = record.values(condition.path);
    const QString wanted = valueText(condition.value);
    switch (condition.op) {
    case Condition::Op::Exists:
        return !values.isEmpty() && !values.join(QString()).isEmpty();
    case Condition::Op::Missing:
        return values.isEmpty() || values.join(QString()).isEmpty();
    case Condition::Op::Equals:
        return values.size() == 1 && values.first() == wanted;
    case Condition::Op::NotEquals:
        return !(values.size() == 1 && values.first() == wanted);
    case Condition::Op::Contains:
        if (values.size() == 1)
            return values.first().contains(wanted, Qt::CaseInsensitive);
        return values.contains(wanted, Qt::CaseInsensitive);
    }
    return false;
}

QString EventPlanner::linkFieldId() const
{
    if (m_rules.linkField.isEmpty())
        return {};
    if (const auto* field = m_lists.customField(m_rules.linkField))
        return field->id;
    for (const Api::CustomFieldDefinition& field : m_lists.customFields) {
        if (field.name.compare(m_rules.linkField, Qt::CaseInsensitive) == 0)
            return field.id;
    }
    return {};
}

QString EventPlanner::findContact(const AppEvent& event, const Mapping::MappedRow& row) const
{
    const QString linked = m_links->contactFor(event.userId);
    if (!linked.isEmpty() && m_cache->rowIdFor(linked) != 0)
        return linked;
    // A new machine: the link field still says who is who; then the e-mail address.
    if (const QString field = linkFieldId(); !field.isEmpty()) {
        const QString found = m_lookup->byCustomField(field, event.userId);
        if (!found.isEmpty())
            return found;
    }
    if (const auto* email = row.find(QStringLiteral("email")); email && !isBlank(email->value))
        return m_lookup->byEmail(email->value.toString());
    return {};
}

std::optional<Api::Contact> EventPlanner::draftFor(
    const Mapping::MappedRow& row, const QString& userId, QString* problem) const
{
    // Kept in the response shape, custom fields as {id, value}, like an import's new contact.
    QJsonObject stored = row.createBody(m_locationId);
    QJsonArray customFields;
    for (const QJsonValue& field : stored.value(customFieldsKey).toArray()) {
        QJsonObject value = field.toObject();
        if (value.contains(L("field_value")))
            value.insert(QStringLiteral("value"), value.take(L("field_value")));
        customFields.append(value);
    }
    if (const QString field = linkFieldId(); !field.isEmpty())
        setCustomValue(&customFields, field, userId);
    if (!customFields.isEmpty())
        stored.insert(customFieldsKey, customFields);
    stored.insert(QStringLiteral("id"), QStringLiteral("new"));
    return Api::Contact::fromJson(stored, problem);
}

QJsonObject EventPlanner::changedFields(const Mapping::MappedRow& row,
    const Mapping::Record& record, const Mapping::MappedRow* previous, const QJsonObject& current,
    bool existing, QStringList* lines) const
{
    const QString region = m_rules.profile.defaultRegion;
    QJsonObject changes;
    QJsonArray customFields = current.value(customFieldsKey).toArray();
    bool customChanged = false;
    for (const Mapping::MappedValue& value : row.values) {
        // Only what the event carries: a field it leaves out is not a change.
        const bool known = value.rule >= 0 && value.rule < m_rules.profile.rules.size();
        const QStringList sources
            = known ? m_rules.profile.rules.at(value.rule).sources : QStringList();
        const bool present = !known
            || std::any_of(sources.cbegin(), sources.cend(),
                [&](const QString& source) { return !record.values(source).isEmpty(); });
        if (!present)
            continue;
        const bool custom = value.key.startsWith(customFieldPrefix);
        const QString fieldId = custom ? value.key.mid(customFieldPrefix.size()) : QString();
        const QJsonValue now
            = custom ? customValue(customFields, fieldId) : current.value(value.key);
        if (existing) {
            if (value.policy == Mapping::FieldPolicy::Never)
                continue;
            if (value.policy == Mapping::FieldPolicy::FillEmpty && !isBlank(now))
                continue;
        }
        if (previous) {
            const Mapping::MappedValue* before = previous->find(value.key);
            if (before && sameValue(value.key, before->value, value.value, region))
                continue;
        }
        if (sameValue(value.key, now, value.value, region))
            continue;
        QString label = value.key;
        if (custom) {
            const auto* field = m_lists.customField(fieldId);
            label = field ? field->name : fieldId;
            setCustomValue(&customFields, fieldId, value.value);
            customChanged = true;
        } else {
            changes.insert(value.key, value.value);
        }
        lines->append(isBlank(now)
                ? tr("%1: %2").arg(label, valueText(value.value))
                : tr("%1: %2 → %3").arg(label, valueText(now), valueText(value.value)));
    }
    if (customChanged)
        changes.insert(customFieldsKey, customFields);
    return changes;
}

QString EventPlanner::assigneeId(const QString& nameOrEmail) const
{
    const QString wanted = nameOrEmail.trimmed();
    if (wanted.isEmpty())
        return {};
    for (const Api::User& user : m_lists.users) {
        if (user.id == wanted || user.email.compare(wanted, Qt::CaseInsensitive) == 0
            || user.displayName().compare(wanted, Qt::CaseInsensitive) == 0
            || user.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return user.id;
    }
    return {};
}

EventDecision EventPlanner::decide(const InboxEvent& stored) const
{
    const AppEvent& event = stored.event;
    EventDecision decision;
    const Mapping::Record record = eventRecord(event);
    const AutomationRule* rule = matchingRule(event, record);
    if (!rule)
        return decision;
    decision.ruleName = rule->name;

    const Mapping::MappedRow row = m_mapper.map(dataRecord(event, event.data));
    decision.contactId = findContact(event, row);
    decision.link
        = !decision.contactId.isEmpty() && m_links->contactFor(event.userId) != decision.contactId;
    const std::optional<Api::Contact> cached
        = decision.contactId.isEmpty() ? std::nullopt : m_cache->contact(decision.contactId);
    bool contactComing = false; // an Upsert step makes it

    const qint64 eventMs
        = event.timestampSecs > 0 ? event.timestampSecs * 1000 : stored.receivedAtMs;
    auto needContact = [&]() {
        if (!decision.contactId.isEmpty() || contactComing)
            return true;
        decision.waitReason = tr("Waiting for the sign-up of Your App user %1").arg(event.userId);
        return false;
    };

    for (const Action& action : rule->actions) {
        ActionStep step;
        switch (action.kind) {
        case Kind::UpsertContact:
        case Kind::UpdateChangedFields: {
            if (!row.isValid()) {
                QStringList reasons;
                for (const Mapping::CellProblem& problem : row.problems)
                    reasons.append(problem.column.isEmpty()
                            ? problem.reason
                            : tr("%1: %2").arg(problem.column, problem.reason));
                decision.error = tr("The event's data does not make a valid contact: %1")
                                     .arg(reasons.join(QStringLiteral("; ")));
                return decision;
            }
            if (contactComing)
                break;
            if (!cached) {
                QString problem;
                const auto draft = draftFor(row, event.userId, &problem);
                if (!draft) {
                    decision.error
                        = tr("The event's data does not make a valid contact: %1").arg(problem);
                    return decision;
                }
                step.kind = ActionStep::Kind::Upsert;
                step.draft = *draft;
                contactComing = true;
                decision.link = true;
                decision.steps.append(step);
                break;
            }
            const QJsonObject previousData = event.data.value(L("previous")).toObject();
            std::optional<Mapping::MappedRow> previous;
            if (action.kind == Kind::UpdateChangedFields && !previousData.isEmpty())
                previous = m_mapper.map(dataRecord(event, previousData));
            step.kind = ActionStep::Kind::Update;
            step.changes = changedFields(row, dataRecord(event, event.data),
                previous ? &*previous : nullptr, cached->toJson(), true, &step.changeLines);
            QStringList newTags;
            for (const QString& tag : row.tags) {
                if (!cached->tags.contains(tag, Qt::CaseInsensitive))
                    newTags.append(tag);
            }
            if (!step.changes.isEmpty())
                decision.steps.append(step);
            if (!newTags.isEmpty()) {
                ActionStep tags;
                tags.kind = ActionStep::Kind::AddTags;
                tags.tags = newTags;
                decision.steps.append(tags);
            }
            if (action.kind == Kind::UpdateChangedFields && action.noteOfChanges
                && !step.changeLines.isEmpty()) {
                ActionStep note;
                note.kind = ActionStep::Kind::CreateNote;
                const QString text
                    = action.body.isEmpty() ? tr("Changed in Your App: {{changes}}") : action.body;
                note.note.body
                    = renderTemplate(text, record, step.changeLines.join(QStringLiteral("; ")));
                decision.steps.append(note);
            }
            break;
        }
        case Kind::AddTask: {
            if (!needContact())
                return decision;
            step.kind = ActionStep::Kind::CreateTask;
            step.task.title = renderTemplate(action.title, record).trimmed();
            step.task.body = renderTemplate(action.body, record).trimmed();
            if (step.task.title.isEmpty()) {
                decision.error
                    = tr("rule '%1': the task's title is empty for this event").arg(rule->name);
                return decision;
            }
            if (action.dueInDays >= 0)
                step.task.dueDate
                    = QDateTime::fromMSecsSinceEpoch(eventMs, Qt::UTC).addDays(action.dueInDays);
            if (!action.duePath.isEmpty()) {
                const QString text = record.value(action.duePath);
                if (!text.isEmpty()) {
                    step.task.dueDate = payloadDate(text);
                    if (!step.task.dueDate.isValid()) {
                        decision.error = tr("%1: '%2' is not a date").arg(action.duePath, text);
                        return decision;
                    }
                }
            }
            // A task needs a due date on HighLevel: a day after the event unless given.
            if (!step.task.dueDate.isValid())
                step.task.dueDate = QDateTime::fromMSecsSinceEpoch(eventMs, Qt::UTC).addDays(1);
            const QString assignee = renderTemplate(action.assignee, record);
            step.task.assignedTo = assigneeId(assignee);
            if (event.type == L("task.created"))
                step.appTaskId = event.data.value(L("taskId")).toString();
            decision.steps.append(step);
            break;
        }
        case Kind::CompleteTask: {
            if (!needContact())
                return decision;
            const QString appTaskId = event.data.value(L("taskId")).toString();
            const auto link = m_links->taskFor(appTaskId);
            if (!link) {
                decision.error = tr("No task was made for Your App task %1 (its task.created "
                                    "never arrived or made no task)")
                                     .arg(appTaskId);
                return decision;
            }
            const auto task = m_children->task(link->contactId, link->taskId);
            if (!task || task->completed)
                break; // gone or already completed: nothing to send
            step.kind = ActionStep::Kind::CompleteTask;
            step.appTaskId = appTaskId;
            step.taskId = link->taskId;
            step.task = *task;
            decision.steps.append(step);
            break;
        }
        case Kind::AddNote:
            if (!needContact())
                return decision;
            step.kind = ActionStep::Kind::CreateNote;
            step.note.body = renderTemplate(action.body, record).trimmed();
            if (step.note.body.isEmpty()) {
                decision.error = tr("rule '%1': the note is empty for this event").arg(rule->name);
                return decision;
            }
            decision.steps.append(step);
            break;
        case Kind::AddTags:
        case Kind::RemoveTags: {
            if (event.type == L("user.deleted") && decision.contactId.isEmpty() && !contactComing)
                break; // nobody to tag
            if (!needContact())
                return decision;
            step.kind = action.kind == Kind::AddTags ? ActionStep::Kind::AddTags
                                                     : ActionStep::Kind::RemoveTags;
            for (const QString& tag : action.tags) {
                const QString text = renderTemplate(tag, record).trimmed();
                if (!text.isEmpty())
                    step.tags.append(text);
            }
            if (!step.tags.isEmpty())
                decision.steps.append(step);
            break;
        }
        case Kind::DeleteContact:
            if (decision.contactId.isEmpty())
                break; // never linked: nothing to delete
            step.kind = ActionStep::Kind::Delete;
            decision.steps.append(step);
            break;
        }
    }
    return decision;
}

} // namespace ContactDesk::Automation
