// SIGKILL of a process running the inbox, the engine and the outbox worker at each point the
// issue names (before the inbox write commits, after it, once the event is applied, between the
// contact create and the task create, after a task create whose answer was lost), then a
// restart on the same cache: every contact once, every welcome task, task and note once.
#include "sandboxfixture.h"

#include "sandbox/faultinjector.h"
#include "sandbox/requestlog.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

constexpr int users = 12;

struct RunResult
{
    bool crashed = false;
    int exitCode = -1;
    QByteArray err;
};

RunResult runHelper(SandboxFixture& fx, const QString& database, const QString& events,
    const QString& killAt = {}, int killAfter = 1)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CONTACTDESK_BASE_URL"), fx.baseUrl().toString());
    environment.insert(QStringLiteral("CONTACTDESK_TOKEN"), fx.pit());
    environment.insert(QStringLiteral("CONTACTDESK_LOCATION"), fx.locationId());
    environment.insert(QStringLiteral("AUTOMATION_DB"), database);
    environment.insert(QStringLiteral("AUTOMATION_EVENTS"), events);
    environment.remove(QStringLiteral("AUTOMATION_KILL_AT"));
    if (!killAt.isEmpty()) {
        environment.insert(QStringLiteral("AUTOMATION_KILL_AT"), killAt);
        environment.insert(QStringLiteral("AUTOMATION_KILL_AFTER"), QString::number(killAfter));
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(CONTACTDESK_KILL_HELPER), {});
    // The sandbox answers from this thread: wait with the event loop running.
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(150000);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    RunResult result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "timed out";
        return result;
    }
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitCode();
    result.err = process.readAllStandardError();
    return result;
}

QString writeEvents(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    auto line = [&file](const QString& id, const QString& type, const QJsonObject& data) {
        file.write(
            QJsonDocument(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("type"), type},
                              {QStringLiteral("data"), data}})
                .toJson(QJsonDocument::Compact)
            + '\n');
    };
    for (int i = 0; i < users; ++i) {
        const QString user = QStringLiteral("u-%1").arg(i);
        line(QStringLiteral("msg_s%1").arg(i), QStringLiteral("user.signed_up"),
            {{QStringLiteral("id"), user},
                {QStringLiteral("email"), QStringLiteral("kill%1@example.com").arg(i)},
                {QStringLiteral("firstName"), QStringLiteral("Kill%1").arg(i)},
                {QStringLiteral("lastName"), QStringLiteral("Test")}});
        line(QStringLiteral("msg_t%1").arg(i), QStringLiteral("task.created"),
            {{QStringLiteral("userId"), user},
                {QStringLiteral("taskId"), QStringLiteral("t-%1").arg(i)},
                {QStringLiteral("title"), QStringLiteral("Onboarding call %1").arg(i)}});
        line(QStringLiteral("msg_n%1").arg(i), QStringLiteral("note.created"),
            {{QStringLiteral("userId"), user},
                {QStringLiteral("body"), QStringLiteral("Came from the spring campaign")}});
    }
    return path;
}

} // namespace

class TestAutomationKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killAndRestart_data();
    void killAndRestart();
};

void TestAutomationKill::killAndRestart_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("after");
    // The first event's task create is done on the server but its answer is lost.
    QTest::addColumn<bool>("loseTaskAnswer");

    QTest::newRow("before the inbox write commits")
        << QStringLiteral("inbox-before-commit") << 7 << false;
    QTest::newRow("after the inbox write") << QStringLiteral("inbox-after-commit") << 7 << false;
    QTest::newRow("event applied, nothing sent") << QStringLiteral("applied") << 5 << false;
    QTest::newRow("between the contact and the task")
        << QStringLiteral("contact-sent") << 4 << false;
    QTest::newRow("task created, answer lost") << QStringLiteral("task-unanswered") << 1 << true;
}

void TestAutomationKill::killAndRestart()
{
    QFETCH(QString, point);
    QFETCH(int, after);
    QFETCH(bool, loseTaskAnswer);

    SandboxFixture fx;
    QCOMPARE(
        fx.control("PUT", QStringLiteral("/__sandbox/settings"),
              QJsonObject {{QStringLiteral("rateLimit"),
                  QJsonObject {{QStringLiteral("count"), 0}, {QStringLiteral("windowMs"), 10000}}}})
            .status,
        200);
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("cache.sqlite"));
    const QString events = writeEvents(dir.filePath(QStringLiteral("events.ndjson")));
    QVERIFY(!events.isEmpty());
    if (loseTaskAnswer) {
        // Once the first contact is on the server, its task create is done there but the
        // connection closes before the answer (the sandbox's drop-after-commit fault).
        QObject::connect(&fx.server().requestLog(), &Sandbox::RequestLog::logged, &fx.server(),
            [&fx](const Sandbox::LoggedExchange& exchange) {
                if (exchange.operationId != QLatin1StringView("upsert-contact")
                    || !fx.server().faults().toJson().isEmpty())
                    return;
                const QString id = QJsonDocument::fromJson(exchange.responseBody)
                                       .object()
                                       .value(QStringLiteral("contact"))
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toString();
                fx.server().faults().add({{QStringLiteral("method"), QStringLiteral("POST")},
                    {QStringLiteral("path"), QStringLiteral("/contacts/%1/tasks").arg(id)},
                    {QStringLiteral("kind"), QStringLiteral("drop-after-commit")},
                    {QStringLiteral("count"), 1}});
            });
    }

    const RunResult killed = runHelper(fx, database, events, point, after);
    QVERIFY2(killed.crashed, killed.err.constData());
    QVERIFY2(killed.err.contains("killed at " + point.toUtf8()), killed.err.constData());
    fx.control("DELETE", QStringLiteral("/__sandbox/faults"));

    const RunResult restarted = runHelper(fx, database, events);
    QVERIFY2(!restarted.crashed && restarted.exitCode == 0, restarted.err.constData());

    // Every contact once, each with its welcome task, its task and its note once.
    QHash<QString, QString> byEmail;
    const auto& contacts = std::as_const(fx.data()).contacts();
    for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
        if (fx.data().deletedContacts().contains(it.key()))
            continue;
        const QString email = it->value(QStringLiteral("email")).toString();
        QVERIFY2(!byEmail.contains(email), qPrintable(QStringLiteral("twice: ") + email));
        byEmail.insert(email, it.key());
    }
    QCOMPARE(byEmail.size(), users);
    for (int i = 0; i < users; ++i) {
        const QString id = byEmail.value(QStringLiteral("kill%1@example.com").arg(i));
        QVERIFY2(!id.isEmpty(), qPrintable(QString::number(i)));
        QStringList titles;
        for (const QJsonObject& task : fx.data().tasks().value(id))
            titles.append(task.value(QStringLiteral("title")).toString());
        titles.sort();
        QCOMPARE(titles,
            (QStringList {QStringLiteral("Onboarding call %1").arg(i),
                QStringLiteral("Welcome Kill%1").arg(i)}));
        QCOMPARE(fx.data().notes().value(id).size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestAutomationKill)
#include "tst_automationkill.moc"
