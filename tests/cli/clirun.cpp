#include "clirun.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace ContactDesk::Testing {

CliResult runCli(
    const QStringList& arguments, const QString& home, const QProcessEnvironment& extra)
{
    // A developer's own CONTACTDESK_* settings and saved connections must not leak in.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1StringView("CONTACTDESK_")))
            environment.remove(name);
    }
    environment.insert(
        QStringLiteral("XDG_CONFIG_HOME"), QDir(home).filePath(QStringLiteral("config")));
    environment.insert(
        QStringLiteral("XDG_DATA_HOME"), QDir(home).filePath(QStringLiteral("data")));
    environment.insert(extra);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CONTACTDESK_CLI_EXE), arguments);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(120000);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    CliResult result;
    result.finished
        = process.state() == QProcess::NotRunning && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace ContactDesk::Testing
