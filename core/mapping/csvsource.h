#pragma once

#include "mapping/source.h"
#include "mapping/textdecoding.h"

#include <csv.h>

#include <deque>

namespace ContactDesk::Mapping {

// The delimiter of CSV text among , ; TAB |: the one whose count outside quotes is the same on
// the most of the first lines (then the larger count). ',' when none occurs.
QChar sniffDelimiter(QStringView head);

// RFC 4180 CSV through libcsv, fed one line of one 64 KiB chunk at a time, so that a row's
// starting line is known and only one chunk of rows is ever queued.
class CsvSource final : public SourceReader
{
public:
    CsvSource(std::unique_ptr<QIODevice> device, const QString& displayName,
        const SourceOptions& options);
    ~CsvSource() override;

    // Detects the encoding and delimiter, reads the header and looks ahead to the first
    // record (a header alone is an error).
    bool start(QString* error);

    SourceOptions effectiveOptions() const override;
    QStringList columns() const override;
    bool next(Record* record) override;
    QString error() const override;
    qint64 bytesRead() const override;
    qint64 totalBytes() const override;
    qint64 peakBufferedBytes() const override;

private:
    struct Row
    {
        QStringList cells;
        qint64 line = 0;
    };

    static void onField(void* data, size_t length, void* self);
    static void onRow(int terminator, void* self);
    // Feeds chunks until a row is queued or the file ends; false when nothing is left.
    bool fill();
    bool feed(const QByteArray& utf8);
    bool finish();
    bool takeRow(Row* row);

    std::unique_ptr<QIODevice> m_device;
    QString m_name;
    SourceOptions m_options;
    TextStream m_text;
    csv_parser m_parser {};
    bool m_parserReady = false;
    bool m_finished = false;

    QStringList m_columns;
    QStringList m_cells; // of the row being parsed
    qint64 m_cellsLine = 0;
    std::deque<Row> m_rows;
    qint64 m_queuedBytes = 0;
    qint64 m_peakQueued = 0;
    qint64 m_line = 1; // the line the next byte fed belongs to
    qint64 m_count = 0;
    QString m_error;
};

} // namespace ContactDesk::Mapping
