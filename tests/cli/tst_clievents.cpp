// contactdesk-cli events push|list against a sandbox in this process: an event from the
// command line (--data, or an NDJSON --file) goes through the inbox and the default rules to
// the sandbox, the same ids pushed again change nothing, a file with one bad line stores
// nothing, and the event log lists what happened.
#include "clirun.h"
#include "sandboxfixture.h"

#include "sandbox/sandboxdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCliEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_fx = std::make_unique<SandboxFixture>(0);
    }

    void cleanup()
    {
        m_fx.reset();
        m_home.reset();
    }

    void pushDataMakesContactAndWelcomeTask()
    {
        const CliResult pushed = cli({QStringLiteral("events"), QStringLiteral("push"),
            QStringLiteral("--type"), QStringLiteral("user.signed_up"), QStringLiteral("--data"),
            QStringLiteral(
                R"({"id":"u-100","email":"ada@example.com","firstName":"Ada","lastName":"Lovelace"})")});
        QVERIFY2(pushed.finished && pushed.exitCode == 0, pushed.err.constData());
        const QJsonObject json = pushed.json().object();
        QCOMPARE(json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("stored")).toInt(), 1);
        const QJsonObject event = json.value(QStringLiteral("events")).toArray().first().toObject();
        QCOMPARE(event.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(event.value(QStringLiteral("userId")).toString(), QStringLiteral("u-100"));
        QCOMPARE(event.value(QStringLiteral("source")).toString(), QStringLiteral("cli"));

        const QStringList ids = contactsWithEmail("ada@example.com");
        QCOMPARE(ids.size(), 1);
        const QList<QJsonObject> tasks = m_fx->data().tasks().value(ids.first());
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(
            tasks.first().value(QStringLiteral("title")).toString(), QStringLiteral("Welcome Ada"));
    }

    void pushFileAppliesInOrderAndOnce()
    {
        const QString file = m_home->filePath(QStringLiteral("events.ndjson"));
        QVERIFY(writeFile(file,
            R"({"id":"e1","type":"user.signed_up","data":{"id":"u-200","email":"alan@example.com","firstName":"Alan"}})"
            "\n"
            "\n"
            R"({"id":"e2","type":"note.created","data":{"userId":"u-200","body":"Met at the conference"}})"
            "\n"));
        const QStringList words {
            QStringLiteral("events"), QStringLiteral("push"), QStringLiteral("--file"), file};
        const CliResult first = cli(words);
        QVERIFY2(first.finished && first.exitCode == 0, first.err.constData());
        QCOMPARE(first.json().object().value(QStringLiteral("applied")).toInt(), 2);
        const QStringList ids = contactsWithEmail("alan@example.com");
        QCOMPARE(ids.size(), 1);
        QCOMPARE(m_fx->data().notes().value(ids.first()).size(), 1);

        // The same ids again: acknowledged as duplicates, nothing new on the server.
        const CliResult again = cli(words);
        QVERIFY2(again.finished && again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().object().value(QStringLiteral("duplicates")).toInt(), 2);
        QCOMPARE(again.json().object().value(QStringLiteral("stored")).toInt(), 0);
        QCOMPARE(contactsWithEmail("alan@example.com").size(), 1);
        QCOMPARE(m_fx->data().notes().value(ids.first()).size(), 1);
        QCOMPARE(m_fx->data().tasks().value(ids.first()).size(), 1);

        const CliResult listed = cli({QStringLiteral("events"), QStringLiteral("list"),
            QStringLiteral("--status"), QStringLiteral("applied")});
        QVERIFY2(listed.finished && listed.exitCode == 0, listed.err.constData());
        const QJsonArray rows = listed.json().array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("note.created"));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("webhookId")).toString(),
            QStringLiteral("e1"));
        const CliResult dups = cli({QStringLiteral("events"), QStringLiteral("list"),
            QStringLiteral("--status"), QStringLiteral("duplicate"), QStringLiteral("--type"),
            QStringLiteral("note.created")});
        QCOMPARE(dups.json().array().size(), 1);
    }

    void aBadLineStoresNothing()
    {
        const QString file = m_home->filePath(QStringLiteral("bad.ndjson"));
        QVERIFY(writeFile(file,
            R"({"type":"user.signed_up","data":{"id":"u-300","email":"kat@example.com"}})"
            "\n"
            R"({"type":"task.created","data":{"userId":"u-300","taskId":"t1"}})"
            "\n"));
        const CliResult pushed = cli(
            {QStringLiteral("events"), QStringLiteral("push"), QStringLiteral("--file"), file});
        QVERIFY(pushed.finished);
        QCOMPARE(pushed.exitCode, 2);
        QVERIFY2(pushed.errText().contains(QStringLiteral("line 2: data.title: required")),
            pushed.err.constData());
        QVERIFY(contactsWithEmail("kat@example.com").isEmpty());
        const CliResult listed = cli({QStringLiteral("events"), QStringLiteral("list")});
        QCOMPARE(listed.json().array().size(), 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown type") << QStringList {QStringLiteral("events"),
            QStringLiteral("push"), QStringLiteral("--type"), QStringLiteral("user.signup"),
            QStringLiteral("--data"), QStringLiteral("{}")}
                                      << "unknown event type 'user.signup'";
        QTest::newRow("data not JSON") << QStringList {QStringLiteral("events"),
            QStringLiteral("push"), QStringLiteral("--type"), QStringLiteral("user.deleted"),
            QStringLiteral("--data"), QStringLiteral("{id")}
                                       << "--data must be a JSON object";
        QTest::newRow("schema") << QStringList {QStringLiteral("events"), QStringLiteral("push"),
            QStringLiteral("--type"), QStringLiteral("user.deleted"), QStringLiteral("--data"),
            QStringLiteral("{}")}
                                << "data.id: required";
        QTest::newRow("both forms") << QStringList {QStringLiteral("events"),
            QStringLiteral("push"), QStringLiteral("--type"), QStringLiteral("user.deleted"),
            QStringLiteral("--file"), QStringLiteral("x")}
                                    << "events push takes";
        QTest::newRow("bad status") << QStringList {QStringLiteral("events"),
            QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("done")}
                                    << "--status takes";
    }

    void usageErrors()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, message);
        const CliResult result = cli(words);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.errText().contains(message), result.err.constData());
    }

private:
    CliResult cli(const QStringList& words) const
    {
        return runCli(QStringList {QStringLiteral("--base-url"), m_fx->baseUrl().toString(),
                          QStringLiteral("--token"), m_fx->pit(), QStringLiteral("--location"),
                          m_fx->locationId()}
                + words,
            m_home->path());
    }

    QStringList contactsWithEmail(const char* email) const
    {
        QStringList ids;
        for (auto it = m_fx->data().contacts().cbegin(); it != m_fx->data().contacts().cend();
             ++it) {
            if (m_fx->data().liveContact(it.key())
                && it.value().value(QStringLiteral("email")).toString() == QLatin1StringView(email))
                ids.append(it.key());
        }
        return ids;
    }

    std::unique_ptr<SandboxFixture> m_fx;
    std::unique_ptr<QTemporaryDir> m_home;
};

QTEST_GUILESS_MAIN(TestCliEvents)
#include "tst_clievents.moc"
