// fields, tags, users and calendars list: the location's lists, as JSON arrays of the records
// the API answers with.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "api/locationapi.h"

#include <QEventLoop>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

const QStringList& fieldModels()
{
    static const QStringList models {
        QStringLiteral("contact"), QStringLiteral("opportunity"), QStringLiteral("all")};
    return models;
}

// Waits for one call and prints its records, or the one-line error.
template <typename T>
int printList(CliSession& session, const Api::Call<QList<T>>& call)
{
    QEventLoop loop;
    Api::Result<QList<T>> outcome;
    call.then(&loop, [&](const Api::Result<QList<T>>& result) {
        outcome = result;
        loop.quit();
    });
    loop.exec();
    if (!outcome.ok())
        return session.fail(outcome.error);
    QJsonArray array;
    for (const T& item : std::as_const(outcome.value))
        array.append(item.toJson());
    writeOut(indented(array));
    return ExitOk;
}

} // namespace

bool isLocationListGroup(const QString& group)
{
    return group == L("fields") || group == L("tags") || group == L("users")
        || group == L("calendars");
}

Command parseLocationListVerb(
    VerbParser& parser, Command command, const QString& group, const QString& verb)
{
    const QString name = group + u' ' + verb;
    if (verb != L("list"))
        usage(QStringLiteral("unknown command %1").arg(name));
    const Options& options = parser.options();
    const bool fields = group == L("fields");
    if (fields)
        parser.allowOnly(name, {&options.model});
    else
        parser.allowOnly(name, {});
    if (!parser.words().isEmpty())
        usage(QStringLiteral("%1 takes no arguments, got \"%2\"")
                  .arg(name, parser.words().join(u' ')));
    command.action = Action::LocationList;
    if (fields) {
        command.listKind = ListKind::CustomFields;
        if (parser.isSet(options.model)) {
            command.fieldModel = parser.value(options.model);
            if (!fieldModels().contains(command.fieldModel))
                usage(QStringLiteral("--model takes contact, opportunity or all, got \"%1\"")
                          .arg(command.fieldModel));
        }
    } else if (group == L("tags")) {
        command.listKind = ListKind::Tags;
    } else if (group == L("users")) {
        command.listKind = ListKind::Users;
    } else {
        command.listKind = ListKind::Calendars;
    }
    return command;
}

int runLocationList(CliSession& session, const Command& command)
{
    Api::LocationApi api(session.client());
    switch (command.listKind) {
    case ListKind::CustomFields:
        return printList(session, api.customFields(command.fieldModel));
    case ListKind::Tags:
        return printList(session, api.tags());
    case ListKind::Users:
        // Every page of search-users with the company known, else the location's list.
        return printList(session, api.users());
    case ListKind::Calendars:
        return printList(session, api.calendars());
    }
    return ExitOk;
}

} // namespace ContactDesk::Cli
