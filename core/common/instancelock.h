#pragma once

#include <QLockFile>
#include <QString>

namespace ContactDesk {

// The desktop app's claim on its data folder (<AppDataLocation>/instance.lock), held while it
// runs: a second start hands over to the first instead of opening the same caches, and the
// command line stays off the caches while the app has them. A lock left by a process that died
// is taken over (QLockFile's stale detection).
class InstanceLock
{
public:
    // `path` empty: defaultPath() for the current application and organization names.
    explicit InstanceLock(const QString& path = {});

    // True when this process holds the lock now.
    bool tryLock();
    bool isLocked() const { return m_file.isLocked(); }
    // Without taking it: the process id of the live holder, 0 when nobody holds it.
    qint64 holder() const;
    const QString& path() const { return m_path; }

    static QString defaultPath();

private:
    QString m_path;
    QLockFile m_file;
};

} // namespace ContactDesk
