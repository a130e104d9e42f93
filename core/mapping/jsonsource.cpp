#include "mapping/jsonsource.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::JsonSource", text);
}

QString numberText(const QJsonValue& value)
{
    // Qt keeps integers that fit 64 bits exactly; others are doubles, written shortest.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());
    return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
}

QString typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Null:
        return tr("null");
    default:
        return tr("not an object");
    }
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

void flattenJson(const QJsonValue& value, const QString& prefix, QList<RecordField>* fields)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flattenJson(it.value(), prefix.isEmpty() ? it.key() : prefix + u'.' + it.key(), fields);
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            flattenJson(array.at(i), prefix + u'[' + QString::number(i) + u']', fields);
        break;
    }
    case QJsonValue::String:
        fields->append({prefix, value.toString()});
        break;
    case QJsonValue::Double:
        fields->append({prefix, numberText(value)});
        break;
    case QJsonValue::Bool:
        fields->append({prefix, value.toBool() ? QStringLiteral("true") : QStringLiteral("false")});
        break;
    default:
        fields->append({prefix, QString()});
        break;
    }
}

JsonSource::JsonSource(
    std::unique_ptr<QIODevice> device, const QString& displayName, const SourceOptions& options)
    : m_device(std::move(device))
    , m_name(displayName)
    , m_options(options)
{ }

bool JsonSource::start(QString* error)
{
    if (!m_text.open(m_device.get(), m_name, m_options.encoding, error))
        return false;
    m_options.encoding = m_text.encodingName();
    m_options.delimiter = QChar();
    if (m_options.kind == SourceKind::Ndjson)
        m_lines.emplace(&m_text, m_name);
    Record first;
    if (!readRecord(&first)) {
        *error = m_error.isEmpty() ? tr("'%1' holds no records").arg(m_name) : m_error;
        return false;
    }
    m_lookahead = std::move(first);
    return true;
}

void JsonSource::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool JsonSource::next(Record* record)
{
    if (m_lookahead) {
        *record = std::move(*m_lookahead);
        m_lookahead.reset();
        return true;
    }
    return readRecord(record);
}

bool JsonSource::readRecord(Record* record)
{
    if (!m_error.isEmpty())
        return false;
    return m_lines ? readLine(record) : readArrayElement(record);
}

bool JsonSource::readLine(Record* record)
{
    QByteArray line;
    qint64 number = 0;
    while (m_lines->next(&line, &number)) {
        if (line.trimmed().isEmpty())
            continue;
        makeRecord(line, number, record, true);
        return true;
    }
    if (!m_lines->error().isEmpty())
        fail(m_lines->error());
    m_peak = std::max(m_peak, m_lines->peakBytes());
    return false;
}

bool JsonSource::readArrayElement(Record* record)
{
    for (;;) {
        if (scan()) {
            makeRecord(m_element, m_elementLine, record, false);
            m_element.clear();
            return true;
        }
        if (!m_error.isEmpty())
            return false;
        if (m_end)
            break;
        if (!m_text.readChunk(&m_chunk)) {
            m_end = true;
            m_chunk.clear();
            if (!m_text.error().isEmpty()) {
                fail(m_text.error());
                return false;
            }
        }
        m_pos = 0;
    }
    if (m_state == State::BeforeArray)
        fail(tr("'%1' is empty").arg(m_name));
    else if (m_state != State::AfterArray)
        fail(tr("'%1' ends before its array is closed (the file looks truncated)").arg(m_name));
    return false;
}

