#include "mapping/resultsfile.h"

#include "mapping/spreadsheetsafety.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QStringList>

namespace ContactDesk::Mapping::ResultsFile {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactDesk::Mapping::ResultsFile", text);
}

const QStringList header {QStringLiteral("row"), QStringLiteral("outcome"),
    QStringLiteral("contact id"), QStringLiteral("error")};

QString cell(const QString& text)
{
    const QString safe = neutraliseFormula(text);
    if (!safe.contains(u',') && !safe.contains(u'"') && !safe.contains(u'\n')
        && !safe.contains(u'\r'))
        return safe;
    QString quoted = safe;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// The records of our own CSV: quoted cells with doubled quotes, commas, CR and LF inside.
std::optional<QList<QStringList>> parse(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool afterQuote = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !afterQuote) {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            afterQuote = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            record.append(field);
            field.clear();
            afterQuote = false;
            records.append(record);
            record.clear();
        } else if (afterQuote) {
            return std::nullopt;
        } else {
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace

QByteArray toCsv(const QList<Store::ImportRowResult>& results)
{
    QString text = header.join(u',') + QStringLiteral("\r\n");
    for (const Store::ImportRowResult& result : results) {
        text += QStringList {QString::number(result.row),
                    Store::ImportJournal::outcomeName(result.outcome), cell(result.contactId),
                    cell(result.error)}
                    .join(u',')
            + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

bool write(const QString& path, const QList<Store::ImportRowResult>& results, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the results to %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toCsv(results));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write the results to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QList<qint64>> failedRowsOf(const QByteArray& csv, QString* error)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const std::optional<QList<QStringList>> records = parse(QString::fromUtf8(bytes));
    if (!records || records->isEmpty() || records->first().value(0) != header.first()
        || records->first().value(1) != header.at(1)) {
        if (error)
            *error = tr("This is not a ContactDesk results file (it must start with the columns "
                        "row,outcome,contact id,error).");
        return std::nullopt;
    }
    QList<qint64> rows;
    for (qsizetype i = 1; i < records->size(); ++i) {
        const QStringList& record = records->at(i);
        if (record.size() == 1 && record.first().isEmpty())
            continue;
        bool ok = false;
        const qint64 row = record.value(0).toLongLong(&ok);
        if (!ok || row < 1) {
            if (error)
                *error = tr("Line %1 of the results file has no row number.").arg(i + 1);
            return std::nullopt;
        }
        if (record.value(1) == QLatin1StringView("failed"))
            rows.append(row);
    }
    return rows;
}

std::optional<QList<qint64>> failedRows(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return failedRowsOf(file.readAll(), error);
}

} // namespace ContactDesk::Mapping::ResultsFile
