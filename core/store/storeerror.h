#pragma once

#include <QMetaType>
#include <QString>

class QSqlError;

namespace ContactDesk::Store {

// What went wrong with the cache, in the terms a user can act on: a full disk, a read-only disk
// and a damaged file each need a different remedy, so they are told apart; everything else is
// "Other". `message` is user text (translated); `detail` is the driver's text for the log.
struct StoreError
{
    enum class Kind
    {
        None,
        DiskFull,
        ReadOnly,
        Corrupt,
        Busy,
        Other,
    };

    Kind kind = Kind::None;
    int sqliteCode = 0; // the primary SQLite result code (13, 8, 11, 26, 5, ...), 0 when unknown
    QString message;
    QString detail;

    bool isError() const { return kind != Kind::None; }

    // The ONE place SQLite result codes become kinds and user text: 13 SQLITE_FULL -> DiskFull,
    // 8 SQLITE_READONLY -> ReadOnly, 11 SQLITE_CORRUPT and 26 SQLITE_NOTADB -> Corrupt,
    // 5 SQLITE_BUSY (and 6 SQLITE_LOCKED) -> Busy. Extended codes are reduced to their primary
    // code first.
    static StoreError fromSqliteCode(int code, const QString& detail = {});
    // A driver error; its native code is the SQLite result code.
    static StoreError fromSqlError(const QSqlError& error);
    // A failure that did not come from SQLite (a folder that cannot be created, a file that
    // cannot be moved aside).
    static StoreError other(const QString& message, const QString& detail = {});
};

} // namespace ContactDesk::Store

Q_DECLARE_METATYPE(ContactDesk::Store::StoreError)
