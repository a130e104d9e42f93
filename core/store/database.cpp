#include "store/database.h"

#include "common/clock.h"
#include "store/contactrows.h"
#include "store/logging.h"
#include "store/migrations.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <sqlite3.h>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "contactdesk.store", QtInfoMsg)

namespace ContactDesk::Store {

namespace {

std::atomic<int> connectionCounter {0};

const QByteArray sqliteMagic("SQLite format 3\0", 16);

} // namespace

struct Database::PendingNotifications
{
    QVector<qint64> changed;
    QVector<qint64> inserted;
    QVector<qint64> removed;
    bool reset = false;
    QStringList children;
    bool outbox = false;
    QList<QPair<QString, QString>> resolved;

    bool isEmpty() const
    {
        return changed.isEmpty() && inserted.isEmpty() && removed.isEmpty() && !reset
            && children.isEmpty() && !outbox && resolved.isEmpty();
    }
};

Database::Database(const QString& path, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_clock(clock)
    , m_connectionName(QStringLiteral("contactdesk-store-%1").arg(++connectionCounter))
    , m_pending(std::make_unique<PendingNotifications>())
{
    qRegisterMetaType<StoreError>();
}

Database::~Database()
{
    close();
}

namespace {

constexpr QFileDevice::Permissions ownerOnlyFolder
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The cache holds contact data: its folder (and the "connections" folder above it) are 0700 and
// the file 0600, created so before SQLite writes a byte; SQLite gives the -wal and -shm files the
// mode of the database file.
void restrictToOwner(const QFileInfo& file)
{
    const QString folder = file.absolutePath();
    QFile::setPermissions(folder, ownerOnlyFolder);
    const QFileInfo parent(QFileInfo(folder).absolutePath());
    if (parent.fileName() == QLatin1StringView("connections"))
        QFile::setPermissions(parent.absoluteFilePath(), ownerOnlyFolder);
    if (!file.exists()) {
        QFile created(file.absoluteFilePath());
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            created.close();
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const QString path = file.absoluteFilePath() + QLatin1StringView(suffix);
        if (QFileInfo::exists(path))
            QFile::setPermissions(path, ownerOnlyFile);
    }
}

} // namespace

QString Database::folderOf(const QString& connectionId)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/connections/") + connectionId;
}

bool Database::removeDefaultCache(const QString& connectionId, QString* error)
{
    // The id names a folder: nothing that could climb out of "connections/".
    if (connectionId.isEmpty() || connectionId.startsWith(u'.') || connectionId.contains(u'/')
        || connectionId.contains(u'\\')) {
        if (error)
            *error = tr("\"%1\" is not a connection id.").arg(connectionId);
        return false;
    }
    QDir folder(folderOf(connectionId));
    if (!folder.exists())
        return true;
    if (!folder.removeRecursively()) {
        if (error)
            *error = tr("The local cache of the connection could not be deleted: %1")
                         .arg(QDir::toNativeSeparators(folder.absolutePath()));
        return false;
    }
    return true;
}

QString Database::defaultPath(const QString& connectionId)
{
    return folderOf(connectionId) + QStringLiteral("/cache.sqlite");
}

Database::OpenResult Database::open(int upToVersion)
{
    close();
    m_lastError = {};
    OpenResult result = openFile(upToVersion);
    if (!result.ok) {
        result.error = m_lastError.isError() ? m_lastError
                                             : StoreError::other(result.message.isEmpty()
                                                     ? tr("The local cache could not be opened.")
                                                     : result.message);
        if (result.message.isEmpty())
            result.message = result.error.message;
        qCWarning(lcStore) << "cannot open the cache:" << result.error.detail;
        close();
    }
    return result;
}

Database::OpenResult Database::openFile(int upToVersion)
{
    OpenResult result;
    if (upToVersion < 0 || upToVersion > currentSchemaVersion) {
        result.message = tr("Unknown cache schema version.");
        return result;
    }
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        recordError(StoreError::other(tr("The folder for the local cache could not be created: %1")
                                          .arg(info.absolutePath())));
        result.message = m_lastError.message;
        return result;
    }

