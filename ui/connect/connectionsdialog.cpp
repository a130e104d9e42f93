#include "ui/connect/connectionsdialog.h"

#include "auth/connectionactions.h"
#include "auth/connectionsession.h"
#include "auth/connectionstore.h"
#include "auth/secretstore.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/credentialsdialog.h"
#include "ui/connect/logging.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

constexpr int idRole = Qt::UserRole + 1;

enum Column
{
    NameColumn,
    EnvironmentColumn,
    SignInColumn,
    LocationColumn,
    StateColumn,
    ColumnCount,
};

QString environmentText(const Auth::Connection& connection)
{
    switch (connection.environment) {
    case Auth::Environment::Sandbox:
        return ConnectionsDialog::tr("Built-in sandbox");
    case Auth::Environment::Production:
        return ConnectionsDialog::tr("HighLevel");
    case Auth::Environment::Custom:
        return connection.baseUrl.host();
    }
    return {};
}

QString signInText(const Auth::Connection& connection)
{
    if (connection.isSandbox())
        return ConnectionsDialog::tr("None needed");
    return connection.authKind == Auth::AuthKind::OAuth
        ? ConnectionsDialog::tr("OAuth app")
        : ConnectionsDialog::tr("Private integration token");
}

void askWithMessageBox(QWidget* parent, const QString& title, const QString& question,
    const QString& goAhead, std::function<void(bool)> answer)
{
    auto* box
        = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("connectionsQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(goAhead, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("connectionsQuestionYes"));
    QPushButton* no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("connectionsQuestionNo"));
    box->setDefaultButton(no);
    QObject::connect(box, &QMessageBox::finished, box,
        [box, yes, answer = std::move(answer)](int) { answer(box->clickedButton() == yes); });
    box->open();
}

QPushButton* button(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* pushButton = new QPushButton(text, parent);
    pushButton->setObjectName(objectName);
    pushButton->setAutoDefault(false);
    return pushButton;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(QNetworkAccessManager& network, const Clock& clock,
    Auth::ConnectionStore& store, Auth::SecretStore& secrets, QWidget* parent)
    : QDialog(parent)
    , m_network(network)
    , m_clock(clock)
    , m_store(store)
    , m_secrets(secrets)
    , m_confirm(&askWithMessageBox)
{
    setObjectName(QStringLiteral("connectionsDialog"));
    setWindowTitle(tr("Connections"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("connectionsList"));
    m_list->setAccessibleName(tr("Connections"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Name"), tr("Environment"), tr("Sign-in"), tr("Location"), tr("State")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);

    m_add = button(tr("&Add…"), QStringLiteral("connectionsAdd"), this);
    m_makeActive = button(tr("Make &active"), QStringLiteral("connectionsMakeActive"), this);
    m_signIn = button(tr("Sign &in again…"), QStringLiteral("connectionsSignIn"), this);
    m_signOut = button(tr("Sign &out"), QStringLiteral("connectionsSignOut"), this);
    m_replaceToken = button(tr("Replace &token…"), QStringLiteral("connectionsReplaceToken"), this);
    m_rotateSecret
        = button(tr("Rotate client &secret…"), QStringLiteral("connectionsRotateSecret"), this);
    m_remove = button(tr("&Remove"), QStringLiteral("connectionsRemove"), this);

    auto* actions = new QVBoxLayout;
    for (QPushButton* action :
        {m_add, m_makeActive, m_signIn, m_signOut, m_replaceToken, m_rotateSecret, m_remove})
        actions->addWidget(action);
    actions->addStretch();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connectionsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("connectionsClose"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* body = new QHBoxLayout;
    body->addWidget(m_list, 1);
    body->addLayout(actions);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(m_status);
    layout->addWidget(close);

    setTabOrder(m_list, m_add);
    QWidget* previous = m_add;
    for (QPushButton* action :
        {m_makeActive, m_signIn, m_signOut, m_replaceToken, m_rotateSecret, m_remove}) {
        setTabOrder(previous, action);
        previous = action;
    }

    connect(m_add, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(m_makeActive, &QPushButton::clicked, this, &ConnectionsDialog::makeActive);
    connect(m_signIn, &QPushButton::clicked, this, &ConnectionsDialog::signInAgain);
    connect(m_signOut, &QPushButton::clicked, this, &ConnectionsDialog::signOut);
    connect(m_replaceToken, &QPushButton::clicked, this, &ConnectionsDialog::replaceToken);
    connect(m_rotateSecret, &QPushButton::clicked, this, &ConnectionsDialog::rotateClientSecret);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeConnection);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ConnectionsDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ConnectionsDialog::makeActive);
    connect(&m_store, &Auth::ConnectionStore::changed, this, &ConnectionsDialog::refresh);

    refresh();
    select(m_store.activeId());
    resize(760, 380);
}

void ConnectionsDialog::refresh()
{
    const QString keep = selectedId();
    m_list->clear();
    const QString active = m_store.activeId();
    for (const Auth::Connection& connection : m_store.connections()) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, idRole, connection.id);
        const bool isActive = connection.id == active;
        item->setText(NameColumn, connection.displayName);
        item->setText(EnvironmentColumn, environmentText(connection));
        item->setText(SignInColumn, signInText(connection));
        item->setText(LocationColumn, connection.locationId);
        QString state = connection.state == Auth::ConnectionState::NeedsSignIn ? tr("Needs sign-in")
                                                                               : tr("Ready");
        if (isActive)
            state = tr("%1, active").arg(state);
        item->setText(StateColumn, state);
        if (isActive) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            for (int column = 0; column < ColumnCount; ++column)
                item->setFont(column, bold);
        }
    }
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_list->resizeColumnToContents(column);
    select(keep.isEmpty() ? active : keep);
    updateButtons();
}

QString ConnectionsDialog::selectedId() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, idRole).toString();
}

