#pragma once

#include "mapping/profile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// One thing wrong with one cell, reported before anything is sent.
struct CellProblem
{
    qint64 row = 0; // Record::number
    int rule = -1; // index into Profile::rules; -1 for the row as a whole (ragged, no key)
    QString column; // the source path(s), comma-joined; empty for the row as a whole
    QString value; // the source text (after transforms when a later step failed)
    QString reason; // user text: "not an email address", "'Gld' is not an option of ..."

    bool operator==(const CellProblem& other) const = default;
};

// One target's value of a mapped row, in wire form.
struct MappedValue
{
    int rule = -1;
    // "email", "firstName", ..., "assignedTo" (a user id), or "customField:<field id>"
    QString key;
    QJsonValue value; // string, number, bool or array of strings, as the API takes it
    FieldPolicy policy = FieldPolicy::Overwrite;

    bool operator==(const MappedValue& other) const = default;
};

// A record after the profile's rules: what would be written, and what is wrong.
struct MappedRow
{
    qint64 number = 0; // Record::number
    QList<MappedValue> values; // at most one per key; a later rule for the same key wins
    QStringList tags; // to add (or, with replaceTags, the whole list)
    bool replaceTags = false;
    QString matchValue; // the normalised match key (lower-case email, E.164 phone, the id)
    QList<CellProblem> problems;
    // Per rule (same index as Profile::rules): its result as the preview shows it (list
    // values joined by "; "), empty when the rule gave nothing.
    QStringList results;

    bool isValid() const { return problems.isEmpty(); }
    const MappedValue* find(const QString& key) const;
    // The create/upsert body for a new contact: every value, tags, customFields as
    // [{"id", "field_value"}] (the write side's shape) and locationId.
    QJsonObject createBody(const QString& locationId) const;

    bool operator==(const MappedRow& other) const = default;
};

} // namespace ContactDesk::Mapping
