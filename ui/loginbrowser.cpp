#include "ui/loginbrowser.h"

#include "auth/oauthflow.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace ContactDesk::Ui {

namespace {

// Chromium's net::ERR_ABORTED: a navigation this window refused, or one replaced by the next.
constexpr int abortedError = -3;

int defaultPort(const QString& scheme)
{
    if (scheme == QLatin1StringView("http"))
        return 80;
    if (scheme == QLatin1StringView("https"))
        return 443;
    return -1;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    const QString scheme = a.scheme().toLower();
    return scheme == b.scheme().toLower() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(scheme)) == b.port(defaultPort(scheme));
}

// The page shown in the window: asks the browser about every navigation before it starts.
class LoginPage : public QWebEnginePage
{
public:
    LoginPage(QWebEngineProfile* profile, LoginBrowser& browser)
        : QWebEnginePage(profile, &browser)
        , m_browser(browser)
    { }

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;

private:
    LoginBrowser& m_browser;
};

// A pop-up never gets a window of its own: the first address it asks for goes to the system
// browser (or to the flow, when it is the redirect URI), and the page goes away unloaded.
class PopupPage : public QWebEnginePage
{
public:
    PopupPage(QWebEngineProfile* profile, LoginBrowser& browser)
        : QWebEnginePage(profile, &browser)
        , m_browser(browser)
    { }

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType, bool isMainFrame) override
    {
        if (!isMainFrame || m_taken)
            return false;
        m_taken = true;
        const LoginBrowser::Navigation navigation = m_browser.classify(url, true);
        m_browser.divert(url,
            navigation == LoginBrowser::Navigation::Redirect ? navigation
                                                             : LoginBrowser::Navigation::External);
        deleteLater();
        return false;
    }

private:
    LoginBrowser& m_browser;
    bool m_taken = false;
};

bool LoginPage::acceptNavigationRequest(const QUrl& url, NavigationType, bool isMainFrame)
{
    const LoginBrowser::Navigation navigation = m_browser.classify(url, isMainFrame);
    if (navigation == LoginBrowser::Navigation::Load)
        return true;
    m_browser.divert(url, navigation);
    return false;
}

QWebEnginePage* LoginPage::createWindow(WebWindowType)
{
    return new PopupPage(profile(), m_browser);
}

} // namespace

LoginBrowser::LoginBrowser(Auth::OAuthFlow& flow, QWidget* parent)
    : QDialog(parent)
    , m_flow(&flow)
    , m_authorizeUrl(flow.authorizeUrl())
    , m_openExternally([this](const QUrl& url) {
        // Nothing leaves this window for the system (a browser tab, a mail client, a custom
        // protocol handler) without the user saying yes to that exact address.
        const QMessageBox::StandardButton answer
            = QMessageBox::question(this, tr("Open outside ContactDesk?"),
                tr("The sign-in page wants to open this address outside ContactDesk:\n\n%1\n\nOpen "
                   "it?")
                    .arg(url.toDisplayString()),
                QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Open)
            QDesktopServices::openUrl(url);
    })
{
    setObjectName(QStringLiteral("loginBrowser"));
    setWindowTitle(tr("Sign in to HighLevel"));
    setAccessibleName(tr("HighLevel sign-in"));
    resize(560, 760);

    m_allowedOrigins.append(m_authorizeUrl);
    m_allowedOrigins.append(QUrl(QString(Auth::OAuthWire::standardAuthorizeBase)));
    m_allowedOrigins.append(QUrl(QString(Auth::OAuthWire::whiteLabelAuthorizeBase)));

    // Without a storage name the profile is off the record: cookies, cache and local storage
    // live in memory and end with the window.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_page = new LoginPage(m_profile, *this);

    // The origin the page is on, always in view, the way a browser's address bar shows it.
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("loginOrigin"));
    m_origin->setAccessibleName(tr("Address of the sign-in page"));
    m_origin->setTextFormat(Qt::PlainText);
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Sign-in status"));
    m_status->setWordWrap(true);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loginProgress"));
    m_progress->setAccessibleName(tr("Page loading progress"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("loginError"));
    m_problem->setAccessibleName(tr("Sign-in problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #b42318;"));
    m_problem->hide();

    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(QStringLiteral("loginRetry"));
    m_retry->setAccessibleName(tr("Load the sign-in page again"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &LoginBrowser::reload);

    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("loginView"));
    m_view->setAccessibleName(tr("HighLevel sign-in page"));
    m_view->setPage(m_page);

    auto* problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_retry, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QVBoxLayout;
    header->setContentsMargins(12, 8, 12, 8);
    header->setSpacing(6);
    header->addWidget(m_origin);
    header->addWidget(m_status);
    header->addLayout(problemRow);
    layout->addLayout(header);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);

    connect(m_page, &QWebEnginePage::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_page, &QWebEnginePage::urlChanged, this, &LoginBrowser::showOrigin);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &LoginBrowser::onLoadingChanged);
    connect(&flow, &Auth::OAuthFlow::finished, this, &LoginBrowser::onFinished);

    if (flow.isFinished()) {
        m_status->setText(tr("This sign-in has already ended."));
        m_progress->hide();
        return;
    }
    if (m_authorizeUrl.isEmpty()) {
        m_progress->hide();
        showProblem(tr("The sign-in cannot start: no redirect URI is set for this app."));
        m_retry->hide();
        return;
    }
    reload();
}

