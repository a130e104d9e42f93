// The cache file: where it lives, how it opens, how each older schema version is migrated, and
// what happens to a damaged or foreign file (moved aside, a fresh cache opened in its place).
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/contactlookup.h"
#include "store/database.h"
#include "store/importjournal.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "storetestsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;
using namespace ContactDesk::Store;
using namespace ContactDesk::Store::Testing;

namespace {

const QString v1ContactJson = QStringLiteral(
    "{\"id\":\"c0000000000000000001\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
    "\"name\":\"Ada Lovelace\",\"email\":\"ada@engines.example\",\"phone\":\"+14155550100\","
    "\"companyName\":\"Analytical Engines\",\"tags\":[\"vip\"],\"customFields\":[],\"dnd\":false,"
    "\"dateAdded\":\"2023-11-14T22:13:20.000Z\"}");

// Rows as the version-1 schema stores them, written by hand so that the test does not depend on
// today's writer.
void fillVersion1(TempStore& store)
{
    QVERIFY(store.exec(QStringLiteral(
        "INSERT INTO contacts (rid, id, json, display_name, email, phone, company, tags,"
        " date_added, date_updated) VALUES (1, 'c0000000000000000001', '%1', 'Ada Lovelace',"
        " 'ada@engines.example', '+14155550100', 'Analytical Engines', '[\"vip\"]',"
        " 1700000000000, 0)")
                           .arg(v1ContactJson)));
    QVERIFY(store.exec(QStringLiteral(
        "INSERT INTO contact_keys (rid, name, email, phone, company, tags, date_added,"
        " date_updated) VALUES (1, 'ada lovelace', 'ada@engines.example', '14155550100',"
        " 'analytical engines', 'vip', 1700000000000, 0)")));
    QVERIFY(store.exec(
        QStringLiteral("INSERT INTO contact_tags (rid, tag_key, tag) VALUES (1, 'vip', 'vip')")));
    QVERIFY(store.exec(QStringLiteral(
        "INSERT INTO contacts_fts (rowid, name, email, phone, phone_digits, company, tags)"
        " VALUES (1, 'Ada Lovelace', 'ada@engines.example', '+14155550100',"
        " '14155550100 4155550100', 'Analytical Engines', 'vip')")));
}

void fillVersion2(TempStore& store)
{
    QVERIFY(store.exec(QStringLiteral(
        "INSERT INTO tasks (id, contact_id, json, due_date, completed) VALUES"
        " ('t0000000000000000001', 'c0000000000000000001', '{\"id\":\"t0000000000000000001\","
        "\"contactId\":\"c0000000000000000001\",\"title\":\"Send the notes\","
        "\"completed\":false}', 0, 0)")));
    QVERIFY(
        store.exec(QStringLiteral("INSERT INTO child_fetches (contact_id, kind, fetched_at) VALUES"
                                  " ('c0000000000000000001', 'tasks', 1700000001000)")));
}

} // namespace

class TestStoreDatabase : public QObject
{
    Q_OBJECT

private slots:
    void defaultPathFollowsXdgDataHome();
    void freshFileHasCurrentSchema();
    void searchIndexIsFts5();
    void migratesFromEachOlderVersion_data();
    void migratesFromEachOlderVersion();
    void migratesVersion4ToImports();
    void migrateToRefusesToGoBack();
    void garbageFileIsMovedAside();
    void damagedDatabaseIsMovedAside();
    void foreignDatabaseIsMovedAside();
    void newerSchemaIsMovedAside();
    void healthyFileIsKept();
    void fileInUseIsLeftAlone();
    void errorKindsFromSqliteCodes_data();
    void errorKindsFromSqliteCodes();
    void realWriteFailuresAreClassified();
    void transactionsNestAndSignalAfterCommit();
    void twoCachesAreIndependent();
};

void TestStoreDatabase::defaultPathFollowsXdgDataHome()
{
    QTemporaryDir home;
    const QByteArray old = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    const QString path = Database::defaultPath(QStringLiteral("conn-1"));
    qputenv("XDG_DATA_HOME", old);
    QVERIFY2(path.startsWith(home.path() + QLatin1Char('/')), qPrintable(path));
    QVERIFY2(path.endsWith(QStringLiteral("/connections/conn-1/cache.sqlite")), qPrintable(path));
}

void TestStoreDatabase::freshFileHasCurrentSchema()
{
    TempStore store;
    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(result.movedAsidePath.isEmpty());
    QVERIFY(result.message.isEmpty());
    QVERIFY(QFile::exists(store.path()));
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
    QCOMPARE(
        store.scalar(QStringLiteral("PRAGMA application_id")).toInt(), Database::applicationId);
    QCOMPARE(store.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(store.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(store.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
}

void TestStoreDatabase::searchIndexIsFts5()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QVERIFY(store.exec(QStringLiteral("CREATE VIRTUAL TABLE probe USING fts5(x)")));
    QCOMPARE(store
                 .scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name ="
                                        " 'contacts_fts'"))
                 .toString()
                 .contains(QStringLiteral("fts5")),
        true);
}

