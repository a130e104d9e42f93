#include "ui/mapping/exportdialog.h"

#include "ui/dialogs/dialogsupport.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Mapping::ExportColumn;
using Mapping::ExportFormat;

namespace {

QString contactsText(qsizetype count)
{
    return count == 1 ? ExportDialog::tr("%n contact", nullptr, int(count))
                      : ExportDialog::tr("%n contacts", nullptr, int(count));
}

} // namespace

ExportDialog::ExportDialog(const Store::ContactCache& cache, const Api::LocationLists& lists,
    const ListState& list, QWidget* parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_lists(lists)
    , m_list(list)
    , m_prompts(FilePrompts::native())
    , m_columns(Mapping::defaultExportColumns(lists))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Contacts"));
    setAccessibleName(windowTitle());
    setSizeGripEnabled(true);

    auto* scope = new QGroupBox(tr("Contacts"), this);
    m_all = new QRadioButton(tr("&All contacts"), scope);
    m_all->setObjectName(QStringLiteral("exportAll"));
    m_shown = new QRadioButton(list.searchText.isEmpty()
            ? tr("The contacts the list &shows (%1)").arg(contactsText(list.shown.size()))
            : tr("The current &search “%1” (%2)")
                  .arg(list.searchText, contactsText(list.shown.size())),
        scope);
    m_shown->setObjectName(QStringLiteral("exportShown"));
    m_shown->setEnabled(list.narrowed);
    m_selected = new QRadioButton(
        tr("The se&lected contacts (%1)").arg(contactsText(list.selected.size())), scope);
    m_selected->setObjectName(QStringLiteral("exportSelected"));
    m_selected->setEnabled(!list.selected.isEmpty());
    (list.selected.size() > 1 ? m_selected : m_all)->setChecked(true);
    auto* scopeLayout = new QVBoxLayout(scope);
    scopeLayout->addWidget(m_all);
    scopeLayout->addWidget(m_shown);
    scopeLayout->addWidget(m_selected);

    auto* format = new QGroupBox(tr("Format"), this);
    m_csv = new QRadioButton(tr("&CSV with the chosen columns"), format);
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_vcard = new QRadioButton(tr("&vCard 4.0"), format);
    m_vcard->setObjectName(QStringLiteral("exportVCard"));
    m_csv->setChecked(true);
    auto* formatLayout = new QHBoxLayout(format);
    formatLayout->addWidget(m_csv);
    formatLayout->addWidget(m_vcard);
    formatLayout->addStretch(1);

    m_columnList = new QListWidget(this);
    m_columnList->setObjectName(QStringLiteral("exportColumns"));
    m_columnList->setAccessibleName(tr("Columns of the CSV file"));
    for (const ExportColumn& column : std::as_const(m_columns)) {
        auto* item = new QListWidgetItem(column.title, m_columnList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto* columnsLabel = new QLabel(tr("C&olumns:"), this);
    columnsLabel->setBuddy(m_columnList);

    m_message = makeMessageLabel(this, QStringLiteral("exportMessage"), tr("Export problem"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    nameStandardButtons(m_buttons, tr("&Export…"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scope);
    layout->addWidget(format);
    layout->addWidget(columnsLabel);
    layout->addWidget(m_columnList, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(460, 560);

    connect(m_csv, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_all, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_shown, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_columnList, &QListWidget::itemChanged, this, &ExportDialog::updateState);
    updateState();
}

QVector<qint64> ExportDialog::rowIds() const
{
    if (m_selected->isChecked())
        return m_list.selected;
    if (m_shown->isChecked())
        return m_list.shown;
    return Mapping::exportRowIds(m_cache);
}

QList<ExportColumn> ExportDialog::columns() const
{
    QList<ExportColumn> chosen;
    for (int row = 0; row < m_columnList->count(); ++row) {
        if (m_columnList->item(row)->checkState() == Qt::Checked)
            chosen.append(m_columns.at(row));
    }
    return chosen;
}

ExportFormat ExportDialog::format() const
{
    return m_vcard->isChecked() ? ExportFormat::VCard : ExportFormat::Csv;
}

void ExportDialog::updateState()
{
    const bool csv = format() == ExportFormat::Csv;
    m_columnList->setEnabled(csv);
    okButton(m_buttons)->setEnabled(!csv || !columns().isEmpty());
    setMessage(
        m_message, csv && columns().isEmpty() ? tr("Choose at least one column.") : QString());
}

void ExportDialog::accept()
{
    const bool csv = format() == ExportFormat::Csv;
    const QString path = m_prompts.save
        ? m_prompts.save(this, tr("Export Contacts"), csv ? tr("contacts.csv") : tr("contacts.vcf"),
            csv ? tr("CSV files (*.csv)") : tr("vCard files (*.vcf)"))
        : QString();
    if (path.isEmpty())
        return;
    const QVector<qint64> rows = rowIds();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setMessage(m_message, tr("'%1' cannot be written: %2").arg(path, file.errorString()));
        return;
    }
    Mapping::ContactExporter exporter(m_cache, m_lists);
    QString error;
    const bool written = csv ? exporter.writeCsv(rows, columns(), &file, &error)
                             : exporter.writeVCard(rows, &file, &error);
    if (!written || !file.commit()) {
        setMessage(m_message,
            tr("The export was not written: %1").arg(error.isEmpty() ? file.errorString() : error));
        return;
    }
    Q_EMIT exported(
        tr("%1 exported to %2").arg(contactsText(exporter.written()), QFileInfo(path).fileName()));
    QDialog::accept();
}

} // namespace ContactDesk::Ui
