#pragma once

#include "mapping/profile.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// The column tables of the CSV presets (presets.h): which real export columns map where.
namespace ContactDesk::Mapping::Presets {

// The transform chain an entry's rule gets (presets.cpp builds it).
enum class Chain
{
    Ignore,
    Text,
    Email,
    GoogleEmail, // the first of "a ::: b"
    Phone,
    GooglePhone,
    GroupPhone, // the first non-empty of the entry's group of columns
    GoogleDate, // yyyy-MM-dd, "--MM-dd" (no year) left empty
    OutlookDate, // M/d/yyyy, "0/0/00" left empty
    GoogleTags, // "* myContacts ::: Friends" -> Friends
    SemicolonTags,
    LowerTag,
    Assignee,
};

struct Entry
{
    QString pattern; // the column's name, a regular expression matched whole, without case
    Target::Kind kind = Target::Kind::Ignore;
    QString field;
    Chain chain = Chain::Ignore;
    QString why; // Ignore: why the column is not imported; else an optional note
    QStringList group = {}; // several columns for one target, best first (pattern unused)
    QRegularExpression regex = {}; // `pattern` compiled once, by entries()
};

// The entries of a CSV preset, first match wins; empty for an unknown id.
const QList<Entry>& entries(const QString& presetId);
// The columns that tell the preset's files apart (vCard: property names).
QStringList telltales(const QString& presetId);

} // namespace ContactDesk::Mapping::Presets
