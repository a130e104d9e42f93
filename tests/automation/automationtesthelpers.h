#pragma once

// What the automation engine tests share: a Workspace against the in-process sandbox (the
// sync tests' harness), its inbox and the engine with the default rules.
#include "synctesthelpers.h"

#include "automation/automationengine.h"
#include "automation/inbox.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace ContactDesk::Testing {

struct AutomationHarness
{
    explicit AutomationHarness(SandboxFixture& fixture);
    ~AutomationHarness();

    // A sync and the location's lists (users, custom fields), as the app does at start.
    bool syncAll();
    // Stores an event as the receiver would (signature checked, schema checked).
    qint64 push(const QString& type, const QJsonObject& data);
    // Lets the engine apply everything it can, then the outbox reach the server.
    bool settle(int timeoutMs = syncWaitMs);
    // A new workspace, inbox and engine on the same cache file, as after a restart.
    void reopen();

    Automation::InboxEvent event(qint64 seq) const;
    // The server's contacts of the main location whose email is `email` (not deleted).
    QList<QJsonObject> serverContacts(const QString& email) const;
    QList<QJsonObject> serverTasks(const QString& contactId) const;
    QList<QJsonObject> serverNotes(const QString& contactId) const;

    SandboxFixture& fx;
    SyncHarness sync;
    std::unique_ptr<Automation::Inbox> inbox;
    std::unique_ptr<Automation::AutomationEngine> engine;
    int pushed = 0;
};

QJsonObject signUp(const QString& id, const QString& email, const QString& first,
    const QString& last, const QString& phone = {});

} // namespace ContactDesk::Testing
