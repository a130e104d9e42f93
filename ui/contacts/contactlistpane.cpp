#include "ui/contacts/contactlistpane.h"

#include "store/database.h"
#include "ui/contacts/contactlistmodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace ContactDesk::Ui {

// Reads the tags when its list is about to open, so the list is current without reading every
// tag of 100,000 contacts at start or after each change.
class TagFilterBox : public QComboBox
{
public:
    using QComboBox::QComboBox;
    std::function<void()> beforePopup;

    void showPopup() override
    {
        if (beforePopup)
            beforePopup();
        QComboBox::showPopup();
    }
};

namespace {

constexpr int defaultSearchDelayMs = 120;
// Tags are re-read this long after the last store change (the list may be open by then).
constexpr int tagRefreshDelayMs = 400;
constexpr int saveDelayMs = 300;

} // namespace

ContactListPane::ContactListPane(Store::Database& database, QSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("contactListPane"));
    setAccessibleName(tr("Contact list"));

    m_model = new ContactListModel(database, this);
    m_model->setObjectName(QStringLiteral("contactListModel"));
    // Sorted before a view exists, so a saved sort costs one query and no layout change.
    applySavedSort();

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("contactSearchField"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setPlaceholderText(tr("Search name, email, phone, company or tag"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tagFilter = new TagFilterBox(this);
    m_tagFilter->setObjectName(QStringLiteral("contactTagFilter"));
    m_tagFilter->setAccessibleName(tr("Filter by tag"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tagFilter->setMinimumContentsLength(10);
    m_tagFilter->addItem(tr("All tags"), QString());
    m_tagFilter->beforePopup = [this] {
        if (m_tagsDirty)
            refreshTags();
    };

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setAccessibleName(tr("Contacts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    m_table->setCornerButtonEnabled(false);
    m_table->installEventFilter(this);
    // One fixed row height: the view never asks 100,000 rows for their size.
    QHeaderView* rows = m_table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setObjectName(QStringLiteral("contactTableHeader"));
    header->setAccessibleName(tr("Contact columns"));
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setMinimumSectionSize(minimumColumnWidth);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_table->setSortingEnabled(true);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("contactEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("contactListStack"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("contactCountLabel"));
    m_countLabel->setTextFormat(Qt::PlainText);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_tagFilter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_countLabel);
    setTabOrder(m_search, m_tagFilter);
    setTabOrder(m_tagFilter, m_table);

    m_findAction = new QAction(tr("&Find Contact"), this);
    m_findAction->setObjectName(QStringLiteral("findContactAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_findAction);
    connect(m_findAction, &QAction::triggered, this, &ContactListPane::focusSearch);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(defaultSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &ContactListPane::applySearchNow);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applySearchNow();
        focusList();
    });

    m_tagsTimer.setSingleShot(true);
    m_tagsTimer.setInterval(tagRefreshDelayMs);
    connect(&m_tagsTimer, &QTimer::timeout, this, [this] {
        if (!m_tagFilter->view()->isVisible())
            refreshTags();
    });
    const auto tagsChanged = [this] {
        m_tagsDirty = true;
        m_tagsTimer.start();
    };
    connect(&database, &Store::Database::contactsChanged, this, tagsChanged);
    connect(&database, &Store::Database::contactsInserted, this, tagsChanged);
    connect(&database, &Store::Database::contactsRemoved, this, tagsChanged);
    connect(&database, &Store::Database::contactsReset, this, tagsChanged);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, &ContactListPane::onTagChosen);
    // The first read waits until after the list has painted.
    m_tagsTimer.start();

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ContactListPane::saveColumns);

    buildColumnsMenu();
    restoreColumns();
    connect(header, &QHeaderView::customContextMenuRequested, this,
        [this, header](const QPoint& pos) { m_columnsMenu->popup(header->mapToGlobal(pos)); });
    connect(header, &QHeaderView::sectionMoved, this, &ContactListPane::saveColumns);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ContactListPane::saveColumns);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_restoring)
            m_saveTimer.start();
    });

    QItemSelectionModel* selection = m_table->selectionModel();
    connect(
        selection, &QItemSelectionModel::currentRowChanged, this, &ContactListPane::updateCurrent);
    connect(selection, &QItemSelectionModel::selectionChanged, this,
        [this] { emit selectedCountChanged(selectedCount()); });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = m_model->contactIdAt(index.row());
        if (!id.isEmpty())
            emit activated(id);
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        &ContactListPane::rememberSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactListPane::restoreSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContactListPane::updateCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
            const int current = m_table->currentIndex().row();
            if (current >= topLeft.row() && current <= bottomRight.row())
                updateCurrent();
        });
    connect(m_model, &ContactListModel::countsChanged, this, &ContactListPane::updateCounts);
    updateCounts();
}

ContactListPane::~ContactListPane()
{
    if (m_saveTimer.isActive())
        saveColumns();
}

QComboBox* ContactListPane::tagFilter() const
{
    return m_tagFilter;
}

