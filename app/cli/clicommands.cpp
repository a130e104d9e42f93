#include "clicommands.h"

#include "api/models/searchquery.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// The operations whose location goes in the query string.
const QSet<QString>& locationInQuery()
{
    static const QSet<QString> ops {QStringLiteral("get-contacts"),
        QStringLiteral("get-duplicate-contact"), QStringLiteral("get-contacts-by-businessId")};
    return ops;
}

constexpr int defaultListLimit = 20;
constexpr int maxCacheSearchLimit = 1000;

struct Options
{
    QCommandLineOption baseUrl {QStringLiteral("base-url"), QString(), QStringLiteral("URL")};
    QCommandLineOption token {QStringLiteral("token"), QString(), QStringLiteral("TOKEN")};
    QCommandLineOption location {QStringLiteral("location"), QString(), QStringLiteral("ID")};
    QCommandLineOption sandbox {QStringLiteral("sandbox"), QString()};
    QCommandLineOption connection {QStringLiteral("connection"), QString(), QStringLiteral("ID")};
    QCommandLineOption adminKey {
        QStringLiteral("sandbox-admin-key"), QString(), QStringLiteral("KEY")};
    QCommandLineOption verbose {QStringLiteral("verbose"), QString()};
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, QString()};
    QCommandLineOption path {QStringLiteral("path"), QString(), QStringLiteral("K=V")};
    QCommandLineOption query {QStringLiteral("query"), QString(), QStringLiteral("K=V")};
    QCommandLineOption body {QStringLiteral("body"), QString(), QStringLiteral("JSON")};
    QCommandLineOption all {QStringLiteral("all"), QString()};
    QCommandLineOption limit {QStringLiteral("limit"), QString(), QStringLiteral("N")};
    QCommandLineOption allowWrites {QStringLiteral("allow-writes"), QString()};
    QCommandLineOption campaignId {QStringLiteral("campaign-id"), QString(), QStringLiteral("ID")};
    QCommandLineOption workflowId {QStringLiteral("workflow-id"), QString(), QStringLiteral("ID")};
    QCommandLineOption businessId {QStringLiteral("business-id"), QString(), QStringLiteral("ID")};
    QCommandLineOption userId {QStringLiteral("user-id"), QString(), QStringLiteral("ID")};
    QCommandLineOption name {QStringLiteral("name"), QString(), QStringLiteral("NAME")};
    QCommandLineOption data {QStringLiteral("data"), QString(), QStringLiteral("FILE")};
    QCommandLineOption reconcile {QStringLiteral("reconcile"), QString()};

    QList<QCommandLineOption> list() const
    {
        return {baseUrl, token, location, sandbox, connection, adminKey, verbose, help, path, query,
            body, all, limit, allowWrites, campaignId, workflowId, businessId, userId, name, data,
            reconcile};
    }
};

// Thrown inside the parser only; parseCommandLine() turns it into a usage error.
struct UsageError
{
    QString message;
};

[[noreturn]] void usage(const QString& message)
{
    throw UsageError {message};
}

class Parser
{
public:
    Parser(const QCommandLineParser& parser, const Options& options, QStringList words)
        : m_parser(parser)
        , m_options(options)
        , m_words(std::move(words))
    { }

