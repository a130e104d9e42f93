#pragma once

#include <QLoggingCategory>

// contactdesk.sync: sync runs, checkpoints and outbox outcomes as counts and ids, never contact
// data at info level.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
