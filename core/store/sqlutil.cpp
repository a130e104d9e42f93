#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace ContactDesk::Store::Sql {

QSqlQuery prepare(Database& db, const QString& statement)
{
    QSqlQuery query(db.sql());
    if (!query.prepare(statement))
        db.recordError(StoreError::fromSqlError(query.lastError()));
    return query;
}

bool exec(Database& db, QSqlQuery& query)
{
    if (query.exec())
        return true;
    db.recordError(StoreError::fromSqlError(query.lastError()));
    return false;
}

bool run(Database& db, const QString& statement, const QVariantList& values)
{
    QSqlQuery query = prepare(db, statement);
    for (const QVariant& value : values)
        query.addBindValue(bindable(value));
    return exec(db, query);
}

QVariant scalar(
    Database& db, const QString& statement, const QVariantList& values, const QVariant& fallback)
{
    QSqlQuery query = prepare(db, statement);
    query.setForwardOnly(true);
    for (const QVariant& value : values)
        query.addBindValue(bindable(value));
    if (!exec(db, query) || !query.next())
        return fallback;
    return query.value(0);
}

QVariant bindable(const QVariant& value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString::fromLatin1("");
    return value;
}

namespace {

sqlite3* handleOf(Database& db)
{
    const QVariant handle = db.sql().driver() ? db.sql().driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

struct SortRow
{
    qint64 rowId;
    qint64 number; // numeric key, or the text key's offset in the arena
    qint32 length; // text key length
};

} // namespace

Statement::Statement(Database& db, const QString& statement)
    : m_db(db)
    , m_connection(handleOf(db))
{
    if (!m_connection) {
        db.recordError(StoreError::other(QCoreApplication::translate("ContactDesk::Store::Database",
                                             "The local cache is not open."),
            QStringLiteral("no SQLite handle")));
        return;
    }
    const QByteArray sql = statement.toUtf8();
    if (sqlite3_prepare_v2(m_connection, sql.constData(), int(sql.size()), &m_stmt, nullptr)
        != SQLITE_OK) {
        fail();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, const QString& text)
{
    if (!m_stmt)
        return;
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
}

Statement::Step Statement::step()
{
    if (!m_stmt)
        return Step::Error;
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        fail();
        return Step::Error;
    }
}

bool Statement::run()
{
    Step result = Step::Row;
    while ((result = step()) == Step::Row) { }
    reset();
    return result == Step::Done;
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    return QString::fromUtf8(bytes(column));
}

QByteArrayView Statement::bytes(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::lastInsertRowId() const
{
    return m_connection ? sqlite3_last_insert_rowid(m_connection) : 0;
}

bool Statement::fail()
{
    const int code = m_connection ? sqlite3_extended_errcode(m_connection) : SQLITE_ERROR;
    m_db.recordError(StoreError::fromSqliteCode(code == SQLITE_OK ? SQLITE_ERROR : code,
        m_connection ? QString::fromUtf8(sqlite3_errmsg(m_connection)) : QString()));
    return false;
}

bool integerColumn(
    Database& db, const QString& statement, const QStringList& textValues, QVector<qint64>* out)
{
    Statement query(db, statement);
    if (!query.isValid())
        return false;
    for (int i = 0; i < textValues.size(); ++i)
        query.bind(i + 1, textValues.at(i));
    Statement::Step result = Statement::Step::Row;
    while ((result = query.step()) == Statement::Step::Row)
        out->append(query.int64(0));
    return result == Statement::Step::Done;
}

bool sortedRowIds(Database& db, const QString& statement, const QStringList& textValues,
    bool numeric, Qt::SortOrder order, QVector<qint64>* out)
{
    Statement query(db, statement);
    if (!query.isValid())
        return false;
    for (int i = 0; i < textValues.size(); ++i)
        query.bind(i + 1, textValues.at(i));
    std::vector<SortRow> rows;
    std::vector<qint64> empty;
    QByteArray arena;
    Statement::Step result = Statement::Step::Row;
    while ((result = query.step()) == Statement::Step::Row) {
        const qint64 rowId = query.int64(0);
        if (numeric) {
            const qint64 key = query.int64(1);
            if (key == 0)
                empty.push_back(rowId);
            else
                rows.push_back({rowId, key, 0});
            continue;
        }
        const QByteArrayView key = query.bytes(1);
        if (key.isEmpty()) {
            empty.push_back(rowId);
            continue;
        }
        rows.push_back({rowId, qint64(arena.size()), qint32(key.size())});
        arena.append(key);
    }
    if (result != Statement::Step::Done)
        return false;

    const char* base = arena.constData();
    const auto less = [numeric, base](const SortRow& a, const SortRow& b) {
        if (numeric) {
            if (a.number != b.number)
                return a.number < b.number;
        } else {
            const int common = std::min(a.length, b.length);
            const int c = std::memcmp(base + a.number, base + b.number, std::size_t(common));
            if (c != 0)
                return c < 0;
            if (a.length != b.length)
                return a.length < b.length;
        }
        return a.rowId < b.rowId;
    };
    if (order == Qt::AscendingOrder)
        std::sort(rows.begin(), rows.end(), less);
    else
        std::sort(rows.begin(), rows.end(),
            [&less](const SortRow& a, const SortRow& b) { return less(b, a); });
    std::sort(empty.begin(), empty.end());
    out->reserve(out->size() + qsizetype(rows.size() + empty.size()));
    for (const SortRow& row : rows)
        out->append(row.rowId);
    for (qint64 rowId : empty)
        out->append(rowId);
    return true;
}

QString toText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString toText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray arrayFromText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_active(db.beginTransaction())
{ }

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollbackTransaction();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    return m_db.commitTransaction();
}

} // namespace ContactDesk::Store::Sql
