#include "mapping/contactexport.h"

#include "mapping/spreadsheetsafety.h"
#include "mapping/vcardwriter.h"
#include "store/contactcache.h"

#include <QIODevice>
#include <QJsonArray>
#include <QLocale>
#include <QTimeZone>

namespace ContactDesk::Mapping {

namespace {

using Kind = ExportColumn::Kind;

QString contactField(const Api::Contact& contact, const QString& key)
{
    static const QHash<QString, QString Api::Contact::*> text {
        {QStringLiteral("firstName"), &Api::Contact::firstName},
        {QStringLiteral("lastName"), &Api::Contact::lastName},
        {QStringLiteral("name"), &Api::Contact::name},
        {QStringLiteral("email"), &Api::Contact::email},
        {QStringLiteral("phone"), &Api::Contact::phone},
        {QStringLiteral("companyName"), &Api::Contact::companyName},
        {QStringLiteral("address1"), &Api::Contact::address1},
        {QStringLiteral("city"), &Api::Contact::city},
        {QStringLiteral("state"), &Api::Contact::state},
        {QStringLiteral("postalCode"), &Api::Contact::postalCode},
        {QStringLiteral("country"), &Api::Contact::country},
        {QStringLiteral("website"), &Api::Contact::website},
        {QStringLiteral("timezone"), &Api::Contact::timezone},
        {QStringLiteral("source"), &Api::Contact::source},
    };
    if (key == u"dateOfBirth")
        return contact.dateOfBirth.isValid() ? contact.dateOfBirth.toString(Qt::ISODate)
                                             : QString();
    if (const auto it = text.constFind(key); it != text.constEnd())
        return contact.*(*it);
    return {};
}

QString number(double value)
{
    return QLocale::c().toString(value, 'g', 15);
}

// A custom field's value the way the ContactDesk preset reads it back.
QString customFieldCell(const QJsonValue& value, const Api::CustomFieldDefinition* field)
{
    const QString type = field ? field->dataType : QString();
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue& item : value.toArray())
            items.append(item.isDouble() ? number(item.toDouble()) : item.toString());
        return items.join(QStringLiteral("; "));
    }
    if (type == u"DATE") {
        // Stored as epoch milliseconds or as date text, written as yyyy-MM-dd.
        if (value.isDouble())
            return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), QTimeZone::utc())
                .date()
                .toString(Qt::ISODate);
        const QString text = value.toString().trimmed();
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        return date.isValid() ? date.toString(Qt::ISODate) : text;
    }
    if (value.isDouble())
        return number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace

QList<ExportColumn> coreExportColumns()
{
    auto field = [](const char* key, const char* title) {
        return ExportColumn {
            Kind::ContactField, QString::fromLatin1(key), QString::fromLatin1(title)};
    };
    return {
        {Kind::ContactId, QStringLiteral("id"), QStringLiteral("Contact ID")},
        field("firstName", "First Name"),
        field("lastName", "Last Name"),
        field("email", "Email"),
        field("phone", "Phone"),
        field("companyName", "Company"),
        field("address1", "Address"),
        field("city", "City"),
        field("state", "State"),
        field("postalCode", "Postal Code"),
        field("country", "Country"),
        field("website", "Website"),
        field("dateOfBirth", "Date of Birth"),
        field("timezone", "Timezone"),
        field("source", "Source"),
        {Kind::Tags, QStringLiteral("tags"), QStringLiteral("Tags")},
        {Kind::Assignee, QStringLiteral("assignedTo"), QStringLiteral("Assigned To")},
    };
}

bool isExportableCustomField(const Api::CustomFieldDefinition& field)
{
    return (field.model.isEmpty() || field.model == u"contact") && field.dataType != u"FILE_UPLOAD"
        && field.dataType != u"SIGNATURE";
}

QList<ExportColumn> defaultExportColumns(const Api::LocationLists& lists)
{
    QList<ExportColumn> columns = coreExportColumns();
    for (const Api::CustomFieldDefinition& field : lists.customFields) {
        if (isExportableCustomField(field))
            columns.append({Kind::CustomField, field.id, field.name});
    }
    return columns;
}

QString exportCell(
    const Api::Contact& contact, const ExportColumn& column, const Api::LocationLists& lists)
{
    switch (column.kind) {
    case Kind::ContactId:
        return contact.id;
    case Kind::ContactField:
        return contactField(contact, column.key);
    case Kind::Tags:
        return contact.tags.join(QStringLiteral("; "));
    case Kind::Assignee:
        return contact.assignedTo.isEmpty() ? QString() : lists.userName(contact.assignedTo);
    case Kind::CustomField:
        for (const Api::CustomFieldValue& value : contact.customFields) {
            if (value.id == column.key)
                return customFieldCell(value.value, lists.customField(column.key));
        }
        return {};
    }
    return {};
}

QVector<qint64> exportRowIds(const Store::ContactCache& cache, const QString& query)
{
    if (query.trimmed().isEmpty())
        return cache.orderedRowIds(Store::SortColumn::Name, Qt::AscendingOrder);
    return cache.matchingRowIds(query);
}

ContactExporter::ContactExporter(const Store::ContactCache& cache, const Api::LocationLists& lists)
    : m_cache(cache)
    , m_lists(lists)
{ }

bool ContactExporter::writeCsv(const QVector<qint64>& rowIds, const QList<ExportColumn>& columns,
    QIODevice* out, QString* error, const Progress& progress)
{
    m_written = 0;
    if (columns.isEmpty()) {
        if (error)
            *error = QStringLiteral("Choose at least one column to export.");
        return false;
    }
    QStringList header;
    for (const ExportColumn& column : columns)
        header.append(column.title);
    const QByteArray headerLine = csvLine(header).toUtf8();
    if (out->write(headerLine) != headerLine.size()) {
        if (error)
            *error = QStringLiteral("Could not write the export: %1").arg(out->errorString());
        return false;
    }
    return run(rowIds, out, error, progress, [&](const Api::Contact& contact) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const ExportColumn& column : columns)
            cells.append(exportCell(contact, column, m_lists));
        return csvLine(cells).toUtf8();
    });
}

bool ContactExporter::writeVCard(
    const QVector<qint64>& rowIds, QIODevice* out, QString* error, const Progress& progress)
{
    m_written = 0;
    return run(rowIds, out, error, progress, &VCard::card);
}

bool ContactExporter::run(const QVector<qint64>& rowIds, QIODevice* out, QString* error,
    const Progress& progress, const std::function<QByteArray(const Api::Contact&)>& encode)
{
    const qint64 total = rowIds.size();
    for (qint64 start = 0; start < total; start += batchSize) {
        const qint64 end = std::min(total, start + batchSize);
        QByteArray chunk;
        for (qint64 i = start; i < end; ++i) {
            const std::optional<Api::Contact> contact = m_cache.contactByRowId(rowIds.at(i));
            if (!contact)
                continue; // deleted since the list was taken
            chunk += encode(*contact);
            ++m_written;
        }
        if (out->write(chunk) != chunk.size()) {
            if (error)
                *error = QStringLiteral("Could not write the export: %1").arg(out->errorString());
            return false;
        }
        if (progress && !progress(end, total)) {
            if (error)
                *error = QStringLiteral("The export was cancelled after %1 of %2 contacts.")
                             .arg(m_written)
                             .arg(total);
            return false;
        }
    }
    return true;
}

} // namespace ContactDesk::Mapping
