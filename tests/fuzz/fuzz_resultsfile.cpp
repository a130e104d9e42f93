// libFuzzer target: the results file of an import. Random bytes go through the reader
// (ResultsFile::failedRowsOf) and must never crash it; and random cells (contact ids, errors
// with quotes, commas, CR, LF and formula starts) written by toCsv() must read back as exactly
// the failed rows, with no cell starting a spreadsheet formula. Built by the asan preset
// (CONTACTDESK_FUZZ); run e.g. `build/asan/tests/fuzz/fuzz_resultsfile -max_total_time=60`.
#include "mapping/resultsfile.h"

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    if (const auto rows = Mapping::ResultsFile::failedRowsOf(bytes, &error)) {
        for (const qint64 row : *rows)
            check(row >= 1);
    } else {
        check(!error.isEmpty());
    }

    // The input as cells: every 0x1f byte starts a new cell; outcomes cycle through all six.
    const QList<QByteArray> cells = bytes.split('\x1f');
    QList<Store::ImportRowResult> results;
    QList<qint64> failed;
    for (qsizetype i = 0; i + 1 < cells.size(); i += 2) {
        Store::ImportRowResult result;
        result.row = i / 2 + 1;
        result.outcome = Store::ImportOutcome(int(i / 2 % 6));
        result.contactId = QString::fromUtf8(cells[i]);
        result.error = QString::fromUtf8(cells[i + 1]);
        if (result.outcome == Store::ImportOutcome::Failed)
            failed.append(result.row);
        results.append(result);
    }
    const QByteArray csv = Mapping::ResultsFile::toCsv(results);
    const auto back = Mapping::ResultsFile::failedRowsOf(csv, &error);
    check(back.has_value());
    check(*back == failed);
    // No cell (unquoted as a spreadsheet reads it) starts with a formula character.
    const QString text = QString::fromUtf8(csv);
    QString cell;
    bool quoted = false;
    const auto checkCell = [&cell] {
        if (!cell.isEmpty()) {
            const QChar first = cell.front();
            check(first != u'=' && first != u'+' && first != u'-' && first != u'@' && first != u'\t'
                && first != u'\r');
        }
        cell.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',' || c == u'\n') {
            checkCell();
        } else if (c != u'\r') {
            cell += c;
        }
    }
    checkCell();
    return 0;
}
