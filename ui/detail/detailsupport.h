#pragma once

#include "store/childcache.h"

#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QVariant>

namespace ContactDesk::Ui {

// How long ago something happened, the way the detail pane says it: "just now", "5 min ago",
// "3 h ago", "2 d ago". Negative ages (a clock moved back) count as just now.
QString ageText(qint64 ageMs);

// A timestamp in the user's time zone and locale, short form; empty for an invalid time.
QString localDateTimeText(const QDateTime& time);

// A row's standing against the server for a tooltip: empty when it is in sync.
QString childStatusText(const Store::ChildStatus& status);
// The icon a row carries while it waits, failed or conflicts; a null icon when in sync.
QIcon childStatusIcon(Store::LocalStatus status);

// The background of a row that needs attention (an overdue task): a translucent red that reads
// on light and dark palettes alike.
QVariant attentionBackground();

} // namespace ContactDesk::Ui
