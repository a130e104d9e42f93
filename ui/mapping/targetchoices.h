#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"

#include <QList>
#include <QString>

namespace ContactDesk::Ui {

// One entry of the editor's target list: what the rule would write to, how the list names it
// ("Email", "Membership level", "Tags") and, for a custom field, its dataType.
struct TargetChoice
{
    Mapping::Target target;
    QString title;
    QString dataType; // custom fields only: "SINGLE_OPTIONS", "NUMERICAL", ...
    QString group; // "Ignore", "Contact fields", "Custom fields", "Tags and assignee"
};

// Every target of the location in the order the editor lists them: Ignore, the contact fields,
// the custom fields by name, Tags, Assignee.
QList<TargetChoice> targetChoices(const Api::LocationLists& lists);
// The text a list shows for a choice: "Membership level (SINGLE_OPTIONS)".
QString choiceText(const TargetChoice& choice);

} // namespace ContactDesk::Ui
