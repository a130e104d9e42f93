#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>

class QIODevice;

namespace ContactDesk::Mapping {

// How the bytes of a source file are text: a byte-order mark wins, then the encoding the user
// chose, then uchardet on the first 64 KiB; plain ASCII is reported as UTF-8.
struct DetectedEncoding
{
    QString name; // IANA name as QStringDecoder knows it ("UTF-8", "UTF-16LE", "windows-1252")
    qsizetype bomBytes = 0; // bytes of byte-order mark to skip
};

// The bytes a file starts with, read for detection.
inline constexpr qsizetype detectionBytes = 64 * 1024;
// What one read from the device takes.
inline constexpr qsizetype readChunkBytes = 64 * 1024;

// The BOM's encoding, or an empty name.
DetectedEncoding encodingFromBom(const QByteArray& head);
// BOM, else uchardet; UTF-8 when uchardet cannot tell and the bytes are valid UTF-8.
DetectedEncoding detectEncoding(const QByteArray& head);
// True for a known encoding name (through ICU, so "windows-1252", "Shift_JIS", "KOI8-R" too).
bool isKnownEncoding(const QString& name);
// True when decoded text is not text: NUL or other C0 control characters beyond TAB, LF, CR
// and FF in more than a few places, or replacement characters from undecodable bytes.
bool looksBinary(QStringView decoded, bool decodeErrors);

// A device read as UTF-8 text, chunk by chunk, whatever the file's encoding: the readers parse
// UTF-8 bytes. Holds one chunk of raw bytes and its re-encoded text, never the whole file.
class TextStream
{
public:
    TextStream() = default;
    TextStream(const TextStream&) = delete;
    TextStream& operator=(const TextStream&) = delete;

    // Reads the head, picks the encoding (`encoding` empty: detect), refuses an empty or
    // binary file. `displayName` is the file name used in messages.
    bool open(
        QIODevice* device, const QString& displayName, const QString& encoding, QString* error);

    // The next chunk of UTF-8 text (the head first); false at the end or on a decoding error
    // (then error() says where).
    bool readChunk(QByteArray* utf8);
    QString error() const { return m_error; }
    QString encodingName() const { return m_encoding; }
    // True when the encoding was given by a byte-order mark.
    bool hadBom() const { return m_bom; }
    // The decoded head (at most the first 64 KiB), for sniffing delimiters and kinds.
    QString headText() const { return m_headText; }

    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_totalBytes; }
    // The largest raw + decoded chunk held at once, for the memory bound tests check.
    qint64 peakChunkBytes() const { return m_peakChunk; }

private:
    QIODevice* m_device = nullptr;
    QString m_name;
    QString m_encoding;
    bool m_bom = false;
    QStringDecoder m_decoder;
    QString m_headText;
    QByteArray m_pendingHead; // UTF-8 of the head, handed out by the first readChunk()
    bool m_headPending = false;
    bool m_atEnd = false;
    QString m_error;
    qint64 m_lines = 0; // newlines handed out, for the line of a decoding error
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = 0;
    qint64 m_peakChunk = 0;
};

// The lines of a TextStream (LF or CRLF, the terminator removed), for NDJSON and vCard. Holds one
// chunk and the current line; a line longer than maxLineBytes is a fatal error.
class LineReader
{
public:
    static constexpr qsizetype maxLineBytes = 16 * 1024 * 1024;

    LineReader(TextStream* stream, const QString& displayName);
    // The next line and its 1-based number; false at the end or on an error.
    bool next(QByteArray* line, qint64* number);
    QString error() const;
    qint64 peakBytes() const { return m_peak; }

private:
    TextStream* m_stream;
    QString m_name;
    QByteArray m_chunk;
    qsizetype m_pos = 0;
    qint64 m_line = 0;
    bool m_end = false;
    QString m_error;
    qint64 m_peak = 0;
};

} // namespace ContactDesk::Mapping
