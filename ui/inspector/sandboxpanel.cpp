#include "ui/inspector/sandboxpanel.h"

#include "sandbox/sandboxserver.h"
#include "sync/syncengine.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/inspector/sandboxfaultsform.h"
#include "ui/inspector/sandboxlogmodel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

using L = QLatin1StringView;

int sizeOfAll(const QHash<QString, QList<QJsonObject>>& byContact)
{
    int total = 0;
    for (const QList<QJsonObject>& list : byContact)
        total += int(list.size());
    return total;
}

// The main location's records of a list (records without a locationId belong to every one).
QList<QJsonObject> ofLocation(const QList<QJsonObject>& records, const QString& locationId)
{
    QList<QJsonObject> mine;
    for (const QJsonObject& record : records) {
        const QString location = record.value(L("locationId")).toString();
        if (location.isEmpty() || location == locationId)
            mine.append(record);
    }
    return mine;
}

QString recordName(const QJsonObject& record)
{
    for (const char* key : {"name", "email", "id"}) {
        const QString value = record.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QSpinBox* spinBox(QWidget* parent, const char* name, int min, int max, const QString& suffix = {})
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

SandboxPanel::SandboxPanel(AppController& app, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
{
    setObjectName(QStringLiteral("sandboxPanel"));
    m_stack = new QStackedWidget(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_unavailable = new QLabel(tr("The built-in sandbox is not running, so there is nothing to "
                                  "control here. These controls are for the built-in sandbox "
                                  "only; a HighLevel location has no faults to inject."),
        this);
    m_unavailable->setObjectName(QStringLiteral("sandboxUnavailable"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_unavailable);

    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!sandbox)
        return;
    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    m_notOpen = new QLabel(page);
    m_notOpen->setObjectName(QStringLiteral("sandboxNotOpen"));
    m_notOpen->setWordWrap(true);
    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("sandboxTabs"));
    m_faults = new SandboxFaultsForm(*sandbox, m_tabs);
    m_tabs->addTab(m_faults, tr("&Faults"));
    m_tabs->addTab(buildDataTab(), tr("&Data"));
    m_tabs->addTab(buildSettingsTab(), tr("S&ettings"));
    m_tabs->addTab(buildLogTab(), tr("Request &log"));
    pageLayout->addWidget(m_notOpen);
    pageLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(page);
    m_stack->setCurrentWidget(page);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &SandboxPanel::refresh);
    // Writes change the data; any request may count a fault rule down. The data is read again
    // only after writes and only while the panel shows, however fast requests come.
    connect(sandbox, &Sandbox::SandboxServer::dataChanged, this, [this] {
        m_dataDirty = true;
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(&sandbox->requestLog(), &Sandbox::RequestLog::logged, this, [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(&m_app, &AppController::workspaceOpened, this, &SandboxPanel::refresh);
    refresh();
    refreshSettings();
}

SandboxPanel::~SandboxPanel() = default;

QWidget* SandboxPanel::buildDataTab()
{
    auto* tab = new QWidget(m_tabs);
    m_counts = new QLabel(tab);
    m_counts->setObjectName(QStringLiteral("sandboxCounts"));
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lists = new QTreeWidget(tab);
    m_lists->setObjectName(QStringLiteral("sandboxLists"));
    m_lists->setHeaderLabels({tr("Location list"), tr("Details")});
    m_contacts = new QTreeWidget(tab);
    m_contacts->setObjectName(QStringLiteral("sandboxContacts"));
    m_contacts->setRootIsDecorated(false);
    m_contacts->setHeaderLabels({tr("Contact"), tr("E-mail"), tr("Updated"), tr("Id")});

    m_seedCount = spinBox(tab, "sandboxSeedCount", 0, 500000);
    m_seedCount->setValue(50);
    m_seed = spinBox(tab, "sandboxSeed", 0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed makes the same contacts"));
    m_reseed = new QPushButton(tr("Re&seed"), tab);
    m_reseed->setObjectName(QStringLiteral("sandboxReseed"));
    m_reseed->setToolTip(tr("Replaces every contact with new ones"));
    m_reset = new QPushButton(tr("&Reset sandbox"), tab);
    m_reset->setObjectName(QStringLiteral("sandboxReset"));
    m_reset->setToolTip(tr("No contacts, default settings, no faults, no OAuth tokens"));

    auto* seedBox = new QGroupBox(tr("Contacts"), tab);
    auto* seedForm = new QFormLayout(seedBox);
    seedForm->addRow(tr("&Count:"), m_seedCount);
    seedForm->addRow(tr("S&eed:"), m_seed);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reseed);
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    seedForm->addRow(buttons);

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_counts);
    layout->addWidget(seedBox);
    auto* lists = new QHBoxLayout;
    lists->addWidget(m_contacts, 3);
    lists->addWidget(m_lists, 2);
    layout->addLayout(lists, 1);
    connect(m_reseed, &QPushButton::clicked, this,
        [this] { reseed(m_seedCount->value(), quint64(m_seed->value())); });
    connect(m_reset, &QPushButton::clicked, this, &SandboxPanel::resetSandbox);
    return tab;
}

QWidget* SandboxPanel::buildSettingsTab()
{
    auto* tab = new QWidget(m_tabs);
    m_rateCount = spinBox(tab, "sandboxRateCount", 0, 1000000);
    m_rateCount->setSpecialValueText(tr("No limit"));
    m_rateWindow = spinBox(tab, "sandboxRateWindow", 1, 86400, tr(" s"));
    m_dailyLimit = spinBox(tab, "sandboxDailyLimit", 0, std::numeric_limits<int>::max());
    m_tokenLifetime = spinBox(tab, "sandboxTokenLifetime", 1, 100000000, tr(" s"));
    m_indexLag = spinBox(tab, "sandboxIndexLag", 0, 600000, tr(" ms"));
    m_allowDuplicates = new QCheckBox(tr("Allow &duplicate contacts"), tab);
    m_allowDuplicates->setObjectName(QStringLiteral("sandboxAllowDuplicates"));
    m_settingsError = new QLabel(tab);
    m_settingsError->setObjectName(QStringLiteral("sandboxSettingsError"));
    m_settingsError->setWordWrap(true);
    auto* apply = new QPushButton(tr("&Apply"), tab);
    apply->setObjectName(QStringLiteral("sandboxApplySettings"));

    auto* form = new QFormLayout(tab);
    form->addRow(tr("Burst limit (requests):"), m_rateCount);
    form->addRow(tr("Burst window:"), m_rateWindow);
    form->addRow(tr("Daily limit (requests):"), m_dailyLimit);
    form->addRow(tr("Access token lifetime:"), m_tokenLifetime);
    form->addRow(tr("Search index lag:"), m_indexLag);
    form->addRow(m_allowDuplicates);
    form->addRow(m_settingsError);
    form->addRow(apply);
    connect(apply, &QPushButton::clicked, this, [this] { applySettings(); });
    return tab;
}

QWidget* SandboxPanel::buildLogTab()
{
    auto* tab = new QWidget(m_tabs);
    m_log = new SandboxLogModel(m_app.sandbox()->requestLog(), this);
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_log);
    sorted->setSortRole(SandboxLogModel::SortRole);
    m_logView = new QTableView(tab);
    m_logView->setObjectName(QStringLiteral("sandboxLog"));
    m_logView->setModel(sorted);
    m_logView->setSortingEnabled(true);
    m_logView->sortByColumn(SandboxLogModel::TimeColumn, Qt::DescendingOrder);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->verticalHeader()->hide();
    m_logView->horizontalHeader()->setStretchLastSection(true);
    auto* clear = new QPushButton(tr("C&lear log"), tab);
    clear->setObjectName(QStringLiteral("sandboxClearLog"));
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_logView, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(clear);
    layout->addLayout(buttons);
    connect(clear, &QPushButton::clicked, m_log, &SandboxLogModel::clear);
    return tab;
}

void SandboxPanel::refresh()
{
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!sandbox || !m_tabs)
        return;
    m_refresh.stop();
    const bool onSandbox = m_app.isOpen() && m_app.connection().isSandbox();
    m_notOpen->setVisible(!onSandbox);
    m_notOpen->setText(m_app.isOpen()
            ? tr("ContactDesk is working on “%1”, not on the built-in sandbox: these controls "
                 "change the sandbox only.")
                  .arg(m_app.connection().displayName)
            : tr("No connection is open; these controls change the built-in sandbox only."));
    if (!isVisible()) {
        m_dataDirty = true;
        return;
    }
    if (m_dataDirty)
        refreshData();
    m_dataDirty = false;
    m_faults->refresh();
}

void SandboxPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void SandboxPanel::refreshData()
{
    Sandbox::SandboxData& data = m_app.sandbox()->data();
    const QString location = data.mainLocation().id;
    const QList<QJsonObject> fields = ofLocation(data.customFieldDefinitions(), location);
    const QList<QJsonObject> tags = ofLocation(data.tags(), location);
    const QList<QJsonObject> users = ofLocation(data.users(), location);
    const QList<QJsonObject> calendars = ofLocation(data.calendars(), location);
    const QLocale locale;
    m_counts->setText(
        tr("Location %1 (%2): %3 contacts, %4 tasks, %5 notes, %6 appointments, %7 businesses; "
           "%8 custom fields, %9 tags, %10 users, %11 calendars.")
            .arg(data.mainLocation().name, location,
                locale.toString(qsizetype(data.contacts().size() - data.deletedContacts().size())),
                locale.toString(sizeOfAll(data.tasks())), locale.toString(sizeOfAll(data.notes())),
                locale.toString(sizeOfAll(data.appointments())),
                locale.toString(qsizetype(data.businesses().size())),
                locale.toString(qsizetype(fields.size())), locale.toString(qsizetype(tags.size())))
            .arg(locale.toString(qsizetype(users.size())),
                locale.toString(qsizetype(calendars.size()))));

    m_lists->clear();
    const auto addList
        = [this](const QString& title, const QList<QJsonObject>& records, const char* detailKey) {
              auto* parent = new QTreeWidgetItem(m_lists, {title, QString::number(records.size())});
              for (const QJsonObject& record : records) {
                  new QTreeWidgetItem(parent,
                      {recordName(record), record.value(QLatin1StringView(detailKey)).toString()});
              }
          };
    addList(tr("Custom fields"), fields, "dataType");
    addList(tr("Tags"), tags, "id");
    addList(tr("Users"), users, "email");
    addList(tr("Calendars"), calendars, "id");
    refreshContacts();
}

void SandboxPanel::refreshContacts()
{
    // The most recently changed ones: the order index is kept by the sandbox, so this reads
    // `shown` contacts however many there are.
    constexpr int shown = 200;
    Sandbox::SandboxData& data = m_app.sandbox()->data();
    const Sandbox::SandboxData::ContactOrder& order
        = data.contactOrderByUpdated(data.mainLocation().id);
    m_contacts->clear();
    QList<QTreeWidgetItem*> items;
    for (auto it = order.crbegin(); it != order.crend() && items.size() < shown; ++it) {
        const QJsonObject* contact = data.liveContact(it->second);
        if (!contact)
            continue;
        const QString name = (contact->value(L("firstName")).toString() + u' '
            + contact->value(L("lastName")).toString())
                                 .trimmed();
        items.append(new QTreeWidgetItem({name, contact->value(L("email")).toString(),
            contact->value(L("dateUpdated")).toString(), it->second}));
    }
    m_contacts->addTopLevelItems(items);
    m_contacts->headerItem()->setText(
        0, tr("Contact (latest %1 of %2)").arg(items.size()).arg(order.size()));
}

void SandboxPanel::refreshSettings()
{
    const Sandbox::Settings& settings = m_app.sandbox()->data().settings();
    m_rateCount->setValue(settings.rateLimitCount);
    m_rateWindow->setValue(int(settings.rateLimitWindowMs / 1000));
    m_dailyLimit->setValue(int(qMin<qint64>(settings.dailyLimit, m_dailyLimit->maximum())));
    m_tokenLifetime->setValue(int(settings.accessTokenLifetimeS));
    m_indexLag->setValue(int(settings.searchIndexLagMs));
    m_allowDuplicates->setChecked(settings.allowDuplicates);
    m_settingsError->clear();
}

bool SandboxPanel::applySettings()
{
    Sandbox::Settings& settings = m_app.sandbox()->data().settings();
    const QJsonObject json {{QStringLiteral("rateLimit"),
                                QJsonObject {{QStringLiteral("count"), m_rateCount->value()},
                                    {QStringLiteral("windowMs"), m_rateWindow->value() * 1000LL}}},
        {QStringLiteral("dailyLimit"), m_dailyLimit->value()},
        {QStringLiteral("accessTokenLifetimeS"), m_tokenLifetime->value()},
        {QStringLiteral("searchIndexLagMs"), m_indexLag->value()},
        {QStringLiteral("allowDuplicates"), m_allowDuplicates->isChecked()}};
    const QString error = settings.apply(json);
    if (!error.isEmpty()) {
        m_settingsError->setText(tr("The sandbox refused the settings: %1").arg(error));
        return false;
    }
    refreshSettings();
    m_settingsError->setText(tr("Applied."));
    return true;
}

void SandboxPanel::reseed(int contacts, quint64 seed)
{
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!sandbox)
        return;
    sandbox->data().clearContacts();
    sandbox->seed(contacts, seed);
    m_dataDirty = true;
    refresh();
    resyncWorkspace();
}

void SandboxPanel::resetSandbox()
{
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (!sandbox)
        return;
    sandbox->reset();
    m_dataDirty = true;
    refresh();
    refreshSettings();
    resyncWorkspace();
}

void SandboxPanel::resyncWorkspace()
{
    // The cache still holds the contacts that are gone: a sync with reconciliation drops them.
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace || !m_app.connection().isSandbox())
        return;
    Sync::SyncEngine& engine = workspace->syncEngine();
    if (engine.isRunning())
        engine.cancel();
    engine.sync(true);
}

} // namespace ContactDesk::Ui
