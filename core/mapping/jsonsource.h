#pragma once

#include "mapping/source.h"
#include "mapping/textdecoding.h"

#include <QJsonValue>
#include <QSet>

#include <optional>

namespace ContactDesk::Mapping {

// Every scalar under `value` as a record field: objects give dotted paths, arrays indexes
// ("profile.emails[0].address", "tags[1]"); numbers and booleans as their JSON text, null as an
// empty value.
void flattenJson(const QJsonValue& value, const QString& prefix, QList<RecordField>* fields);

// A JSON array of objects or NDJSON (one object per line), streamed: the array's elements are
// found by scanning the bytes (strings, escapes, depth) and each is parsed on its own, so only
// one element is in memory.
class JsonSource final : public SourceReader
{
public:
    static constexpr qsizetype maxElementBytes = 16 * 1024 * 1024;

    JsonSource(std::unique_ptr<QIODevice> device, const QString& displayName,
        const SourceOptions& options);

    // Refuses a file that is not an array (for Json) and one without any record.
    bool start(QString* error);

    SourceOptions effectiveOptions() const override;
    QStringList columns() const override;
    bool next(Record* record) override;
    QString error() const override;
    qint64 bytesRead() const override;
    qint64 totalBytes() const override;
    qint64 peakBufferedBytes() const override;

private:
    enum class State
    {
        BeforeArray,
        ExpectElement,
        InElement,
        AfterArray,
    };

    bool readRecord(Record* record);
    bool readArrayElement(Record* record);
    bool readLine(Record* record);
    // Scans m_chunk from m_pos; true when an element is complete in m_element.
    bool scan();
    void makeRecord(const QByteArray& json, qint64 line, Record* record, bool ndjson);
    void fail(const QString& message);

    std::unique_ptr<QIODevice> m_device;
    QString m_name;
    SourceOptions m_options;
    TextStream m_text;
    std::optional<LineReader> m_lines;

    State m_state = State::BeforeArray;
    QByteArray m_chunk;
    qsizetype m_pos = 0;
    bool m_end = false;
    QByteArray m_element;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    qint64 m_line = 1;
    qint64 m_elementLine = 0;
    qint64 m_peak = 0;

    std::optional<Record> m_lookahead;
    QStringList m_paths;
    QSet<QString> m_seenPaths;
    qint64 m_count = 0;
    QString m_error;
};

} // namespace ContactDesk::Mapping
