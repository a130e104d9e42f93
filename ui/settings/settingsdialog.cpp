#include "ui/settings/settingsdialog.h"

#include "ui/app/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace ContactDesk::Ui {

namespace {

// Every country Qt knows by its ISO code, sorted by name in the user's language.
QList<QPair<QString, QString>> countries()
{
    QList<QPair<QString, QString>> list;
    for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
        const auto territory = QLocale::Territory(t);
        const QString code = QLocale::territoryToCode(territory);
        if (code.size() != 2 || !code.at(0).isLetter())
            continue;
        list.append({QLocale::territoryToString(territory), code});
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    return list;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, const QString& connectionName,
    const QList<Column>& columns, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(windowTitle());

    auto* connectionsBox = new QGroupBox(tr("Connections"), this);
    auto* connectionsLayout = new QHBoxLayout(connectionsBox);
    auto* current = new QLabel(tr("Working on: %1").arg(connectionName), connectionsBox);
    current->setObjectName(QStringLiteral("settingsConnection"));
    current->setTextFormat(Qt::PlainText);
    auto* manage = new QPushButton(tr("&Manage connections…"), connectionsBox);
    manage->setObjectName(QStringLiteral("settingsManageConnections"));
    manage->setAccessibleName(tr("Manage connections"));
    manage->setAutoDefault(false);
    connectionsLayout->addWidget(current, 1);
    connectionsLayout->addWidget(manage);
    connect(manage, &QPushButton::clicked, this, &SettingsDialog::manageConnectionsRequested);

    auto* generalBox = new QGroupBox(tr("Contacts and sync"), this);
    auto* form = new QFormLayout(generalBox);
    m_region = new QComboBox(generalBox);
    m_region->setObjectName(QStringLiteral("settingsRegion"));
    m_region->setAccessibleName(tr("Default phone country"));
    const QList<QPair<QString, QString>> list = countries();
    for (const auto& [name, code] : list)
        m_region->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
    m_region->setCurrentIndex(std::max(0, m_region->findData(settings.defaultRegion())));
    form->addRow(tr("Default phone &country:"), m_region);
    auto* regionHint = new QLabel(
        tr("Phone numbers typed without a country code are read as numbers of this country."),
        generalBox);
    regionHint->setWordWrap(true);
    form->addRow(QString(), regionHint);

    m_interval = new QSpinBox(generalBox);
    m_interval->setObjectName(QStringLiteral("settingsSyncInterval"));
    m_interval->setAccessibleName(tr("Minutes between automatic syncs"));
    m_interval->setRange(0, AppSettings::maxSyncIntervalMinutes);
    m_interval->setSpecialValueText(tr("Only when asked (F5)"));
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(settings.syncIntervalMinutes());
    form->addRow(tr("&Sync every:"), m_interval);

    auto* columnsBox = new QGroupBox(tr("Contact list columns"), this);
    auto* columnsLayout = new QVBoxLayout(columnsBox);
    for (const Column& column : columns) {
        auto* box = new QCheckBox(column.title, columnsBox);
        box->setObjectName(QStringLiteral("settingsColumn%1").arg(column.column));
        box->setChecked(column.visible);
        columnsLayout->addWidget(box);
        m_columns.append({column.column, box});
        connect(box, &QCheckBox::toggled, this, &SettingsDialog::updateOk);
    }
    m_columnsHint = new QLabel(tr("Keep at least one column."), columnsBox);
    m_columnsHint->setObjectName(QStringLiteral("settingsColumnsHint"));
    columnsLayout->addWidget(m_columnsHint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("settingsOk"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(connectionsBox);
    layout->addWidget(generalBox);
    layout->addWidget(columnsBox);
    layout->addWidget(buttons);
    updateOk();
}

QString SettingsDialog::defaultRegion() const
{
    return m_region->currentData().toString();
}

int SettingsDialog::syncIntervalMinutes() const
{
    return m_interval->value();
}

QList<int> SettingsDialog::visibleColumns() const
{
    QList<int> visible;
    for (const auto& [column, box] : m_columns) {
        if (box->isChecked())
            visible.append(column);
    }
    return visible;
}

void SettingsDialog::updateOk()
{
    const bool anyColumn = m_columns.isEmpty() || !visibleColumns().isEmpty();
    m_columnsHint->setVisible(!anyColumn);
    m_ok->setEnabled(anyColumn);
}

void SettingsDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    m_settings.setDefaultRegion(defaultRegion());
    m_settings.setSyncIntervalMinutes(syncIntervalMinutes());
    Q_EMIT applied();
    QDialog::accept();
}

} // namespace ContactDesk::Ui
