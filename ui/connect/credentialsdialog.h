#pragma once

#include "auth/connection.h"
#include "auth/connectioncheck.h"
#include "auth/connectionsession.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Auth {
class ConnectionStore;
class SecretStore;
} // namespace ContactDesk::Auth

namespace ContactDesk::Ui {

// Swaps one credential of a saved connection without touching anything else: the connection
// keeps its id, settings and local data (cache, outbox), and only the keychain entry changes.
// - ReplaceToken (private integration token): the new token is checked with one GET for the
//   connection's location, then replaces the keychain entry, and the running session uses it.
// - RotateClientSecret (OAuth app): the new secret is checked against the token endpoint (a
//   wrong id/secret pair is refused there), then stored, and the running session's
//   OAuthTokenProvider::setClientSecret() is called; the sign-in itself stays.
// A failed check or keychain write keeps the old credential. open() it.
class CredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        ReplaceToken,
        RotateClientSecret,
    };

    CredentialsDialog(Mode mode, const Auth::Connection& connection, QNetworkAccessManager& network,
        const Clock& clock, Auth::ConnectionStore& store, Auth::SecretStore& secrets,
        QWidget* parent = nullptr);
    ~CredentialsDialog() override;

    Mode mode() const { return m_mode; }
    // The running session of the connection, told about the new credential; may be null.
    void setSession(Auth::ConnectionSession* session) { m_session = session; }
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void credentialsReplaced(const QString& connectionId);

private:
    void updateButtons();
    void onCheckFinished(const Auth::ConnectionCheckResult& result);
    void store(const QString& value);
    void showStatus(const QString& text, bool failure);

    Mode m_mode;
    Auth::Connection m_connection;
    Auth::ConnectionStore& m_store;
    Auth::SecretStore& m_secrets;
    Auth::ConnectionCheck m_check;
    QPointer<Auth::ConnectionSession> m_session;
    bool m_busy = false;
    QString m_value;

    QLineEdit* m_secret = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ContactDesk::Ui
