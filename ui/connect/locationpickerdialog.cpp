#include "ui/connect/locationpickerdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

constexpr int idRole = Qt::UserRole + 1;
constexpr int searchRole = Qt::UserRole + 2;

} // namespace

LocationPickerDialog::LocationPickerDialog(
    Auth::OAuthFlow& flow, const QList<Auth::InstalledLocation>& locations, QWidget* parent)
    : QDialog(parent)
    , m_flow(&flow)
{
    setObjectName(QStringLiteral("locationPicker"));
    setWindowTitle(tr("Choose a sub-account"));

    auto* intro = new QLabel(tr("You signed in for an agency. Choose the sub-account (location) "
                                "ContactDesk should work with:"),
        this);
    intro->setObjectName(QStringLiteral("locationIntro"));
    intro->setWordWrap(true);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("locationFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, address or id"));
    m_filter->setAccessibleName(tr("Filter sub-accounts"));
    m_filter->setClearButtonEnabled(true);

    m_model = new QStandardItemModel(this);
    for (const Auth::InstalledLocation& location : locations) {
        const QString name = location.name.isEmpty() ? location.id : location.name;
        auto* item = new QStandardItem(
            location.address.isEmpty() ? name : tr("%1 (%2)").arg(name, location.address));
        item->setEditable(false);
        item->setData(location.id, idRole);
        item->setData(
            QStringList {location.name, location.address, location.id}.join(u'\n'), searchRole);
        item->setToolTip(location.id);
        m_model->appendRow(item);
    }
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(searchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("locationList"));
    m_list->setAccessibleName(tr("Sub-accounts"));
    m_list->setModel(m_proxy);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("locationCount"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("locationButtons"));
    QPushButton* choose = m_buttons->button(QDialogButtonBox::Ok);
    choose->setObjectName(QStringLiteral("locationChoose"));
    choose->setText(tr("Use this sub-account"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("locationCancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_buttons);
    setTabOrder(m_filter, m_list);
    setTabOrder(m_list, choose);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!m_list->selectionModel()->hasSelection())
            selectFirst();
        updateButtons();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &LocationPickerDialog::updateButtons);
    connect(m_list, &QListView::doubleClicked, this, &LocationPickerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LocationPickerDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LocationPickerDialog::reject);

    selectFirst();
    updateButtons();
    m_filter->setFocus();
    resize(460, 420);
}

QString LocationPickerDialog::selectedId() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return {};
    return selected.first().data(idRole).toString();
}

int LocationPickerDialog::visibleCount() const
{
    return m_proxy->rowCount();
}

void LocationPickerDialog::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void LocationPickerDialog::updateButtons()
{
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == m_model->rowCount()
            ? tr("%n sub-account(s)", nullptr, shown)
            : tr("%1 of %2 sub-accounts match").arg(shown).arg(m_model->rowCount()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedId().isEmpty());
}

void LocationPickerDialog::accept()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    Q_EMIT locationChosen(id);
    if (m_flow)
        m_flow->chooseLocation(id);
    QDialog::accept();
}

void LocationPickerDialog::reject()
{
    if (m_flow && !m_flow->isFinished())
        m_flow->cancel();
    QDialog::reject();
}

} // namespace ContactDesk::Ui
