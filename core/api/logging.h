#pragma once

#include <QLoggingCategory>

// contactdesk.api: requests and their outcomes, never tokens or contact data.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
