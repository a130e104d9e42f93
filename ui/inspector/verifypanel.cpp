#include "ui/inspector/verifypanel.h"

#include "api/apiclient.h"
#include "api/endpointcatalog.h"
#include "common/clock.h"
#include "sandbox/sandboxserver.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/app/statuspanel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

using L = QLatin1StringView;

QString exchangeText(const Api::ApiExchange& exchange)
{
    QString path = exchange.url.path();
    if (exchange.url.hasQuery())
        path += u'?' + exchange.url.query();
    const QString answer = exchange.status > 0
        ? QString::number(exchange.status)
        : VerifyPanel::tr("no answer (%1)").arg(exchange.transportError);
    return QStringLiteral("%1 %2 → %3").arg(QString::fromLatin1(exchange.method), path, answer);
}

QString outcomeText(const QString& outcome)
{
    if (outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Passed))
        return VerifyPanel::tr("Passed");
    if (outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Failed))
        return VerifyPanel::tr("Failed");
    if (outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Skipped))
        return VerifyPanel::tr("Skipped");
    return VerifyPanel::tr("Not run");
}

QColor outcomeColor(const QString& outcome)
{
    if (outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Passed))
        return QColor(0x1b, 0x7f, 0x3b);
    if (outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Failed))
        return QColor(0xb3, 0x26, 0x1e);
    return {};
}

} // namespace

