// The data-layer commands of the built contactdesk-cli against its embedded sandbox kept in a
// --data file: sync (progress on stderr, JSON on stdout), search and cache stats over the cache,
// outbox list|retry|discard, trash list|restore, a corrupt cache moved aside and rebuilt from the
// server, and their exit codes.
#include "clirun.h"

#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "store/localedits.h"
#include "store/outbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

QJsonObject object(const CliResult& result)
{
    return result.json().object();
}

QJsonArray array(const CliResult& result)
{
    return result.json().array();
}

QString describe(const CliResult& result)
{
    return QStringLiteral("exit %1, stdout %2, stderr %3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out), result.errText());
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void syncPrintsProgressAndJson();
    void searchAndStatsReadTheCache();
    void outboxListRetryDiscard();
    void trashListAndRestore();
    void corruptCacheIsMovedAsideAndRebuilt();
    void throwAwaySandboxCacheIsTemporary();
    void unreachableTargetExitsWithNetworkError();
    void usageErrors_data();
    void usageErrors();

private:
    // The CLI against the embedded sandbox kept in this test's data file.
    CliResult cli(QStringList arguments);
    // The cache file of that sandbox, opened here while no CLI runs.
    std::unique_ptr<Store::Database> openCache();

    std::unique_ptr<QTemporaryDir> m_home;
    QString m_dataFile;
    SystemClock m_clock;
};

void TestSyncCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_dataFile = m_home->filePath(QStringLiteral("sandbox.json"));
}

void TestSyncCli::cleanup()
{
    m_home.reset();
}

CliResult TestSyncCli::cli(QStringList arguments)
{
    arguments.prepend(m_dataFile);
    arguments.prepend(QStringLiteral("--data"));
    arguments.prepend(QStringLiteral("--sandbox"));
    return runCli(arguments, m_home->path());
}

std::unique_ptr<Store::Database> TestSyncCli::openCache()
{
    const CliResult stats = cli({QStringLiteral("cache"), QStringLiteral("stats")});
    const QString path = object(stats).value(QStringLiteral("path")).toString();
    if (!path.startsWith(m_home->path()))
        qWarning("the cache is not under the test's XDG_DATA_HOME: %s", qPrintable(path));
    auto db = std::make_unique<Store::Database>(path, m_clock);
    if (!db->open().ok)
        qWarning("the cache did not open");
    return db;
}

void TestSyncCli::syncPrintsProgressAndJson()
{
    const CliResult first = cli({QStringLiteral("sync")});
    QVERIFY2(first.finished && first.exitCode == 0, qPrintable(describe(first)));
    const QJsonObject json = object(first);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
    QCOMPARE(
        json.value(QStringLiteral("cache")).toObject().value(QStringLiteral("contacts")).toInt(),
        50);
    QVERIFY(json.value(QStringLiteral("pages")).toInt() >= 1);
    // The location's lists come along with the contacts.
    QCOMPARE(json.value(QStringLiteral("locationLists")).toObject(),
        QJsonObject({{QStringLiteral("customFields"), 14}, {QStringLiteral("tags"), 15},
            {QStringLiteral("users"), 5}, {QStringLiteral("calendars"), 3}}));
    QCOMPARE(
        json.value(QStringLiteral("outbox")).toObject().value(QStringLiteral("waiting")).toInt(),
        0);
    // Progress on stderr, not mixed into the JSON.
    const QStringList lines = first.errLines();
    QVERIFY2(!lines.isEmpty(), qPrintable(first.errText()));
    QVERIFY2(
        lines.constLast().startsWith(QStringLiteral("sync (full): ")), qPrintable(first.errText()));
    QVERIFY2(lines.constLast().contains(QStringLiteral("of 50 contacts"))
            || lines.constLast().contains(QStringLiteral("of 51 contacts")),
        qPrintable(first.errText()));

    // The sandbox and its cache persisted: the next sync is incremental.
    const CliResult second = cli({QStringLiteral("sync"), QStringLiteral("--reconcile")});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    QCOMPARE(
        object(second).value(QStringLiteral("kind")).toString(), QStringLiteral("incremental"));
    QCOMPARE(object(second).value(QStringLiteral("reconciled")).toBool(), true);
    QCOMPARE(object(second).value(QStringLiteral("removed")).toInt(), 0);
}

