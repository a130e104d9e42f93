#include "mapping/filecheck.h"

#include "mapping/rowmapper.h"
#include "mapping/source.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentMap>

namespace ContactDesk::Mapping {

namespace {

// Large enough that handing a batch to the pool costs nothing next to mapping it, small
// enough that two batches of records are a few megabytes.
constexpr int batchSize = 2048;

} // namespace

FileCheck checkFile(SourceReader& reader, const RowMapper& mapper, int problemLimit,
    const std::function<bool(qint64 rows)>& progress)
{
    FileCheck check;
    const auto tally = [&](const QList<MappedRow>& rows) {
        for (const MappedRow& row : rows) {
            ++check.rows;
            if (row.isValid())
                continue;
            ++check.invalidRows;
            for (const CellProblem& problem : row.problems) {
                if (check.problems.size() < problemLimit)
                    check.problems.append(problem);
                else
                    ++check.problemsNotListed;
            }
        }
    };
    const auto map = [&mapper](const Record& record) { return mapper.map(record); };

    QFuture<MappedRow> mapping;
    QList<Record> inFlight; // the records `mapping` works on: they must outlive it
    bool more = true;
    while (more) {
        QList<Record> batch;
        batch.reserve(batchSize);
        Record record;
        while (batch.size() < batchSize && (more = reader.next(&record)))
            batch.append(std::move(record));
        if (mapping.isValid()) {
            tally(mapping.results());
            if (progress && !progress(check.rows))
                return check;
        }
        inFlight = std::move(batch);
        mapping = inFlight.isEmpty() ? QFuture<MappedRow>() : QtConcurrent::mapped(inFlight, map);
    }
    if (mapping.isValid())
        tally(mapping.results());
    if (progress)
        progress(check.rows);
    check.error = reader.error();
    return check;
}

} // namespace ContactDesk::Mapping
