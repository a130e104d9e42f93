#pragma once

#include "automation/automationengine.h"
#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "automation/rules.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QSettings;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Webhooks {
class WebhookIntake;
}

namespace ContactDesk::Ui {

class AppController;

// The automations of the open workspace: its inbox of Your App's events, the engine that applies
// them through the rule set, and the HTTP receiver. It follows the app's workspace: built after
// workspaceOpened(), gone at workspaceClosing() (after closing() told the windows).
//
// The rule set lives in the app data folder (automation/<connection>/rules.json); while the
// user has never saved one, the default rules of the location apply (enabled on the built-in
// sandbox, disabled elsewhere) and follow its lists as they arrive. The receiver's switch,
// address and port are settings per connection; on the built-in sandbox it starts on its own
// on 127.0.0.1. Its signing secret is kept in the secret store the user chose (the keychain);
// the sandbox gets one generated at its first start.
//
// HighLevel's webhooks arrive on the same receiver (/hooks/highlevel, webhookIntake()). On the
// built-in sandbox the sandbox is told, each time the receiver listens, to deliver its changes
// there, verified with the sandbox's own keys; on another connection they are verified with
// HighLevel's public keys from the PEM files set with setWebhookKeyFiles().
class AutomationController : public QObject
{
    Q_OBJECT

public:
    AutomationController(
        AppController& app, QSettings& settings, const Clock& clock, QObject* parent = nullptr);
    ~AutomationController() override;

    bool isOpen() const { return m_inbox != nullptr; }
    Sync::Workspace* workspace() const { return m_workspace; }
    Automation::Inbox* inbox() const { return m_inbox.get(); }
    Automation::AutomationEngine* engine() const { return m_engine.get(); }
    Automation::EventReceiver* receiver() const { return m_receiver.get(); }
    // HighLevel's webhooks of the open workspace; null while none is open.
    Webhooks::WebhookIntake* webhookIntake() const { return m_webhooks.get(); }
    QString connectionId() const { return m_connectionId; }
    bool isSandbox() const { return m_sandbox; }

    // Rules.
    const Automation::RuleSet& rules() const { return m_rules; }
    // The user's rule set: given to the engine and saved to rulesPath(). False with *error when
    // the file cannot be written (the engine still takes it).
    bool setRules(const Automation::RuleSet& rules, QString* error = nullptr);
    // The location's default rules, enabled on the sandbox (what applies before any save).
    Automation::RuleSet defaultRules() const;
    // Whether the rules are the defaults (nothing saved yet).
    bool usingDefaultRules() const { return m_defaultRules; }
    QString rulesPath() const;

    // Receiver.
    struct ReceiverSettings
    {
        bool enabled = false;
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0; // 0: any free port
    };
    ReceiverSettings receiverSettings() const;
    // Stores the settings and starts, restarts or stops the receiver. False with *error when it
    // cannot listen (the port is taken, no secret yet).
    bool applyReceiverSettings(const ReceiverSettings& settings, QString* error = nullptr);
    bool isListening() const;
    QString receiverUrl() const; // "http://127.0.0.1:8787", empty when not listening
    // Why the receiver is not listening although it is switched on (user text), else empty.
    QString receiverProblem() const { return m_receiverProblem; }
    bool hasSecret() const { return !m_secret.isEmpty(); }
    // Whether the secret is kept only for this session (no secret store chosen).
    bool secretInMemoryOnly() const { return m_secretInMemory; }
    // A new `whsec_` secret replaces the old one at once (events signed with the old one are
    // refused from now on) and is written to the secret store; `done` gets the secret, to show
    // once, or an error.
    void generateSecret(std::function<void(const QString& secret, const QString& error)> done);
    // A curl command that sends a signed user.signed_up event to the receiver now (its
    // timestamp is valid for the receiver's tolerance). Empty with *error without a secret or
    // while not listening.
    QString curlExample(QString* error = nullptr) const;

    // HighLevel's webhooks on a connection other than the sandbox: the paths of its public keys
    // (PEM; either may be empty, not both), stored per connection and loaded at once. False
    // with *error when a file does not load (the settings are kept unchanged then).
    bool setWebhookKeyFiles(
        const QString& rsaPemPath, const QString& ed25519PemPath, QString* error = nullptr);
    QString webhookRsaKeyFile() const;
    QString webhookEd25519KeyFile() const;
    // Why the sandbox does not deliver webhooks here (user text), empty when it does or
    // on another connection.
    QString webhookProblem() const { return m_webhookProblem; }
    // Built-in sandbox only: it sends a signed test webhook about its newest contact to this
    // app's receiver; `done` gets its webhookId or an error (user text).
    // How HighLevel's changes reach the open workspace: "live" while webhooks arrive here (the
    // sandbox delivers to this receiver, or keys are set and it listens), else "polling every
    // N min" (the periodic sync).
    QString updatesStatus() const;
    bool updatesLive() const;
    void sendTestWebhook(std::function<void(const QString& webhookId, const QString& error)> done);

    // "Send test event" and its dry run: the event as the receiver would store it (source
    // "test", a fresh webhook-id). Nullopt with *error naming the problem.
    std::optional<Automation::AppEvent> testEvent(
        const QString& type, const QString& dataJson, QString* error) const;
    Automation::Plan plan(const Automation::AppEvent& event) const;
    // Stores the event in the inbox (the engine applies it). 0 with *error when refused.
    qint64 sendTestEvent(const Automation::AppEvent& event, QString* error = nullptr);
    // Back to Received for a failed or waiting event.
    bool retry(qint64 seq);

Q_SIGNALS:
    void opened();
    // Before the inbox, engine and receiver go: windows drop their models of them.
    void closing();
    void rulesChanged();
    void receiverChanged();
    // The engine gave up on an event (user text), for a notice outside the Automations window.
    void eventFailed(qint64 seq, const QString& reason);
    // The webhook intake's keys or its sandbox link changed (webhookProblem()).
    void webhooksChanged();

private:
    void open(Sync::Workspace* workspace);
    void close();
    void loadRules();
    void updateDefaultRules();
    void readSecret();
    // The secret store became known while the secret lived in memory: the stored one wins,
    // else the one in use is stored.
    void keepSecret();
    void useSecret(const QString& secret, bool inMemoryOnly);
    void startReceiver();
    void openWebhooks();
    void linkSandboxWebhooks();
    QString settingsKey(const QString& name) const;

    AppController& m_app;
    QSettings& m_settings;
    const Clock& m_clock;

    Sync::Workspace* m_workspace = nullptr;
    QString m_connectionId;
    bool m_sandbox = false;
    std::unique_ptr<Automation::Inbox> m_inbox;
    std::unique_ptr<Automation::AutomationEngine> m_engine;
    std::unique_ptr<Automation::EventReceiver> m_receiver;
    // Reset after the receiver by close(): its route calls into the intake until then.
    std::unique_ptr<Webhooks::WebhookIntake> m_webhooks;
    // The sandbox's control API (keys, delivery URL).
    QNetworkAccessManager m_controlNetwork;
    QString m_webhookProblem;
    Automation::RuleSet m_rules;
    bool m_defaultRules = true;
    QString m_secret;
    bool m_secretInMemory = false;
    QString m_receiverProblem;
    // Bumped at every open, so a secret read that answers after a close is ignored.
    int m_generation = 0;
};

} // namespace ContactDesk::Ui
