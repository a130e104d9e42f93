#pragma once

#include "api/models/contact.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// vCard 4.0 (RFC 6350) for ContactDesk's export: one card per contact, UTF-8, CRLF, lines
// folded at 75 octets, text escaped.
namespace ContactDesk::Mapping::VCard {

// A text value: backslash, comma, semicolon and newlines escaped (RFC 6350 3.4).
QString escapeText(const QString& text);
// A structured value (N, ADR): each component escaped, joined with ';'.
QString structured(const QStringList& components);
// One content line with its CRLF, folded so no line passes 75 octets: a continuation line
// starts with a space, and a UTF-8 sequence is never split.
QByteArray foldLine(const QString& line);

// The card of a contact: BEGIN/VERSION:4.0, FN, N, EMAIL, TEL (TYPE=cell, as a tel: URI),
// ORG, ADR, URL, BDAY (yyyyMMdd), CATEGORIES (the tags), X-CONTACTDESK-ID, END. Properties the
// contact has no value for are left out; FN, which vCard requires, falls back to the email,
// the phone, then the id.
QByteArray card(const Api::Contact& contact);

} // namespace ContactDesk::Mapping::VCard