VerifyPanel::VerifyPanel(
    AppController& app, QSettings& settings, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_settings(settings)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("verifyPanel"));
    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("verifyTarget"));
    m_target->setWordWrap(true);
    m_allowWrites = new QCheckBox(tr("Allow &writes (creates, changes and deletes data)"), this);
    m_allowWrites->setObjectName(QStringLiteral("verifyAllowWrites"));
    m_run = new QPushButton(tr("&Verify all"), this);
    m_run->setObjectName(QStringLiteral("verifyAll"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("verifySummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("verifyTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Operation"), tr("Result"), tr("HTTP"), tr("Time"), tr("Exchange"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    for (const int column : {OperationColumn, OutcomeColumn, StatusColumn, TimeColumn})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ExchangeColumn, QHeaderView::Interactive);
    header->resizeSection(ExchangeColumn, 380);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_run);
    controls->addWidget(m_allowWrites);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    buildRows();
    connect(m_run, &QPushButton::clicked, this, [this] { verifyAll(); });
    connect(&m_app, &AppController::workspaceOpened, this, &VerifyPanel::onOpened);
    connect(&m_app, &AppController::workspaceClosing, this, &VerifyPanel::onClosing);
    connect(&m_app, &AppController::connectionChanged, this, &VerifyPanel::updateTarget);
    onOpened();
}

VerifyPanel::~VerifyPanel() = default;

bool VerifyPanel::isRunning() const
{
    return m_verifier && m_verifier->isRunning();
}

void VerifyPanel::buildRows()
{
    const QList<Api::Endpoint>& endpoints = Api::endpoints();
    m_table->setRowCount(int(endpoints.size()));
    m_rowOf.clear();
    for (int row = 0; row < endpoints.size(); ++row) {
        const Api::Endpoint& endpoint = endpoints.at(row);
        const QString id(endpoint.operationId);
        m_rowOf.insert(id, row);
        auto* name = new QTableWidgetItem(id);
        name->setToolTip(QStringLiteral("%1 %2").arg(
            QString::fromLatin1(Api::methodName(endpoint.method)), QString(endpoint.path)));
        m_table->setItem(row, OperationColumn, name);
        for (int column = OutcomeColumn; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem);
        showRow({id, {}, 0, -1, {}, {}});
    }
}

void VerifyPanel::showRow(const Row& row)
{
    const int r = m_rowOf.value(row.operationId, -1);
    if (r < 0)
        return;
    QTableWidgetItem* outcome = m_table->item(r, OutcomeColumn);
    outcome->setText(outcomeText(row.outcome));
    outcome->setData(Qt::UserRole, row.outcome);
    outcome->setForeground(outcomeColor(row.outcome));
    m_table->item(r, StatusColumn)
        ->setText(row.httpStatus > 0 ? QString::number(row.httpStatus) : QString());
    m_table->item(r, TimeColumn)
        ->setText(row.latencyMs >= 0 ? tr("%1 ms").arg(row.latencyMs) : QString());
    m_table->item(r, ExchangeColumn)->setText(row.exchange);
    m_table->item(r, ExchangeColumn)->setToolTip(row.exchange);
    m_table->item(r, ReasonColumn)->setText(row.reason);
    m_table->item(r, ReasonColumn)->setToolTip(row.reason);
}

void VerifyPanel::onOpened()
{
    m_verifier.reset();
    // A sandbox gets every operation; anything else starts read-only until the user says so.
    const bool sandbox = m_app.isOpen() && m_app.connection().isSandbox();
    m_allowWrites->setChecked(sandbox);
    m_allowWrites->setEnabled(m_app.isOpen() && !sandbox);
    if (Sync::Workspace* workspace = m_app.workspace()) {
        connect(&workspace->client(), &Api::ApiClient::exchanged, this, &VerifyPanel::onExchanged,
            Qt::UniqueConnection);
    }
    loadLastRun();
    updateTarget();
}

void VerifyPanel::onClosing()
{
    // The verifier calls the closing workspace's client: it goes first, and its run is not kept.
    if (isRunning()) {
        m_verifier.reset();
        m_summary->setText(tr("The run was stopped: the connection closed."));
    }
    m_verifier.reset();
    m_run->setEnabled(false);
    m_allowWrites->setEnabled(false);
}

void VerifyPanel::updateTarget()
{
    if (!m_app.isOpen()) {
        m_target->setText(tr("No connection is open."));
        m_run->setEnabled(false);
        return;
    }
    const Auth::Connection& connection = m_app.connection();
    const QString environment = StatusPanel::environmentText(connection.environment);
    m_target->setText(connection.isSandbox()
            ? tr("%1 (%2): every operation runs; what the run creates is deleted at the end.")
                  .arg(connection.displayName, environment)
            : tr("%1 (%2): only the reads run unless writes are allowed. A run with writes "
                 "creates a temporary contact, field and tag and deletes them at the end.")
                  .arg(connection.displayName, environment));
    m_run->setEnabled(!isRunning());
}

Api::VerifyOptions VerifyPanel::options() const
{
    Api::VerifyOptions options;
    const Auth::Connection& connection = m_app.connection();
    options.allowWrites = connection.isSandbox() || m_allowWrites->isChecked();
    options.companyId = connection.companyId;
    options.userId = connection.userId;
    Sandbox::SandboxServer* sandbox = m_app.sandbox();
    if (connection.isSandbox() && sandbox) {
        // The built-in sandbox knows the ids the Contacts API cannot list.
        Sandbox::SandboxData& data = sandbox->data();
        if (options.userId.isEmpty())
            options.userId = data.userIds().value(0);
        QStringList businesses;
        for (const QJsonObject& business : std::as_const(data.businesses())) {
            if (business.value(L("locationId")).toString() == connection.locationId)
                businesses.append(business.value(L("id")).toString());
        }
        businesses.sort();
        options.businessId = businesses.value(0);
        // Campaigns and workflows are not records in the sandbox: any id names one.
        options.campaignId = data.newId();
        options.workflowId = data.newId();
    }
    return options;
}

bool VerifyPanel::verifyAll()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace || isRunning())
        return false;
    const Auth::Connection& connection = m_app.connection();
    const Api::VerifyOptions verifyOptions = options();
    m_current = {};
    m_current.environment = Auth::environmentName(connection.environment);
    m_current.writes = verifyOptions.allowWrites;
    m_lastExchange.clear();
    buildRows();
    m_verifier
        = std::make_unique<Api::EndpointVerifier>(workspace->client(), m_clock, verifyOptions);
    connect(m_verifier.get(), &Api::EndpointVerifier::resultReady, this, &VerifyPanel::onResult);
    connect(m_verifier.get(), &Api::EndpointVerifier::finished, this, &VerifyPanel::onFinished);
    m_run->setEnabled(false);
    m_allowWrites->setEnabled(false);
    m_summary->setText(tr("Verifying %1 operations…").arg(Api::endpoints().size()));
    m_verifier->start();
    return true;
}

void VerifyPanel::onExchanged(const Api::ApiExchange& exchange)
{
    // The sync runs beside the check and calls some of the same operations.
    if (isRunning() && exchange.cause == Api::RequestCause::Verify)
        m_lastExchange.insert(exchange.operationId, exchangeText(exchange));
}

