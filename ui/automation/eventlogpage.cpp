#include "ui/automation/eventlogpage.h"

#include "automation/appevent.h"
#include "store/database.h"
#include "store/outbox.h"
#include "sync/workspace.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/eventlogmodel.h"
#include "ui/outbox/outboxmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <iterator>

namespace ContactDesk::Ui {

using Automation::EventStatus;

namespace {

const QList<EventStatus> allStatuses {EventStatus::Received, EventStatus::Waiting,
    EventStatus::Applied, EventStatus::Failed, EventStatus::Duplicate};

} // namespace

EventLogPage::EventLogPage(AutomationController& automation, QWidget* parent)
    : QWidget(parent)
    , m_automation(automation)
{
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("eventLogStatusFilter"));
    m_status->addItem(tr("All statuses"), QString());
    for (EventStatus status : allStatuses)
        m_status->addItem(EventLogModel::statusText(status), Automation::eventStatusName(status));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("eventLogTypeFilter"));
    m_type->addItem(tr("All types"), QString());
    const QStringList types = Automation::appEventTypes();
    for (const QString& type : types)
        m_type->addItem(type, type);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("eventLogTextFilter"));
    m_text->setPlaceholderText(tr("Your App user, webhook-id or contact id"));
    m_text->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("eventLogCount"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("eventLogView"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Rows of one height, so the view never asks every row for its size.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("eventLogDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requests = new QTreeWidget(this);
    m_requests->setObjectName(QStringLiteral("eventLogRequests"));
    m_requests->setRootIsDecorated(false);
    m_requests->setHeaderLabels({tr("Request"), tr("State"), tr("Error")});
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("eventLogRetry"));
    m_showContact = new QPushButton(tr("Show &Contact"), this);
    m_showContact->setObjectName(QStringLiteral("eventLogShowContact"));
    m_showRequests = new QPushButton(tr("Show Re&quests in Inspector"), this);
    m_showRequests->setObjectName(QStringLiteral("eventLogShowRequests"));

    auto* filters = new QHBoxLayout;
    auto* statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    auto* typeLabel = new QLabel(tr("T&ype:"), this);
    typeLabel->setBuddy(m_type);
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(typeLabel);
    filters->addWidget(m_type);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_count);

    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_requests, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_showContact);
    buttons->addWidget(m_showRequests);
    detailLayout->addLayout(buttons);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &EventLogPage::applyFilter);
    connect(m_type, &QComboBox::currentIndexChanged, this, &EventLogPage::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &EventLogPage::applyFilter);
    connect(m_retry, &QPushButton::clicked, this, &EventLogPage::retryCurrent);
    connect(m_showContact, &QPushButton::clicked, this, &EventLogPage::showCurrentContact);
    connect(m_showRequests, &QPushButton::clicked, this, &EventLogPage::showCurrentRequests);
    connect(m_view, &QTableView::activated, this, &EventLogPage::showCurrentContact);
    connect(&m_automation, &AutomationController::closing, this, &EventLogPage::detach);
    connect(&m_automation, &AutomationController::opened, this, &EventLogPage::attach);
    attach();
}

EventLogPage::~EventLogPage() = default;

EventLogModel* EventLogPage::model() const
{
    return m_model;
}

void EventLogPage::attach()
{
    detach();
    Automation::Inbox* inbox = m_automation.inbox();
    if (!inbox)
        return;
    Sync::Workspace* workspace = m_automation.workspace();
    m_model = new EventLogModel(*inbox, workspace ? &workspace->cache() : nullptr, this);
    m_view->setModel(m_model);
    // Fixed widths: measuring the contents would read every page of a large inbox.
    const int widths[] = {150, 130, 130, 150, 200};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_view->setColumnWidth(column, widths[column]);
    applyFilter();
    const auto update = [this] {
        m_count->setText(tr("%n event(s)", nullptr, m_model ? m_model->rowCount() : 0));
        showCurrent();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, update);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EventLogPage::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &EventLogPage::showCurrent);
    // The requests' states move on with the outbox, not with the inbox.
    if (workspace) {
        connect(&workspace->database(), &Store::Database::outboxChanged, m_model,
            [this] { showCurrent(); });
    }
    update();
}