    Command parse(Command command)
    {
        if (m_words.isEmpty())
            usage(QStringLiteral("no command given"));
        const QString group = m_words.takeFirst();
        if (group == L("call"))
            return call(command);
        if (group == L("verify"))
            return verify(command);
        if (group == L("sync"))
            return sync(command);
        if (group == L("search"))
            return cacheSearch(command);
        if (group == L("outbox") || group == L("trash") || group == L("cache")) {
            if (m_words.isEmpty())
                usage(QStringLiteral("%1 needs a subcommand").arg(group));
            return cacheCommand(command, group, m_words.takeFirst());
        }
        static const QStringList groups {QStringLiteral("contacts"), QStringLiteral("tasks"),
            QStringLiteral("notes"), QStringLiteral("tags"), QStringLiteral("connections")};
        if (!groups.contains(group))
            usage(QStringLiteral("unknown command %1").arg(group));
        if (m_words.isEmpty())
            usage(QStringLiteral("%1 needs a subcommand").arg(group));
        const QString verb = m_words.takeFirst();
        if (group == L("contacts"))
            return contacts(command, verb);
        if (group == L("tasks"))
            return tasks(command, verb);
        if (group == L("notes"))
            return notes(command, verb);
        if (group == L("connections"))
            return connections(command, verb);
        return tags(command, verb);
    }

private:
    // Refuses options the command does not take, so a typo never silently does something else.
    void allowOnly(const QString& name, const QList<const QCommandLineOption*>& allowed) const
    {
        const QList<const QCommandLineOption*> specific {&m_options.path, &m_options.query,
            &m_options.body, &m_options.all, &m_options.limit, &m_options.allowWrites,
            &m_options.campaignId, &m_options.workflowId, &m_options.businessId, &m_options.userId,
            &m_options.name, &m_options.reconcile};
        for (const QCommandLineOption* option : specific) {
            if (m_parser.isSet(*option) && !allowed.contains(option))
                usage(
                    QStringLiteral("--%1 does not apply to %2").arg(option->names().first(), name));
        }
    }

    void expectArguments(const QString& name, int count, const QString& shape) const
    {
        if (m_words.size() != count)
            usage(QStringLiteral("usage: %1 %2").arg(name, shape));
    }

