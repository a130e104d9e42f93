#include "signinhelpers.h"

#include "auth/oauthflow.h"
#include "ui/connect/connectdialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

namespace ContactDesk::Testing {

namespace {

constexpr int waitMs = 15000;

QString pathAndQuery(const QUrl& url)
{
    const QString query = url.query(QUrl::FullyEncoded);
    return url.path(QUrl::FullyEncoded) + (query.isEmpty() ? QString() : u'?' + query);
}

QString unescapeHtml(QString text)
{
    text.replace(QLatin1StringView("&quot;"), QLatin1StringView("\""));
    text.replace(QLatin1StringView("&#39;"), QLatin1StringView("'"));
    text.replace(QLatin1StringView("&lt;"), QLatin1StringView("<"));
    text.replace(QLatin1StringView("&gt;"), QLatin1StringView(">"));
    text.replace(QLatin1StringView("&amp;"), QLatin1StringView("&"));
    return text;
}

QString key(const QString& connectionId, Auth::SecretKind kind)
{
    return connectionId + u'/' + Auth::secretKindKey(kind);
}

void setText(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(parent, name);
    if (!edit) {
        qWarning("no line edit %s", name);
        return;
    }
    edit->clear();
    QTest::keyClicks(edit, text);
}

void chooseEnvironment(Ui::ConnectDialog& dialog, Auth::Environment environment)
{
    auto* combo = child<QComboBox>(&dialog, "connectEnvironment");
    combo->setCurrentIndex(combo->findData(int(environment)));
}

} // namespace

QUrl answerConsent(
    SandboxFixture& fx, const QUrl& authorizeUrl, const QString& decision, const QString& location)
{
    const HttpResult page = fx.raw("GET", pathAndQuery(authorizeUrl), {}, {});
    if (page.status != 200) {
        qWarning("consent page: HTTP %d %s", page.status, page.body.constData());
        return {};
    }
    const QString html = QString::fromUtf8(page.body);
    static const QRegularExpression form(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    static const QRegularExpression option(QStringLiteral("<option value=\"([^\"]+)\""));
    const QString action = unescapeHtml(form.match(html).captured(1));
    QList<QPair<QString, QString>> fields;
    for (auto it = input.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        fields.append({match.captured(1), unescapeHtml(match.captured(2))});
    }
    const QString firstLocation = unescapeHtml(option.match(html).captured(1));
    if (action.isEmpty() || firstLocation.isEmpty()) {
        qWarning("the consent page lacks its form");
        return {};
    }
    fields.append({QStringLiteral("location_id"), location.isEmpty() ? firstLocation : location});
    fields.append({QStringLiteral("decision"), decision});
    const HttpResult answer = fx.raw("POST", action, Auth::OAuthWire::formEncode(fields),
        {{QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/x-www-form-urlencoded")}});
    if (answer.status != 302 && answer.status != 303) {
        qWarning("decision: HTTP %d %s", answer.status, answer.body.constData());
        return {};
    }
    return QUrl::fromEncoded(answer.header("location"), QUrl::StrictMode);
}

int browserGet(QNetworkAccessManager& network, const QUrl& url)
{
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->abort();
    reply->deleteLater();
    return status;
}

RecordingSecretStore::RecordingSecretStore(QObject* parent)
    : SecretStore(parent)
{ }

void RecordingSecretStore::write(
    const QString& connectionId, Auth::SecretKind kind, const QString& value, Done done)
{
    m_values.insert(key(connectionId, kind), value);
    m_written.append(value);
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

void RecordingSecretStore::read(const QString& connectionId, Auth::SecretKind kind, Read done)
{
    const auto it = m_values.constFind(key(connectionId, kind));
    const bool found = it != m_values.cend();
    const QString value = found ? *it : QString();
    QTimer::singleShot(0, this, [done = std::move(done), value, found] { done(value, found, {}); });
}

void RecordingSecretStore::remove(const QString& connectionId, Auth::SecretKind kind, Done done)
{
    m_values.remove(key(connectionId, kind));
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

SecretRead readSecret(Auth::SecretStore& store, const QString& id, Auth::SecretKind kind)
{
    auto result = std::make_shared<SecretRead>();
    store.read(id, kind, [result](const QString& value, bool found, const QString& error) {
        *result = {true, found, value, error};
    });
    if (!QTest::qWaitFor([&result] { return result->answered; }, 2 * waitMs))
        qWarning("the secret store did not answer");
    return *result;
}

QString writeSecret(
    Auth::SecretStore& store, const QString& id, Auth::SecretKind kind, const QString& value)
{
    auto result = std::make_shared<std::optional<QString>>();
    store.write(id, kind, value, [result](const QString& error) { *result = error; });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, 2 * waitMs))
        return QStringLiteral("timed out");
    return **result;
}

void fillPrivateToken(Ui::ConnectDialog& dialog, const QString& name, const QUrl& baseUrl,
    const QString& token, const QString& locationId)
{
    setText(&dialog, "connectName", name);
    chooseEnvironment(dialog, Auth::Environment::Custom);
    setText(&dialog, "connectBaseUrl", baseUrl.toString());
    child<QRadioButton>(&dialog, "connectKindPit")->click();
    setText(&dialog, "connectToken", token);
    setText(&dialog, "connectLocationId", locationId);
}

void fillOAuth(Ui::ConnectDialog& dialog, const QString& name, const QUrl& baseUrl,
    const QString& clientId, const QString& clientSecret, bool systemBrowser)
{
    setText(&dialog, "connectName", name);
    chooseEnvironment(dialog, Auth::Environment::Custom);
    setText(&dialog, "connectBaseUrl", baseUrl.toString());
    child<QRadioButton>(&dialog, "connectKindOAuth")->click();
    setText(&dialog, "connectClientId", clientId);
    setText(&dialog, "connectClientSecret", clientSecret);
    child<QRadioButton>(&dialog, systemBrowser ? "connectSystemBrowser" : "connectEmbeddedBrowser")
        ->click();
}

bool click(QWidget* parent, const char* name)
{
    auto* button = child<QAbstractButton>(parent, name);
    if (!button || !button->isEnabled() || !button->isVisible())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

QStringList filesContaining(const QString& root, const QString& secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QList<QByteArray> needles {utf8,
        QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2),
        utf8.toBase64(), QUrl::toPercentEncoding(secret)};
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits.append(path + QStringLiteral(" (unreadable)"));
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const QByteArray& needle : needles) {
            if (bytes.contains(needle)) {
                hits.append(path);
                break;
            }
        }
    }
    return hits;
}

QString mintToken(SandboxFixture& fx, const QString& locationId, const QStringList& scopes)
{
    const HttpResult minted = fx.control("POST", QStringLiteral("/__sandbox/tokens"),
        QJsonObject {{QStringLiteral("locationId"), locationId},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}});
    if (minted.status != 201)
        qWarning("minting a token: HTTP %d %s", minted.status, minted.body.constData());
    return minted.object().value(QStringLiteral("access_token")).toString();
}

} // namespace ContactDesk::Testing