    restrictToOwner(info);

    if (info.exists()) {
        bool busy = false;
        const QString problem = inspectFile(&busy);
        if (busy) {
            result.message = m_lastError.message;
            return result;
        }
        if (!problem.isEmpty()) {
            close();
            QString movedTo;
            QString failure;
            if (!moveAside(&movedTo, &failure)) {
                recordError(StoreError::other(
                    tr("%1 It could not be moved aside: %2").arg(problem, failure)));
                result.message = m_lastError.message;
                return result;
            }
            qCWarning(lcStore) << "moved a bad cache file aside to" << movedTo;
            result.movedAsidePath = movedTo;
            result.message = tr("%1 It was moved to %2 and the cache will be rebuilt from the "
                                "server.")
                                 .arg(problem, QDir::toNativeSeparators(movedTo));
        }
    }

    if (!isOpen() && !openConnection())
        return result;
    if (!configureConnection())
        return result;
    if (schemaVersion() < upToVersion && !migrateTo(upToVersion))
        return result;
    if (!recoverInterruptedOutbox())
        return result;
    result.ok = true;
    return result;
}

bool Database::openConnection()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        recordError(StoreError::fromSqlError(db.lastError()));
        return false;
    }
    return true;
}

bool Database::configureConnection()
{
    // WAL lets readers and the writer proceed together and makes each commit cheap; NORMAL
    // synchronous is durable across application crashes, which is what the outbox needs (a
    // power loss may lose the last commits, never corrupt the file).
    const QStringList pragmas {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // The indexes of 100,000 contacts stay in memory while a sync writes them (the default
        // 2 MB makes every page of a large sync a read from the OS).
        QStringLiteral("PRAGMA cache_size = -32768"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        // A sync page dirties hundreds of index pages; checkpointing every 1,000 pages (the
        // default) would copy the same hot pages into the file again and again.
        QStringLiteral("PRAGMA wal_autocheckpoint = 8192"),
    };
    for (const QString& pragma : pragmas) {
        QSqlQuery query(sql());
        if (!query.exec(pragma)) {
            recordError(StoreError::fromSqlError(query.lastError()));
            return false;
        }
    }
    return true;
}

QString Database::inspectFile(bool* busy)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // opening will report why
    const QByteArray header = file.read(sqliteMagic.size());
    file.close();
    if (header.isEmpty())
        return {}; // an empty file is a new database to SQLite
    if (header != sqliteMagic)
        return tr("The local cache file is not a database (it is damaged or was replaced).");

    if (!openConnection())
        return tr("The local cache file could not be opened as a database.");
    QSqlQuery query(sql());
    query.setForwardOnly(true);
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs));
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        // Another process holding the file (a second ContactDesk) is no damage: leave the file
        // where it is and let the open fail.
        const StoreError error = StoreError::fromSqlError(query.lastError());
        if (error.kind == StoreError::Kind::Busy) {
            recordError(error);
            *busy = true;
            return {};
        }
        return tr("The local cache file is damaged.");
    }
    if (!query.next() || query.value(0).toString() != QLatin1StringView("ok"))
        return tr("The local cache file is damaged.");
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return tr("The local cache file is damaged.");
    const qint32 appId = query.value(0).toInt();
    query.finish();
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return tr("The local cache file is damaged.");
    const int objects = query.value(0).toInt();
    query.finish();
    if (appId != applicationId && objects > 0)
        return tr("The local cache file belongs to another program.");
    if (schemaVersion() > currentSchemaVersion)
        return tr("The local cache file was written by a newer version of ContactDesk.");
    return {};
}

