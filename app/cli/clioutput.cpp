#include "clioutput.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace ContactDesk::Cli {

int exitCodeFor(const Api::ApiError& error)
{
    switch (error.kind()) {
    case Api::ApiError::Kind::None:
        return ExitOk;
    case Api::ApiError::Kind::Network:
    case Api::ApiError::Kind::Timeout:
    case Api::ApiError::Kind::OutcomeUnknown:
        return ExitNetwork;
    default:
        return ExitApiError;
    }
}

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray indented(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray indented(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

int usageFailure(const QString& message)
{
    writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(message));
    return ExitUsage;
}

} // namespace ContactDesk::Cli
