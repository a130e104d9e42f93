#pragma once

#include "common/instancelock.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace ContactDesk::Ui {

// One desktop app per user and data folder. The first start holds the instance lock and
// listens on a local socket named after the data folder; a later start finds the lock held,
// sends its arguments (a contactdesk:// link or a file to import) over the socket and exits,
// and the first raises its window and handles them.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QObject* parent = nullptr);
    ~SingleInstance() override;

    enum class Role
    {
        Primary, // this process runs the app
        HandedOver, // another one runs it and has the arguments now
        Failed, // the lock is held but the running app did not answer: *error says so
    };
    // Claims the lock, or hands `arguments` to the app that holds it.
    Role claim(const QStringList& arguments, QString* error);

    // The running app's pid when handed over or failed.
    qint64 primaryPid() const { return m_primaryPid; }

Q_SIGNALS:
    // A later start handed over (arguments without the program name; may be empty).
    void activated(const QStringList& arguments);

private:
    bool listen();
    bool handOver(const QStringList& arguments);
    QString serverName() const;

    InstanceLock m_lock;
    QLocalServer* m_server = nullptr;
    qint64 m_primaryPid = 0;
};

} // namespace ContactDesk::Ui
