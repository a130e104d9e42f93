#pragma once

#include <QLoggingCategory>

// contactdesk.ui for the connection dialogs: what the user chose and how a check or sign-in
// ended, never a token, secret or contact data.
Q_DECLARE_LOGGING_CATEGORY(lcConnectUi)
