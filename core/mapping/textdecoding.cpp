#include "mapping/textdecoding.h"

#include <QCoreApplication>
#include <QIODevice>

#include <uchardet/uchardet.h>

#include <algorithm>
#include <memory>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::TextStream", text);
}

bool startsWith(const QByteArray& bytes, const char* prefix, qsizetype length)
{
    return bytes.size() >= length && std::equal(prefix, prefix + length, bytes.constData());
}

} // namespace

DetectedEncoding encodingFromBom(const QByteArray& head)
{
    // UTF-32 LE starts like UTF-16 LE, so it is tested first.
    if (startsWith(head, "\xFF\xFE\x00\x00", 4))
        return {QStringLiteral("UTF-32LE"), 4};
    if (startsWith(head, "\x00\x00\xFE\xFF", 4))
        return {QStringLiteral("UTF-32BE"), 4};
    if (startsWith(head, "\xEF\xBB\xBF", 3))
        return {QStringLiteral("UTF-8"), 3};
    if (startsWith(head, "\xFF\xFE", 2))
        return {QStringLiteral("UTF-16LE"), 2};
    if (startsWith(head, "\xFE\xFF", 2))
        return {QStringLiteral("UTF-16BE"), 2};
    return {};
}

DetectedEncoding detectEncoding(const QByteArray& head)
{
    DetectedEncoding bom = encodingFromBom(head);
    if (!bom.name.isEmpty())
        return bom;
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(
        uchardet_new(), uchardet_delete);
    uchardet_handle_data(detector.get(), head.constData(), size_t(head.size()));
    uchardet_data_end(detector.get());
    const QString found = QString::fromLatin1(uchardet_get_charset(detector.get()));
    // ASCII is a subset of UTF-8, and the rest of the file may well hold UTF-8. When uchardet
    // cannot tell, UTF-8 decoding decides: bytes it refuses make the file binary.
    if (found.isEmpty() || found.compare(QLatin1String("ASCII"), Qt::CaseInsensitive) == 0
        || !isKnownEncoding(found))
        return {QStringLiteral("UTF-8"), 0};
    return {found, 0};
}

bool isKnownEncoding(const QString& name)
{
    if (name.trimmed().isEmpty())
        return false;
    const QByteArray latin = name.toLatin1();
    return QStringDecoder(latin.constData()).isValid();
}

bool looksBinary(QStringView decoded, bool decodeErrors)
{
    if (decodeErrors)
        return true;
    qsizetype controls = 0;
    for (const QChar c : decoded) {
        const char16_t u = c.unicode();
        if (u == 0)
            return true;
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f')
            ++controls;
    }
    // A stray control character happens in real exports; a file full of them is not text.
    return controls > 8 && controls * 100 > decoded.size();
}

bool TextStream::open(
    QIODevice* device, const QString& displayName, const QString& encoding, QString* error)
{
    m_device = device;
    m_name = displayName;
    m_totalBytes = device->isSequential() ? 0 : device->size();
    QByteArray head = device->read(detectionBytes);
    m_bytesRead = head.size();

    DetectedEncoding chosen = encodingFromBom(head);
    m_bom = !chosen.name.isEmpty();
    if (!encoding.isEmpty()) {
        if (!isKnownEncoding(encoding)) {
            *error = tr("'%1': unknown encoding '%2'").arg(m_name, encoding);
            return false;
        }
        // A BOM of the chosen Unicode family says which byte order it is; any other chosen
        // encoding decodes the file as it is.
        const auto family
            = [](const QString& n) { return n.toUpper().remove(QLatin1Char('-')).left(5); };
        if (!m_bom || family(chosen.name) != family(encoding))
            chosen = {encoding, 0};
    } else if (!m_bom) {
        chosen = detectEncoding(head);
    }
    const QByteArray latinName = chosen.name.toLatin1();
    m_decoder = QStringDecoder(latinName.constData());
    m_encoding = QString::fromLatin1(m_decoder.name());
    head.remove(0, chosen.bomBytes);

    // The decoder keeps a character cut at the end of the head for the next chunk.
    m_headText = m_decoder.decode(head);
    const bool headErrors = m_decoder.hasError();
    if (m_headText.trimmed().isEmpty() && device->atEnd()) {
        *error = tr("'%1' is empty").arg(m_name);
        return false;
    }
    if (looksBinary(m_headText, headErrors)) {
        *error = encoding.isEmpty()
            ? tr("'%1' is not a text file (it holds NUL bytes or control characters, or bytes "
                 "that no text encoding explains)")
                  .arg(m_name)
            : tr("'%1' is not readable as %2 text").arg(m_name, m_encoding);
        return false;
    }
    m_pendingHead = m_headText.toUtf8();
    m_lines = m_headText.count(u'\n');
    m_headPending = true;
    m_peakChunk = head.size() + m_pendingHead.size() + m_headText.size() * 2;
    return true;
}

