#pragma once

#include "mapping/mappedrow.h"

#include <QList>
#include <QString>

#include <functional>

namespace ContactDesk::Mapping {

class RowMapper;
class SourceReader;

// Every row of a file validated and transformed, nothing sent: what `mapping check` reports
// and what the editor's "check the whole file" would show.
struct FileCheck
{
    qint64 rows = 0;
    qint64 invalidRows = 0;
    QList<CellProblem> problems; // the first ones, in row order
    qint64 problemsNotListed = 0;
    QString error; // the reader stopped (what and where); the counts cover the rows before
};

// Reads the records on this thread while the previous batch is mapped on the global thread
// pool (RowMapper::map is const and keeps no state; libphonenumber's parser is thread-safe),
// so a big file uses every core. Memory stays at two batches of rows. `progress` gets the rows
// checked so far after each batch; returning false stops the check.
FileCheck checkFile(SourceReader& reader, const RowMapper& mapper, int problemLimit,
    const std::function<bool(qint64 rows)>& progress = {});

} // namespace ContactDesk::Mapping