void ConnectionsDialog::select(const QString& connectionId)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_list->topLevelItem(row);
        if (item->data(NameColumn, idRole).toString() == connectionId) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

std::optional<Auth::Connection> ConnectionsDialog::selected() const
{
    return m_store.find(selectedId());
}

void ConnectionsDialog::updateButtons()
{
    const std::optional<Auth::Connection> connection = selected();
    const bool any = connection.has_value() && !m_busy;
    const bool saved = any && !connection->isSandbox();
    const bool oauth = saved && connection->authKind == Auth::AuthKind::OAuth;
    m_add->setEnabled(!m_busy);
    m_makeActive->setEnabled(any && connection->id != m_store.activeId());
    m_signIn->setEnabled(saved);
    m_signOut->setEnabled(saved);
    m_replaceToken->setEnabled(saved && !oauth);
    m_rotateSecret->setEnabled(oauth);
    m_remove->setEnabled(saved);
    m_remove->setToolTip(connection && connection->isSandbox()
            ? tr("The built-in sandbox is always available and cannot be removed.")
            : QString());
}

void ConnectionsDialog::showStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setProperty("failure", failure);
    m_status->setStyleSheet(failure ? QStringLiteral("color: #b3261e;") : QString());
}

void ConnectionsDialog::openConnect(const std::optional<Auth::Connection>& existing)
{
    auto* dialog = new ConnectDialog(m_network, m_clock, m_store, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setExistingConnection(*existing);
    if (m_setup)
        m_setup(*dialog);
    connect(dialog, &ConnectDialog::connectionSaved, this, [this](const Auth::Connection& saved) {
        refresh();
        select(saved.id);
        showStatus(tr("\"%1\" is connected.").arg(saved.displayName), false);
        Q_EMIT connectionAdded(saved);
    });
    m_connectDialog = dialog;
    dialog->open();
}

void ConnectionsDialog::addConnection()
{
    openConnect(std::nullopt);
}

void ConnectionsDialog::signInAgain()
{
    const std::optional<Auth::Connection> connection = selected();
    if (connection && !connection->isSandbox())
        openConnect(connection);
}

void ConnectionsDialog::makeActive()
{
    const std::optional<Auth::Connection> connection = selected();
    if (!connection || connection->id == m_store.activeId())
        return;
    if (!m_store.setActive(connection->id)) {
        showStatus(tr("The settings file could not be written; \"%1\" is active until "
                      "ContactDesk quits.")
                       .arg(connection->displayName),
            true);
    } else {
        showStatus(tr("\"%1\" is now the active connection.").arg(connection->displayName), false);
    }
    refresh();
    Q_EMIT activeConnectionChanged(connection->id);
}

void ConnectionsDialog::signOut()
{
    const std::optional<Auth::Connection> connection = selected();
    if (!connection || connection->isSandbox())
        return;
    const QString name = connection->displayName;
    confirmKeychainStep(connection->id, tr("Sign out"),
        tr("Sign out of \"%1\"? Its tokens and secrets are deleted from the keychain. The "
           "connection and its local data stay; sign in again to use it.")
            .arg(name),
        tr("Sign out"), tr("Signed out of \"%1\".").arg(name), &Auth::signOut,
        &ConnectionsDialog::signedOut);
}

void ConnectionsDialog::removeConnection()
{
    const std::optional<Auth::Connection> connection = selected();
    if (!connection || connection->isSandbox())
        return;
    const QString name = connection->displayName;
    confirmKeychainStep(connection->id, tr("Remove connection"),
        tr("Remove \"%1\"? Its tokens and secrets are deleted from the keychain, its local "
           "cache (with any change not sent yet) is deleted from this computer, and it leaves "
           "this list.")
            .arg(name),
        tr("Remove"), tr("\"%1\" was removed.").arg(name), &Auth::removeConnection,
        &ConnectionsDialog::connectionRemoved);
}

void ConnectionsDialog::confirmKeychainStep(const QString& id, const QString& title,
    const QString& question, const QString& action, const QString& doneText, KeychainStep step,
    void (ConnectionsDialog::*done)(const QString&))
{
    QPointer<ConnectionsDialog> self(this);
    m_confirm(this, title, question, action, [self, id, doneText, step, done](bool yes) {
        if (!self || !yes)
            return;
        self->m_busy = true;
        self->updateButtons();
        step(self->m_store, self->m_secrets, id, [self, id, doneText, done](const QString& error) {
            if (!self)
                return;
            self->m_busy = false;
            if (!error.isEmpty()) {
                self->showStatus(error, true);
                self->updateButtons();
                return;
            }
            self->refresh();
            self->showStatus(doneText, false);
            Q_EMIT(self->*done)(id);
        });
    });
}

void ConnectionsDialog::openCredentials(int mode)
{
    const std::optional<Auth::Connection> connection = selected();
    if (!connection || connection->isSandbox())
        return;
    auto* dialog = new CredentialsDialog(
        CredentialsDialog::Mode(mode), *connection, m_network, m_clock, m_store, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_sessions)
        dialog->setSession(m_sessions(connection->id));
    connect(dialog, &CredentialsDialog::credentialsReplaced, this, [this](const QString& id) {
        refresh();
        showStatus(tr("The new credential is stored and in use."), false);
        Q_EMIT credentialsChanged(id);
    });
    m_credentialsDialog = dialog;
    dialog->open();
}

void ConnectionsDialog::replaceToken()
{
    const std::optional<Auth::Connection> connection = selected();
    if (connection && connection->authKind == Auth::AuthKind::PrivateIntegrationToken)
        openCredentials(int(CredentialsDialog::Mode::ReplaceToken));
}

void ConnectionsDialog::rotateClientSecret()
{
    const std::optional<Auth::Connection> connection = selected();
    if (connection && connection->authKind == Auth::AuthKind::OAuth)
        openCredentials(int(CredentialsDialog::Mode::RotateClientSecret));
}

} // namespace ContactDesk::Ui
