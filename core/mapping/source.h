#pragma once

#include "mapping/record.h"

#include <QChar>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QIODevice;

namespace ContactDesk::Mapping {

enum class SourceKind
{
    Csv,
    Json, // one array of objects
    Ndjson, // one object per line
    VCard, // 3.0 or 4.0, any number of cards
};

// How a source file is read. Empty or null members mean "detect": the reader fills them in
// effectiveOptions() with what it found, and a saved profile keeps what the user chose.
struct SourceOptions
{
    std::optional<SourceKind> kind; // unset: by extension, then by content
    QString encoding; // IANA name ("UTF-8", "UTF-16LE", "windows-1252"); empty: BOM, uchardet
    QChar delimiter; // CSV: ',' ';' '\t' '|'; null: sniffed from the first lines
    bool header = true; // CSV: the first row names the columns, else "Column 1".."Column N"

    // {"kind": "csv", "encoding": "UTF-8", "delimiter": ";", "header": true}; detected values
    // are not written unless set.
    QJsonObject toJson() const;
    // Problems name the key and what is wrong ("source.delimiter: must be one of , ; tab |").
    static std::optional<SourceOptions> fromJson(const QJsonObject& json, QStringList* problems);
    bool operator==(const SourceOptions& other) const = default;
};

QString sourceKindName(SourceKind kind); // "csv", "json", "ndjson", "vcard"
std::optional<SourceKind> sourceKindFromName(const QString& name);

// Reads a source one record at a time; a file of any size never sits in memory (the reader
// holds one record and a small read buffer).
class SourceReader
{
public:
    virtual ~SourceReader();

    // Opens the file and reads what is needed to start (BOM, encoding detection on the first
    // 64 KiB, the CSV header and delimiter). Null with a user message in *error when the file
    // cannot be read: missing, empty, binary (NUL bytes or undecodable in the chosen
    // encoding), an unknown encoding name, a CSV whose header repeats a column name (the
    // message names it and both column numbers), JSON that is not an array of objects.
    static std::unique_ptr<SourceReader> open(
        const QString& path, const SourceOptions& options, QString* error);
    // The same over an open device (the reader takes ownership); `name` is used for the kind
    // by extension and in messages.
    static std::unique_ptr<SourceReader> open(std::unique_ptr<QIODevice> device,
        const QString& name, const SourceOptions& options, QString* error);

    // The options with everything detected filled in (kind, encoding, delimiter).
    virtual SourceOptions effectiveOptions() const = 0;
    // The CSV columns in header order; for JSON, NDJSON and vCard the paths met so far.
    virtual QStringList columns() const = 0;
    // The next record; false at the end of the file or on a fatal error (then error() says
    // what and where, e.g. "line 12: unterminated quoted field"). A record with problems is
    // still returned (see Record::problems).
    virtual bool next(Record* record) = 0;
    virtual QString error() const = 0;
    // For progress: bytes consumed of the file and its size (0 when unknown).
    virtual qint64 bytesRead() const = 0;
    virtual qint64 totalBytes() const = 0;
    // The most bytes the reader has held at once (read chunk, decoded text, queued rows, the
    // element or line being parsed): what shows a large file is streamed.
    virtual qint64 peakBufferedBytes() const;
};

// The first records of a source, read through SourceReader (never the whole file): what
// suggest, the editor's sample column and the preview use.
struct SourceSample
{
    SourceOptions options; // effective
    QStringList columns; // CSV header, or every path met in the sampled records
    QList<Record> records;
    QString error; // fatal: nothing could be read
    qint64 totalBytes = 0;
};
SourceSample sampleSource(const QString& path, const SourceOptions& options, int maxRecords = 200);

} // namespace ContactDesk::Mapping
