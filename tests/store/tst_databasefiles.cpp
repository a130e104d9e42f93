// The cache on disk is the user's contact data: owner-only folders and files, and "Remove
// connection" deletes it without ever reaching outside the connection's own folder.
#include "store/database.h"

#include "fakeclock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ContactDesk;
using namespace ContactDesk::Store;

namespace {

// The permission bits as the OS reports them.
int mode(const QString& path)
{
    struct stat info
    { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

} // namespace

class TestDatabaseFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cacheIsOwnerOnly();
    void existingLooseFilesAreTightened();
    void removeDeletesTheConnectionsCache();
    void removeRefusesIdsOutsideItsFolder();

private:
    Testing::FakeClock m_clock;
};

void TestDatabaseFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

void TestDatabaseFiles::cacheIsOwnerOnly()
{
    const mode_t before = ::umask(0);
    const auto restore = qScopeGuard([before] { ::umask(before); });
    const QString path = Database::defaultPath(QStringLiteral("modes"));
    Database database(path, m_clock);
    QVERIFY(database.open().ok);
    // A write brings the -wal and -shm files.
    QSqlQuery query(database.sql());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t(x)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
    QCOMPARE(mode(path + QStringLiteral("-shm")), 0600);
    QCOMPARE(mode(QFileInfo(path).absolutePath()), 0700);
    QCOMPARE(mode(QFileInfo(QFileInfo(path).absolutePath()).absolutePath()), 0700);
}

void TestDatabaseFiles::existingLooseFilesAreTightened()
{
    const QString path = Database::defaultPath(QStringLiteral("loose"));
    {
        Database database(path, m_clock);
        QVERIFY(database.open().ok);
    }
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions(0x6644)));
    QVERIFY(
        QFile::setPermissions(QFileInfo(path).absolutePath(), QFileDevice::Permissions(0x7755)));
    QCOMPARE(mode(path), 0644);
    Database database(path, m_clock);
    QVERIFY(database.open().ok);
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(QFileInfo(path).absolutePath()), 0700);
}

void TestDatabaseFiles::removeDeletesTheConnectionsCache()
{
    const QString id = QStringLiteral("to-remove");
    const QString keep = QStringLiteral("to-keep");
    for (const QString& each : {id, keep}) {
        Database database(Database::defaultPath(each), m_clock);
        QVERIFY(database.open().ok);
    }
    QVERIFY(QFileInfo::exists(Database::defaultPath(id)));
    QString error;
    QVERIFY2(Database::removeDefaultCache(id, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(Database::folderOf(id)));
    QVERIFY(QFileInfo::exists(Database::defaultPath(keep)));
    // Already gone is fine.
    QVERIFY(Database::removeDefaultCache(id, &error));
}

void TestDatabaseFiles::removeRefusesIdsOutsideItsFolder()
{
    Database database(Database::defaultPath(QStringLiteral("neighbour")), m_clock);
    QVERIFY(database.open().ok);
    database.close();
    for (const QString& id : {QStringLiteral("."), QStringLiteral(".."), QStringLiteral(""),
             QStringLiteral("../neighbour"), QStringLiteral("a/../../x")}) {
        QString error;
        QVERIFY2(!Database::removeDefaultCache(id, &error), qPrintable(id));
        QVERIFY2(error.contains(QStringLiteral("not a connection id")), qPrintable(error));
    }
    QVERIFY(QFileInfo::exists(Database::defaultPath(QStringLiteral("neighbour"))));
}

QTEST_GUILESS_MAIN(TestDatabaseFiles)
#include "tst_databasefiles.moc"