LoginBrowser::~LoginBrowser()
{
    // Going away unanswered is the same as closing the window.
    if (m_flow && !m_flow->isFinished()) {
        disconnect(m_flow, nullptr, this, nullptr);
        m_flow->cancel();
    }
    // A profile must outlive its pages, but it was created first and would be deleted first.
    delete m_view;
    m_view = nullptr;
    delete m_page;
    m_page = nullptr;
}

QWebEnginePage* LoginBrowser::page() const
{
    return m_page;
}

void LoginBrowser::setOpenExternally(ExternalOpener opener)
{
    m_openExternally = std::move(opener);
}

void LoginBrowser::addAllowedOrigin(const QUrl& origin)
{
    if (origin.isValid() && !origin.host().isEmpty())
        m_allowedOrigins.append(origin);
}

bool LoginBrowser::isAllowedOrigin(const QUrl& url) const
{
    for (const QUrl& origin : m_allowedOrigins) {
        if (sameOrigin(url, origin))
            return true;
    }
    return false;
}

LoginBrowser::Navigation LoginBrowser::classify(const QUrl& url, bool isMainFrame) const
{
    // First, and for frames too: the redirect URI is never requested, whatever asks for it.
    if (m_flow && m_flow->isRedirect(url))
        return isMainFrame ? Navigation::Redirect : Navigation::Block;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1StringView("about") || scheme == QLatin1StringView("data")
        || scheme == QLatin1StringView("blob"))
        return Navigation::Load;
    if (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))
        return isMainFrame ? Navigation::External : Navigation::Block;
    if (isAllowedOrigin(url))
        return Navigation::Load;
    // Frames (a captcha, an embedded widget) cannot move the window away from the consent
    // page, and sending each one to the system browser would open tabs nobody asked for.
    return isMainFrame ? Navigation::External : Navigation::Load;
}

void LoginBrowser::divert(const QUrl& url, Navigation navigation)
{
    switch (navigation) {
    case Navigation::Redirect:
        if (m_flow && !m_flow->isFinished()) {
            m_status->setText(tr("Finishing the sign-in…"));
            m_progress->show();
            m_progress->setRange(0, 0);
            m_view->setEnabled(false);
            m_flow->handleRedirect(url);
        }
        break;
    case Navigation::External:
        if (m_openExternally)
            m_openExternally(url);
        m_status->setText(tr("%1 opened in your web browser.")
                              .arg(url.host().isEmpty() ? url.toDisplayString() : url.host()));
        break;
    case Navigation::Load:
    case Navigation::Block:
        break;
    }
}

void LoginBrowser::showOrigin(const QUrl& url)
{
    if (url.isEmpty() || url.host().isEmpty()) {
        m_origin->clear();
        return;
    }
    const QString origin = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                  | QUrl::RemoveUserInfo)
                               .toDisplayString();
    m_origin->setText(url.scheme() == QLatin1StringView("https")
            ? tr("On %1").arg(origin)
            : tr("On %1 (not encrypted)").arg(origin));
}

void LoginBrowser::reload()
{
    if (m_authorizeUrl.isEmpty() || (m_flow && m_flow->isFinished()))
        return;
    clearProblem();
    m_view->setEnabled(true);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Connecting to %1…").arg(m_authorizeUrl.host()));
    showOrigin(m_authorizeUrl);
    m_page->load(m_authorizeUrl);
}

void LoginBrowser::onLoadingChanged(const QWebEngineLoadingInfo& info)
{
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        m_progress->setRange(0, 100);
        m_progress->show();
        m_status->setText(tr("Loading %1…").arg(info.url().host()));
        break;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        m_progress->hide();
        clearProblem();
        m_status->setText(tr("Sign in to HighLevel and choose the sub-account to connect."));
        break;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        m_progress->hide();
        break;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        m_progress->hide();
        if (info.errorCode() == abortedError)
            break;
        if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
            // The server's own error page is shown and says more than a status code would.
            showProblem(tr("%1 answered with HTTP status %2.")
                            .arg(info.url().host())
                            .arg(info.errorCode()));
            break;
        }
        showProblem(tr("Could not load the sign-in page from %1: %2. Check the network "
                       "connection and the server address, then try again.")
                        .arg(info.url().host(), info.errorString()));
        break;
    }
}

void LoginBrowser::onFinished(const Auth::SignInResult& result)
{
    m_progress->hide();
    switch (result.outcome) {
    case Auth::SignInResult::Outcome::SignedIn:
        m_status->setText(tr("Signed in."));
        done(QDialog::Accepted);
        break;
    case Auth::SignInResult::Outcome::Cancelled:
        m_status->setText(result.message);
        done(QDialog::Rejected);
        break;
    case Auth::SignInResult::Outcome::Failed:
        m_page->triggerAction(QWebEnginePage::Stop);
        m_view->setEnabled(false);
        m_status->setText(tr("The sign-in did not succeed."));
        showProblem(result.message);
        // A finished flow cannot be resumed; a new sign-in needs a new window.
        m_retry->hide();
        break;
    }
}

void LoginBrowser::reject()
{
    if (m_flow && !m_flow->isFinished()) {
        // The flow's answer closes the window through onFinished().
        m_flow->cancel();
        if (isVisible())
            QDialog::reject();
        return;
    }
    QDialog::reject();
}

void LoginBrowser::showProblem(const QString& message)
{
    m_problem->setText(message);
    m_problem->show();
    m_retry->show();
}

void LoginBrowser::clearProblem()
{
    m_problem->clear();
    m_problem->hide();
    m_retry->hide();
}

} // namespace ContactDesk::Ui