QStringList ContactListPane::selectedContactIds() const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QList<int> rows;
    rows.reserve(selected.size());
    for (const QModelIndex& index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return m_model->contactIds(rows);
}

int ContactListPane::selectedCount() const
{
    return int(m_table->selectionModel()->selectedRows().size());
}

bool ContactListPane::selectContact(const QString& contactId)
{
    const QModelIndex index = m_model->indexForContactId(contactId);
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void ContactListPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ContactListPane::clearSearch()
{
    m_search->clear();
    applySearchNow();
}

bool ContactListPane::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (watched == m_search && plain) {
        if (key->key() == Qt::Key_Down) {
            applySearchNow();
            focusList();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            clearSearch();
            return true;
        }
    }
    if (watched == m_table && plain) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (!m_currentId.isEmpty())
                emit activated(m_currentId);
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            const QStringList ids = selectedContactIds();
            if (!ids.isEmpty())
                emit deleteRequested(ids);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ContactListPane::applySearchNow()
{
    m_searchTimer.stop();
    m_model->setSearchText(m_search->text());
}

void ContactListPane::refreshTags()
{
    m_tagsDirty = false;
    const QString chosen = m_tagFilter->currentData().toString();
    QStringList tags = m_model->cache().allTags();
    // The chosen tag stays listed even when no contact carries it any more, so the filter still
    // says what the list shows.
    if (!chosen.isEmpty() && !tags.contains(chosen, Qt::CaseInsensitive))
        tags.append(chosen);
    const QSignalBlocker block(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    int current = 0;
    for (const QString& tag : std::as_const(tags)) {
        m_tagFilter->addItem(tag, tag);
        if (!chosen.isEmpty() && tag.compare(chosen, Qt::CaseInsensitive) == 0)
            current = m_tagFilter->count() - 1;
    }
    m_tagFilter->setCurrentIndex(current);
}

void ContactListPane::onTagChosen(int index)
{
    m_model->setTagFilter(m_tagFilter->itemData(index).toString());
}

void ContactListPane::updateCounts()
{
    const QLocale locale;
    const int rows = m_model->rowCount();
    const int total = m_model->totalCount();
    QString count;
    if (m_model->isFiltered())
        count = tr("%1 of %2 match").arg(locale.toString(rows), locale.toString(total));
    else if (rows == 1)
        count = tr("1 contact");
    else
        count = tr("%1 contacts").arg(locale.toString(rows));
    m_countLabel->setText(count);
    m_countLabel->setAccessibleName(count);

    QString empty;
    if (m_model->isSearching())
        empty = tr("No contacts match '%1'").arg(m_model->searchText().trimmed());
    else if (!m_model->tagFilter().isEmpty())
        empty = tr("No contacts have the tag '%1'").arg(m_model->tagFilter());
    else
        empty = tr("No contacts yet");
    m_emptyLabel->setText(empty);
    m_emptyLabel->setAccessibleName(empty);
    if (rows > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    const bool listHadFocus = m_table->hasFocus();
    m_stack->setCurrentWidget(m_emptyLabel);
    if (listHadFocus)
        m_search->setFocus(Qt::OtherFocusReason);
}

void ContactListPane::updateCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.isValid() ? m_model->contactIdAt(current.row()) : QString();
    if (id == m_currentId)
        return;
    m_currentId = id;
    emit currentContactChanged(id);
}

// A reset (new search, tag, mass change) keeps the current and selected contacts that are
// still listed, found again by rowid in O(1) each.
void ContactListPane::rememberSelection()
{
    m_rememberedCurrent = m_model->rowIdAt(m_table->currentIndex().row());
    m_rememberedSelection.clear();
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    m_rememberedSelection.reserve(selected.size());
    for (const QModelIndex& index : selected)
        m_rememberedSelection.append(m_model->rowIdAt(index.row()));
}

void ContactListPane::restoreSelection()
{
    QItemSelectionModel* selectionModel = m_table->selectionModel();
    QList<int> rows;
    rows.reserve(m_rememberedSelection.size());
    for (qint64 rowId : std::as_const(m_rememberedSelection)) {
        const int row = m_model->rowForRowId(rowId);
        if (row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = ContactListModel::columnTotal - 1;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        selection.select(m_model->index(rows.at(i), 0), m_model->index(rows.at(j), lastColumn));
        i = j + 1;
    }
    if (!selection.isEmpty())
        selectionModel->select(selection, QItemSelectionModel::Select);
    const int current = m_rememberedCurrent ? m_model->rowForRowId(m_rememberedCurrent) : -1;
    if (current >= 0)
        selectionModel->setCurrentIndex(m_model->index(current, 0), QItemSelectionModel::NoUpdate);
    m_rememberedSelection.clear();
    m_rememberedCurrent = 0;
    updateCurrent();
    emit selectedCountChanged(selectedCount());
}

void ContactListPane::focusList()
{
    if (m_model->rowCount() == 0)
        return;
    if (!m_table->currentIndex().isValid()) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_table->setFocus(Qt::OtherFocusReason);
}

} // namespace ContactDesk::Ui
