#pragma once

#include "auth/connection.h"
#include "auth/secretstore.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/credentialsdialog.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTreeWidget;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Auth {
class ConnectionSession;
class ConnectionStore;
} // namespace ContactDesk::Auth

namespace ContactDesk::Ui {

// Settings > Connections: every saved connection (the built-in sandbox first, always there and
// never removable), which one is active, and what can be done with each: add one (ConnectDialog),
// make it active, sign in again, sign out (its keychain entries are deleted; it stays, needing
// a sign-in), replace its token or rotate its client secret (CredentialsDialog), remove it
// (keychain entries first). Questions go through a seam so tests answer them without a modal
// loop; every sub-dialog is opened with open().
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    // Asks `question` and calls `answer(true)` to go ahead. The default opens a QMessageBox
    // (objectName "connectionsQuestion") with open().
    using Confirm = std::function<void(QWidget* parent, const QString& title,
        const QString& question, const QString& goAhead, std::function<void(bool)> answer)>;
    // The app's running session of a connection, to hand rotated secrets to; may return null.
    using SessionLookup = std::function<Auth::ConnectionSession*(const QString& connectionId)>;
    // Called on every ConnectDialog before it opens (the app sets its browser seams there).
    using ConnectDialogSetup = std::function<void(ConnectDialog& dialog)>;

    ConnectionsDialog(QNetworkAccessManager& network, const Clock& clock,
        Auth::ConnectionStore& store, Auth::SecretStore& secrets, QWidget* parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setSessionLookup(SessionLookup lookup) { m_sessions = std::move(lookup); }
    void setConnectDialogSetup(ConnectDialogSetup setup) { m_setup = std::move(setup); }

    // The connection selected in the list; empty when none.
    QString selectedId() const;
    void select(const QString& connectionId);
    // The sub-dialog opened last, while it is open.
    ConnectDialog* connectDialog() const { return m_connectDialog; }
    CredentialsDialog* credentialsDialog() const { return m_credentialsDialog; }

public Q_SLOTS:
    void addConnection();
    void signInAgain();
    void makeActive();
    void signOut();
    void replaceToken();
    void rotateClientSecret();
    void removeConnection();

Q_SIGNALS:
    void connectionAdded(const ContactDesk::Auth::Connection& connection);
    void activeConnectionChanged(const QString& connectionId);
    void signedOut(const QString& connectionId);
    void connectionRemoved(const QString& connectionId);
    // A token replaced or a client secret rotated.
    void credentialsChanged(const QString& connectionId);

private:
    void refresh();
    void updateButtons();
    void showStatus(const QString& text, bool failure);
    std::optional<Auth::Connection> selected() const;
    void openCredentials(int mode);
    // Signing out and removing: ask, hold the buttons while the keychain works, then report and
    // emit `done` with the connection id.
    using KeychainStep = void (*)(
        Auth::ConnectionStore&, Auth::SecretStore&, const QString&, Auth::SecretStore::Done);
    void confirmKeychainStep(const QString& id, const QString& title, const QString& question,
        const QString& action, const QString& doneText, KeychainStep step,
        void (ConnectionsDialog::*done)(const QString&));
    void openConnect(const std::optional<Auth::Connection>& existing);

    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Auth::ConnectionStore& m_store;
    Auth::SecretStore& m_secrets;
    Confirm m_confirm;
    SessionLookup m_sessions;
    ConnectDialogSetup m_setup;
    bool m_busy = false;
    QPointer<ConnectDialog> m_connectDialog;
    QPointer<CredentialsDialog> m_credentialsDialog;

    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_makeActive = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_signOut = nullptr;
    QPushButton* m_replaceToken = nullptr;
    QPushButton* m_rotateSecret = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace ContactDesk::Ui
