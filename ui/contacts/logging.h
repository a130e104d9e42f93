#pragma once

#include <QLoggingCategory>

// contactdesk.ui for the contact list: query sizes, resets and timings, never contact data.
Q_DECLARE_LOGGING_CATEGORY(lcContactList)
