#pragma once

#include <QString>

namespace ContactDesk {

// Parses a phone number as typed ("(415) 555-0100", "+44 20 7946 0958") against a default
// region (ISO 3166 two-letter code) and returns it in E.164, or an empty string when it is not
// a possible number.
QString toE164(const QString& raw, const QString& defaultRegion);

// Like toE164, but only for a number that is valid, not merely possible: its digits fall in a
// range the numbering plan assigns ("+1 555 010 0000" is possible but not valid). Empty when
// it is not.
QString toValidE164(const QString& raw, const QString& defaultRegion);

// Whether libphonenumber knows the region code ("US", "DE", "GB"; case-insensitive).
bool isPhoneRegion(const QString& region);

// A stored number (E.164, or as typed) for reading: in national format when it belongs to
// `region` ("(415) 555-0100" for US), in international format otherwise ("+44 20 7946 0958").
// Text that is not a phone number comes back unchanged.
QString formatPhone(const QString& stored, const QString& region);

} // namespace ContactDesk
