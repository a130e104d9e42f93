#pragma once

// Internal to core/store: statement and transaction helpers shared by the store classes.

#include "store/database.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVector>

struct sqlite3;
struct sqlite3_stmt;

namespace ContactDesk::Store::Sql {

// A statement on the SQLite handle of the database's connection, for the paths that run per
// contact during a sync or per row of a 100,000-row read: QSqlQuery's QVariant binding and
// bookkeeping cost more there than SQLite's own work. Errors are recorded on the database.
class Statement
{
public:
    enum class Step
    {
        Row,
        Done,
        Error,
    };

    Statement(Database& db, const QString& statement);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // Parameters count from 1, as in SQLite. A null QString binds as "" (text columns are
    // NOT NULL).
    void bind(int index, const QString& text);
    void bind(int index, qint64 value);
    Step step();
    // Steps to the end (a write) and resets for the next use; false on an error.
    bool run();
    // Ready for new bindings and another run.
    void reset();
    qint64 int64(int column) const;
    QString text(int column) const;
    // The UTF-8 bytes of a text column, valid until the next step.
    QByteArrayView bytes(int column) const;
    qint64 lastInsertRowId() const;

private:
    bool fail();

    Database& m_db;
    sqlite3* m_connection = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// A prepared statement on the database's connection; a failed prepare is recorded.
QSqlQuery prepare(Database& db, const QString& statement);
// Executes; on failure records the error on the database and returns false.
bool exec(Database& db, QSqlQuery& query);
// Prepares, binds positionally and executes.
bool run(Database& db, const QString& statement, const QVariantList& values = {});
// A single value of a one-row query; `fallback` when there is no row or it fails.
QVariant scalar(Database& db, const QString& statement, const QVariantList& values = {},
    const QVariant& fallback = {});

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so "" is bound instead.
QVariant bindable(const QVariant& value);
inline QString text(const QString& value)
{
    return value.isNull() ? QString::fromLatin1("") : value;
}

// Runs a query whose first column is an integer and returns that column of every row. Goes
// through the SQLite handle itself: for 100,000 rows QSqlQuery's per-row QVariant work costs ten
// times what SQLite does.
bool integerColumn(
    Database& db, const QString& statement, const QStringList& textValues, QVector<qint64>* out);

// Runs a query of (rowid, key) rows and returns the rowids sorted by key (text keys compare by
// their UTF-8 bytes, as SQLite's BINARY collation does; `numeric` keys as integers), ties by
// rowid. Rows whose key is empty (or 0) come last in both orders, by rowid.
bool sortedRowIds(Database& db, const QString& statement, const QStringList& textValues,
    bool numeric, Qt::SortOrder order, QVector<qint64>* out);

QString toText(const QJsonObject& object);
QString toText(const QJsonArray& array);
QJsonObject objectFromText(const QString& text);
QJsonArray arrayFromText(const QString& text);

// Scoped transaction: rolls back unless commit() was called and succeeded.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace ContactDesk::Store::Sql