void EventLogPage::detach()
{
    if (!m_model)
        return;
    m_view->setModel(nullptr);
    delete m_model;
    m_requests->clear();
    m_detail->clear();
    m_count->clear();
    showCurrent();
}

void EventLogPage::applyFilter()
{
    if (!m_model)
        return;
    Automation::InboxFilter filter;
    filter.status = Automation::eventStatusFromName(m_status->currentData().toString());
    filter.type = m_type->currentData().toString();
    filter.text = m_text->text().trimmed();
    m_model->setFilter(filter);
}

bool EventLogPage::selectEvent(qint64 seq)
{
    if (!m_model)
        return false;
    m_model->refresh();
    int row = m_model->rowOfSeq(seq);
    if (row < 0 && m_model->rowCount() > 0) {
        // Not read yet: the newest page is where a new event is.
        m_model->eventAt(0);
        row = m_model->rowOfSeq(seq);
    }
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_view->currentIndex());
    return true;
}

void EventLogPage::showCurrent()
{
    const QModelIndex current = m_view->selectionModel() ? m_view->currentIndex() : QModelIndex();
    const std::optional<Automation::InboxEvent> event
        = m_model && current.isValid() ? m_model->eventAt(current.row()) : std::nullopt;
    m_requests->clear();
    m_retry->setEnabled(
        event && (event->status == EventStatus::Failed || event->status == EventStatus::Waiting));
    m_showContact->setEnabled(event && !event->contactId.isEmpty());
    m_showRequests->setEnabled(event && !event->contactId.isEmpty());
    if (!event) {
        m_detail->clear();
        return;
    }
    QString text = tr("Event %1 (%2, webhook-id %3): %4")
                       .arg(event->seq)
                       .arg(event->event.type, event->event.webhookId,
                           EventLogModel::statusText(event->status));
    if (!event->reason.isEmpty())
        text += u'\n' + event->reason;
    if (event->attempts > 1)
        text += u'\n' + tr("Attempts: %1").arg(event->attempts);
    m_detail->setText(text);
    Sync::Workspace* workspace = m_automation.workspace();
    if (!workspace)
        return;
    for (qint64 id : event->outboxItemIds) {
        auto* item = new QTreeWidgetItem(m_requests);
        const std::optional<Store::OutboxItem> outboxItem = workspace->outbox().item(id);
        if (!outboxItem) {
            item->setText(0, tr("Request %1").arg(id));
            item->setText(1, tr("Gone from the outbox"));
            continue;
        }
        item->setText(0, OutboxModel::kindText(outboxItem->kind));
        item->setText(1, OutboxModel::stateText(outboxItem->state));
        item->setText(2, outboxItem->lastError);
        item->setData(0, Qt::UserRole, id);
    }
}

void EventLogPage::retryCurrent()
{
    if (!m_model || !m_view->currentIndex().isValid())
        return;
    const qint64 seq = m_model->data(m_view->currentIndex(), EventLogModel::SeqRole).toLongLong();
    if (m_automation.retry(seq))
        m_model->refresh();
}

void EventLogPage::showCurrentContact()
{
    if (!m_model || !m_view->currentIndex().isValid())
        return;
    const QString contactId
        = m_model->data(m_view->currentIndex(), EventLogModel::ContactIdRole).toString();
    if (!contactId.isEmpty())
        Q_EMIT showContactRequested(contactId);
}

void EventLogPage::showCurrentRequests()
{
    if (!m_model || !m_view->currentIndex().isValid())
        return;
    const QString contactId
        = m_model->data(m_view->currentIndex(), EventLogModel::ContactIdRole).toString();
    if (!contactId.isEmpty())
        Q_EMIT showRequestsRequested(contactId);
}

} // namespace ContactDesk::Ui
