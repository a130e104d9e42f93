#include "ui/connect/connectdialog.h"

#include "auth/connectionstore.h"
#include "ui/connect/locationpickerdialog.h"
#include "ui/connect/logging.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcConnectUi, "contactdesk.ui", QtInfoMsg)

namespace ContactDesk::Ui {

namespace {

using Auth::AuthKind;
using Auth::Environment;

bool isLoopbackHost(const QString& host)
{
    return host == QLatin1StringView("127.0.0.1") || host == QLatin1StringView("localhost")
        || host == QLatin1StringView("::1");
}

// An http(s) origin with a host; plain http only for this machine, so no token crosses a
// network unencrypted. A bare host name means https.
QUrl parseServerUrl(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QString withScheme = trimmed.contains(QLatin1StringView("://"))
        ? trimmed
        : QStringLiteral("https://") + trimmed;
    QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery()
        || url.hasFragment())
        return {};
    if (url.scheme() == QLatin1StringView("https"))
        return url.adjusted(QUrl::StripTrailingSlash);
    if (url.scheme() == QLatin1StringView("http") && isLoopbackHost(url.host()))
        return url.adjusted(QUrl::StripTrailingSlash);
    return {};
}

bool hasSpace(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s"));
    return text.contains(space);
}

bool isPlainId(const QString& text)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return id.match(text).hasMatch();
}