void TestStoreDatabase::migratesFromEachOlderVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("contacts only (1)") << 1;
    QTest::newRow("with tasks, notes, appointments (2)") << 2;
    QTest::newRow("with imports, search index with positions (5)") << 5;
}

void TestStoreDatabase::migratesFromEachOlderVersion()
{
    QFETCH(int, version);
    TempStore store;
    {
        const Database::OpenResult old = store.open(version);
        QVERIFY2(old.ok, qPrintable(old.message));
        QCOMPARE(store.db().schemaVersion(), version);
        fillVersion1(store);
        if (version >= 2)
            fillVersion2(store);
        store.close();
    }

    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(result.movedAsidePath.isEmpty());
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);

    ContactCache cache(store.db());
    QCOMPARE(cache.count(), 1);
    const auto contact = cache.contact(QStringLiteral("c0000000000000000001"));
    QVERIFY(contact);
    QCOMPARE(contact->email, QStringLiteral("ada@engines.example"));
    QCOMPARE(cache.matchingRowIds(QStringLiteral("lovel")), QVector<qint64> {1});
    QCOMPARE(cache.matchingRowIds(QStringLiteral("4155550")), QVector<qint64> {1});
    // The index was rebuilt without positions: an e-mail typed whole (several tokens) still
    // finds the contact.
    QCOMPARE(cache.matchingRowIds(QStringLiteral("ada@engines.ex")), QVector<qint64> {1});
    QVERIFY(
        store.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'"))
            .toString()
            .contains(QStringLiteral("detail = none")));
    QCOMPARE(cache.orderedRowIds(SortColumn::Name, Qt::AscendingOrder, QStringLiteral("VIP")),
        QVector<qint64> {1});
    const auto summary = cache.summary(QStringLiteral("c0000000000000000001"));
    QVERIFY(summary);
    QCOMPARE(summary->localStatus, LocalStatus::Synced);
    QCOMPARE(summary->tags, QStringList {QStringLiteral("vip")});

    ChildCache children(store.db());
    if (version >= 2) {
        QCOMPARE(children.tasks(QStringLiteral("c0000000000000000001")).size(), 1);
        QCOMPARE(children.tasksFetchedAt(QStringLiteral("c0000000000000000001")),
            std::optional<qint64>(1700000001000));
    }

    // The migrated contact takes local edits like any other.
    LocalEdits edits(store.db());
    QCOMPARE(edits.updateContact(QStringLiteral("c0000000000000000001"),
                 {{QStringLiteral("companyName"), QStringLiteral("Difference Engines")}}),
        EditOutcome::Saved);
    QCOMPARE(Outbox(store.db()).pendingCount(), 1);
    QCOMPARE(
        cache.summary(QStringLiteral("c0000000000000000001"))->localStatus, LocalStatus::Pending);
}

void TestStoreDatabase::migratesVersion4ToImports()
{
    TempStore store;
    QString itemContact;
    {
        QVERIFY(store.open(4).ok);
        QVERIFY(ContactCache(store.db())
                    .upsertFromServer({serverContact(serverId(1), QStringLiteral("Ada"),
                        QStringLiteral("Lovelace"), QStringLiteral("Ada@Engines.test"),
                        QStringLiteral("+14155550101"))}));
        LocalEdits edits(store.db());
        QCOMPARE(
            edits.updateContact(serverId(1), {{QStringLiteral("city"), QStringLiteral("Paris")}}),
            EditOutcome::Saved);
        store.close();
    }
    QVERIFY(store.open().ok);
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
    // The edit made before the migration is still waiting.
    const QList<OutboxItem> items = Outbox(store.db()).list();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].payload.value(QStringLiteral("city")).toString(), QStringLiteral("Paris"));

    // The lookups an import matches by find the migrated contact (read into memory; no index
    // on the contacts table makes every sync write pay for them).
    ContactLookup lookup(store.db());
    QCOMPARE(lookup.byEmail(QStringLiteral("ada@ENGINES.test")), serverId(1));
    QCOMPARE(lookup.byPhone(QStringLiteral("+14155550101")), serverId(1));
    QVERIFY(lookup.byEmail(QStringLiteral("grace@navy.test")).isEmpty());
    QSqlQuery indexes(store.db().sql());
    QVERIFY(indexes.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN"
                                        " ('contacts_by_email', 'contacts_by_phone')")));
    QVERIFY(indexes.next());
    QCOMPARE(indexes.value(0).toInt(), 0);

    // The journal takes runs and rows.
    ImportJournal journal(store.db());
    ImportRunRecord run;
    run.filePath = QStringLiteral("/tmp/people.csv");
    run.fileSize = 120;
    const qint64 runId = journal.createRun(run);
    QVERIFY(runId > 0);
    QVERIFY(journal.record(
        runId, {3, QStringLiteral("skip"), QStringLiteral("no contact"), {}, {}, {}}));
    QCOMPARE(journal.journaledRows(runId), QSet<qint64> {3});
    QCOMPARE(journal.unfinishedRun(run.filePath)->id, runId);
}

