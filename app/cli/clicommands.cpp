#include "clicommands.h"

#include "auth/connection.h"
#include "cliparser.h"
#include "verbs.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// The operations whose location goes in the query string.
const QSet<QString>& locationInQuery()
{
    static const QSet<QString> ops {QStringLiteral("get-contacts"),
        QStringLiteral("get-duplicate-contact"), QStringLiteral("get-contacts-by-businessId"),
        QStringLiteral("search-users"), QStringLiteral("get-user-by-location"),
        QStringLiteral("get-calendars")};
    return ops;
}

} // namespace

void usage(const QString& message)
{
    throw UsageError {message};
}

VerbParser::VerbParser(const QCommandLineParser& parser, const Options& options, QStringList words)
    : m_parser(parser)
    , m_options(options)
    , m_words(std::move(words))
{ }

void VerbParser::allowOnly(
    const QString& name, const QList<const QCommandLineOption*>& allowed) const
{
    const QList<const QCommandLineOption*> specific {&m_options.path, &m_options.query,
        &m_options.body, &m_options.all, &m_options.limit, &m_options.allowWrites,
        &m_options.campaignId, &m_options.workflowId, &m_options.businessId, &m_options.userId,
        &m_options.name, &m_options.reconcile, &m_options.model, &m_options.mapping,
        &m_options.dryRun, &m_options.results, &m_options.resume, &m_options.failedFrom,
        &m_options.type, &m_options.file, &m_options.status, &m_options.listen,
        &m_options.secretFile, &m_options.rules};
    for (const QCommandLineOption* option : specific) {
        if (m_parser.isSet(*option) && !allowed.contains(option))
            usage(QStringLiteral("--%1 does not apply to %2").arg(option->names().first(), name));
    }
}

void VerbParser::expectArguments(const QString& name, int count, const QString& shape) const
{
    if (m_words.size() != count)
        usage(QStringLiteral("usage: %1 %2").arg(name, shape));
}

QJsonObject VerbParser::body(bool required, const QString& name) const
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

int VerbParser::limit(int fallback, int max) const
{
    if (!m_parser.isSet(m_options.limit))
        return fallback;
    bool ok = false;
    const int value = m_parser.value(m_options.limit).toInt(&ok);
    if (!ok || value < 1 || value > max)
        usage(QStringLiteral("--limit takes a number from 1 to %1").arg(max));
    return value;
}

QPair<QString, QString> VerbParser::keyValue(const QString& text, const QString& option)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        usage(QStringLiteral("--%1 takes KEY=VALUE, got \"%2\"").arg(option, text));
    return {text.left(equals), text.mid(equals + 1)};
}

Command VerbParser::request(Command command, const QString& operationId, Api::RequestSpec spec)
{
    // An empty id would make a path such as /contacts/ that means another operation, or one the
    // server refuses with a message about the data: said here, before anything is sent. The
    // location comes from the target when none is given (fillLocation).
    if (const Api::Endpoint* endpoint = Api::findEndpoint(operationId)) {
        for (const QString& name : pathParameters(*endpoint)) {
            const QString value = spec.path.value(name);
            if (name != L("locationId") && value.trimmed().isEmpty())
                usage(QStringLiteral("%1 needs a non-empty %2 (got \"%3\")")
                          .arg(operationId, name, value));
        }
    }
    command.action = Action::Call;
    command.operationId = operationId;
    command.spec = std::move(spec);
    return command;
}

Api::RequestSpec VerbParser::onContact(const QString& contactId)
{
    Api::RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), contactId);
    return spec;
}

