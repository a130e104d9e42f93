#pragma once

#include <QLoggingCategory>

namespace ContactDesk::Ui {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace ContactDesk::Ui
