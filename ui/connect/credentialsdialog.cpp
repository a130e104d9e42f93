#include "ui/connect/credentialsdialog.h"

#include "auth/connectionsession.h"
#include "auth/connectionstore.h"
#include "auth/oauthflow.h"
#include "auth/secretstore.h"
#include "ui/connect/logging.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

CredentialsDialog::CredentialsDialog(Mode mode, const Auth::Connection& connection,
    QNetworkAccessManager& network, const Clock& clock, Auth::ConnectionStore& store,
    Auth::SecretStore& secrets, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_connection(connection)
    , m_store(store)
    , m_secrets(secrets)
    , m_check(network, clock)
{
    const bool token = mode == Mode::ReplaceToken;
    setObjectName(
        token ? QStringLiteral("replaceTokenDialog") : QStringLiteral("rotateClientSecretDialog"));
    setWindowTitle(token ? tr("Replace token of %1").arg(connection.displayName)
                         : tr("Rotate client secret of %1").arg(connection.displayName));

    auto* help = new QLabel(this);
    help->setObjectName(QStringLiteral("credentialsHelp"));
    help->setWordWrap(true);
    help->setText(token
            ? tr("Paste the new private integration token for the location %1. It is checked "
                 "with HighLevel before it replaces the stored one; your local contacts and "
                 "pending changes stay as they are.")
                  .arg(connection.locationId)
            : tr("Paste the new client secret from HighLevel's developer marketplace (My Apps > "
                 "your app > Auth). It is checked with HighLevel before it replaces the stored "
                 "one; you stay signed in and your local data stays as it is."));

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("credentialsValue"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(token ? tr("New token") : tr("New client secret"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("credentialsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("credentialsOk"));
    m_ok->setText(token ? tr("Replace token") : tr("Rotate secret"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("credentialsCancel"));

    auto* form = new QFormLayout;
    form->addRow(token ? tr("New &token:") : tr("New client &secret:"), m_secret);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_secret, m_ok);

    connect(m_secret, &QLineEdit::textChanged, this, &CredentialsDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CredentialsDialog::reject);
    connect(&m_check, &Auth::ConnectionCheck::finished, this, &CredentialsDialog::onCheckFinished);
    updateButtons();
    resize(480, sizeHint().height());
}

CredentialsDialog::~CredentialsDialog()
{
    m_check.cancel();
}

void CredentialsDialog::updateButtons()
{
    static const QRegularExpression space(QStringLiteral("\\s"));
    const QString value = m_secret->text().trimmed();
    const bool valid = !value.isEmpty() && !value.contains(space);
    if (!value.isEmpty() && !valid)
        showStatus(tr("It cannot contain spaces; copy it again."), true);
    else if (!m_busy && m_status->property("failure").toBool())
        showStatus({}, false);
    m_ok->setEnabled(valid && !m_busy);
    m_secret->setEnabled(!m_busy);
}

void CredentialsDialog::showStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setProperty("failure", failure);
    m_status->setStyleSheet(failure ? QStringLiteral("color: #b3261e;") : QString());
}

void CredentialsDialog::accept()
{
    if (m_busy || !m_ok->isEnabled())
        return;
    m_value = m_secret->text().trimmed();
    m_busy = true;
    updateButtons();
    if (m_mode == Mode::ReplaceToken) {
        showStatus(tr("Checking the new token with HighLevel…"), false);
        m_check.checkToken(
            Auth::OAuthWire::apiBaseUrl(m_connection), m_value, m_connection.locationId);
    } else {
        showStatus(tr("Checking the new client secret with HighLevel…"), false);
        m_check.checkClientCredentials(m_connection, m_value);
    }
}

void CredentialsDialog::reject()
{
    m_check.cancel();
    m_busy = false;
    QDialog::reject();
}

void CredentialsDialog::onCheckFinished(const Auth::ConnectionCheckResult& result)
{
    if (!result.ok) {
        m_busy = false;
        m_value.clear();
        updateButtons();
        showStatus(tr("Nothing was changed. %1").arg(result.message), true);
        return;
    }
    store(m_value);
}

void CredentialsDialog::store(const QString& value)
{
    showStatus(tr("Saving to the keychain…"), false);
    const Auth::SecretKind kind = m_mode == Mode::ReplaceToken
        ? Auth::SecretKind::PrivateIntegrationToken
        : Auth::SecretKind::ClientSecret;
    QPointer<CredentialsDialog> self(this);
    m_secrets.write(m_connection.id, kind, value, [self, value](const QString& error) {
        if (!self)
            return;
        self->m_busy = false;
        self->m_value.clear();
        if (!error.isEmpty()) {
            self->updateButtons();
            self->showStatus(tr("Nothing was changed. %1").arg(error), true);
            return;
        }
        if (self->m_session) {
            if (self->m_mode == Mode::ReplaceToken)
                self->m_session->setPrivateIntegrationToken(value);
            else
                self->m_session->setClientSecret(value);
        }
        // A token that works again ends the "replace the token" state.
        if (self->m_mode == Mode::ReplaceToken
            && self->m_connection.state == Auth::ConnectionState::NeedsSignIn) {
            if (std::optional<Auth::Connection> saved = self->m_store.find(self->m_connection.id)) {
                saved->state = Auth::ConnectionState::Ready;
                self->m_store.save(*saved);
            }
        }
        qCInfo(lcConnectUi) << "connection" << self->m_connection.id
                            << (self->m_mode == Mode::ReplaceToken ? "token replaced"
                                                                   : "client secret rotated");
        Q_EMIT self->credentialsReplaced(self->m_connection.id);
        self->QDialog::accept();
    });
}

} // namespace ContactDesk::Ui