namespace {

// The command group is the first word; each group parses its own verbs.
Command parseWords(VerbParser& parser, const Command& command)
{
    QStringList& words = parser.words();
    if (words.isEmpty())
        usage(QStringLiteral("no command given"));
    const QString group = words.takeFirst();
    if (group == L("call"))
        return parseCall(parser, command);
    if (group == L("verify"))
        return parseVerify(parser, command);
    if (group == L("sync"))
        return parseSync(parser, command);
    if (group == L("search"))
        return parseCacheSearch(parser, command);
    if (group == L("import"))
        return parseImport(parser, command);
    if (group == L("export"))
        return parseExport(parser, command);
    if (group == L("collection"))
        return parseCollection(parser, command);
    if (group == L("outbox") || group == L("trash") || group == L("cache")) {
        if (words.isEmpty())
            usage(QStringLiteral("%1 needs a subcommand").arg(group));
        return parseCacheVerb(parser, command, group, words.takeFirst());
    }
    if (group == L("events")) {
        if (words.isEmpty())
            usage(QStringLiteral("events needs a subcommand (push or list)"));
        return parseEventsVerb(parser, command, words.takeFirst());
    }
    if (group == L("serve") && !words.isEmpty() && words.first() == L("devices")) {
        words.takeFirst();
        return parseServeDevices(parser, command);
    }
    if (group == L("serve"))
        return parseServe(parser, command);
    if (group == L("forward")) {
        if (words.isEmpty())
            usage(QStringLiteral("forward needs a subcommand (dead-letters, retry or discard)"));
        return parseForwardVerb(parser, command, words.takeFirst());
    }
    if (group == L("mapping")) {
        if (words.isEmpty())
            usage(QStringLiteral("mapping needs a subcommand (suggest or check)"));
        return parseMappingVerb(parser, command, words.takeFirst());
    }
    static const QStringList groups {QStringLiteral("contacts"), QStringLiteral("tasks"),
        QStringLiteral("notes"), QStringLiteral("tags"), QStringLiteral("connections"),
        QStringLiteral("fields"), QStringLiteral("users"), QStringLiteral("calendars")};
    if (!groups.contains(group))
        usage(QStringLiteral("unknown command %1").arg(group));
    if (words.isEmpty())
        usage(QStringLiteral("%1 needs a subcommand").arg(group));
    const QString verb = words.takeFirst();
    // `tags list` is the location's tags; `tags add|remove` those of one contact.
    if (isLocationListGroup(group) && (group != L("tags") || verb == L("list")))
        return parseLocationListVerb(parser, command, group, verb);
    if (group == L("contacts"))
        return parseContactsVerb(parser, command, verb);
    if (group == L("tasks"))
        return parseTasksVerb(parser, command, verb);
    if (group == L("notes"))
        return parseNotesVerb(parser, command, verb);
    if (group == L("connections"))
        return parseConnectionsVerb(parser, command, verb);
    return parseContactTagsVerb(parser, command, verb);
}

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
    target.companyId = pick(parser, options.companyId, environment, "CONTACTDESK_COMPANY");
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
    // The token goes to this URL: plain http only to this machine.
    if (const QString problem = Auth::baseUrlProblem(target.baseUrl); !problem.isEmpty())
        usage(QStringLiteral("--base-url: %1").arg(problem));
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

// `dataIsPayload`: --data is the command's own (events push), not the sandbox's state file.
Target parseTarget(const QCommandLineParser& parser, const Options& options,
    const QProcessEnvironment& environment, bool dataIsPayload)
{
    const QString adminKey
        = pick(parser, options.adminKey, environment, "CONTACTDESK_SANDBOX_ADMIN_KEY");
    if (parser.isSet(options.sandbox)) {
        refuseOptions(parser,
            {&options.connection, &options.baseUrl, &options.token, &options.location,
                &options.companyId, &options.adminKey},
            QStringLiteral("--sandbox brings its own target; drop --%1"));
        Target target;
        target.sandbox = true;
        target.sandboxAdminKey = adminKey;
        if (parser.isSet(options.data) && !dataIsPayload) {
            if (parser.value(options.data).isEmpty())
                usage(QStringLiteral("--data needs a file name"));
            target.sandboxDataFile = QFileInfo(parser.value(options.data)).absoluteFilePath();
        }
        return target;
    }
    if (!dataIsPayload)
        refuseOptions(parser, {&options.data},
            QStringLiteral("--%1 keeps the embedded sandbox's state; it needs --sandbox"));
    // An explicit --connection beats the CONTACTDESK_* variables, as options always do.
    const bool explicitOptions = parser.isSet(options.baseUrl) || parser.isSet(options.token)
        || parser.isSet(options.location);
    if (parser.isSet(options.connection)) {
        refuseOptions(parser,
            {&options.baseUrl, &options.token, &options.location, &options.companyId},
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
        refuseOptions(parser, {&options.companyId},
            QStringLiteral("--%1 goes with --base-url, --token and --location"));
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
                &options.location, &options.companyId, &options.adminKey, &options.data},
            QStringLiteral("--%1 does not apply to the connections commands"));
        return {};
    }
    refuseOptions(parser, {&options.sandbox, &options.connection, &options.adminKey, &options.data},
        QStringLiteral("--%1 does not apply to connections add"));
    return explicitTarget(parser, options, environment,
        QStringLiteral("connections add needs %1 (or the CONTACTDESK_* environment variables)"));
}

