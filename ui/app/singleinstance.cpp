#include "ui/app/singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QThread>

#include <unistd.h>

namespace ContactDesk::Ui {

namespace {

// The primary listens a moment after it takes the lock; a second start waits that long.
constexpr int handOverTimeoutMs = 5000;
constexpr int attemptMs = 500;

} // namespace

SingleInstance::SingleInstance(QObject* parent)
    : QObject(parent)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName() const
{
    // Per user and data folder, so instances with their own XDG_DATA_HOME (tests) stay apart;
    // short, since a local socket's path has a length limit.
    const QByteArray key = QByteArray::number(qint64(::getuid())) + '|' + m_lock.path().toUtf8();
    return QStringLiteral("contactdesk-")
        + QString::fromLatin1(
            QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
}

SingleInstance::Role SingleInstance::claim(const QStringList& arguments, QString* error)
{
    if (m_lock.tryLock()) {
        if (!listen() && error)
            *error = tr("Another start of ContactDesk could not reach this window: %1")
                         .arg(m_server ? m_server->errorString() : QString());
        return Role::Primary;
    }
    m_primaryPid = m_lock.holder();
    if (handOver(arguments))
        return Role::HandedOver;
    if (error) {
        *error = tr("ContactDesk is already running (process %1) but does not answer; close it "
                    "or end that process, then start again.")
                     .arg(m_primaryPid);
    }
    return Role::Failed;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString name = serverName();
    // We hold the lock, so a socket file left under this name is a dead instance's.
    QLocalServer::removeServer(name);
    if (!m_server->listen(name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                QDataStream stream(socket);
                stream.startTransaction();
                QStringList arguments;
                stream >> arguments;
                if (!stream.commitTransaction())
                    return; // more to come
                socket->write("ok");
                socket->flush();
                socket->disconnectFromServer();
                emit activated(arguments);
            });
        }
    });
    return true;
}

bool SingleInstance::handOver(const QStringList& arguments)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < handOverTimeoutMs) {
        QLocalSocket socket;
        socket.connectToServer(serverName());
        if (socket.waitForConnected(attemptMs)) {
            QByteArray message;
            QDataStream out(&message, QIODevice::WriteOnly);
            out << arguments;
            socket.write(message);
            if (socket.waitForBytesWritten(attemptMs) && socket.waitForReadyRead(handOverTimeoutMs))
                return socket.readAll() == "ok";
            return false;
        }
        QThread::msleep(100);
    }
    return false;
}

} // namespace ContactDesk::Ui
