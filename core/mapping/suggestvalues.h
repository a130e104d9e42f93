#pragma once

#include "mapping/profile.h"

#include <QString>
#include <QStringList>

#include <optional>

// What suggest reads from the sampled values of a column: what they look like, and whether
// they agree with what the header says.
namespace ContactDesk::Mapping::Values {

struct Sniffed
{
    Target target;
    double confidence = 0;
    QString reason;
};

bool looksLikeEmail(const QString& value);
bool looksLikePhone(const QString& value);
bool looksLikeUrl(const QString& value);
bool looksLikePostalCode(const QString& value);
// "a; b", "a | b", "a ::: b": several short items.
bool looksLikeTagList(const QString& value);

// The target the values point to when the header names none: emails, URLs, dates (the date of
// birth, the only date field of a contact), postal codes, phones, tag lists. Nothing when the
// values are too few or too mixed (at least 90 % must agree).
std::optional<Sniffed> sniff(const QString& column, const QStringList& samples);

// Lowers the confidence of a header's guess the values contradict (an "Email" column without
// email addresses) and says so in the reason.
void checkAgainstValues(
    const Target* target, double* confidence, QString* reason, const QStringList& samples);

} // namespace ContactDesk::Mapping::Values
