#pragma once

#include "clicommands.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QPair>

// The parts of the command line parser every verb group uses: the options, the usage error and
// the checks on a command's words and options. Only the parser's own files include this.
namespace ContactDesk::Cli {

inline constexpr int defaultListLimit = 20;

struct Options
{
    QCommandLineOption baseUrl {QStringLiteral("base-url"), QString(), QStringLiteral("URL")};
    QCommandLineOption token {QStringLiteral("token"), QString(), QStringLiteral("TOKEN")};
    QCommandLineOption location {QStringLiteral("location"), QString(), QStringLiteral("ID")};
    QCommandLineOption companyId {QStringLiteral("company-id"), QString(), QStringLiteral("ID")};
    QCommandLineOption sandbox {QStringLiteral("sandbox"), QString()};
    QCommandLineOption connection {QStringLiteral("connection"), QString(), QStringLiteral("ID")};
    QCommandLineOption adminKey {
        QStringLiteral("sandbox-admin-key"), QString(), QStringLiteral("KEY")};
    QCommandLineOption verbose {QStringLiteral("verbose"), QString()};
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, QString()};
    QCommandLineOption version {QStringLiteral("version"), QString()};
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
    QCommandLineOption model {QStringLiteral("model"), QString(), QStringLiteral("MODEL")};
    QCommandLineOption mapping {QStringLiteral("mapping"), QString(), QStringLiteral("FILE")};
    QCommandLineOption dryRun {QStringLiteral("dry-run"), QString()};
    QCommandLineOption results {QStringLiteral("results"), QString(), QStringLiteral("FILE")};
    QCommandLineOption resume {QStringLiteral("resume"), QString()};
    QCommandLineOption failedFrom {
        QStringLiteral("failed-from"), QString(), QStringLiteral("FILE")};
    QCommandLineOption format {QStringLiteral("format"), QString(), QStringLiteral("FORMAT")};
    QCommandLineOption columns {QStringLiteral("columns"), QString(), QStringLiteral("LIST")};
    QCommandLineOption har {QStringLiteral("har"), QString(), QStringLiteral("FILE")};
    // events and serve.
    QCommandLineOption type {QStringLiteral("type"), QString(), QStringLiteral("TYPE")};
    QCommandLineOption file {QStringLiteral("file"), QString(), QStringLiteral("FILE")};
    QCommandLineOption status {QStringLiteral("status"), QString(), QStringLiteral("STATUS")};
    QCommandLineOption listen {QStringLiteral("listen"), QString(), QStringLiteral("HOST:PORT")};
    QCommandLineOption secretFile {
        QStringLiteral("secret-file"), QString(), QStringLiteral("FILE")};
    QCommandLineOption rules {QStringLiteral("rules"), QString(), QStringLiteral("FILE")};
    QCommandLineOption webhookKey {
        QStringLiteral("webhook-public-key"), QString(), QStringLiteral("FILE")};
    QCommandLineOption forwardUrl {QStringLiteral("forward-url"), QString(), QStringLiteral("URL")};
    QCommandLineOption forwardSecretFile {
        QStringLiteral("forward-secret-file"), QString(), QStringLiteral("FILE")};
    QCommandLineOption forwardEvents {
        QStringLiteral("forward-events"), QString(), QStringLiteral("LIST")};

    QList<QCommandLineOption> list() const
    {
        return {baseUrl, token, location, companyId, sandbox, connection, adminKey, verbose, help,
            version, path, query, body, all, limit, allowWrites, campaignId, workflowId, businessId,
            userId, name, data, reconcile, model, mapping, dryRun, results, resume, failedFrom,
            format, columns, har, type, file, status, listen, secretFile, rules, webhookKey,
            forwardUrl, forwardSecretFile, forwardEvents};
    }
};

// Thrown inside the parser only; parseCommandLine() turns it into a usage error.
struct UsageError
{
    QString message;
};

[[noreturn]] void usage(const QString& message);

// The words after the command group, with the parsed options.
class VerbParser
{
public:
    VerbParser(const QCommandLineParser& parser, const Options& options, QStringList words);

    const Options& options() const { return m_options; }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    QStringList values(const QCommandLineOption& option) const { return m_parser.values(option); }
    QStringList& words() { return m_words; }

    // Refuses options the command does not take, so a typo never silently does something else.
    void allowOnly(const QString& name, const QList<const QCommandLineOption*>& allowed) const;
    void expectArguments(const QString& name, int count, const QString& shape) const;
    // --body JSON, @FILE or @- (stdin), as a JSON object.
    QJsonObject body(bool required, const QString& name) const;
    // --limit, from 1 to `max`; `fallback` without it.
    int limit(int fallback, int max) const;

    static QPair<QString, QString> keyValue(const QString& text, const QString& option);
    // A Call command for one catalog operation.
    static Command request(Command command, const QString& operationId, Api::RequestSpec spec);
    static Api::RequestSpec onContact(const QString& contactId);

private:
    const QCommandLineParser& m_parser;
    const Options& m_options;
    QStringList m_words;
};

} // namespace ContactDesk::Cli
