#pragma once

#include <QLoggingCategory>

// contactdesk.auth: connections, sign-in and the keychain; entry names and outcomes, never a
// secret's value.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
