#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUrl>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QWebEngineLoadingInfo;
class QWebEnginePage;
class QWebEngineProfile;
class QWebEngineView;

namespace ContactDesk::Auth {
class OAuthFlow;
struct SignInResult;
} // namespace ContactDesk::Auth

namespace ContactDesk::Ui {

// The embedded sign-in browser: shows an OAuthFlow's consent page in its own off-the-record
// profile, so no cookie or cache of a sign-in outlives the window. Every navigation is checked
// before it starts:
// - the flow's redirect URI is handed to the flow and never loaded, so the authorization code
//   never reaches the network;
// - the authorize hosts load here;
// - anything else, and every pop-up, goes to the system browser.
// Closing the window before the flow has a result cancels the sign-in. The window closes
// itself once the flow signs in or is cancelled; a failure stays on screen with its message.
class LoginBrowser : public QDialog
{
    Q_OBJECT

public:
    using ExternalOpener = std::function<void(const QUrl& url)>;

    // The flow's redirect URI must be set; the consent page starts loading at once.
    explicit LoginBrowser(Auth::OAuthFlow& flow, QWidget* parent = nullptr);
    ~LoginBrowser() override;

    // Where links off the authorize hosts, pop-ups and other protocols go; unless replaced, the
    // user is asked first and only then QDesktopServices::openUrl.
    void setOpenExternally(ExternalOpener opener);
    // Lets a further origin (scheme, host and port) load inside the window, e.g. a white-label
    // host's login step.
    void addAllowedOrigin(const QUrl& origin);

    QWebEngineView* view() const { return m_view; }
    QWebEnginePage* page() const;
    QWebEngineProfile* profile() const { return m_profile; }

    // What a navigation to `url` becomes; the pages of this window ask it before loading.
    enum class Navigation
    {
        Load,
        Redirect, // the flow's redirect URI: handed to the flow, not loaded
        External, // opened in the system browser, not loaded
        Block,
    };
    Navigation classify(const QUrl& url, bool isMainFrame) const;
    // Acts on a navigation the page will not load.
    void divert(const QUrl& url, Navigation navigation);

public Q_SLOTS:
    void reject() override;
    // Loads the consent page again, e.g. after the server could not be reached.
    void reload();

private:
    void onLoadingChanged(const QWebEngineLoadingInfo& info);
    // The origin (scheme, host, port) of `url` in the loginOrigin label, marked when plain http.
    void showOrigin(const QUrl& url);
    void onFinished(const Auth::SignInResult& result);
    void showProblem(const QString& message);
    void clearProblem();
    bool isAllowedOrigin(const QUrl& url) const;

    QPointer<Auth::OAuthFlow> m_flow;
    QUrl m_authorizeUrl;
    QList<QUrl> m_allowedOrigins;
    ExternalOpener m_openExternally;
    QWebEngineProfile* m_profile = nullptr;
    QWebEnginePage* m_page = nullptr;
    QWebEngineView* m_view = nullptr;
    QLabel* m_origin = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace ContactDesk::Ui
