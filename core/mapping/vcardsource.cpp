// vCard is parsed here rather than with belcard (libbelcard-dev 5.1.64, Debian 12), which was
// tried first on the cards below through BelCardParser::getInstance()->parse(text):
//   "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;John;;;\r\nFN:John Doe\r\nTEL;TYPE=CELL:+1 555 0100\r\n
//    EMAIL;TYPE=INTERNET:j@x.test\r\nEND:VCARD\r\n" (a Google Contacts / Outlook 3.0 card)
//        -> parse() returned null: belcard's grammar accepts VERSION:4.0 only;
//   the same card with Apple's "item1.TEL;type=CELL;type=pref:..." and "X-ABUID:123" -> null;
//   a 2.1 card with "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:D=C3=BCrr;J" -> null;
//   the 3.0 card with LF line ends -> null;
//   "BEGIN:VCARD\r\nVERSION:4.0\r\n...TEL;TYPE=cell;VALUE=uri:tel:+1-555-0100\r\nEND:VCARD\r\n"
//        -> 1 card, 1 TEL (4.0 is fine).
// Most address-book exports are 3.0, and parse() takes the whole text as one std::string (no
// streaming), so belcard cannot read them. The content-line grammar (RFC 6350 §3.3: [group.]
// name *(";" param) ":" value, folded lines) is small enough to parse here.
#include "mapping/vcardsource.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::VCardSource", text);
}

QByteArray decodeQuotedPrintable(const QString& text)
{
    const QByteArray in = text.toUtf8();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '=' && i + 2 < in.size()) {
            bool ok = false;
            const int byte = in.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(byte));
                i += 2;
                continue;
            }
        }
        if (c == '=' && i == in.size() - 1)
            break; // a soft line break left at the end
        out.append(c);
    }
    return out;
}

// Splits at `separator` outside double quotes.
QStringList splitOutsideQuotes(QStringView text, QChar separator)
{
    QStringList parts;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'"')
            quoted = !quoted;
        else if (!quoted && text.at(i) == separator) {
            parts.append(text.mid(start, i - start).toString());
            start = i + 1;
        }
    }
    parts.append(text.mid(start).toString());
    return parts;
}

bool isQuotedPrintable(const QString& line)
{
    const qsizetype colon = line.indexOf(u':');
    const QStringView head = QStringView(line).left(colon < 0 ? line.size() : colon);
    return head.contains(QLatin1String("QUOTED-PRINTABLE"), Qt::CaseInsensitive);
}

} // namespace

QString unescapeVCardValue(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size()) {
            const QChar n = value.at(i + 1);
            if (n == u'n' || n == u'N') {
                out.append(u'\n');
                ++i;
                continue;
            }
            if (n == u',' || n == u';' || n == u'\\' || n == u':') {
                out.append(n);
                ++i;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

QString VCardProperty::path() const
{
    QString result = name;
    for (const QString& param : params)
        result += u';' + param;
    return result;
}

std::optional<VCardProperty> parseVCardLine(const QString& line)
{
    // The value starts at the first ':' outside a quoted parameter value.
    qsizetype colon = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u'"')
            quoted = !quoted;
        else if (!quoted && line.at(i) == u':') {
            colon = i;
            break;
        }
    }
    if (colon <= 0)
        return std::nullopt;
    const QStringList head = splitOutsideQuotes(QStringView(line).left(colon), u';');
    VCardProperty property;
    QString name = head.first().trimmed();
    if (const qsizetype dot = name.lastIndexOf(u'.'); dot >= 0)
        name = name.mid(dot + 1); // "item1.EMAIL": Apple's groups
    property.name = name.toUpper();
    if (property.name.isEmpty())
        return std::nullopt;

    QString encoding;
    QString charset;
    bool uri = false;
    for (qsizetype i = 1; i < head.size(); ++i) {
        const QString param = head.at(i).trimmed();
        if (param.isEmpty())
            continue;
        const qsizetype eq = param.indexOf(u'=');
        const QString key = eq < 0 ? QStringLiteral("TYPE") : param.left(eq).trimmed().toUpper();
        QString value = eq < 0 ? param : param.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (eq < 0
            && (value.compare(QLatin1String("QUOTED-PRINTABLE"), Qt::CaseInsensitive) == 0
                || value.compare(QLatin1String("BASE64"), Qt::CaseInsensitive) == 0)) {
            encoding = value.toUpper();
            continue;
        }
        if (key == QLatin1String("ENCODING")) {
            encoding = value.toUpper();
            continue;
        }
        if (key == QLatin1String("CHARSET")) {
            charset = value;
            continue;
        }
        if (key == QLatin1String("VALUE")
            && value.compare(QLatin1String("uri"), Qt::CaseInsensitive) == 0)
            uri = true;
        property.params.append(key + u'=' + value);
    }

    const QString raw = line.mid(colon + 1);
    if (encoding == QLatin1String("B") || encoding == QLatin1String("BASE64")
        || (raw.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)
            && raw.contains(QLatin1String(";base64,"), Qt::CaseInsensitive))) {
        property.binary = true;
        return property;
    }
    if (encoding == QLatin1String("QUOTED-PRINTABLE")) {
        const QByteArray bytes = decodeQuotedPrintable(raw);
        QStringDecoder decoder(charset.isEmpty() ? "UTF-8" : charset.toLatin1().constData());
        property.value = decoder.isValid() ? decoder.decode(bytes) : QString::fromUtf8(bytes);
    } else {
        property.value = unescapeVCardValue(raw);
    }
    // 4.0 writes telephone numbers as tel: URIs.
    if (property.name == QLatin1String("TEL")
        && (uri || property.value.startsWith(QLatin1String("tel:"))))
        property.value.remove(0, property.value.startsWith(QLatin1String("tel:")) ? 4 : 0);
    return property;
}