QLabel* helpLabel(const QString& objectName, const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLineEdit* lineEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ConnectDialog::ConnectDialog(QNetworkAccessManager& network, const Clock& clock,
    Auth::ConnectionStore& store, Auth::SecretStore& secrets, QWidget* parent)
    : QDialog(parent)
    , m_network(network)
    , m_clock(clock)
    , m_store(store)
    , m_secrets(secrets)
    , m_check(network, clock)
    , m_redirectUri(Auth::desktopRedirectUri())
    , m_openSystemBrowser([](const QUrl& url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Add a connection"));
    buildForm();
    connect(&m_check, &Auth::ConnectionCheck::finished, this, &ConnectDialog::onCheckFinished);
    updateForm();
}

ConnectDialog::~ConnectDialog()
{
    m_check.cancel();
    dropFlow();
}

void ConnectDialog::buildForm()
{
    m_name = lineEdit(QStringLiteral("connectName"), tr("Connection name"), this);
    m_name->setPlaceholderText(tr("e.g. Main office"));

    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("connectEnvironment"));
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->addItem(tr("HighLevel"), int(Environment::Production));
    m_environment->addItem(tr("Custom server"), int(Environment::Custom));
    m_environment->addItem(
        tr("Built-in sandbox (demo data, no sign-in)"), int(Environment::Sandbox));

    m_baseUrl = lineEdit(QStringLiteral("connectBaseUrl"), tr("API base URL"), this);
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.example.com"));
    m_baseUrl->setToolTip(tr("The API origin, served over https (http only on this computer)."));

    m_kindOAuth = new QRadioButton(tr("OAuth app"), this);
    m_kindOAuth->setObjectName(QStringLiteral("connectKindOAuth"));
    m_kindPit = new QRadioButton(tr("Private integration token"), this);
    m_kindPit->setObjectName(QStringLiteral("connectKindPit"));
    m_kinds = new QButtonGroup(this);
    m_kinds->addButton(m_kindOAuth);
    m_kinds->addButton(m_kindPit);
    m_kindPit->setChecked(true);
    auto* kindRow = new QWidget(this);
    kindRow->setObjectName(QStringLiteral("connectKindRow"));
    auto* kindLayout = new QHBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(m_kindPit);
    kindLayout->addWidget(m_kindOAuth);
    kindLayout->addStretch();

    // Private integration token.
    m_pitPage = new QWidget(this);
    m_pitPage->setObjectName(QStringLiteral("connectPitPage"));
    m_token = lineEdit(QStringLiteral("connectToken"), tr("Private integration token"), m_pitPage);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(QStringLiteral("pit-…"));
    m_locationId = lineEdit(QStringLiteral("connectLocationId"), tr("Location id"), m_pitPage);
    auto* pitForm = new QFormLayout(m_pitPage);
    pitForm->addRow(helpLabel(QStringLiteral("connectPitHelp"),
        tr("Create the token in HighLevel under Settings > Private Integrations > Create new "
           "integration, with the scopes contacts.readonly and contacts.write. The location id "
           "is under Settings > Business Profile, and in the sub-account's address "
           "(…/location/<id>/…)."),
        m_pitPage));
    pitForm->addRow(tr("&Token:"), m_token);
    pitForm->addRow(tr("&Location id:"), m_locationId);

    // OAuth app.
    m_oauthPage = new QWidget(this);
    m_oauthPage->setObjectName(QStringLiteral("connectOAuthPage"));
    m_clientId = lineEdit(QStringLiteral("connectClientId"), tr("Client id"), m_oauthPage);
    m_clientSecret
        = lineEdit(QStringLiteral("connectClientSecret"), tr("Client secret"), m_oauthPage);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_redirect = lineEdit(QStringLiteral("connectRedirectUri"), tr("Redirect URI"), m_oauthPage);
    m_redirect->setReadOnly(true);
    m_copyRedirect = new QPushButton(tr("&Copy"), m_oauthPage);
    m_copyRedirect->setObjectName(QStringLiteral("connectCopyRedirect"));
    m_copyRedirect->setAccessibleName(tr("Copy the redirect URI"));
    auto* redirectRow = new QHBoxLayout;
    redirectRow->addWidget(m_redirect, 1);
    redirectRow->addWidget(m_copyRedirect);
    m_authorizeHost
        = lineEdit(QStringLiteral("connectAuthorizeHost"), tr("Authorize host"), m_oauthPage);
    m_authorizeHost->setPlaceholderText(tr("optional, e.g. marketplace.leadconnectorhq.com"));
    m_authorizeHost->setToolTip(tr("Leave empty for HighLevel's standard sign-in page. A "
                                   "white-label agency enters its own sign-in host."));
    m_agency = new QCheckBox(
        tr("Agency-level app: choose the sub-account after signing in"), m_oauthPage);
    m_agency->setObjectName(QStringLiteral("connectAgency"));
    m_embedded = new QRadioButton(tr("In a ContactDesk window"), m_oauthPage);
    m_embedded->setObjectName(QStringLiteral("connectEmbeddedBrowser"));
    m_system = new QRadioButton(tr("In my web browser"), m_oauthPage);
    m_system->setObjectName(QStringLiteral("connectSystemBrowser"));
    m_system->setToolTip(tr("For setups that refuse embedded sign-in windows: ContactDesk "
                            "receives the answer on this computer only (127.0.0.1)."));
    m_embedded->setChecked(true);
    auto* browsers = new QButtonGroup(m_oauthPage);
    browsers->addButton(m_embedded);
    browsers->addButton(m_system);
    auto* browserRow = new QHBoxLayout;
    browserRow->addWidget(m_embedded);
    browserRow->addWidget(m_system);
    browserRow->addStretch();
    auto* oauthForm = new QFormLayout(m_oauthPage);
    oauthForm->addRow(helpLabel(QStringLiteral("connectOAuthHelp"),
        tr("Find the client id and secret in HighLevel's developer marketplace under My Apps > "
           "your app > Auth (Client Keys / Secrets). There, enable the scopes contacts.readonly "
           "and contacts.write, and add this redirect URI exactly as shown:"),
        m_oauthPage));
    oauthForm->addRow(tr("Redirect URI:"), redirectRow);
    oauthForm->addRow(tr("Client &id:"), m_clientId);
    oauthForm->addRow(tr("Client &secret:"), m_clientSecret);
    oauthForm->addRow(tr("&Authorize host:"), m_authorizeHost);
    oauthForm->addRow(QString(), m_agency);
    oauthForm->addRow(tr("Sign in:"), browserRow);

    m_sandboxPage = new QWidget(this);
    m_sandboxPage->setObjectName(QStringLiteral("connectSandboxPage"));
    auto* sandboxLayout = new QVBoxLayout(m_sandboxPage);
    sandboxLayout->addWidget(helpLabel(QStringLiteral("connectSandboxHelp"),
        tr("The built-in sandbox runs inside ContactDesk with demo contacts. It needs no "
           "sign-in and is always in the list of connections."),
        m_sandboxPage));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("connectPages"));
    m_pages->addWidget(m_pitPage);
    m_pages->addWidget(m_oauthPage);
    m_pages->addWidget(m_sandboxPage);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("connectProblem"));
    m_problem->setWordWrap(true);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("connectTest"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("connectTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connectStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("connectButtons"));
    m_ok = m_buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("connectOk"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("connectCancel"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    m_baseUrlLabel = qobject_cast<QLabel*>(form->labelForField(m_baseUrl));
    form->addRow(tr("Sign in with:"), kindRow);
    m_kindLabel = qobject_cast<QLabel*>(form->labelForField(kindRow));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages);
    layout->addWidget(m_problem);
    layout->addLayout(testRow);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // The reading order, so keyboard users meet the fields as they appear.
    const QList<QWidget*> order {m_name, m_environment, m_baseUrl, m_kindPit, m_kindOAuth, m_token,
        m_locationId, m_copyRedirect, m_clientId, m_clientSecret, m_authorizeHost, m_agency,
        m_embedded, m_system, m_test, m_ok, m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    for (QLineEdit* edit :
        {m_name, m_baseUrl, m_token, m_locationId, m_clientId, m_clientSecret, m_authorizeHost})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::updateForm);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateForm);
    connect(m_kinds, &QButtonGroup::buttonToggled, this, &ConnectDialog::updateForm);
    connect(m_copyRedirect, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_redirect->text());
        showStatus(tr("The redirect URI was copied."), false);
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    m_redirect->setText(m_redirectUri.toString());
    m_name->setFocus();
    resize(560, 600);
}

void ConnectDialog::setExistingConnection(const Auth::Connection& connection)
{
    m_existing = connection;
    setWindowTitle(tr("Sign in again to %1").arg(connection.displayName));
    m_name->setText(connection.displayName);
    const int index = m_environment->findData(int(connection.environment));
    m_environment->setCurrentIndex(qMax(0, index));
    m_environment->setEnabled(false);
    if (connection.environment == Environment::Custom)
        m_baseUrl->setText(connection.baseUrl.toString());
    (connection.authKind == AuthKind::OAuth ? m_kindOAuth : m_kindPit)->setChecked(true);
    m_kindOAuth->setEnabled(false);
    m_kindPit->setEnabled(false);
    m_locationId->setText(connection.locationId);
    m_clientId->setText(connection.clientId);
    if (!connection.authorizeBaseUrl.isEmpty())
        m_authorizeHost->setText(connection.authorizeBaseUrl.toString());
    updateForm();
}

void ConnectDialog::setRedirectUri(const QUrl& redirectUri)
{
    m_redirectUri = redirectUri;
    m_redirect->setText(redirectUri.toString());
}

Environment ConnectDialog::environment() const
{
    return Environment(m_environment->currentData().toInt());
}

bool ConnectDialog::isOAuth() const
{
    return environment() != Environment::Sandbox && m_kindOAuth->isChecked();
}

QUrl ConnectDialog::baseUrl() const
{
    switch (environment()) {
    case Environment::Production:
        return QUrl(QString(Auth::OAuthWire::productionApiBase));
    case Environment::Custom:
        return parseServerUrl(m_baseUrl->text());
    case Environment::Sandbox:
        break;
    }
    return m_store.find(Auth::ConnectionStore::sandboxId()).value_or(Auth::Connection()).baseUrl;
}

QUrl ConnectDialog::authorizeBaseUrl() const
{
    return parseServerUrl(m_authorizeHost->text());
}

Auth::Connection ConnectDialog::draft() const
{
    Auth::Connection connection;
    if (m_existing)
        connection = *m_existing;
    else
        connection.id = Auth::ConnectionStore::newId();
    connection.displayName = m_name->text().trimmed();
    connection.environment = environment();
    connection.baseUrl = environment() == Environment::Custom ? baseUrl() : QUrl();
    connection.authKind = isOAuth() ? AuthKind::OAuth : AuthKind::PrivateIntegrationToken;
    if (isOAuth()) {
        connection.clientId = m_clientId->text().trimmed();
        connection.authorizeBaseUrl = authorizeBaseUrl();
    } else {
        connection.clientId.clear();
        connection.authorizeBaseUrl = QUrl();
        connection.locationId = m_locationId->text().trimmed();
    }
    return connection;
}

QString ConnectDialog::problem() const
{
    if (environment() == Environment::Sandbox)
        return {};
    QStringList missing;
    if (m_name->text().trimmed().isEmpty())
        missing.append(tr("a name"));
    if (environment() == Environment::Custom) {
        if (m_baseUrl->text().trimmed().isEmpty())
            missing.append(tr("the base URL"));
        else if (baseUrl().isEmpty())
            return tr("The base URL must be an https address (http only for 127.0.0.1 or "
                      "localhost).");
    }
    if (isOAuth()) {
        const QString clientId = m_clientId->text().trimmed();
        if (clientId.isEmpty())
            missing.append(tr("the client id"));
        else if (hasSpace(clientId))
            return tr("The client id cannot contain spaces.");
        if (m_clientSecret->text().trimmed().isEmpty())
            missing.append(tr("the client secret"));
        if (!m_authorizeHost->text().trimmed().isEmpty() && authorizeBaseUrl().isEmpty())
            return tr("The authorize host must be a host name or an https address.");
    } else {
        const QString token = m_token->text().trimmed();
        if (token.isEmpty())
            missing.append(tr("the token"));
        else if (hasSpace(token))
            return tr("The token cannot contain spaces; copy it again.");
        const QString location = m_locationId->text().trimmed();
        if (location.isEmpty())
            missing.append(tr("the location id"));
        else if (!isPlainId(location))
            return tr("The location id holds only letters, digits, '-' and '_'.");
    }
    if (missing.isEmpty())
        return {};
    return tr("Still needed: %1.").arg(missing.join(QStringLiteral(", ")));
}

void ConnectDialog::updateForm()
{
    const Environment env = environment();
    const bool sandbox = env == Environment::Sandbox;
    m_baseUrl->setVisible(env == Environment::Custom);
    if (m_baseUrlLabel)
        m_baseUrlLabel->setVisible(env == Environment::Custom);
    m_kindOAuth->parentWidget()->setVisible(!sandbox);
    if (m_kindLabel)
        m_kindLabel->setVisible(!sandbox);
    m_pages->setCurrentWidget(sandbox ? m_sandboxPage : isOAuth() ? m_oauthPage : m_pitPage);
    m_ok->setText(sandbox ? tr("Use the sandbox") : isOAuth() ? tr("Sign in") : tr("Connect"));
    validate();
}

void ConnectDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    const bool ready = text.isEmpty() && !m_busy;
    m_ok->setEnabled(ready);
    m_ok->setToolTip(text);
    m_test->setEnabled(ready && environment() != Environment::Sandbox);
    for (QWidget* field : {static_cast<QWidget*>(m_pages), static_cast<QWidget*>(m_name)})
        field->setEnabled(!m_busy);
    m_environment->setEnabled(!m_busy && !m_existing);
    m_baseUrl->setEnabled(!m_busy && !m_existing);
}

void ConnectDialog::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    if (!status.isEmpty())
        showStatus(status, false);
    validate();
    Q_EMIT busyChanged(busy);
}

void ConnectDialog::showStatus(const QString& text, bool failure)
{
    m_status->setText(text);
    m_status->setProperty("failure", failure);
    m_status->setStyleSheet(failure ? QStringLiteral("color: palette(highlighted-text); "
                                                     "background: #b3261e; padding: 4px;")
                                    : QString());
    m_status->setVisible(!text.isEmpty());
}

void ConnectDialog::showTestResult(const Auth::ConnectionCheckResult& result)
{
    m_testResult->setText(result.message);
    m_testResult->setProperty("ok", result.ok);
    m_testResult->setStyleSheet(
        result.ok ? QStringLiteral("color: #1b6e2d;") : QStringLiteral("color: #b3261e;"));
}

} // namespace ContactDesk::Ui
