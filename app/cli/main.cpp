// contactdesk-cli: the Contacts API from the command line, against HighLevel or a sandbox.
// Parsing starts in clicommands.cpp, running in clirunner.cpp, and each verb group has its own
// file (contactverbs.cpp, connectionverbs.cpp, ...); this only wires them up.
#include "clicommands.h"
#include "clirunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("contactdesk-cli"));
    const ContactDesk::Cli::ParseResult parsed = ContactDesk::Cli::parseCommandLine(
        QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    // stderr is for the one-line error and --verbose; QT_LOGGING_RULES can still turn these on.
    // The keychain's and the settings' own warnings repeat what that line says, in more detail.
    QString rules = QStringLiteral("contactdesk.*.debug=false\ncontactdesk.*.info=false");
    if (!parsed.command || !parsed.command->verbose)
        rules += QStringLiteral("\ncontactdesk.auth.warning=false");
    QLoggingCategory::setFilterRules(rules);
    if (!parsed.command) {
        std::fprintf(stderr, "contactdesk-cli: %s (see contactdesk-cli --help)\n",
            qPrintable(parsed.usageError));
        return ContactDesk::Cli::ExitUsage;
    }
    ContactDesk::Cli::CliRunner runner;
    return runner.run(*parsed.command);
}
