#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ContactDesk::Testing {

// One run of the built contactdesk-cli.
struct CliResult
{
    bool finished = false; // exited normally within the time limit
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QStringList errLines() const { return errText().split(u'\n', Qt::SkipEmptyParts); }
    QStringList outLines() const { return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts); }
};

// Runs the CLI with `arguments`, its config and data folders under `home` and none of the
// caller's CONTACTDESK_* variables, plus `extra`. Waits with the event loop running, since the
// test's sandbox serves from this thread.
CliResult runCli(
    const QStringList& arguments, const QString& home, const QProcessEnvironment& extra = {});

} // namespace ContactDesk::Testing
