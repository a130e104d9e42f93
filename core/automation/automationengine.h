#pragma once

#include "automation/inbox.h"
#include "automation/rules.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Automation {

// One request an event's actions would make, for the dry run ("Send test event") and the CLI.
struct PlannedRequest
{
    QString operationId; // catalog id: "upsert-contact", "create-task", ...
    QByteArray method;
    QString path; // "/contacts/upsert", "/contacts/<id or local id>/tasks"
    QJsonObject body;
    QString description; // user text: "create the task 'Welcome Ada' due 2026-12-08"
};

struct Plan
{
    QString ruleName; // the rule that matched; empty when none did
    QList<PlannedRequest> requests;
    QString waitReason; // non-empty: the event would wait (unknown user for a task)
    QString error; // non-empty: the event would fail, and why
};

// Applies inbox events to the workspace through the rule set: per Your App user strictly in
// arrival order, each event in ONE transaction (its outbox items with origin "automation", the
// link user id <-> contact, its inbox status), so a kill at any point leaves it either not
// applied or applied once. The outbox worker sends the items after the desktop user's own edits.
class EventPlanner;
struct EventDecision;

class AutomationEngine : public QObject
{
    Q_OBJECT

public:
    AutomationEngine(
        Sync::Workspace& workspace, Inbox& inbox, const Clock& clock, QObject* parent = nullptr);
    ~AutomationEngine() override;

    // The default rules (defaultRuleSet of the workspace's lists) until setRules().
    const RuleSet& rules() const { return m_rules; }
    void setRules(const RuleSet& rules);

    // Applies what is pending now and follows Inbox::eventsStored.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Looks at the inbox again now: after the clock moved past a wait's timeout, or a retry.
    void wake();

    // What applying the event would send, without writing anything.
    Plan plan(const AppEvent& event) const;

    // The contact linked to a Your App user id, empty when none.
    QString linkedContact(const QString& userId) const;

Q_SIGNALS:
    void eventApplied(qint64 seq, const QString& contactId);
    void eventWaiting(qint64 seq, const QString& reason);
    void eventFailed(qint64 seq, const QString& reason);

private:
    void schedule();
    void applyPending();
    // Applies one event in one transaction; false when the database refused the write (the
    // event stays pending and goes again later).
    bool apply(const InboxEvent& event, const EventDecision& decision);
    void rebuildPlanner();
    void armTimer(qint64 atMs);

    Sync::Workspace& m_workspace;
    Inbox& m_inbox;
    const Clock& m_clock;
    RuleSet m_rules;
    std::unique_ptr<EventPlanner> m_planner;
    QTimer m_timer;
    bool m_running = false;
    bool m_scheduled = false;
    // Until setRules(): the default rules, made again when the location's lists change (the
    // welcome task's assignee is the location's first user).
    bool m_defaultRules = true;
};

} // namespace ContactDesk::Automation
