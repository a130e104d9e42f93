#include "keychainsecretstore.h"

#include "auth/logging.h"

#include <QUuid>

#include <qt6keychain/keychain.h>

namespace ContactDesk::Auth {

namespace {

enum class Operation
{
    Write,
    Read,
    Remove,
};

QString kindLabel(SecretKind kind)
{
    switch (kind) {
    case SecretKind::AccessToken:
        return KeychainSecretStore::tr("access token");
    case SecretKind::RefreshToken:
        return KeychainSecretStore::tr("refresh token");
    case SecretKind::ClientSecret:
        return KeychainSecretStore::tr("client secret");
    case SecretKind::PrivateIntegrationToken:
        return KeychainSecretStore::tr("private integration token");
    case SecretKind::EventSigningSecret:
        return KeychainSecretStore::tr("event signing secret");
    }
    Q_UNREACHABLE();
    return {};
}

// Why the keychain refused, with QtKeychain's own detail (the backend's message) appended.
QString failureReason(const QKeychain::Job& job)
{
    QString reason;
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        reason = KeychainSecretStore::tr("no keychain service is running");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        reason = KeychainSecretStore::tr("access was denied; unlock the keychain and try again");
        break;
    default:
        reason = KeychainSecretStore::tr("the keychain service failed");
        break;
    }
    const QString detail = job.errorString().trimmed();
    return detail.isEmpty() ? reason : KeychainSecretStore::tr("%1 (%2)").arg(reason, detail);
}

QString failureText(Operation operation, SecretKind kind, const QKeychain::Job& job)
{
    const QString reason = failureReason(job);
    switch (operation) {
    case Operation::Write:
        return KeychainSecretStore::tr("Could not save the %1 in the system keychain: %2")
            .arg(kindLabel(kind), reason);
    case Operation::Read:
        return KeychainSecretStore::tr("Could not read the %1 from the system keychain: %2")
            .arg(kindLabel(kind), reason);
    case Operation::Remove:
        return KeychainSecretStore::tr("Could not delete the %1 from the system keychain: %2")
            .arg(kindLabel(kind), reason);
    }
    Q_UNREACHABLE();
    return {};
}

void logFailure(const char* operation, const QKeychain::Job& job)
{
    qCWarning(lcAuth).nospace() << "keychain " << operation << " of " << job.key() << " in "
                                << job.service() << " failed: " << job.error() << ' '
                                << job.errorString();
}

// Jobs have no parent and delete themselves once finished: the Secret Service backend keeps a
// raw pointer to a running job until D-Bus answers, so a job deleted early (as a parent's
// destructor would) is used after free. `context` drops the answer instead when it is gone.
template <typename Job, typename Handler>
void start(Job* job, const QString& key, const QObject* context, Handler handler)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context,
        [handler = std::move(handler)](QKeychain::Job* finished) mutable { handler(*finished); });
    job->start();
}

} // namespace

QString KeychainSecretStore::defaultService()
{
    return QStringLiteral("ContactDesk");
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{ }

QString KeychainSecretStore::entryKey(const QString& connectionId, SecretKind kind)
{
    return connectionId + QLatin1Char('/') + secretKindKey(kind);
}

void KeychainSecretStore::write(
    const QString& connectionId, SecretKind kind, const QString& value, Done done)
{
    Q_ASSERT(!connectionId.isEmpty());
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    start(job, entryKey(connectionId, kind), this,
        [kind, done = std::move(done)](const QKeychain::Job& finished) {
            if (finished.error() == QKeychain::NoError) {
                done({});
                return;
            }
            logFailure("write", finished);
            done(failureText(Operation::Write, kind, finished));
        });
}

void KeychainSecretStore::read(const QString& connectionId, SecretKind kind, Read done)
{
    Q_ASSERT(!connectionId.isEmpty());
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    start(job, entryKey(connectionId, kind), this,
        [job, kind, done = std::move(done)](const QKeychain::Job& finished) {
            switch (finished.error()) {
            case QKeychain::NoError:
                done(job->textData(), true, {});
                return;
            case QKeychain::EntryNotFound:
                done({}, false, {});
                return;
            default:
                logFailure("read", finished);
                done({}, false, failureText(Operation::Read, kind, finished));
                return;
            }
        });
}

void KeychainSecretStore::remove(const QString& connectionId, SecretKind kind, Done done)
{
    Q_ASSERT(!connectionId.isEmpty());
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    start(job, entryKey(connectionId, kind), this,
        [kind, done = std::move(done)](const QKeychain::Job& finished) {
            switch (finished.error()) {
            case QKeychain::NoError:
            case QKeychain::EntryNotFound:
                done({});
                return;
            default:
                logFailure("delete", finished);
                done(failureText(Operation::Remove, kind, finished));
                return;
            }
        });
}

void KeychainSecretStore::checkAvailable(Availability done)
{
    const QString key
        = QStringLiteral("probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString value = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto unusable = [](const QString& reason) {
        return tr("The system keychain cannot be used: %1").arg(reason);
    };

    auto* writeJob = new QKeychain::WritePasswordJob(m_service);
    writeJob->setTextData(value);
    start(writeJob, key, this,
        [this, key, value, unusable, done = std::move(done)](
            const QKeychain::Job& written) mutable {
            if (written.error() != QKeychain::NoError) {
                logFailure("probe write", written);
                done(false, unusable(failureReason(written)));
                return;
            }
            auto* readJob = new QKeychain::ReadPasswordJob(m_service);
            start(readJob, key, this,
                [this, readJob, key, value, unusable, done = std::move(done)](
                    const QKeychain::Job& read) mutable {
                    QString readFailure;
                    if (read.error() != QKeychain::NoError) {
                        logFailure("probe read", read);
                        readFailure = failureReason(read);
                    } else if (readJob->textData() != value) {
                        qCWarning(lcAuth) << "keychain probe read back a different value";
                        readFailure = tr("it did not return what was stored");
                    }
                    // The throw-away entry goes whatever the read said.
                    auto* deleteJob = new QKeychain::DeletePasswordJob(m_service);
                    start(deleteJob, key, this,
                        [readFailure, unusable, done = std::move(done)](
                            const QKeychain::Job& deleted) {
                            if (!readFailure.isEmpty()) {
                                done(false, unusable(readFailure));
                            } else if (deleted.error() != QKeychain::NoError
                                && deleted.error() != QKeychain::EntryNotFound) {
                                logFailure("probe delete", deleted);
                                done(false, unusable(failureReason(deleted)));
                            } else {
                                done(true, {});
                            }
                        });
                });
        });
}

} // namespace ContactDesk::Auth
