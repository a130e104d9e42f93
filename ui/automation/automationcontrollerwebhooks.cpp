// HighLevel's webhooks on the automations receiver: the intake of the open workspace, linked to
// the built-in sandbox each time the receiver listens, or verified with the PEM key files the
// user chose for another connection.
#include "ui/automation/automationcontroller.h"

#include "sandbox/sandboxserver.h"
#include "ui/app/appcontroller.h"
#include "ui/app/logging.h"
#include "webhooks/webhookintake.h"

#include <QPointer>
#include <QSettings>

namespace ContactDesk::Ui {

void AutomationController::openWebhooks()
{
    m_webhooks = std::make_unique<Webhooks::WebhookIntake>(*m_workspace, m_clock);
    m_webhooks->setKeyHint(tr("choose the PEM files of HighLevel's webhook public keys for this "
                              "connection in the Automations window"));
    if (!m_webhooks->install(*m_receiver))
        qCWarning(lcApp) << "the receiver refused the HighLevel webhook route";
    if (m_sandbox)
        return; // its keys come with the link, once the receiver listens
    const QString rsa = webhookRsaKeyFile();
    const QString ed = webhookEd25519KeyFile();
    if (rsa.isEmpty() && ed.isEmpty())
        return;
    QString error;
    if (!m_webhooks->useKeyFiles(rsa, ed, &error)) {
        m_webhookProblem = error;
        qCWarning(lcApp) << "HighLevel's webhook keys do not load:" << error;
    }
}

void AutomationController::linkSandboxWebhooks()
{
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!m_sandbox || !m_webhooks || !sandbox)
        return;
    m_webhookProblem.clear();
    const int generation = m_generation;
    QPointer<AutomationController> self(this);
    m_webhooks->linkSandbox(m_controlNetwork, sandbox->baseUrl(), sandbox->data().adminKey(),
        m_receiver->url(), [self, generation](const QString& error) {
            if (!self || self->m_generation != generation)
                return;
            self->m_webhookProblem = error;
            Q_EMIT self->webhooksChanged();
        });
}

void AutomationController::sendTestWebhook(
    std::function<void(const QString& webhookId, const QString& error)> done)
{
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!m_sandbox || !m_webhooks || !sandbox) {
        done({}, tr("Test webhooks come from the built-in sandbox; open it first."));
        return;
    }
    if (!m_webhooks->linkedUrl().isValid()) {
        done({},
            m_webhookProblem.isEmpty()
                ? tr("The sandbox does not deliver webhooks here yet: switch the receiver on.")
                : m_webhookProblem);
        return;
    }
    m_webhooks->sendSandboxTestWebhook(
        m_controlNetwork, sandbox->baseUrl(), sandbox->data().adminKey(), std::move(done));
}

bool AutomationController::updatesLive() const
{
    if (!m_webhooks || !isListening())
        return false;
    return m_sandbox ? m_webhooks->linkedUrl().isValid() : m_webhooks->hasKey();
}

QString AutomationController::updatesStatus() const
{
    if (updatesLive())
        return tr("live");
    const int minutes = int(m_app.syncIntervalMs() / 60000);
    return minutes > 0 ? tr("polling every %n min", nullptr, minutes)
                       : tr("polling only when you sync (F5)");
}

QString AutomationController::webhookRsaKeyFile() const
{
    return m_settings.value(settingsKey(QStringLiteral("webhookRsaKeyFile"))).toString();
}

QString AutomationController::webhookEd25519KeyFile() const
{
    return m_settings.value(settingsKey(QStringLiteral("webhookEd25519KeyFile"))).toString();
}

bool AutomationController::setWebhookKeyFiles(
    const QString& rsaPemPath, const QString& ed25519PemPath, QString* error)
{
    if (!m_webhooks) {
        if (error)
            *error = tr("No connection is open.");
        return false;
    }
    if (rsaPemPath.isEmpty() && ed25519PemPath.isEmpty()) {
        m_webhooks->clearKeys();
    } else if (!m_webhooks->useKeyFiles(rsaPemPath, ed25519PemPath, error)) {
        return false;
    }
    m_settings.setValue(settingsKey(QStringLiteral("webhookRsaKeyFile")), rsaPemPath);
    m_settings.setValue(settingsKey(QStringLiteral("webhookEd25519KeyFile")), ed25519PemPath);
    m_webhookProblem.clear();
    Q_EMIT webhooksChanged();
    return true;
}

} // namespace ContactDesk::Ui
