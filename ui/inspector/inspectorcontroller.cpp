#include "ui/inspector/inspectorcontroller.h"

#include "auth/connection.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"

#include <QSettings>

namespace ContactDesk::Ui {

namespace {

const QString capacityKey = QStringLiteral("inspector/capacity");

Inspector::TrafficOptions optionsFrom(const QSettings& settings)
{
    Inspector::TrafficOptions options;
    options.capacity = InspectorController::capacitySetting(settings);
    return options;
}

} // namespace

InspectorController::InspectorController(AppController& app, QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_app(app)
    , m_settings(settings)
    , m_log(optionsFrom(settings))
{
    connect(&m_app, &AppController::workspaceOpened, this,
        [this](Sync::Workspace* workspace) { attach(workspace); });
    if (m_app.workspace())
        attach(m_app.workspace());
}

int InspectorController::capacitySetting(const QSettings& settings)
{
    bool ok = false;
    const int stored = settings.value(capacityKey).toInt(&ok);
    return ok && stored > 0 ? stored : defaultCapacity;
}

void InspectorController::setCapacity(int capacity)
{
    if (capacity <= 0)
        return;
    m_log.setCapacity(capacity);
    m_settings.setValue(capacityKey, capacity);
}

void InspectorController::attach(Sync::Workspace* workspace)
{
    const Auth::Connection& connection = m_app.connection();
    m_log.attach(
        workspace->client(), connection.displayName, Auth::environmentName(connection.environment));
}

} // namespace ContactDesk::Ui
