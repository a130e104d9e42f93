#pragma once

#include "auth/connection.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace ContactDesk::Api {
class RateBudget;
}

namespace ContactDesk::Sync {
class Workspace;
struct SyncResult;
} // namespace ContactDesk::Sync

namespace ContactDesk::Ui {

// The permanent part of the status bar: which connection and how it stands, when the last sync
// finished (or how far the running one is), how many changes wait in the outbox (a button that
// opens the outbox), the API request budget left as reported by HighLevel's X-RateLimit-*
// headers, and after a delete an Undo button.
class StatusPanel : public QObject
{
    Q_OBJECT

public:
    StatusPanel(QStatusBar& bar, Api::RateBudget& budget, QObject* parent = nullptr);

    // Follows `workspace` (null: none open) for `connection`.
    void attach(Sync::Workspace* workspace, const Auth::Connection& connection);
    void setConnection(const Auth::Connection& connection);
    // Shows Undo with `description` ("Deleted Jane Doe") until undone or hidden.
    void offerUndo(const QString& description);
    void hideUndo();

    QString connectionText() const;
    QString syncText() const;
    int outboxCount() const { return m_outboxCount; }

    // "Sandbox", "Production" or "Custom server": what the user must never confuse.
    static QString environmentText(Auth::Environment environment);

Q_SIGNALS:
    void outboxRequested();
    void undoRequested();

private:
    void updateConnection();
    void updateOutbox();
    void updateBudget();
    void syncFinished(const Sync::SyncResult& result);
    void showLastSync();

    QStatusBar& m_bar;
    Api::RateBudget& m_budget;
    QPointer<Sync::Workspace> m_workspace;
    Auth::Connection m_connection;
    QList<QMetaObject::Connection> m_links;
    int m_outboxCount = 0;
    QString m_offlineText;

    QLabel* m_connectionLabel = nullptr;
    QLabel* m_syncLabel = nullptr;
    QToolButton* m_outbox = nullptr;
    QProgressBar* m_rate = nullptr;
    QToolButton* m_undo = nullptr;
};

} // namespace ContactDesk::Ui
