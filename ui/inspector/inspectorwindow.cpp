#include "ui/inspector/inspectorwindow.h"

#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/inspector/composer.h"
#include "ui/inspector/inspectorcontroller.h"
#include "ui/inspector/trafficpane.h"

#include <QCloseEvent>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

const QString geometryKey = QStringLiteral("inspector/geometry");
const QString tabKey = QStringLiteral("inspector/tab");

} // namespace

InspectorWindow::InspectorWindow(InspectorController& controller, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("inspectorWindow"));
    setWindowTitle(tr("Inspector — ContactDesk"));
    // Closing the main window quits the app even while the inspector is open.
    setAttribute(Qt::WA_QuitOnClose, false);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_traffic = new TrafficPane(controller.log(), m_tabs);
    m_composer = new Composer(controller.app(), controller.log(), m_tabs);
    m_tabs->addTab(m_traffic, tr("&Traffic"));
    m_tabs->addTab(m_composer, tr("C&ompose"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    m_traffic->setCatalogBaseUrl([this]() -> QUrl {
        Sync::Workspace* workspace = m_controller.app().workspace();
        return workspace ? workspace->client().config().baseUrl : QUrl();
    });
    connect(
        m_traffic, &TrafficPane::capacityChanged, &m_controller, &InspectorController::setCapacity);
    connect(m_traffic, &TrafficPane::replayRequested, this, [this](qint64 serial) {
        const Inspector::TrafficEntry* entry = m_controller.log().find(serial);
        if (!entry)
            return;
        m_composer->replay(*entry);
        m_traffic->showStatus(m_composer->message());
    });
    connect(m_traffic, &TrafficPane::composeRequested, this, [this](qint64 serial) {
        if (const Inspector::TrafficEntry* entry = m_controller.log().find(serial)) {
            m_composer->load(*entry);
            showComposer();
        }
    });
    connect(m_composer, &Composer::finished, this,
        [this] { m_traffic->showStatus(m_composer->message()); });

    resize(1100, 720);
    restoreGeometry(controller.settings().value(geometryKey).toByteArray());
    m_tabs->setCurrentIndex(qBound(0, controller.settings().value(tabKey, 0).toInt(), 1));
}

InspectorWindow::~InspectorWindow() = default;

void InspectorWindow::addPanel(QWidget* panel, const QString& title)
{
    m_tabs->addTab(panel, title);
    const int stored = m_controller.settings().value(tabKey, 0).toInt();
    if (stored == m_tabs->count() - 1)
        m_tabs->setCurrentIndex(stored);
}

void InspectorWindow::setFilePrompts(const FilePrompts& prompts)
{
    m_traffic->setFilePrompts(prompts);
}

void InspectorWindow::showComposer()
{
    m_tabs->setCurrentWidget(m_composer);
}

void InspectorWindow::saveGeometryNow()
{
    m_controller.settings().setValue(geometryKey, saveGeometry());
    m_controller.settings().setValue(tabKey, m_tabs->currentIndex());
}

void InspectorWindow::closeEvent(QCloseEvent* event)
{
    saveGeometryNow();
    QWidget::closeEvent(event);
}

void InspectorWindow::hideEvent(QHideEvent* event)
{
    saveGeometryNow();
    QWidget::hideEvent(event);
}

} // namespace ContactDesk::Ui
