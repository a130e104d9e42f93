#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"
#include "mapping/record.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The transform chains suggest and the presets give a rule, by what its target takes and what
// the sampled values look like. Op and option names are those of the transform registry
// (transforms.h).
namespace ContactDesk::Mapping::Chains {

Transform step(const QString& op, const QJsonObject& options = {});

QList<Transform> text(); // trim
QList<Transform> email(); // trim, lowerCase
QList<Transform> phone(); // trim, phoneE164 (the profile's default region)
QList<Transform> date(const QStringList& formats); // trim, date{formats}
QList<Transform> list(const QStringList& separators); // splitList{separators}

// The chain for a target, given the sampled values of its column: a date column gets the
// formats that parse them, a number column the locale that reads them, an option list the
// separators it uses. `field` is the custom field of a CustomField target (null otherwise).
QList<Transform> forTarget(
    const Target& target, const Api::CustomFieldDefinition* field, const QStringList& samples);

// The date formats suggest tries, in order of preference (ISO first, then US month-first,
// then day-first, then written months).
QStringList dateFormatCandidates();
// The fewest formats that together parse every non-empty sampled value as a real date (one
// format when one does; month-first before day-first when both do, unless `dayFirst`). Empty
// when some value is no date in any candidate format, or when there are no values.
QStringList guessDateFormats(const QStringList& values, bool dayFirst = false);
// Whether `value` is a real date in `format` (QDate::fromString, C locale for month names).
bool parsesAsDate(const QString& value, const QString& format);

// The separators of a list column ("a; b", "a, b", "a | b", Google's "a ::: b"), most used
// first; {";", ","} when the values show none.
QStringList guessListSeparators(const QStringList& values);
// "de_DE" when the values write decimals with a comma and group with dots ("1.234,50"),
// else "en_US".
QString guessNumberLocale(const QStringList& values);

// The non-empty values of a column in sampled records (at most `limit`).
QStringList columnSamples(const QList<Record>& records, const QString& path, int limit = 200);

} // namespace ContactDesk::Mapping::Chains