bool JsonSource::scan()
{
    const char* data = m_chunk.constData();
    const qsizetype size = m_chunk.size();
    qsizetype elementStart = m_state == State::InElement ? m_pos : -1;
    const auto keep = [&](qsizetype end) {
        if (elementStart >= 0)
            m_element.append(data + elementStart, end - elementStart);
        m_peak = std::max(m_peak, qint64(m_element.size() + size + m_text.peakChunkBytes()));
        if (m_element.size() > maxElementBytes) {
            fail(tr("'%1', line %2: an element is larger than 16 MiB")
                     .arg(m_name)
                     .arg(m_elementLine));
        }
    };
    while (m_pos < size) {
        const char c = data[m_pos];
        if (c == '\n')
            ++m_line;
        switch (m_state) {
        case State::BeforeArray:
            if (c == '[') {
                m_state = State::ExpectElement;
            } else if (!isSpace(c)) {
                fail(c == '{' ? tr("'%1' holds one JSON object, not an array of objects (use "
                                   "NDJSON for one object per line)")
                                    .arg(m_name)
                              : tr("'%1' is not a JSON array of objects").arg(m_name));
                return false;
            }
            break;
        case State::ExpectElement:
            if (c == ']') {
                m_state = State::AfterArray;
            } else if (c == ',') {
                fail(tr("'%1', line %2: an array element is missing before ','")
                         .arg(m_name)
                         .arg(m_line));
                return false;
            } else if (!isSpace(c)) {
                m_state = State::InElement;
                m_elementLine = m_line;
                m_depth = 0;
                m_inString = false;
                m_escape = false;
                elementStart = m_pos;
                continue; // the same byte again, as part of the element
            }
            break;
        case State::InElement:
            if (m_inString) {
                if (m_escape)
                    m_escape = false;
                else if (c == '\\')
                    m_escape = true;
                else if (c == '"')
                    m_inString = false;
            } else if (c == '"') {
                m_inString = true;
            } else if (c == '{' || c == '[') {
                ++m_depth;
            } else if ((c == '}' || c == ']') && m_depth > 0) {
                --m_depth;
            } else if ((c == ',' || c == ']') && m_depth == 0) {
                keep(m_pos);
                m_state = c == ',' ? State::ExpectElement : State::AfterArray;
                ++m_pos;
                return m_error.isEmpty();
            }
            break;
        case State::AfterArray:
            if (!isSpace(c)) {
                fail(tr("'%1', line %2: text after the end of the array").arg(m_name).arg(m_line));
                return false;
            }
            break;
        }
        ++m_pos;
    }
    keep(size);
    return false;
}

void JsonSource::makeRecord(const QByteArray& json, qint64 line, Record* record, bool ndjson)
{
    *record = Record();
    record->number = ++m_count;
    record->line = line;
    QJsonParseError parseError {};
    const QByteArray trimmed = json.trimmed();
    const bool container = trimmed.startsWith('{') || trimmed.startsWith('[');
    // QJsonDocument parses objects and arrays; a scalar element is parsed inside an array.
    const QJsonDocument document = QJsonDocument::fromJson(
        container ? trimmed : QByteArray('[' + trimmed + ']'), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        record->problems.append(ndjson ? tr("line %1: %2 at column %3")
                                             .arg(line)
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset + 1)
                                       : tr("element %1 (line %2): %3")
                                             .arg(record->number)
                                             .arg(line)
                                             .arg(parseError.errorString()));
        return;
    }
    if (!document.isObject()) {
        const QJsonValue value = container
            ? (document.isArray() ? QJsonValue(document.array()) : QJsonValue())
            : document.array().at(0);
        record->problems.append(ndjson
                ? tr("line %1 is %2, not a JSON object").arg(line).arg(typeName(value))
                : tr("element %1 (line %2) is %3, not a JSON object")
                      .arg(record->number)
                      .arg(line)
                      .arg(typeName(value)));
        return;
    }
    flattenJson(document.object(), QString(), &record->fields);
    for (const RecordField& field : std::as_const(record->fields)) {
        if (!m_seenPaths.contains(field.path)) {
            m_seenPaths.insert(field.path);
            m_paths.append(field.path);
        }
    }
}

SourceOptions JsonSource::effectiveOptions() const
{
    return m_options;
}

QStringList JsonSource::columns() const
{
    return m_paths;
}

QString JsonSource::error() const
{
    return m_error;
}

qint64 JsonSource::bytesRead() const
{
    return m_text.bytesRead();
}

qint64 JsonSource::totalBytes() const
{
    return m_text.totalBytes();
}

qint64 JsonSource::peakBufferedBytes() const
{
    return std::max(m_peak, m_lines ? m_lines->peakBytes() : qint64(0));
}

} // namespace ContactDesk::Mapping