    QJsonObject body(bool required, const QString& name) const
    {
        if (!m_parser.isSet(m_options.body)) {
            if (required)
                usage(QStringLiteral("%1 needs --body JSON or --body @FILE").arg(name));
            return {};
        }
        const QString text = m_parser.value(m_options.body);
        QByteArray json = text.toUtf8();
        if (text.startsWith(u'@')) {
            const QString path = text.mid(1);
            QFile file(path);
            const bool opened = path == L("-") ? file.open(stdin, QIODevice::ReadOnly)
                                               : file.open(QIODevice::ReadOnly);
            if (!opened)
                usage(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
            json = file.readAll();
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError)
            usage(QStringLiteral("--body is not valid JSON: %1 at offset %2")
                      .arg(error.errorString())
                      .arg(error.offset));
        if (!document.isObject())
            usage(QStringLiteral("--body must be a JSON object"));
        return document.object();
    }

    int limit(int fallback, int max) const
    {
        if (!m_parser.isSet(m_options.limit))
            return fallback;
        bool ok = false;
        const int value = m_parser.value(m_options.limit).toInt(&ok);
        if (!ok || value < 1 || value > max)
            usage(QStringLiteral("--limit takes a number from 1 to %1").arg(max));
        return value;
    }

    static QPair<QString, QString> keyValue(const QString& text, const QString& option)
    {
        const qsizetype equals = text.indexOf(u'=');
        if (equals <= 0)
            usage(QStringLiteral("--%1 takes KEY=VALUE, got \"%2\"").arg(option, text));
        return {text.left(equals), text.mid(equals + 1)};
    }

    static Command request(Command command, const QString& operationId, Api::RequestSpec spec)
    {
        command.action = Action::Call;
        command.operationId = operationId;
        command.spec = std::move(spec);
        return command;
    }

    static Api::RequestSpec onContact(const QString& contactId)
    {
        Api::RequestSpec spec;
        spec.path.insert(QStringLiteral("contactId"), contactId);
        return spec;
    }

    Command call(const Command& command)
    {
        allowOnly(QStringLiteral("call"), {&m_options.path, &m_options.query, &m_options.body});
        expectArguments(QStringLiteral("call"), 1,
            QStringLiteral("OPERATION_ID [--path K=V]... [--query K=V]... [--body JSON|@FILE]"));
        const QString operationId = m_words.first();
        const Api::Endpoint* endpoint = Api::findEndpoint(operationId);
        if (!endpoint)
            usage(
                QStringLiteral("unknown operation %1 (see --help for the list)").arg(operationId));
        Api::RequestSpec spec;
        const QStringList names = pathParameters(*endpoint);
        for (const QString& item : m_parser.values(m_options.path)) {
            const auto [key, value] = keyValue(item, QStringLiteral("path"));
            if (!names.contains(key))
                usage(QStringLiteral("%1 has no path parameter %2 (it takes: %3)")
                          .arg(operationId, key,
                              names.isEmpty() ? QStringLiteral("none") : names.join(u' ')));
            spec.path.insert(key, value);
        }
        for (const QString& name : names) {
            if (spec.path.value(name).isEmpty())
                usage(QStringLiteral("%1 needs --path %2=VALUE").arg(operationId, name));
        }
        for (const QString& item : m_parser.values(m_options.query))
            spec.query.append(keyValue(item, QStringLiteral("query")));
        if (m_parser.isSet(m_options.body)) {
            if (!endpoint->takesBody)
                usage(QStringLiteral("%1 takes no body").arg(operationId));
            spec.body = body(true, operationId);
        }
        return request(command, operationId, spec);
    }

    Command contacts(Command command, const QString& verb)
    {
        const QString name = QStringLiteral("contacts ") + verb;
        if (verb == L("list")) {
            allowOnly(name, {&m_options.all, &m_options.limit});
            expectArguments(name, 0, QStringLiteral("[--all] [--limit N]"));
            if (m_parser.isSet(m_options.all)) {
                command.action = Action::ListAll;
                command.pageLimit
                    = limit(Api::SearchQuery::maxPageLimit, Api::SearchQuery::maxPageLimit);
                return command;
            }
            Api::RequestSpec spec;
            spec.body = QJsonObject {{QStringLiteral("pageLimit"),
                limit(defaultListLimit, Api::SearchQuery::maxPageLimit)}};
            return request(command, QStringLiteral("search-contacts-advanced"), spec);
        }
        if (verb == L("search")) {
            allowOnly(name, {&m_options.limit});
            if (m_words.isEmpty())
                usage(QStringLiteral("usage: contacts search TEXT [--limit N]"));
            const QString text = m_words.join(u' ');
            if (text.size() > Api::SearchQuery::maxQueryLength)
                usage(QStringLiteral("the search text takes at most %1 characters")
                          .arg(Api::SearchQuery::maxQueryLength));
            Api::RequestSpec spec;
            spec.body = QJsonObject {{QStringLiteral("pageLimit"),
                                         limit(defaultListLimit, Api::SearchQuery::maxPageLimit)},
                {QStringLiteral("query"), text}};
            return request(command, QStringLiteral("search-contacts-advanced"), spec);
        }
        if (verb == L("get") || verb == L("delete")) {
            allowOnly(name, {});
            expectArguments(name, 1, QStringLiteral("CONTACT_ID"));
            return request(command,
                verb == L("get") ? QStringLiteral("get-contact") : QStringLiteral("delete-contact"),
                onContact(m_words.first()));
        }
        if (verb == L("create")) {
            allowOnly(name, {&m_options.body});
            expectArguments(name, 0, QStringLiteral("--body JSON|@FILE"));
            Api::RequestSpec spec;
            spec.body = body(true, name);
            return request(command, QStringLiteral("create-contact"), spec);
        }
        if (verb == L("update")) {
            allowOnly(name, {&m_options.body});
            expectArguments(name, 1, QStringLiteral("CONTACT_ID --body JSON|@FILE"));
            Api::RequestSpec spec = onContact(m_words.first());
            spec.body = body(true, name);
            return request(command, QStringLiteral("update-contact"), spec);
        }
        usage(QStringLiteral("unknown command %1").arg(name));
    }

    // tasks and notes share their shape; only the names differ.
    Command subresource(Command command, const QString& verb, const QString& group,
        const QString& singular, const QString& idParameter)
    {
        const QString name = group + u' ' + verb;
        const QString idName = singular.toUpper() + QStringLiteral("_ID");
        const auto withId = [&](const QString& operationId, bool takesBody) {
            allowOnly(name,
                takesBody ? QList<const QCommandLineOption*> {&m_options.body}
                          : QList<const QCommandLineOption*> {});
            expectArguments(name, 2,
                QStringLiteral("CONTACT_ID %1%2")
                    .arg(idName, takesBody ? QStringLiteral(" --body JSON|@FILE") : QString()));
            Api::RequestSpec spec = onContact(m_words.at(0));
            spec.path.insert(idParameter, m_words.at(1));
            if (takesBody)
                spec.body = body(true, name);
            return request(command, operationId, spec);
        };
        if (verb == L("list")) {
            allowOnly(name, {});
            expectArguments(name, 1, QStringLiteral("CONTACT_ID"));
            return request(command,
                group == L("tasks") ? QStringLiteral("get-all-tasks")
                                    : QStringLiteral("get-all-notes"),
                onContact(m_words.first()));
        }
        if (verb == L("create")) {
            allowOnly(name, {&m_options.body});
            expectArguments(name, 1, QStringLiteral("CONTACT_ID --body JSON|@FILE"));
            Api::RequestSpec spec = onContact(m_words.first());
            spec.body = body(true, name);
            return request(command, QStringLiteral("create-") + singular, spec);
        }
        if (verb == L("get"))
            return withId(QStringLiteral("get-") + singular, false);
        if (verb == L("update"))
            return withId(QStringLiteral("update-") + singular, true);
        if (verb == L("delete"))
            return withId(QStringLiteral("delete-") + singular, false);
        if (verb == L("complete") && group == L("tasks")) {
            allowOnly(name, {});
            expectArguments(name, 2, QStringLiteral("CONTACT_ID TASK_ID"));
            Api::RequestSpec spec = onContact(m_words.at(0));
            spec.path.insert(idParameter, m_words.at(1));
            spec.body = QJsonObject {{QStringLiteral("completed"), true}};
            return request(command, QStringLiteral("update-task-completed"), spec);
        }
        usage(QStringLiteral("unknown command %1").arg(name));
    }

    Command tasks(const Command& command, const QString& verb)
    {
        return subresource(command, verb, QStringLiteral("tasks"), QStringLiteral("task"),
            QStringLiteral("taskId"));
    }

    Command notes(const Command& command, const QString& verb)
    {
        return subresource(
            command, verb, QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("id"));
    }

    Command tags(const Command& command, const QString& verb)
    {
        const QString name = QStringLiteral("tags ") + verb;
        if (verb != L("add") && verb != L("remove"))
            usage(QStringLiteral("unknown command %1").arg(name));
        allowOnly(name, {});
        if (m_words.size() < 2)
            usage(QStringLiteral("usage: %1 CONTACT_ID TAG...").arg(name));
        Api::RequestSpec spec = onContact(m_words.takeFirst());
        spec.body = QJsonObject {{QStringLiteral("tags"), QJsonArray::fromStringList(m_words)}};
        return request(command,
            verb == L("add") ? QStringLiteral("add-tags") : QStringLiteral("remove-tags"), spec);
    }

    Command connections(Command command, const QString& verb)
    {
        const QString name = QStringLiteral("connections ") + verb;
        if (verb == L("list")) {
            allowOnly(name, {});
            expectArguments(name, 0, QString());
            command.action = Action::ConnectionsList;
            return command;
        }
        if (verb == L("add")) {
            allowOnly(name, {&m_options.name});
            expectArguments(
                name, 0, QStringLiteral("--name NAME --base-url URL --location ID --token TOKEN"));
            command.connectionName = m_parser.value(m_options.name).trimmed();
            if (command.connectionName.isEmpty())
                usage(QStringLiteral("connections add needs --name NAME"));
            command.action = Action::ConnectionsAdd;
            return command;
        }
        if (verb == L("remove") || verb == L("use")) {
            allowOnly(name, {});
            expectArguments(name, 1, QStringLiteral("CONNECTION_ID"));
            command.connectionId = m_words.first();
            command.action = verb == L("use") ? Action::ConnectionsUse : Action::ConnectionsRemove;
            return command;
        }
        usage(QStringLiteral("unknown command %1").arg(name));
    }

    Command sync(Command command)
    {
        allowOnly(QStringLiteral("sync"), {&m_options.reconcile});
        expectArguments(QStringLiteral("sync"), 0, QStringLiteral("[--reconcile]"));
        command.action = Action::Sync;
        command.reconcile = m_parser.isSet(m_options.reconcile);
        return command;
    }

    Command cacheSearch(Command command)
    {
        allowOnly(QStringLiteral("search"), {&m_options.limit});
        if (m_words.isEmpty())
            usage(QStringLiteral("usage: search TEXT [--limit N]"));
        command.action = Action::CacheSearch;
        command.searchText = m_words.join(u' ');
        command.searchLimit = limit(defaultListLimit, maxCacheSearchLimit);
        return command;
    }

    // outbox list|retry ID|discard ID, trash list|restore ID, cache stats.
    Command cacheCommand(Command command, const QString& group, const QString& verb)
    {
        const QString name = group + u' ' + verb;
        allowOnly(name, {});
        const auto withId = [&](Action action, const QString& idName) {
            expectArguments(name, 1, idName);
            bool ok = false;
            command.itemId = m_words.first().toLongLong(&ok);
            if (!ok || command.itemId <= 0)
                usage(QStringLiteral("%1 takes a number (see %2 list), got \"%3\"")
                          .arg(name, group, m_words.first()));
            command.action = action;
            return command;
        };
        const auto noArguments = [&](Action action) {
            expectArguments(name, 0, QString());
            command.action = action;
            return command;
        };
        if (group == L("outbox")) {
            if (verb == L("list"))
                return noArguments(Action::OutboxList);
            if (verb == L("retry"))
                return withId(Action::OutboxRetry, QStringLiteral("ITEM_ID"));
            if (verb == L("discard"))
                return withId(Action::OutboxDiscard, QStringLiteral("ITEM_ID"));
        } else if (group == L("trash")) {
            if (verb == L("list"))
                return noArguments(Action::TrashList);
            if (verb == L("restore"))
                return withId(Action::TrashRestore, QStringLiteral("TRASH_ID"));
        } else if (verb == L("stats")) {
            return noArguments(Action::CacheStats);
        }
        usage(QStringLiteral("unknown command %1").arg(name));
    }

    Command verify(Command command)
    {
        allowOnly(QStringLiteral("verify"),
            {&m_options.allowWrites, &m_options.campaignId, &m_options.workflowId,
                &m_options.businessId, &m_options.userId});
        expectArguments(QStringLiteral("verify"), 0,
            QStringLiteral("[--allow-writes] [--campaign-id ID] [--workflow-id ID] "
                           "[--business-id ID] [--user-id ID]"));
        command.action = Action::Verify;
        command.verify.allowWrites = m_parser.isSet(m_options.allowWrites);
        command.verify.campaignId = m_parser.value(m_options.campaignId);
        command.verify.workflowId = m_parser.value(m_options.workflowId);
        command.verify.businessId = m_parser.value(m_options.businessId);
        command.verify.userId = m_parser.value(m_options.userId);
        return command;
    }

    const QCommandLineParser& m_parser;
    const Options& m_options;
    QStringList m_words;
};

QString pick(const QCommandLineParser& parser, const QCommandLineOption& option,
    const QProcessEnvironment& environment, const char* variable)
{
    return parser.isSet(option) ? parser.value(option)
                                : environment.value(QString::fromLatin1(variable));
}

// A base URL, token and location from the options, each falling back to its environment
// variable. `missingMessage` names who needs them; %1 becomes the options that are missing.
Target explicitTarget(const QCommandLineParser& parser, const Options& options,
    const QProcessEnvironment& environment, const QString& missingMessage)
{
    Target target;
    const QString url = pick(parser, options.baseUrl, environment, "CONTACTDESK_BASE_URL");
    target.token = pick(parser, options.token, environment, "CONTACTDESK_TOKEN");
    target.locationId = pick(parser, options.location, environment, "CONTACTDESK_LOCATION");
    QStringList missing;
    if (url.isEmpty())
        missing.append(QStringLiteral("--base-url"));
    if (target.token.isEmpty())
        missing.append(QStringLiteral("--token"));
    if (target.locationId.isEmpty())
        missing.append(QStringLiteral("--location"));
    if (!missing.isEmpty())
        usage(missingMessage.arg(missing.join(QStringLiteral(", "))));
    target.baseUrl = QUrl(url, QUrl::StrictMode);
    const QString scheme = target.baseUrl.scheme();
    if (!target.baseUrl.isValid() || target.baseUrl.host().isEmpty()
        || (scheme != L("http") && scheme != L("https")))
        usage(QStringLiteral("--base-url must be an http or https URL, got \"%1\"").arg(url));
    return target;
}

void refuseOptions(const QCommandLineParser& parser,
    const QList<const QCommandLineOption*>& refused, const QString& why)
{
    for (const QCommandLineOption* option : refused) {
        if (parser.isSet(*option))
            usage(why.arg(option->names().first()));
    }
}

Target parseTarget(const QCommandLineParser& parser, const Options& options,
    const QProcessEnvironment& environment)
{
    const QString adminKey
        = pick(parser, options.adminKey, environment, "CONTACTDESK_SANDBOX_ADMIN_KEY");
    if (parser.isSet(options.sandbox)) {
        refuseOptions(parser,
            {&options.connection, &options.baseUrl, &options.token, &options.location,
                &options.adminKey},
            QStringLiteral("--sandbox brings its own target; drop --%1"));
        Target target;
        target.sandbox = true;
        target.sandboxAdminKey = adminKey;
        if (parser.isSet(options.data)) {
            if (parser.value(options.data).isEmpty())
                usage(QStringLiteral("--data needs a file name"));
            target.sandboxDataFile = QFileInfo(parser.value(options.data)).absoluteFilePath();
        }
        return target;
    }
    refuseOptions(parser, {&options.data},
        QStringLiteral("--%1 keeps the embedded sandbox's state; it needs --sandbox"));
    // An explicit --connection beats the CONTACTDESK_* variables, as options always do.
    const bool explicitOptions = parser.isSet(options.baseUrl) || parser.isSet(options.token)
        || parser.isSet(options.location);
    if (parser.isSet(options.connection)) {
        refuseOptions(parser, {&options.baseUrl, &options.token, &options.location},
            QStringLiteral("--connection brings its own target; drop --%1"));
        Target target;
        target.saved = true;
        target.connectionId = parser.value(options.connection);
        if (target.connectionId.isEmpty())
            usage(QStringLiteral("--connection needs a connection id (see connections list)"));
        target.sandboxAdminKey = adminKey;
        return target;
    }
    const bool fromEnvironment
        = !environment.value(QStringLiteral("CONTACTDESK_BASE_URL")).isEmpty()
        || !environment.value(QStringLiteral("CONTACTDESK_TOKEN")).isEmpty()
        || !environment.value(QStringLiteral("CONTACTDESK_LOCATION")).isEmpty();
    if (!explicitOptions && !fromEnvironment) {
        Target target;
        target.saved = true;
        target.sandboxAdminKey = adminKey;
        return target;
    }
    Target target = explicitTarget(parser, options, environment,
        QStringLiteral("incomplete target: give --sandbox, --connection ID, or also %1 (or the "
                       "CONTACTDESK_* environment variables)"));
    target.sandboxAdminKey = adminKey;
    return target;
}

// `connections add` takes the connection to add as its target; the other connections commands
// take none.
Target connectionsTarget(const QCommandLineParser& parser, const Options& options,
    const QProcessEnvironment& environment, Action action)
{
    if (action != Action::ConnectionsAdd) {
        refuseOptions(parser,
            {&options.sandbox, &options.connection, &options.baseUrl, &options.token,
                &options.location, &options.adminKey, &options.data},
            QStringLiteral("--%1 does not apply to the connections commands"));
        return {};
    }
    refuseOptions(parser, {&options.sandbox, &options.connection, &options.adminKey, &options.data},
        QStringLiteral("--%1 does not apply to connections add"));
    return explicitTarget(parser, options, environment,
        QStringLiteral("connections add needs %1 (or the CONTACTDESK_* environment variables)"));
}

} // namespace

