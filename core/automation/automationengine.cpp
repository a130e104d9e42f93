#include "automation/automationengine.h"

#include "automation/applinks.h"
#include "automation/eventplanner.h"
#include "common/clock.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/sqlutil.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <limits>

namespace ContactDesk::Automation {

Q_LOGGING_CATEGORY(lcAutomation, "contactdesk.automation")

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(
        "ContactDesk::Automation::AutomationEngine", text, disambiguation, n);
}

// Events applied per turn of the event loop at most, and the time a turn may take, so the UI and
// the outbox worker's network traffic (on the same thread) keep going during a burst.
constexpr int eventsPerTurn = 200;
constexpr qint64 turnBudgetMs = 8;
// After the database refused a write: try again then.
constexpr qint64 writeRetryMs = 2000;

bool makesContact(const EventDecision& decision)
{
    return std::any_of(decision.steps.cbegin(), decision.steps.cend(),
        [](const ActionStep& step) { return step.kind == ActionStep::Kind::Upsert; });
}

QString hours(qint64 ms)
{
    if (ms % 3600000 == 0)
        return tr("%n hour(s)", nullptr, int(ms / 3600000));
    if (ms % 60000 == 0)
        return tr("%n minute(s)", nullptr, int(ms / 60000));
    return tr("%n second(s)", nullptr, int(ms / 1000));
}

} // namespace

AutomationEngine::AutomationEngine(
    Sync::Workspace& workspace, Inbox& inbox, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_inbox(inbox)
    , m_clock(clock)
    , m_rules(defaultRuleSet(workspace.locationLists()))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AutomationEngine::schedule);
    connect(&m_workspace, &Sync::Workspace::locationListsChanged, this, [this] {
        if (m_defaultRules)
            m_rules = defaultRuleSet(m_workspace.locationLists());
        rebuildPlanner();
        // A rule's assignee or custom field may resolve now.
        if (m_running)
            schedule();
    });
    rebuildPlanner();
}

AutomationEngine::~AutomationEngine() = default;

void AutomationEngine::setRules(const RuleSet& rules)
{
    m_rules = rules;
    m_defaultRules = false;
    rebuildPlanner();
    if (m_running)
        schedule();
}

void AutomationEngine::rebuildPlanner()
{
    m_planner = std::make_unique<EventPlanner>(m_workspace.database(), m_rules,
        m_workspace.locationLists(), m_workspace.client().locationId());
}

void AutomationEngine::start()
{
    if (!m_running) {
        m_running = true;
        connect(&m_inbox, &Inbox::eventsStored, this, &AutomationEngine::schedule,
            Qt::UniqueConnection);
    }
    schedule();
}

void AutomationEngine::stop()
{
    m_running = false;
    m_timer.stop();
    disconnect(&m_inbox, &Inbox::eventsStored, this, &AutomationEngine::schedule);
}

void AutomationEngine::wake()
{
    if (m_running)
        schedule();
}

void AutomationEngine::schedule()
{
    if (m_scheduled || !m_running)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &AutomationEngine::applyPending, Qt::QueuedConnection);
}

void AutomationEngine::armTimer(qint64 atMs)
{
    const qint64 delay = std::clamp<qint64>(atMs - m_clock.nowMs(), 10, 60000);
    if (!m_timer.isActive() || m_timer.remainingTime() > delay)
        m_timer.start(int(delay));
}

