#pragma once

#include "store/importjournal.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ContactDesk::Mapping {

// The results file of an import: CSV (RFC 4180, UTF-8, CRLF) with a header and one line per
// row: `row,outcome,contact id,error`. Cells that a spreadsheet would run as a formula are
// neutralised (spreadsheetsafety.h).
namespace ResultsFile {

QByteArray toCsv(const QList<Store::ImportRowResult>& results);
// Writes atomically (a temporary file renamed into place). False with a user message.
bool write(const QString& path, const QList<Store::ImportRowResult>& results, QString* error);
// The row numbers whose outcome is "failed", for "run again with only the failed rows". Null
// with a user message when the file cannot be read or is not a results file.
std::optional<QList<qint64>> failedRows(const QString& path, QString* error);
// The same over the text of a results file.
std::optional<QList<qint64>> failedRowsOf(const QByteArray& csv, QString* error);

} // namespace ResultsFile

} // namespace ContactDesk::Mapping
