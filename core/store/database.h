#pragma once

#include "store/storeerror.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <memory>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Store {

namespace Rows {
class ContactWriter;
}

// One SQLite cache file for one connection, opened through its own uniquely named QSqlDatabase
// connection so that two connections (or two tests) never share a handle. Everything runs on the
// thread that created it.
//
// The Database also carries the change signals of the whole store: ContactCache, ChildCache,
// Outbox and LocalEdits emit through it after their transaction commits, so a model sees every
// change (sync, outbox worker or user edit) from one place. LocalEdits re-emits them.
class Database : public QObject
{
    Q_OBJECT

public:
    // Schema versions, one migration each (see database.cpp):
    //   1 contacts, their tags and the FTS5 search index
    //   2 tasks, notes and appointments per contact, with fetch times
    //   3 outbox, trash, local history and sync state
    //   4 the location's lists (custom fields, tags, users, calendars)
    //   5 import runs and their journal, and the e-mail and phone lookups an import matches by
    //   6 the search index without token positions, column sizes or three-character prefixes
    //   7 automations: the inbox of Your App's events, links, the outbox's origin
    //   8 the webhook ids HighLevel delivered (replay protection)
    //   9 the change feed serve offers its devices, their hashed tokens, and the desktop's
    //     last event id per serve URL
    //  10 the forwarding of HighLevel's changes to Your App (outbound queue, dead letters)
    static constexpr int currentSchemaVersion = 10;
    // The SQLite library this build runs on ("3.40.1"), for Help > About.
    static QString sqliteVersion();
    // PRAGMA application_id of our files ("CDsk"), so a foreign SQLite file is recognised.
    static constexpr qint32 applicationId = 0x4344736b;

    struct OpenResult
    {
        bool ok = false;
        // User text: why the file was moved aside, or why it could not be opened.
        QString message;
        // Where a corrupt or foreign file went (cache.sqlite.broken-<yyyyMMdd-HHmmss>); empty
        // when nothing was moved.
        QString movedAsidePath;
        StoreError error;
    };

    // `clock` stamps outbox items, history rows and moved-aside files; it must outlive this.
    Database(const QString& path, const Clock& clock, QObject* parent = nullptr);
    ~Database() override;

    // <AppDataLocation>/connections/<connectionId>/cache.sqlite (XDG_DATA_HOME on Linux, so tests
    // can point it at a temporary folder).
    static QString defaultPath(const QString& connectionId);
    // The folder defaultPath() is in: everything ContactDesk keeps locally for the connection.
    static QString folderOf(const QString& connectionId);
    // Deletes that folder ("Remove connection"); the cache must be closed. True when it is gone
    // (or never existed); `error` says why not.
    static bool removeDefaultCache(const QString& connectionId, QString* error = nullptr);

    // Creates the folder, opens the file, sets WAL, foreign keys and a busy timeout, and
    // migrates to `upToVersion` (tests pass an older version to build an old file). A corrupt or
    // foreign file (not SQLite, quick_check fails, or tables present under another
    // application_id) is moved aside with its -wal and -shm, and a fresh file is opened in its
    // place: the sync engine then rebuilds it from the server. Outbox items that were in flight
    // when the last process died are put back (creates as OutcomeUnknown, the rest Queued).
    OpenResult open(int upToVersion = currentSchemaVersion);
    // Runs the migrations from the file's version up to `version`, each in its own transaction.
    // False (with lastError()) when one fails or when `version` is older than the file.
    bool migrateTo(int version);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    // PRAGMA user_version of the open file.
    int schemaVersion() const;
    const Clock& clock() const { return m_clock; }
    // How long a statement waits for another process that holds the file (default 5 s); set
    // before open().
    void setBusyTimeout(int ms) { m_busyTimeoutMs = ms; }
    StoreError lastError() const { return m_lastError; }

    // The connection, for the classes of core/store and for tests that need a raw statement
    // (PRAGMA max_page_count, query_only). Other modules use the typed classes.
    QSqlDatabase sql() const;

    // Transactions nest: only the outermost begin/commit reach SQLite, and change signals queued
    // inside are emitted after that commit (and dropped on rollback).
    bool beginTransaction();
    bool commitTransaction();
    void rollbackTransaction();
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Records an error for lastError() and the log; returns it for convenience.
    StoreError recordError(const StoreError& error);

    // Queue a change notification: emitted at once outside a transaction, after the outermost
    // commit inside one.
    void notifyContactsChanged(const QVector<qint64>& rowIds);
    void notifyContactsInserted(const QVector<qint64>& rowIds);
    void notifyContactsRemoved(const QVector<qint64>& rowIds);
    void notifyContactsReset();
    void notifyChildrenChanged(const QString& contactId);
    void notifyOutboxChanged();
    void notifyLocalIdResolved(const QString& localId, const QString& serverId);

    // Internal to core/store: the prepared statements of server-side contact writes, kept for
    // the connection's lifetime so that a sync of a thousand pages prepares them once.
    // Finalized by close() (SQLite will not close a connection with live statements) and by
    // dropContactWriter() after a failed write.
    Rows::ContactWriter& contactWriter();
    void dropContactWriter();

signals:
    // Rows whose values (fields, status, id) changed; the rowid is the model's stable handle.
    void contactsChanged(const QVector<qint64>& rowIds);
    void contactsInserted(const QVector<qint64>& rowIds);
    // Emitted after the rows are gone.
    void contactsRemoved(const QVector<qint64>& rowIds);
    // Too many changes to list (a mass change): reload everything.
    void contactsReset();
    // Tasks, notes or appointments of this contact changed (or their status).
    void childrenChanged(const QString& contactId);
    void outboxChanged();
    // A local temporary id ("local-...") became a server id everywhere in the store.
    void localIdResolved(const QString& localId, const QString& serverId);

private:
    struct PendingNotifications;

    OpenResult openFile(int upToVersion);
    bool openConnection();
    bool configureConnection();
    // Empty when the file is healthy (or *busy: in use by another process); otherwise why it
    // cannot serve as our cache.
    QString inspectFile(bool* busy);
    bool moveAside(QString* movedTo, QString* failure);
    bool recoverInterruptedOutbox();
    bool runMigration(int version);
    void flushNotifications();

    QString m_path;
    const Clock& m_clock;
    QString m_connectionName;
    StoreError m_lastError;
    int m_busyTimeoutMs = 5000;
    int m_transactionDepth = 0;
    mutable int m_schemaVersion = -1; // -1: not read since the file was opened
    bool m_rollbackOnly = false;
    std::unique_ptr<PendingNotifications> m_pending;
    std::unique_ptr<Rows::ContactWriter> m_contactWriter;
};

} // namespace ContactDesk::Store
