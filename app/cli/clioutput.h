#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ContactDesk::Cli {

enum ExitCode
{
    ExitOk = 0,
    ExitApiError = 1,
    ExitUsage = 2,
    ExitNetwork = 3,
};

// Network trouble (unreachable, timeout, a write whose outcome is unknown) exits with 3, every
// other failure of a request with 1.
int exitCodeFor(const Api::ApiError& error);

// stdout carries JSON only, stderr the one-line errors and progress; both are flushed at once
// so a pipe sees them in order.
void writeOut(const QByteArray& bytes);
void writeErr(const QString& text);
QByteArray compact(const QJsonObject& object);
QByteArray indented(const QJsonObject& object);
QByteArray indented(const QJsonArray& array);

// Prints "contactdesk-cli: MESSAGE" and returns ExitUsage.
int usageFailure(const QString& message);

// The secret stores answer from the event loop; the command line has nothing else to do
// meanwhile. `start` gets the function to call once the answer is in.
template <typename Start>
void waitFor(Start start)
{
    QEventLoop loop;
    bool done = false;
    start([&done, &loop] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

} // namespace ContactDesk::Cli
