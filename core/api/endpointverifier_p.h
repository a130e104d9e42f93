#pragma once

#include <QJsonObject>
#include <QString>

// What the endpoint check's step files share; not part of the API.
namespace ContactDesk::Api::VerifySteps {

// "" when a delete (or a campaign or workflow call) says it succeeded.
QString succeededProblem(const QJsonObject& result);

} // namespace ContactDesk::Api::VerifySteps

namespace ContactDesk::Api::VerifySteps {

// The tags the run puts on its temporary contact besides VerifyOptions::tag itself; like it,
// they become tags of the location, which cleanup removes again.
inline QString extraTag(const QString& tag)
{
    return tag + QStringLiteral("-extra");
}

inline QString bulkTag(const QString& tag)
{
    return tag + QStringLiteral("-bulk");
}

} // namespace ContactDesk::Api::VerifySteps
