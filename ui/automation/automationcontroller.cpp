#include "ui/automation/automationcontroller.h"

#include "automation/appevent.h"
#include "automation/signingsecret.h"
#include "automation/standardwebhooks.h"
#include "common/clock.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/logging.h"
#include "ui/automation/sampleevents.h"
#include "webhooks/webhookintake.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace ContactDesk::Ui {

namespace {

// Where the receiver listens on the built-in sandbox unless the user chose otherwise; when it
// is taken, any free port.
constexpr quint16 sandboxDefaultPort = 8787;

QString newWebhookId(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128);
}

// A shell word in single quotes (a ' inside closes, escapes and reopens).
QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

AutomationController::AutomationController(
    AppController& app, QSettings& settings, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_app(app)
    , m_settings(settings)
    , m_clock(clock)
{
    connect(&m_app, &AppController::workspaceClosing, this, &AutomationController::close);
    connect(&m_app, &AppController::workspaceOpened, this,
        [this](Sync::Workspace* workspace) { open(workspace); });
    connect(&m_app, &AppController::locationListsChanged, this,
        &AutomationController::updateDefaultRules);
    connect(&m_app, &AppController::secretStoreChanged, this, &AutomationController::keepSecret);
    if (m_app.workspace())
        open(m_app.workspace());
}

AutomationController::~AutomationController()
{
    close();
}

void AutomationController::open(Sync::Workspace* workspace)
{
    close();
    if (!workspace || !workspace->isOpen())
        return;
    ++m_generation;
    m_workspace = workspace;
    m_connectionId = m_app.connection().id;
    m_sandbox = m_app.connection().isSandbox();
    m_inbox = std::make_unique<Automation::Inbox>(workspace->database(), m_clock);
    m_engine = std::make_unique<Automation::AutomationEngine>(*workspace, *m_inbox, m_clock);
    m_receiver = std::make_unique<Automation::EventReceiver>(*m_inbox, m_clock);
    connect(m_receiver.get(), &Automation::EventReceiver::requestAnswered, this,
        [](int status, const QString& reason) {
            qCDebug(lcApp) << "event receiver answered" << status << reason;
        });
    connect(m_engine.get(), &Automation::AutomationEngine::eventFailed, this,
        &AutomationController::eventFailed);
    openWebhooks();
    loadRules();
    m_engine->start();
    readSecret();
    Q_EMIT opened();
}

void AutomationController::close()
{
    if (!m_inbox)
        return;
    Q_EMIT closing();
    ++m_generation;
    m_receiver->close();
    m_engine->stop();
    m_receiver.reset();
    m_webhooks.reset();
    m_webhookProblem.clear();
    m_engine.reset();
    m_inbox.reset();
    m_workspace = nullptr;
    m_secret.clear();
    m_secretInMemory = false;
    m_receiverProblem.clear();
}

QString AutomationController::rulesPath() const
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + QStringLiteral("/automation/") + m_connectionId + QStringLiteral("/rules.json");
}

Automation::RuleSet AutomationController::defaultRules() const
{
    Automation::RuleSet rules = Automation::defaultRuleSet(m_app.locationLists());
    if (!m_sandbox) {
        // On a real account nothing happens until the user has looked at the rules.
        for (Automation::AutomationRule& rule : rules.rules)
            rule.enabled = false;
    }
    return rules;
}

void AutomationController::loadRules()
{
    m_defaultRules = true;
    m_rules = defaultRules();
    const QString path = rulesPath();
    if (QFileInfo::exists(path)) {
        QStringList problems;
        if (std::optional<Automation::RuleSet> saved = Automation::RuleSet::load(path, &problems)) {
            m_rules = *saved;
            m_defaultRules = false;
        } else {
            qCWarning(lcApp) << "the saved automation rules cannot be read:" << problems;
        }
    }
    m_engine->setRules(m_rules);
    Q_EMIT rulesChanged();
}

void AutomationController::updateDefaultRules()
{
    // The defaults name the location's first user: they follow the lists until the user saves.
    if (!m_engine || !m_defaultRules)
        return;
    const Automation::RuleSet rules = defaultRules();
    if (rules == m_rules)
        return;
    m_rules = rules;
    m_engine->setRules(m_rules);
    Q_EMIT rulesChanged();
}

