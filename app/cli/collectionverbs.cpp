// collection: the whole endpoint catalog as a Postman collection v2.1 (or, with --har, a HAR
// 1.2 log of its requests), for a user who starts in Postman, Bruno or Insomnia. Nothing is
// sent and no token is written: ids and the token are variables the user fills in.
#include "clioutput.h"
#include "cliparser.h"
#include "verbs.h"

#include "auth/oauthflow.h"
#include "inspector/exchangeexport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// Fills in the collection variables the command line knows.
void setVariable(QJsonObject& collection, const QString& key, const QString& value)
{
    if (value.isEmpty())
        return;
    QJsonArray variables = collection.value(QStringLiteral("variable")).toArray();
    for (qsizetype i = 0; i < variables.size(); ++i) {
        QJsonObject variable = variables.at(i).toObject();
        if (variable.value(QStringLiteral("key")).toString() == key) {
            variable.insert(QStringLiteral("value"), value);
            variables.replace(i, variable);
        }
    }
    collection.insert(QStringLiteral("variable"), variables);
}

} // namespace

Command parseCollection(VerbParser& words, Command command)
{
    words.allowOnly(QStringLiteral("collection"), {});
    words.expectArguments(QStringLiteral("collection"), 0,
        QStringLiteral("[--har [FILE]] [--base-url URL] [--location ID] [--company-id ID]"));
    const Options& options = words.options();
    for (const QCommandLineOption* refused :
        {&options.token, &options.sandbox, &options.connection, &options.adminKey, &options.data}) {
        if (words.isSet(*refused))
            usage(QStringLiteral("--%1 does not apply to collection: it sends nothing and "
                                 "never holds a token")
                      .arg(refused->names().first()));
    }
    command.action = Action::Collection;
    if (words.isSet(options.har)) {
        command.collectionHar = true;
        const QString file = words.value(options.har);
        if (file != L("-"))
            command.collectionFile = QFileInfo(file).absoluteFilePath();
    }
    const QString base = words.isSet(options.baseUrl) ? words.value(options.baseUrl)
                                                      : QString(Auth::OAuthWire::productionApiBase);
    command.collectionBaseUrl = QUrl(base, QUrl::StrictMode);
    const QString scheme = command.collectionBaseUrl.scheme();
    if (!command.collectionBaseUrl.isValid() || command.collectionBaseUrl.host().isEmpty()
        || (scheme != L("http") && scheme != L("https")))
        usage(QStringLiteral("--base-url must be an http or https URL, got \"%1\"").arg(base));
    command.target.locationId = words.value(options.location);
    command.target.companyId = words.value(options.companyId);
    return command;
}

int runCollection(const Command& command)
{
    QJsonObject document;
    if (command.collectionHar) {
        document = Inspector::catalogHar(command.collectionBaseUrl);
    } else {
        document = Inspector::catalogCollection(command.collectionBaseUrl);
        setVariable(document, QStringLiteral("locationId"), command.target.locationId);
        setVariable(document, QStringLiteral("companyId"), command.target.companyId);
    }
    const QByteArray text = indented(document);
    if (command.collectionFile.isEmpty()) {
        writeOut(text);
        return ExitOk;
    }
    QSaveFile file(command.collectionFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        writeErr(QStringLiteral("contactdesk-cli: cannot write %1: %2\n")
                     .arg(command.collectionFile, file.errorString()));
        return ExitApiError;
    }
    return ExitOk;
}

} // namespace ContactDesk::Cli
