// serve: the receiver of Your App's events and the rules, without a display, for a server next
// to Your App (packaging/contactdesk-cli-serve.service runs it under systemd). Prints one JSON
// line {"listening": "http://HOST:PORT"} on stdout once events can come, and stops cleanly on
// SIGTERM or SIGINT. HighLevel's webhooks come in on the same server (/hooks/highlevel).
#include "clioutput.h"
#include "cliparser.h"
#include "clisession.h"
#include "verbs.h"

#include "auth/keychainsecretstore.h"
#include "automation/automationengine.h"
#include "automation/eventreceiver.h"
#include "automation/inbox.h"
#include "automation/signingsecret.h"
#include "automation/standardwebhooks.h"
#include "common/clock.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxserver.h"
#include "sync/outboxworker.h"
#include "sync/workspace.h"
#include "webhooks/changefeed.h"
#include "webhooks/feeddevices.h"
#include "webhooks/streamroute.h"
#include "webhooks/webhookintake.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ContactDesk::Cli {

namespace {

using L = QLatin1StringView;

// The write end of the pair the signal handler wakes the event loop through: a handler may
// only do async-signal-safe things, and write(2) is one.
int signalFd = -1;

void onStopSignal(int)
{
    const char byte = 1;
    if (::write(signalFd, &byte, 1) < 0) { }
}

// SIGTERM and SIGINT end `loop` (through a socket pair, read on the loop's own thread).
class StopSignals
{
public:
    explicit StopSignals(QEventLoop& loop)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, m_fds) != 0)
            return;
        signalFd = m_fds[0];
        m_notifier = std::make_unique<QSocketNotifier>(m_fds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &loop, [this, &loop] {
            char byte = 0;
            if (::read(m_fds[1], &byte, 1) < 0) { }
            loop.quit();
        });
        struct sigaction action = {};
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &action, nullptr);
        sigaction(SIGINT, &action, nullptr);
    }

    ~StopSignals()
    {
        std::signal(SIGTERM, SIG_DFL);
        std::signal(SIGINT, SIG_DFL);
        m_notifier.reset();
        if (m_fds[0] >= 0) {
            ::close(m_fds[0]);
            ::close(m_fds[1]);
        }
        signalFd = -1;
    }

    bool ok() const { return m_notifier != nullptr; }

private:
    int m_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

// The whsec_ secret: --secret-file, else systemd's credential, else the saved connection's
// keychain entry. Empty with the one-line error printed when there is none.
QString signingSecret(CliSession& session, const Command& command)
{
    QString error;
    if (!command.secretFile.isEmpty()) {
        if (std::optional<QString> secret
            = Automation::readSigningSecretFile(command.secretFile, &error))
            return *secret;
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return {};
    }
    const std::optional<QString> credential
        = Automation::readSigningSecretCredential(QProcessEnvironment::systemEnvironment(),
            QString::fromLatin1(Automation::eventSecretCredential), &error);
    if (credential)
        return *credential;
    if (!error.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return {};
    }
    if (command.target.saved) {
        QString secret;
        waitFor([&](auto done) {
            Automation::readStoredSigningSecret(session.secretStore(command.keychainService),
                command.target.connectionId,
                [&, done](const QString& value, const QString& readError) {
                    secret = value;
                    error = readError;
                    done();
                });
        });
        if (!secret.isEmpty())
            return secret;
        if (!error.isEmpty()) {
            writeErr(QStringLiteral("contactdesk-cli: the keychain did not give the event "
                                    "signing secret: %1\n")
                         .arg(error));
            return {};
        }
    }
    writeErr(QStringLiteral("contactdesk-cli: serve needs the whsec_ signing secret: --secret-file "
                            "FILE (readable by its owner only), $CREDENTIALS_DIRECTORY/%1, or one "
                            "made in the app's Automations window for this connection\n")
                 .arg(QString::fromLatin1(Automation::eventSecretCredential)));
    return {};
}