bool AutomationController::setRules(const Automation::RuleSet& rules, QString* error)
{
    if (!m_engine)
        return false;
    m_rules = rules;
    m_defaultRules = false;
    m_engine->setRules(m_rules);
    Q_EMIT rulesChanged();
    const QString path = rulesPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("cannot create the folder %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    return m_rules.save(path, error);
}

QString AutomationController::settingsKey(const QString& name) const
{
    return QStringLiteral("automation/") + m_connectionId + u'/' + name;
}

AutomationController::ReceiverSettings AutomationController::receiverSettings() const
{
    ReceiverSettings settings;
    settings.enabled
        = m_settings.value(settingsKey(QStringLiteral("receiverEnabled")), m_sandbox).toBool();
    const QHostAddress address(
        m_settings.value(settingsKey(QStringLiteral("receiverAddress"))).toString());
    if (!address.isNull())
        settings.address = address;
    settings.port = quint16(
        m_settings
            .value(settingsKey(QStringLiteral("receiverPort")), m_sandbox ? sandboxDefaultPort : 0)
            .toUInt());
    return settings;
}

bool AutomationController::applyReceiverSettings(const ReceiverSettings& settings, QString* error)
{
    if (!m_receiver)
        return false;
    m_settings.setValue(settingsKey(QStringLiteral("receiverEnabled")), settings.enabled);
    m_settings.setValue(
        settingsKey(QStringLiteral("receiverAddress")), settings.address.toString());
    m_settings.setValue(settingsKey(QStringLiteral("receiverPort")), settings.port);
    startReceiver();
    if (error)
        *error = m_receiverProblem;
    return !settings.enabled || m_receiver->isListening();
}

bool AutomationController::isListening() const
{
    return m_receiver && m_receiver->isListening();
}

QString AutomationController::receiverUrl() const
{
    return isListening() ? m_receiver->url().toString() : QString();
}

void AutomationController::startReceiver()
{
    if (!m_receiver)
        return;
    m_receiver->close();
    m_receiverProblem.clear();
    const ReceiverSettings settings = receiverSettings();
    if (settings.enabled) {
        if (m_secret.isEmpty()) {
            m_receiverProblem = tr("there is no signing secret yet: generate one first");
        } else {
            Automation::ReceiverOptions options;
            options.address = settings.address;
            options.port = settings.port;
            QString problem;
            bool listening = m_receiver->listen(options, &problem);
            if (!listening && m_sandbox && settings.port == sandboxDefaultPort) {
                // Another ContactDesk (or anything else) has the usual port.
                options.port = 0;
                listening = m_receiver->listen(options, &problem);
            }
            if (!listening)
                m_receiverProblem = problem.isEmpty() ? tr("cannot listen") : problem;
        }
    }
    if (m_receiver->isListening())
        linkSandboxWebhooks();
    Q_EMIT receiverChanged();
}

void AutomationController::readSecret()
{
    Auth::SecretStore* store = m_app.secretStore();
    if (!store) {
        // No secret store chosen yet: the sandbox still receives, with a secret of this session.
        if (m_sandbox)
            useSecret(Automation::generateSigningSecret(), true);
        else
            startReceiver();
        return;
    }
    const int generation = m_generation;
    QPointer<AutomationController> self(this);
    if (m_sandbox) {
        Automation::ensureStoredSigningSecret(*store, m_connectionId,
            [self, generation](const QString& secret, bool, const QString& error) {
                if (!self || self->m_generation != generation)
                    return;
                if (secret.isEmpty()) {
                    qCWarning(lcApp) << "cannot keep the event signing secret:" << error;
                    self->useSecret(Automation::generateSigningSecret(), true);
                    return;
                }
                self->useSecret(secret, false);
            });
        return;
    }
    Automation::readStoredSigningSecret(
        *store, m_connectionId, [self, generation](const QString& secret, const QString& error) {
            if (!self || self->m_generation != generation)
                return;
            if (!error.isEmpty())
                qCWarning(lcApp) << "cannot read the event signing secret:" << error;
            if (secret.isEmpty())
                self->startReceiver();
            else
                self->useSecret(secret, false);
        });
}

void AutomationController::keepSecret()
{
    Auth::SecretStore* store = m_app.secretStore();
    if (!store || !m_receiver || (!m_secretInMemory && !m_secret.isEmpty()))
        return;
    if (m_secret.isEmpty()) {
        readSecret();
        return;
    }
    const int generation = m_generation;
    QPointer<AutomationController> self(this);
    QPointer<Auth::SecretStore> guard(store);
    Automation::readStoredSigningSecret(*store, m_connectionId,
        [self, guard, generation](const QString& stored, const QString& error) {
            if (!self || self->m_generation != generation || !self->m_secretInMemory)
                return;
            if (!stored.isEmpty()) {
                self->useSecret(stored, false);
                return;
            }
            if (!error.isEmpty() || !guard)
                return;
            guard->write(self->m_connectionId, Auth::SecretKind::EventSigningSecret, self->m_secret,
                [self, generation](const QString& writeError) {
                    if (!self || self->m_generation != generation)
                        return;
                    if (!writeError.isEmpty()) {
                        qCWarning(lcApp) << "cannot keep the event signing secret:" << writeError;
                        return;
                    }
                    self->m_secretInMemory = false;
                    Q_EMIT self->receiverChanged();
                });
        });
}

void AutomationController::useSecret(const QString& secret, bool inMemoryOnly)
{
    m_secret = secret;
    m_secretInMemory = inMemoryOnly;
    if (!m_receiver)
        return;
    if (const std::optional<QByteArray> key = Automation::decodeSigningSecret(secret))
        m_receiver->setSigningKey(*key);
    // A new key takes effect on the running receiver: it keeps its address and port, which
    // Your App is configured with.
    if (m_receiver->isListening())
        Q_EMIT receiverChanged();
    else
        startReceiver();
}

void AutomationController::generateSecret(
    std::function<void(const QString& secret, const QString& error)> done)
{
    if (!m_receiver) {
        done({}, tr("No connection is open."));
        return;
    }
    Auth::SecretStore* store = m_app.secretStore();
    if (!store) {
        const QString secret = Automation::generateSigningSecret();
        useSecret(secret, true);
        done(secret, {});
        return;
    }
    const int generation = m_generation;
    QPointer<AutomationController> self(this);
    Automation::rotateStoredSigningSecret(*store, m_connectionId,
        [self, generation, done](const QString& secret, bool, const QString& error) {
            if (!self || self->m_generation != generation) {
                done({}, tr("The connection was closed."));
                return;
            }
            if (secret.isEmpty()) {
                // The old secret stays: Your App keeps working with it.
                done({}, tr("The secret could not be kept in the keychain: %1").arg(error));
                return;
            }
            self->useSecret(secret, false);
            done(secret, {});
        });
}

QString AutomationController::curlExample(QString* error) const
{
    const std::optional<QByteArray> key = Automation::decodeSigningSecret(m_secret);
    if (!key || !isListening()) {
        if (error) {
            *error = !key ? tr("There is no signing secret yet: generate one first.")
                          : tr("The receiver is not listening: switch it on first.");
        }
        return {};
    }
    const QByteArray body = Automation::appEventBody(
        QStringLiteral("user.signed_up"), sampleEventData(QStringLiteral("user.signed_up")));
    const QString id = newWebhookId(QStringLiteral("msg_"));
    const qint64 timestamp = m_clock.nowMs() / 1000;
    const QByteArray signature
        = Automation::signStandardWebhook(*key, id.toUtf8(), timestamp, body);
    QStringList lines;
    lines << QStringLiteral("curl -sS -X POST %1/events").arg(receiverUrl())
          << QStringLiteral("-H 'content-type: application/json'")
          << QStringLiteral("-H 'webhook-id: %1'").arg(id)
          << QStringLiteral("-H 'webhook-timestamp: %1'").arg(timestamp)
          << QStringLiteral("-H 'webhook-signature: %1'").arg(QString::fromLatin1(signature))
          << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(body));
    return lines.join(QStringLiteral(" \\\n  "));
}