VCardSource::VCardSource(
    std::unique_ptr<QIODevice> device, const QString& displayName, const SourceOptions& options)
    : m_device(std::move(device))
    , m_name(displayName)
    , m_options(options)
{ }

bool VCardSource::start(QString* error)
{
    if (!m_text.open(m_device.get(), m_name, m_options.encoding, error))
        return false;
    m_options.kind = SourceKind::VCard;
    m_options.encoding = m_text.encodingName();
    m_options.delimiter = QChar();
    m_lines.emplace(&m_text, m_name);
    Record first;
    if (!readCard(&first)) {
        *error = m_error.isEmpty() ? tr("'%1' holds no vCard (no BEGIN:VCARD line)").arg(m_name)
                                   : m_error;
        return false;
    }
    m_lookahead = std::move(first);
    return true;
}

bool VCardSource::logicalLine(QString* line, qint64* number)
{
    std::pair<QByteArray, qint64> physical;
    if (m_peeked) {
        physical = std::move(*m_peeked);
        m_peeked.reset();
    } else if (!m_lines->next(&physical.first, &physical.second)) {
        if (!m_lines->error().isEmpty())
            m_error = m_lines->error();
        return false;
    }
    QByteArray logical = std::move(physical.first);
    *number = physical.second;
    bool quotedPrintable = isQuotedPrintable(QString::fromUtf8(logical.left(256)));
    for (;;) {
        std::pair<QByteArray, qint64> following;
        if (!m_lines->next(&following.first, &following.second)) {
            if (!m_lines->error().isEmpty()) {
                m_error = m_lines->error();
                return false;
            }
            break;
        }
        const bool folded = following.first.startsWith(' ') || following.first.startsWith('\t');
        // QUOTED-PRINTABLE (2.1) continues a value after a soft break: '=' at the line's end.
        const bool softBreak = quotedPrintable && logical.endsWith('=');
        if (folded) {
            logical.append(following.first.constData() + 1, following.first.size() - 1);
        } else if (softBreak) {
            logical.chop(1);
            logical.append(following.first);
        } else {
            m_peeked = std::move(following);
            break;
        }
        if (logical.size() > LineReader::maxLineBytes) {
            m_error
                = tr("'%1', line %2: a property is longer than 16 MiB").arg(m_name).arg(*number);
            return false;
        }
        m_peak = std::max(m_peak, qint64(logical.size()));
    }
    *line = QString::fromUtf8(logical);
    return true;
}

bool VCardSource::readCard(Record* record)
{
    if (!m_error.isEmpty())
        return false;
    QString line;
    qint64 number = 0;
    std::optional<qint64> begin = m_pendingBegin;
    m_pendingBegin.reset();
    while (!begin) {
        if (!logicalLine(&line, &number))
            return false;
        if (line.trimmed().compare(QLatin1String("BEGIN:VCARD"), Qt::CaseInsensitive) == 0)
            begin = number;
    }
    *record = Record();
    record->number = ++m_count;
    record->line = *begin;
    const auto addPaths = [this, record] {
        for (const RecordField& field : std::as_const(record->fields)) {
            if (!m_seenPaths.contains(field.path)) {
                m_seenPaths.insert(field.path);
                m_paths.append(field.path);
            }
        }
    };
    while (logicalLine(&line, &number)) {
        const QString trimmed = line.trimmed();
        if (trimmed.compare(QLatin1String("END:VCARD"), Qt::CaseInsensitive) == 0) {
            addPaths();
            return true;
        }
        if (trimmed.compare(QLatin1String("BEGIN:VCARD"), Qt::CaseInsensitive) == 0) {
            m_pendingBegin = number;
            break;
        }
        if (trimmed.isEmpty())
            continue;
        const std::optional<VCardProperty> property = parseVCardLine(line);
        if (!property) {
            record->problems.append(
                tr("line %1 is not a vCard property (no ':'): %2").arg(number).arg(line.left(60)));
            continue;
        }
        if (property->binary || property->name == QLatin1String("VERSION"))
            continue;
        record->fields.append({property->path(), property->value});
    }
    if (!m_error.isEmpty())
        return false;
    record->problems.append(
        tr("the card that starts at line %1 has no END:VCARD").arg(record->line));
    addPaths();
    return true;
}

bool VCardSource::next(Record* record)
{
    if (m_lookahead) {
        *record = std::move(*m_lookahead);
        m_lookahead.reset();
        return true;
    }
    return readCard(record);
}

SourceOptions VCardSource::effectiveOptions() const
{
    return m_options;
}

QStringList VCardSource::columns() const
{
    return m_paths;
}

QString VCardSource::error() const
{
    return m_error;
}

qint64 VCardSource::bytesRead() const
{
    return m_text.bytesRead();
}

qint64 VCardSource::totalBytes() const
{
    return m_text.totalBytes();
}

qint64 VCardSource::peakBufferedBytes() const
{
    return m_text.peakChunkBytes() + std::max(m_peak, m_lines ? m_lines->peakBytes() : qint64(0));
}

} // namespace ContactDesk::Mapping