// HighLevel's webhooks: a sandbox (embedded, or external with its admin key) gives its keys and
// is told to deliver here; otherwise the --webhook-public-key files. Without any, deliveries
// are refused with how to configure one (printed once here too). False after the one-line
// error when a key file does not load.
bool setUpWebhooks(CliSession& session, const Command& command, Webhooks::WebhookIntake& intake,
    const QUrl& receiverUrl)
{
    intake.setKeyHint(QStringLiteral("start serve with --webhook-public-key FILE (HighLevel's "
                                     "public key, PEM; twice for the RSA and the Ed25519 key)"));
    if (!command.webhookKeyFiles.isEmpty()) {
        Webhooks::HighLevelVerifier verifier;
        for (const QString& path : command.webhookKeyFiles) {
            QString error;
            const Webhooks::PublicKey key = Webhooks::PublicKey::fromPemFile(path, &error);
            if (key.kind() == Webhooks::PublicKey::Kind::Rsa)
                verifier.setRsaKey(key);
            else if (key.kind() == Webhooks::PublicKey::Kind::Ed25519)
                verifier.setEd25519Key(key);
            else {
                writeErr(QStringLiteral("contactdesk-cli: --webhook-public-key %1: %2\n")
                             .arg(path, error));
                return false;
            }
        }
        intake.useVerifier(verifier, Webhooks::WebhookKeySource::Files);
        return true;
    }
    QUrl sandboxUrl;
    QString adminKey;
    if (Sandbox::SandboxServer* sandbox = session.sandbox()) {
        sandboxUrl = sandbox->baseUrl();
        adminKey = sandbox->data().adminKey();
    } else if (!command.target.sandboxAdminKey.isEmpty()) {
        sandboxUrl = command.target.baseUrl;
        adminKey = command.target.sandboxAdminKey;
    }
    if (sandboxUrl.isEmpty()) {
        writeErr(QStringLiteral("contactdesk-cli: warning: %1\n").arg(intake.keyProblem()));
        return true;
    }
    QString linkError;
    waitFor([&](auto done) {
        intake.linkSandbox(
            session.network(), sandboxUrl, adminKey, receiverUrl, [&, done](const QString& error) {
                linkError = error;
                done();
            });
    });
    if (!linkError.isEmpty())
        writeErr(QStringLiteral("contactdesk-cli: warning: the sandbox does not send its "
                                "webhooks here: %1\n")
                     .arg(linkError));
    return true;
}

} // namespace

Command parseServe(VerbParser& parser, Command command)
{
    const Options& options = parser.options();
    parser.allowOnly(QStringLiteral("serve"),
        {&options.listen, &options.secretFile, &options.rules, &options.webhookKey,
            &options.forwardUrl, &options.forwardSecretFile, &options.forwardEvents});
    parser.expectArguments(QStringLiteral("serve"), 0,
        QStringLiteral("[--listen HOST:PORT] [--secret-file FILE] [--rules FILE] "
                       "[--webhook-public-key FILE] [--forward-url URL --forward-secret-file FILE "
                       "[--forward-events LIST]]"));
    command.action = Action::Serve;
    if (parser.isSet(options.listen)) {
        const QString text = parser.value(options.listen);
        const QUrl url(QStringLiteral("http://") + text, QUrl::StrictMode);
        QString host = url.host();
        if (host == L("localhost"))
            host = QStringLiteral("127.0.0.1");
        if (!url.isValid() || url.port() < 0 || QHostAddress(host).isNull()
            || !url.path().isEmpty())
            usage(QStringLiteral("--listen takes an IP address and a port, such as 127.0.0.1:8089, "
                                 "got \"%1\"")
                      .arg(text));
        command.listenAddress = host;
        command.listenPort = quint16(url.port());
    }
    if (parser.isSet(options.secretFile)) {
        if (parser.value(options.secretFile).isEmpty())
            usage(QStringLiteral("--secret-file needs a file name"));
        command.secretFile = QFileInfo(parser.value(options.secretFile)).absoluteFilePath();
    }
    if (parser.isSet(options.rules))
        command.rulesFile = QFileInfo(parser.value(options.rules)).absoluteFilePath();
    const QStringList keys = parser.values(options.webhookKey);
    if (keys.size() > 2 || keys.contains(QString()))
        usage(QStringLiteral("--webhook-public-key takes a PEM file, at most twice (the RSA and "
                             "the Ed25519 key)"));
    for (const QString& key : keys)
        command.webhookKeyFiles.append(QFileInfo(key).absoluteFilePath());
    parseServeForwarding(parser, command);
    return command;
}

