#include "automation/signingsecret.h"

#include "auth/secretstore.h"
#include "automation/standardwebhooks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ContactDesk::Automation {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SigningSecret", text);
}

std::optional<QString> failWith(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString octalMode(QFileDevice::Permissions permissions)
{
    int mode = 0;
    const std::pair<QFileDevice::Permission, int> bits[] = {{QFileDevice::ReadOwner, 0400},
        {QFileDevice::WriteOwner, 0200}, {QFileDevice::ExeOwner, 0100},
        {QFileDevice::ReadGroup, 040}, {QFileDevice::WriteGroup, 020}, {QFileDevice::ExeGroup, 010},
        {QFileDevice::ReadOther, 04}, {QFileDevice::WriteOther, 02}, {QFileDevice::ExeOther, 01}};
    for (const auto& [permission, bit] : bits)
        mode |= permissions.testFlag(permission) ? bit : 0;
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

void generateAndStore(Auth::SecretStore& store, const QString& connectionId, SecretEnsured done)
{
    const QString secret = generateSigningSecret();
    store.write(connectionId, Auth::SecretKind::EventSigningSecret, secret,
        [secret, done](const QString& error) {
            if (error.isEmpty())
                done(secret, true, {});
            else
                done({}, false, error);
        });
}

} // namespace

std::optional<QString> readSigningSecretFile(const QString& path, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failWith(error, tr("the secret file %1 does not exist").arg(path));
    if (!info.isFile())
        return failWith(error, tr("the secret file %1 is not a file").arg(path));
    // Checked before reading: a secret others can read is no secret, whatever it holds.
    const QFileDevice::Permissions open = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther;
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    if (permissions & open)
        return failWith(error,
            tr("the secret file %1 is readable by group or others (mode %2); make it private "
               "with chmod 600 %1")
                .arg(path, octalMode(permissions)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failWith(
            error, tr("cannot read the secret file %1: %2").arg(path, file.errorString()));
    const QString secret = QString::fromUtf8(file.read(4096)).trimmed();
    QString problem;
    if (!decodeSigningSecret(secret, &problem))
        return failWith(error, tr("the secret file %1: %2").arg(path, problem));
    return secret;
}

std::optional<QString> readSigningSecretCredential(
    const QProcessEnvironment& environment, const QString& name, QString* error)
{
    const QString directory = environment.value(QStringLiteral("CREDENTIALS_DIRECTORY"));
    if (directory.isEmpty())
        return std::nullopt;
    const QString path = QDir(directory).filePath(name);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    return readSigningSecretFile(path, error);
}

void readStoredSigningSecret(Auth::SecretStore& store, const QString& connectionId, SecretRead done)
{
    store.read(connectionId, Auth::SecretKind::EventSigningSecret,
        [done](const QString& value, bool found, const QString& error) {
            done(found ? value : QString(), error);
        });
}

void ensureStoredSigningSecret(
    Auth::SecretStore& store, const QString& connectionId, SecretEnsured done)
{
    store.read(connectionId, Auth::SecretKind::EventSigningSecret,
        [&store, connectionId, done](const QString& value, bool found, const QString& error) {
            if (!error.isEmpty())
                done({}, false, error);
            else if (found && decodeSigningSecret(value))
                done(value, false, {});
            else
                generateAndStore(store, connectionId, done);
        });
}

void rotateStoredSigningSecret(
    Auth::SecretStore& store, const QString& connectionId, SecretEnsured done)
{
    generateAndStore(store, connectionId, std::move(done));
}

} // namespace ContactDesk::Automation
