#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"
#include "mapping/source.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Mapping {

// A known export layout that maps to HighLevel with no manual step.
struct PresetInfo
{
    QString
        id; // "google", "googleLegacy", "outlook", "hubspot", "contactdeskCsv", "contactdeskVCard"
    QString title; // user text, "Google Contacts export"; the reason of the preset's rules
    SourceKind kind;
};

// Every preset, in the order recognition tries them.
const QList<PresetInfo>& presetList();
const PresetInfo* findPreset(const QString& id);

struct PresetMatch
{
    QString id;
    QString title;
    // 0..1: half how many of the preset's telltale columns the file has, half how many of the
    // file's columns the preset knows.
    double score = 0;
    QStringList known; // the file's columns the preset has a rule for (or knowingly ignores)
};

// How well the header set matches one preset. For ContactDesk's CSV, columns named after a
// custom field of the location count as known.
PresetMatch scorePreset(const QString& id, const QStringList& columns, SourceKind kind,
    const Api::LocationLists& lists);
// The best preset for the header set, when its score is at least 0.7.
std::optional<PresetMatch> recognisePreset(
    const QStringList& columns, SourceKind kind, const Api::LocationLists& lists);

// The preset's profile for a sample: one or more rules for each column it knows, in column
// order (confidence 1, reason its title, or "<title>: ..." for columns it ignores); the
// columns it does not know are absent (suggestProfile fills them in). Upsert, matched by
// email. The sample's values choose date formats and separators the preset leaves open.
Profile presetProfile(
    const QString& id, const SourceSample& sample, const Api::LocationLists& lists);

// vCard properties to targets, for any vCard (suggest) and ContactDesk's own (the preset):
// N -> first and last name, FN -> full name, EMAIL, TEL (cell before others; "tel:" URIs
// read), ADR -> street, city, region, postal code, country, ORG, URL, BDAY, CATEGORIES -> tags;
// identifiers and properties HighLevel has no field for -> Ignore. Empty for an unknown
// property. Confidence below 1 (suggest's own); the preset raises it.
QList<Rule> vcardPropertyRules(const QString& column, const QStringList& samples);

} // namespace ContactDesk::Mapping