bool isConnectionsAction(Action action)
{
    switch (action) {
    case Action::ConnectionsList:
    case Action::ConnectionsAdd:
    case Action::ConnectionsRemove:
    case Action::ConnectionsUse:
        return true;
    case Action::Help:
    case Action::Call:
    case Action::ListAll:
    case Action::Verify:
    case Action::Sync:
    case Action::OutboxList:
    case Action::OutboxRetry:
    case Action::OutboxDiscard:
    case Action::TrashList:
    case Action::TrashRestore:
    case Action::CacheSearch:
    case Action::CacheStats:
        return false;
    }
    return false;
}

bool isDataAction(Action action)
{
    switch (action) {
    case Action::Sync:
    case Action::OutboxList:
    case Action::OutboxRetry:
    case Action::OutboxDiscard:
    case Action::TrashList:
    case Action::TrashRestore:
    case Action::CacheSearch:
    case Action::CacheStats:
        return true;
    case Action::Help:
    case Action::Call:
    case Action::ListAll:
    case Action::Verify:
    case Action::ConnectionsList:
    case Action::ConnectionsAdd:
    case Action::ConnectionsRemove:
    case Action::ConnectionsUse:
        return false;
    }
    return false;
}

QStringList pathParameters(const Api::Endpoint& endpoint)
{
    QStringList names;
    for (const QString& segment : QString(endpoint.path).split(u'/')) {
        if (segment.startsWith(u'{') && segment.endsWith(u'}'))
            names.append(segment.mid(1, segment.size() - 2));
    }
    return names;
}

