#pragma once

#include <QDialog>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class ContactActions;
class OutboxModel;

// Every local edit that has not reached HighLevel yet, with where it stands and why: waiting,
// sending, failed (with the server's reason), in conflict. The user retries a failed item,
// discards one (its local change is undone), fixes a refused contact in the contact dialog with
// the server's messages next to their fields, or settles a conflict. Non-modal, so the list can
// stay open while the queue drains.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    // Asks before a destructive step; answers through `answer(true)` to go ahead.
    using Confirm = std::function<void(
        const QString& title, const QString& question, std::function<void(bool)> answer)>;

    OutboxDialog(Sync::Workspace& workspace, ContactActions& actions, QWidget* parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    OutboxModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Selects the item's row; false when it is not listed.
    bool selectItem(qint64 itemId);

public Q_SLOTS:
    void retrySelected();
    void discardSelected();
    void resolveSelected();
    void fixSelected();

private:
    qint64 selectedItemId() const;
    void updateButtons();
    void updateEmpty();

    Sync::Workspace& m_workspace;
    ContactActions& m_actions;
    Confirm m_confirm;
    OutboxModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_resolve = nullptr;
    QPushButton* m_fix = nullptr;
};

} // namespace ContactDesk::Ui
