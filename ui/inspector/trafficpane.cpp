#include "ui/inspector/trafficpane.h"

#include "api/endpointcatalog.h"
#include "ui/inspector/exchangedetail.h"
#include "ui/inspector/trafficfilter.h"
#include "ui/inspector/trafficmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QComboBox* filterCombo(const char* name, const QString& all, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(name));
    combo->addItem(all, QString());
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

} // namespace

TrafficPane::TrafficPane(Inspector::TrafficLog& log, QWidget* parent)
    : QWidget(parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("trafficPane"));
    m_model = new TrafficModel(log, this);
    m_filter = new TrafficFilter(this);
    m_filter->setSourceModel(m_model);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("trafficView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: nothing is measured per row, so 10,000 rows and
    // 100 new ones a second cost only the rows on screen.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    const int em = m_view->fontMetrics().horizontalAdvance(u'M');
    const QList<int> widths {10, 10, 15, 5, 22, 5, 6, 7, 7, 6, 5, 6};
    for (int column = 0; column < widths.size(); ++column)
        m_view->setColumnWidth(column, widths.at(column) * em);

    m_detail = new ExchangeDetail(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("trafficSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_statusLine = new QLabel(this);
    m_statusLine->setObjectName(QStringLiteral("trafficStatus"));
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    layout->addWidget(createActionBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLine);

    connect(m_filter, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first, int last) { rowsArrived(last - first + 1); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex&, int first, int last) { noteConnections(first, last); });
    // What ContactDesk did about an error is known once its next step arrives.
    connect(&m_log, &Inspector::TrafficLog::outcomeChanged, this, [this](qint64 serial) {
        if (serial == m_detail->serial())
            m_detail->setEntry(m_log.find(serial));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TrafficPane::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!currentEntry())
            m_detail->setEntry(nullptr);
    });
    noteConnections(0, m_model->rowCount() - 1);
}

TrafficPane::~TrafficPane() = default;

QWidget* TrafficPane::createFilterBar()
{
    auto* bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("trafficSearch"));
    m_search->setPlaceholderText(tr("Filter: operation, path, status, connection…"));
    m_search->setClearButtonEnabled(true);
    m_status = filterCombo("statusFilter", tr("Any status"), bar);
    m_status->addItem(tr("Errors (4xx, 5xx, failed)"), QStringLiteral("errors"));
    for (const char* cls : {"2xx", "3xx", "4xx", "5xx"})
        m_status->addItem(QString::fromLatin1(cls), QString::fromLatin1(cls));
    m_status->addItem(tr("Failed (no answer)"), QStringLiteral("failed"));
    m_operation = filterCombo("operationFilter", tr("Any operation"), bar);
    for (const Api::Endpoint& endpoint : Api::endpoints())
        m_operation->addItem(QString(endpoint.operationId), QString(endpoint.operationId));
    m_connection = filterCombo("connectionFilter", tr("Any connection"), bar);
    m_cause = filterCombo("causeFilter", tr("Any cause"), bar);
    for (Api::RequestCause cause : {Api::RequestCause::User, Api::RequestCause::Sync,
             Api::RequestCause::Outbox, Api::RequestCause::Import, Api::RequestCause::Automation,
             Api::RequestCause::Webhook, Api::RequestCause::Verify, Api::RequestCause::Replay})
        m_cause->addItem(Api::requestCauseName(cause), Api::requestCauseName(cause));

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_operation);
    layout->addWidget(m_connection);
    layout->addWidget(m_cause);

    connect(m_search, &QLineEdit::textChanged, m_filter, &TrafficFilter::setText);
    const auto follow = [](QComboBox* combo, auto setter, TrafficFilter* filter) {
        connect(combo, &QComboBox::currentIndexChanged, filter,
            [combo, setter, filter] { (filter->*setter)(combo->currentData().toString()); });
    };
    follow(m_status, &TrafficFilter::setStatusClass, m_filter);
    follow(m_operation, &TrafficFilter::setOperation, m_filter);
    follow(m_connection, &TrafficFilter::setConnection, m_filter);
    follow(m_cause, &TrafficFilter::setCause, m_filter);
    return bar;
}

void TrafficPane::showOnly(const QString& text, Api::RequestCause cause)
{
    m_status->setCurrentIndex(0);
    m_operation->setCurrentIndex(0);
    m_connection->setCurrentIndex(0);
    m_cause->setCurrentIndex(std::max(0, m_cause->findData(Api::requestCauseName(cause))));
    m_search->setText(text);
    selectLatest();
}

void TrafficPane::noteConnections(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const Inspector::TrafficEntry* entry = m_model->entryAt(row);
        if (entry && m_connection->findData(entry->connection) < 0)
            m_connection->addItem(entry->connection, entry->connection);
    }
}

void TrafficPane::rowsArrived(int count)
{
    if (m_paused) {
        m_arrivedWhilePaused += count;
        m_pausedLabel->setText(tr("Paused: %n new exchange(s)", nullptr, m_arrivedWhilePaused));
        return;
    }
    // One scroll per batch, after the view has laid the rows out.
    if (std::exchange(m_scrollPending, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        if (!m_paused)
            m_view->scrollToBottom();
    });
}

void TrafficPane::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_arrivedWhilePaused = 0;
    m_pausedLabel->setText(paused ? tr("Paused: %n new exchange(s)", nullptr, 0) : QString());
    m_pausedLabel->setVisible(paused);
    if (!paused)
        m_view->scrollToBottom();
}

const Inspector::TrafficEntry* TrafficPane::currentEntry() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->entryAt(m_filter->mapToSource(current).row());
}

QList<Inspector::TrafficEntry> TrafficPane::selectedEntries() const
{
    QList<Inspector::TrafficEntry> entries;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) {
        if (const Inspector::TrafficEntry* entry
            = m_model->entryAt(m_filter->mapToSource(row).row()))
            entries.append(*entry);
    }
    return entries;
}

QList<Inspector::TrafficEntry> TrafficPane::filteredEntries() const
{
    QList<Inspector::TrafficEntry> entries;
    entries.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (const Inspector::TrafficEntry* entry
            = m_model->entryAt(m_filter->mapToSource(m_filter->index(row, 0)).row()))
            entries.append(*entry);
    }
    return entries;
}

void TrafficPane::selectLatest()
{
    if (m_filter->rowCount() == 0)
        return;
    const QModelIndex last = m_filter->index(m_filter->rowCount() - 1, 0);
    m_view->selectionModel()->setCurrentIndex(
        last, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(last);
}

void TrafficPane::showCurrent()
{
    m_detail->setEntry(currentEntry());
}

QString TrafficPane::statusText() const
{
    return m_statusLine->text();
}

void TrafficPane::showStatus(const QString& text)
{
    m_statusLine->setText(text);
}

} // namespace ContactDesk::Ui