bool TextStream::readChunk(QByteArray* utf8)
{
    utf8->clear();
    if (!m_error.isEmpty())
        return false;
    if (m_headPending) {
        m_headPending = false;
        *utf8 = std::move(m_pendingHead);
        m_pendingHead.clear();
        if (!utf8->isEmpty())
            return true;
    }
    while (!m_atEnd) {
        const QByteArray raw = m_device->read(readChunkBytes);
        m_bytesRead += raw.size();
        if (raw.isEmpty())
            m_atEnd = true;
        const QString text = m_decoder.decode(raw);
        if (m_decoder.hasError()) {
            const qsizetype bad = text.indexOf(QChar(QChar::ReplacementCharacter));
            const qint64 line
                = m_lines + 1 + QStringView(text).left(std::max<qsizetype>(bad, 0)).count(u'\n');
            m_error = tr("'%1', line %2: bytes that are not valid %3 text")
                          .arg(m_name)
                          .arg(line)
                          .arg(m_encoding);
            return false;
        }
        m_lines += text.count(u'\n');
        *utf8 = text.toUtf8();
        m_peakChunk = std::max(m_peakChunk, qint64(raw.size() + utf8->size() + text.size() * 2));
        if (!utf8->isEmpty())
            return true;
    }
    return false;
}

} // namespace ContactDesk::Mapping

namespace ContactDesk::Mapping {

LineReader::LineReader(TextStream* stream, const QString& displayName)
    : m_stream(stream)
    , m_name(displayName)
{ }

bool LineReader::next(QByteArray* line, qint64* number)
{
    line->clear();
    if (!m_error.isEmpty())
        return false;
    bool any = false;
    for (;;) {
        if (m_pos >= m_chunk.size()) {
            if (m_end || !m_stream->readChunk(&m_chunk)) {
                m_end = true;
                m_chunk.clear();
                m_pos = 0;
                if (!m_stream->error().isEmpty()) {
                    m_error = m_stream->error();
                    return false;
                }
                if (!any)
                    return false;
                break;
            }
            m_pos = 0;
        }
        any = true;
        const qsizetype newline = m_chunk.indexOf('\n', m_pos);
        const qsizetype end = newline < 0 ? m_chunk.size() : newline;
        line->append(m_chunk.constData() + m_pos, end - m_pos);
        m_peak = std::max(m_peak, qint64(m_chunk.size() + line->size()));
        m_pos = newline < 0 ? m_chunk.size() : newline + 1;
        if (line->size() > maxLineBytes) {
            m_error = tr("'%1': line %2 is longer than 16 MiB").arg(m_name).arg(m_line + 1);
            return false;
        }
        if (newline >= 0)
            break;
    }
    if (line->endsWith('\r'))
        line->chop(1);
    *number = ++m_line;
    return true;
}

QString LineReader::error() const
{
    return m_error;
}

} // namespace ContactDesk::Mapping
