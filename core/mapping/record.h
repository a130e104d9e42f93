#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// One value of a source record, under the path a mapping rule names it by:
// - CSV: the column's header text ("E-mail Address"), or "Column 3" for a file without header;
// - JSON and NDJSON: a dotted path with indexes ("profile.emails[0].address"); scalars only,
//   numbers and booleans as their JSON text, null as an empty value;
// - vCard: the property name with its parameters, upper case, parameters in the card's order
//   ("TEL;TYPE=cell", "EMAIL;TYPE=work", "N", "ORG"). Structured values (N, ADR) keep their
//   components joined by ';' as in the card, unescaped.
struct RecordField
{
    QString path;
    QString value;

    bool operator==(const RecordField& other) const = default;
};

// One record read from a source: a CSV row, a JSON array element, an NDJSON line, a vCard.
struct Record
{
    qint64 number = 0; // 1-based among the records (the header row is not a record)
    qint64 line = 0; // 1-based line of the file where it starts, for messages
    QList<RecordField> fields; // in source order
    // What is wrong with the record as read (a ragged CSV row, an NDJSON line that is not an
    // object, a card without END:VCARD). Such a record is reported and never sent.
    QStringList problems;

    // Every value the path names, in source order:
    // - an exact path gives its value;
    // - a JSON path also names the array under it ("emails" gives emails[0], emails[1], ...;
    //   "tags" gives tags[0], ...), so a list maps to tags in one rule;
    // - a vCard path with parameters names the properties that have at least those
    //   parameters, values compared without case ("TEL;TYPE=cell" matches
    //   "TEL;TYPE=cell;TYPE=pref" and "TEL;TYPE=CELL,voice"); a bare name ("TEL") names every
    //   TEL.
    QStringList values(const QString& path) const;
    // The first of values(path), or an empty string.
    QString value(const QString& path) const;
    // Every distinct path of the record, in source order.
    QStringList paths() const;

    bool operator==(const Record& other) const = default;
};

} // namespace ContactDesk::Mapping
