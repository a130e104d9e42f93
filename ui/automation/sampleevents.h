#pragma once

#include <QJsonObject>
#include <QString>

namespace ContactDesk::Ui {

// The data a "Send test event" starts from for each event type, as Your App would send it: one
// example user (Ada Lovelace, Your App id "user_1001") so a sign-up, then an update, a task and
// a note about her follow each other. Unknown types give an object with only an id.
QJsonObject sampleEventData(const QString& type);

} // namespace ContactDesk::Ui
