#include "mapping/csvsource.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::CsvSource", text);
}

// libcsv's parser states (csv.c): a quoted field still open at the end of the file is
// FIELD_BEGUN with `quoted` set.
constexpr int libcsvFieldBegun = 2;

// Cell values keep their text exactly: libcsv would trim spaces and tabs otherwise.
int noSpace(unsigned char)
{
    return 0;
}

QString columnName(qsizetype index)
{
    return QStringLiteral("Column %1").arg(index + 1);
}

} // namespace

QChar sniffDelimiter(QStringView head)
{
    static const QChar candidates[] = {u',', u';', u'\t', u'|'};
    constexpr int maxLines = 50;
    std::vector<std::array<int, 4>> counts;
    std::array<int, 4> line {};
    bool quoted = false;
    bool complete = false; // the last line ended with a newline
    for (const QChar c : head) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (line != std::array<int, 4> {})
                counts.push_back(line);
            line = {};
            complete = true;
            if (int(counts.size()) >= maxLines)
                break;
            continue;
        } else if (!quoted) {
            for (int i = 0; i < 4; ++i) {
                if (c == candidates[i])
                    ++line[i];
            }
        }
        complete = false;
    }
    // The head may end inside a line: its counts are only a part of the line's.
    if (!complete && line != std::array<int, 4> {} && counts.empty())
        counts.push_back(line);

    int best = 0;
    int bestLines = 0;
    int bestCount = 0;
    for (int i = 0; i < 4; ++i) {
        std::map<int, int> frequency;
        for (const auto& lineCounts : counts) {
            if (lineCounts[i] > 0)
                ++frequency[lineCounts[i]];
        }
        for (const auto& [count, lines] : frequency) {
            if (lines > bestLines || (lines == bestLines && count > bestCount)) {
                best = i;
                bestLines = lines;
                bestCount = count;
            }
        }
    }
    return candidates[best];
}

CsvSource::CsvSource(
    std::unique_ptr<QIODevice> device, const QString& displayName, const SourceOptions& options)
    : m_device(std::move(device))
    , m_name(displayName)
    , m_options(options)
{ }

CsvSource::~CsvSource()
{
    if (m_parserReady)
        csv_free(&m_parser);
}

bool CsvSource::start(QString* error)
{
    if (!m_text.open(m_device.get(), m_name, m_options.encoding, error))
        return false;
    m_options.kind = SourceKind::Csv;
    m_options.encoding = m_text.encodingName();
    if (m_options.delimiter.isNull())
        m_options.delimiter = sniffDelimiter(m_text.headText());
    if (m_options.delimiter.unicode() > 0x7f) {
        *error = tr("'%1': the delimiter must be one of , ; tab |").arg(m_name);
        return false;
    }
    if (csv_init(&m_parser, 0) != 0) {
        *error = tr("'%1': out of memory").arg(m_name);
        return false;
    }
    m_parserReady = true;
    csv_set_delim(&m_parser, static_cast<unsigned char>(m_options.delimiter.toLatin1()));
    csv_set_space_func(&m_parser, noSpace);

    Row first;
    if (!takeRow(&first)) {
        *error = m_error.isEmpty() ? tr("'%1' is empty").arg(m_name) : m_error;
        return false;
    }
    if (m_options.header) {
        if (!first.cells.isEmpty() && first.cells.first().startsWith(QChar(0xfeff)))
            first.cells.first().remove(0, 1);
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < first.cells.size(); ++i) {
            const QString name = first.cells.at(i).isEmpty() ? columnName(i) : first.cells.at(i);
            if (seen.contains(name)) {
                *error = tr("'%1': columns %2 and %3 are both named \"%4\"; rename one of them")
                             .arg(m_name)
                             .arg(seen.value(name) + 1)
                             .arg(i + 1)
                             .arg(name);
                return false;
            }
            seen.insert(name, i);
            m_columns.append(name);
        }
        if (!fill()) {
            *error = m_error.isEmpty() ? tr("'%1' has a header row but no records").arg(m_name)
                                       : m_error;
            return false;
        }
    } else {
        for (qsizetype i = 0; i < first.cells.size(); ++i)
            m_columns.append(columnName(i));
        m_rows.push_front(std::move(first));
    }
    return true;
}

