// The Traffic tab's action bar: replay and compose, pause, clear and capacity, copy as curl and
// the exports.
#include "ui/inspector/trafficpane.h"

#include "inspector/exchangeexport.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>

namespace ContactDesk::Ui {

namespace {

constexpr int minCapacity = 100;
constexpr int maxCapacity = 1000000;

QToolButton* button(const char* name, const QString& text, QWidget* parent)
{
    auto* tool = new QToolButton(parent);
    tool->setObjectName(QString::fromLatin1(name));
    tool->setText(text);
    tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return tool;
}

QAction* menuAction(QMenu* menu, const char* name, const QString& text)
{
    QAction* action = menu->addAction(text);
    action->setObjectName(QString::fromLatin1(name));
    return action;
}

// The origin the entries went to ({{baseUrl}} of their collection).
QUrl originOf(const QList<Inspector::TrafficEntry>& entries)
{
    if (entries.isEmpty())
        return {};
    QUrl url = entries.first().exchange.url.adjusted(
        QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return url;
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace

QWidget* TrafficPane::createActionBar()
{
    auto* bar = new QWidget(this);
    QToolButton* replay = button("replayButton", tr("Re&play"), bar);
    replay->setToolTip(tr("Send the selected request again through its connection"));
    QToolButton* compose = button("composeButton", tr("&Edit and Send…"), bar);
    compose->setToolTip(tr("Open the selected request in Compose to change it before sending"));
    QToolButton* curl = button("copyCurlButton", tr("Copy as &curl"), bar);
    curl->setToolTip(tr("Copy the selected exchange as a curl command (the token as $TOKEN)"));
    QToolButton* exportButton = button("exportButton", tr("E&xport"), bar);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exportButton);
    menu->setObjectName(QStringLiteral("exportMenu"));
    QAction* selectionPostman
        = menuAction(menu, "exportSelectionPostmanAction", tr("Selection as Postman Collection…"));
    QAction* selectionHar = menuAction(menu, "exportSelectionHarAction", tr("Selection as HAR…"));
    menu->addSeparator();
    QAction* filteredPostman = menuAction(
        menu, "exportFilteredPostmanAction", tr("Filtered Exchanges as Postman Collection…"));
    QAction* filteredHar
        = menuAction(menu, "exportFilteredHarAction", tr("Filtered Exchanges as HAR…"));
    menu->addSeparator();
    QAction* catalog = menuAction(
        menu, "exportCatalogAction", tr("Whole Endpoint Catalog as Postman Collection…"));
    exportButton->setMenu(menu);

    m_pause = button("pauseButton", tr("&Pause"), bar);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop following the newest exchanges (they are still recorded)"));
    m_pausedLabel = new QLabel(bar);
    m_pausedLabel->setObjectName(QStringLiteral("pausedLabel"));
    m_pausedLabel->hide();
    QToolButton* clear = button("clearButton", tr("C&lear"), bar);
    m_capacity = new QSpinBox(bar);
    m_capacity->setObjectName(QStringLiteral("capacitySpin"));
    m_capacity->setRange(minCapacity, maxCapacity);
    m_capacity->setSingleStep(1000);
    m_capacity->setValue(m_log.options().capacity);
    m_capacity->setPrefix(tr("Keep last "));
    m_capacity->setSuffix(tr(" exchanges"));
    m_capacity->setToolTip(tr("How many exchanges the inspector keeps in memory"));

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(replay);
    layout->addWidget(compose);
    layout->addWidget(curl);
    layout->addWidget(exportButton);
    layout->addStretch(1);
    layout->addWidget(m_pausedLabel);
    layout->addWidget(m_pause);
    layout->addWidget(clear);
    layout->addWidget(m_capacity);

    connect(replay, &QToolButton::clicked, this, [this] {
        if (const Inspector::TrafficEntry* entry = currentEntry())
            Q_EMIT replayRequested(entry->serial);
        else
            showStatus(tr("Select the exchange to replay."));
    });
    connect(compose, &QToolButton::clicked, this, [this] {
        if (const Inspector::TrafficEntry* entry = currentEntry())
            Q_EMIT composeRequested(entry->serial);
        else
            showStatus(tr("Select the exchange to edit."));
    });
    connect(curl, &QToolButton::clicked, this, &TrafficPane::copyAsCurl);
    // The same from the table's context menu and keys (Ctrl+C copies the curl command).
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto viewAction
        = [this](const char* name, const QString& text, QToolButton* same, QKeySequence keys = {}) {
              auto* action = new QAction(text, m_view);
              action->setObjectName(QString::fromLatin1(name));
              if (!keys.isEmpty()) {
                  action->setShortcut(keys);
                  action->setShortcutContext(Qt::WidgetShortcut);
              }
              m_view->addAction(action);
              connect(action, &QAction::triggered, same, &QToolButton::click);
          };
    viewAction("replayAction", tr("Re&play"), replay);
    viewAction("composeAction", tr("&Edit and Send…"), compose);
    viewAction("copyCurlAction", tr("Copy as &curl"), curl, QKeySequence::Copy);
    connect(selectionPostman, &QAction::triggered, this,
        [this] { exportEntries(selectedEntries(), Format::Postman); });
    connect(selectionHar, &QAction::triggered, this,
        [this] { exportEntries(selectedEntries(), Format::Har); });
    connect(filteredPostman, &QAction::triggered, this,
        [this] { exportEntries(filteredEntries(), Format::Postman); });
    connect(filteredHar, &QAction::triggered, this,
        [this] { exportEntries(filteredEntries(), Format::Har); });
    connect(catalog, &QAction::triggered, this, &TrafficPane::exportCatalog);
    connect(m_pause, &QToolButton::toggled, this, &TrafficPane::setPaused);
    connect(clear, &QToolButton::clicked, this, [this] {
        m_log.clear();
        showStatus(tr("Cleared."));
    });
    connect(m_capacity, &QSpinBox::editingFinished, this, [this] {
        if (m_capacity->value() == m_log.options().capacity)
            return;
        m_log.setCapacity(m_capacity->value());
        Q_EMIT capacityChanged(m_capacity->value());
    });
    return bar;
}

bool TrafficPane::copyAsCurl()
{
    const Inspector::TrafficEntry* entry = currentEntry();
    if (!entry) {
        showStatus(tr("Select the exchange to copy."));
        return false;
    }
    QGuiApplication::clipboard()->setText(Inspector::curlCommand(*entry));
    showStatus(tr("Copied %1 as a curl command; set TOKEN in the shell before running it.")
                   .arg(entry->exchange.operationId));
    return true;
}

bool TrafficPane::writeJson(const QJsonObject& json, const QString& caption,
    const QString& suggested, const QString& filter)
{
    const QString path
        = m_prompts.save ? m_prompts.save(this, caption, suggested, filter) : QString();
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        showStatus(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    showStatus(tr("Saved %1.").arg(path));
    return true;
}

bool TrafficPane::exportEntries(const QList<Inspector::TrafficEntry>& entries, Format format)
{
    if (entries.isEmpty()) {
        showStatus(tr("Nothing to export: select exchanges, or change the filter."));
        return false;
    }
    if (format == Format::Har) {
        return writeJson(Inspector::harLog(entries), tr("Export as HAR"),
            QStringLiteral("contactdesk-%1.har").arg(stamp()), tr("HAR files (*.har *.json)"));
    }
    const QString name
        = tr("ContactDesk traffic %1").arg(QDateTime::currentDateTime().toString(Qt::ISODate));
    return writeJson(Inspector::postmanCollection(entries, name, originOf(entries)),
        tr("Export as Postman Collection"),
        QStringLiteral("contactdesk-%1.postman_collection.json").arg(stamp()),
        tr("Postman collections (*.json)"));
}

bool TrafficPane::exportCatalog()
{
    const QUrl base = m_catalogBaseUrl ? m_catalogBaseUrl() : QUrl();
    return writeJson(
        Inspector::catalogCollection(
            base.isValid() ? base : QUrl(QStringLiteral("https://services.leadconnectorhq.com"))),
        tr("Export the Endpoint Catalog"),
        QStringLiteral("contactdesk-catalog.postman_collection.json"),
        tr("Postman collections (*.json)"));
}

} // namespace ContactDesk::Ui
