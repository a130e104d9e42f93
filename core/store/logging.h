#pragma once

#include <QLoggingCategory>

// contactdesk.store: the offline cache; schema, migrations, errors and counts, never contact data
// at info level.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