void AutomationEngine::applyPending()
{
    m_scheduled = false;
    if (!m_running || !m_workspace.isOpen())
        return;
    AppLinks links(m_workspace.database());
    const qint64 now = m_clock.nowMs();
    const int waiting = m_inbox.count(InboxFilter {EventStatus::Waiting, {}, {}});
    const QList<InboxEvent> events = m_inbox.pending(waiting + eventsPerTurn);

    // Users with an earlier event that waits: their later events wait behind it, unless they
    // make the contact (the sign-up the earlier one waits for).
    QSet<QString> held;
    int applied = 0;
    QElapsedTimer turn;
    turn.start();
    bool linked = false; // a contact became known: the waiting ones may go now
    qint64 nextTimeout = std::numeric_limits<qint64>::max();
    bool yielded = false;
    for (const InboxEvent& event : events) {
        if (applied >= eventsPerTurn || turn.elapsed() >= turnBudgetMs) {
            yielded = true;
            break;
        }
        const bool timedOut = now - event.receivedAtMs >= m_rules.waitTimeoutMs;
        // A waiting event whose user is still unknown stays as it is (cheap: one lookup).
        if (event.status == EventStatus::Waiting && !timedOut && !held.contains(event.event.userId)
            && links.contactFor(event.event.userId).isEmpty()) {
            held.insert(event.event.userId);
            nextTimeout = std::min(nextTimeout, event.receivedAtMs + m_rules.waitTimeoutMs);
            continue;
        }
        EventDecision decision = m_planner->decide(event);
        if (decision.error.isEmpty() && decision.waitReason.isEmpty()
            && held.contains(event.event.userId) && !makesContact(decision))
            decision.waitReason
                = tr("Waiting for an earlier event of Your App user %1").arg(event.event.userId);

        if (!decision.waitReason.isEmpty()) {
            held.insert(event.event.userId);
            if (timedOut) {
                const QString reason = tr("Gave up after waiting %1: %2")
                                           .arg(hours(m_rules.waitTimeoutMs), decision.waitReason);
                if (m_inbox.markFailed(event.seq, reason))
                    Q_EMIT eventFailed(event.seq, reason);
                continue;
            }
            nextTimeout = std::min(nextTimeout, event.receivedAtMs + m_rules.waitTimeoutMs);
            if (event.status != EventStatus::Waiting || event.reason != decision.waitReason) {
                if (m_inbox.markWaiting(event.seq, decision.waitReason))
                    Q_EMIT eventWaiting(event.seq, decision.waitReason);
            }
            continue;
        }
        if (!decision.error.isEmpty()) {
            if (m_inbox.markFailed(event.seq, decision.error))
                Q_EMIT eventFailed(event.seq, decision.error);
            continue;
        }
        if (!apply(event, decision)) {
            qCWarning(lcAutomation)
                << "event" << event.seq
                << "could not be written:" << m_workspace.database().lastError().detail;
            armTimer(now + writeRetryMs);
            return;
        }
        ++applied;
        linked = linked || (held.contains(event.event.userId) && makesContact(decision));
    }
    if (yielded || linked)
        schedule();
    else if (nextTimeout != std::numeric_limits<qint64>::max())
        armTimer(nextTimeout);
}

bool AutomationEngine::apply(const InboxEvent& event, const EventDecision& decision)
{
    Store::Database& db = m_workspace.database();
    Store::LocalEdits& edits = m_workspace.edits();
    AppLinks links(db);
    const QString userId = event.event.userId;
    const qint64 before
        = Store::Sql::scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM outbox"), {}, 0)
              .toLongLong();

    if (!db.beginTransaction())
        return false;
    bool ok = true;
    QString contactId = decision.contactId;
    bool deleted = false;
    {
        const Store::LocalEdits::OriginScope origin(edits, Store::OutboxOrigin::Automation);
        for (const ActionStep& step : decision.steps) {
            switch (step.kind) {
            case ActionStep::Kind::Upsert:
                contactId = edits.upsertContact(step.draft);
                break;
            case ActionStep::Kind::Update:
                ok = edits.updateContact(contactId, step.changes) != Store::EditOutcome::Unsaved;
                break;
            case ActionStep::Kind::CreateTask: {
                const QString taskId = edits.createTask(contactId, step.task);
                ok = !taskId.isEmpty();
                if (ok && !step.appTaskId.isEmpty())
                    ok = links.linkTask(step.appTaskId, {userId, contactId, taskId});
                break;
            }
            case ActionStep::Kind::CompleteTask:
                ok = edits.completeTask(step.task.contactId, step.taskId, true)
                    != Store::EditOutcome::Unsaved;
                break;
            case ActionStep::Kind::CreateNote:
                ok = !edits.createNote(contactId, step.note).isEmpty();
                break;
            case ActionStep::Kind::AddTags:
                ok = edits.addTags({contactId}, step.tags) != Store::EditOutcome::Unsaved;
                break;
            case ActionStep::Kind::RemoveTags:
                ok = edits.removeTags({contactId}, step.tags) != Store::EditOutcome::Unsaved;
                break;
            case ActionStep::Kind::Delete:
                ok = edits.deleteContact(contactId) != Store::EditOutcome::Unsaved;
                deleted = true;
                break;
            }
            if (!ok)
                break;
        }
    }
    if (ok && deleted)
        ok = links.unlink(userId);
    else if (ok && decision.link && !contactId.isEmpty())
        ok = links.link(userId, contactId, m_clock.nowMs(), event.event.data);
    QList<qint64> items;
    if (ok) {
        QVector<qint64> ids;
        ok = Store::Sql::integerColumn(db,
            QStringLiteral("SELECT id FROM outbox WHERE id > %1 ORDER BY id").arg(before), {},
            &ids);
        items = QList<qint64>(ids.cbegin(), ids.cend());
    }
    ok = ok && m_inbox.markApplied(event.seq, contactId, items);
    ok = ok && db.commitTransaction();
    if (!ok) {
        if (db.inTransaction())
            db.rollbackTransaction();
        return false;
    }
    Q_EMIT eventApplied(event.seq, contactId);
    return true;
}