bool Database::moveAside(QString* movedTo, QString* failure)
{
    const QString stamp
        = m_clock.nowUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFile::exists(target); ++n)
        target
            = m_path + QStringLiteral(".broken-") + stamp + QLatin1Char('-') + QString::number(n);
    QFile file(m_path);
    if (!file.rename(target)) {
        *failure = file.errorString();
        return false;
    }
    // The journal files belong to the moved file: left behind they would be replayed into the
    // fresh one.
    for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
        const QString side = m_path + suffix;
        if (QFile::exists(side) && !QFile::rename(side, target + suffix))
            QFile::remove(side);
    }
    *movedTo = target;
    return true;
}

bool Database::recoverInterruptedOutbox()
{
    if (schemaVersion() < 3)
        return true;
    // The process died while these were being sent. A create may have landed: the worker must
    // look for it before sending again. The other operations are idempotent and simply go again.
    return Sql::run(*this,
        QStringLiteral("UPDATE outbox SET"
                       " state = CASE WHEN reconcile <> 0 OR kind IN ('createContact',"
                       "  'createTask', 'createNote') THEN 'outcomeUnknown' ELSE 'queued' END,"
                       " reconcile = CASE WHEN kind IN ('createContact', 'createTask',"
                       "  'createNote') THEN 1 ELSE reconcile END"
                       " WHERE state = 'inFlight'"));
}

bool Database::migrateTo(int version)
{
    if (!isOpen()) {
        recordError(StoreError::other(tr("The local cache is not open.")));
        return false;
    }
    const int from = schemaVersion();
    if (version < from || version > currentSchemaVersion) {
        recordError(
            StoreError::other(tr("The local cache cannot change from schema version %1 to %2.")
                                  .arg(from)
                                  .arg(version)));
        return false;
    }
    for (int next = from + 1; next <= version; ++next) {
        if (!beginTransaction())
            return false;
        if (!runMigration(next)
            || !Sql::run(*this, QStringLiteral("PRAGMA user_version = %1").arg(next))
            || !commitTransaction()) {
            if (inTransaction())
                rollbackTransaction();
            m_schemaVersion = -1;
            qCWarning(lcStore) << "migration to schema version" << next << "failed";
            return false;
        }
        m_schemaVersion = next;
        qCDebug(lcStore) << "cache schema migrated to version" << next;
    }
    return true;
}

bool Database::runMigration(int version)
{
    const QStringList* statements = Migrations::statements(version);
    if (!statements)
        return false;
    if (version == 1
        && !Sql::run(*this, QStringLiteral("PRAGMA application_id = %1").arg(applicationId)))
        return false;
    for (const QString& statement : *statements) {
        if (!Sql::run(*this, statement))
            return false;
    }
    return true;
}

Rows::ContactWriter& Database::contactWriter()
{
    if (!m_contactWriter)
        m_contactWriter = std::make_unique<Rows::ContactWriter>(*this);
    return *m_contactWriter;
}

void Database::dropContactWriter()
{
    m_contactWriter.reset();
}

void Database::close()
{
    m_schemaVersion = -1;
    m_contactWriter.reset();
    if (m_transactionDepth > 0) {
        m_transactionDepth = 1;
        rollbackTransaction();
    }
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

int Database::schemaVersion() const
{
    // Read once per open file: only migrateTo() changes it, and the outbox asks on every read.
    if (m_schemaVersion >= 0)
        return m_schemaVersion;
    QSqlQuery query(sql());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    m_schemaVersion = query.value(0).toInt();
    return m_schemaVersion;
}

QSqlDatabase Database::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::beginTransaction()
{
    if (m_transactionDepth == 0) {
        if (!isOpen()) {
            recordError(StoreError::other(tr("The local cache is not open.")));
            return false;
        }
        QSqlQuery query(sql());
        // IMMEDIATE takes the write lock up front, so a busy file fails here, before any work.
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            recordError(StoreError::fromSqlError(query.lastError()));
            return false;
        }
        m_rollbackOnly = false;
    }
    ++m_transactionDepth;
    return true;
}

