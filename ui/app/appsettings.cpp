#include "ui/app/appsettings.h"

#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace ContactDesk::Ui {

namespace {

const QString regionKey = QStringLiteral("app/defaultPhoneCountry");
const QString intervalKey = QStringLiteral("sync/intervalMinutes");
const QString bannerKey = QStringLiteral("app/sandboxBannerDismissed");

} // namespace

AppSettings::AppSettings(QSettings& settings)
    : m_settings(settings)
{ }

QString AppSettings::systemRegion()
{
    const QString name = QLocale::system().name(); // "de_DE"
    const qsizetype underscore = name.indexOf(u'_');
    const QString region = underscore > 0 ? name.mid(underscore + 1) : QString();
    // The C locale has no country; numbers are then most often North American.
    return region.size() == 2 ? region.toUpper() : QStringLiteral("US");
}

QString AppSettings::defaultRegion() const
{
    const QString region = m_settings.value(regionKey).toString().trimmed().toUpper();
    return region.size() == 2 ? region : systemRegion();
}

void AppSettings::setDefaultRegion(const QString& region)
{
    m_settings.setValue(regionKey, region.trimmed().toUpper());
}

int AppSettings::syncIntervalMinutes() const
{
    bool ok = false;
    const int minutes = m_settings.value(intervalKey).toInt(&ok);
    if (!ok)
        return defaultSyncIntervalMinutes;
    return minutes <= 0 ? 0 : std::clamp(minutes, minSyncIntervalMinutes, maxSyncIntervalMinutes);
}

void AppSettings::setSyncIntervalMinutes(int minutes)
{
    m_settings.setValue(intervalKey,
        minutes <= 0 ? 0 : std::clamp(minutes, minSyncIntervalMinutes, maxSyncIntervalMinutes));
}

qint64 AppSettings::syncIntervalMs() const
{
    return qint64(syncIntervalMinutes()) * 60 * 1000;
}

bool AppSettings::sandboxBannerDismissed() const
{
    return m_settings.value(bannerKey, false).toBool();
}

void AppSettings::setSandboxBannerDismissed(bool dismissed)
{
    m_settings.setValue(bannerKey, dismissed);
}

} // namespace ContactDesk::Ui
