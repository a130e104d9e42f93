#include "ui/app/statuspanel.h"

#include "api/ratebudget.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "store/syncstate.h"
#include "sync/workspace.h"
#include "ui/app/icons.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>

namespace ContactDesk::Ui {

StatusPanel::StatusPanel(QStatusBar& bar, Api::RateBudget& budget, QObject* parent)
    : QObject(parent)
    , m_bar(bar)
    , m_budget(budget)
{
    m_undo = new QToolButton(&bar);
    m_undo->setObjectName(QStringLiteral("statusUndo"));
    m_undo->setIcon(Icons::icon(QStringLiteral("undo")));
    m_undo->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_undo->setAutoRaise(true);
    m_undo->setAccessibleName(tr("Undo the delete"));
    m_undo->hide();

    m_connectionLabel = new QLabel(&bar);
    m_connectionLabel->setObjectName(QStringLiteral("statusConnection"));
    m_syncLabel = new QLabel(&bar);
    m_syncLabel->setObjectName(QStringLiteral("statusLastSync"));

    m_outbox = new QToolButton(&bar);
    m_outbox->setObjectName(QStringLiteral("statusOutbox"));
    m_outbox->setIcon(Icons::icon(QStringLiteral("outbox")));
    m_outbox->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_outbox->setAutoRaise(true);
    m_outbox->setToolTip(tr("Open the outbox: changes waiting to be sent"));

    m_rate = new QProgressBar(&bar);
    m_rate->setObjectName(QStringLiteral("statusRateBudget"));
    m_rate->setMaximumWidth(140);
    m_rate->setTextVisible(true);
    m_rate->setAccessibleName(tr("API requests left in this window"));

    bar.addWidget(m_undo);
    bar.addPermanentWidget(m_connectionLabel);
    bar.addPermanentWidget(m_syncLabel);
    bar.addPermanentWidget(m_outbox);
    bar.addPermanentWidget(m_rate);

    connect(m_outbox, &QToolButton::clicked, this, &StatusPanel::outboxRequested);
    connect(m_undo, &QToolButton::clicked, this, [this] {
        hideUndo();
        Q_EMIT undoRequested();
    });
    connect(&budget, &Api::RateBudget::stateChanged, this, [this](const QString& key) {
        if (key == m_connection.locationId)
            updateBudget();
    });
    attach(nullptr, {});
}

QString StatusPanel::environmentText(Auth::Environment environment)
{
    switch (environment) {
    case Auth::Environment::Sandbox:
        return tr("Sandbox");
    case Auth::Environment::Production:
        return tr("Production");
    case Auth::Environment::Custom:
        return tr("Custom server");
    }
    return {};
}

void StatusPanel::attach(Sync::Workspace* workspace, const Auth::Connection& connection)
{
    for (const QMetaObject::Connection& link : std::as_const(m_links))
        disconnect(link);
    m_links.clear();
    m_workspace = workspace;
    m_connection = connection;
    m_offlineText.clear();
    hideUndo();
    if (workspace) {
        Sync::SyncEngine* engine = &workspace->syncEngine();
        Sync::OutboxWorker* worker = &workspace->outboxWorker();
        m_links << connect(&workspace->edits(), &Store::LocalEdits::outboxChanged, this,
            &StatusPanel::updateOutbox);
        m_links << connect(engine, &Sync::SyncEngine::started, this,
            [this] { m_syncLabel->setText(tr("Syncing…")); });
        m_links << connect(engine, &Sync::SyncEngine::progressChanged, this,
            [this](const Sync::SyncProgress& progress) {
                m_syncLabel->setText(progress.total > 0
                        ? tr("Syncing… %1 of %2")
                              .arg(QLocale().toString(progress.contacts),
                                  QLocale().toString(progress.total))
                        : tr("Syncing… %1").arg(QLocale().toString(progress.contacts)));
            });
        m_links << connect(engine, &Sync::SyncEngine::finished, this, &StatusPanel::syncFinished);
        const auto networkState = [this, worker] {
            const bool offline = worker->offlineUntilMs() > 0;
            m_offlineText = offline ? tr("offline, changes wait") : QString();
            updateConnection();
        };
        m_links << connect(worker, &Sync::OutboxWorker::itemDeferred, this, networkState);
        m_links << connect(worker, &Sync::OutboxWorker::itemDone, this, networkState);
        m_links << connect(worker, &Sync::OutboxWorker::idle, this, networkState);
        showLastSync();
    } else {
        m_syncLabel->clear();
    }
    m_outbox->setEnabled(workspace != nullptr);
    updateConnection();
    updateOutbox();
    updateBudget();
}

void StatusPanel::setConnection(const Auth::Connection& connection)
{
    m_connection = connection;
    updateConnection();
}

QString StatusPanel::connectionText() const
{
    return m_connectionLabel->text();
}

QString StatusPanel::syncText() const
{
    return m_syncLabel->text();
}

void StatusPanel::updateConnection()
{
    if (!m_workspace) {
        m_connectionLabel->setText(tr("Not connected"));
        return;
    }
    QString state = m_connection.state == Auth::ConnectionState::NeedsSignIn
        ? tr("needs sign-in")
        : (m_offlineText.isEmpty() ? tr("connected") : m_offlineText);
    const QString text
        = tr("%1: %2 (%3)")
              .arg(environmentText(m_connection.environment), m_connection.displayName, state);
    m_connectionLabel->setText(text);
    m_connectionLabel->setAccessibleName(text);
}

void StatusPanel::updateOutbox()
{
    m_outboxCount = m_workspace ? m_workspace->outbox().pendingCount() : 0;
    m_outbox->setText(tr("Outbox: %1").arg(QLocale().toString(m_outboxCount)));
    m_outbox->setAccessibleName(
        tr("Outbox, %n change(s) waiting to be sent", nullptr, m_outboxCount));
}

void StatusPanel::updateBudget()
{
    if (!m_workspace || m_connection.locationId.isEmpty()) {
        m_rate->hide();
        return;
    }
    const Api::RateBudget::State state = m_budget.state(m_connection.locationId);
    const int limit = std::max(1, state.limit);
    // Until HighLevel reports what is left, what this app sent in the window is what it knows.
    const int left = state.serverRemaining >= 0 ? state.serverRemaining
                                                : std::max(0, limit - state.sentInWindow);
    m_rate->setRange(0, limit);
    m_rate->setValue(std::clamp(left, 0, limit));
    m_rate->setFormat(tr("API %1/%2").arg(left).arg(limit));
    QString tip = tr("%1 of %2 requests left in this %3-second window.")
                      .arg(left)
                      .arg(limit)
                      .arg(state.windowMs / 1000);
    if (state.dailyRemaining >= 0) {
        tip += u'\n'
            + tr("%1 of %2 requests left today.")
                  .arg(QLocale().toString(state.dailyRemaining),
                      QLocale().toString(state.dailyLimit));
    }
    if (state.queued > 0)
        tip += u'\n' + tr("%n request(s) waiting for budget.", nullptr, state.queued);
    m_rate->setToolTip(tip);
    m_rate->setAccessibleDescription(tip);
    m_rate->show();
}

void StatusPanel::syncFinished(const Sync::SyncResult& result)
{
    if (result.ok || result.cancelled) {
        showLastSync();
        return;
    }
    m_syncLabel->setText(tr("Sync failed"));
    m_syncLabel->setToolTip(result.message());
}

void StatusPanel::showLastSync()
{
    if (!m_workspace)
        return;
    const Store::SyncState& state = m_workspace->syncState();
    const qint64 last
        = std::max(state.lastIncrementalSyncMs().value_or(0), state.lastFullSyncMs().value_or(0));
    m_syncLabel->setToolTip({});
    if (last <= 0) {
        m_syncLabel->setText(tr("Not synced yet"));
        return;
    }
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(last).toLocalTime();
    m_syncLabel->setText(tr("Last sync %1").arg(QLocale().toString(when, QLocale::ShortFormat)));
}

void StatusPanel::offerUndo(const QString& description)
{
    m_undo->setText(tr("%1 · Undo").arg(description));
    m_undo->setToolTip(tr("Restore with its tasks and notes (Ctrl+Z)"));
    m_undo->show();
}

void StatusPanel::hideUndo()
{
    m_undo->hide();
}

} // namespace ContactDesk::Ui
