#include "ui/automation/webhookspage.h"

#include "ui/automation/automationcontroller.h"
#include "ui/automation/webhookdeliverymodel.h"
#include "webhooks/webhookintake.h"
#include "webhooks/webhookledger.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QLabel* plainLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

WebhooksPage::WebhooksPage(AutomationController& automation, QWidget* parent)
    : QWidget(parent)
    , m_automation(automation)
{
    m_status = plainLabel(QStringLiteral("webhooksStatus"), this);
    m_updates = plainLabel(QStringLiteral("webhooksUpdates"), this);
    m_counts = plainLabel(QStringLiteral("webhooksCounts"), this);

    m_sendTest = new QPushButton(tr("Send &Test Webhook"), this);
    m_sendTest->setObjectName(QStringLiteral("webhooksSendTest"));
    m_sendTest->setToolTip(tr("The built-in sandbox sends a signed ContactUpdate of its newest "
                              "contact to this app's receiver."));
    m_testResult = plainLabel(QStringLiteral("webhooksTestResult"), this);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_sendTest);
    testRow->addWidget(m_testResult, 1);

    m_keys = new QGroupBox(tr("HighLevel's public keys"), this);
    m_keys->setObjectName(QStringLiteral("webhooksKeys"));
    m_rsaKey = new QLineEdit(m_keys);
    m_rsaKey->setObjectName(QStringLiteral("webhooksRsaKey"));
    m_rsaKey->setPlaceholderText(tr("PEM file of the x-wh-signature key (RSA)"));
    m_edKey = new QLineEdit(m_keys);
    m_edKey->setObjectName(QStringLiteral("webhooksEd25519Key"));
    m_edKey->setPlaceholderText(tr("PEM file of the x-ghl-signature key (Ed25519)"));
    auto* browseRsa = new QPushButton(tr("Browse…"), m_keys);
    auto* browseEd = new QPushButton(tr("Browse…"), m_keys);
    auto* applyKeys = new QPushButton(tr("&Use These Keys"), m_keys);
    applyKeys->setObjectName(QStringLiteral("webhooksApplyKeys"));
    m_keyResult = plainLabel(QStringLiteral("webhooksKeyResult"), m_keys);
    auto* keyForm = new QFormLayout(m_keys);
    auto* rsaRow = new QHBoxLayout;
    rsaRow->addWidget(m_rsaKey, 1);
    rsaRow->addWidget(browseRsa);
    auto* edRow = new QHBoxLayout;
    edRow->addWidget(m_edKey, 1);
    edRow->addWidget(browseEd);
    keyForm->addRow(tr("&RSA key:"), rsaRow);
    keyForm->addRow(tr("&Ed25519 key:"), edRow);
    keyForm->addRow(applyKeys, m_keyResult);

    m_model = new WebhookDeliveryModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("webhooksDeliveries"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Webhooks received"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_updates);
    layout->addWidget(m_counts);
    layout->addLayout(testRow);
    layout->addWidget(m_keys);
    layout->addWidget(new QLabel(tr("Received:"), this));
    layout->addWidget(m_view, 1);

    m_reload = new QTimer(this);
    m_reload->setSingleShot(true);
    m_reload->setInterval(100);
    connect(m_reload, &QTimer::timeout, this, [this] {
        Webhooks::WebhookIntake* intake = m_automation.webhookIntake();
        m_model->reload(intake ? &intake->ledger() : nullptr);
        updateStatus();
    });
    connect(m_sendTest, &QPushButton::clicked, this, &WebhooksPage::sendTestWebhook);
    connect(applyKeys, &QPushButton::clicked, this, &WebhooksPage::applyKeyFiles);
    connect(browseRsa, &QPushButton::clicked, this, [this] { browse(m_rsaKey); });
    connect(browseEd, &QPushButton::clicked, this, [this] { browse(m_edKey); });
    connect(
        &m_automation, &AutomationController::webhooksChanged, this, &WebhooksPage::updateStatus);
    connect(
        &m_automation, &AutomationController::receiverChanged, this, &WebhooksPage::updateStatus);
    connect(&m_automation, &AutomationController::opened, this, &WebhooksPage::reload);
    connect(&m_automation, &AutomationController::closing, this, [this] {
        for (const QMetaObject::Connection& link : std::as_const(m_links))
            disconnect(link);
        m_links.clear();
        m_model->reload(nullptr);
        m_model->clearRefusals();
    });
    reload();
}