void TestStoreDatabase::migrateToRefusesToGoBack()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QVERIFY(!store.db().migrateTo(1));
    QVERIFY(store.db().lastError().isError());
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
}

void TestStoreDatabase::garbageFileIsMovedAside()
{
    TempStore store;
    QVERIFY(QDir().mkpath(store.folder()));
    const QByteArray garbage = QByteArray("this is not a database\n").repeated(300);
    {
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
        QFile wal(store.path() + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write("stale journal");
    }
    store.clock().set(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7)).toMSecsSinceEpoch());

    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.movedAsidePath, store.path() + QStringLiteral(".broken-20260304-050607"));
    QVERIFY(result.message.contains(QDir::toNativeSeparators(result.movedAsidePath)));
    QFile moved(result.movedAsidePath);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), garbage);
    QVERIFY(QFile::exists(result.movedAsidePath + QStringLiteral("-wal")));

    // A fresh cache took its place and works.
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
    ContactCache cache(store.db());
    QCOMPARE(cache.count(), 0);
    QVERIFY(cache.upsertFromServer(
        {serverContact(serverId(1), QStringLiteral("Grace"), QStringLiteral("Hopper"))}));
    QCOMPARE(cache.count(), 1);
}

void TestStoreDatabase::damagedDatabaseIsMovedAside()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QList<Api::Contact> contacts;
    for (int i = 0; i < 400; ++i) {
        contacts.append(serverContact(serverId(i), QStringLiteral("First%1").arg(i),
            QStringLiteral("Last"), QStringLiteral("p%1@example.com").arg(i)));
    }
    QVERIFY(ContactCache(store.db()).upsertFromServer(contacts));
    store.close();

    // Keep the header, ruin the pages behind it.
    {
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8 * 4096);
        file.seek(2 * 4096);
        file.write(QByteArray(6 * 4096, '\x5a'));
    }
    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.movedAsidePath.isEmpty());
    QVERIFY(QFile::exists(result.movedAsidePath));
    QVERIFY(!result.message.isEmpty());
    QCOMPARE(ContactCache(store.db()).count(), 0);
}

void TestStoreDatabase::foreignDatabaseIsMovedAside()
{
    TempStore store;
    QVERIFY(QDir().mkpath(store.folder()));
    {
        QSqlDatabase other
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        other.setDatabaseName(store.path());
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO recipes VALUES ('bread')")));
        query.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));

    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.movedAsidePath.isEmpty());
    QVERIFY(result.message.contains(QStringLiteral("another program")));
    QCOMPARE(store
                 .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name ="
                                        " 'recipes'"))
                 .toInt(),
        0);
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
}

void TestStoreDatabase::newerSchemaIsMovedAside()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QVERIFY(store.exec(QStringLiteral("PRAGMA user_version = 99")));
    store.close();
    const Database::OpenResult result = store.open();
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(!result.movedAsidePath.isEmpty());
    QCOMPARE(store.db().schemaVersion(), Database::currentSchemaVersion);
}

void TestStoreDatabase::healthyFileIsKept()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QVERIFY(ContactCache(store.db())
                .upsertFromServer({serverContact(
                    serverId(7), QStringLiteral("Alan"), QStringLiteral("Turing"))}));
    store.close();
    const Database::OpenResult result = store.open();
    QVERIFY(result.ok);
    QVERIFY(result.movedAsidePath.isEmpty());
    QCOMPARE(ContactCache(store.db()).count(), 1);
    QVERIFY(QDir(store.folder()).entryList({QStringLiteral("*.broken-*")}, QDir::Files).isEmpty());
}

void TestStoreDatabase::fileInUseIsLeftAlone()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QVERIFY(ContactCache(store.db())
                .upsertFromServer(
                    {serverContact(serverId(3), QStringLiteral("Still"), QStringLiteral("Here"))}));
    store.close();
    {
        // Another process holds the file exclusively.
        QSqlDatabase other
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        other.setDatabaseName(store.path());
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
        QVERIFY(query.exec(QStringLiteral("BEGIN EXCLUSIVE")));

        Database db(store.path(), store.clock());
        db.setBusyTimeout(0);
        const Database::OpenResult result = db.open();
        QVERIFY(!result.ok);
        QVERIFY(result.movedAsidePath.isEmpty());
        QCOMPARE(result.error.kind, StoreError::Kind::Busy);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
        query.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    QVERIFY(QDir(store.folder()).entryList({QStringLiteral("*.broken-*")}, QDir::Files).isEmpty());
    QVERIFY(store.open().ok);
    QCOMPARE(ContactCache(store.db()).count(), 1);
}

