#pragma once

#include <QString>

namespace ContactDesk {

// An address HighLevel takes as a contact's email: ASCII local part and a dotted domain with a
// top-level part of two or more letters. The sandbox refuses what fails this, and the import
// preview reports it, so both say the same.
bool isEmailAddress(const QString& text);

} // namespace ContactDesk
