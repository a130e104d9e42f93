// ConnectDialog's work once the form is filled in: the test, the token check, the OAuth sign-in
// with its sub-account picker, and saving.
#include "ui/connect/connectdialog.h"

#include "auth/connectionstore.h"
#include "auth/secretstore.h"
#include "ui/connect/locationpickerdialog.h"
#include "ui/connect/logging.h"
#include "ui/loginbrowser.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

#include <utility>

namespace ContactDesk::Ui {

namespace {

using Auth::SignInResult;

QStringList agencyScopes()
{
    QStringList scopes = Auth::OAuthWire::defaultScopes();
    scopes << QStringLiteral("oauth.readonly") << QStringLiteral("oauth.write");
    return scopes;
}

void showLoginBrowser(Auth::OAuthFlow& flow, QWidget* parent)
{
    auto* browser = new LoginBrowser(flow, parent);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->open();
}

} // namespace

void ConnectDialog::testConnection()
{
    if (m_busy || !problem().isEmpty() || environment() == Auth::Environment::Sandbox)
        return;
    m_pending = Pending::Test;
    m_testResult->setText(tr("Testing…"));
    m_testResult->setStyleSheet(QString());
    setBusy(true);
    if (isOAuth())
        m_check.checkClientCredentials(draft(), m_clientSecret->text().trimmed());
    else
        m_check.checkToken(baseUrl(), m_token->text().trimmed(), m_locationId->text().trimmed());
}

void ConnectDialog::accept()
{
    if (m_busy || !problem().isEmpty())
        return;
    if (environment() == Auth::Environment::Sandbox) {
        m_saved = m_store.find(Auth::ConnectionStore::sandboxId())
                      .value_or(Auth::ConnectionStore::builtInSandbox());
        qCInfo(lcConnectUi) << "the built-in sandbox was chosen";
        Q_EMIT connectionSaved(m_saved);
        QDialog::accept();
        return;
    }
    if (isOAuth())
        startSignIn();
    else
        connectPrivateToken();
}

void ConnectDialog::reject()
{
    m_check.cancel();
    if (m_picker)
        m_picker->close();
    if (m_flow && !m_flow->isFinished())
        m_flow->cancel();
    dropFlow();
    m_pending = Pending::None;
    m_busy = false;
    QDialog::reject();
}

void ConnectDialog::connectPrivateToken()
{
    m_pending = Pending::PrivateToken;
    m_pendingSecret = m_token->text().trimmed();
    setBusy(true, tr("Checking the token with HighLevel…"));
    m_check.checkToken(baseUrl(), m_pendingSecret, m_locationId->text().trimmed());
}

void ConnectDialog::startSignIn()
{
    dropFlow();
    const Auth::Connection connection = draft();
    m_pendingSecret = m_clientSecret->text().trimmed();
    m_pending = Pending::SignIn;
    auto* flow = new Auth::OAuthFlow(m_network, m_clock, connection, m_pendingSecret, this);
    m_flow = flow;
    if (m_agency->isChecked()) {
        flow->setUserType(QStringLiteral("Company"));
        flow->setScopes(agencyScopes());
    }
    connect(flow, &Auth::OAuthFlow::finished, this, &ConnectDialog::onSignInFinished);
    connect(
        flow, &Auth::OAuthFlow::locationChoiceNeeded, this, &ConnectDialog::onLocationChoiceNeeded);
    qCInfo(lcConnectUi) << "starting an OAuth sign-in, in the"
                        << (m_system->isChecked() ? "system browser" : "embedded browser");
    if (m_system->isChecked()) {
        setBusy(true,
            tr("Continue in your web browser: sign in to HighLevel there and allow access. "
               "ContactDesk is waiting for the answer."));
        const quint16 port = quint16(qMax(0, m_redirectUri.port(0)));
        // On failure the flow has already finished with the reason.
        flow->startLoopback(m_openSystemBrowser, port, m_redirectUri.path());
        if (m_flow)
            m_redirect->setText(m_flow->redirectUri().toString());
        return;
    }
    setBusy(true, tr("Sign in to HighLevel in the window that opened, then allow access."));
    flow->setRedirectUri(m_redirectUri);
    if (m_embeddedSignIn)
        m_embeddedSignIn(*flow, this);
    else
        showLoginBrowser(*flow, this);
}

void ConnectDialog::onLocationChoiceNeeded(const QList<Auth::InstalledLocation>& locations)
{
    if (!m_flow)
        return;
    showStatus(tr("Choose the sub-account to connect."), false);
    auto* picker = new LocationPickerDialog(*m_flow, locations, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    m_picker = picker;
    connect(picker, &LocationPickerDialog::locationChosen, this, [this](const QString& id) {
        showStatus(tr("Getting a token for the sub-account %1…").arg(id), false);
    });
    picker->open();
}

void ConnectDialog::onSignInFinished(const Auth::SignInResult& result)
{
    if (m_pending != Pending::SignIn)
        return;
    if (m_flow)
        m_flow->deleteLater();
    m_flow.clear();
    switch (result.outcome) {
    case SignInResult::Outcome::Cancelled:
        m_pending = Pending::None;
        setBusy(false);
        showStatus(tr("The sign-in was cancelled; nothing was saved."), false);
        return;
    case SignInResult::Outcome::Failed:
        m_pending = Pending::None;
        setBusy(false);
        showStatus(result.message, true);
        return;
    case SignInResult::Outcome::SignedIn:
        break;
    }
    if (m_existing && !m_existing->locationId.isEmpty()
        && result.tokens.locationId != m_existing->locationId) {
        m_pending = Pending::None;
        setBusy(false);
        showStatus(tr("This sign-in is for the sub-account %1, but the connection is for %2. "
                      "Sign in to the same sub-account, or add a new connection.")
                       .arg(result.tokens.locationId, m_existing->locationId),
            true);
        return;
    }
    m_tokens = result.tokens;
    m_pending = Pending::SignedInToken;
    showStatus(tr("Signed in. Checking access to the contacts…"), false);
    m_check.checkToken(
        Auth::OAuthWire::apiBaseUrl(draft()), m_tokens.accessToken, m_tokens.locationId);
}

void ConnectDialog::onCheckFinished(const Auth::ConnectionCheckResult& result)
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::None:
    case Pending::SignIn:
        return;
    case Pending::Test:
        setBusy(false);
        showTestResult(result);
        return;
    case Pending::PrivateToken:
    case Pending::SignedInToken:
        break;
    }
    showTestResult(result);
    if (!result.ok) {
        m_tokens = {};
        setBusy(false);
        showStatus(tr("Nothing was saved. %1").arg(result.message), true);
        return;
    }
    Auth::Connection connection = draft();
    connection.state = Auth::ConnectionState::Ready;
    Auth::Secrets secrets;
    if (pending == Pending::PrivateToken) {
        secrets.append({Auth::SecretKind::PrivateIntegrationToken, m_pendingSecret});
    } else {
        connection.locationId = m_tokens.locationId;
        connection.companyId = m_tokens.companyId;
        connection.userId = m_tokens.userId;
        connection.scopes = m_tokens.scopes;
        connection.accessTokenExpiresAt = m_tokens.expiresAt;
        // The refresh token first: it is the one that cannot be had again.
        secrets.append({Auth::SecretKind::ClientSecret, m_pendingSecret});
        secrets.append({Auth::SecretKind::RefreshToken, m_tokens.refreshToken});
        secrets.append({Auth::SecretKind::AccessToken, m_tokens.accessToken});
    }
    m_tokens = {};
    save(connection, secrets);
}

void ConnectDialog::save(const Auth::Connection& connection, const Auth::Secrets& secrets)
{
    showStatus(tr("Saving the connection…"), false);
    m_busy = true;
    QPointer<ConnectDialog> self(this);
    Auth::saveConnection(
        m_store, m_secrets, connection, secrets, [self, connection](const QString& error) {
            if (!self)
                return;
            self->m_pendingSecret.clear();
            self->setBusy(false);
            if (!error.isEmpty()) {
                self->showStatus(error, true);
                return;
            }
            self->m_saved = connection;
            qCInfo(lcConnectUi) << "connection" << connection.id << "saved";
            Q_EMIT self->connectionSaved(connection);
            self->QDialog::accept();
        });
}

void ConnectDialog::dropFlow()
{
    if (m_flow) {
        m_flow->disconnect(this);
        m_flow->deleteLater();
    }
    m_flow.clear();
}

} // namespace ContactDesk::Ui
