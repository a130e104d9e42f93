#pragma once

#include "auth/connection.h"
#include "auth/connectionactions.h"
#include "auth/connectioncheck.h"
#include "auth/oauthflow.h"
#include "ui/connect/locationpickerdialog.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Auth {
class ConnectionStore;
class SecretStore;
} // namespace ContactDesk::Auth

namespace ContactDesk::Ui {

// Adds a connection, or signs an existing one in again. The user picks the environment
// (HighLevel, a custom server, or the built-in sandbox) and how to sign in:
// - an OAuth app: client id and secret (with where to find them, which scopes to enable and the
//   exact redirect URI to register), an optional white-label authorize host, and the embedded
//   browser or the system browser (loopback redirect, RFC 8252). An agency-level app gets a
//   sub-account picker after the sign-in.
// - a private integration token with its location id.
// Whatever was entered is proved with one GET before anything is saved; then the connection
// goes to the ConnectionStore and its secrets to the SecretStore, connectionSaved() is emitted
// and the dialog closes Accepted. Failures stay on screen in plain words and save nothing.
// OK stays disabled until the required fields are valid. Nothing here blocks: open() it.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    using BrowserOpener = std::function<void(const QUrl& url)>;
    // Shows the consent page of `flow` (its redirect URI is set) inside the app.
    using EmbeddedSignIn = std::function<void(Auth::OAuthFlow& flow, QWidget* parent)>;

    ConnectDialog(QNetworkAccessManager& network, const Clock& clock, Auth::ConnectionStore& store,
        Auth::SecretStore& secrets, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    // Signs `connection` in again (after a sign-out or a refused refresh token): its id,
    // environment and auth kind stay; the secrets are entered anew.
    void setExistingConnection(const Auth::Connection& connection);
    // The redirect URI shown for registration and used by both browser modes;
    // Auth::desktopRedirectUri() unless set. Port 0 lets the system-browser mode pick a free
    // port (tests).
    void setRedirectUri(const QUrl& redirectUri);
    QUrl redirectUri() const { return m_redirectUri; }
    // Seams: the system browser (QDesktopServices::openUrl) and the embedded sign-in
    // (LoginBrowser).
    void setOpenSystemBrowser(BrowserOpener opener) { m_openSystemBrowser = std::move(opener); }
    void setEmbeddedSignIn(EmbeddedSignIn embedded) { m_embeddedSignIn = std::move(embedded); }

    // What is wrong with the form for OK, in words; empty when it can go.
    QString problem() const;
    bool isBusy() const { return m_busy; }
    // The connection that was saved, once accepted.
    Auth::Connection connection() const { return m_saved; }
    // The sign-in in progress, if any; and its sub-account picker while shown.
    Auth::OAuthFlow* flow() const { return m_flow; }
    LocationPickerDialog* locationPicker() const { return m_picker; }

public Q_SLOTS:
    // Starts connecting; the dialog closes only once the connection is saved.
    void accept() override;
    // Cancels a check or sign-in in progress and closes.
    void reject() override;
    void testConnection();

Q_SIGNALS:
    void connectionSaved(const ContactDesk::Auth::Connection& connection);
    void busyChanged(bool busy);

private:
    void buildForm();
    void updateForm();
    void validate();
    Auth::Environment environment() const;
    bool isOAuth() const;
    QUrl baseUrl() const;
    QUrl authorizeBaseUrl() const;
    // The connection as entered, without secrets or sign-in results.
    Auth::Connection draft() const;
    void setBusy(bool busy, const QString& status = {});
    void showStatus(const QString& text, bool failure);
    void showTestResult(const Auth::ConnectionCheckResult& result);

    void connectPrivateToken();
    void startSignIn();
    void onLocationChoiceNeeded(const QList<Auth::InstalledLocation>& locations);
    void onSignInFinished(const Auth::SignInResult& result);
    void onCheckFinished(const Auth::ConnectionCheckResult& result);
    void save(const Auth::Connection& connection, const Auth::Secrets& secrets);
    void dropFlow();

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Auth::ConnectionStore& m_store;
    Auth::SecretStore& m_secrets;
    Auth::ConnectionCheck m_check;

    std::optional<Auth::Connection> m_existing;
    QUrl m_redirectUri;
    BrowserOpener m_openSystemBrowser;
    EmbeddedSignIn m_embeddedSignIn;

    enum class Pending
    {
        None,
        Test,
        PrivateToken, // checking a token before saving it
        SignIn, // the OAuth flow runs
        SignedInToken, // checking the signed-in access token before saving
    };
    Pending m_pending = Pending::None;
    bool m_busy = false;
    Auth::TokenSet m_tokens; // SignedInToken only
    QString m_pendingSecret; // the token or client secret being connected
    QPointer<Auth::OAuthFlow> m_flow;
    QPointer<LocationPickerDialog> m_picker;
    Auth::Connection m_saved;

    QLineEdit* m_name = nullptr;
    QComboBox* m_environment = nullptr;
    QLabel* m_baseUrlLabel = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLabel* m_kindLabel = nullptr;
    QRadioButton* m_kindOAuth = nullptr;
    QRadioButton* m_kindPit = nullptr;
    QButtonGroup* m_kinds = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_pitPage = nullptr;
    QWidget* m_oauthPage = nullptr;
    QWidget* m_sandboxPage = nullptr;
    QLineEdit* m_token = nullptr;
    QLineEdit* m_locationId = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLineEdit* m_clientSecret = nullptr;
    QLineEdit* m_redirect = nullptr;
    QPushButton* m_copyRedirect = nullptr;
    QLineEdit* m_authorizeHost = nullptr;
    QCheckBox* m_agency = nullptr;
    QRadioButton* m_embedded = nullptr;
    QRadioButton* m_system = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ContactDesk::Ui
