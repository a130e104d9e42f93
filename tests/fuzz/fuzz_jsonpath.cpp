// libFuzzer target: the source paths a mapping rule names values by (Record::values: dotted
// JSON paths with indexes, "emails" for a whole array, vCard names with parameters). The first
// line of the input is a path, the rest a file read as JSON, NDJSON and vCard; every record
// is asked for that path and for each of its own paths. Beyond "no crash, no UB": a path gives
// only values the record holds, every path of a record names at least one value, value() is
// the first of values(), and paths() lists each path once. Built by the asan preset
// (CONTACTDESK_FUZZ); run e.g. `scripts/fuzz jsonpath 60`.
#include "mapping/source.h"

#include <QBuffer>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk::Mapping;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkPath(const Record& record, const QSet<QString>& held, const QString& path)
{
    const QStringList values = record.values(path);
    for (const QString& value : values)
        check(held.contains(value));
    check(record.value(path) == values.value(0));
}

void readAll(const QByteArray& bytes, const char* name, const QString& path)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    QString error;
    const auto reader
        = SourceReader::open(std::move(buffer), QString::fromLatin1(name), {}, &error);
    if (!reader)
        return;
    Record record;
    while (reader->next(&record)) {
        QSet<QString> held;
        for (const RecordField& field : record.fields)
            held.insert(field.value);
        checkPath(record, held, path);
        const QStringList paths = record.paths();
        check(QSet<QString>(paths.begin(), paths.end()).size() == paths.size());
        for (const QString& own : paths) {
            check(!record.values(own).isEmpty());
            checkPath(record, held, own);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString path = QString::fromUtf8(newline < 0 ? input : input.left(newline));
    const QByteArray file = newline < 0 ? QByteArray() : input.mid(newline + 1);
    readAll(file, "fuzz.json", path);
    readAll(file, "fuzz.ndjson", path);
    readAll(file, "fuzz.vcf", path);
    return 0;
}
