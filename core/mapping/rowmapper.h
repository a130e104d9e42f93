#pragma once

#include "api/models/locationlists.h"
#include "mapping/mappedrow.h"
#include "mapping/profile.h"
#include "mapping/record.h"
#include "mapping/source.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace ContactDesk::Mapping {

// What a profile names that the location or the source no longer has: stop before sending.
struct Drift
{
    QStringList columns; // source paths no record of the sample has (CSV: not in the header)
    QStringList customFields; // names or keys the location does not list
    QStringList users; // constant assignees (value maps, constants) that match no user
    QStringList tags; // tag rules that name a constant tag the location does not list
    QStringList unavailable; // lists the connection cannot read, so names cannot be checked
    // JSON, NDJSON and vCard: paths no sampled record has. Records may leave a property out,
    // so these warn (warnings()) instead of stopping the import.
    QStringList unsampledColumns;

    bool isEmpty() const
    {
        return columns.isEmpty() && customFields.isEmpty() && users.isEmpty() && tags.isEmpty();
    }
    // One line per missing thing: "column 'Phone 2' is not in the file", ...
    QStringList messages() const;
    // The unsampled paths as lines that warn (unavailable lists are in messages()).
    QStringList warnings() const;
};

// Applies a profile to records against one location's lists: transforms, then resolution of
// names to ids (custom fields, assignee), then validation by target (email syntax, phone
// valid for its region, a real date, an option of the picklist, a number for NUMERICAL,
// lengths, the match key present). Pure: no network, no store.
class RowMapper
{
public:
    RowMapper(const Profile& profile, const Api::LocationLists& lists);

    const Profile& profile() const { return m_profile; }
    // `sourceColumns`: the columns of the file (SourceSample::columns).
    Drift drift(const QStringList& sourceColumns) const;
    // The same against a sample of the file: for CSV the header decides; for the other kinds
    // a path the sampled records lack goes to unsampledColumns.
    Drift drift(const SourceSample& sample) const;
    MappedRow map(const Record& record) const;

private:
    // The profile read once: chains compiled, targets resolved, users and tags indexed.
    struct Compiled;

    Profile m_profile;
    Api::LocationLists m_lists;
    std::shared_ptr<const Compiled> m_compiled;
};

} // namespace ContactDesk::Mapping
