#pragma once

#include "mapping/source.h"
#include "mapping/textdecoding.h"

#include <QSet>

#include <optional>

namespace ContactDesk::Mapping {

// One content line of a card, split (RFC 6350 §3.3): group dropped, name and parameter names
// upper case, parameter values as written without their quotes, the value decoded
// (QUOTED-PRINTABLE and CHARSET of 2.1/3.0 files) and unescaped (\n \, \; \\).
struct VCardProperty
{
    QString name;
    QStringList params; // "TYPE=cell", "PREF=1"; a bare 2.1 parameter becomes "TYPE=..."
    QString value;
    bool binary = false; // ENCODING=b/BASE64 or a data: URI (PHOTO, LOGO, SOUND, KEY)
    // The record path: "TEL;TYPE=cell;TYPE=pref".
    QString path() const;
};
// Null when the line has no ':'.
std::optional<VCardProperty> parseVCardLine(const QString& line);
QString unescapeVCardValue(QStringView value);

// vCard 3.0 and 4.0 (and the 2.1 habits found in old exports), one card per record; each
// logical line is unfolded from the physical ones as it is read.
class VCardSource final : public SourceReader
{
public:
    VCardSource(std::unique_ptr<QIODevice> device, const QString& displayName,
        const SourceOptions& options);

    // Refuses a file without any BEGIN:VCARD.
    bool start(QString* error);

    SourceOptions effectiveOptions() const override;
    QStringList columns() const override;
    bool next(Record* record) override;
    QString error() const override;
    qint64 bytesRead() const override;
    qint64 totalBytes() const override;
    qint64 peakBufferedBytes() const override;

private:
    // The next unfolded line and the number of its first physical line.
    bool logicalLine(QString* line, qint64* number);
    bool readCard(Record* record);

    std::unique_ptr<QIODevice> m_device;
    QString m_name;
    SourceOptions m_options;
    TextStream m_text;
    std::optional<LineReader> m_lines;
    std::optional<std::pair<QByteArray, qint64>> m_peeked; // a physical line read ahead
    std::optional<qint64> m_pendingBegin; // a BEGIN:VCARD met inside an unfinished card
    std::optional<Record> m_lookahead;
    QStringList m_paths;
    QSet<QString> m_seenPaths;
    qint64 m_count = 0;
    qint64 m_peak = 0;
    QString m_error;
};

} // namespace ContactDesk::Mapping