bool Database::commitTransaction()
{
    if (m_transactionDepth <= 0)
        return false;
    if (--m_transactionDepth > 0)
        return !m_rollbackOnly;
    if (m_rollbackOnly) {
        m_transactionDepth = 1;
        rollbackTransaction();
        return false;
    }
    QSqlQuery query(sql());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        recordError(StoreError::fromSqlError(query.lastError()));
        QSqlQuery rollback(sql());
        rollback.exec(QStringLiteral("ROLLBACK"));
        *m_pending = {};
        return false;
    }
    flushNotifications();
    return true;
}

void Database::rollbackTransaction()
{
    if (m_transactionDepth <= 0)
        return;
    if (--m_transactionDepth > 0) {
        // An inner scope failed: the outermost one must not commit half of the work.
        m_rollbackOnly = true;
        return;
    }
    QSqlQuery query(sql());
    // SQLite may already have rolled back by itself (after SQLITE_FULL, for one): a failing
    // ROLLBACK then changes nothing.
    query.exec(QStringLiteral("ROLLBACK"));
    m_rollbackOnly = false;
    *m_pending = {};
}

StoreError Database::recordError(const StoreError& error)
{
    m_lastError = error;
    if (error.isError()) {
        qCWarning(lcStore) << "store error" << error.sqliteCode
                           << (error.detail.isEmpty() ? error.message : error.detail);
    }
    return error;
}

void Database::notifyContactsChanged(const QVector<qint64>& rowIds)
{
    if (rowIds.isEmpty())
        return;
    m_pending->changed += rowIds;
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyContactsInserted(const QVector<qint64>& rowIds)
{
    if (rowIds.isEmpty())
        return;
    m_pending->inserted += rowIds;
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyContactsRemoved(const QVector<qint64>& rowIds)
{
    if (rowIds.isEmpty())
        return;
    m_pending->removed += rowIds;
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyContactsReset()
{
    m_pending->reset = true;
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyChildrenChanged(const QString& contactId)
{
    if (!m_pending->children.contains(contactId))
        m_pending->children.append(contactId);
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyOutboxChanged()
{
    m_pending->outbox = true;
    if (!inTransaction())
        flushNotifications();
}

void Database::notifyLocalIdResolved(const QString& localId, const QString& serverId)
{
    m_pending->resolved.append({localId, serverId});
    if (!inTransaction())
        flushNotifications();
}

void Database::flushNotifications()
{
    if (m_pending->isEmpty())
        return;
    // Take them first: a slot may make another change.
    const PendingNotifications pending = std::move(*m_pending);
    *m_pending = {};

    for (const auto& resolved : pending.resolved)
        emit localIdResolved(resolved.first, resolved.second);
    if (pending.reset) {
        emit contactsReset();
    } else {
        // A row inserted and removed in one transaction was never seen; a row inserted or
        // removed is not also "changed".
        const QSet<qint64> removedSet(pending.removed.cbegin(), pending.removed.cend());
        const QSet<qint64> insertedSet(pending.inserted.cbegin(), pending.inserted.cend());
        QVector<qint64> removed;
        QSet<qint64> seen;
        for (qint64 row : pending.removed) {
            if (!insertedSet.contains(row) && !seen.contains(row)) {
                removed.append(row);
                seen.insert(row);
            }
        }
        QVector<qint64> inserted;
        seen.clear();
        for (qint64 row : pending.inserted) {
            if (!removedSet.contains(row) && !seen.contains(row)) {
                inserted.append(row);
                seen.insert(row);
            }
        }
        QVector<qint64> changed;
        seen.clear();
        for (qint64 row : pending.changed) {
            if (!removedSet.contains(row) && !insertedSet.contains(row) && !seen.contains(row)) {
                changed.append(row);
                seen.insert(row);
            }
        }
        if (!removed.isEmpty())
            emit contactsRemoved(removed);
        if (!inserted.isEmpty())
            emit contactsInserted(inserted);
        if (!changed.isEmpty())
            emit contactsChanged(changed);
    }
    for (const QString& contactId : pending.children)
        emit childrenChanged(contactId);
    if (pending.outbox)
        emit outboxChanged();
}

} // namespace ContactDesk::Store