void TestSyncCli::searchAndStatsReadTheCache()
{
    const CliResult empty = cli({QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(object(empty).value(QStringLiteral("contacts")).toInt(), 0);
    QCOMPARE(object(empty).value(QStringLiteral("fullSyncComplete")).toBool(), false);
    QVERIFY(object(empty)
                .value(QStringLiteral("path"))
                .toString()
                .startsWith(m_home->filePath(
                    QStringLiteral("data/ContactDesk/ContactDesk/connections/sandbox-"))));

    QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
    const CliResult stats = cli({QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(stats.exitCode, 0);
    const QJsonObject json = object(stats);
    QCOMPARE(json.value(QStringLiteral("contacts")).toInt(), 50);
    QCOMPARE(json.value(QStringLiteral("fullSyncComplete")).toBool(), true);
    QCOMPARE(
        json.value(QStringLiteral("schemaVersion")).toInt(), Store::Database::currentSchemaVersion);
    QCOMPARE(
        json.value(QStringLiteral("outbox")).toObject().value(QStringLiteral("pending")).toInt(),
        0);
    QVERIFY(!json.value(QStringLiteral("lastFullSync")).toString().isEmpty());

    // Search by a prefix of a cached contact's last name and of its e-mail.
    Api::Contact someone;
    {
        const auto db = openCache();
        Store::ContactCache cache(*db);
        for (const QString& id : cache.allServerIds()) {
            const auto contact = cache.contact(id);
            if (contact && contact->lastName.size() >= 4 && !contact->email.isEmpty()) {
                someone = *contact;
                break;
            }
        }
    }
    QVERIFY(!someone.id.isEmpty());
    const CliResult byName = cli({QStringLiteral("search"), someone.lastName.left(4).toLower()});
    QCOMPARE(byName.exitCode, 0);
    QStringList ids;
    for (const QJsonValue& match : array(byName))
        ids.append(match.toObject().value(QStringLiteral("id")).toString());
    QVERIFY2(ids.contains(someone.id), qPrintable(QString::fromUtf8(byName.out)));
    const CliResult byEmail = cli(
        {QStringLiteral("search"), someone.email, QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(byEmail.exitCode, 0);
    QCOMPARE(array(byEmail).size(), 1);
    const QJsonObject match = array(byEmail).first().toObject();
    QCOMPARE(match.value(QStringLiteral("id")).toString(), someone.id);
    QCOMPARE(match.value(QStringLiteral("email")).toString(), someone.email);
    QCOMPARE(match.value(QStringLiteral("status")).toString(), QStringLiteral("synced"));

    const CliResult none = cli({QStringLiteral("search"), QStringLiteral("zzqxnomatch")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(array(none).size(), 0);
}

void TestSyncCli::outboxListRetryDiscard()
{
    QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
    QString good;
    QString bad;
    {
        const auto db = openCache();
        Store::ContactCache cache(*db);
        const QStringList ids = cache.allServerIds();
        good = ids.at(0);
        bad = ids.at(1);
        Store::LocalEdits edits(*db);
        QCOMPARE(edits.updateContact(
                     good, QJsonObject {{QStringLiteral("city"), QStringLiteral("Aarhus")}}),
            Store::EditOutcome::Saved);
        QCOMPARE(edits.updateContact(
                     bad, QJsonObject {{QStringLiteral("email"), QStringLiteral("no address")}}),
            Store::EditOutcome::Saved);
    }
    const CliResult listed = cli({QStringLiteral("outbox"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(array(listed).size(), 2);
    QCOMPARE(array(listed).at(0).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("queued"));
    QCOMPARE(array(listed).at(0).toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("updateContact"));

    // One edit lands, the other is refused with the server's words and stays listed.
    const CliResult synced = cli({QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(describe(synced)));
    const QJsonObject outbox = object(synced).value(QStringLiteral("outbox")).toObject();
    QCOMPARE(outbox.value(QStringLiteral("sent")).toInt(), 1);
    QCOMPARE(outbox.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(outbox.value(QStringLiteral("waiting")).toInt(), 1);
    QVERIFY2(
        synced.errText().contains(QStringLiteral("outbox list")), qPrintable(synced.errText()));
    const CliResult failed = cli({QStringLiteral("outbox"), QStringLiteral("list")});
    QCOMPARE(array(failed).size(), 1);
    const QJsonObject item = array(failed).first().toObject();
    QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(item.value(QStringLiteral("contactId")).toString(), bad);
    QVERIFY2(item.value(QStringLiteral("lastError"))
                 .toString()
                 .contains(QStringLiteral("email must be an email")),
        qPrintable(QString::fromUtf8(failed.out)));
    const QString itemId = QString::number(item.value(QStringLiteral("id")).toInteger());

    const CliResult retried = cli({QStringLiteral("outbox"), QStringLiteral("retry"), itemId});
    QCOMPARE(retried.exitCode, 0);
    QCOMPARE(object(retried).value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
    QCOMPARE(
        cli({QStringLiteral("outbox"), QStringLiteral("retry"), QStringLiteral("9999")}).exitCode,
        2);

    const CliResult discarded = cli({QStringLiteral("outbox"), QStringLiteral("discard"), itemId});
    QCOMPARE(discarded.exitCode, 0);
    QCOMPARE(object(discarded).value(QStringLiteral("discarded")).toInteger(), itemId.toLongLong());
    QCOMPARE(array(cli({QStringLiteral("outbox"), QStringLiteral("list")})).size(), 0);
    QCOMPARE(cli({QStringLiteral("outbox"), QStringLiteral("discard"), itemId}).exitCode, 2);

    // The good edit is on the server: a fresh sync brings it back as the server has it.
    const CliResult again = cli({QStringLiteral("sync")});
    QCOMPARE(again.exitCode, 0);
    const auto db = openCache();
    Store::ContactCache cache(*db);
    QCOMPARE(cache.contact(good)->city, QStringLiteral("Aarhus"));
    QVERIFY(cache.contact(bad)->email != QStringLiteral("no address"));
}

void TestSyncCli::trashListAndRestore()
{
    QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
    Api::Contact deleted;
    {
        const auto db = openCache();
        Store::ContactCache cache(*db);
        for (const QString& id : cache.allServerIds()) {
            const auto contact = cache.contact(id);
            if (contact && !contact->email.isEmpty()) {
                deleted = *contact;
                break;
            }
        }
        Store::LocalEdits edits(*db);
        QCOMPARE(edits.deleteContact(deleted.id), Store::EditOutcome::Saved);
    }
    const CliResult listed = cli({QStringLiteral("trash"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(array(listed).size(), 1);
    const QJsonObject entry = array(listed).first().toObject();
    QCOMPARE(entry.value(QStringLiteral("contactId")).toString(), deleted.id);
    QCOMPARE(entry.value(QStringLiteral("email")).toString(), deleted.email);
    const QString trashId = QString::number(entry.value(QStringLiteral("id")).toInteger());

    // The delete reaches the server.
    const CliResult synced = cli({QStringLiteral("sync")});
    QCOMPARE(object(synced)
                 .value(QStringLiteral("outbox"))
                 .toObject()
                 .value(QStringLiteral("sent"))
                 .toInt(),
        1);
    QCOMPARE(object(synced)
                 .value(QStringLiteral("cache"))
                 .toObject()
                 .value(QStringLiteral("contacts"))
                 .toInt(),
        49);

    const CliResult restored = cli({QStringLiteral("trash"), QStringLiteral("restore"), trashId});
    QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
    const QString restoredAs = object(restored).value(QStringLiteral("restoredAs")).toString();
    QVERIFY(restoredAs.startsWith(QStringLiteral("local-")));
    QCOMPARE(cli({QStringLiteral("trash"), QStringLiteral("restore"), trashId}).exitCode, 1);
    QCOMPARE(
        cli({QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("777")}).exitCode,
        2);

    // The next sync re-creates it on the server under a new id.
    const CliResult recreated = cli({QStringLiteral("sync")});
    QVERIFY2(recreated.exitCode == 0, qPrintable(describe(recreated)));
    QVERIFY(object(recreated)
                .value(QStringLiteral("outbox"))
                .toObject()
                .value(QStringLiteral("sent"))
                .toInt()
        >= 1);
    const CliResult found = cli({QStringLiteral("search"), deleted.email});
    QCOMPARE(array(found).size(), 1);
    const QString newId = array(found).first().toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!newId.startsWith(QStringLiteral("local-")));
    QVERIFY(newId != deleted.id);
    QCOMPARE(array(cli({QStringLiteral("trash"), QStringLiteral("list")}))
                 .first()
                 .toObject()
                 .value(QStringLiteral("restoredAs"))
                 .toString(),
        newId);
}

void TestSyncCli::corruptCacheIsMovedAsideAndRebuilt()
{
    QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
    const QString path = object(cli({QStringLiteral("cache"), QStringLiteral("stats")}))
                             .value(QStringLiteral("path"))
                             .toString();
    QVERIFY(QFile::exists(path));
    const QByteArray garbage = QByteArray("not a contact cache\n").repeated(500);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
    }

    // The next run says so on stderr, keeps the damaged file, and fetches everything again.
    const CliResult rebuilt = cli({QStringLiteral("sync")});
    QVERIFY2(rebuilt.exitCode == 0, qPrintable(describe(rebuilt)));
    QCOMPARE(object(rebuilt).value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
    QCOMPARE(object(rebuilt)
                 .value(QStringLiteral("cache"))
                 .toObject()
                 .value(QStringLiteral("contacts"))
                 .toInt(),
        50);
    const QStringList aside
        = QDir(QFileInfo(path).path())
              .entryList({QFileInfo(path).fileName() + QStringLiteral(".broken-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(rebuilt.errText().contains(aside.constFirst()), qPrintable(rebuilt.errText()));
    QFile moved(QFileInfo(path).dir().filePath(aside.constFirst()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), garbage);
    const CliResult stats = cli({QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(object(stats).value(QStringLiteral("fullSyncComplete")).toBool(), true);
    QVERIFY(!stats.errText().contains(QStringLiteral("broken")));
}

void TestSyncCli::throwAwaySandboxCacheIsTemporary()
{
    // Without --data the embedded sandbox is new every run; its cache leaves nothing behind.
    const CliResult synced
        = runCli({QStringLiteral("--sandbox"), QStringLiteral("sync")}, m_home->path());
    QVERIFY2(synced.exitCode == 0, qPrintable(describe(synced)));
    QCOMPARE(object(synced)
                 .value(QStringLiteral("cache"))
                 .toObject()
                 .value(QStringLiteral("contacts"))
                 .toInt(),
        50);
    QVERIFY(!QDir(m_home->filePath(QStringLiteral("data/ContactDesk"))).exists());
}

void TestSyncCli::unreachableTargetExitsWithNetworkError()
{
    const CliResult result
        = runCli({QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:1"),
                     QStringLiteral("--token"), QStringLiteral("t"), QStringLiteral("--location"),
                     QStringLiteral("loc"), QStringLiteral("sync")},
            m_home->path());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(object(result).value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(!object(result).value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(result.errLines().constLast().startsWith(QStringLiteral("contactdesk-cli: ")), true);
    // Each such target has its own cache, named after its URL and location.
    const QStringList caches
        = QDir(m_home->filePath(QStringLiteral("data/ContactDesk/ContactDesk/connections")))
              .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(caches.size(), 1);
    QVERIFY(caches.constFirst().startsWith(QStringLiteral("direct-")));
}

void TestSyncCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("data without sandbox")
        << QStringList {QStringLiteral("--data"), QStringLiteral("x.json"), QStringLiteral("sync")}
        << QStringLiteral("--data");
    QTest::newRow("retry without id") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("outbox"), QStringLiteral("retry")}
                                      << QStringLiteral("usage: outbox retry ITEM_ID");
    QTest::newRow("retry with a word") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("outbox"), QStringLiteral("retry"), QStringLiteral("abc")}
                                       << QStringLiteral("takes a number");
    QTest::newRow("unknown outbox verb") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("outbox"), QStringLiteral("flush")}
                                         << QStringLiteral("unknown command outbox flush");
    QTest::newRow("cache alone") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("cache")} << QStringLiteral("cache needs a subcommand");
    QTest::newRow("search without text") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("search")} << QStringLiteral("usage: search TEXT");
    QTest::newRow("option of another command") << QStringList {QStringLiteral("--sandbox"),
        QStringLiteral("sync"), QStringLiteral("--all")}
                                               << QStringLiteral("--all does not apply to sync");
    QTest::newRow("unknown saved connection") << QStringList {QStringLiteral("--connection"),
        QStringLiteral("nope"), QStringLiteral("cache"),
        QStringLiteral("stats")} << QStringLiteral("there is no saved connection nope");
}

void TestSyncCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliResult result = runCli(arguments, m_home->path());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errText().contains(message), qPrintable(result.errText()));
    QVERIFY(result.out.isEmpty());
}

QTEST_MAIN(TestSyncCli)
#include "tst_synccli.moc"
