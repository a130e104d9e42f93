#include "ui/automation/receiverpage.h"

#include "ui/automation/automationcontroller.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTime>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

ReceiverPage::ReceiverPage(AutomationController& automation, QWidget* parent)
    : QWidget(parent)
    , m_automation(automation)
{
    m_enabled = new QCheckBox(tr("&Receive events from Your App"), this);
    m_enabled->setObjectName(QStringLiteral("receiverEnabled"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("receiverAddress"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("receiverPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_apply = new QPushButton(tr("A&pply"), this);
    m_apply->setObjectName(QStringLiteral("receiverApply"));
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("receiverAddressWarning"));
    m_warning->setWordWrap(true);
    m_warning->setText(tr("⚠ This address is reachable from other machines: anyone who can reach "
                          "it and knows the secret can create contacts. Prefer 127.0.0.1 and a "
                          "reverse proxy with TLS."));
    m_warning->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; "
                                            "padding: 6px; border-radius: 3px;"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("receiverStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    m_generate = new QPushButton(tr("&Generate Secret"), this);
    m_generate->setObjectName(QStringLiteral("receiverGenerateSecret"));
    m_generate->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("receiverSecret"));
    m_secret->setReadOnly(true);
    m_secret->hide();
    m_copySecret = new QPushButton(tr("&Copy Secret"), this);
    m_copySecret->setObjectName(QStringLiteral("receiverCopySecret"));
    m_copySecret->hide();
    m_secretNote = new QLabel(this);
    m_secretNote->setObjectName(QStringLiteral("receiverSecretNote"));
    m_secretNote->setWordWrap(true);
    m_copyCurl = new QPushButton(tr("Copy c&url Example"), this);
    m_copyCurl->setObjectName(QStringLiteral("receiverCopyCurl"));
    m_copyCurl->setToolTip(tr("A command that sends a signed user.signed_up event now; its "
                              "timestamp is accepted for five minutes."));
    m_curl = new QPlainTextEdit(this);
    m_curl->setObjectName(QStringLiteral("receiverCurl"));
    m_curl->setReadOnly(true);
    m_curl->setMaximumHeight(120);
    m_curl->hide();
    m_answers = new QListWidget(this);
    m_answers->setObjectName(QStringLiteral("receiverAnswers"));

    auto* listen = new QGroupBox(tr("Listening"), this);
    auto* listenForm = new QFormLayout(listen);
    listenForm->addRow(m_enabled);
    listenForm->addRow(tr("&Address:"), m_address);
    auto* portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addStretch(1);
    portRow->addWidget(m_apply);
    listenForm->addRow(tr("P&ort:"), portRow);
    listenForm->addRow(m_warning);
    listenForm->addRow(m_status);

    auto* secret = new QGroupBox(tr("Signing secret (Standard Webhooks)"), this);
    auto* secretLayout = new QVBoxLayout(secret);
    secretLayout->addWidget(m_secretNote);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(m_generate);
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copySecret);
    secretRow->addStretch(0);
    secretLayout->addLayout(secretRow);
    auto* curlRow = new QHBoxLayout;
    curlRow->addWidget(m_copyCurl);
    curlRow->addStretch(1);
    secretLayout->addLayout(curlRow);
    secretLayout->addWidget(m_curl);

    auto* answers = new QGroupBox(tr("Last answers"), this);
    auto* answersLayout = new QVBoxLayout(answers);
    answersLayout->addWidget(m_answers);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(listen);
    layout->addWidget(secret);
    layout->addWidget(answers, 1);

    connect(m_address, &QLineEdit::textChanged, this, &ReceiverPage::updateWarning);
    connect(m_apply, &QPushButton::clicked, this, &ReceiverPage::apply);
    connect(m_enabled, &QCheckBox::toggled, this, &ReceiverPage::apply);
    connect(m_generate, &QPushButton::clicked, this, &ReceiverPage::generateSecret);
    connect(m_copySecret, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    connect(m_copyCurl, &QPushButton::clicked, this, &ReceiverPage::copyCurlExample);
    connect(
        &m_automation, &AutomationController::receiverChanged, this, &ReceiverPage::updateStatus);
    connect(&m_automation, &AutomationController::opened, this, [this] {
        m_answers->clear();
        reload();
        connectReceiver();
    });
    reload();
    connectReceiver();
}

void ReceiverPage::connectReceiver()
{
    if (!m_automation.receiver())
        return;
    connect(m_automation.receiver(), &Automation::EventReceiver::requestAnswered, this,
        [this](int status, const QString& reason) {
            const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
            m_answers->insertItem(0,
                reason.isEmpty() ? tr("%1  %2").arg(time).arg(status)
                                 : tr("%1  %2 %3").arg(time).arg(status).arg(reason));
            while (m_answers->count() > keptAnswers)
                delete m_answers->takeItem(m_answers->count() - 1);
        });
}

void ReceiverPage::reload()
{
    const AutomationController::ReceiverSettings settings = m_automation.receiverSettings();
    const QSignalBlocker blockEnabled(m_enabled);
    m_enabled->setChecked(settings.enabled);
    m_address->setText(settings.address.toString());
    m_port->setValue(settings.port);
    updateWarning();
    updateStatus();
}

void ReceiverPage::apply()
{
    AutomationController::ReceiverSettings settings;
    settings.enabled = m_enabled->isChecked();
    const QString text = m_address->text().trimmed();
    const QHostAddress address(text.isEmpty() ? QStringLiteral("127.0.0.1") : text);
    if (address.isNull()) {
        m_status->setText(tr("“%1” is not an IP address (for example 127.0.0.1).").arg(text));
        return;
    }
    settings.address = address;
    settings.port = quint16(m_port->value());
    m_automation.applyReceiverSettings(settings);
    updateStatus();
}

void ReceiverPage::updateWarning()
{
    const QHostAddress address(m_address->text().trimmed());
    m_warning->setVisible(!address.isNull() && !address.isLoopback());
}

void ReceiverPage::updateStatus()
{
    const bool open = m_automation.isOpen();
    setEnabled(open);
    if (!open) {
        m_status->setText(tr("No connection is open."));
        return;
    }
    if (m_automation.isListening()) {
        m_status->setText(tr("Listening on %1/events").arg(m_automation.receiverUrl()));
    } else if (!m_automation.receiverProblem().isEmpty()) {
        m_status->setText(tr("Not listening: %1").arg(m_automation.receiverProblem()));
    } else {
        m_status->setText(
            m_automation.receiverSettings().enabled ? tr("Starting…") : tr("Switched off."));
    }
    QString note;
    if (!m_automation.hasSecret())
        note = tr("There is no secret yet: generate one and give it to Your App.");
    else if (m_automation.secretInMemoryOnly())
        note = tr("The secret is kept only until ContactDesk quits (no keychain is in use).");
    else
        note = tr("The secret is kept in the keychain. It is shown only when generated.");
    m_secretNote->setText(note);
    m_copyCurl->setEnabled(m_automation.hasSecret() && m_automation.isListening());
}

void ReceiverPage::generateSecret()
{
    m_generate->setEnabled(false);
    QPointer<ReceiverPage> self(this);
    m_automation.generateSecret([self](const QString& secret, const QString& error) {
        if (!self)
            return;
        self->m_generate->setEnabled(true);
        if (secret.isEmpty()) {
            self->m_secretNote->setText(error);
            return;
        }
        // Shown this once: it is not read back from the keychain into the window.
        self->m_secret->setText(secret);
        self->m_secret->show();
        self->m_copySecret->show();
        self->m_secret->selectAll();
        self->m_secret->setFocus(Qt::OtherFocusReason);
        self->updateStatus();
        self->m_secretNote->setText(tr("Copy the new secret into Your App now: it is not shown "
                                       "again. Events signed with the old one are refused."));
    });
}

void ReceiverPage::hideEvent(QHideEvent* event)
{
    m_secret->clear();
    m_secret->hide();
    m_copySecret->hide();
    QWidget::hideEvent(event);
}

void ReceiverPage::copyCurlExample()
{
    QString error;
    const QString command = m_automation.curlExample(&error);
    if (command.isEmpty()) {
        m_status->setText(error);
        return;
    }
    QGuiApplication::clipboard()->setText(command);
    m_curl->setPlainText(command);
    m_curl->show();
}

} // namespace ContactDesk::Ui
