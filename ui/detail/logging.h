#pragma once

#include <QLoggingCategory>

// contactdesk.ui for the detail pane: which edit was refused and why a load failed, never
// contact data.
Q_DECLARE_LOGGING_CATEGORY(lcDetail)