void CsvSource::onField(void* data, size_t length, void* self)
{
    auto* source = static_cast<CsvSource*>(self);
    const auto* bytes = static_cast<const char*>(data);
    if (source->m_cells.isEmpty()) {
        const qint64 newlines = std::count(bytes, bytes + length, '\n');
        source->m_cellsLine = source->m_line - newlines;
    }
    source->m_cells.append(QString::fromUtf8(bytes, qsizetype(length)));
    source->m_queuedBytes += source->m_cells.last().size() * qint64(sizeof(QChar));
}

void CsvSource::onRow(int, void* self)
{
    auto* source = static_cast<CsvSource*>(self);
    source->m_rows.push_back({std::move(source->m_cells), source->m_cellsLine});
    source->m_cells.clear();
    source->m_peakQueued = std::max(source->m_peakQueued, source->m_queuedBytes);
}

bool CsvSource::feed(const QByteArray& utf8)
{
    // One line at a time, so that m_line is the line of every byte libcsv reports.
    qsizetype pos = 0;
    while (pos < utf8.size()) {
        const qsizetype newline = utf8.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? utf8.size() : newline + 1;
        const size_t length = size_t(end - pos);
        if (csv_parse(&m_parser, utf8.constData() + pos, length, onField, onRow, this) != length) {
            // Without CSV_STRICT only running out of memory stops libcsv.
            m_error = tr("'%1', line %2: %3")
                          .arg(m_name)
                          .arg(m_line)
                          .arg(QString::fromLatin1(csv_strerror(csv_error(&m_parser))));
            m_finished = true;
            return false;
        }
        if (newline >= 0)
            ++m_line;
        pos = end;
    }
    m_peakQueued = std::max(m_peakQueued, m_queuedBytes + qint64(csv_get_buffer_size(&m_parser)));
    return true;
}

bool CsvSource::finish()
{
    m_finished = true;
    if (!m_text.error().isEmpty()) {
        m_error = m_text.error();
        return false;
    }
    if (m_parser.pstate == libcsvFieldBegun && m_parser.quoted) {
        const auto* begin = m_parser.entry_buf;
        const qint64 newlines = std::count(begin, begin + m_parser.entry_pos, '\n');
        m_error = tr("'%1', line %2: a quoted field is never closed (a \" is missing)")
                      .arg(m_name)
                      .arg(m_line - newlines);
        return false;
    }
    csv_fini(&m_parser, onField, onRow, this);
    return true;
}

bool CsvSource::fill()
{
    QByteArray chunk;
    while (m_rows.empty() && !m_finished) {
        if (m_text.readChunk(&chunk)) {
            if (!feed(chunk))
                return false;
        } else if (!finish()) {
            return false;
        }
    }
    return !m_rows.empty();
}

bool CsvSource::takeRow(Row* row)
{
    if (m_rows.empty() && !fill())
        return false;
    *row = std::move(m_rows.front());
    m_rows.pop_front();
    for (const QString& cell : row->cells)
        m_queuedBytes -= cell.size() * qint64(sizeof(QChar));
    m_queuedBytes = std::max<qint64>(0, m_queuedBytes);
    return true;
}

bool CsvSource::next(Record* record)
{
    Row row;
    if (!takeRow(&row))
        return false;
    *record = Record();
    record->number = ++m_count;
    record->line = row.line;
    const qsizetype expected = m_columns.size();
    if (row.cells.size() != expected) {
        record->problems.append(m_options.header
                ? tr("row %1 (line %2) has %3 cells, the header has %4")
                      .arg(record->number)
                      .arg(row.line)
                      .arg(row.cells.size())
                      .arg(expected)
                : tr("row %1 (line %2) has %3 cells, the first row has %4")
                      .arg(record->number)
                      .arg(row.line)
                      .arg(row.cells.size())
                      .arg(expected));
    }
    record->fields.reserve(row.cells.size());
    for (qsizetype i = 0; i < row.cells.size(); ++i) {
        const QString path = i < expected ? m_columns.at(i) : columnName(i);
        record->fields.append({path, row.cells.at(i)});
    }
    return true;
}

SourceOptions CsvSource::effectiveOptions() const
{
    return m_options;
}

QStringList CsvSource::columns() const
{
    return m_columns;
}

QString CsvSource::error() const
{
    return m_error;
}

qint64 CsvSource::bytesRead() const
{
    return m_text.bytesRead();
}

qint64 CsvSource::totalBytes() const
{
    return m_text.totalBytes();
}

qint64 CsvSource::peakBufferedBytes() const
{
    return m_text.peakChunkBytes() + m_peakQueued;
}

} // namespace ContactDesk::Mapping
