// ContactListPane: the columns the user chose, their order and widths, and the sort, kept in
// the settings.
#include "ui/contacts/contactlistpane.h"

#include "ui/contacts/contactlistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

namespace ContactDesk::Ui {

namespace {

const QString columnsKey = QStringLiteral("contactList/columns");
const QString widthsKey = QStringLiteral("contactList/columnWidths");
const QString sortColumnKey = QStringLiteral("contactList/sortColumn");
const QString sortOrderKey = QStringLiteral("contactList/sortOrder");

QStringList defaultColumns()
{
    using M = ContactListModel;
    QStringList keys;
    for (int column : {M::Name, M::Email, M::Phone, M::Company, M::Tags, M::DateAdded})
        keys.append(M::columnKey(column));
    return keys;
}

int defaultWidth(int column)
{
    switch (column) {
    case ContactListModel::Name:
        return 200;
    case ContactListModel::Email:
        return 220;
    case ContactListModel::Tags:
        return 160;
    default:
        return 130;
    }
}

} // namespace

void ContactListPane::applySavedSort()
{
    const int column = ContactListModel::columnForKey(m_settings.value(sortColumnKey).toString());
    const bool descending
        = m_settings.value(sortOrderKey).toString() == QLatin1StringView("descending");
    if (column >= 0)
        m_model->sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

bool ContactListPane::isColumnVisible(int column) const
{
    return column >= 0 && column < ContactListModel::columnTotal
        && !m_table->horizontalHeader()->isSectionHidden(column);
}

void ContactListPane::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= ContactListModel::columnTotal || isColumnVisible(column) == visible)
        return;
    if (!visible && visibleColumns().size() <= 1)
        return;
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) < minimumColumnWidth)
        header->resizeSection(column, defaultWidth(column));
    saveColumns();
}

QList<int> ContactListPane::visibleColumns() const
{
    const QHeaderView* header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

void ContactListPane::buildColumnsMenu()
{
    m_columnsMenu = new QMenu(tr("Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("contactColumnsMenu"));
    for (int column = 0; column < ContactListModel::columnTotal; ++column) {
        auto* action
            = m_columnsMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("showColumn_") + ContactListModel::columnKey(column));
        action->setCheckable(true);
        action->setData(column);
        connect(action, &QAction::toggled, this,
            [this, column](bool on) { setColumnVisible(column, on); });
    }
    // Checks follow the header each time; the only visible column cannot be unchecked.
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] {
        const QList<int> visible = visibleColumns();
        const QList<QAction*> actions = m_columnsMenu->actions();
        for (QAction* action : actions) {
            const int column = action->data().toInt();
            const QSignalBlocker block(action);
            action->setChecked(visible.contains(column));
            action->setEnabled(!(visible.size() == 1 && visible.contains(column)));
        }
    });
}

void ContactListPane::restoreColumns()
{
    m_restoring = true;
    QHeaderView* header = m_table->horizontalHeader();
    QStringList keys = m_settings.value(columnsKey, defaultColumns()).toStringList();
    QList<int> shown;
    for (const QString& key : std::as_const(keys)) {
        const int column = ContactListModel::columnForKey(key);
        if (column >= 0 && !shown.contains(column))
            shown.append(column);
    }
    if (shown.isEmpty())
        shown.append(ContactListModel::Name);
    for (int visual = 0; visual < shown.size(); ++visual)
        header->moveSection(header->visualIndex(shown.at(visual)), visual);
    const QVariantMap widths = m_settings.value(widthsKey).toMap();
    for (int column = 0; column < ContactListModel::columnTotal; ++column) {
        const int width = widths.value(ContactListModel::columnKey(column)).toInt();
        header->resizeSection(column, width >= minimumColumnWidth ? width : defaultWidth(column));
        header->setSectionHidden(column, !shown.contains(column));
    }
    const QList<QAction*> actions = m_columnsMenu->actions();
    for (QAction* action : actions) {
        const QSignalBlocker block(action);
        action->setChecked(shown.contains(action->data().toInt()));
    }
    m_restoring = false;
}

void ContactListPane::saveColumns()
{
    if (m_restoring)
        return;
    m_saveTimer.stop();
    const QHeaderView* header = m_table->horizontalHeader();
    QStringList keys;
    const QList<int> columns = visibleColumns();
    for (int column : columns)
        keys.append(ContactListModel::columnKey(column));
    // Hidden columns keep the width they had when last shown.
    QVariantMap widths = m_settings.value(widthsKey).toMap();
    for (int column : columns)
        widths.insert(ContactListModel::columnKey(column), header->sectionSize(column));
    m_settings.setValue(columnsKey, keys);
    m_settings.setValue(widthsKey, widths);
    m_settings.setValue(sortColumnKey, ContactListModel::columnKey(header->sortIndicatorSection()));
    m_settings.setValue(sortOrderKey,
        header->sortIndicatorOrder() == Qt::DescendingOrder ? QStringLiteral("descending")
                                                            : QStringLiteral("ascending"));
}

} // namespace ContactDesk::Ui
