#pragma once

// What the connection dialog tests share: the browser's part of a sign-in done over HTTP, a
// secret store that remembers every value it was given, blocking reads of a store, and filling
// in the ConnectDialog the way a person would.
#include "auth/secretstore.h"
#include "sandboxfixture.h"

#include <QHash>
#include <QPair>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QWidget;

namespace ContactDesk::Ui {
class ConnectDialog;
}

namespace ContactDesk::Testing {

// Loads the sandbox's consent page for `authorizeUrl`, answers it with `decision` ("allow" or
// "deny") for `location` (the first offered when empty) and returns where the sandbox
// redirects; empty (after a warning) when a step failed.
QUrl answerConsent(SandboxFixture& fx, const QUrl& authorizeUrl, const QString& decision,
    const QString& location = {});

// A GET that a browser would make, e.g. to the loopback redirect listener. Waits in an event
// loop so servers in this thread can answer; the HTTP status, 0 without an answer.
int browserGet(QNetworkAccessManager& network, const QUrl& url);

// A MemorySecretStore that also keeps every value ever written, for scans and assertions.
class RecordingSecretStore final : public Auth::SecretStore
{
public:
    explicit RecordingSecretStore(QObject* parent = nullptr);

    bool persistent() const override { return false; }
    void write(const QString& connectionId, Auth::SecretKind kind, const QString& value,
        Done done) override;
    void read(const QString& connectionId, Auth::SecretKind kind, Read done) override;
    void remove(const QString& connectionId, Auth::SecretKind kind, Done done) override;

    QStringList everWritten() const { return m_written; }
    int writes() const { return int(m_written.size()); }
    qsizetype size() const { return m_values.size(); }

private:
    QHash<QString, QString> m_values;
    QStringList m_written;
};

struct SecretRead
{
    bool answered = false;
    bool found = false;
    QString value;
    QString error;
};

// Blocking calls, for asserting on a store's state.
SecretRead readSecret(Auth::SecretStore& store, const QString& id, Auth::SecretKind kind);
QString writeSecret(
    Auth::SecretStore& store, const QString& id, Auth::SecretKind kind, const QString& value);

// Finds a child by objectName; null when there is none of that type.
template <typename T>
T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

// Fills the dialog for a private integration token against a custom server.
void fillPrivateToken(Ui::ConnectDialog& dialog, const QString& name, const QUrl& baseUrl,
    const QString& token, const QString& locationId);
// Fills the dialog for an OAuth app against a custom server, in the embedded or the system
// browser.
void fillOAuth(Ui::ConnectDialog& dialog, const QString& name, const QUrl& baseUrl,
    const QString& clientId, const QString& clientSecret, bool systemBrowser);
// Clicks a button found by objectName, as the user would.
bool click(QWidget* parent, const char* name);

// Every file under `root` whose bytes hold `secret` as UTF-8, UTF-16, base64 or percent-encoded
// text.
QStringList filesContaining(const QString& root, const QString& secret);

// A token for `locationId` with `scopes`, minted through the sandbox's control API.
QString mintToken(SandboxFixture& fx, const QString& locationId, const QStringList& scopes);

} // namespace ContactDesk::Testing