// `--har FILE` takes a file everywhere but after `collection`, where a bare `--har` asks for
// the HAR format. QCommandLineParser has no optional values, so a bare --har (last, or
// before another option) gets "-" as its value here; harFile() refuses "-" for the others.
QStringList withHarValue(const QStringList& arguments)
{
    QStringList result;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        result.append(arguments.at(i));
        if (i == 0 || arguments.at(i) != L("--har"))
            continue;
        const bool bare = i + 1 == arguments.size()
            || (arguments.at(i + 1).startsWith(u'-') && arguments.at(i + 1) != L("-"));
        if (bare)
            result.append(QStringLiteral("-"));
    }
    return result;
}

QString harFile(const QCommandLineParser& parser, const Options& options)
{
    if (!parser.isSet(options.har))
        return {};
    const QString file = parser.value(options.har);
    if (file.isEmpty() || file == L("-"))
        usage(QStringLiteral("--har needs a file name (the HAR is written there at exit)"));
    return QFileInfo(file).absoluteFilePath();
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
    case Action::Version:
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
    case Action::LocationList:
    case Action::MappingSuggest:
    case Action::MappingCheck:
    case Action::Import:
    case Action::Export:
    case Action::Collection:
    case Action::EventsPush:
    case Action::EventsList:
    case Action::Serve:
    case Action::ServeDevicesAdd:
    case Action::ServeDevicesList:
    case Action::ServeDevicesRemove:
    case Action::ForwardDeadLetters:
    case Action::ForwardRetry:
    case Action::ForwardDiscard:
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
    case Action::MappingSuggest:
    case Action::MappingCheck:
    case Action::Import:
    case Action::Export:
    case Action::EventsPush:
    case Action::EventsList:
    case Action::Serve:
    case Action::ServeDevicesAdd:
    case Action::ServeDevicesList:
    case Action::ServeDevicesRemove:
    case Action::ForwardDeadLetters:
    case Action::ForwardRetry:
    case Action::ForwardDiscard:
        return true;
    case Action::Help:
    case Action::Version:
    case Action::Call:
    case Action::ListAll:
    case Action::Verify:
    case Action::ConnectionsList:
    case Action::ConnectionsAdd:
    case Action::ConnectionsRemove:
    case Action::ConnectionsUse:
    case Action::LocationList:
    case Action::Collection:
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

void fillLocation(const Api::Endpoint& endpoint, Api::RequestSpec& spec, const QString& locationId,
    const QString& companyId)
{
    const QString key = QStringLiteral("locationId");
    const auto inQuery = [&spec](const QString& name) {
        return std::any_of(spec.query.cbegin(), spec.query.cend(),
            [&name](const QPair<QString, QString>& item) { return item.first == name; });
    };
    if (pathParameters(endpoint).contains(key) && spec.path.value(key).isEmpty())
        spec.path.insert(key, locationId);
    if (locationInQuery().contains(QString(endpoint.operationId)) && !inQuery(key))
        spec.query.prepend({key, locationId});
    const QString company = QStringLiteral("companyId");
    if (endpoint.operationId == L("search-users") && !companyId.isEmpty() && !inQuery(company))
        spec.query.prepend({company, companyId});
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
    if (!parser.parse(withHarValue(arguments)))
        return {std::nullopt, parser.errorText()};
    if (parser.isSet(options.help))
        return {Command {}, {}};
    if (parser.isSet(options.version)) {
        Command command;
        command.action = Action::Version;
        return {command, {}};
    }
    try {
        Command command;
        command.verbose = parser.isSet(options.verbose);
        command.keychainService = environment.value(QStringLiteral("CONTACTDESK_KEYCHAIN_SERVICE"));
        VerbParser words(parser, options, parser.positionalArguments());
        command = parseWords(words, command);
        if (command.action != Action::Collection)
            command.harFile = harFile(parser, options);
        // The catalog collection needs no target: nothing is sent.
        if (command.action != Action::Collection)
            command.target = isConnectionsAction(command.action)
                ? connectionsTarget(parser, options, environment, command.action)
                : parseTarget(parser, options, environment, command.action == Action::EventsPush);
        return {command, {}};
    } catch (const UsageError& error) {
        return {std::nullopt, error.message};
    }
}
} // namespace ContactDesk::Cli
