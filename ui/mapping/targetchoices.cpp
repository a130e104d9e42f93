#include "ui/mapping/targetchoices.h"

#include "mapping/targets.h"

#include <QCoreApplication>

namespace ContactDesk::Ui {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Ui::TargetChoices", text);
}

QString groupOf(Mapping::Target::Kind kind)
{
    switch (kind) {
    case Mapping::Target::Kind::Ignore:
        return translate("Not imported");
    case Mapping::Target::Kind::ContactId:
        return translate("Matched on, never written");
    case Mapping::Target::Kind::ContactField:
        return translate("Contact field");
    case Mapping::Target::Kind::CustomField:
        return translate("Custom field of the location");
    case Mapping::Target::Kind::Tags:
    case Mapping::Target::Kind::Assignee:
        return translate("Tags and assignee");
    }
    return {};
}

} // namespace

QList<TargetChoice> targetChoices(const Api::LocationLists& lists)
{
    QList<TargetChoice> choices;
    const QList<Mapping::TargetInfo> targets = Mapping::availableTargets(lists);
    for (const Mapping::TargetInfo& info : targets) {
        TargetChoice choice;
        choice.target = info.target;
        choice.title = info.title;
        if (info.target.kind == Mapping::Target::Kind::CustomField)
            choice.dataType = info.dataType;
        choice.group = groupOf(info.target.kind);
        choices.append(choice);
    }
    return choices;
}

QString choiceText(const TargetChoice& choice)
{
    if (choice.dataType.isEmpty())
        return choice.title;
    return translate("%1 (%2)").arg(choice.title, choice.dataType);
}

} // namespace ContactDesk::Ui
