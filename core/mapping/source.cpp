#include "mapping/source.h"

#include "mapping/csvsource.h"
#include "mapping/jsonsource.h"
#include "mapping/textdecoding.h"
#include "mapping/vcardsource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>

namespace ContactDesk::Mapping {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::SourceReader", text);
}

struct KindName
{
    SourceKind kind;
    const char* name;
};
constexpr KindName kindNames[] = {
    {SourceKind::Csv, "csv"},
    {SourceKind::Json, "json"},
    {SourceKind::Ndjson, "ndjson"},
    {SourceKind::VCard, "vcard"},
};

std::optional<SourceKind> kindFromExtension(const QString& name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv")
        || suffix == QLatin1String("txt"))
        return SourceKind::Csv;
    if (suffix == QLatin1String("json"))
        return SourceKind::Json;
    if (suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl"))
        return SourceKind::Ndjson;
    if (suffix == QLatin1String("vcf") || suffix == QLatin1String("vcard"))
        return SourceKind::VCard;
    return std::nullopt;
}

// The kind from the first bytes: '[' a JSON array, '{' NDJSON, BEGIN:VCARD a vCard, else CSV.
SourceKind kindFromContent(const QByteArray& head)
{
    QString text = QString::fromUtf8(head.left(4096));
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    const QString start = text.trimmed();
    if (start.startsWith(u'['))
        return SourceKind::Json;
    if (start.startsWith(u'{'))
        return SourceKind::Ndjson;
    if (start.startsWith(QLatin1String("BEGIN:VCARD"), Qt::CaseInsensitive))
        return SourceKind::VCard;
    return SourceKind::Csv;
}

// A .json file whose first line is a whole object and whose next line starts another one is
// NDJSON under the wrong extension.
bool looksLikeNdjson(const QByteArray& head)
{
    const QByteArray start = head.trimmed();
    if (!start.startsWith('{'))
        return false;
    const qsizetype newline = start.indexOf('\n');
    return newline > 0 && start.left(newline).trimmed().endsWith('}')
        && start.mid(newline + 1).trimmed().startsWith('{');
}

} // namespace

QJsonObject SourceOptions::toJson() const
{
    QJsonObject json;
    if (kind)
        json.insert(QStringLiteral("kind"), sourceKindName(*kind));
    if (!encoding.isEmpty())
        json.insert(QStringLiteral("encoding"), encoding);
    if (!delimiter.isNull())
        json.insert(QStringLiteral("delimiter"),
            delimiter == u'\t' ? QStringLiteral("tab") : QString(delimiter));
    json.insert(QStringLiteral("header"), header);
    return json;
}

std::optional<SourceOptions> SourceOptions::fromJson(const QJsonObject& json, QStringList* problems)
{
    SourceOptions options;
    const qsizetype before = problems->size();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("kind")) {
            const std::optional<SourceKind> kind = sourceKindFromName(value.toString());
            if (!value.isString() || !kind)
                problems->append(tr("source.kind: must be one of csv, json, ndjson, vcard"));
            else
                options.kind = kind;
        } else if (key == QLatin1String("encoding")) {
            if (!value.isString())
                problems->append(tr("source.encoding: must be a text (an encoding name)"));
            else if (!value.toString().isEmpty() && !isKnownEncoding(value.toString()))
                problems->append(
                    tr("source.encoding: unknown encoding '%1'").arg(value.toString()));
            else
                options.encoding = value.toString();
        } else if (key == QLatin1String("delimiter")) {
            const QString text = value.toString();
            if (text == QLatin1String("tab") || text == QLatin1String("\t"))
                options.delimiter = u'\t';
            else if (value.isString() && text.size() == 1 && QStringLiteral(",;|").contains(text))
                options.delimiter = text.at(0);
            else if (!(value.isString() && text.isEmpty()))
                problems->append(tr("source.delimiter: must be one of , ; tab |"));
        } else if (key == QLatin1String("header")) {
            if (!value.isBool())
                problems->append(tr("source.header: must be true or false"));
            else
                options.header = value.toBool();
        } else {
            problems->append(tr("source.%1: unknown key").arg(key));
        }
    }
    if (problems->size() > before)
        return std::nullopt;
    return options;
}

QString sourceKindName(SourceKind kind)
{
    for (const KindName& entry : kindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

std::optional<SourceKind> sourceKindFromName(const QString& name)
{
    for (const KindName& entry : kindNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

SourceReader::~SourceReader() = default;

qint64 SourceReader::peakBufferedBytes() const
{
    return 0;
}

std::unique_ptr<SourceReader> SourceReader::open(
    const QString& path, const SourceOptions& options, QString* error)
{
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo(path).isFile()) {
        *error = QFileInfo::exists(path) ? tr("'%1' is not a file").arg(path)
                                         : tr("'%1' does not exist").arg(path);
        return nullptr;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = tr("'%1' cannot be read: %2").arg(path, file->errorString());
        return nullptr;
    }
    return open(std::move(file), name, options, error);
}

std::unique_ptr<SourceReader> SourceReader::open(std::unique_ptr<QIODevice> device,
    const QString& name, const SourceOptions& options, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!device || !device->isOpen() || !device->isReadable()) {
        *error = tr("'%1' cannot be read").arg(name);
        return nullptr;
    }
    SourceOptions chosen = options;
    if (!chosen.kind) {
        chosen.kind = kindFromExtension(name);
        const QByteArray head = device->peek(detectionBytes);
        if (!chosen.kind)
            chosen.kind = kindFromContent(head);
        else if (*chosen.kind == SourceKind::Json && looksLikeNdjson(head))
            chosen.kind = SourceKind::Ndjson;
    }
    switch (*chosen.kind) {
    case SourceKind::Csv: {
        auto reader = std::make_unique<CsvSource>(std::move(device), name, chosen);
        if (!reader->start(error))
            return nullptr;
        return reader;
    }
    case SourceKind::Json:
    case SourceKind::Ndjson: {
        auto reader = std::make_unique<JsonSource>(std::move(device), name, chosen);
        if (!reader->start(error))
            return nullptr;
        return reader;
    }
    case SourceKind::VCard: {
        auto reader = std::make_unique<VCardSource>(std::move(device), name, chosen);
        if (!reader->start(error))
            return nullptr;
        return reader;
    }
    }
    return nullptr;
}

SourceSample sampleSource(const QString& path, const SourceOptions& options, int maxRecords)
{
    SourceSample sample;
    std::unique_ptr<SourceReader> reader = SourceReader::open(path, options, &sample.error);
    if (!reader)
        return sample;
    Record record;
    while (sample.records.size() < maxRecords && reader->next(&record))
        sample.records.append(std::move(record));
    if (sample.records.isEmpty() && !reader->error().isEmpty())
        sample.error = reader->error();
    sample.options = reader->effectiveOptions();
    sample.columns = reader->columns();
    sample.totalBytes = reader->totalBytes();
    return sample;
}

} // namespace ContactDesk::Mapping