void WebhooksPage::reload()
{
    for (const QMetaObject::Connection& link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_model->clearRefusals();
    Webhooks::WebhookIntake* intake = m_automation.webhookIntake();
    m_model->reload(intake ? &intake->ledger() : nullptr);
    if (intake) {
        m_links << connect(intake, &Webhooks::WebhookIntake::received, this,
            [this](int status, const QString& type, const QString& reason) {
                if (status != 200) {
                    // The intake's clock, like the ledger's times.
                    const Webhooks::WebhookIntake* intake = m_automation.webhookIntake();
                    const qint64 at = intake ? intake->summary().lastDeliveryMs : 0;
                    m_model->addRefusal(
                        at > 0 ? at : QDateTime::currentMSecsSinceEpoch(), status, type, reason);
                }
                m_reload->start();
            });
        m_links << connect(
            intake, &Webhooks::WebhookIntake::applied, m_reload, qOverload<>(&QTimer::start));
    }
    m_rsaKey->setText(m_automation.webhookRsaKeyFile());
    m_edKey->setText(m_automation.webhookEd25519KeyFile());
    m_keyResult->clear();
    m_testResult->clear();
    updateStatus();
}

void WebhooksPage::updateStatus()
{
    Webhooks::WebhookIntake* intake = m_automation.webhookIntake();
    const bool sandbox = m_automation.isSandbox();
    m_sendTest->setVisible(sandbox);
    m_testResult->setVisible(sandbox);
    m_keys->setVisible(!sandbox);
    if (!intake) {
        m_status->setText(tr("No connection is open."));
        m_updates->clear();
        m_counts->clear();
        m_sendTest->setEnabled(false);
        return;
    }
    const QString url = m_automation.receiverUrl();
    QString status;
    if (url.isEmpty()) {
        status = tr("Not receiving webhooks: the receiver is off (switch it on in the Receiver "
                    "tab).");
    } else if (sandbox) {
        status = intake->linkedUrl().isValid()
            ? tr("The built-in sandbox delivers its changes to %1, signed with its own keys.")
                  .arg(intake->linkedUrl().toString())
            : tr("The sandbox does not deliver here yet: %1")
                  .arg(m_automation.webhookProblem().isEmpty() ? tr("linking…")
                                                               : m_automation.webhookProblem());
    } else if (!intake->hasKey()) {
        status = intake->keyProblem();
    } else {
        status = tr("Receiving at %1/hooks/highlevel, verified with HighLevel's public keys. "
                    "HighLevel reaches it only at a public HTTPS address (run contactdesk-cli "
                    "serve behind your reverse proxy).")
                     .arg(url);
    }
    m_status->setText(status);
    m_updates->setText(tr("Changes from HighLevel: %1").arg(m_automation.updatesStatus()));
    const Webhooks::WebhookIntakeSummary summary = intake->summary();
    QString counts = tr("%1 received · %2 accepted · %3 refused · %4 ignored · %5 applied · %6 "
                        "waiting")
                         .arg(summary.received)
                         .arg(summary.accepted)
                         .arg(summary.rejected)
                         .arg(summary.ignored)
                         .arg(summary.applied)
                         .arg(summary.pending);
    if (summary.lastDeliveryMs > 0) {
        counts += u'\n'
            + tr("Last: %1 answered %2 at %3")
                  .arg(summary.lastType.isEmpty() ? tr("(unreadable)") : summary.lastType)
                  .arg(summary.lastStatus)
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(summary.lastDeliveryMs),
                      QLocale::ShortFormat));
    }
    m_counts->setText(counts);
    m_sendTest->setEnabled(sandbox && intake->linkedUrl().isValid());
}

void WebhooksPage::sendTestWebhook()
{
    m_sendTest->setEnabled(false);
    m_testResult->setText(tr("Sending…"));
    QPointer<WebhooksPage> self(this);
    m_automation.sendTestWebhook([self](const QString& webhookId, const QString& error) {
        if (!self)
            return;
        self->m_testResult->setText(error.isEmpty()
                ? tr("The sandbox sent webhook %1; it is listed below once it arrives.")
                      .arg(webhookId)
                : error);
        self->updateStatus();
    });
}

void WebhooksPage::applyKeyFiles()
{
    QString error;
    if (m_automation.setWebhookKeyFiles(
            m_rsaKey->text().trimmed(), m_edKey->text().trimmed(), &error)) {
        m_keyResult->setText(
            m_rsaKey->text().trimmed().isEmpty() && m_edKey->text().trimmed().isEmpty()
                ? tr("No keys: webhooks are refused until keys are set.")
                : tr("Keys loaded; webhooks are verified with them."));
    } else {
        m_keyResult->setText(error);
    }
    updateStatus();
}

void WebhooksPage::browse(QLineEdit* edit)
{
    const QString path = m_prompts.open(
        this, tr("HighLevel's Webhook Public Key"), tr("PEM public keys (*.pem);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

} // namespace ContactDesk::Ui