QString AutomationEngine::linkedContact(const QString& userId) const
{
    return AppLinks(m_workspace.database()).contactFor(userId);
}

Plan AutomationEngine::plan(const AppEvent& event) const
{
    InboxEvent stored;
    stored.event = event;
    stored.receivedAtMs = m_clock.nowMs();
    const EventDecision decision = m_planner->decide(stored);
    Plan plan;
    plan.ruleName = decision.ruleName;
    plan.waitReason = decision.waitReason;
    plan.error = decision.error;
    if (!plan.error.isEmpty() || !plan.waitReason.isEmpty())
        return plan;
    const QString locationId = m_workspace.client().locationId();
    QString contact = decision.contactId.isEmpty() ? tr("{new contact}") : decision.contactId;
    const QString base = QStringLiteral("/contacts/");
    for (const ActionStep& step : decision.steps) {
        switch (step.kind) {
        case ActionStep::Kind::Upsert: {
            QJsonObject body = step.draft.createBody(locationId);
            body.remove(QStringLiteral("tags"));
            plan.requests.append(
                {QStringLiteral("upsert-contact"), "POST", QStringLiteral("/contacts/upsert"), body,
                    tr("create or update the contact %1").arg(step.draft.email)});
            if (!step.draft.tags.isEmpty())
                plan.requests.append(
                    {QStringLiteral("add-tags"), "POST", base + contact + QStringLiteral("/tags"),
                        QJsonObject {
                            {QStringLiteral("tags"), QJsonArray::fromStringList(step.draft.tags)}},
                        tr("add the tags %1").arg(step.draft.tags.join(QStringLiteral(", ")))});
            break;
        }
        case ActionStep::Kind::Update:
            plan.requests.append({QStringLiteral("update-contact"), "PUT", base + contact,
                step.changes, tr("change %1").arg(step.changeLines.join(QStringLiteral("; ")))});
            break;
        case ActionStep::Kind::CreateTask:
            plan.requests.append({QStringLiteral("create-task"), "POST",
                base + contact + QStringLiteral("/tasks"), step.task.createBody(),
                tr("create the task '%1' due %2")
                    .arg(step.task.title, step.task.dueDate.date().toString(Qt::ISODate))});
            break;
        case ActionStep::Kind::CompleteTask:
            plan.requests.append({QStringLiteral("update-task-completed"), "PUT",
                base + step.task.contactId + QStringLiteral("/tasks/") + step.taskId
                    + QStringLiteral("/completed"),
                Api::Task::completionBody(true),
                tr("complete the task '%1'").arg(step.task.title)});
            break;
        case ActionStep::Kind::CreateNote:
            plan.requests.append(
                {QStringLiteral("create-note"), "POST", base + contact + QStringLiteral("/notes"),
                    step.note.createBody(), tr("add a note")});
            break;
        case ActionStep::Kind::AddTags:
        case ActionStep::Kind::RemoveTags: {
            const bool add = step.kind == ActionStep::Kind::AddTags;
            plan.requests.append({add ? QStringLiteral("add-tags") : QStringLiteral("remove-tags"),
                add ? QByteArray("POST") : QByteArray("DELETE"),
                base + contact + QStringLiteral("/tags"),
                QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(step.tags)}},
                (add ? tr("add the tags %1") : tr("remove the tags %1"))
                    .arg(step.tags.join(QStringLiteral(", ")))});
            break;
        }
        case ActionStep::Kind::Delete:
            plan.requests.append({QStringLiteral("delete-contact"), "DELETE", base + contact, {},
                tr("delete the contact (a copy stays in the trash)")});
            break;
        }
    }
    return plan;
}

} // namespace ContactDesk::Automation