void TestStoreDatabase::errorKindsFromSqliteCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<StoreError::Kind>("kind");
    QTest::newRow("SQLITE_FULL") << 13 << StoreError::Kind::DiskFull;
    QTest::newRow("SQLITE_READONLY") << 8 << StoreError::Kind::ReadOnly;
    QTest::newRow("SQLITE_READONLY_DBMOVED (extended)")
        << (8 | (4 << 8)) << StoreError::Kind::ReadOnly;
    QTest::newRow("SQLITE_CORRUPT") << 11 << StoreError::Kind::Corrupt;
    QTest::newRow("SQLITE_NOTADB") << 26 << StoreError::Kind::Corrupt;
    QTest::newRow("SQLITE_BUSY") << 5 << StoreError::Kind::Busy;
    QTest::newRow("SQLITE_IOERR_WRITE (extended)") << (10 | (3 << 8)) << StoreError::Kind::Other;
    QTest::newRow("SQLITE_CONSTRAINT") << 19 << StoreError::Kind::Other;
}

void TestStoreDatabase::errorKindsFromSqliteCodes()
{
    QFETCH(int, code);
    QFETCH(StoreError::Kind, kind);
    const StoreError error = StoreError::fromSqliteCode(code, QStringLiteral("driver text"));
    QCOMPARE(error.kind, kind);
    QVERIFY(error.isError());
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(error.sqliteCode, code & 0xff);
    QCOMPARE(error.detail, QStringLiteral("driver text"));
}

void TestStoreDatabase::realWriteFailuresAreClassified()
{
    TempStore store;
    QVERIFY(store.open().ok);
    ContactCache cache(store.db());

    store.makeReadOnly(true);
    QVERIFY(!cache.upsertFromServer(
        {serverContact(serverId(1), QStringLiteral("Read"), QStringLiteral("Only"))}));
    QCOMPARE(cache.lastError().kind, StoreError::Kind::ReadOnly);
    store.makeReadOnly(false);

    store.fillDisk(true);
    QList<Api::Contact> many;
    for (int i = 0; i < 200; ++i) {
        Api::Contact contact
            = serverContact(serverId(i), QStringLiteral("Disk"), QStringLiteral("Full"));
        contact.address1 = QString(2000, QLatin1Char('x'));
        many.append(contact);
    }
    QVERIFY(!cache.upsertFromServer(many));
    QCOMPARE(cache.lastError().kind, StoreError::Kind::DiskFull);
    QCOMPARE(cache.count(), 0);
    store.fillDisk(false);
    QVERIFY(cache.upsertFromServer(many));
    QCOMPARE(cache.count(), 200);
}

void TestStoreDatabase::transactionsNestAndSignalAfterCommit()
{
    TempStore store;
    QVERIFY(store.open().ok);
    QSignalSpy inserted(&store.db(), &Database::contactsInserted);
    ContactCache cache(store.db());

    QVERIFY(store.db().beginTransaction());
    QVERIFY(cache.upsertFromServer(
        {serverContact(serverId(1), QStringLiteral("Inner"), QStringLiteral("One"))}));
    QCOMPARE(inserted.size(), 0); // not before the outer commit
    QVERIFY(store.db().commitTransaction());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().first().value<QVector<qint64>>(),
        QVector<qint64> {cache.rowIdFor(serverId(1))});

    // A rolled back transaction leaves neither rows nor signals.
    QVERIFY(store.db().beginTransaction());
    QVERIFY(cache.upsertFromServer(
        {serverContact(serverId(2), QStringLiteral("Rolled"), QStringLiteral("Back"))}));
    store.db().rollbackTransaction();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(cache.count(), 1);
}

void TestStoreDatabase::twoCachesAreIndependent()
{
    TempStore first;
    TempStore second;
    QVERIFY(first.open().ok);
    QVERIFY(second.open().ok);
    QVERIFY(ContactCache(first.db())
                .upsertFromServer(
                    {serverContact(serverId(1), QStringLiteral("Only"), QStringLiteral("First"))}));
    QCOMPARE(ContactCache(first.db()).count(), 1);
    QCOMPARE(ContactCache(second.db()).count(), 0);
    QVERIFY(first.db().sql().connectionName() != second.db().sql().connectionName());
}

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "tst_storedatabase.moc"
