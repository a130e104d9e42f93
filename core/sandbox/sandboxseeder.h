#pragma once

#include <QtGlobal>

namespace ContactDesk::Sandbox {

class SandboxData;

// Demo data: N contacts in the main location with realistic names, emails, E.164 phones,
// companies, tags, custom-field values, and tasks, notes and appointments on some of them. The
// same seed gives the same data; dates are spread over the year before the clock's now.
void seedContacts(SandboxData& data, int count, quint64 seed);

} // namespace ContactDesk::Sandbox
