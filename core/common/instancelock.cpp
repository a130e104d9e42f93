#include "common/instancelock.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ContactDesk {

InstanceLock::InstanceLock(const QString& path)
    : m_path(path.isEmpty() ? defaultPath() : path)
    , m_file(m_path)
{
    // A running app refreshes nothing; only a dead holder makes the lock stale.
    m_file.setStaleLockTime(0);
}

bool InstanceLock::tryLock()
{
    if (m_file.isLocked())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return m_file.tryLock(0);
}

qint64 InstanceLock::holder() const
{
    if (m_file.isLocked())
        return 0;
    // Taking and giving back a lock of our own is the one portable way to ask whether the
    // holder is still alive (QLockFile removes a dead holder's file).
    QLockFile probe(m_path);
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return 0;
    }
    qint64 pid = 0;
    QString hostname;
    QString application;
    if (!probe.getLockInfo(&pid, &hostname, &application))
        return 0;
    return pid;
}

QString InstanceLock::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/instance.lock");
}

} // namespace ContactDesk
