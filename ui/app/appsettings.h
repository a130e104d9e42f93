#pragma once

#include <QString>

class QSettings;

namespace ContactDesk::Ui {

// The desktop app's own preferences in the app's QSettings, read and written in one place so the
// settings dialog, the main window and the connection switcher agree on keys and defaults.
class AppSettings
{
public:
    explicit AppSettings(QSettings& settings);

    static constexpr int defaultSyncIntervalMinutes = 5;
    static constexpr int minSyncIntervalMinutes = 1;
    static constexpr int maxSyncIntervalMinutes = 24 * 60;

    // ISO 3166 country a phone number without a country code is read in ("US"); the system
    // locale's country unless chosen.
    QString defaultRegion() const;
    void setDefaultRegion(const QString& region);
    static QString systemRegion();

    // Minutes between automatic syncs; 0: only when asked (F5).
    int syncIntervalMinutes() const;
    void setSyncIntervalMinutes(int minutes);
    qint64 syncIntervalMs() const;

    // The user closed the "Sandbox data" banner.
    bool sandboxBannerDismissed() const;
    void setSandboxBannerDismissed(bool dismissed);

    QSettings& settings() const { return m_settings; }

private:
    QSettings& m_settings;
};

} // namespace ContactDesk::Ui
