#include "store/storeerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace ContactDesk::Store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Store::StoreError", text);
}

} // namespace

StoreError StoreError::fromSqliteCode(int code, const QString& detail)
{
    StoreError error;
    // Extended result codes carry the primary code in their low byte.
    error.sqliteCode = code & 0xff;
    error.detail = detail;
    switch (error.sqliteCode) {
    case 0: // SQLITE_OK
    case 100: // SQLITE_ROW
    case 101: // SQLITE_DONE
        if (detail.isEmpty())
            return {};
        error.kind = Kind::Other;
        error.message = tr("The local cache could not be written.");
        break;
    case 13: // SQLITE_FULL
        error.kind = Kind::DiskFull;
        error.message = tr("The disk is full. Your change is kept in memory until there is "
                           "room to save it.");
        break;
    case 8: // SQLITE_READONLY
    case 23: // SQLITE_AUTH
        error.kind = Kind::ReadOnly;
        error.message = tr("The local cache cannot be written (read-only disk or file). Your "
                           "change is kept in memory until it can be saved.");
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        error.kind = Kind::Corrupt;
        error.message = tr("The local cache is damaged. Restart ContactDesk to rebuild it from "
                           "the server.");
        break;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        error.kind = Kind::Busy;
        error.message = tr("The local cache is in use by another program. Try again in a "
                           "moment.");
        break;
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
        error.kind = Kind::Other;
        error.message = tr("The local cache could not be read or written (disk error).");
        break;
    default:
        error.kind = Kind::Other;
        error.message = tr("The local cache could not be written.");
        break;
    }
    return error;
}

StoreError StoreError::fromSqlError(const QSqlError& error)
{
    if (error.type() == QSqlError::NoError)
        return {};
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString detail = error.text();
    if (!ok || code == 0) {
        // No SQLite code (a driver-level failure such as a statement that failed to prepare):
        // still an error.
        StoreError other = fromSqliteCode(1, detail);
        other.sqliteCode = ok ? code : 0;
        return other;
    }
    return fromSqliteCode(code, detail);
}

StoreError StoreError::other(const QString& message, const QString& detail)
{
    StoreError error;
    error.kind = Kind::Other;
    error.message = message;
    error.detail = detail;
    return error;
}

} // namespace ContactDesk::Store
