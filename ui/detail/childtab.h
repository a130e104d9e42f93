#pragma once

#include <QString>
#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ContactDesk::Ui {

// One list tab of the detail pane (tasks, notes, appointments): a line that tells whether the
// list is loading, failed to load (with Retry) or how old it is (with Refresh), the table or,
// while it has no rows, a sentence saying why, and the tab's buttons.
//
// Widgets are named after `name` ("tasks"): tasksView, tasksEmpty, tasksStatus,
// tasksStatusButton.
class ChildTab : public QWidget
{
    Q_OBJECT

public:
    enum class LoadState
    {
        Idle,
        Loading,
        Failed,
    };

    // The user texts of one kind of list.
    struct Texts
    {
        QString loading; // "Loading tasks…"
        QString failed; // "Could not load the tasks: %1"
        QString empty; // "No tasks yet."
        QString notLoaded; // "The tasks have not been loaded from HighLevel yet."
    };

    ChildTab(const QString& name, const Texts& texts, QAbstractItemModel* model,
        QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    // A button in the tab's row; with `needsSelection` it is enabled only while rows are
    // selected.
    QPushButton* addButton(const QString& objectName, const QString& text,
        const QString& accessibleName, bool needsSelection);

    // `canLoad`: a loader is there to fetch or refresh the list.
    void setCanLoad(bool canLoad);
    void setLoadState(LoadState state, const QString& message = {});
    LoadState loadState() const { return m_state; }
    // When the list was fetched (nullopt: never), against `nowMs`; lists older than
    // `staleAfterMs` are marked.
    void setFetchedAt(std::optional<qint64> fetchedAtMs, qint64 nowMs, qint64 staleAfterMs);
    bool isStale() const { return m_stale; }
    QString statusText() const;

Q_SIGNALS:
    // The user asked for the list again (Retry, Refresh or Load).
    void reloadRequested();

private:
    void updateView();

    Texts m_texts;
    QAbstractItemModel* m_model;
    QLabel* m_icon = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_statusButton = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_empty = nullptr;
    QWidget* m_buttonRow = nullptr;
    LoadState m_state = LoadState::Idle;
    QString m_failure;
    std::optional<qint64> m_fetchedAt;
    qint64 m_ageMs = 0;
    bool m_stale = false;
    bool m_canLoad = false;
};

} // namespace ContactDesk::Ui
