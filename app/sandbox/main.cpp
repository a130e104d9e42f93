// contactdesk-sandbox: the local HighLevel fake as a standalone server for curl, other SDKs and
// benchmarks. Prints one JSON line with its connection details when ready; serves until
// SIGINT or SIGTERM.
#include "common/clock.h"
#include "common/version.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

int fail(const QString& message)
{
    std::fprintf(stderr, "contactdesk-sandbox: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("contactdesk-sandbox"));
    QCoreApplication::setApplicationVersion(ContactDesk::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A local HighLevel Contacts API v2 and OAuth "
                                                    "server on 127.0.0.1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("Port to listen on (0 picks a free one)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption seedContacts(QStringLiteral("seed-contacts"),
        QStringLiteral("Seed N demo contacts."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
        QStringLiteral("Burst limit as COUNT/MILLISECONDS "
                       "(0/1 turns it off)."),
        QStringLiteral("COUNT/MILLISECONDS"));
    const QCommandLineOption dailyLimit(QStringLiteral("daily-limit"),
        QStringLiteral("Requests per day (0 turns it off)."), QStringLiteral("N"));
    const QCommandLineOption dataFile(QStringLiteral("data"),
        QStringLiteral("Keep the state in FILE across restarts."), QStringLiteral("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Random seed for ids and credentials."), QStringLiteral("N"));
    const QCommandLineOption webhookUrl(QStringLiteral("webhook-url"),
        QStringLiteral("Deliver signed HighLevel webhooks for every change to URL."),
        QStringLiteral("URL"));
    const QCommandLineOption webhookRetry(QStringLiteral("webhook-retry-ms"),
        QStringLiteral("Retry a webhook answered 429 after N ms (default 600000, as live)."),
        QStringLiteral("N"));
    parser.addOptions(
        {port, seedContacts, rateLimit, dailyLimit, dataFile, seed, webhookUrl, webhookRetry});
    parser.process(app);

    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return fail(QStringLiteral("--port takes a number from 0 to 65535"));
    const int contacts = parser.value(seedContacts).toInt(&ok);
    if (!ok || contacts < 0)
        return fail(QStringLiteral("--seed-contacts takes a number of contacts"));
    const quint64 randomSeed = parser.isSet(seed) ? parser.value(seed).toULongLong(&ok)
                                                  : QRandomGenerator::system()->generate64();
    if (!ok)
        return fail(QStringLiteral("--seed takes a number"));

    ContactDesk::SystemClock clock;
    ContactDesk::Sandbox::SandboxServer server(clock, randomSeed);
    QString error;
    if (parser.isSet(dataFile) && !server.useDataFile(parser.value(dataFile), &error))
        return fail(error);

    QJsonObject settings;
    if (parser.isSet(rateLimit)) {
        const QStringList parts = parser.value(rateLimit).split(u'/');
        bool countOk = false;
        bool windowOk = false;
        const int count = parts.value(0).toInt(&countOk);
        const qint64 window = parts.value(1).toLongLong(&windowOk);
        if (parts.size() != 2 || !countOk || !windowOk)
            return fail(QStringLiteral("--rate-limit takes COUNT/MILLISECONDS, e.g. 100/10000"));
        settings.insert(QStringLiteral("rateLimit"),
            QJsonObject {{QStringLiteral("count"), count}, {QStringLiteral("windowMs"), window}});
    }
    if (parser.isSet(dailyLimit)) {
        const qint64 limit = parser.value(dailyLimit).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--daily-limit takes a number"));
        settings.insert(QStringLiteral("dailyLimit"), limit);
    }
    if (const QString problem = server.data().settings().apply(settings); !problem.isEmpty())
        return fail(problem);
    QJsonObject webhooks;
    if (parser.isSet(webhookUrl))
        webhooks.insert(QStringLiteral("url"), parser.value(webhookUrl));
    if (parser.isSet(webhookRetry)) {
        const qint64 interval = parser.value(webhookRetry).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--webhook-retry-ms takes a number of milliseconds"));
        webhooks.insert(QStringLiteral("retryIntervalMs"), interval);
    }
    if (const QString problem = server.webhooks().configure(webhooks); !problem.isEmpty())
        return fail(problem);
    if (contacts > 0)
        server.seed(contacts, randomSeed);

    if (!server.listenLocal(quint16(portNumber)))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(portNumber));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QStringLiteral("cannot set up signal handling"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    const QByteArray ready = QJsonDocument(server.connectionInfo()).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", ready.constData());
    std::fflush(stdout);
    return app.exec();
}
