#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"
#include "mapping/source.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// Auto-suggest: a first profile for a source the user has not mapped yet. It reads only the
// sample (SourceSample: the header and the first records), so it answers at once on a file of
// any size.
//
// Every column of the sample ends up in the sources of at least one rule, in column order
// (JSON lists excepted, below):
// - a column the header names ("E-mail Address", "Given Name", "Phone 1 - Value", "Zip",
//   "Labels", "Owner", ...: the header is normalised for case, spaces and punctuation, and
//   compared with synonyms), a custom field of the location by name or fieldKey, or whose
//   sampled values look like emails, phones, dates, URLs, postal codes or tag lists, gets a
//   rule to that target with the transforms its values need (trim; lowerCase for emails;
//   phoneE164; date with the formats that parse every sampled value; number or money with the
//   locale the values are written in; splitList for tags and multi-option fields);
// - a full-name column, when no first and last name columns exist, gets two rules (splitName
//   first and last);
// - a column nothing fits gets an Ignore rule saying why;
// - JSON and NDJSON: the elements of a list ("tags[0]", "tags[1]") for tags or a multi-option
//   custom field get one rule on the list path ("tags", which names every element), placed at
//   the first element; the other elements' columns have no rule of their own.
// Cells a spreadsheet-safe export neutralised with a leading apostrophe ("'+14155550101",
// spreadsheetsafety.h) are sniffed without it, and the column's rules remove it first.
// Each rule has Rule::confidence (0..1) and a user-readable Rule::reason. One column per
// target: when two want the same target (Tags excepted, which add up), the more confident one
// gets it and the other is Ignore with a reason naming the winner.
//
// When the header set is a known export (presets.h: Google Contacts, Outlook, HubSpot,
// ContactDesk's own CSV or vCard), the preset's rules are used for the columns it knows, with
// confidence 1 and its title as the reason, and Profile::name is the preset's title.
//
// The match key is email when a column maps to email, else phone when one maps to phone.
// Profile::source is the sample's effective options. A sample with an error or no columns
// gives a profile without rules.
Profile suggestProfile(const SourceSample& sample, const Api::LocationLists& lists);

// The candidate rules for one column on its own, best first, before one-column-per-target is
// applied (what the editor offers when the user asks for suggestions on one column). Never
// empty: the last resort is an Ignore rule.
QList<Rule> suggestColumn(const QString& column, const QStringList& samples,
    const Api::LocationLists& lists, SourceKind kind = SourceKind::Csv);

// A header reduced to lower-case letters and digits ("E-mail Address" -> "emailaddress").
QString normaliseHeader(const QString& header);

} // namespace ContactDesk::Mapping