void fillLocation(const Api::Endpoint& endpoint, Api::RequestSpec& spec, const QString& locationId)
{
    const QString key = QStringLiteral("locationId");
    if (locationInQuery().contains(QString(endpoint.operationId))) {
        const bool given = std::any_of(spec.query.cbegin(), spec.query.cend(),
            [&key](const QPair<QString, QString>& item) { return item.first == key; });
        if (!given)
            spec.query.prepend({key, locationId});
    }
    if (!endpoint.takesBody)
        return;
    QJsonObject body = spec.body.value_or(QJsonObject());
    if (endpoint.field(key) && !body.contains(key))
        body.insert(key, locationId);
    spec.body = body;
}

ParseResult parseCommandLine(const QStringList& arguments, const QProcessEnvironment& environment)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const Options options;
    parser.addOptions(options.list());
    if (!parser.parse(arguments))
        return {std::nullopt, parser.errorText()};
    if (parser.isSet(options.help))
        return {Command {}, {}};
    try {
        Command command;
        command.verbose = parser.isSet(options.verbose);
        command.keychainService = environment.value(QStringLiteral("CONTACTDESK_KEYCHAIN_SERVICE"));
        Parser words(parser, options, parser.positionalArguments());
        command = words.parse(command);
        command.target = isConnectionsAction(command.action)
            ? connectionsTarget(parser, options, environment, command.action)
            : parseTarget(parser, options, environment);
        return {command, {}};
    } catch (const UsageError& error) {
        return {std::nullopt, error.message};
    }
}

