#pragma once

#include "mapping/record.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ContactDesk::Automation {

struct AppEvent;

// The event as a mapping record: its JSON {"type": ..., "data": {...}} flattened into paths
// ("type", "data.email", "data.tags[0]"), as a JSON source reads an object.
Mapping::Record eventRecord(const AppEvent& event);

// Text with {{path}} placeholders: a path into the event ("data.firstName") or {{changes}},
// what an update changed. A path the event lacks gives an empty value; several values (an
// array) are joined by ", ".
QString renderTemplate(
    const QString& text, const Mapping::Record& record, const QString& changes = {});
// What is wrong with a template: an unclosed "{{", an empty placeholder, a placeholder that
// is neither {{changes}} nor a path into the event. Empty when fine.
QStringList templateProblems(const QString& text);

} // namespace ContactDesk::Automation