int runServe(CliSession& session, const Command& command, Sync::Workspace& workspace)
{
    const QString secret = signingSecret(session, command);
    if (secret.isEmpty())
        return ExitUsage;
    QString error;
    const std::optional<QByteArray> key = Automation::decodeSigningSecret(secret, &error);
    if (!key)
        return usageFailure(error);
    const std::optional<Automation::RuleSet> rules = loadRules(command, workspace);
    if (!rules)
        return ExitUsage;

    Automation::Inbox inbox(workspace.database(), session.clock());
    Automation::AutomationEngine engine(workspace, inbox, session.clock());
    engine.setRules(*rules);
    Automation::EventReceiver receiver(inbox, session.clock());
    receiver.setSigningKey(*key);
    Webhooks::WebhookIntake webhooks(workspace, session.clock());
    webhooks.install(receiver);
    int forwardExit = ExitOk;
    const std::unique_ptr<QObject> forwarding
        = startServeForwarding(session, command, workspace, webhooks, &forwardExit);
    if (forwardExit != ExitOk)
        return forwardExit;
    Automation::ReceiverOptions options;
    options.address = QHostAddress(command.listenAddress);
    options.port = command.listenPort;
    if (!options.address.isLoopback())
        writeErr(QStringLiteral("contactdesk-cli: warning: listening on %1, not only on this "
                                "machine; anyone who can reach it may try to send events\n")
                     .arg(command.listenAddress));

    // The change feed of the webhooks accepted here, for the devices of `serve devices add`.
    Webhooks::ChangeFeed feed(workspace.database());
    Webhooks::FeedDevices devices(workspace.database());
    Webhooks::StreamRoute stream(feed, devices);
    stream.install(receiver);
    QTimer pruneFeed;
    pruneFeed.setInterval(3600 * 1000);
    QObject::connect(&pruneFeed, &QTimer::timeout, &pruneFeed, [&feed, &session] {
        feed.prune(session.clock().nowMs() - Webhooks::ChangeFeed::retentionMs);
    });
    feed.prune(session.clock().nowMs() - Webhooks::ChangeFeed::retentionMs);
    pruneFeed.start();

    QEventLoop loop;
    StopSignals stop(loop);
    if (!stop.ok())
        return usageFailure(QStringLiteral("cannot watch for SIGTERM"));
    if (!receiver.listen(options, &error)) {
        writeErr(QStringLiteral("contactdesk-cli: %1\n").arg(error));
        return ExitNetwork;
    }
    if (!setUpWebhooks(session, command, webhooks, receiver.url())) {
        receiver.close();
        return ExitUsage;
    }
    QObject::connect(&receiver, &Automation::EventReceiver::requestAnswered, &loop,
        [&command, &stream](int status, const QString& reason) {
            // A webhook accepted on /hooks/highlevel goes to the open streams at once.
            if (status == 200)
                stream.notify();
            if (command.verbose || status >= 400)
                writeErr(QStringLiteral("contactdesk-cli: %1 %2\n").arg(status).arg(reason));
        });
    QObject::connect(&engine, &Automation::AutomationEngine::eventFailed, &loop,
        [](qint64 seq, const QString& reason) {
            writeErr(QStringLiteral("contactdesk-cli: event %1 failed: %2\n").arg(seq).arg(reason));
        });
    Sync::OutboxWorker& worker = workspace.outboxWorker();
    QObject::connect(&worker, &Sync::OutboxWorker::pausedForSignIn, &loop, [](const QString& why) {
        writeErr(QStringLiteral("contactdesk-cli: sending paused: %1\n").arg(why));
    });
    engine.start();
    worker.start();
    writeOut(compact({{QStringLiteral("listening"), receiver.url().toString()}}) + '\n');
    loop.exec();

    // Answers for what was received, then no new work; an item on its way is the outbox's to
    // settle at the next start, exactly once.
    stream.closeAll();
    receiver.close();
    engine.stop();
    worker.stop();
    writeErr(QStringLiteral("contactdesk-cli: stopped\n"));
    return ExitOk;
}

} // namespace ContactDesk::Cli