std::optional<Automation::AppEvent> AutomationController::testEvent(
    const QString& type, const QString& dataJson, QString* error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(dataJson.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The data is not valid JSON: %1 (at character %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = tr("The data must be a JSON object.");
        return std::nullopt;
    }
    QString reason;
    std::optional<Automation::AppEvent> event = Automation::parseAppEvent(
        Automation::appEventBody(type, document.object()), newWebhookId(QStringLiteral("test_")),
        m_clock.nowMs() / 1000, QStringLiteral("test"), &reason);
    if (!event)
        *error = tr("The event is refused: %1").arg(reason);
    return event;
}

Automation::Plan AutomationController::plan(const Automation::AppEvent& event) const
{
    if (!m_engine) {
        Automation::Plan none;
        none.error = tr("No connection is open.");
        return none;
    }
    return m_engine->plan(event);
}

qint64 AutomationController::sendTestEvent(const Automation::AppEvent& event, QString* error)
{
    if (!m_inbox) {
        if (error)
            *error = tr("No connection is open.");
        return 0;
    }
    qint64 seq = 0;
    switch (m_inbox->accept(event, &seq)) {
    case Automation::Inbox::Accepted::Stored:
        return seq;
    case Automation::Inbox::Accepted::Duplicate:
        if (error)
            *error = tr("This event was sent before (event %1).").arg(seq);
        return 0;
    case Automation::Inbox::Accepted::Failed:
        break;
    }
    if (error)
        *error = tr("The inbox could not store the event.");
    return 0;
}

bool AutomationController::retry(qint64 seq)
{
    if (!m_inbox || !m_inbox->retry(seq))
        return false;
    m_engine->wake();
    return true;
}

} // namespace ContactDesk::Ui
