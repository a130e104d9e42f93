// contacts, tasks, notes and the tags of one contact: each verb is one catalog operation, but
// `contacts list --all`, which walks every page.
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "api/contactwalker.h"
#include "api/models/searchquery.h"

#include <QJsonArray>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

} // namespace

Command parseContactsVerb(VerbParser& parser, Command command, const QString& verb)
{
    const Options& options = parser.options();
    const QString name = QStringLiteral("contacts ") + verb;
    if (verb == L("list")) {
        parser.allowOnly(name, {&options.all, &options.limit});
        parser.expectArguments(name, 0, QStringLiteral("[--all] [--limit N]"));
        if (parser.isSet(options.all)) {
            command.action = Action::ListAll;
            command.pageLimit
                = parser.limit(Api::SearchQuery::maxPageLimit, Api::SearchQuery::maxPageLimit);
            return command;
        }
        Api::RequestSpec spec;
        spec.body = QJsonObject {{QStringLiteral("pageLimit"),
            parser.limit(defaultListLimit, Api::SearchQuery::maxPageLimit)}};
        return VerbParser::request(command, QStringLiteral("search-contacts-advanced"), spec);
    }
    if (verb == L("search")) {
        parser.allowOnly(name, {&options.limit});
        if (parser.words().isEmpty())
            usage(QStringLiteral("usage: contacts search TEXT [--limit N]"));
        const QString text = parser.words().join(u' ');
        if (text.size() > Api::SearchQuery::maxQueryLength)
            usage(QStringLiteral("the search text takes at most %1 characters")
                      .arg(Api::SearchQuery::maxQueryLength));
        Api::RequestSpec spec;
        spec.body
            = QJsonObject {{QStringLiteral("pageLimit"),
                               parser.limit(defaultListLimit, Api::SearchQuery::maxPageLimit)},
                {QStringLiteral("query"), text}};
        return VerbParser::request(command, QStringLiteral("search-contacts-advanced"), spec);
    }
    if (verb == L("get") || verb == L("delete")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 1, QStringLiteral("CONTACT_ID"));
        return VerbParser::request(command,
            verb == L("get") ? QStringLiteral("get-contact") : QStringLiteral("delete-contact"),
            VerbParser::onContact(parser.words().first()));
    }
    if (verb == L("create")) {
        parser.allowOnly(name, {&options.body});
        parser.expectArguments(name, 0, QStringLiteral("--body JSON|@FILE"));
        Api::RequestSpec spec;
        spec.body = parser.body(true, name);
        return VerbParser::request(command, QStringLiteral("create-contact"), spec);
    }
    if (verb == L("update")) {
        parser.allowOnly(name, {&options.body});
        parser.expectArguments(name, 1, QStringLiteral("CONTACT_ID --body JSON|@FILE"));
        Api::RequestSpec spec = VerbParser::onContact(parser.words().first());
        spec.body = parser.body(true, name);
        return VerbParser::request(command, QStringLiteral("update-contact"), spec);
    }
    usage(QStringLiteral("unknown command %1").arg(name));
}

