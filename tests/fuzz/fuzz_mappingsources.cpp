// libFuzzer target: random bytes as each source kind (CSV with the delimiter sniffed, CSV
// without header, JSON, NDJSON, vCard) and as a file of unknown kind, through
// SourceReader::open over a QBuffer, reading every record. Beyond "no crash, no UB": an open
// that fails says why, a read that stops early says why, record numbers count up from 1 and
// the reader never holds much more than the input. Built by the asan preset
// (CONTACTDESK_FUZZ); run e.g. `build/asan/tests/fuzz/fuzz_mappingsources -max_total_time=60
// tests/fuzz/corpus/mappingsources`.
#include "mapping/source.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Mapping;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void readAll(const QByteArray& bytes, const char* name, const SourceOptions& options)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    QString error;
    const auto reader
        = SourceReader::open(std::move(buffer), QString::fromLatin1(name), options, &error);
    if (!reader) {
        check(!error.isEmpty());
        return;
    }
    check(reader->effectiveOptions().kind.has_value());
    Record record;
    qint64 expected = 1;
    while (reader->next(&record)) {
        check(record.number == expected++);
        check(record.line >= 1);
        for (const RecordField& field : record.fields)
            check(!field.path.isNull());
        record.values(QStringLiteral("TEL;TYPE=cell"));
        record.values(QStringLiteral("emails"));
    }
    check(reader->bytesRead() <= qint64(bytes.size()));
    // Chunks of 64 KiB, their decoded copies and one element of at most 16 MiB.
    check(reader->peakBufferedBytes() <= 64 * 1024 * 1024 + 8 * qint64(bytes.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    SourceOptions csv;
    readAll(bytes, "fuzz.csv", csv);
    SourceOptions noHeader;
    noHeader.header = false;
    noHeader.delimiter = u';';
    readAll(bytes, "fuzz.csv", noHeader);
    readAll(bytes, "fuzz.json", {});
    readAll(bytes, "fuzz.ndjson", {});
    readAll(bytes, "fuzz.vcf", {});
    readAll(bytes, "fuzz", {});
    SourceOptions latin;
    latin.encoding = QStringLiteral("windows-1252");
    readAll(bytes, "fuzz.vcf", latin);
    return 0;
}
