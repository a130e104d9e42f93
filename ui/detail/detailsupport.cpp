#include "ui/detail/detailsupport.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QStyle>

namespace ContactDesk::Ui {

namespace {

QString translate(const char* text, int n = -1)
{
    return QCoreApplication::translate("ContactDesk::Ui::DetailPane", text, nullptr, n);
}

} // namespace

QString ageText(qint64 ageMs)
{
    constexpr qint64 minute = 60 * 1000;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    if (ageMs < minute)
        return translate("just now");
    if (ageMs < hour)
        return translate("%n min ago", int(ageMs / minute));
    if (ageMs < day)
        return translate("%n h ago", int(ageMs / hour));
    return translate("%n d ago", int(ageMs / day));
}

QString localDateTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString childStatusText(const Store::ChildStatus& status)
{
    switch (status.status) {
    case Store::LocalStatus::Synced:
        return {};
    case Store::LocalStatus::Pending:
        return translate("Waiting to be sent to HighLevel");
    case Store::LocalStatus::Failed:
        return status.message.isEmpty()
            ? translate("Could not be sent to HighLevel")
            : translate("Could not be sent to HighLevel: %1").arg(status.message);
    case Store::LocalStatus::Conflict:
        return translate("Changed in HighLevel too: choose which version to keep");
    }
    return {};
}

QIcon childStatusIcon(Store::LocalStatus status)
{
    QStyle* style = QApplication::style();
    switch (status) {
    case Store::LocalStatus::Synced:
        return {};
    case Store::LocalStatus::Pending:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case Store::LocalStatus::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Store::LocalStatus::Conflict:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

QVariant attentionBackground()
{
    return QBrush(QColor(220, 53, 69, 56));
}

} // namespace ContactDesk::Ui