namespace {

// tasks and notes share their shape; only the names differ.
Command subresource(VerbParser& parser, Command command, const QString& verb, const QString& group,
    const QString& singular, const QString& idParameter)
{
    const Options& options = parser.options();
    const QString name = group + u' ' + verb;
    const QString idName = singular.toUpper() + QStringLiteral("_ID");
    const auto withId = [&](const QString& operationId, bool takesBody) {
        parser.allowOnly(name,
            takesBody ? QList<const QCommandLineOption*> {&options.body}
                      : QList<const QCommandLineOption*> {});
        parser.expectArguments(name, 2,
            QStringLiteral("CONTACT_ID %1%2")
                .arg(idName, takesBody ? QStringLiteral(" --body JSON|@FILE") : QString()));
        Api::RequestSpec spec = VerbParser::onContact(parser.words().at(0));
        spec.path.insert(idParameter, parser.words().at(1));
        if (takesBody)
            spec.body = parser.body(true, name);
        return VerbParser::request(command, operationId, spec);
    };
    if (verb == L("list")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 1, QStringLiteral("CONTACT_ID"));
        return VerbParser::request(command,
            group == L("tasks") ? QStringLiteral("get-all-tasks") : QStringLiteral("get-all-notes"),
            VerbParser::onContact(parser.words().first()));
    }
    if (verb == L("create")) {
        parser.allowOnly(name, {&options.body});
        parser.expectArguments(name, 1, QStringLiteral("CONTACT_ID --body JSON|@FILE"));
        Api::RequestSpec spec = VerbParser::onContact(parser.words().first());
        spec.body = parser.body(true, name);
        return VerbParser::request(command, QStringLiteral("create-") + singular, spec);
    }
    if (verb == L("get"))
        return withId(QStringLiteral("get-") + singular, false);
    if (verb == L("update"))
        return withId(QStringLiteral("update-") + singular, true);
    if (verb == L("delete"))
        return withId(QStringLiteral("delete-") + singular, false);
    if (verb == L("complete") && group == L("tasks")) {
        parser.allowOnly(name, {});
        parser.expectArguments(name, 2, QStringLiteral("CONTACT_ID TASK_ID"));
        Api::RequestSpec spec = VerbParser::onContact(parser.words().at(0));
        spec.path.insert(idParameter, parser.words().at(1));
        spec.body = QJsonObject {{QStringLiteral("completed"), true}};
        return VerbParser::request(command, QStringLiteral("update-task-completed"), spec);
    }
    usage(QStringLiteral("unknown command %1").arg(name));
}

} // namespace

Command parseTasksVerb(VerbParser& parser, const Command& command, const QString& verb)
{
    return subresource(parser, command, verb, QStringLiteral("tasks"), QStringLiteral("task"),
        QStringLiteral("taskId"));
}

Command parseNotesVerb(VerbParser& parser, const Command& command, const QString& verb)
{
    return subresource(parser, command, verb, QStringLiteral("notes"), QStringLiteral("note"),
        QStringLiteral("id"));
}

Command parseContactTagsVerb(VerbParser& parser, const Command& command, const QString& verb)
{
    const QString name = QStringLiteral("tags ") + verb;
    if (verb != L("add") && verb != L("remove"))
        usage(QStringLiteral("unknown command %1").arg(name));
    parser.allowOnly(name, {});
    if (parser.words().size() < 2)
        usage(QStringLiteral("usage: %1 CONTACT_ID TAG...").arg(name));
    Api::RequestSpec spec = VerbParser::onContact(parser.words().takeFirst());
    spec.body = QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(parser.words())}};
    return VerbParser::request(command,
        verb == L("add") ? QStringLiteral("add-tags") : QStringLiteral("remove-tags"), spec);
}

int runListAll(CliSession& session, const Command& command)
{
    Api::ContactWalkOptions options;
    options.pageLimit = command.pageLimit;
    Api::ContactWalker walker(session.client(), options);
    bool first = true;
    // One JSON array, written as the pages arrive, one contact per line.
    writeOut("[");
    QObject::connect(&walker, &Api::ContactWalker::pageReady, &walker,
        [&first](const Api::ContactWalkPage& page) {
            QByteArray chunk;
            for (const QJsonValue& contact : page.json) {
                chunk += first ? "\n" : ",\n";
                chunk += compact(contact.toObject());
                first = false;
            }
            writeOut(chunk);
        });
    if (command.verbose) {
        QObject::connect(
            &walker, &Api::ContactWalker::fellBack, &walker, [](const Api::ApiError& reason) {
                writeErr(
                    QStringLiteral("search refused (HTTP %1); listing through GET /contacts/\n")
                        .arg(reason.httpStatus()));
            });
    }
    QEventLoop loop;
    QObject::connect(&walker, &Api::ContactWalker::finished, &loop, &QEventLoop::quit);
    walker.start();
    if (walker.isRunning())
        loop.exec();
    writeOut(first ? "]\n" : "\n]\n");
    if (walker.error().isError())
        return session.fail(walker.error());
    return ExitOk;
}

} // namespace ContactDesk::Cli
