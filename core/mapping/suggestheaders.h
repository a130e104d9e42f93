#pragma once

#include "api/models/locationlists.h"
#include "mapping/profile.h"

#include <QString>
#include <QStringList>

#include <optional>

// What suggest reads from a column's header: synonyms of the contact's fields, qualifiers
// ("Business Phone"), numbered families ("E-mail 2 - Value"), label columns, and the
// location's custom fields by name or key.
namespace ContactDesk::Mapping::Headers {

struct HeaderGuess
{
    Target target;
    double confidence = 0;
    QString reason;
};

// A header as words: camelCase, letter/digit boundaries and punctuation split; "e mail" is
// "email". A JSON path keeps its last two segments; "[n]" becomes the number n + 1.
QStringList headerWords(const QString& header);
// The target a header's words name, with how sure and why; an Ignore guess for label columns
// and fields HighLevel has none of; nothing when the header says nothing.
std::optional<HeaderGuess> guessFromSynonyms(const QString& header, const QStringList& words);
// The location's custom field the header names (by name, fieldKey, or key without "contact.").
std::optional<HeaderGuess> guessCustomField(const QString& header, const Api::LocationLists& lists);
// The target as the reasons name it ("postal code", "custom field 'Lead score'").
QString fieldTitle(const Target& target);

} // namespace ContactDesk::Mapping::Headers
