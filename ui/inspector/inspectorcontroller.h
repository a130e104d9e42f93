#pragma once

#include "inspector/trafficlog.h"

#include <QObject>

class QSettings;

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class AppController;

// The app's one traffic log: follows the API client of every workspace the app opens (tagged
// with the connection's name and environment) from the moment it opens, whether the inspector
// window is shown or not, and keeps as many exchanges as the setting says.
class InspectorController : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultCapacity = 10000;

    InspectorController(AppController& app, QSettings& settings, QObject* parent = nullptr);

    Inspector::TrafficLog& log() { return m_log; }
    AppController& app() const { return m_app; }
    QSettings& settings() const { return m_settings; }

    // How many exchanges are kept (the setting "inspector/capacity").
    int capacity() const { return m_log.options().capacity; }
    void setCapacity(int capacity);
    static int capacitySetting(const QSettings& settings);

private:
    void attach(Sync::Workspace* workspace);

    AppController& m_app;
    QSettings& m_settings;
    Inspector::TrafficLog m_log;
};

} // namespace ContactDesk::Ui