QString helpText()
{
    QString text = QStringLiteral(R"(Usage: contactdesk-cli [TARGET] [--verbose] COMMAND ...

The HighLevel Contacts API v2 from the command line.

Target (one of; without any, the active saved connection, see `connections`):
  --sandbox                  start an embedded sandbox on 127.0.0.1 with 50 demo contacts
  --sandbox --data FILE      the same, keeping the sandbox's state in FILE across runs
  --connection ID            a saved connection; its token comes from the system keychain
  --base-url URL --token TOKEN --location ID
                             a HighLevel API (https://services.leadconnectorhq.com) or a
                             sandbox; defaults come from CONTACTDESK_BASE_URL,
                             CONTACTDESK_TOKEN and CONTACTDESK_LOCATION. Prefer the
                             environment for the token: other users can see command lines.
  --sandbox-admin-key KEY    (or CONTACTDESK_SANDBOX_ADMIN_KEY) the admin key of an external
                             sandbox, so that `verify` may write to it (see below)

Commands:
  call OPERATION_ID [--path K=V]... [--query K=V]... [--body JSON|@FILE|@-]
                             any operation of the catalog (list below)
  contacts list [--limit N]  the first N contacts (default 20, at most 500), via search
  contacts list --all [--limit N]
                             every contact of the location, N per page (default 500)
  contacts search TEXT [--limit N]
  contacts get|delete CONTACT_ID
  contacts create --body JSON
  contacts update CONTACT_ID --body JSON
  tasks list CONTACT_ID
  tasks get|complete|delete CONTACT_ID TASK_ID
  tasks create CONTACT_ID --body JSON
  tasks update CONTACT_ID TASK_ID --body JSON
  notes list CONTACT_ID
  notes get|delete CONTACT_ID NOTE_ID
  notes create CONTACT_ID --body JSON
  notes update CONTACT_ID NOTE_ID --body JSON
  tags add|remove CONTACT_ID TAG...
  verify [--allow-writes] [--campaign-id ID] [--workflow-id ID] [--business-id ID]
         [--user-id ID]
                             runs every operation once and prints one row per operation
  sync [--reconcile]         sends the outbox (local edits), then syncs the offline cache:
                             the whole location the first time, what changed since after;
                             --reconcile also looks for contacts deleted on the server now
  search TEXT [--limit N]    searches the offline cache (name, email, phone, company, tags;
                             prefix match per word), default 20 matches
  outbox list                local edits not on the server yet, oldest first
  outbox retry ID            sends a failed (or waiting) edit again at the next sync
  outbox discard ID          drops an edit and reverts it in the cache
  trash list                 contacts deleted here, newest first
  trash restore ID           re-creates a deleted contact with its tasks and notes (sent at
                             the next sync)
  cache stats                counts of the offline cache as JSON
  connections list           the saved connections as a JSON array (never a token)
  connections add --name NAME --base-url URL --location ID --token TOKEN
                             saves a private integration token connection once one
                             GET /contacts/ with it succeeded; the token goes to the system
                             keychain only (--token may come from CONTACTDESK_TOKEN)
  connections use ID         makes a saved connection the active one
  connections remove ID      deletes a saved connection and its keychain entries

The location id is filled in where an operation takes one (the query of get-contacts,
get-duplicate-contact and get-contacts-by-businessId; the body of create, upsert, search and
the bulk calls) unless it is given. An operation that takes a body gets {} without --body.

Output:
  The API's JSON answer on stdout. `contacts list --all` prints one JSON array with one
  contact per line, written page by page as the pages arrive; after an error it is closed, so
  stdout always holds valid JSON. Errors are one line on stderr. --verbose writes every HTTP
  exchange to stderr (Authorization, tokens and secrets redacted).

verify:
  Creates a temporary contact tagged contactdesk-verify, runs every task, note, tag,
  follower, campaign, workflow, search, duplicate, upsert, business and bulk call on it, and
  deletes it and everything it made. Prints `OPERATION STATUS LATENCY RESULT REASON` per
  operation, then `N passed, M failed, K skipped`. Operations that need an id the API cannot
  list (--campaign-id, --workflow-id, --business-id, --user-id for the followers) are skipped
  without one; with --sandbox they come from the embedded sandbox.
  Writes happen only against a sandbox: --sandbox, or a target whose GET /__sandbox/info
  accepts --sandbox-admin-key and names the same location. Anything else gets the reads only,
  on its first existing contact, unless --allow-writes is given.
  Exit status 0 when nothing failed (skips are not failures).

The offline cache:
  One per connection, shared with the desktop app, in $XDG_DATA_HOME/ContactDesk/ContactDesk/
  connections/ID/cache.sqlite (ID: the saved connection's id; for --base-url targets one
  derived from the URL and location). The embedded --sandbox starts fresh on every run, so its
  cache is thrown away at exit unless --sandbox --data FILE keeps the sandbox's state in FILE
  (and then the cache too). `sync` prints one progress line at a time on stderr and its result
  as JSON on stdout; items that wait for a back-off are sent at once. The other cache commands
  need no network.

connections:
  Saved connections are shared with the desktop app. The built-in sandbox is always there,
  is active until another connection is used, and behaves like --sandbox. Tokens live in the
  system keychain only (CONTACTDESK_KEYCHAIN_SERVICE names another keychain service); without
  a usable keychain `connections add` refuses: the command line keeps no token anywhere else.

Exit status:
  0 success, 1 the API refused or failed the request, or the system keychain failed,
  2 usage error (also an unknown connection id, outbox item or trash entry),
  3 network error (unreachable, timeout, or the outcome of a write is unknown)

Operations:
)");
    for (const Api::Endpoint& endpoint : Api::endpoints()) {
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(QString(endpoint.operationId), -36)
                    .arg(QString::fromLatin1(Api::methodName(endpoint.method)), -6)
                    .arg(QString(endpoint.path));
    }
    return text;
}

} // namespace ContactDesk::Cli
