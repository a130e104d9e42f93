#pragma once

#include "mapping/mappedrow.h"
#include "mapping/profile.h"
#include "mapping/record.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ContactDesk::Ui {

// The editor's live preview: one row per sampled record (the first 50), the record's number
// first, then one column per rule with the source text and what the rule makes of it. A cell
// the row mapper found wrong carries a warning mark, the error colour and the reason as its
// tooltip; a row wrong as a whole (ragged, no match key) is marked in its number column.
class MappingPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        // The reasons of the cell's problems joined by newlines; empty when it is fine.
        ProblemRole = Qt::UserRole + 1,
        // The source text alone, and the result alone (the display shows both).
        SourceRole,
        ResultRole,
    };
    // Column 0 holds the record's number; rule i is column i + 1.
    static constexpr int numberColumn = 0;
    static constexpr int maxRows = 50;

    explicit MappingPreviewModel(QObject* parent = nullptr);

    // Replaces everything (one reset): the profile's rules name the columns, `records` and
    // `rows` (same order, at most maxRows) fill them.
    void setPreview(const Mapping::Profile& profile, const QList<Mapping::Record>& records,
        const QList<Mapping::MappedRow>& rows);

    static int columnOfRule(int rule) { return rule + 1; }
    // The model row of a record number, -1 when it is not in the preview.
    int rowOfRecord(qint64 number) const { return m_rowByNumber.value(number, -1); }
    const Mapping::MappedRow& mappedRow(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString sourceText(int row, int rule) const;
    QStringList problemsOf(int row, int rule) const;

    QList<Mapping::Rule> m_rules;
    QList<Mapping::Record> m_records;
    QList<Mapping::MappedRow> m_rows;
    QHash<qint64, int> m_rowByNumber;
};

// How a rule reads in a header or a list: "E-mail Address → Email", "(no source) → Tags".
QString ruleSummary(const Mapping::Rule& rule);
// A target as the editor names it: "Email", "Membership level (custom field)", "Tags".
QString targetTitle(const Mapping::Target& target);

} // namespace ContactDesk::Ui
