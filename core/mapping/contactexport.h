#pragma once

#include "api/models/contact.h"
#include "api/models/locationlists.h"

#include <QList>
#include <QString>
#include <QVector>

#include <functional>

class QIODevice;

namespace ContactDesk::Store {
class ContactCache;
}

namespace ContactDesk::Mapping {

// One column of a CSV export.
struct ExportColumn
{
    enum class Kind
    {
        ContactId, // the contact's id (the preset ignores it on re-import: rows match by email)
        ContactField, // a field of the contact, by wire name
        CustomField, // a custom field of the location, by id; its header is the field's name
        Tags, // joined with "; "
        Assignee, // the user's name
    };
    Kind kind = Kind::ContactField;
    QString key; // ContactField: "firstName", "dateOfBirth", ...; CustomField: the field's id
    QString title; // the header: "First Name", "Membership level"

    bool operator==(const ExportColumn& other) const = default;
};

// The columns of ContactDesk's CSV export that are not custom fields, in their order. The
// ContactDesk preset (presets.h) reads exactly these headers back.
QList<ExportColumn> coreExportColumns();
// Every column the ContactDesk preset maps back: the core columns, then every contact custom
// field of the location that an import can write (not files or signatures), by name.
QList<ExportColumn> defaultExportColumns(const Api::LocationLists& lists);
// The custom fields the export writes and the preset reads (contact model, not files or
// signatures), in the location's order.
bool isExportableCustomField(const Api::CustomFieldDefinition& field);

// One cell as the export writes it, before CSV quoting and formula neutralising: dates as
// yyyy-MM-dd, options by label, lists and tags joined with "; ", numbers in C-locale form,
// the assignee by user name (the id when the location does not list the user).
QString exportCell(
    const Api::Contact& contact, const ExportColumn& column, const Api::LocationLists& lists);

// The contacts an export covers: every cached contact in name order, or those the search text
// matches (the contact list's search).
QVector<qint64> exportRowIds(const Store::ContactCache& cache, const QString& query = {});

enum class ExportFormat
{
    Csv,
    VCard,
};

// Writes cached contacts to a device, reading them from the cache in batches (a location of
// any size never sits in memory).
class ContactExporter
{
public:
    // Called after each batch with the contacts written and the total; false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    ContactExporter(const Store::ContactCache& cache, const Api::LocationLists& lists);

    // CSV: UTF-8 without BOM, a header row, RFC 4180 quoting, CRLF, formula cells neutralised.
    bool writeCsv(const QVector<qint64>& rowIds, const QList<ExportColumn>& columns, QIODevice* out,
        QString* error, const Progress& progress = {});
    // vCard 4.0 (vcardwriter.h), one card per contact.
    bool writeVCard(const QVector<qint64>& rowIds, QIODevice* out, QString* error,
        const Progress& progress = {});

    // Contacts written by the last call (rowids no longer cached are skipped).
    qint64 written() const { return m_written; }

    static constexpr int batchSize = 500;

private:
    bool run(const QVector<qint64>& rowIds, QIODevice* out, QString* error,
        const Progress& progress, const std::function<QByteArray(const Api::Contact&)>& encode);

    const Store::ContactCache& m_cache;
    Api::LocationLists m_lists;
    qint64 m_written = 0;
};

} // namespace ContactDesk::Mapping
