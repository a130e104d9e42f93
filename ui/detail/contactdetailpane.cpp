#include "ui/detail/contactdetailpane.h"

#include "ui/dialogs/tageditor.h"

#include "common/clock.h"
#include "store/childcache.h"
#include "store/contactcache.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "ui/detail/appointmentlistmodel.h"
#include "ui/detail/childtab.h"
#include "ui/detail/contactoverview.h"
#include "ui/detail/logging.h"
#include "ui/detail/notelistmodel.h"
#include "ui/detail/tasklistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

Q_LOGGING_CATEGORY(lcDetail, "contactdesk.ui", QtInfoMsg)

namespace ContactDesk::Ui {

namespace {

// The confirmation a user sees when no test replaces it: the destructive button is not the
// default, so Enter keeps the data.
bool askUser(QWidget* parent, const QString& title, const QString& question, const QString& action)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("confirmDialog"));
    QPushButton* go = box.addButton(action, QMessageBox::DestructiveRole);
    go->setObjectName(QStringLiteral("confirmButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

} // namespace

ContactDetailPane::ContactDetailPane(const Services& services, QWidget* parent)
    : QWidget(parent)
    , m_contacts(services.contacts)
    , m_children(services.children)
    , m_edits(services.edits)
    , m_outbox(services.outbox)
    , m_clock(services.clock)
    , m_loader(services.loader)
{
    setObjectName(QStringLiteral("contactDetailPane"));
    build();

    connect(
        &m_edits, &Store::LocalEdits::contactsChanged, this, [this](const QVector<qint64>& rowIds) {
            if (m_rowId != 0 && rowIds.contains(m_rowId))
                reloadContact();
        });
    connect(
        &m_edits, &Store::LocalEdits::contactsRemoved, this, [this](const QVector<qint64>& rowIds) {
            if (m_rowId != 0 && rowIds.contains(m_rowId))
                reloadContact();
        });
    connect(&m_edits, &Store::LocalEdits::contactsInserted, this, [this](const QVector<qint64>&) {
        // A contact shown as gone may come back (a discarded delete, a restore).
        if (!m_contactId.isEmpty() && m_rowId == 0)
            reloadContact();
    });
    connect(&m_edits, &Store::LocalEdits::contactsReset, this, &ContactDetailPane::reloadContact);
    connect(&m_edits, &Store::LocalEdits::outboxChanged, this, [this] {
        if (!m_contactId.isEmpty())
            reloadContact();
    });
    connect(&m_edits, &Store::LocalEdits::localIdResolved, this,
        [this](const QString& localId, const QString& serverId) {
            if (m_contactId != localId)
                return;
            m_contactId = serverId;
            reloadContact();
        });
    connect(&m_edits, &Store::LocalEdits::childrenChanged, this, [this](const QString& contactId) {
        if (contactId == m_contactId)
            updateFetchTimes();
    });

    if (m_loader) {
        connect(m_loader, &ChildLoader::loadStarted, this, [this](const QString& contactId) {
            if (contactId != m_contactId)
                return;
            for (ChildTab* tab : {m_tasksTab, m_notesTab, m_appointmentsTab})
                tab->setLoadState(ChildTab::LoadState::Loading);
        });
        connect(m_loader, &ChildLoader::loaded, this,
            [this](const QString& contactId, ChildLoader::Kind kind) {
                if (contactId != m_contactId)
                    return;
                tabFor(kind)->setLoadState(ChildTab::LoadState::Idle);
                updateFetchTimes();
            });
        connect(m_loader, &ChildLoader::loadFailed, this,
            [this](const QString& contactId, ChildLoader::Kind kind, const QString& message) {
                if (contactId != m_contactId)
                    return;
                qCInfo(lcDetail) << "loading" << kind << "of the contact shown failed";
                tabFor(kind)->setLoadState(ChildTab::LoadState::Failed, message);
            });
    }

    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(60 * 1000);
    connect(m_clockTimer, &QTimer::timeout, this, &ContactDetailPane::refreshTimes);
    m_clockTimer->start();

    setContactId({});
}

ContactDetailPane::~ContactDetailPane() = default;

void ContactDetailPane::build()
{
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("detailEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto* content = new QWidget(this);
    m_header = new ContactHeader(m_contacts, m_edits, m_outbox, content);
    connect(m_header, &ContactHeader::resolveConflictRequested, this,
        &ContactDetailPane::resolveConflictRequested);
    connect(m_header, &ContactHeader::statusMessage, this, &ContactDetailPane::statusMessage);
    m_header->setConfirmation(
        [this](const QString& title, const QString& question, const QString& action) {
            return confirm(title, question, action);
        });

    m_taskModel = new TaskListModel(m_children, m_edits, m_clock, this);
    m_noteModel = new NoteListModel(m_children, m_edits, this);
    m_appointmentModel = new AppointmentListModel(m_children, m_edits, this);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Contact details"));
    m_tabs->tabBar()->setAccessibleName(tr("Contact detail pages"));
    m_overview = new ContactOverview(m_tabs);
    m_tabs->addTab(m_overview, tr("&Overview"));

    m_tasksTab = new ChildTab(QStringLiteral("tasks"),
        {tr("Loading tasks…"), tr("Could not load the tasks: %1"), tr("No tasks yet."),
            tr("The tasks have not been loaded from HighLevel yet.")},
        m_taskModel, m_tabs);
    QTableView* tasks = m_tasksTab->view();
    tasks->setAccessibleName(tr("Tasks"));
    tasks->horizontalHeader()->setSectionResizeMode(
        TaskListModel::CompletedColumn, QHeaderView::ResizeToContents);
    tasks->horizontalHeader()->setSectionResizeMode(
        TaskListModel::TitleColumn, QHeaderView::Stretch);
    tasks->horizontalHeader()->setStretchLastSection(false);
    tasks->horizontalHeader()->setSectionResizeMode(
        TaskListModel::DueColumn, QHeaderView::ResizeToContents);
    connect(m_tasksTab->addButton(
                QStringLiteral("addTaskButton"), tr("&Add task…"), tr("Add a task"), false),
        &QPushButton::clicked, this, &ContactDetailPane::addTask);
    connect(m_tasksTab->addButton(
                QStringLiteral("editTaskButton"), tr("&Edit…"), tr("Edit the selected task"), true),
        &QPushButton::clicked, this, &ContactDetailPane::editSelectedTask);
    connect(m_tasksTab->addButton(QStringLiteral("deleteTaskButton"), tr("&Delete"),
                tr("Delete the selected tasks"), true),
        &QPushButton::clicked, this, &ContactDetailPane::deleteSelectedTasks);
    connect(tasks, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.column() != TaskListModel::CompletedColumn)
            editSelectedTask();
    });
    m_tabs->addTab(m_tasksTab, tr("&Tasks"));

    m_notesTab = new ChildTab(QStringLiteral("notes"),
        {tr("Loading notes…"), tr("Could not load the notes: %1"), tr("No notes yet."),
            tr("The notes have not been loaded from HighLevel yet.")},
        m_noteModel, m_tabs);
    QTableView* notes = m_notesTab->view();
    notes->setAccessibleName(tr("Notes"));
    notes->horizontalHeader()->setSectionResizeMode(
        NoteListModel::DateColumn, QHeaderView::ResizeToContents);
    connect(m_notesTab->addButton(
                QStringLiteral("addNoteButton"), tr("&Add note…"), tr("Add a note"), false),
        &QPushButton::clicked, this, &ContactDetailPane::addNote);
    connect(m_notesTab->addButton(
                QStringLiteral("editNoteButton"), tr("&Edit…"), tr("Edit the selected note"), true),
        &QPushButton::clicked, this, &ContactDetailPane::editSelectedNote);
    connect(m_notesTab->addButton(QStringLiteral("deleteNoteButton"), tr("&Delete"),
                tr("Delete the selected notes"), true),
        &QPushButton::clicked, this, &ContactDetailPane::deleteSelectedNotes);
    connect(notes, &QTableView::activated, this, &ContactDetailPane::editSelectedNote);
    m_tabs->addTab(m_notesTab, tr("&Notes"));

    m_appointmentsTab = new ChildTab(QStringLiteral("appointments"),
        {tr("Loading appointments…"), tr("Could not load the appointments: %1"),
            tr("No appointments."),
            tr("The appointments have not been loaded from HighLevel yet.")},
        m_appointmentModel, m_tabs);
    m_appointmentsTab->view()->setAccessibleName(tr("Appointments"));
    m_appointmentsTab->view()->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_appointmentsTab->view()->horizontalHeader()->setSectionResizeMode(
        QHeaderView::ResizeToContents);
    m_tabs->addTab(m_appointmentsTab, tr("A&ppointments"));

    for (ChildTab* tab : {m_tasksTab, m_notesTab, m_appointmentsTab}) {
        connect(tab, &ChildTab::reloadRequested, this, &ContactDetailPane::refreshChildren);
        QAbstractItemModel* model = tab->view()->model();
        connect(
            model, &QAbstractItemModel::rowsInserted, this, &ContactDetailPane::updateTabTitles);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ContactDetailPane::updateTabTitles);
        connect(model, &QAbstractItemModel::modelReset, this, &ContactDetailPane::updateTabTitles);
    }
    // Del on a list deletes what is selected there, not the contact the main window would.
    for (auto [tab, slot] : {std::pair {m_tasksTab, &ContactDetailPane::deleteSelectedTasks},
             std::pair {m_notesTab, &ContactDetailPane::deleteSelectedNotes}}) {
        auto* remove = new QAction(tr("Delete"), tab->view());
        remove->setShortcut(QKeySequence::Delete);
        remove->setShortcutContext(Qt::WidgetShortcut);
        connect(remove, &QAction::triggered, this, slot);
        tab->view()->addAction(remove);
    }

    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_header);
    contentLayout->addWidget(m_tabs, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

ChildTab* ContactDetailPane::tabFor(ChildLoader::Kind kind) const
{
    switch (kind) {
    case ChildLoader::Kind::Tasks:
        return m_tasksTab;
    case ChildLoader::Kind::Notes:
        return m_notesTab;
    case ChildLoader::Kind::Appointments:
        return m_appointmentsTab;
    }
    return m_tasksTab;
}

void ContactDetailPane::setContactId(const QString& contactId)
{
    m_contactId = contactId;
    m_taskModel->setContactId(contactId);
    m_noteModel->setContactId(contactId);
    m_appointmentModel->setContactId(contactId);
    const bool loading = m_loader && !contactId.isEmpty() && m_loader->isLoading(contactId);
    for (ChildTab* tab : {m_tasksTab, m_notesTab, m_appointmentsTab})
        tab->setLoadState(loading ? ChildTab::LoadState::Loading : ChildTab::LoadState::Idle);
    reloadContact();
    loadOnOpen();
}

void ContactDetailPane::reloadContact()
{
    std::optional<Api::Contact> contact;
    std::optional<Store::ContactSummary> summary;
    if (!m_contactId.isEmpty()) {
        contact = m_contacts.contact(m_contactId);
        summary = m_contacts.summary(m_contactId);
    }
    m_rowId = contact ? m_contacts.rowIdFor(m_contactId) : 0;
    m_localContact = summary && summary->local;
    if (!contact) {
        m_empty->setText(m_contactId.isEmpty() ? tr("Select a contact to see its details.")
                                               : tr("This contact is no longer here."));
        m_stack->setCurrentWidget(m_empty);
        m_header->setContact(std::nullopt, std::nullopt);
        m_overview->setContact(std::nullopt);
        return;
    }
    m_header->setContact(contact, summary);
    m_overview->setContact(contact);
    m_stack->setCurrentIndex(1);
    for (ChildTab* tab : {m_tasksTab, m_notesTab, m_appointmentsTab})
        tab->setCanLoad(canLoad());
    updateFetchTimes();
    updateTabTitles();
}

bool ContactDetailPane::canLoad() const
{
    // A contact created here is not on the server yet: there is nothing to fetch.
    return m_loader && !m_contactId.isEmpty() && m_rowId != 0 && !m_localContact;
}

void ContactDetailPane::loadOnOpen()
{
    if (!canLoad() || m_loader->isLoading(m_contactId))
        return;
    const qint64 now = m_clock.nowMs();
    const auto current = [this, now](const std::optional<qint64>& fetchedAt) {
        return fetchedAt && now - *fetchedAt <= m_staleAfterMs;
    };
    if (!current(m_children.tasksFetchedAt(m_contactId))
        || !current(m_children.notesFetchedAt(m_contactId))
        || !current(m_children.appointmentsFetchedAt(m_contactId)))
        m_loader->loadChildren(m_contactId);
}

void ContactDetailPane::updateFetchTimes()
{
    if (m_contactId.isEmpty())
        return;
    const qint64 now = m_clock.nowMs();
    m_tasksTab->setFetchedAt(m_children.tasksFetchedAt(m_contactId), now, m_staleAfterMs);
    m_notesTab->setFetchedAt(m_children.notesFetchedAt(m_contactId), now, m_staleAfterMs);
    m_appointmentsTab->setFetchedAt(
        m_children.appointmentsFetchedAt(m_contactId), now, m_staleAfterMs);
}

void ContactDetailPane::updateTabTitles()
{
    const auto title = [](const QString& name, int count) {
        return count > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
    };
    m_tabs->setTabText(m_tabs->indexOf(m_tasksTab), title(tr("&Tasks"), m_taskModel->rowCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_notesTab), title(tr("&Notes"), m_noteModel->rowCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_appointmentsTab),
        title(tr("A&ppointments"), m_appointmentModel->rowCount()));
}

void ContactDetailPane::refreshChildren()
{
    if (canLoad())
        m_loader->loadChildren(m_contactId);
}

void ContactDetailPane::refreshTimes()
{
    updateFetchTimes();
    m_taskModel->refreshOverdue();
}

void ContactDetailPane::setConfirmation(Confirmation confirmation)
{
    m_confirm = std::move(confirmation);
}

bool ContactDetailPane::confirm(
    const QString& title, const QString& question, const QString& action)
{
    return m_confirm ? m_confirm(title, question, action) : askUser(this, title, question, action);
}

void ContactDetailPane::setLocationLists(const Api::LocationLists& lists)
{
    m_lists = lists;
    m_overview->setLocationLists(lists);
    m_appointmentModel->setLocationLists(lists);
    QStringList tags;
    if (!lists.unavailable.contains(Api::LocationLists::Kind::Tags)) {
        for (const Api::LocationTag& tag : lists.tags)
            tags << tag.name;
    }
    m_header->tagEditor()->setLocationTags(tags);
}

void ContactDetailPane::setRegion(const QString& region)
{
    m_overview->setRegion(region);
    m_header->setRegion(region);
}

void ContactDetailPane::setStaleAfter(qint64 ms)
{
    m_staleAfterMs = ms;
    updateFetchTimes();
}

} // namespace ContactDesk::Ui