void VerifyPanel::onResult(const Api::VerifyResult& result)
{
    Row row {result.operationId, Api::VerifyResult::outcomeName(result.outcome), result.httpStatus,
        result.latencyMs, m_lastExchange.take(result.operationId), result.reason};
    if (result.httpStatus == 0)
        row.exchange.clear();
    m_current.rows.append(row);
    showRow(row);
    if (const int r = m_rowOf.value(row.operationId, -1); r >= 0)
        m_table->scrollToItem(m_table->item(r, OperationColumn));
    m_summary->setText(
        tr("Verifying… %1 of %2 done").arg(m_current.rows.size()).arg(Api::endpoints().size()));
}

void VerifyPanel::onFinished()
{
    m_current.atMs = m_clock.nowMs();
    m_last = m_current;
    saveLastRun();
    updateSummary();
    const bool sandbox = m_app.isOpen() && m_app.connection().isSandbox();
    m_allowWrites->setEnabled(m_app.isOpen() && !sandbox);
    m_run->setEnabled(m_app.isOpen());
    Q_EMIT runFinished();
}

QString VerifyPanel::summaryText() const
{
    return m_summary->text();
}

void VerifyPanel::updateSummary()
{
    if (m_last.rows.isEmpty()) {
        m_summary->setText(tr("Not verified yet on this connection."));
        return;
    }
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const Row& row : std::as_const(m_last.rows)) {
        if (row.outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Passed))
            ++passed;
        else if (row.outcome == Api::VerifyResult::outcomeName(Api::VerifyOutcome::Failed))
            ++failed;
        else
            ++skipped;
    }
    const auto environment = Auth::environmentFromName(m_last.environment);
    const QString where
        = environment ? StatusPanel::environmentText(*environment).toLower() : m_last.environment;
    const QString when
        = QDateTime::fromMSecsSinceEpoch(m_last.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString text
        = tr("Verified %1/%2 on %3, %4").arg(passed).arg(m_last.rows.size()).arg(where, when);
    if (failed > 0)
        text += u' ' + tr("(%n failed)", nullptr, failed);
    if (skipped > 0)
        text += u' '
            + (m_last.writes ? tr("(%n skipped)", nullptr, skipped)
                             : tr("(%n skipped: reads only)", nullptr, skipped));
    m_summary->setText(text);
}

QString VerifyPanel::settingsKey() const
{
    return QStringLiteral("inspector/verify/") + m_app.connection().id;
}

void VerifyPanel::loadLastRun()
{
    m_last = {};
    buildRows();
    if (m_app.isOpen()) {
        const QJsonObject stored
            = QJsonDocument::fromJson(m_settings.value(settingsKey()).toByteArray()).object();
        m_last.atMs = stored.value(L("at")).toInteger();
        m_last.environment = stored.value(L("environment")).toString();
        m_last.writes = stored.value(L("writes")).toBool();
        for (const QJsonValue& value : stored.value(L("results")).toArray()) {
            const QJsonObject o = value.toObject();
            const Row row {o.value(L("operationId")).toString(), o.value(L("outcome")).toString(),
                o.value(L("status")).toInt(), o.value(L("latencyMs")).toInteger(-1),
                o.value(L("exchange")).toString(), o.value(L("reason")).toString()};
            if (row.operationId.isEmpty())
                continue;
            m_last.rows.append(row);
            showRow(row);
        }
    }
    updateSummary();
}

void VerifyPanel::saveLastRun() const
{
    QJsonArray results;
    for (const Row& row : std::as_const(m_last.rows)) {
        results.append(QJsonObject {{QStringLiteral("operationId"), row.operationId},
            {QStringLiteral("outcome"), row.outcome}, {QStringLiteral("status"), row.httpStatus},
            {QStringLiteral("latencyMs"), row.latencyMs},
            {QStringLiteral("exchange"), row.exchange}, {QStringLiteral("reason"), row.reason}});
    }
    const QJsonObject stored {{QStringLiteral("at"), m_last.atMs},
        {QStringLiteral("environment"), m_last.environment},
        {QStringLiteral("writes"), m_last.writes}, {QStringLiteral("results"), results}};
    m_settings.setValue(settingsKey(), QJsonDocument(stored).toJson(QJsonDocument::Compact));
}

} // namespace ContactDesk::Ui
